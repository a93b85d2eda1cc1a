"""Re-reading after an edit: what is reused gives what a full load gives.

The property tests edit random entries of a copy of the shipped data (and of a
folder with references between events) and compare a load that reuses the
previous load's events with a fresh one: the same timeline, or the same
problems on the same lines. The table tests check what is checked again when a
seed, an actor or the code changes.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import EVENTS_YAML, ROOT, SEED_TEXT, write_data_dir
from tests.reuse_helpers import copy_shipped, outcome
from tui import cache as cache_module
from tui.loading import sourcecheck
from tui.loading.collect import SourceRecord
from tui.loading.records import parse_record, split_records
from tui.opening import open_folder, open_timeline
from tui.problems import DataError
from tui.yamllocated import load_yaml
from tui.yamlread import HAVE_FAST_PARSER

SHIPPED = (ROOT / "data" / "events.yaml").read_text(encoding="utf-8")





# One edit of one entry's text: each either keeps the data valid or breaks it.
EDITS = [
    ("retitle", lambda entry: entry.replace("title: ", "title: Edited ", 1)),
    ("blank line above", lambda entry: "\n\n# a comment\n" + entry),
    ("drop the last line", lambda entry: entry.rstrip("\n").rsplit("\n", 1)[0] + "\n"),
    ("unknown actor", lambda entry: entry.replace("actors: [", "actors: [nobody, ", 1)),
    ("bad quote", lambda entry: entry.replace('quote: "', 'quote: "Nowhere ', 1)),
    ("bad date", lambda entry: entry.replace("date_text: ", "date_text: whenever ", 1)),
    ("unknown field", lambda entry: entry.replace("    kind:", "    kinds: x\n    kind:", 1)),
    ("broken YAML", lambda entry: entry.replace("title: ", 'title: "', 1)),
    ("unknown article", lambda entry: entry.replace("article: ", "article: x", 1)),
    # A quoted title over two lines, the second starting like an entry: cut there.
    ("title cut like an entry", lambda entry: re.sub(
        r"^( +title: )(.*)$", lambda m: f'{m[1]}"Over two lines\n  - {m[2].replace(chr(34), "")}"',
        entry, count=1, flags=re.M)),
]


def _entries(text: str) -> tuple[str, list[str]]:
    records = split_records(text)
    assert records is not None
    head = text[: text.index(records.entry_text(0))]
    count = len(records.texts)
    # Each entry with its line break (the last one's is part of its text).
    return head, [records.entry_text(i) + "\n" * (i < count - 1) for i in range(count)]


def _edit(
    text: str,
    choices: list[tuple[int, int]],
    duplicate: int | None,
    moves: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> str:
    head, entries = _entries(text)
    entries = [entry.rstrip("\n") + "\n" for entry in entries]
    for index, edit in choices:
        index %= len(entries)
        entries[index] = EDITS[edit % len(EDITS)][1](entries[index])
    for source, target in moves:  # an entry moved (target past the end: removed)
        moved = entries.pop(source % len(entries))
        if target < 90:
            entries.insert(target % (len(entries) + 1), moved)
    if duplicate is not None:  # the same id twice: both lines are named
        entries.append(entries[duplicate % len(entries)])
    return head + "".join(entries)


EDITS_OF_ONE_LOAD = st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99)), max_size=3)


@given(
    first=EDITS_OF_ONE_LOAD.filter(bool),
    second=EDITS_OF_ONE_LOAD,
    duplicate=st.none() | st.integers(0, 99),
    moves=st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99)), max_size=2),
)
def test_reusing_gives_what_a_full_load_gives(
    tmp_path_factory: pytest.TempPathFactory,
    first: list[tuple[int, int]],
    second: list[tuple[int, int]],
    duplicate: int | None,
    moves: list[tuple[int, int]],
) -> None:
    """Entries edited, moved, removed or repeated, in two loads in a row."""
    folder = copy_shipped(tmp_path_factory.mktemp("reuse"))
    events_file = folder / "events.yaml"
    _, _, previous = outcome(folder, None)
    assert previous is not None and len(previous.events) == 40
    # Two edits in a row: the second reuses what the first load kept (with lines).
    for choices, dup, moved in ((first, None, moves), (second, duplicate, [])):
        text = events_file.read_text(encoding="utf-8")
        events_file.write_text(_edit(text, choices, dup, moved), encoding="utf-8")
        reused = outcome(folder, previous)
        fresh = outcome(folder, None)
        assert reused[:2] == fresh[:2]
        if reused[2] is not None:
            previous = reused[2]


def test_entries_cut_inside_a_value_are_not_kept_by_their_text(tmp_path: Path) -> None:
    """A cut that falls inside a quoted value cuts more pieces than there are
    entries: no piece then names an event, or the next load would take the wrong
    one (the same file loaded again gave two events another order)."""
    folder = copy_shipped(tmp_path)
    events_file = folder / "events.yaml"
    head, entries = _entries(events_file.read_text(encoding="utf-8"))
    entries[5] = EDITS[-1][1](entries[5])
    events_file.write_text(head + "".join(entries), encoding="utf-8")
    records = split_records(events_file.read_text(encoding="utf-8"))
    assert records is not None and len(records.texts) == 41  # 40 entries
    cold = outcome(folder, None)
    assert cold[0] is not None and len(cold[0].events) == 40
    assert cold[2] is None  # nothing kept by its text
    entries[9] = EDITS[0][1](entries[9])
    events_file.write_text(head + "".join(entries), encoding="utf-8")
    assert outcome(folder, cold[2])[:2] == outcome(folder, None)[:2]


def test_entries_moved_keep_the_order_of_a_full_load(tmp_path: Path) -> None:
    """Two events of the same date are in the order of their entries, moved or not."""
    folder = copy_shipped(tmp_path)
    head, entries = _entries(SHIPPED)
    entries = [entry.rstrip("\n") + "\n" for entry in entries]
    twin = re.sub(r"- id: (\S+)", r"- id: \1-twin", entries[5], count=1)
    events_file = folder / "events.yaml"
    events_file.write_text(head + "".join([*entries[:6], twin, *entries[6:]]), encoding="utf-8")
    timeline, problems, previous = outcome(folder, None)
    assert timeline is not None and previous is not None, problems
    twin_id = twin.split()[2]
    ids = [event.id for event in timeline.events]
    at = ids.index(twin_id) - 1
    assert ids[at : at + 2] == [twin_id.removesuffix("-twin"), twin_id]  # in the file's order
    events_file.write_text(head + "".join([*entries[:5], twin, *entries[5:]]), encoding="utf-8")
    reused, fresh = outcome(folder, previous), outcome(folder, None)
    assert reused[:2] == fresh[:2]
    assert reused[0] is not None
    ids = [event.id for event in reused[0].events]
    assert ids[at : at + 2] == [twin_id, twin_id.removesuffix("-twin")]  # the twin first now


def test_a_kept_reference_keeps_its_true_line(tmp_path: Path) -> None:
    """A reused event whose reference breaks is reported on the line it now stands on."""
    seed = SEED_TEXT + "The same day, officials met again.\n"
    referring = EVENTS_YAML + (
        "      - article: news-1\n"
        '        quote: "The same day, officials met again."\n'
        "        date_text: The same day\n"
        "        relative_to: pact-signed\n"
    )
    folder = write_data_dir(tmp_path, events=referring, seeds={"one.txt": seed})
    timeline, problems, previous = outcome(folder, None)
    assert timeline is not None and previous is not None, problems
    assert len(previous.events) == 3  # the referring event too
    if HAVE_FAST_PARSER:  # read without lines: its reference's line is found when needed
        assert [offset for _, offset, _ in next(iter(previous.references.values()))] == [None]
    # Two lines above everything, and the referenced event renamed.
    edited = "# moved\n\n" + referring.replace("id: pact-signed", "id: pact-signed-2", 1)
    (folder / "events.yaml").write_text(edited, encoding="utf-8")
    reused, fresh = outcome(folder, previous), outcome(folder, None)
    assert reused[:2] == fresh[:2]
    line = edited.count("\n")  # the last line, its relative_to
    assert any(f":{line}:" in text and "unknown event" in text for text in reused[1]), reused[1]


def test_a_kept_reference_is_cached_pending_and_read_back_as_it_was(tmp_path: Path) -> None:
    """The reuse part of a cache entry, read alone or with its model, is what the load
    kept: an event with a reference as checked on its own, the others the model's."""
    seed = SEED_TEXT + "The same day, officials met again.\n"
    referring = EVENTS_YAML + (
        "      - article: news-1\n"
        '        quote: "The same day, officials met again."\n'
        "        date_text: The same day\n"
        "        relative_to: pact-signed\n"
    )
    folder = write_data_dir(tmp_path, events=referring, seeds={"one.txt": seed})
    opened = open_folder(folder)
    opened.store()
    cache = cache_module.ModelCache.for_folder(folder)
    assert cache is not None and opened.reuse is not None and opened.reuse.references
    alone = cache.read_own_reuse(opened.timeline)
    assert alone == cache.read_reuse() == opened.reuse
    assert alone is not None
    for text, event in alone.events.items():
        shown = opened.timeline.event_by_id[event.id]
        assert (event is shown) == (text not in alone.references)


