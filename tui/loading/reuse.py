"""What one load leaves for the next: each valid event, kept under its entry's text.

Re-reading a large folder after a one-line edit should cost about what the edit
changed. `Reuse` keeps, for every event that was valid on its own, its entry's
text (see `tui.loading.records`) and the event as then checked (quotes found,
dates resolved; references to other events still pending), with a fingerprint
of every article. On the next load, `plan_reuse` takes an entry's event as it is
when

* its text is the same, byte for byte;
* every article it quotes has the same fingerprint (fields, publication window,
  seed text), so its quotes and dates would come out the same;
* every actor it names is still a valid actor; and
* no other entry declares its id.

Every other entry is read on its own with its lines and checked as in a full
load, and everything that spans entries (duplicate ids, references between
events, unused actors, drafts) is checked again over the whole folder, but
that a kept event whose references name only kept events, themselves resolved
as before, is taken as the last timeline held it, not resolved again. So the
result, problems and their lines included, is the full load's (a property test
edits random events and compares the two).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, replace
from itertools import compress, filterfalse, repeat
from operator import attrgetter, is_not, lt, ne
from typing import Any, cast

from tui.datafiles import EVENTS_FILE
from tui.loading.collect import Problems
from tui.loading.events import Checked, SourceKey, source_key
from tui.loading.kept import NO_SOURCES, Reference, Reuse, Sources
from tui.loading.records import Records, parse_record, parse_texts
from tui.loading.schema import SOURCE, read_values
from tui.model import Actor, Article, Event, Source
from tui.references import PendingReference
from tui.yamlread import LineList, load_yaml_fast

MAX_REREAD_SHARE = 0.2
"""Above this share of changed entries, reading the whole file at once is faster."""


def fingerprint(article: Article) -> bytes:
    """A digest of everything about an article that a quote or a date can depend on."""
    digest = hashlib.blake2b(digest_size=16)
    for value in (
        article.file,
        article.published.isoformat(),
        article.earliest.isoformat(),
        article.latest.isoformat(),
        article.published_likely_basis,
        article.text,
    ):
        digest.update(value.encode("utf-8", "surrogatepass") + b"\0")
    return digest.digest()


def keep(
    records: Records,
    checked: Checked,
    articles: dict[str, bytes],
    actors: dict[str, Actor],
    order: tuple[Event, ...] = (),
    sources: Sources = NO_SOURCES,
) -> Reuse | None:
    """What to keep of a load whose entries are `records`; None if they do not match.

    `order` is the timeline's events in its order: the next load keeps that order
    for the events it takes as they are, instead of sorting them again.

    The lines of references read without lines (by the fast parser) are kept as
    unknown: reading those entries again with their lines cost about 0.8 s of a
    cold load at 100,000 events, for lines that only a problem would show.
    """
    texts = records.texts
    if checked.events and max(checked.events) >= len(texts):
        return None
    events = dict(zip(map(texts.__getitem__, checked.events), checked.events.values(), strict=True))
    references: dict[str, tuple[Reference, ...]] = {}
    for index, found in checked.references.items():
        start = records.lines[index]
        references[texts[index]] = tuple(
            (source, None if where.line is None else where.line - start, where.stated)
            for source, where in found
        )
    pending = checked.references
    # The few events with references, found in C among the timeline's.
    having = compress(order, map(pending.__contains__, map(attrgetter("order"), order)))
    resolved = {texts[event.order]: event for event in having}
    shown = tuple(map(attrgetter("order"), order))
    return Reuse(
        articles,
        frozenset(actors),
        events,
        references,
        shown,
        sources,
        resolved,
        records.indent,
        records if records.replaced is None else replace(records, replaced=None),
    )


@dataclass(frozen=True, slots=True)
class Plan:
    """The events list to check: entries read anew, and the events taken as they are.

    `items` holds None in the place of each entry taken from `reused`. `order`
    holds the entries (by index) of the events of `reused` that the last timeline
    showed, in its order (None when entries were moved, so that their order may
    have changed).
    """

    items: LineList
    reused: Checked
    order: list[int] | None = None


def plan_reuse(
    records: Records,
    previous: Reuse,
    articles: dict[str, bytes],
    actors: dict[str, Actor],
    *,
    located: bool = False,
) -> Plan | None:
    """Which entries to take from `previous`; the others read with their lines.

    `located`: the load reports problems, so every line must be known: an entry
    whose references were kept without their lines is read again.

    None when too many entries changed (the whole file is read faster) or an entry
    does not read on its own (see `tui.loading.records`).
    """
    texts, lines = records.texts, records.lines
    known = previous.events
    changed = {aid for aid, print_ in articles.items() if previous.articles.get(aid) != print_}
    same_context = previous.articles.keys() <= articles.keys() and previous.actors <= actors.keys()
    if same_context and not changed:
        # Nothing a kept event depends on has changed: only its text decides.
        # (In C, by map and compress: at 100,000 entries a comprehension took 50 ms.)
        found = list(map(known.get, texts))
        kept = cast(
            dict[int, Event], dict(compress(enumerate(found), map(is_not, found, repeat(None))))
        )
    else:
        kept = {
            index: found
            for index, found in enumerate(map(known.get, texts))
            if found is not None and _still_valid(found, changed, articles, actors)
        }
    if located and previous.references:
        for index in [i for i in kept if _lines_unknown(previous.references.get(texts[i]))]:
            del kept[index]
    if len(texts) - len(kept) > max(50, MAX_REREAD_SHARE * len(texts)):
        return None
    items: list[Any] = [None] * len(texts)
    item_lines = list(lines)
    fresh = list(filterfalse(kept.__contains__, range(len(texts))))
    for index in fresh:
        if not _read(records, index, items, item_lines, located):
            return None
    # An id declared twice is reported by the full check, with both lines.
    kept_ids = list(map(attrgetter("id"), kept.values()))
    fresh_ids = [eid for eid in map(_declared_id, (items[i] for i in fresh)) if eid is not None]
    if len(set(kept_ids).union(fresh_ids)) < len(kept_ids) + len(fresh_ids):
        counts = Counter(kept_ids) + Counter(fresh_ids)
        for index in [i for i, event in kept.items() if counts[event.id] > 1]:
            del kept[index]
            if not _read(records, index, items, item_lines, located):
                return None
    references: dict[int, tuple[tuple[int, PendingReference], ...]] = {}
    if previous.references:
        having = map(previous.references.__contains__, map(texts.__getitem__, kept))
        for index in compress(list(kept), having):  # the few with references, found in C
            written = previous.references.get(texts[index])
            if written is not None:
                references[index] = tuple(
                    (
                        source,
                        PendingReference(None if offset is None else lines[index] + offset, stated),
                    )
                    for source, offset, stated in written
                )
    settled = _settled(kept, references, texts, previous.resolved)
    placed = kept
    if references:  # without the entries whose references are resolved again
        placed = dict(kept)
        for index in references.keys() - settled.keys():
            del placed[index]
    shown = _kept_order(placed, previous.order)
    # The entries moved by an edit above them, found in C before any is replaced.
    at_places = map(ne, map(attrgetter("order"), kept.values()), kept)
    for index in list(compress(kept, at_places)):
        kept[index] = replace(kept[index], order=index)
    resolved = {}
    for index, event in settled.items():
        resolved[index] = event if event.order == index else replace(event, order=index)
    listing = LineList(items)
    listing.line = lines[0] if lines else 1
    listing.item_lines = item_lines
    sources = _replaced_sources(records, previous, changed, articles, located) if fresh else {}
    return Plan(listing, Checked(kept, references, resolved, sources), shown)


MAX_REPLACED_READ = 50
"""Above this many entries replaced, their sources are not looked for (each entry
is read on its own, as an entry read anew is: about a millisecond)."""


def _replaced_sources(
    records: Records,
    previous: Reuse,
    changed: set[str],
    articles: dict[str, bytes],
    located: bool,
) -> dict[SourceKey, Source]:
    """The sources of the events whose entries an edit replaced, by their values.

    An entry edited where it does not touch a source (its title, its actors)
    writes its sources as they were: each is taken as the last load checked it,
    its quote not looked for nor its date words resolved again, when its article
    is unchanged. A source counting from another event's mention is left out: it
    is resolved again with the references.
    """
    replaced = records.replaced
    if replaced is None:  # the whole file was cut: the entries no longer in it
        if previous.records is None or previous.records.indent != records.indent:
            return {}
        now = set(records.texts)
        replaced = tuple(text for text in previous.records.texts if text not in now)
    if not replaced or len(replaced) > MAX_REPLACED_READ:
        return {}
    found: dict[SourceKey, Source] = {}
    scratch = Problems()
    entries = parse_texts(records.indent, replaced, fast=not located)
    for text, entry in zip(replaced, entries, strict=True):
        event = previous.events.get(text)
        written = entry.get("sources") if isinstance(entry, dict) else None
        if event is None or not isinstance(written, list) or len(written) != len(event.sources):
            continue
        for raw, source in zip(written, event.sources, strict=True):
            if (
                source.relative_to is not None
                or source.article_id in changed
                or source.article_id not in articles
                or not isinstance(raw, dict)
            ):
                continue
            values = read_values(raw, SOURCE, scratch.at(EVENTS_FILE, raw, "source"))
            if values is not None:
                found[source_key(values)] = source
    return found


def _settled(
    kept: dict[int, Event],
    references: dict[int, tuple[tuple[int, PendingReference], ...]],
    texts: list[str],
    resolved: dict[str, Event],
) -> dict[int, Event]:
    """The kept entries with references whose events the last load resolved, as it did.

    An event's references resolve as they did when every event they name is a
    kept event whose own references (if any) resolve as they did: a kept event
    has the same text as an entry of the last load, which had one entry per id,
    and no other entry now declares its id (see `plan_reuse`). Such events are
    not resolved again.
    """
    if not references or not resolved:
        return {}
    # The entries of the events named by a reference (in C: a dict of every kept
    # event's id took about 50 ms at 100,000 events).
    named = {
        kept[index].sources[at].relative_to or ""
        for index, found in references.items()
        for at, _ in found
    }
    ids = list(map(attrgetter("id"), kept.values()))
    by_id = dict(compress(zip(ids, kept, strict=True), map(named.__contains__, ids)))
    waiting = {index for index in references if texts[index] in resolved}
    settled: set[int] = set()
    progress = True
    while waiting and progress:
        progress = False
        for index in list(waiting):
            sources = kept[index].sources
            targets = [by_id.get(sources[at].relative_to or "") for at, _ in references[index]]
            if any(t is None or (t in waiting and t != index) for t in targets):
                if any(t is None for t in targets):
                    waiting.discard(index)
                    progress = True
                continue
            if all(t not in references or t in settled for t in targets if t is not None):
                settled.add(index)
                waiting.discard(index)
                progress = True
    return {index: resolved[texts[index]] for index in settled}


def _lines_unknown(references: tuple[Reference, ...] | None) -> bool:
    """True when some of an entry's references were kept without their lines."""
    return references is not None and any(offset is None for _, offset, _ in references)


