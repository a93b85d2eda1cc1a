"""Events and their sources: shape, then references, then quotes and dates.

Each event and source is first read against its table of fields; then its
actors and articles are looked up; then each quote is found in its article and
its date words resolved (words that refer to another event's mention last, once
every event is known: `tui.references`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from tui.datafiles import ACTORS_FILE, ARTICLES_FILE, EVENTS_FILE
from tui.loading.collect import At, Problems, SourceRecord
from tui.loading.parallel import run_checks
from tui.loading.progress import (
    BUILDING,
    CHECKING,
    EVERY,
    READING,
    WAITING,
    Progress,
    no_progress,
)
from tui.loading.quotes import FoldedText
from tui.loading.schema import (
    EVENT,
    SOURCE,
    check_shape,
    closest_id,
    read_id,
    read_values,
    suggest,
)
from tui.model import Actor, Article, Event, Source
from tui.references import PendingReference, resolve_references
from tui.yamlread import line_of

# A source's fields written at the event's level, as a draft of `timeline draft`
# has them: where they belong instead.
SOURCE_FIELDS_AT_EVENT_LEVEL = {
    name: (
        f"'{name}' belongs to one of the event's sources: put it under 'sources:', as "
        "'sources: [{article: ..., quote: ..., date_text: ...}]' (a draft's article, "
        "quote and date words become one source)"
    )
    for name in ("article", "quote", "date_text", "date_basis", "relation", "relative_to")
}


@dataclass(slots=True)
class _EventRecord:
    """An event whose shape is valid, with its sources (None: a source was invalid)."""

    order: int
    id: str
    values: dict[str, Any]
    at: At
    sources: list[SourceRecord] | None


@dataclass(frozen=True, slots=True)
class Checked:
    """Events valid on their own, by entry index: all checked but their references.

    An event's sources that refer to another event's mention hold `PENDING_SPAN`;
    `references` says, for the events that have any, where each was written
    (source index, where). Kept apart from the events so that an event with none
    costs nothing more than its place in `events`.

    `resolved` holds, for some of the events with references, the event with
    them resolved already (taken from the last load, whose targets have not
    changed: see `tui.loading.reuse`); they are not resolved again. `sources`
    holds sources the last load checked, by their values (`source_key`): an entry
    read anew that writes a source as it was (its title edited) takes it as then
    checked.
    """

    events: dict[int, Event]
    references: dict[int, tuple[tuple[int, PendingReference], ...]]
    resolved: dict[int, Event] = field(default_factory=dict)
    sources: dict[SourceKey, Source] = field(default_factory=dict)


SourceKey = tuple[Any, ...]
"""A source's values in the order of its table of fields (`source_key`)."""


def source_key(values: dict[str, Any]) -> SourceKey:
    """What a source's check depends on besides its article: every value it was read with."""
    return tuple(values[f.name] for f in SOURCE)


@dataclass(frozen=True, slots=True)
class LoadedEvents:
    """The valid events, and each entry's event as checked on its own."""

    events: list[Event]
    checked: Checked