def _count_checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The date words of each source checked from now on (its quote found, its date
    resolved)."""
    checked: list[str] = []
    original = sourcecheck.load_source

    def counting(record: SourceRecord, *args: object) -> object:
        checked.append(record.values["date_text"])
        return original(record, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(sourcecheck, "load_source", counting)
    return checked


def test_an_edited_title_checks_no_source_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entry is read again, its sources taken as the last load checked them."""
    folder = copy_shipped(tmp_path)
    first = open_timeline(folder)
    text = (folder / "events.yaml").read_text(encoding="utf-8")
    head, entries = _entries(text)
    entries[3] = entries[3].replace("title: ", "title: Edited ", 1)
    (folder / "events.yaml").write_text("\n# moved down\n" + head + "".join(entries))
    checked = _count_checked(monkeypatch)
    second = open_timeline(folder)
    assert checked == []
    assert second.events != first.events
    assert second == outcome(folder, None)[0]


def test_an_edited_source_alone_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of an event with two sources, the one whose values changed is checked again
    and the other is taken as it was; the timeline is a full load's."""
    folder = copy_shipped(tmp_path)
    first = open_timeline(folder)
    text = (folder / "events.yaml").read_text(encoding="utf-8")
    head, entries = _entries(text)
    index = next(i for i, entry in enumerate(entries)
                 if len(load_yaml(entry)[0]["sources"]) == 2)  # fmt: skip
    entry = entries[index]
    # The second quote with two spaces for its first: other values, the same words
    # (a quote is found whatever its spacing), so the same timeline.
    second = entry.index('quote: "', entry.index('quote: "') + 1)
    space = entry.index(" ", second + len('quote: "'))
    entries[index] = entry[:space] + " " + entry[space:]
    (folder / "events.yaml").write_text(head + "".join(entries), encoding="utf-8")
    checked = _count_checked(monkeypatch)
    again = open_timeline(folder)
    assert checked == [load_yaml(entry)[0]["sources"][1]["date_text"]]
    assert again == outcome(folder, None)[0]
    assert again.events == first.events


