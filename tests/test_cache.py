"""The model cache: warm loads, stale and corrupt entries, concurrent writers, opting out."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tests.conftest import EVENTS_YAML, write_data_dir
from tui import load as load_module
from tui.cache import ModelCache, content_key
from tui.load import load_timeline
from tui.opening import open_folder, open_timeline
from tui.problems import DataError


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.pickle"))


def _saved_after_the_key(monkeypatch: pytest.MonkeyPatch, path: Path, text: str) -> None:
    """Write `text` to `path` just after each cache key is worked out (an editor saving
    between the key and the load), while `monkeypatch` (a context of it) lasts."""
    from tui import cache as cache_module

    real_key = cache_module.folder_key

    def key_then_save(*args: object, **kwargs: object) -> str:
        key = real_key(*args, **kwargs)  # type: ignore[arg-type]
        path.write_text(text, encoding="utf-8")
        return key

    monkeypatch.setattr(cache_module, "folder_key", key_then_save)


def test_second_load_comes_from_the_cache(
    data_dir: Path, model_cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_timeline(data_dir)
    assert len(_entries(model_cache_dir)) == 1

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a warm load must not parse the data")

    monkeypatch.setattr(load_module, "load_reusing", no_parsing)
    second = open_timeline(data_dir)
    assert second == first
    assert second.event_by_id["pact-signed"].span == first.event_by_id["pact-signed"].span


def test_an_edited_file_never_meets_a_stale_entry(data_dir: Path, model_cache_dir: Path) -> None:
    open_timeline(data_dir)
    before = content_key(data_dir)
    (data_dir / "events.yaml").write_text(
        EVENTS_YAML.replace("Trade pact signed", "Trade pact signed at last"), encoding="utf-8"
    )
    assert content_key(data_dir) != before
    assert open_timeline(data_dir).event_by_id["pact-signed"].title == "Trade pact signed at last"
    assert len(_entries(model_cache_dir)) == 2


def test_a_file_written_while_it_is_loaded_never_meets_a_stale_entry(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entry holds the model of the bytes its key was made from: a file written
    between the key and the load (an editor saving) is not read under the old key."""
    events = data_dir / "events.yaml"
    with monkeypatch.context() as saving:
        _saved_after_the_key(saving, events,
                             EVENTS_YAML.replace("Trade pact signed", "Saved meanwhile"))
        opened = open_folder(data_dir)
        opened.store()
        assert opened.timeline.event_by_id["pact-signed"].title == "Trade pact signed"
    events.write_text(EVENTS_YAML, encoding="utf-8")  # back to what the key was made from
    cache = ModelCache.for_folder(data_dir)
    assert cache is not None
    cached = cache.read()
    assert cached is not None
    assert cached.event_by_id["pact-signed"].title == "Trade pact signed"


@pytest.mark.parametrize("saved", ["seed", "draft"])
def test_a_seed_or_draft_saved_between_the_key_and_the_load_is_not_stored_under_the_key(
    data_dir: Path, model_cache_dir: Path, monkeypatch: pytest.MonkeyPatch, saved: str
) -> None:
    """The loader reads the seeds (and drafts) itself: what it read is checked against
    the digests the key took. Stored, the entry would be found when the file is put
    back as the key saw it, with the text saved meanwhile."""
    seed = data_dir.parent / "seeds" / "one.txt"
    draft = data_dir / "drafts" / "mine.yaml"
    draft.parent.mkdir()
    draft.write_text("drafts: []\n", encoding="utf-8")
    path = seed if saved == "seed" else draft
    before = path.read_text(encoding="utf-8")
    with monkeypatch.context() as saving:
        _saved_after_the_key(saving, path, before + "# Saved meanwhile.\n")
        opened = open_folder(data_dir)
        opened.store()
    if saved == "seed":
        assert opened.timeline.articles[0].text.endswith("# Saved meanwhile.\n")  # as read
    assert _entries(model_cache_dir) == []
    path.write_text(before, encoding="utf-8")  # back to what the key was made from
    again = open_folder(data_dir)
    assert again.timeline.articles[0].text == (data_dir.parent / "seeds" / "one.txt").read_text(
        encoding="utf-8")
    again.store()
    assert len(_entries(model_cache_dir)) == 1  # unchanged meanwhile: stored


