"""Re-reading after an edit: events with references whose targets did not change.

Such an event is taken as the last load resolved it, instead of being resolved
again; one whose target (or its target's target) changed is resolved again. A
property test edits random entries of a folder with a chain of references and
compares a load that reuses (in memory, and read back from the cache) with a
fresh one, problems included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EVENTS_YAML, SEED_TEXT, write_data_dir
from tests.reuse_helpers import outcome
from tui.cache import ModelCache
from tui.load import load_reusing
from tui.loading import events as events_module

SEED = SEED_TEXT + "The same day, officials met again.\nThe same day, ministers spoke.\n"
# met-again refers to pact-signed, spoke to met-again: a chain.
CHAIN = EVENTS_YAML + """\
  - id: met-again
    title: Officials met again
    kind: meeting
    actors: [china]
    sources:
      - article: news-1
        quote: "The same day, officials met again."
        date_text: The same day
        relative_to: pact-signed
  - id: spoke
    title: Ministers spoke
    kind: meeting
    actors: [north-korea]
    sources:
      - article: news-1
        quote: "The same day, ministers spoke."
        date_text: The same day
        relative_to: met-again
"""
ENTRIES = ["pact-signed", "talks-held", "relations-established", "met-again", "spoke"]



def _entry(text: str, eid: str) -> tuple[int, int]:
    start = text.index(f"  - id: {eid}\n")
    end = text.find("  - id: ", start + 1)
    return start, end if end >= 0 else len(text)


def _edit(text: str, eid: str, kind: int) -> str:
    if f"  - id: {eid}\n" not in text:
        return text
    start, end = _entry(text, eid)
    entry = text[start:end]
    if kind == 0:  # retitled
        entry = entry.replace("title: ", "title: Edited ", 1)
    elif kind == 1:  # dated otherwise (the pact's talks' day), still valid
        entry = entry.replace(
            entry[entry.index("quote: ") : entry.index("\n", entry.index("date_text: "))],
            'quote: "The pact follows talks held on June 17, officials said."\n'
            "        date_text: June 17",
        )
        entry = entry.replace("        relative_to: ", "        # was relative to: ")
    elif kind == 2:  # renamed: what refers to it no longer finds it
        entry = entry.replace(f"id: {eid}", f"id: {eid}-renamed", 1)
    elif kind == 3:  # removed
        entry = ""
    elif kind == 4:  # moved to the top
        return text[:start].replace("events:\n", "events:\n" + entry, 1) + text[end:]
    else:  # broken on its own
        entry = entry.replace("actors: [", "actors: [nobody, ", 1)
    return text[:start] + entry + text[end:]


def _folder(root: Path) -> Path:
    return write_data_dir(root, events=CHAIN, seeds={"one.txt": SEED})


EDIT = st.tuples(st.sampled_from(ENTRIES), st.integers(0, 5))


@settings(max_examples=60, deadline=None)
@given(
    first=st.lists(EDIT, min_size=1, max_size=2),
    second=st.lists(EDIT, max_size=2),
    through_cache=st.booleans(),
)
def test_reusing_resolved_references_gives_what_a_full_load_gives(
    tmp_path_factory: pytest.TempPathFactory,
    first: list[tuple[str, int]],
    second: list[tuple[str, int]],
    through_cache: bool,
) -> None:
    root = tmp_path_factory.mktemp("references")
    folder = _folder(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TIMELINE_CACHE_DIR", str(root / "cache"))
        timeline, problems, previous = outcome(folder, None)
        assert timeline is not None and previous is not None, problems
        assert len(previous.resolved) == 2
        events_file = folder / "events.yaml"
        for edits in (first, second):
            if through_cache and timeline is not None and previous is not None:
                cache = ModelCache.for_folder(folder)
                assert cache is not None
                cache.write(timeline, previous)
                previous = cache.read_own_reuse(timeline)
                assert previous is not None
            text = events_file.read_text(encoding="utf-8")
            for eid, kind in edits:
                text = _edit(text, eid, kind)
            events_file.write_text(text, encoding="utf-8")
            reused = outcome(folder, previous)
            assert reused[:2] == outcome(folder, None)[:2]
            if reused[2] is not None:
                timeline, previous = reused[0], reused[2]


def _count_resolved(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The events whose references each load resolves."""
    resolved: list[str] = []
    real = events_module.resolve_references

    def counting(events: object, pending: dict[tuple[str, int], object], *args: object) -> object:
        resolved.extend(eid for eid, _ in pending)
        return real(events, pending, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(events_module, "resolve_references", counting)
    return resolved


@pytest.mark.parametrize(
    ("edit", "resolved_again"),
    [
        (("talks-held", 0), []),  # nothing they name changed
        (("spoke", 0), ["spoke"]),  # itself
        (("met-again", 0), ["met-again", "spoke"]),  # the middle of the chain
        (("pact-signed", 1), ["met-again", "spoke"]),  # the start, dated otherwise
    ],
)
def test_only_references_whose_targets_changed_are_resolved_again(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    edit: tuple[str, int],
    resolved_again: list[str],
) -> None:
    folder = _folder(tmp_path)
    timeline, previous = load_reusing(folder)
    cache = ModelCache.for_folder(folder)
    assert cache is not None and previous is not None
    cache.write(timeline, previous)
    events_file = folder / "events.yaml"
    events_file.write_text(_edit(CHAIN, *edit), encoding="utf-8")
    resolved = _count_resolved(monkeypatch)
    again, kept = load_reusing(folder, cache.read_reuse())
    assert sorted(resolved) == resolved_again
    assert again == load_reusing(folder)[0]
    assert kept is not None and set(kept.resolved.values()) <= set(again.events)
    if edit[1] == 1:  # the chain follows its start
        days = {again.event_by_id[eid].start for eid in ("pact-signed", "met-again", "spoke")}
        before = timeline.event_by_id["pact-signed"].start
        assert days == {again.event_by_id["pact-signed"].start} != {before}