def test_a_copy_of_a_cached_folder_reuses_after_its_first_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The copy's first open is a hit on the entry written for the original: it
    # must become the copy's latest too, or the copy's first edit checks it all.
    original = copy_shipped(tmp_path / "original")
    open_timeline(original)
    copy = tmp_path / "copy"
    shutil.copytree(original.parent, copy)
    folder = copy / "data"
    first = open_timeline(folder)
    text = (folder / "events.yaml").read_text(encoding="utf-8")
    head, entries = _entries(text)
    entries[3] = entries[3].replace("title: ", "title: Edited ", 1)
    (folder / "events.yaml").write_text(head + "".join(entries))
    checked = _count_checked(monkeypatch)
    second = open_timeline(folder)
    assert checked == []  # not every source: what the original's load left was reused
    assert second.events != first.events
    assert second == outcome(folder, None)[0]


def test_a_changed_seed_checks_the_events_that_quote_it_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_shipped(tmp_path)
    first = open_timeline(folder)
    article = first.articles[0]
    seed = folder.parent / "seeds" / article.file
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA line added.\n", encoding="utf-8")
    checked = _count_checked(monkeypatch)
    second = open_timeline(folder)
    quoting = [e for e in first.events if any(s.article_id == article.id for s in e.sources)]
    assert 0 < len(quoting) < len(first.events)
    assert sorted(checked) == sorted(s.date_text for e in quoting for s in e.sources)
    assert second == outcome(folder, None)[0]


def test_a_removed_actor_is_reported_as_a_full_load_reports_it(tmp_path: Path) -> None:
    folder = copy_shipped(tmp_path)
    open_timeline(folder)
    actors = folder / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    head, entries = text.split("  - id: ", 1)[0], text.split("  - id: ")[1:]
    actors.write_text(head + "".join("  - id: " + e for e in entries[1:]), encoding="utf-8")
    with pytest.raises(DataError) as reused:
        open_timeline(folder)
    assert [str(p) for p in reused.value.problems] == outcome(folder, None)[1]


