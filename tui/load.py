"""Load the data folder: read, validate, resolve every date, build the model.

`load_timeline(data_dir)` is the entry point (`tui.opening.open_timeline` adds the
model cache in front of it). It reads `articles.yaml`, `actors.yaml` and
`events.yaml`; checks every record's shape against its table of fields
(`tui.loading.schema`); then the cross-references; then finds each quote in its
seed article (white space folded, the article's own text kept) and resolves each
source's date words against its article's publication date or window. Every
problem found in the pass is collected; if there are any, `DataError` is raised
with all of them, each located as `FILE:LINE` with a hint.

`load_reusing` (what `open_timeline` calls) also returns what the next load may
reuse, and takes what an earlier one left: then only the entries of
`events.yaml` that changed, or whose articles or actors changed, are read and
checked again (`tui.loading.reuse`), with the same result as a full pass; the
articles and actors are taken as they were while their files (and the seed
articles) are unchanged (`tui.loading.kept`).
"""

from __future__ import annotations

import time
from bisect import insort
from itertools import count
from operator import attrgetter, eq
from pathlib import Path
from typing import Any

from tui.datafiles import ACTORS_FILE, ARTICLES_FILE, DATA_FILES, EVENTS_FILE, default_data_dir
from tui.loading.actors import load_actors
from tui.loading.articles import load_articles
from tui.loading.collect import Problems
from tui.loading.drafts import check_drafts
from tui.loading.events import (
    Checked,
    LoadedEvents,
    declared_actor_refs,
    declared_ids,
    declared_twice,
    load_events,
)
from tui.loading.kept import (
    NO_SOURCES,
    KeptActors,
    KeptArticles,
    Reuse,
    Sources,
    seed_stats,
    text_digest,
)
from tui.loading.progress import LOCATING, PARSING, Progress, no_progress
from tui.loading.quotes import FoldedText, fold_space
from tui.loading.reading import parse_listing, read_text_file
from tui.loading.records import Records, resplit_records, split_records
from tui.loading.reuse import fingerprint, keep, plan_reuse
from tui.loading.schema import closest_id
from tui.model import Event, Timeline
from tui.perf import gc_paused
from tui.problems import DataError, Problem
from tui.yamlread import HAVE_FAST_PARSER

__all__ = [
    "FoldedText",
    "check_folder",
    "fold_space",
    "load_reusing",
    "load_timeline",
    "validate_folder",
]


def validate_folder(data_dir: Path, *, fast: bool = False) -> Timeline:
    """One full pass over the data folder; raise `DataError` listing every problem.

    With `fast`, files are parsed without line numbers (see `tui.yamlread`); use it
    only when a located pass follows on failure, as `load_timeline` does.
    """
    timeline, _ = check_folder(data_dir, fast=fast)
    return timeline