def test_a_file_saved_after_a_key_from_the_memo_is_not_stored_under_it(
    data_dir: Path, model_cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review: the key taken from its memo (the files unchanged since they were last
    hashed) read no file, and the entry was gone (pruned): the load read the file
    saved meanwhile and stored its model under the old key."""
    import time

    from tui import cachekey

    events = data_dir / "events.yaml"
    with monkeypatch.context() as settled:
        settled.setattr(cachekey, "RACY_NS", 10_000_000)  # settled after 10 ms
        time.sleep(0.05)
        open_folder(data_dir).store()
        for entry in _entries(model_cache_dir):
            entry.unlink()  # pruned; the memo of the key stays
        _saved_after_the_key(settled, events,
                             EVENTS_YAML.replace("Trade pact signed", "Saved meanwhile"))
        opened = open_folder(data_dir)
        opened.store()
        assert opened.timeline.event_by_id["pact-signed"].title == "Saved meanwhile"  # as read
    events.write_text(EVENTS_YAML, encoding="utf-8")
    assert open_folder(data_dir).timeline.event_by_id["pact-signed"].title == "Trade pact signed"


def test_both_passes_over_a_folder_with_problems_read_the_keyed_bytes(
    data_dir: Path, model_cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review: the located second pass read the files again, after the fast pass
    failed: a fix saved in between was stored under the key of the broken file."""
    events = data_dir / "events.yaml"
    events.write_text(EVENTS_YAML.replace("title: Trade pact signed", "title: [unclosed"),
                      encoding="utf-8")
    _saved_after_the_key(monkeypatch, events, EVENTS_YAML)  # the fix, saved meanwhile
    with pytest.raises(DataError):
        open_folder(data_dir)
    assert _entries(model_cache_dir) == []


def test_the_key_hands_the_data_files_it_read_to_the_load(data_dir: Path) -> None:
    cache = ModelCache.for_folder(data_dir)
    assert cache is not None
    taken, as_keyed = cache.take_read()
    # The three data files, as they are; not the seeds (the articles read those).
    assert as_keyed and taken == {data_dir / name: (data_dir / name).read_bytes()
                                  for name in ("articles.yaml", "actors.yaml", "events.yaml")}
    assert cache.key_bytes == {}  # handed over once, none kept


def test_an_edited_seed_changes_the_key(data_dir: Path) -> None:
    before = content_key(data_dir)
    seed = data_dir.parent / "seeds" / "one.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "More.\n", encoding="utf-8")
    assert content_key(data_dir) != before


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", b"tui-timeline-model-1\n" + b"\x80\x05truncated", None],
    ids=["empty", "garbage", "truncated-pickle", "wrong-object"],
)
def test_a_corrupt_entry_is_replaced(data_dir: Path, damage: bytes | None) -> None:
    good = open_timeline(data_dir)
    cache = ModelCache.for_folder(data_dir)
    assert cache is not None and cache.path.exists()
    if damage is None:  # a readable pickle of the wrong thing
        damage = b"tui-timeline-model-1\n" + pickle.dumps({"not": "a timeline"})
    cache.path.write_bytes(damage)
    assert open_timeline(data_dir) == good
    assert cache.read() == good  # rewritten whole


def test_invalid_data_is_never_cached(tmp_path: Path, model_cache_dir: Path) -> None:
    data = write_data_dir(tmp_path, events=EVENTS_YAML.replace("June 17", "June 71"))
    with pytest.raises(DataError):
        open_timeline(data)
    assert _entries(model_cache_dir) == []


def test_cache_can_be_switched_off(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, model_cache_dir: Path
) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", "off")
    assert ModelCache.for_folder(data_dir) is None
    open_timeline(data_dir)
    assert _entries(model_cache_dir) == []