def test_new_code_reuses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_shipped(tmp_path)
    open_timeline(folder)
    (folder / "events.yaml").write_text(SHIPPED.replace("title: ", "title: Edited ", 1))
    cached = cache_module.ModelCache.for_folder(folder)
    assert cached is not None and cached.read_reuse() is not None
    monkeypatch.setattr(cache_module, "code_digest", lambda package=None: b"another version")
    cached = cache_module.ModelCache.for_folder(folder)
    assert cached is not None and cached.read_reuse() is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("events:\n  - id: a\n  - id: b\n", [2, 3]),
        ("# head\n\nevents:\n\n  - id: a\n    x: 1\n\n# between\n  - id: b\n", [5, 9]),
        ("events:\n- id: a\n- id: b", [2, 3]),
        ("events:\n  - id: a\nother: 1\n", None),  # another key after the list
        ("events:\n  -\n    id: a\n", None),  # an entry opened by "-" alone
        ("events:\n  - id: a\n  -\n    id: b\n", None),  # the same, later
        ("events:\r\n  - id: a\r\n  -\r\n    id: b\r\n", None),
        ("events:\n  - id: a\n  -", None),  # "-" alone at the very end
        ("---\nevents:\n  - id: a\n", None),  # a document marker
        ("events: []\n", None),
        ("events:  # the list\n  - id: a\n", None),
    ],
)
def test_split_records(text: str, expected: list[int] | None) -> None:
    records = split_records(text)
    if expected is None:
        assert records is None
        return
    assert records is not None and records.lines == expected
    whole = load_yaml(text)["events"]
    for index, line in enumerate(expected):
        parsed = parse_record(records, index)
        assert parsed is not None and parsed == (whole[index], whole.line_of(index)) == (
            whole[index],
            line,
        )


def test_an_entry_cut_inside_a_quoted_value_is_not_read_alone() -> None:
    text = 'events:\n  - id: a\n    title: "one\n  - two"\n  - id: b\n'
    records = split_records(text)
    assert records is not None
    assert parse_record(records, 0) is None  # the caller then reads the file whole


def test_two_cores_give_what_one_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Quotes and dates checked on two cores: the same timeline, the same problems in order."""
    from tui.loading import parallel

    folder = copy_shipped(tmp_path)
    text = (folder / "events.yaml").read_text(encoding="utf-8")
    head, entries = _entries(text)
    for index in (2, 11, 23, 37):  # problems in sources of several articles
        entries[index] = EDITS[4][1](entries[index].rstrip("\n") + "\n")
    broken = head + "".join(entries)
    outcomes = []
    for minimum in (10**9, 0):
        monkeypatch.setattr(parallel, "MIN_SOURCES", minimum)
        if minimum == 0 and not parallel._two_cores_worth_it(1):
            pytest.skip("one core, no fork or other threads here: nothing to compare")
        (folder / "events.yaml").write_text(text, encoding="utf-8")
        valid = outcome(folder, None)
        (folder / "events.yaml").write_text(broken, encoding="utf-8")
        outcomes.append((valid[:2], outcome(folder, None)[:2]))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0][0] is not None and len(outcomes[0][1][1]) >= 4


def test_a_second_core_is_not_started_for_a_small_share(monkeypatch: pytest.MonkeyPatch) -> None:
    """One article holding most of the sources leaves the second core too little to do."""
    from tui.loading import parallel

    if not parallel._two_cores_worth_it(10**9):
        pytest.skip("one core, no fork or other threads here: nothing to compare")

    def no_fork(method: str) -> object:
        raise AssertionError("a second process was started")

    monkeypatch.setattr(parallel, "MIN_SOURCES", 10)
    monkeypatch.setattr(parallel.multiprocessing, "get_context", no_fork)
    monkeypatch.setattr(parallel, "_work", None)  # put back after the refused start
    problems: list[object] = []
    lopsided = ["a"] * 11 + ["b"]
    squares = parallel.run_checks(12, lopsided, lambda i: i * i, problems)
    assert squares == [i * i for i in range(12)]
    with pytest.raises(AssertionError, match="second process"):
        parallel.run_checks(12, ["a", "b"] * 6, lambda i: i, problems)
