"""The article view's text: a whole article with every expression of time marked.

`ArticleText` is the source pane's wrapped, line-drawn article (`SourceView`) with
the tagger's expressions in place of the quotes: every one is marked, the selected
one highlighted and scrolled into view; `n`/`]` and `N`/`[` step through them and
post `ExpressionChosen`.

A search (`search`, from the screen's `/`) marks every place the words stand,
case and spacing aside; while it is in force `n` and `N` step through those
places instead, and Esc clears it (`SearchChanged` says so each time).

It also selects a passage as vim's visual mode does, a sentence at a time: `v`
starts on the selected expression's sentence (or the first one in view), `)` and
`(` move the selection's end a sentence on or back, Esc (or `v` again) drops it.
Each change posts `PassageChanged`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from tui.dates.tagger import Tag
from tui.model import Article
from tui.passage import Passage
from tui.present import QuoteRef
from tui.widgets.keys import move_bindings
from tui.widgets.source_view import SourceView

# Typed straight, printed curly: a search's ' finds ’ and ‘, its " finds “ and ”, its
# hyphen a dash. Words run over a line break, not over a blank line (a paragraph's end).
_MARKS = {"'": "['‘’]", '"': '["“”]', "-": "[-‐‑–—]"}
_BETWEEN_WORDS = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\n]+)"  # any space but a blank line


def _word_pattern(word: str) -> str:
    return "".join(_MARKS.get(char, re.escape(char)) for char in word)


class ArticleText(SourceView, inherit_bindings=False):
    """An article with its expressions of time marked and one selected."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # While a search is in force, n and N step through its matches (`check_action`).
        Binding("n", "step_match(1)", "Next match", tooltip="While a search is in force",
                id="article.next_match"),
        Binding("N", "step_match(-1)", "Previous match", show=False,
                tooltip="While a search is in force", id="article.previous_match"),
        Binding("n,right_square_bracket", "step(1)", "Next expression",
                tooltip="n without a search", id="article.next_expression"),
        Binding("N,left_square_bracket", "step(-1)", "Previous expression", show=False,
                tooltip="N without a search", id="article.previous_expression"),
        # Selecting a passage: each key is on only while it applies (`check_action`).
        Binding("v", "start_passage", "Select", id="article.select"),
        Binding("escape", "drop_passage", "Cancel selection", id="article.select_cancel"),
        Binding("escape", "clear_search", "Clear search", id="article.clear_search"),
        Binding("v", "drop_passage", "", show=False, id="article.select_toggle"),  # vim's way
        Binding("right_parenthesis", "extend(1)", "Next sentence", id="article.select_next"),
        Binding("left_parenthesis", "extend(-1)", "Previous sentence", show=False,
                id="article.select_previous"),
        Binding("o", "swap_ends", "Other end", show=False, id="article.select_other_end"),
        *move_bindings("article"),
    ]

    COMPONENT_CLASSES = {
        "article--expression", "article--unresolved", "article--selected", "article--passage",
        "article--match", "article--match-current",
    }  # fmt: skip

    DEFAULT_CSS = """
    ArticleText {
        & > .article--expression { text-style: underline; color: $accent; }
        & > .article--unresolved { text-style: underline; color: $text-muted; }
        & > .article--selected { background: $warning 40%; text-style: bold underline; }
        & > .article--passage { background: $accent 30%; text-style: bold; }
        & > .article--match { text-style: reverse; }
        & > .article--match-current { text-style: reverse bold underline; }
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

    @dataclass(eq=False)
    class SearchChanged(Message):
        """A search was made, stepped through or cleared."""

        article_text: ArticleText
        """The text searched."""
        words: str
        """The words searched for ("" once cleared)."""
        index: int | None
        """The current match's position in `matches` (None: no match, or cleared)."""
        count: int
        """How many places the words stand in."""

        @property
        def control(self) -> ArticleText:
            """The widget that sent the message (an alias of `article_text`)."""
            return self.article_text

    @dataclass(eq=False)
    class PassageChanged(Message):
        """A passage was selected, extended or dropped."""

        article_text: ArticleText
        """The text the passage is in."""
        passage: Passage | None
        """The passage selected now (None: none)."""

        @property
        def control(self) -> ArticleText:
            """The widget that sent the message (an alias of `article_text`)."""
            return self.article_text

    tags: tuple[Tag, ...] = ()
    passage: Passage | None = None
    search_words: str = ""
    """The words of the search in force ("" for none)."""
    matches: tuple[tuple[int, int], ...] = ()
    """Where they stand in the article: (start, end) of each, in order."""
    match_index: int | None = None
    _moved_to_match = False  # the reader's last move went to a match, not an expression

    opened_at: int | None = None
    """Where the reader came from (the quote the article was opened at): `v` with no
    expression chosen selects its sentence while that is in view."""
    positioned = True
    """False until the view is scrolled to `opened_at` (after its first layout): `v`
    typed before that ("o v" in one burst) selects the quote's sentence too."""

    _height_seen = 0  # the text's height at the last resize

    def keep_in_view(self, *, rewrapped: bool) -> None:
        """After a resize, keep in view what the reader looks at: the match their last
        move went to, else the chosen expression; at a new height (the search line
        opened or closed, the pane below grew), only if it was in view, so that a
        reader who scrolled away from it stays where they are (as in less, `/` leaves
        the view alone)."""
        before, self._height_seen = self._height_seen, self.scrollable_content_region.height
        at_match = self.at_match
        if at_match is None:
            if rewrapped or self._in_view(self.current_quote, before):
                super().keep_in_view(rewrapped=rewrapped)
            return
        span = self.matches[self.match_index or 0]
        if rewrapped or self._in_view(QuoteRef(span[0], span[1], "", 0), before):
            self.scroll_to_span(*span)

    def _in_view(self, quote: QuoteRef | None, height: int) -> bool:
        """True when `quote` starts within the `height` lines from the view's top (or
        the view had no height yet)."""
        if quote is None:
            return False
        top = round(self.scroll_offset.y)
        return not height or top <= self.line_of_offset(quote.start) < top + height

    def _out_of_view(self, offset: int) -> bool:
        """True when the line holding article offset `offset` is not in view (never
        before the first layout)."""
        height = self.scrollable_content_region.height
        return bool(height) and not self._in_view(QuoteRef(offset, offset, "", 0), height)

    def _view_top(self) -> int:
        """The article offset of the first text line in view."""
        line = self.offsets_of_line(max(len(self._header), round(self.scroll_offset.y)))
        return line[0] if line is not None else 0

    def _view_bottom(self) -> int:
        """The article offset where the last text line in view ends."""
        last = round(self.scroll_offset.y) + max(1, self.scrollable_content_region.height) - 1
        line = self.offsets_of_line(min(last, len(self._header) + len(self._text_lines) - 1))
        return line[1] if line is not None else 0

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
        self._moved_to_match = False
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
        if self.current is None and self.opened_at is None and self.at_match is None:
            index = 0 if step > 0 else count - 1
        else:
            index = self._next_index(step)
            if not 0 <= index < count:
                where = "first" if step > 0 else "last"
                self.notify(f"Wrapped to the {where} expression.", markup=False)
                index %= count
        self._choose(index)

    def _next_index(self, step: int) -> int:
        """The expression `step` on from the match the reader last went to, else from
        the selected one or, with none, from the quote the article was opened at, as
        vim's `n` goes on from the cursor (the first one after it, or the last before
        it); out of range when that passes an end."""
        at = self.at_match
        if at is None:
            if self.current is not None and not self._out_of_view(self.tags[self.current].start):
                return self.current + step
            at = self.opened_at if self.current is None else None
        if at is None or self._out_of_view(at):
            # Scrolled away from it (`g`, `G`, a page): the first in view (`n`) or the
            # last (`N`), as less goes on from the screen, and vim from the cursor
            # `gg` or `G` moved.
            at = self._view_top() if step > 0 else self._view_bottom()
        assert at is not None
        if step > 0:
            return next((i for i, t in enumerate(self.tags) if t.start >= at), len(self.tags))
        before = [i for i, t in enumerate(self.tags) if t.end <= at]
        return before[-1] if before else -1

    # --- a search ------------------------------------------------------------------

    def search(self, words: str) -> int:
        """Mark every place `words` stand in the article (case and spacing aside) and
        go to the first at or after the top of the view; how many there are. No
        match leaves the search before it in force."""
        if self.article is None or not words.split():
            return 0
        pattern = re.compile(_BETWEEN_WORDS.join(map(_word_pattern, words.split())),
                             re.IGNORECASE)  # fmt: skip
        found = tuple((m.start(), m.end()) for m in pattern.finditer(self.article.text))
        if not found:
            return 0
        self.search_words, self.matches = " ".join(words.split()), found
        top = self._view_top()
        self._go_to_match(next((i for i, (s, _) in enumerate(found) if s >= top), 0))
        self.refresh_bindings()
        return len(found)

    def action_step_match(self, step: int) -> None:
        """Go to the next (`step` 1) or previous (-1) match; say when it wraps."""
        if not self.matches or self.match_index is None:
            return
        index = self.match_index + step
        if self._out_of_view(self.matches[self.match_index][0]):  # scrolled away: from the view
            if step > 0:
                top = self._view_top()
                index = next((i for i, (s, _) in enumerate(self.matches) if s >= top),
                             len(self.matches))
            else:
                bottom = self._view_bottom()
                index = max((i for i, (_, e) in enumerate(self.matches) if e <= bottom),
                            default=-1)
        if not 0 <= index < len(self.matches):
            where = "first" if step > 0 else "last"
            self.notify(f"Wrapped to the {where} match.", markup=False)
            index %= len(self.matches)
        self._go_to_match(index)

    def action_clear_search(self) -> None:
        """Clear the search: `n` and `N` step through the expressions again."""
        self.search_words, self.matches, self.match_index = "", (), None
        self._moved_to_match = False
        self._repaint()
        self.refresh_bindings()
        self.post_message(self.SearchChanged(self, "", None, 0))

    @property
    def at_match(self) -> int | None:
        """Where the current match starts, while the reader's last move went to it (not
        to an expression): `v` and `t` then work on its sentence."""
        if not self._moved_to_match or self.match_index is None:
            return None
        return self.matches[self.match_index][0]

    def _go_to_match(self, index: int) -> None:
        self.match_index = index
        self._moved_to_match = True
        self._repaint()
        self.scroll_to_span(*self.matches[index])
        self.post_message(self.SearchChanged(self, self.search_words, index, len(self.matches)))

    def _repaint(self) -> None:
        self._generation += 1
        self._cache.clear()
        self.refresh()

    # --- a passage ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The passage keys only while there is a passage, `v` to start only without;
        the match keys and Esc's clearing only while a search is in force."""
        if action == "start_passage":
            return self.passage is None
        if action in ("drop_passage", "extend", "swap_ends"):
            return self.passage is not None
        if action in ("step_match", "clear_search"):
            return bool(self.matches)
        return True

    def action_start_passage(self) -> None:
        """Select the sentence of the selected expression, or the first one in view."""
        if self.article is None:
            return
        tag = self.selected
        text = self.article.text
        if self.at_match is not None:  # moved to a match last: its sentence
            self._set_passage(Passage.at(text, self.at_match))
            return
        if tag is not None:
            self._set_passage(Passage.at(text, tag.start))
            return
        top = max(len(self._header), round(self.scroll_offset.y))
        opened_at = self.opened_at
        if opened_at is not None and (not self.positioned or top <= self.line_of_offset(
            opened_at) < top + max(1, self.scrollable_content_region.height)):
            self._set_passage(Passage.at(text, opened_at))
            return
        line = self.offsets_of_line(top)
        offset = line[0] if line is not None else 0
        passage = Passage.at(text, offset)
        if passage is not None and passage.start < offset:
            # It began above the view: the first sentence that starts in view instead.
            passage = Passage.at(text, passage.end) or passage
        self._set_passage(passage)

    def action_drop_passage(self) -> None:
        """Drop the selection."""
        self._set_passage(None)

    def action_extend(self, step: int) -> None:
        """Move the selection's end `step` sentences on (back when negative)."""
        if self.passage is None:
            return
        moved = self.passage.moved(step)
        if moved == self.passage:
            where = "last" if step > 0 else "first"
            self.notify(f"The article's {where} sentence is selected.", markup=False)
            return
        self._set_passage(moved)

    def action_swap_ends(self) -> None:
        """Move to the selection's other end (vim's `o`): `)` and `(` then move that
        end, so a selection can leave its first sentence behind."""
        if self.passage is not None:
            self._set_passage(self.passage.swapped())

    def _set_passage(self, passage: Passage | None) -> None:
        self.passage = passage
        self._generation += 1
        self._cache.clear()
        self.refresh()
        self.refresh_bindings()
        if passage is not None:
            self.scroll_to_span(*passage.cursor_span)
        self.post_message(self.PassageChanged(self, passage))

    def styled_line(self, index: int) -> Text:
        """Virtual line `index` with the expressions on it marked."""
        if index < len(self._header):
            return self._header[index]
        start, end = self._text_lines[index - len(self._header)]
        text = Text(self._safe_text[start:end])
        passage = self.passage
        if passage is not None and passage.start < end and start < passage.end:
            text.stylize(
                self.get_component_rich_style("article--passage"),
                max(passage.start, start) - start,
                min(passage.end, end) - start,
            )
        # Partial (no background of their own): the passage's shows through them.
        marked = self.get_component_rich_style("article--expression", partial=True)
        unresolved = self.get_component_rich_style("article--unresolved", partial=True)
        selected = self.get_component_rich_style("article--selected")
        for i, quote in enumerate(self.quotes):
            if quote.end <= start or quote.start >= end:
                continue
            if i == self.current:
                style = selected
            else:
                style = marked if self.tags[i].span is not None else unresolved
            text.stylize(style, max(quote.start, start) - start, min(quote.end, end) - start)
        if self.matches:  # drawn last: the search's marks over every other
            match = self.get_component_rich_style("article--match", partial=True)
            current = self.get_component_rich_style("article--match-current", partial=True)
            for i, (m_start, m_end) in enumerate(self.matches):
                if m_start < end and start < m_end:
                    text.stylize(current if i == self.match_index else match,
                                 max(m_start, start) - start, min(m_end, end) - start)  # fmt: skip
        return text