def load_events(
    items: list[Any],
    articles: dict[str, Article],
    folded: dict[str, FoldedText],
    known_articles: set[str] | None,
    actors: dict[str, Actor],
    known_actors: set[str] | None,
    problems: Problems,
    reused: Checked | None = None,
    progress: Progress = no_progress,
    articles_twice: frozenset[str] = frozenset(),
) -> LoadedEvents:
    """Every valid event, its quotes found and its dates resolved.

    `reused` holds entries known to be valid from an earlier load (see
    `tui.loading.reuse`): by entry index, each one's event as then checked; their
    places in `items` are not read (they may hold None). They are not checked
    again; the caller has made sure nothing they depend on changed and that no
    other entry shares their id, so they add no problem. `progress` is told how
    far the reading and the checking have got (`tui.loading.progress`).
    `articles_twice`: article ids the articles file gives twice (`declared_twice`).
    """
    reused = reused or Checked({}, {})
    records = _read_events(items, problems, reused.events, progress)
    # References: every event's actors and articles, before any quote or date.
    actors_ok = [_check_actors(record, actors, known_actors) for record in records]
    articles_ok = [
        [check_article(s, articles, known_articles, articles_twice)
         for s in record.sources or ()]
        for record in records
    ]
    # Quotes and dates: every source whose article is there, so one pass finds all
    # (on two cores for a large file: `tui.loading.parallel`).
    jobs = [
        source_record
        for record, found in zip(records, articles_ok, strict=True)
        for source_record, has_article in zip(record.sources or (), found, strict=True)
        if has_article
    ]
    # Each of those as the last load checked it, if an edit left it as it was.
    taken: Iterator[Source | None] = repeat(None)
    if reused.sources and jobs:
        earlier = [reused.sources.get(source_key(job.values)) for job in jobs]
        jobs = [job for job, before in zip(jobs, earlier, strict=True) if before is None]
        taken = iter(earlier)
    loaded = iter(_check_sources(jobs, articles, folded, problems, progress))
    progress(BUILDING, 0, 0)
    checked = dict(reused.events)
    all_references = dict(reused.references)
    for record, ok, found in zip(records, actors_ok, articles_ok, strict=True):
        if record.sources is None:
            continue
        sources: list[Source] = []
        references: list[tuple[int, PendingReference]] = []
        for source_record, has_article in zip(record.sources, found, strict=True):
            source = (next(taken) or next(loaded)) if has_article else None
            if source is None:
                ok = False
                continue
            if source.relative_to is not None:
                where = PendingReference(
                    source_record.at.line("relative_to"), source_record.values["relation"]
                )
                references.append((len(sources), where))
            sources.append(source)
        if not ok:
            continue
        values = record.values
        checked[record.order] = Event(
            id=record.id,
            title=values["title"],
            summary=values["summary"] or "",
            kind=values["kind"],
            actors=tuple(a for a, _ in values["actors"]),
            sources=tuple(sources),
            order=record.order,
        )
        if references:
            all_references[record.order] = tuple(references)
    final = {**checked, **reused.resolved} if reused.resolved else checked
    events = [final[order] for order in sorted(final)]  # file order
    pending: dict[tuple[str, int], PendingReference] = {}
    for order in sorted(all_references):
        if order in reused.resolved:
            continue
        for index, where in all_references[order]:
            pending[(checked[order].id, index)] = where
    if pending:
        declared = declared_ids(items)
        if declared is not None:
            declared |= {event.id for event in reused.events.values()}
        events = resolve_references(
            events,
            pending,
            declared,
            lambda line, message, hint: problems.add(EVENTS_FILE, line, message, hint),
        )
    return LoadedEvents(events, Checked(checked, all_references))


def _check_sources(
    jobs: list[SourceRecord],
    articles: dict[str, Article],
    folded: dict[str, FoldedText],
    problems: Problems,
    progress: Progress,
) -> list[Source | None]:
    """Each source of `jobs` checked (a source, or None after reporting a problem).

    The checks, and the date grammar they use, are imported only when there is
    a source to check.
    """
    if not jobs:
        return []
    from tui.loading.sourcecheck import load_source, pack_sources, unpack_sources

    return run_checks(
        len(jobs),
        [job.values["article"] for job in jobs],
        lambda i: load_source(jobs[i], articles, folded),
        problems.items,
        pack=pack_sources,
        unpack=unpack_sources,
        report=lambda done, total: progress(CHECKING, done, total),
        waiting=lambda: progress(WAITING, 0, 0),
    )


def declared_ids(items: list[Any] | None) -> set[str] | None:
    """Ids written in a file, valid or not, so one bad entry is not reported twice.

    None when the file itself could not be read: then nothing is "unknown".
    """
    if items is None:
        return None
    return {str(e["id"]) for e in items if isinstance(e, dict) and e.get("id") is not None}


def declared_twice(items: list[Any] | None) -> frozenset[str]:
    """Ids written in a file more than once."""
    seen: set[str] = set()
    twice: set[str] = set()
    for entry in items or ():
        if isinstance(entry, dict) and entry.get("id") is not None:
            ident = str(entry["id"])
            (twice if ident in seen else seen).add(ident)
    return frozenset(twice)