def check_folder(
    data_dir: Path,
    *,
    fast: bool = False,
    previous: Reuse | None = None,
    progress: Progress = no_progress,
    read: dict[Path, bytes] | None = None,
) -> tuple[Timeline, Reuse | None]:
    """Check the folder; the timeline and what the next load may reuse (None: nothing).

    With `previous` (what an earlier load kept), unchanged events are taken as
    they were and only the others are read and checked (`tui.loading.reuse`);
    when the events file does not lend itself to that, it is read whole.
    `progress` is told how far the load has got (`tui.loading.progress`).
    `read` holds data files' bytes already read (by the cache's key, which they
    made), by path: those are not read again.
    """
    read = {} if read is None else read
    if not data_dir.is_dir():
        raise DataError(
            [
                Problem(
                    str(data_dir),
                    None,
                    "data folder not found" if not data_dir.exists() else
                    "not a folder: the data folder holds the data files",
                    "pass --data DIR with a folder holding articles.yaml, "
                    "actors.yaml and events.yaml; `timeline add-article --data DIR …` "
                    "starts one with its first article (`timeline add-article --help`)",
                )
            ]
        )
    inner = _data_folder_inside(data_dir)
    if inner is not None:
        raise DataError(
            [
                Problem(
                    str(data_dir),
                    None,
                    "no data files here: this folder holds the data folder",
                    f"pass --data {inner}",
                )
            ]
        )
    problems = Problems()
    started = time.time_ns()  # seeds changed since are read again by the next load
    kept = previous.sources if previous is not None else NO_SOURCES
    articles_text = _read_data(data_dir, ARTICLES_FILE, problems, read)
    articles_digest = text_digest(articles_text) if articles_text is not None else None
    kept_articles = kept.articles
    if kept_articles is not None and not (
        articles_digest is not None and kept_articles.usable(articles_digest, not fast, data_dir)
    ):
        kept_articles = None
    article_items = (
        parse_listing(articles_text, ARTICLES_FILE, "articles", problems, fast=fast)
        if articles_text is not None and kept_articles is None
        else None
    )
    actors_text = _read_data(data_dir, ACTORS_FILE, problems, read)
    actors_digest = text_digest(actors_text) if actors_text is not None else None
    kept_actors = kept.actors
    if kept_actors is not None and not (
        actors_digest is not None and kept_actors.usable(actors_digest, not fast)
    ):
        kept_actors = None
    actor_items = (
        parse_listing(actors_text, ACTORS_FILE, "actors", problems, fast=fast)
        if actors_text is not None and kept_actors is None
        else None
    )
    events_text = _read_data(data_dir, EVENTS_FILE, problems, read)
    records = None if events_text is None else _records(events_text, previous)
    parsed_at = len(problems.items)  # where a full read's problems with the file go

    # Articles and actors whose files did not change are taken as the last load
    # left them (`tui.loading.kept`): they had no problems then, and have none now.
    article_ids: set[str] | None
    if kept_articles is not None:
        articles = dict(kept_articles.articles)
        folded = {aid: FoldedText(article.text) for aid, article in articles.items()}
        article_ids = set(kept_articles.declared)
        assert previous is not None  # where kept_articles came from
        prints = dict(previous.articles)
    else:
        articles, folded = (
            load_articles(data_dir, article_items, problems)
            if article_items is not None
            else ({}, {})
        )
        article_ids = declared_ids(article_items)
        prints = {aid: fingerprint(article) for aid, article in articles.items()}
    actor_ids: set[str] | None
    if kept_actors is not None:
        actors, actor_lines = dict(kept_actors.actors), dict(kept_actors.lines)
        actor_ids = set(kept_actors.declared)
    else:
        actors, actor_lines = (
            load_actors(actor_items, problems) if actor_items is not None else ({}, {})
        )
        actor_ids = declared_ids(actor_items)
    plan = None
    if previous is not None and records is not None:
        plan = plan_reuse(records, previous, prints, actors, located=not fast)
    event_items: list[Any] | None
    if plan is not None:
        event_items = plan.items
    elif events_text is not None:
        progress(PARSING, 0, 0)
        found = Problems()
        event_items = parse_listing(events_text, EVENTS_FILE, "events", found, fast=fast)
        problems.items[parsed_at:parsed_at] = found.items  # in the order of a plain read
        if records is not None and (event_items is None or len(event_items) != len(records.texts)):
            # A cut inside a value spread over lines (a quoted title whose second
            # line starts "- "): each entry starts a cut, so the same number of
            # entries means the same cuts; otherwise nothing is kept by its text.
            records = None
    else:
        event_items = None
    loaded = LoadedEvents([], Checked({}, {}))
    twice = declared_twice(article_items)  # an id renamed to another's: said in the hints
    if event_items is not None:
        loaded = load_events(
            event_items,
            articles,
            folded,
            article_ids,
            actors,
            actor_ids,
            problems,
            plan.reused if plan is not None else None,
            progress,
            articles_twice=twice,
        )
    events = loaded.events
    if event_items is not None and actor_ids is not None:
        unused = actor_lines.keys() - {body for actor in actors.values() for body in actor.acts_for}
        for event in events:  # until every actor is seen used (usually early on)
            if not unused:
                break
            unused.difference_update(event.actors)
        if unused:  # the entries that did not load may still name them
            named = declared_actor_refs(event_items)
            unused -= named
            # An actor an unknown id was taken for ("did you mean 'health-board'?") is
            # that one mistake, already reported, not a second one.
            ids = sorted(actors)
            unused -= {closest_id(ref, ids) for ref in named - actors.keys()}
            if plan is not None:
                unused -= {a for e in plan.reused.events.values() for a in e.actors}
        for actor_id, line in actor_lines.items():
            if actor_id in unused:
                problems.add(
                    ACTORS_FILE,
                    line,
                    f"actor '{actor_id}' is not used by any event",
                    "remove it, or name it in an event's 'actors'",
                )
    check_drafts(data_dir, articles, folded, actors, events, problems, event_items, article_ids,
                 actor_ids, twice)
    if problems.items:
        raise DataError(
            problems.in_file_order(),
            loaded=lambda: Timeline.build(
                tuple(articles.values()), tuple(actors.values()), tuple(events)
            ),
            files_parsed=(
                article_ids is not None and actor_ids is not None and event_items is not None
            ),
        )
    ordered = _in_order(events, plan.order if plan is not None else None)
    if ordered is None:
        timeline = Timeline.build(tuple(articles.values()), tuple(actors.values()), tuple(events))
    else:  # without sorting again what was in order
        timeline = Timeline.build(
            tuple(articles.values()), tuple(actors.values()), ordered, in_order=True
        )
    if records is None:
        return timeline, None
    sources = Sources(
        kept_articles.settled(data_dir, started) if kept_articles is not None
        else (
            KeptArticles(
                articles_digest,
                not fast,
                articles,
                frozenset(article_ids),
                seed_stats(data_dir, articles.values(), started),
            )
            if articles_digest is not None and article_ids is not None
            else None
        ),
        kept_actors
        or (
            KeptActors(actors_digest, not fast, actors, actor_lines, frozenset(actor_ids))
            if actors_digest is not None and actor_ids is not None
            else None
        ),
    )
    return timeline, keep(records, loaded.checked, prints, actors, timeline.events, sources)


