"""Whole CSV exports of hostile timelines: byte for byte what `csv.writer` writes.

Every field of every event, source and citation gets hostile text (quotes, curly
quotes, formula starts, line breaks, a lone CR, spaces only, C1 controls, mixed
Latin-1 and other text, unknown article and actor ids), with the formula guard
on and off, whole and streamed in pieces of every size.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_export_csv_fields import HOSTILE
from tests.test_export_formats import _span, make_timeline
from tests.test_export_stream import reference_csv
from tui.export.csvfmt import export_csv, iter_csv
from tui.model import Event, Source, Timeline

TEXT = HOSTILE | st.text(max_size=6) | st.sampled_from(
    ["", " ", "   ", "\r", "=1", " =1", "\ufeff=1", "“", "”", '"', "“x”", "é日\x85", "a,b",
     "\n", "-", "@x"]
)
DAY = _span(date(2024, 1, 2), date(2024, 1, 2), "day")


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    base = make_timeline()
    article_ids = [a.id for a in base.articles] + draw(st.lists(TEXT, max_size=2))
    actor_ids = [a.id for a in base.actors] + draw(st.lists(TEXT, max_size=2))
    events = []
    for order in range(draw(st.integers(1, 12))):
        sources = tuple(
            Source(draw(st.sampled_from(article_ids)), draw(TEXT), draw(TEXT), DAY, 0, 0)
            for _ in range(draw(st.integers(1, 3)))
        )
        events.append(
            Event(
                id=draw(TEXT),
                title=draw(TEXT),
                summary=draw(TEXT),
                kind=draw(TEXT),
                actors=tuple(draw(st.lists(st.sampled_from(actor_ids), max_size=3))),
                sources=sources,
                order=order,
            )
        )
    return Timeline.build(base.articles, base.actors, tuple(events))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timeline=timelines(), keep_formulas=st.booleans(), chunk=st.integers(1, 300))
def test_a_whole_export_is_what_csv_writer_writes(
    timeline: Timeline, keep_formulas: bool, chunk: int
) -> None:
    positions = list(range(len(timeline.events)))
    expected = reference_csv(timeline, positions, keep_formulas=keep_formulas)
    assert export_csv(timeline, positions, keep_formulas=keep_formulas) == expected
    pieces = iter_csv(timeline, positions, keep_formulas=keep_formulas, chunk_chars=chunk)
    assert "".join(pieces) == expected