def test_unwritable_cache_is_skipped(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(blocker / "cache"))
    assert open_timeline(data_dir).event_by_id["talks-held"].title == "Talks held"


def test_old_entries_are_pruned(data_dir: Path, model_cache_dir: Path) -> None:
    for n in range(12):
        (data_dir / "events.yaml").write_text(
            EVENTS_YAML.replace("Talks held", f"Talks held {n}"), encoding="utf-8"
        )
        open_timeline(data_dir)
    assert len(_entries(model_cache_dir)) == 8
    assert not list(model_cache_dir.glob("*.tmp"))


def test_concurrent_runs_share_the_cache_safely(data_dir: Path, model_cache_dir: Path) -> None:
    """Several processes loading the same folder at once all get the whole model."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys; from tui.opening import open_timeline; "
        "t = open_timeline(sys.argv[1]); print(len(t.events), t.event_by_id['talks-held'].title)"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(data_dir)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [run.communicate(timeout=60) for run in runs]
    assert [out for out, _ in outputs] == ["3 Talks held\n"] * 4, outputs
    assert len(_entries(model_cache_dir)) == 1
    assert not list(model_cache_dir.glob("*.tmp"))
    cache = ModelCache.for_folder(data_dir)
    assert cache is not None and cache.read() == load_timeline(data_dir)


def test_on_parse_is_called_only_when_nothing_is_cached(data_dir: Path) -> None:
    parsed: list[Path] = []
    open_timeline(data_dir, on_parse=parsed.append)
    open_timeline(data_dir, on_parse=parsed.append)
    assert parsed == [data_dir]


def test_the_cache_key_covers_every_module_by_pattern(tmp_path: Path) -> None:
    import shutil

    from tui import cache

    package = Path(cache.__file__).resolve().parent
    names = {p.relative_to(package).as_posix() for p in cache.model_code_files()}
    for module in ("model.py", "span.py", "dates/resolution.py", "dates/anchoring.py", "load.py"):
        assert module in names
    copy = tmp_path / "tui"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache.code_digest(copy)
    (copy / "new_model_part.py").write_text("X = 1\n", encoding="utf-8")
    assert cache.code_digest(copy) != before  # a new module changes the key
    (copy / "new_model_part.py").unlink()
    assert cache.code_digest(copy) == before
    (copy / "dates" / "anchoring.py").write_text("# edited\n", encoding="utf-8")
    assert cache.code_digest(copy) != before


def test_the_reuse_part_read_alone_is_the_entrys_against_the_model_in_memory(
    data_dir: Path,
) -> None:
    opened = open_folder(data_dir)
    assert opened.reuse is not None
    opened.store()
    cache = ModelCache.for_folder(data_dir)
    assert cache is not None
    alone = cache.read_own_reuse(opened.timeline)
    assert alone == cache.read_reuse() == opened.reuse
    assert alone is not None
    shown = {id(event) for event in opened.timeline.events}
    assert all(id(event) in shown for event in alone.events.values())  # not read again
    # A header pointing past the end, or no reuse part: nothing to reuse, no error.
    raw = cache.path.read_bytes()
    at = raw.index(b"\n") + 1
    cache.path.write_bytes(raw[:at] + (len(raw) + 5).to_bytes(8, "little") + raw[at + 8 :])
    assert cache.read_own_reuse(opened.timeline) is None
    assert cache.read() == opened.timeline  # the model itself is still read
    cache.path.write_bytes(raw[:at] + bytes(8) + raw[at + 8 :])
    assert cache.read_own_reuse(opened.timeline) is None


def test_an_opened_model_is_out_of_the_collectors_reach(data_dir: Path) -> None:
    """Loaded or read from the cache, the model is never walked by a collection (nor at exit)."""
    import gc

    for _ in ("loaded", "read from the cache"):
        timeline = open_timeline(data_dir)
        walked = {id(o) for o in gc.get_objects()}
        assert id(timeline.event_by_id) not in walked
        assert not any(id(event) in walked for event in timeline.events)
