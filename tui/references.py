"""Resolve sources whose date words refer to another event's mention in the same article.

A source with `relative_to: <event id>` ("The same day", "a week later") is loaded
with `PENDING_SPAN`; once every event is known, `resolve_references` dates it
against the referenced event's mention in the same article, following chains in
order and refusing unknown targets, targets with no mention in that article, and
cycles, and mentions dated by the publication date (their words name no time: "the
same day" after "has confirmed" would claim a day the article does not give).
Plain Python, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from tui.loading.nearest import nearest
from tui.model import Event, Source
from tui.span import ResolveError, Span

PENDING_SPAN = Span(date.min, date.min, "day", False, "", "resolved after loading", "on")
"""The span of a source whose reference is not resolved yet (never in a Timeline)."""


@dataclass(frozen=True, slots=True)
class PendingReference:
    """Where a reference was written, and the relation the data states for it."""

    line: int | None  # None when the file was parsed without lines
    stated: str | None


Report = Callable[[int | None, str, str], None]  # (line, message, hint)


class _Cycle(Exception):
    """A reference chain that comes back to where it started."""

    def __init__(self, chain: list[str]) -> None:
        super().__init__(" → ".join(chain))
        self.chain = chain


def resolve_references(
    events: list[Event],
    pending: dict[tuple[str, int], PendingReference],
    declared: set[str] | None,
    report: Report,
) -> list[Event]:
    """`events` with every pending source dated; events with a bad reference are dropped.

    `pending` maps (event id, source index) to where its reference was written;
    `declared` holds every event id written in the file (valid or not), so that a
    reference to an event that has problems of its own is not reported twice.
    """
    if not pending:
        return events
    by_id = {e.id: e for e in events}
    spans: dict[tuple[str, int], Span] = {}
    failed: set[str] = set()

    def source_span(eid: str, index: int, chain: list[tuple[str, int]]) -> Span | None:
        source = by_id[eid].sources[index]
        key = (eid, index)
        if key not in pending:
            return source.span
        if key in spans:
            return spans[key]
        if key in chain:
            raise _Cycle([e for e, _ in chain[chain.index(key) :]] + [eid])
        where = pending[key]
        target_id = source.relative_to
        assert target_id is not None
        target = by_id.get(target_id)
        if target is None:
            if declared is None or target_id not in declared:
                close = nearest(target_id, list(by_id), 0.5)
                report(
                    where.line,
                    f"event '{eid}' refers to unknown event '{target_id}'",
                    f"did you mean '{close}'?" if close else "name an event id of this file",
                )
            return None
        mention = next(
            (
                (j, s)
                for j, s in enumerate(target.sources)
                if s.article_id == source.article_id
            ),
            None,
        )
        if mention is None:
            report(
                where.line,
                f"event '{eid}' refers to event '{target_id}', which has no source in "
                f"article '{source.article_id}'",
                "a reference such as \"the same day\" points at a date the same article "
                "gives: add that mention to the event, or date this source by its own words",
            )
            return None
        j, target_source = mention
        if target_source.date_basis == "publication":
            report(
                where.line,
                f"event '{eid}' counts \"{source.date_text}\" from event '{target_id}', "
                f"whose mention in article '{source.article_id}' has no date words: it is "
                "dated by the publication date, which says only when the article reported it",
                "count from an event whose quote names its time, or date this source by "
                "its own words",
            )
            return None
        target_span = source_span(target_id, j, [*chain, key])
        if target_span is None:
            return None
        from tui.dates import date_relative  # the grammar: only for a reference resolved

        try:
            span = date_relative(
                source.date_text,
                target_span,
                target_source.date_text,
                f"event {target_id}",
                where.stated,
            )
        except ResolveError as exc:
            report(
                where.line,
                f'cannot resolve date words "{source.date_text}" of event \'{eid}\': {exc}',
                exc.hint
                or "references read words such as \"the same day\", \"that week\", \"the "
                'following year", "the day before", "two days later"',
            )
            return None
        spans[key] = span
        return span

    for eid, index in pending:  # file order
        if eid in failed or eid not in by_id:
            continue  # an event with problems of its own was reported and dropped
        try:
            found = source_span(eid, index, [])
        except _Cycle as cycle:
            report(
                pending[(eid, index)].line,
                f"date references form a cycle: {' → '.join(cycle.chain)}",
                "one event of the chain must be dated by its own words",
            )
            failed.update(cycle.chain)
            continue
        if found is None:
            failed.add(eid)
    result = []
    for event in events:
        if event.id in failed:
            continue
        if any((event.id, i) in spans for i in range(len(event.sources))):
            sources: tuple[Source, ...] = tuple(
                replace(s, span=spans.get((event.id, i), s.span))
                for i, s in enumerate(event.sources)
            )
            event = replace(event, sources=sources)
        result.append(event)
    return result
