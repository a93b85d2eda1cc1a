"""The source pane: a whole article with the selected event's quote highlighted.

`SourceView` is a Line-API `ScrollView`. It wraps the article itself, keeping
for every line its character offsets into `Article.text`, so a quote's offsets
(`Source.quote_start`/`quote_end`) map straight to lines and columns. The chosen
quote is highlighted and scrolled into view; the article's other quotes are
marked faintly, and `]`/`[` move to them, posting `QuoteChosen` so the screen can
select their event in the timeline (the reverse jump).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.dates.sentences import reflowed
from tui.model import Article
from tui.present import QuoteRef, published_label
from tui.safetext import visible, visible_block
from tui.widgets.keys import ScrollKeys, move_bindings
from tui.widgets.styles import LineStyles
from tui.widgets.virtual import set_virtual_size

_WORD = re.compile(r"\S+\s*")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` to `width` cells: (start, end) offsets per line.

    Line breaks in the text end a line; a word longer than the width is split.
    The ranges cover the text without gaps except for the line breaks themselves.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        end_of_para = start + len(paragraph)
        if not paragraph:
            lines.append((start, start))
        # Printable ASCII (the safe text of an English article): one cell a character
        # and only " " as a blank, so lines can be found a line at a time.
        elif paragraph.isascii() and paragraph.isprintable():
            _wrap_ascii(text, start, end_of_para, width, lines)
        else:
            _wrap_words(text, start, end_of_para, width, lines)
        start = end_of_para + 1
    return lines


def _wrap_words(text: str, start: int, end: int, width: int, lines: list[tuple[int, int]]) -> None:
    """`wrap_offsets` for one non-empty paragraph, `text[start:end]`, word by word."""
    line_start = start
    used = 0
    for match in _WORD.finditer(text, start, end):
        w_start, w_end = match.start(), match.end()
        word = match.group().rstrip()
        need = cell_len(word)
        if used and used + need > width:
            lines.append((line_start, w_start))
            line_start, used = w_start, 0
        one_cell = word.isascii() and word.isprintable()  # every character one cell
        while need > width:  # a word wider than the pane: split it
            # The rest's width is counted down, never measured again: a
            # megabyte-long word costs one pass, not one pass per line.
            cut, acc = (w_start + width, width) if one_cell else _fit(text, w_start, width)
            lines.append((line_start, cut))
            line_start = w_start = cut
            need -= acc
        used += cell_len(text[w_start:w_end])
    if line_start < end:
        lines.append((line_start, end))


def _wrap_ascii(text: str, start: int, end: int, width: int, lines: list[tuple[int, int]]) -> None:
    """`wrap_offsets` for one paragraph of printable ASCII, `text[start:end]`.

    The same lines as the word-by-word loop, found by looking at the character
    `width` cells on, so a paragraph of a million words costs a step a line.
    """
    line_start = origin = start
    while origin < end and text[origin].isspace():
        origin += 1  # leading blanks do not count toward the first line's width
    while origin + width < end:
        limit = origin + width  # the first cell that does not fit
        next_start = limit
        if text[limit].isspace():  # every word up to here fits; skip the blanks
            while next_start < end and text[next_start].isspace():
                next_start += 1
            if next_start == end:
                break
        else:  # back to the start of the word that does not fit
            while next_start > origin and not text[next_start - 1].isspace():
                next_start -= 1
            if next_start == origin:  # one word wider than the pane: split it
                next_start = limit
        lines.append((line_start, next_start))
        line_start = origin = next_start
    lines.append((line_start, end))


def _fit(text: str, start: int, width: int) -> tuple[int, int]:
    """End offset and width in cells of the longest run from `start` that fits
    `width` (at least one character, however wide)."""
    cut, acc = start, 0
    while cut < len(text):
        cells = cell_len(text[cut])
        if acc + cells > width and cut > start:
            break
        acc += cells
        cut += 1
        if acc >= width:
            break
    return cut, acc


class SourceView(LineStyles, ScrollKeys, ScrollView, can_focus=True):
    """An article, wrapped to the pane, with quotes marked and one highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("]", "next_quote", "Next quote", id="source.next_quote"),
        Binding("[", "previous_quote", "Prev quote", show=False, id="source.previous_quote"),
        # Deeper still: the whole article, at this quote (`o` from every pane).
        Binding("enter", "screen.open_article", "Open article", show=False,
                id="source.open_article"),
        *move_bindings("source"),
    ]

    COMPONENT_CLASSES = {
        "source--title",
        "source--meta",
        "source--inferred",
        "source--quote",
        "source--other-quote",
    }

    DEFAULT_CSS = """
    SourceView {
        overflow-x: hidden;
        overflow-y: scroll;  /* the bar stays in place, blank when all fits: no layout */
        padding: 0 1;
        & > .source--title { text-style: bold; color: $text; }
        & > .source--meta { color: $text-muted; }
        & > .source--inferred { color: $warning; text-style: italic; }
        & > .source--quote { background: $warning 40%; text-style: bold; }
        & > .source--other-quote { text-style: underline; color: $text-muted; }
    }
    """

    @dataclass(eq=False)  # each message is distinct: compared and hashed by identity
    class QuoteChosen(Message):
        """The reader moved to another quote: select its event (and source)."""

        source_view: SourceView
        """The pane the reader moved in."""
        event_id: str
        """The event that uses the quote."""
        source_index: int
        """Which of the event's sources the quote is."""

        @property
        def control(self) -> SourceView:
            """The widget that sent the message (an alias of `source_view`)."""
            return self.source_view

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None
        self.quotes: tuple[QuoteRef, ...] = ()
        self.current: int | None = None  # index into quotes
        self._header: list[Text] = []
        self._text_lines: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._wrapped_width = -1
        self._generation = 0
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(512)
        self._safe_text = ""
        # Whether the filters keep an event: `]`/`[` skip the quotes of hidden ones.
        self.is_listed: Callable[[str], bool] = lambda event_id: True

    # --- what to show ------------------------------------------------------------

    def show(
        self,
        article: Article | None,
        quotes: tuple[QuoteRef, ...] = (),
        current: QuoteRef | None = None,
    ) -> None:
        """Show `article` with its `quotes` marked and `current` highlighted in view."""
        if article is not self.article:
            self.article = article
            # The article's own line wrap is read as spaces (same offsets): the pane
            # wraps paragraphs to its width.
            self._safe_text = visible_block(reflowed(article.text)) if article else ""
            self._wrapped_width = -1
        self.quotes = quotes
        self.current = quotes.index(current) if current in quotes else None
        self._rewrap()
        self.scroll_to_quote()

    @property
    def current_quote(self) -> QuoteRef | None:
        """The highlighted quote, if any."""
        return None if self.current is None else self.quotes[self.current]

    def _content_width(self) -> int:
        return max(10, self.scrollable_content_region.width)

    def _rewrap(self) -> None:
        width = self._content_width()
        self._generation += 1
        self._cache.clear()
        if width != self._wrapped_width:
            self._wrapped_width = width
            self._header = self._build_header(width)
            self._text_lines = wrap_offsets(self._safe_text, width) if self.article else []
            self._starts = [s for s, _ in self._text_lines]
        set_virtual_size(self, Size(0, len(self._header) + len(self._text_lines)))
        self.refresh()

    def _build_header(self, width: int) -> list[Text]:
        article = self.article
        if article is None:
            return [Text("No event selected.", self.get_component_rich_style("source--meta"))]
        title = Text(visible(article.shown_title), self.get_component_rich_style("source--title"))
        meta = Text(style=self.get_component_rich_style("source--meta"))
        meta.append(visible(article.outlet))
        if article.author:
            meta.append(" · " + visible(article.author))
        meta.append(" · published ")
        meta.append(
            published_label(article),
            self.get_component_rich_style("source--inferred") if article.published_inferred else "",
        )
        lines: list[Text] = []
        for text in (title, meta):
            lines.extend(text.wrap(self.app.console, width))
        lines.append(Text(""))
        return lines

    def line_of_offset(self, offset: int) -> int:
        """The virtual line (header included) showing character `offset` of the article."""
        index = max(0, bisect_right(self._starts, offset) - 1)
        return len(self._header) + index

    def offsets_of_line(self, index: int) -> tuple[int, int] | None:
        """The article offsets (start, end) shown on virtual line `index`; None for the header."""
        if index < len(self._header) or index >= len(self._header) + len(self._text_lines):
            return None
        return self._text_lines[index - len(self._header)]

    def scroll_to_quote(self) -> None:
        """Scroll so that the highlighted quote is in view (its start near the top)."""
        quote = self.current_quote
        if quote is None:
            self.scroll_to(y=0, animate=False, immediate=True)
            return
        height = max(1, self.scrollable_content_region.height)
        first = self.line_of_offset(quote.start)
        last = self.line_of_offset(max(quote.start, quote.end - 1))
        span = last - first + 1
        top = first - max(0, (height - span) // 3) if span < height else first
        self.scroll_to(y=max(0, top), animate=False, immediate=True,
                       force=True)  # (before the first layout too)

    def notify_style_update(self) -> None:
        """The theme or CSS changed: cached lines hold the old colours."""
        super().notify_style_update()
        self._cache.clear()

    def on_resize(self) -> None:
        """Rewrap to the new width, then keep in view what should be (`keep_in_view`)."""
        rewrapped = self._content_width() != self._wrapped_width
        if rewrapped:
            self._rewrap()
        self.keep_in_view(rewrapped=rewrapped)

    def keep_in_view(self, *, rewrapped: bool) -> None:
        """After a resize, keep the quote in view: rewrapped, near the top; at a new
        height (the pane below grew with what it says), scrolled only as far as it
        needs."""
        if rewrapped:
            self.scroll_to_quote()  # in the same frame (it scrolls before the new layout)
        elif (quote := self.current_quote) is not None:
            self.scroll_to_span(quote.start, quote.end)

    def scroll_to_span(self, start: int, end: int) -> None:
        """Scroll as little as needed to show text offsets `start` to `end`."""
        height = max(1, self.scrollable_content_region.height)
        first = self.line_of_offset(start)
        last = self.line_of_offset(max(start, end - 1))
        top = round(self.scroll_offset.y)
        if first < top or last - first + 1 > height:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False, immediate=True)

    # --- quote navigation ------------------------------------------------------------

    def _choose(self, index: int) -> None:
        self.current = index
        self._generation += 1
        self._cache.clear()
        self.refresh()
        self.scroll_to_quote()
        quote = self.quotes[index]
        self.post_message(self.QuoteChosen(self, quote.event_id, quote.source_index))

    def action_next_quote(self) -> None:
        """Move to the next quote used from this article by an event the filters keep."""
        self._step(1)

    def action_previous_quote(self) -> None:
        """Move to the previous quote used from this article by an event the filters keep."""
        self._step(-1)

    def _step(self, step: int) -> None:
        """Choose the next quote in direction `step` whose event is listed; say when it wraps."""
        count = len(self.quotes)
        if count < 2:
            self.notify("No other quote is used from this article.", markup=False)
            return
        start = self.current if self.current is not None else (-1 if step > 0 else count)
        for n in range(1, count + 1):
            index = start + step * n
            if not self.is_listed(self.quotes[index % count].event_id):
                continue
            if index % count == self.current:
                break
            if not 0 <= index < count:
                where = "first" if step > 0 else "last"
                self.notify(f"Wrapped to the {where} quote of this article.", markup=False)
            self._choose(index % count)
            return
        self.notify("The filters hide the events of this article's other quotes.",
                    markup=False)

    # --- rendering ---------------------------------------------------------------------

    def styled_line(self, index: int) -> Text:
        """Virtual line `index` as text with the quote styles applied."""
        if index < len(self._header):
            return self._header[index]
        start, end = self._text_lines[index - len(self._header)]
        text = Text(self._safe_text[start:end])
        faint = self.line_style("source--other-quote")
        strong = self.line_style("source--quote")
        # The highlighted quote last: where another event's quote overlaps it, the
        # highlight (bold, the only mark without colour) still shows over all of it.
        order = [i for i in range(len(self.quotes)) if i != self.current]
        if self.current is not None:
            order.append(self.current)
        for i in order:
            quote = self.quotes[i]
            if quote.end <= start or quote.start >= end:
                continue
            style = strong if i == self.current else faint
            text.stylize(style, max(quote.start, start) - start, min(quote.end, end) - start)
        return text

    def render_line(self, y: int) -> Strip:
        """Render visible line `y` (cached by line, width and highlighted quote)."""
        base, width = self.line_base()
        index = y + round(self.scroll_offset.y)
        total = len(self._header) + len(self._text_lines)
        if index >= total:
            return Strip.blank(width, base)
        key = (index, width, self.current, self._generation)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        text = self.styled_line(index)
        text.end = ""
        segments = list(text.render(self.app.console))
        strip = Strip(segments).crop_extend(0, width, Style()).apply_style(base)
        self._cache[key] = strip
        return strip