def declared_actor_refs(items: list[Any]) -> set[str]:
    """Actor ids named by any event entry, including events that had other problems."""
    refs: set[str] = set()
    for entry in items:
        if isinstance(entry, dict) and isinstance(entry.get("actors"), list):
            refs |= {a for a in entry["actors"] if isinstance(a, str)}
    return refs


# --- shape -----------------------------------------------------------------------


def _read_events(
    items: list[Any], problems: Problems, reused: dict[int, Event], progress: Progress
) -> list[_EventRecord]:
    records: list[_EventRecord] = []
    seen: dict[str, int | None] = {}
    for i, entry in enumerate(items):
        if i % EVERY == 0:
            progress(READING, i, len(items))
        if i in reused:
            continue
        at = problems.at(EVENTS_FILE, entry, "event", line_of(items, i))
        if not check_shape(entry, EVENT, at, SOURCE_FIELDS_AT_EVENT_LEVEL):
            continue
        eid = read_id(entry, at, seen)
        if eid is None:
            continue
        at = at.named(f"event '{eid}'")
        values = read_values(entry, EVENT, at)
        if values is None:
            continue
        if not values["actors"] and isinstance(entry.get("actors"), list):
            at.add("actors", f"{at.what} names no actor", "list at least one actor id")
            continue
        raw_sources = values["sources"]
        if not isinstance(raw_sources, list) or not raw_sources:
            at.add(
                "sources",
                f"{at.what} needs a list of one or more sources",
                "add 'sources:' with '- article: ..., quote: ..., date_text: ...'",
            )
            continue
        sources: list[SourceRecord] | None = []
        for j, raw in enumerate(raw_sources):
            source_at = problems.at(
                EVENTS_FILE, raw, f"source of event '{eid}'", line_of(raw_sources, j)
            )
            record = _read_source(raw, source_at)
            if record is None:
                sources = None
            elif sources is not None:
                sources.append(record)
        records.append(_EventRecord(i, eid, values, at, sources))
    return records


def _read_source(entry: Any, at: At) -> SourceRecord | None:
    if not check_shape(entry, SOURCE, at):
        return None
    values = read_values(entry, SOURCE, at)
    if values is None:
        return None
    if values["date_basis"] is not None and values["relative_to"] is not None:
        at.add(
            "relative_to",
            "'relative_to' and 'date_basis: publication' cannot both date one source",
            "words that refer to another mention take 'relative_to' alone",
        )
        return None
    return SourceRecord(values, at)


# --- references ------------------------------------------------------------------


def _check_actors(
    record: _EventRecord, actors: dict[str, Actor], known_actors: set[str] | None
) -> bool:
    """True if every actor of the event is a valid actor (reporting undeclared ones)."""
    ok = True
    for actor_id, actor_line in record.values["actors"]:
        if actor_id not in actors:
            if known_actors is not None and actor_id not in known_actors:
                record.at.add_at(
                    actor_line,
                    f"unknown actor '{actor_id}' in {record.at.what}",
                    suggest(actor_id, sorted(known_actors), ACTORS_FILE),
                )
            ok = False
    return ok


# --- quotes and dates --------------------------------------------------------------


def check_article(
    record: SourceRecord,
    articles: dict[str, Article],
    known_articles: set[str] | None,
    articles_twice: frozenset[str] = frozenset(),
) -> bool:
    """True if the source's article is loaded (reporting an undeclared one).

    When the id nearest an undeclared one is given to two articles, the hint says
    so: one of them was most likely renamed from it, and "did you mean" the other's
    id would point the source at an article whose text does not hold its quote."""
    article_id: str = record.values["article"]
    if article_id in articles:
        return True
    # An article that is declared but broken, or a missing articles file, was
    # reported already; only an undeclared id is this source's problem.
    if known_articles is not None and article_id not in known_articles:
        ids = sorted(known_articles)
        hint = suggest(article_id, ids, ARTICLES_FILE)
        if articles_twice and closest_id(article_id, ids) in articles_twice:
            hint = (f"{hint} Two articles have that id (in {ARTICLES_FILE}): if one of them "
                    f"was '{article_id}', give it that id back")
        record.at.add("article", f"unknown article '{article_id}'", hint)
    return False
