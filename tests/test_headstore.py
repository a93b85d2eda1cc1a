"""The head of a long timeline, kept beside its cached model: what it holds, and
when it is written, read, refused and removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_helpers import ORDER, write_data
from tui import headstore
from tui.cache import ModelCache
from tui.filters import Filter, TimelineIndex
from tui.headstore import first_screen, head_of, head_path, read_head, year_counts
from tui.load import default_data_dir, load_timeline
from tui.opening import open_timeline


@pytest.fixture
def small_heads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Heads for the 7-event test data: kept from 3 events, 2 events long."""
    monkeypatch.setattr(headstore, "HEAD_MIN_EVENTS", 3)
    monkeypatch.setattr(headstore, "HEAD_EVENTS", 2)
    # `head_of` took its default when defined: the cut is passed through the module.
    monkeypatch.setattr(headstore, "head_of", lambda t, events=2: head_of(t, events))


def test_the_head_is_the_first_events_their_articles_and_every_actor() -> None:
    timeline = load_timeline(default_data_dir())
    head = head_of(timeline, 3)
    assert head.timeline.events == timeline.events[:3]
    quoted = {s.article_id for e in timeline.events[:3] for s in e.sources}
    assert {a.id for a in head.timeline.articles} == quoted
    assert head.timeline.actors == timeline.actors
    assert head.total_events == len(timeline.events)


def test_its_year_counts_are_those_of_the_whole_timeline() -> None:
    timeline = load_timeline(default_data_dir())
    # Spans over several years count in each (the Korean War, 1950–1953).
    assert year_counts(timeline) == TimelineIndex.build(timeline).year_counts(Filter())
    assert year_counts(timeline)[1951] >= 1


def test_a_long_timeline_gets_a_head_with_its_model(tmp_path: Path, small_heads: None) -> None:
    data = write_data(tmp_path)
    open_timeline(data)
    head = first_screen(data)
    assert head is not None
    assert [e.id for e in head.timeline.events] == ORDER[:2]
    assert head.total_events == len(ORDER)


def test_a_short_timeline_gets_none(tmp_path: Path) -> None:
    data = write_data(tmp_path)  # 7 events, far under the threshold
    open_timeline(data)
    assert first_screen(data) is None


def test_a_lost_head_is_written_again_on_the_next_read(tmp_path: Path, small_heads: None) -> None:
    data = write_data(tmp_path)
    open_timeline(data)
    cache = ModelCache.for_folder(data)
    assert cache is not None
    head_path(cache).unlink()
    open_timeline(data)  # from the cache
    assert read_head(cache) is not None


def test_an_edited_folder_has_no_head_until_it_is_read(tmp_path: Path, small_heads: None) -> None:
    data = write_data(tmp_path)
    open_timeline(data)
    events = data / "events.yaml"
    events.write_text(events.read_text().replace("Korean War", "The Korean War"))
    assert first_screen(data) is None  # the head of the old content is not this folder's
    open_timeline(data)
    head = first_screen(data)
    assert head is not None and head.timeline.events[0].title == "The Korean War"


def test_a_damaged_head_is_ignored_and_removed(tmp_path: Path, small_heads: None) -> None:
    data = write_data(tmp_path)
    open_timeline(data)
    cache = ModelCache.for_folder(data)
    assert cache is not None
    path = head_path(cache)
    path.write_bytes(path.read_bytes()[:40])
    assert read_head(cache) is None
    assert not path.exists()


def test_a_head_whose_model_is_gone_is_removed(tmp_path: Path, small_heads: None) -> None:
    data = write_data(tmp_path)
    open_timeline(data)
    cache = ModelCache.for_folder(data)
    assert cache is not None
    orphan = cache.path.with_name("0" * 64 + headstore.HEAD_SUFFIX)
    orphan.write_bytes(head_path(cache).read_bytes())
    headstore.write_head(cache, open_timeline(data))
    assert not orphan.exists()
    assert head_path(cache).exists()


def test_no_cache_no_head(
    tmp_path: Path, small_heads: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", "off")
    data = write_data(tmp_path)
    open_timeline(data)
    assert first_screen(data) is None


def test_the_explorer_opened_after_an_edit_reads_the_events_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review: the look for a first screen worked out the cache key (reading and
    hashing the edited file), then the load worked it out again and read the file a
    second time; it now takes the entry the look found, with the bytes it read."""
    from tui import cache as cache_module
    from tui import cachekey
    from tui.app import make_app
    from tui.loading import reading
    from tui.readfile import read_regular

    data = write_data(tmp_path)
    open_timeline(data)
    events = data / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(
        "title: Treaty signed", "title: Treaty renewed"), encoding="utf-8")
    reads: list[Path] = []

    def counting(path: Path | str, *args: object) -> bytes:
        reads.append(Path(path))
        return read_regular(path, *args)  # type: ignore[arg-type]

    for module in (cachekey, cache_module, reading):
        monkeypatch.setattr(module, "read_regular", counting)
    app = make_app(data)
    assert app.timeline.event_by_id["treaty"].title == "Treaty renewed"
    assert reads.count(events) == 1
