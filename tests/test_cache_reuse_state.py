"""What a load leaves for the next, written after the model (`tui.cachereuse`)."""

from __future__ import annotations

import dataclasses
import pickle
import shutil

import pytest

from tui.cachereuse import reuse_from, reuse_state
from tui.datafiles import default_data_dir
from tui.loading.kept import Reuse
from tui.model import Timeline
from tui.opening import open_folder


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Timeline, Reuse]:
    root = tmp_path_factory.mktemp("shipped")
    shutil.copytree(default_data_dir(), root / "data")
    shutil.copytree(default_data_dir().parent / "seeds", root / "seeds")
    opened = open_folder(root / "data", use_cache=False, freeze=False)
    assert opened.reuse is not None
    return opened.timeline, opened.reuse


def test_a_reuse_reads_back_as_it_was_against_its_model(loaded: tuple[Timeline, Reuse]) -> None:
    timeline, reuse = loaded
    assert reuse.references  # the shipped data has words dated from another mention
    state = pickle.loads(pickle.dumps(reuse_state(reuse), protocol=pickle.HIGHEST_PROTOCOL))
    again = reuse_from(state, timeline)
    assert again == reuse
    assert list(again.events) == list(reuse.events)  # the entries in the file's order
    # The events are the model's own, but for those whose references were pending.
    pending = set(reuse.references)
    model_events = {id(e) for e in timeline.events}
    assert all((id(e) in model_events) != (t in pending) for t, e in again.events.items())


def test_entry_texts_of_any_characters_and_none_read_back(loaded: tuple[Timeline, Reuse]) -> None:
    timeline, reuse = loaded
    odd = ["", "é≈“”日本😀\n  - x", "\x00\r\n", "\ud800"]
    texts = list(reuse.events)
    renamed = dict(zip(odd + texts[len(odd) :], reuse.events.values(), strict=True))
    assert reuse.records is not None
    entries = list(reuse.records.texts)  # each event's text is its entry's
    for text, event in renamed.items():
        entries[event.order] = text
    changed = dataclasses.replace(
        reuse,
        events=renamed,
        references={odd[texts.index(t)] if texts.index(t) < len(odd) else t: r
                    for t, r in reuse.references.items()},
        resolved={},
        records=dataclasses.replace(reuse.records, texts=entries),
    )
    for kept in (changed, dataclasses.replace(changed, records=None)):
        again = reuse_from(reuse_state(kept), timeline)
        assert list(again.events) == list(renamed)
        assert again.records == kept.records
    empty = Reuse({}, frozenset(), {}, {})
    assert reuse_from(reuse_state(empty), timeline).events == {}


def test_a_state_for_another_model_is_refused(loaded: tuple[Timeline, Reuse]) -> None:
    timeline, reuse = loaded
    state = reuse_state(reuse)
    fewer = Timeline.build(timeline.articles, timeline.actors, timeline.events[1:])
    with pytest.raises(KeyError):
        reuse_from(state, fewer)
    cut = (*state[:2], state[2][:-1], *state[3:])
    with pytest.raises(ValueError):  # a text fewer than lines
        reuse_from(cut, timeline)
    unlined = reuse_state(dataclasses.replace(reuse, records=None))
    cut = (*unlined[:2], unlined[2][:-1], *unlined[3:])
    with pytest.raises(IndexError):  # a text fewer than events
        reuse_from(cut, timeline)
