"""The status line: what is filtered and how many events remain."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.widgets import Static

from tui.filters import Filter
from tui.model import Timeline
from tui.safetext import visible


def describe_filter(timeline: Timeline, filt: Filter, shown: int, *, typing: bool = False) -> str:
    """One line such as `Kim Jong Un AND Xi Jinping · 2021 · "treaty" — 3 of 41 events`.

    Several actors are joined by the way they combine: OR (any of them) or AND.
    When none is left, it says how to get them back: with `typing` (the focus in
    a text box, where `c` is a letter), that Esc cancels the search, or leads to
    where `c` clears the filters.
    """
    return "".join(filter_parts(timeline, filt, shown, typing=typing))


def filter_parts(
    timeline: Timeline, filt: Filter, shown: int, *, typing: bool = False
) -> tuple[str, str]:
    """`describe_filter`'s line in two: the filters, and the count with what follows it.

    A line too long for the screen gives up the end of the filters, never the count.
    """
    parts: list[str] = []
    names = sorted(timeline.actor_names(filt.actors))
    if names:
        parts.append((" AND " if filt.all_actors else " OR ").join(names))
    parts.extend(str(y) for y in sorted(filt.years))
    if filt.kinds:
        parts.append("kind: " + " OR ".join(sorted(filt.kinds)))
    if filt.search.strip():
        parts.append(f'"{filt.search.strip()}"')
    if filt.article:
        article = timeline.article_by_id.get(filt.article)
        parts.append(f"article: {article.shown_title if article else filt.article}")
    total = len(timeline.events)
    noun = "event" if total == 1 else "events"
    if not parts:  # "All 0 events" read oddly in a timeline just started
        return "", f"All {total} {noun}" if total > 1 else "1 event" if total else "No events yet"
    count = f" — {shown} of {total} {noun}"
    if shown == 0 and total and (filt.years or filt.date_from or filt.date_to):
        years = timeline.start_years  # in C: only when none is shown
        count += filt.coverage(min(years), max(years))
    if shown == 0:
        if typing and filt.search.strip():
            count += " · Esc cancels the search"
        elif typing:
            count += " · Esc, then c, clears the filters"
        else:
            count += " · press c to clear the filters"
    return visible(" · ".join(parts)), count


PREPARING = " · preparing the filters…"


def loading_words(shown: int, total: int, *, unreadable: bool = False) -> str:
    """The status while a long timeline's first events are shown and the rest is read."""
    if unreadable:
        return f"The first {shown} of {total} events · the rest cannot be read: see the problems"
    return f"The first {shown} of {total} events · reading the rest…"


class StatusLine(Static):
    """A one-line summary of the active filters and the number of events shown."""

    plain: str = ""
    _head: str = ""  # the part `plain` gives up first when the line is too long

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text;
        &.-empty { color: $warning; text-style: bold; }
    }
    """

    def show(
        self,
        timeline: Timeline,
        filt: Filter,
        shown: int,
        *,
        preparing: bool = False,
        loading_total: int | None = None,
        unreadable: bool = False,
        typing: bool = False,
    ) -> None:
        """Describe `filt`, which leaves `shown` events of `timeline`.

        With `preparing`, it also says that the filters are still being prepared
        (the index and search texts are built just after the first paint). With
        `loading_total`, `timeline` is the first events of one that many long,
        whose whole model is still being read (or, `unreadable`, could not be).
        `typing`: the focus is in the search box (see `describe_filter`).
        """
        self.set_class(shown == 0, "-empty")
        self._head = ""
        if loading_total is not None:
            self.plain = loading_words(shown, loading_total, unreadable=unreadable)
        else:
            self._head, count = filter_parts(timeline, filt, shown, typing=typing)
            self.plain = self._head + count + (PREPARING if preparing else "")
        self._fit()

    def on_resize(self) -> None:
        """Fit the line to its new width."""
        self._fit()

    def _fit(self) -> None:
        """Show `plain`; when the whole is too wide, the hints after the count said
        shortly first (the filters are what the line is for), then the filters cut
        short with "…"."""
        width = self.content_region.width
        shown = self.plain
        if self._head and width > 0 and cell_len(shown) > width:
            rest = shown[len(self._head) :]
            for long, short in _SHORT_HINTS:
                rest = rest.replace(long, short)
            shown = self._head + rest
            if cell_len(shown) > width:
                room = max(width - cell_len(rest) - 1, 1)
                shown = set_cell_size(self._head, room).rstrip() + "…" + rest
        self.update(Text(shown), layout=False)  # always one line: no layout needed


# Each hint after the count, and what it is shortened to on a narrow line.
_SHORT_HINTS = (
    (" · press c to clear the filters", " · c clears"),
    (" · Esc cancels the search", " · Esc cancels"),
    (" · Esc, then c, clears the filters", " · Esc, c clears"),
    (PREPARING, " · preparing…"),
)
