"""The article view: an article's whole text with every expression of time found.

Opened from the command palette ("Open article: …") or from the source pane
(`o`). The tagger (`tui.dates.tagger.tag_text`) finds the expressions, anchored at
the article's publication date; the text marks them, and the pane below says what
the selected one resolves to, with its type, TIMEX3 value and explanation.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from tui.dates.tagger import tag_text
from tui.model import Article
from tui.present import published_label
from tui.safetext import visible
from tui.widgets.article_text import ArticleText
from tui.widgets.tag_info import TagInfo


class ArticleScreen(Screen[None]):
    """One article, its expressions of time marked, the selected one explained."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back to the explorer", id="article.back"),
    ]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.tags = tuple(tag_text(article.text, article.published))

    def compose(self) -> ComposeResult:
        """The text above, the expression pane below; the layout lives in app.tcss."""
        yield ArticleText(id="article-text")
        yield TagInfo(id="tag-info")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Show the article with its expressions; the first is chosen with `n`."""
        text = self.query_one("#article-text", ArticleText)
        article = self.article
        text.border_title = visible(
            f"{article.outlet} · {article.title} · {published_label(article)}"
        )
        text.show_tags(article, self.tags)
        self.query_one("#tag-info", TagInfo).show(None, 0, len(self.tags))
        self.query_one("#tag-info").border_title = "Expression"
        text.focus()

    @on(ArticleText.ExpressionChosen, "#article-text")
    def _chosen(self, message: ArticleText.ExpressionChosen) -> None:
        self.query_one("#tag-info", TagInfo).show(
            self.tags[message.index], message.index + 1, len(self.tags)
        )
