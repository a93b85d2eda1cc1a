"""Pure helpers the widgets share: date labels, actor order and quote look-ups.

Nothing here imports Textual. Making data text safe to show is `tui.safetext`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size

from tui.dates import Span, format_span
from tui.filters import TimelineIndex
from tui.model import Actor

KIND_ORDER = ("country", "person")


def span_label(span: Span) -> str:
    """The date at its real precision, e.g. "2024-04-13 Sat", "2023-09", "1950–1953"."""
    return format_span(span)


def ellipsize(text: str, width: int) -> str:
    """`text` cut to at most `width` cells, ending in "…" when something was cut."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1).rstrip() + "…"


def actor_sort_key(actor: Actor) -> tuple[int, str, str]:
    """Countries first, then people, then the other kinds; by name within a kind."""
    rank = KIND_ORDER.index(actor.kind) if actor.kind in KIND_ORDER else len(KIND_ORDER)
    return (rank, actor.kind, actor.name.casefold())


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """One quote used from an article: its offsets and the event/source citing it."""

    start: int
    end: int
    event_id: str
    source_index: int


def article_quotes(index: TimelineIndex, article_id: str) -> tuple[QuoteRef, ...]:
    """Every quote the events use from `article_id`, in text order.

    Reads only the events that cite the article (the index's posting list), so it
    costs nothing at start-up however long the timeline is.
    """
    events = index.timeline.events
    refs = [
        QuoteRef(source.quote_start, source.quote_end, events[i].id, n)
        for i in index.by_article.get(article_id, ())
        for n, source in enumerate(events[i].sources)
        if source.article_id == article_id
    ]
    return tuple(sorted(refs, key=lambda r: (r.start, r.end, r.event_id)))
