"""The article view's text: a whole article with every expression of time marked.

`ArticleText` is the source pane's wrapped, line-drawn article (`SourceView`) with
the tagger's expressions in place of the quotes: every one is marked, the selected
one highlighted and scrolled into view; `n`/`]` and `N`/`[` step through them and
post `ExpressionChosen`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from tui.dates.tagger import Tag
from tui.model import Article
from tui.present import QuoteRef
from tui.widgets.keys import move_bindings
from tui.widgets.source_view import SourceView


class ArticleText(SourceView, inherit_bindings=False):
    """An article with its expressions of time marked and one selected."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right_square_bracket", "step(1)", "Next expression",
                id="article.next_expression"),
        Binding("N,left_square_bracket", "step(-1)", "Previous expression",
                id="article.previous_expression"),
        *move_bindings("article"),
    ]

    COMPONENT_CLASSES = {"article--expression", "article--unresolved", "article--selected"}

    DEFAULT_CSS = """
    ArticleText {
        & > .article--expression { text-style: underline; color: $accent; }
        & > .article--unresolved { text-style: underline; color: $text-muted; }
        & > .article--selected { background: $warning 40%; text-style: bold underline; }
    }
    """

    @dataclass(eq=False)
    class ExpressionChosen(Message):
        """The reader moved to another expression."""

        article_text: ArticleText
        """The text the reader moved in."""
        index: int
        """The expression's position in `tags`."""

        @property
        def control(self) -> ArticleText:
            """The widget that sent the message (an alias of `article_text`)."""
            return self.article_text

    tags: tuple[Tag, ...] = ()

    def show_tags(self, article: Article, tags: tuple[Tag, ...]) -> None:
        """Show `article` with `tags` marked, none selected yet."""
        self.tags = tags
        refs = tuple(QuoteRef(t.start, t.end, "", i) for i, t in enumerate(tags))
        self.show(article, refs)

    @property
    def selected(self) -> Tag | None:
        """The selected expression, if any."""
        return None if self.current is None else self.tags[self.current]

    def select(self, index: int) -> None:
        """Select expression `index`, scroll it into view and say so."""
        self._choose(index)

    def _choose(self, index: int) -> None:
        self.current = index
        self._generation += 1
        self._cache.clear()
        self.refresh()
        self.scroll_to_quote()
        self.post_message(self.ExpressionChosen(self, index))

    def action_step(self, step: int) -> None:
        """Select the next (`step` 1) or previous (-1) expression; say when it wraps."""
        count = len(self.tags)
        if not count:
            self.notify("No expression of time was found in this article.", markup=False)
            return
        if self.current is None:
            index = 0 if step > 0 else count - 1
        else:
            index = self.current + step
            if not 0 <= index < count:
                where = "first" if step > 0 else "last"
                self.notify(f"Wrapped to the {where} expression.", markup=False)
                index %= count
        self._choose(index)

    def styled_line(self, index: int) -> Text:
        """Virtual line `index` with the expressions on it marked."""
        if index < len(self._header):
            return self._header[index]
        start, end = self._text_lines[index - len(self._header)]
        text = Text(self._safe_text[start:end])
        marked = self.get_component_rich_style("article--expression")
        unresolved = self.get_component_rich_style("article--unresolved")
        selected = self.get_component_rich_style("article--selected")
        for i, quote in enumerate(self.quotes):
            if quote.end <= start or quote.start >= end:
                continue
            if i == self.current:
                style = selected
            else:
                style = marked if self.tags[i].span is not None else unresolved
            text.stylize(style, max(quote.start, start) - start, min(quote.end, end) - start)
        return text
