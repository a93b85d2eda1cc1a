"""Re-reading after an edit: seed articles known unchanged by their stat are not read again.

The articles a load keeps carry each seed file's (size, mtime, ctime, inode) when
the seed was last changed well before the load; the next load reads only the
seeds whose four values differ. These tests pretend the files are old enough by
moving the "well before" line (`RACY_NS`) into the future.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reuse_helpers import copy_shipped, outcome
from tui.cache import ModelCache
from tui.cachekey import RACY_NS
from tui.load import load_reusing
from tui.loading import kept
from tui.loading.kept import Reuse
from tui.readfile import read_regular

AGES_AGO = -10**15  # a RACY_NS that makes every file "settled" (about 11 days ahead)


def _first_seed(folder: Path) -> Path:
    return sorted((folder.parent / "seeds").iterdir())[0]


def _seed_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The seed files `kept` reads from now on, by name."""
    read: list[str] = []
    real = read_regular

    def counting(path: Path) -> bytes:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(kept, "read_regular", counting)
    return read


def _loaded(folder: Path, monkeypatch: pytest.MonkeyPatch, racy_ns: int) -> Reuse:
    with monkeypatch.context() as patch:
        patch.setattr(kept, "RACY_NS", racy_ns)
        _, reuse = load_reusing(folder)
    assert reuse is not None and reuse.sources.articles is not None
    return reuse


def test_seeds_changed_just_before_the_load_are_not_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_shipped(tmp_path)  # every seed written a moment ago
    reuse = _loaded(folder, monkeypatch, RACY_NS)
    assert reuse.sources.articles is not None and reuse.sources.articles.seeds == {}
    read = _seed_reads(monkeypatch)
    load_reusing(folder, reuse)
    assert len(read) == len(list((folder.parent / "seeds").iterdir()))  # each read again


def _same_text_rewritten(seed: Path) -> None:
    seed.write_bytes(seed.read_bytes())


def _same_size_and_mtime(seed: Path) -> None:
    """Another text of the same length, its modification time set back: only ctime tells."""
    info = seed.stat()
    text = seed.read_bytes()
    seed.write_bytes(text[:-1] + (b" " if text.endswith(b"\n") else b"\n"))
    os.utime(seed, ns=(info.st_atime_ns, info.st_mtime_ns))


def _line_added(seed: Path) -> None:
    seed.write_bytes(seed.read_bytes() + b"\nA line added.\n")


@pytest.mark.parametrize("through_cache", [False, True])
@pytest.mark.parametrize(
    ("edit", "kept_again"),
    [
        (None, True),
        (_same_text_rewritten, True),  # read again, and found the same
        (_same_size_and_mtime, False),
        (_line_added, False),
    ],
)
def test_only_seeds_whose_stat_changed_are_read_again(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    edit: Callable[[Path], None] | None,
    kept_again: bool,
    through_cache: bool,
) -> None:
    folder = copy_shipped(tmp_path)
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    reuse = _loaded(folder, monkeypatch, AGES_AGO)
    articles = reuse.sources.articles
    assert articles is not None
    assert set(articles.seeds) == {a.file for a in articles.articles.values()}
    if through_cache:
        timeline, _ = load_reusing(folder)
        cache = ModelCache.for_folder(folder)
        assert cache is not None
        cache.write(timeline, reuse)
        read_back = cache.read_own_reuse(timeline)
        assert read_back is not None and read_back.sources.articles is not None
        assert read_back.sources.articles.seeds == articles.seeds  # kept in the entry
        reuse, articles = read_back, read_back.sources.articles
    seed = _first_seed(folder)
    if edit is not None:
        edit(seed)
    read = _seed_reads(monkeypatch)
    assert articles.usable(articles.digest, articles.located, folder) is kept_again
    assert read == ([] if edit is None else [seed.name])
    # and the load that follows is what a fresh one gives
    assert outcome(folder, reuse)[:2] == outcome(folder, None)[:2]