def _records(events_text: str, previous: Reuse | None) -> Records | None:
    """The events file cut into its entries, with what the last load cut if known."""
    if previous is None:
        return split_records(events_text)
    if previous.records is not None:
        records = resplit_records(events_text, previous.records)
        if records is not None:
            return records
    return split_records(events_text, shaped=previous.events, shaped_indent=previous.indent)


def _data_folder_inside(data_dir: Path) -> Path | None:
    """`data_dir/data` when `data_dir` holds none of the data files and it holds
    them all (`--data mystory` for `mystory/data`, a likely slip); else None."""
    if any((data_dir / name).exists() for name in DATA_FILES):
        return None
    inner = data_dir / "data"
    return inner if all((inner / name).is_file() for name in DATA_FILES) else None


def _read_data(
    data_dir: Path, name: str, problems: Problems, read: dict[Path, bytes]
) -> str | None:
    """The text of the data file `name` (as `read_yaml` reads it), or None on a problem;
    its bytes taken from `read` when they are there."""
    path = data_dir / name
    return read_text_file(path, name, problems, what="data file", raw=read.get(path))


MAX_PLACED = 2000
"""Up to this many events not in the last timeline's order are placed one by one."""


def _in_order(events: list[Event], kept: list[int] | None) -> tuple[Event, ...] | None:
    """`events` (one per entry, in the file's order) in the timeline's order.

    `kept` holds some of the entries (by index) in the timeline's order already
    (`Plan.order`); the others are placed by bisection. None when there are too
    many of them to place one by one (then a full sort is faster), or `kept` is
    not given.
    """
    if kept is None or not all(map(eq, map(attrgetter("order"), events), count())):
        return None
    if kept and max(kept) >= len(events):
        return None
    others = set(range(len(events))).difference(kept)
    if len(others) > MAX_PLACED:
        return None
    ordered = list(map(events.__getitem__, kept))
    for index in sorted(others):
        insort(ordered, events[index], key=Event.sort_key)
    return tuple(ordered)


def load_timeline(data_dir: Path | str | None = None) -> Timeline:
    """Read, validate and resolve the data folder; raise `DataError` listing every problem.

    The folder is parsed fast; if anything is wrong it is read again with PyYAML
    so that every problem is reported with its line. Nothing is cached here:
    `tui.opening.open_timeline` puts the model cache in front of this.
    """
    timeline, _ = load_reusing(Path(data_dir) if data_dir is not None else default_data_dir())
    return timeline


def load_reusing(
    folder: Path,
    previous: Reuse | None = None,
    progress: Progress = no_progress,
    read: dict[Path, bytes] | None = None,
) -> tuple[Timeline, Reuse | None]:
    """`load_timeline`, taking unchanged events from `previous` (see `check_folder`);
    `progress` is told how far it has got; `read` as `check_folder` takes it, for both
    passes (a file saved between them is not read: the problems reported are those
    of the bytes the cache's key was made from), emptied once they are done."""
    with gc_paused():
        try:
            return check_folder(
                folder, fast=HAVE_FAST_PARSER, previous=previous, progress=progress, read=read
            )
        except DataError:
            if not HAVE_FAST_PARSER:
                raise
            # Read again with every line known; raises with located problems.
            return check_folder(
                folder,
                fast=False,
                previous=previous,
                read=read,
                progress=lambda stage, done, total: progress(f"{LOCATING}: {stage}", done, total),
            )
        finally:
            if read is not None:
                read.clear()  # 53 MB at 100,000 events: not kept past the load
