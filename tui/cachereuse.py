"""The second part of a model cache entry: what a load leaves for the next one.

A `tui.loading.kept.Reuse` is written in plain values that pickle quickly, and
read back against the model of the same entry, whose events it shares:

* every entry's text in the file's order, and the line it starts on (an event's
  text is that of its entry; joined into one string, they pickled twice as slowly: most
  are ASCII, each copied as it is, but one string holding a single "é" is
  encoded character by character);
* the events as their entries' indexes (each model event's `order`), but for the
  events whose references were pending at the load (they differ from the model's,
  resolved ones), which are written as columns (`tui.model.event_columns`);
* the articles and actors as read, named by id (the model's own).

Plain Python over the model's types; `tui.cache` reads and writes the files.
"""

from __future__ import annotations

from array import array
from operator import attrgetter
from typing import Any

from tui.loading.kept import KeptActors, KeptArticles, Reference, Reuse, SeedStat, Sources
from tui.model import Timeline, event_columns, events_from_columns

# (digest, located, ids in order, declared ids) of each file, None when not kept;
# the seeds' stats after the articles', the actors' lines after their ids.
SourcesState = tuple[
    tuple[bytes, bool, list[str], frozenset[str], dict[str, SeedStat]] | None,
    tuple[bytes, bool, list[str], frozenset[str], list[int | None]] | None,
]
ReuseState = tuple[
    dict[str, bytes],  # Reuse.articles
    frozenset[str],  # Reuse.actors
    list[str],  # every entry's text (Reuse.records), else only those of the events
    bytes | None,  # each entry's line (int32), None without the records
    int,  # where the first entry's text starts (Records.start)
    bytes,  # each event's text, as its place among those texts (int32)
    bytes,  # each event's entry index (int32): its event is the model's event of that entry
    list[str],  # but for the entries with references pending (the model's: resolved)
    tuple[list[Any], list[Any], list[Any]],  # whose events are these columns
    dict[str, tuple[Reference, ...]],  # Reuse.references
    tuple[int, ...],  # Reuse.order
    SourcesState,  # Reuse.sources, its articles and actors named by id (the model's)
    int | None,  # Reuse.indent
]


def reuse_state(reuse: Reuse) -> ReuseState:
    """`reuse` in the plain values written after its model."""
    apart = list(reuse.references)
    at = array("i", map(attrgetter("order"), reuse.events.values())).tobytes()
    records = reuse.records
    if records is None:
        texts, lines, start = list(reuse.events), None, 0
        keys = array("i", range(len(texts))).tobytes()
    else:
        # An event's text is that of its entry (`tui.loading.reuse.keep`).
        texts, start, keys = records.texts, records.start, at
        lines = array("i", records.lines).tobytes()
    return (
        reuse.articles,
        reuse.actors,
        texts,
        lines,
        start,
        keys,
        at,
        apart,
        event_columns(list(map(reuse.events.__getitem__, apart))),
        reuse.references,
        reuse.order,
        _sources_state(reuse.sources),
        reuse.indent,
    )


def reuse_from(state: ReuseState, model: Timeline) -> Reuse:
    """The `Reuse` written as `state`, its events taken from `model` (the same entry's).

    Raises (ValueError, KeyError, ...) when `state` was not written for `model`.
    """
    (articles, actors, texts, line_bytes, start, key_bytes, at_bytes, apart, columns, references,
     order, kept, indent) = state
    keys, at = array("i"), array("i")
    keys.frombytes(key_bytes)
    at.frombytes(at_bytes)
    lines = array("i")
    if line_bytes is not None:
        lines.frombytes(line_bytes)
        if len(lines) != len(texts):
            raise ValueError("entries' texts and lines of different lengths")
    shown = model.events
    by_entry = dict(zip(map(attrgetter("order"), shown), shown, strict=True))
    events = dict(zip(map(texts.__getitem__, keys), map(by_entry.__getitem__, at), strict=True))
    records = None
    if line_bytes is not None and indent is not None:
        from tui.loading.records import Records  # read once an edit is being checked

        records = Records(indent, texts, lines.tolist(), start)
    # The model's events of the entries with references are resolved.
    resolved = {text: events[text] for text in references}
    events.update(zip(apart, events_from_columns(*columns), strict=True))
    return Reuse(
        articles, actors, events, references, order, _sources(kept, model), resolved, indent,
        records,
    )


def _sources_state(sources: Sources) -> SourcesState:
    articles, actors = sources.articles, sources.actors
    return (
        None if articles is None
        else (articles.digest, articles.located, list(articles.articles), articles.declared,
              dict(articles.seeds)),
        None if actors is None
        else (actors.digest, actors.located, list(actors.actors), actors.declared,
              [actors.lines.get(aid) for aid in actors.actors]),
    )


def _sources(state: SourcesState, model: Timeline) -> Sources:
    """`Sources` from its state, its articles and actors taken from `model`."""
    kept_articles, kept_actors = state
    articles = actors = None
    if kept_articles is not None:
        digest, located, ids, declared, seeds = kept_articles
        by_id = {article.id: article for article in model.articles}
        articles = KeptArticles(digest, located, {aid: by_id[aid] for aid in ids}, declared, seeds)
    if kept_actors is not None:
        digest, located, ids, declared, lines = kept_actors
        found = {actor.id: actor for actor in model.actors}
        actors = KeptActors(digest, located, {aid: found[aid] for aid in ids},
                            dict(zip(ids, lines, strict=True)), declared)
    return Sources(articles, actors)
