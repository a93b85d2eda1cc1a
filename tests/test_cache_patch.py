"""A large model written as a patch of the whole entry before it (`tui.cachepatch`).

Unit tests of the patch itself, then the files: a patch is small, reads back as the
model it stands for (with its base read from disk), is dropped when its base is
gone, keeps its base from being pruned (and pruning drops the temporary files of
a run killed while writing), and after an edit of the data the model
read from a patch is the one a full load makes.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from tui import cache as cache_module
from tui import cachepatch, opening
from tui.cache import ModelCache
from tui.cachepatch import Base, patch_of, patched
from tui.datafiles import default_data_dir
from tui.model import Actor, Article, Event, Source, Timeline
from tui.opening import open_folder
from tui.span import Span

ID = b"w" * 16  # which write of its name a base entry is
ARTICLE = Article("a1", "a1.txt", "Title", "Outlet", None, date(2024, 4, 15), "stated", "", "Text.")
ACTOR = Actor("cn", "China", "country")


def _event(n: int, title: str | None = None) -> Event:
    day = date(2000, 1, 1).toordinal() + n
    span = Span(date.fromordinal(day), date.fromordinal(day), "day", False, "X", "why")
    source = Source("a1", "Text.", "on Monday", span, 0, 5)
    return Event(f"e{n}", title or f"Event {n}", "", "meeting", ("cn",), (source,), n)


def _timeline(events: list[Event]) -> Timeline:
    return Timeline.build((ARTICLE,), (ACTOR,), tuple(events))


@pytest.fixture(autouse=True)
def _small_patches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cachepatch, "PATCH_FROM", 10)


def test_a_patch_names_kept_events_by_place_and_writes_the_new_ones() -> None:
    events = [_event(n) for n in range(100)]
    base = Base("base", ID, _timeline(events))
    changed = list(events)
    changed[5] = dataclasses.replace(events[5], title="Retitled")  # edited
    del changed[40]  # removed
    changed.append(_event(500))  # added (last in date order)
    new = _timeline(changed)
    patch = patch_of(new, base)
    assert patch is not None
    identity, articles, actors, count, _, written, _ = patch
    assert (identity, articles, actors, count) == (ID, None, None, 100)  # the base's own
    assert [e.id for e in written] == ["e5", "e500"]
    again = patched(base, patch)
    assert again == new
    assert all(a is b for a, b in zip(again.events, new.events, strict=True) if a.id != "e5")
    assert list(again.start_years) == list(new.start_years)


def test_a_patch_carries_articles_and_actors_that_changed() -> None:
    events = [_event(n) for n in range(20)]
    base = Base("base", ID, _timeline(events))
    other = dataclasses.replace(ARTICLE, title="New title")
    new = Timeline.build((other,), (ACTOR, Actor("kp", "North Korea", "country")), tuple(events))
    patch = patch_of(new, base)
    assert patch is not None and patch[1] == (other,) and patch[2] is not None
    assert patched(base, patch) == new


def test_a_model_much_changed_or_small_is_written_whole() -> None:
    events = [_event(n) for n in range(100)]
    base = Base("base", ID, _timeline(events))
    many = [dataclasses.replace(e, title="x") if e.order % 5 == 0 else e for e in events]
    assert patch_of(_timeline(many), base) is None  # 20% new: more than MAX_NEW_SHARE
    assert patch_of(_timeline(events[:9]), base) is None  # below PATCH_FROM


def test_a_patch_for_another_base_is_refused() -> None:
    events = [_event(n) for n in range(30)]
    base = Base("base", ID, _timeline(events))
    patch = patch_of(_timeline(events[1:]), base)
    assert patch is not None
    assert patched(Base("base", ID, _timeline(events[:20])), patch) is None  # other events
    assert patched(Base("base", b"x" * 16, base.timeline), patch) is None  # written again
    damaged = (*patch[:4], bytes(4) * 28 + (10**6).to_bytes(4, "little"), *patch[5:])
    assert patched(base, damaged) is None  # a place beyond every event
    assert patched(base, patch) == _timeline(events[1:])


def _cache(directory: Path, name: str) -> ModelCache:
    return ModelCache(directory / f"{name * 64}.pickle", directory / "folder-x.latest")


def test_an_entry_after_an_edit_is_a_small_patch_that_reads_back(model_cache_dir: Path) -> None:
    events = [_event(n, f"A long title {n} " * 20) for n in range(200)]
    whole = _timeline(events)
    first, second = _cache(model_cache_dir, "a"), _cache(model_cache_dir, "b")
    first.write(whole)
    edited = _timeline([dataclasses.replace(events[0], title="Edited"), *events[1:]])
    second.write(edited)
    head = second.path.read_bytes()[:116]
    assert head.startswith(b"tui-timeline-patch-2\n" + bytes(8))
    assert head.endswith(b"a" * 64 + b".pickle")
    assert second.path.stat().st_size * 10 < first.path.stat().st_size
    cache_module._base = None  # as a new process: the base is read from its file
    assert second.read() == edited
    assert first.path.exists()


def test_a_patch_of_a_patch_has_the_first_ones_base(model_cache_dir: Path) -> None:
    events = [_event(n) for n in range(100)]
    first, second, third = (_cache(model_cache_dir, c) for c in "abc")
    first.write(_timeline(events))
    second.write(_timeline(events[1:]))
    cache_module._base = None
    read = second.read()  # holds the base it read: "a"
    assert read == _timeline(events[1:])
    third.write(_timeline(list(read.events[1:])))  # its events, as a reload keeps them
    assert third.path.read_bytes()[45:109] == b"a" * 64


def test_a_patch_whose_base_is_gone_reads_as_a_miss(model_cache_dir: Path) -> None:
    events = [_event(n) for n in range(100)]
    first, second = _cache(model_cache_dir, "a"), _cache(model_cache_dir, "b")
    first.write(_timeline(events))
    second.write(_timeline(events[1:]))
    first.path.unlink()
    cache_module._base = None
    assert second.read() is None
    assert not second.path.exists()  # removed, as a damaged entry is


def test_pruning_keeps_the_base_of_a_kept_patch(
    model_cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = [_event(n) for n in range(100)]
    base = _cache(model_cache_dir, "a")
    base.write(_timeline(events))
    for n, name in enumerate("bcd", start=1):
        _cache(model_cache_dir, name).write(_timeline(events[n:]))
    for n, name in enumerate("abcd"):
        stamp = 10.0 * n + 1  # the base the oldest by far
        os.utime(model_cache_dir / f"{name * 64}.pickle", (stamp, stamp))
    monkeypatch.setattr(cache_module, "KEEP_ENTRIES", 2)
    _cache(model_cache_dir, "d")._prune()
    assert base.path.exists()
    assert not _cache(model_cache_dir, "b").path.exists()  # pruned: no patch needs it
    cache_module._base = None
    assert _cache(model_cache_dir, "d").read() == _timeline(events[3:])


def test_after_an_edit_the_patch_holds_what_a_full_load_makes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    shutil.copytree(default_data_dir().parent / "seeds", tmp_path / "seeds")
    opened = open_folder(data, freeze=False)
    opened.store()
    events = data / "events.yaml"
    text = events.read_text(encoding="utf-8")
    title = opened.timeline.events[0].title
    assert text.count(f"title: {title}\n") == 1
    events.write_text(text.replace(f"title: {title}\n", "title: Edited by hand\n"), "utf-8")
    again = open_folder(data, freeze=False)
    again.store()
    entry = ModelCache.for_folder(data)
    assert entry is not None
    assert entry.path.read_bytes().startswith(b"tui-timeline-patch-2\n")
    cache_module._base = None
    opening._held.clear()
    from_patch = open_folder(data, freeze=False)
    assert from_patch.reuse is None  # read from the cache, not loaded
    assert from_patch.timeline == open_folder(data, use_cache=False, freeze=False).timeline
    assert from_patch.timeline.events[0].title == "Edited by hand"
    reuse = entry.read_reuse()
    assert reuse is not None and set(reuse.events) == set(again.reuse.events)


def test_pruning_removes_temporary_files_left_long_ago(model_cache_dir: Path) -> None:
    old, fresh = model_cache_dir / "tmp-old.tmp", model_cache_dir / "tmp-fresh.tmp"
    old.write_bytes(b"half an entry")
    fresh.write_bytes(b"being written")
    os.utime(old, (1, 1))
    _cache(model_cache_dir, "a").write(_timeline([_event(n) for n in range(3)]))
    assert not old.exists()
    assert fresh.exists()  # perhaps another run's write, still going


def test_a_base_gone_before_the_write_gives_a_whole_entry(model_cache_dir: Path) -> None:
    events = [_event(n) for n in range(100)]
    first, second = _cache(model_cache_dir, "a"), _cache(model_cache_dir, "b")
    first.write(_timeline(events))
    first.path.unlink()  # pruned by another run
    second.write(_timeline(events[1:]))
    cache_module._base = None
    assert second.read() == _timeline(events[1:])


def test_an_entry_written_again_is_whole_not_a_patch_of_itself(model_cache_dir: Path) -> None:
    events = [_event(n) for n in range(100)]
    entry = _cache(model_cache_dir, "a")
    entry.write(_timeline(events))
    entry.write(_timeline(events))  # the same content again (another run, a claim)
    assert entry.path.read_bytes().startswith(b"tui-timeline-model-6\n")
    cache_module._base = None
    assert entry.read() == _timeline(events)


def test_writing_a_patch_makes_its_base_new_again(model_cache_dir: Path) -> None:
    events = [_event(n) for n in range(100)]
    base = _cache(model_cache_dir, "a")
    base.write(_timeline(events))
    os.utime(base.path, (1, 1))
    _cache(model_cache_dir, "b").write(_timeline(events[1:]))
    assert base.path.stat().st_mtime > 1  # pruned after its patch, never before


def test_a_base_written_again_since_its_patch_makes_the_patch_a_miss(
    model_cache_dir: Path,
) -> None:
    events = [_event(n) for n in range(100)]
    first, second = _cache(model_cache_dir, "a"), _cache(model_cache_dir, "b")
    first.write(_timeline(events))
    second.write(_timeline(events[1:]))
    # Another run writes the base's name again, with a model of other files (read
    # while they changed): same events, one title different.
    cache_module._base = None
    other = [dataclasses.replace(events[0], title="Another title"), *events[1:]]
    first.path.unlink()
    first.write(_timeline(other))
    cache_module._base = None
    assert second.read() is None  # not that model patched into a wrong one


def test_the_two_headers_are_the_same_length() -> None:
    assert len(cache_module._MAGIC) == len(cache_module._PATCH_MAGIC)

