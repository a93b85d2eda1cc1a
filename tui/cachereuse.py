"""The second part of a model cache entry: what a load leaves for the next one.

A `tui.loading.kept.Reuse` is written in plain values that pickle quickly, and
read back against the model of the same entry, whose events it shares:

* the entries' texts (joined into one string, they pickled twice as slowly: most
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
    list[str],  # the entries' texts
    bytes,  # each one's entry index (int32): its event is the model's event of that entry
    list[str],  # but for the entries with references pending (the model's: resolved)
    tuple[list[Any], list[Any], list[Any]],  # whose events are these columns
    dict[str, tuple[Reference, ...]],  # Reuse.references
    tuple[int, ...],  # Reuse.order
    SourcesState,  # Reuse.sources, its articles and actors named by id (the model's)
    int | None,  # Reuse.indent
]


def reuse_state(reuse: Reuse) -> ReuseState:
    """`reuse` in the plain values written after its model."""
    texts = list(reuse.events)
    apart = list(reuse.references)
    at = array("i", map(attrgetter("order"), reuse.events.values()))
    return (
        reuse.articles,
        reuse.actors,
        texts,
        at.tobytes(),
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
    articles, actors, texts, at_bytes, apart, columns, references, order, kept, indent = state
    at = array("i")
    at.frombytes(at_bytes)
    shown = model.events
    by_entry = dict(zip(map(attrgetter("order"), shown), shown, strict=True))
    events = dict(zip(texts, map(by_entry.__getitem__, at), strict=True))
    # The model's events of the entries with references are resolved.
    resolved = {text: events[text] for text in references}
    events.update(zip(apart, events_from_columns(*columns), strict=True))
    return Reuse(
        articles, actors, events, references, order, _sources(kept, model), resolved, indent
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
