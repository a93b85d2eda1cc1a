"""What one load leaves for the next: its events (`Reuse`), articles and actors.

This module holds the data alone, so that the model cache can read and write it
without importing the loader; `tui.loading.reuse` plans what to take from it.
Articles and actors are taken as the last load read them while unchanged.

With 1,000 articles and 2,000 actors, parsing and checking them again took about
0.2 s of every re-read after an edit to `events.yaml`. What they come to depends
only on the text of their file, the seed articles' texts, and how the file was
parsed (with or without lines): `Sources` keeps a digest of each file's text
with what it gave, and the next load takes that as it is when the digest is the
same, the same parser reads it and (for articles) every seed article reads as
the same text. A load keeps them only once the whole folder has no problem, so
what is taken again has none either.

Reading the thousand seed articles again to see that they are unchanged took
about 0.06 s of every re-read. A seed's (size, mtime, ctime, inode) is kept
beside the articles, as `tui.cachekey` keeps them for the cache key: the same
four values mean the same text, and only a seed whose values differ is read and
compared. Only a seed last changed well before its load began is so remembered
(any write sets the ctime to its own time, which no program can set back, so a
write during or after the read never passes for the text that was read).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cachekey import RACY_NS
from tui.datafiles import DEFAULT_SEEDS_DIR
from tui.model import Actor, Article, Event
from tui.readfile import read_regular, resolved

if TYPE_CHECKING:  # read by the loader, written by the cache: a warm start needs neither
    from tui.loading.records import Records


def text_digest(text: str) -> bytes:
    """A digest of a data file's text, to tell whether it changed."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


@dataclass(frozen=True, slots=True)
class KeptArticles:
    """`articles.yaml` as last read: its digest, its articles, the ids it declares."""

    digest: bytes
    located: bool  # read with lines (see `tui.yamlread`)
    articles: dict[str, Article]
    declared: frozenset[str]
    # (size, mtime, ctime, inode) of each seed file (by name) read as its article's
    # text, for those last changed well before they were read (see the module).
    seeds: Mapping[str, SeedStat] = field(default_factory=dict)

    def usable(self, digest: bytes, located: bool, data_dir: Path) -> bool:
        """True when a load of `data_dir` would read the same articles from the file now."""
        return digest == self.digest and located == self.located and _same_seeds(
            data_dir, self.articles.values(), self.seeds
        )

    def settled(self, data_dir: Path, started_ns: int) -> KeptArticles:
        """These articles, once found `usable` by a load that started at `started_ns`,
        with the stats of the seeds that were too young to remember last time (a
        folder copied, or an article added, just before that load)."""
        if len(self.seeds) >= len(self.articles):
            return self
        seeds = seed_stats(data_dir, self.articles.values(), started_ns)
        return KeptArticles(self.digest, self.located, self.articles, self.declared, seeds)


@dataclass(frozen=True, slots=True)
class KeptActors:
    """`actors.yaml` as last read: its digest, the actors, their lines, the ids it declares."""

    digest: bytes
    located: bool
    actors: dict[str, Actor]
    lines: dict[str, int | None]
    declared: frozenset[str]

    def usable(self, digest: bytes, located: bool) -> bool:
        """True when the file would read as the same actors now."""
        return digest == self.digest and located == self.located


@dataclass(frozen=True, slots=True)
class Sources:
    """Articles and actors kept for the next load (either may be missing)."""

    articles: KeptArticles | None = None
    actors: KeptActors | None = None


SeedStat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def _seed_stat(path: Path) -> SeedStat | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def seed_stats(data_dir: Path, articles: Iterable[Article], started_ns: int) -> dict[str, SeedStat]:
    """The stat of each article's seed file, for those unchanged since well before
    `started_ns` (`time.time_ns()` before the load read them)."""
    seeds = resolved(data_dir / DEFAULT_SEEDS_DIR)
    settled_before = started_ns - RACY_NS
    stats = {}
    for article in articles:
        stat = _seed_stat(seeds / article.file)
        if stat is not None and max(stat[1], stat[2]) < settled_before:
            stats[article.file] = stat
    return stats


def _same_seeds(
    data_dir: Path, articles: Iterable[Article], known: Mapping[str, SeedStat]
) -> bool:
    """True when every article's seed file reads as the text it had (as the loader reads it).

    A seed whose stat is the one `known` holds for it is not read again.
    """
    seeds = resolved(data_dir / DEFAULT_SEEDS_DIR)
    for article in articles:
        path = seeds / article.file
        stat = known.get(article.file)
        if stat is not None and stat == _seed_stat(path):
            continue
        try:
            if read_regular(path).decode("utf-8") != article.text:
                return False
        except (OSError, UnicodeDecodeError):
            return False  # the loader reports it
    return True


NO_SOURCES = Sources()


Reference = tuple[int, int | None, str | None]
"""A source that refers to another event: (its index, its line less the entry's first
line, the relation the data states). The line is None when the load that kept it
parsed without lines: it is needed only to report a problem, and a load that has
one reads such an entry again, with its lines (see `tui.loading.reuse.plan_reuse`)."""


@dataclass(frozen=True, slots=True)
class Reuse:
    """Every event valid on its own at the last load, by its entry's text.

    The events are those of the model (pickled with it, so shared), except that a
    source referring to another event still holds `PENDING_SPAN`.
    """

    articles: dict[str, bytes]  # article id → fingerprint
    actors: frozenset[str]  # the valid actors
    events: dict[str, Event]
    references: dict[str, tuple[Reference, ...]]  # for the events that have any
    # The entries (by index) of the timeline's events in its order.
    order: tuple[int, ...] = ()
    # The articles and actors as read, taken again while their files are unchanged.
    sources: Sources = NO_SOURCES
    # For the events with references: the event as the timeline holds it (resolved).
    resolved: dict[str, Event] = field(default_factory=dict)
    # The indentation of the entries the texts were cut from (`Records.indent`): at
    # the same indentation, a text kept here is plainly shaped and need not be
    # looked at again (`tui.loading.records.split_records`). None: not known.
    indent: int | None = None
    # Every entry of the file as last read, in order (the texts those of `events`):
    # the next load finds which are unchanged by where they stand
    # (`tui.loading.records.resplit_records`). None: not known.
    records: Records | None = None