def _kept_order(kept: dict[int, Event], shown: tuple[int, ...]) -> list[int] | None:
    """The indexes now of the kept events, in the last timeline's order (`shown`).

    Their dates are unchanged, so they stay in the same order as long as their
    entries stay in the same order in the file (the last key). None otherwise.
    """
    if not shown:
        return None
    # The indexes then, in the file's order now.
    then = list(map(attrgetter("order"), kept.values()))
    if not all(map(lt, then, then[1:])):
        return None  # entries were moved
    if then == list(kept):  # no entry moved (an edit that added or removed none above them)
        return list(filter(kept.__contains__, shown))
    now = dict(zip(then, kept, strict=True))
    return list(map(now.__getitem__, filter(now.__contains__, shown)))


def _read(
    records: Records, index: int, items: list[Any], item_lines: list[int], located: bool
) -> bool:
    """Read entry `index` into `items`; False when it does not read alone.

    Unless `located`, by the fast parser, as a full load's first pass reads the
    whole file: without the lines of its fields, which only a problem shows (a
    load that finds one reads again with them), and without importing PyYAML.
    """
    if not located:
        doc = load_yaml_fast(records.entry_text(index))
        if isinstance(doc, list) and len(doc) == 1:
            items[index], item_lines[index] = doc[0], records.lines[index]
            return True
    parsed = parse_record(records, index)
    if parsed is None:
        return False
    items[index], item_lines[index] = parsed
    return True


def _declared_id(entry: Any) -> str | None:
    if isinstance(entry, dict) and entry.get("id") is not None:
        return str(entry["id"])
    return None


def _still_valid(
    event: Event, changed: set[str], articles: dict[str, bytes], actors: dict[str, Actor]
) -> bool:
    """True when nothing the event was checked against has changed.

    `changed` holds the articles whose fingerprint differs from the last load's.
    """
    for source in event.sources:
        if source.article_id in changed or source.article_id not in articles:
            return False
    return all(actor in actors for actor in event.actors)
