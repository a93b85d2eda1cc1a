"""`split_records` told which entries were plainly shaped at the last load.

Looking only at the new entries' lines must give exactly what looking at every
line gives, whatever the entries, their order, their indentation and their line
endings.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.reuse_helpers import copy_shipped, outcome
from tui.load import load_reusing
from tui.loading import records as records_module
from tui.loading.records import split_records

# Lines of every kind the check tells apart, by their indentation against the
# entries' (`{i}`: the entries' own, `{d}`: deeper): mostly plain ones, so that most
# files are plainly shaped, and a few that are not (a line less indented than the
# entries, a "-" alone, a carriage return where a line break is looked for).
_PLAIN = [
    "{d}title: a", "{d}  more: b", "{d}  more: b", "{d}x: 1", "", "{i}", "{i}  ", "# note",
    "{i}# note", "{d}title: a\r", "\r",
]
_NOT_PLAIN = ["top: e", "{i}-", "{i}-x", "{i}\r", "{i}x: 1"]
# Kept entries plain (the file they come from must be), new ones often not.
_kept_body = st.lists(st.sampled_from(_PLAIN), max_size=4)
_new_body = st.lists(st.sampled_from(_PLAIN * 2 + _NOT_PLAIN), max_size=4)


Entry = tuple[str, list[str], bool]  # first line, other lines, written for this file


def _text(indent: int, entries: list[Entry], end: str, lines_at: int) -> str:
    """An events file: each entry's first line and its other lines, then `end`.
    An entry written for this file has its other lines indented against `indent`;
    the others (kept from another file) against `lines_at`."""
    lines = ["events:"]
    for first, rest, new in entries:
        at = indent if new else lines_at
        i, d = " " * at, " " * (at + 2)
        lines.append(" " * indent + "- " + first)
        lines.extend(line.replace("{i}", i).replace("{d}", d) for line in rest)
    return "\n".join(lines) + end


@st.composite
def _edited_files(draw: st.DrawFn) -> tuple[str, str]:
    """A file, and the same after an edit: entries kept, dropped, moved, added or
    changed, maybe at another indentation, maybe ending otherwise."""
    old_indent = draw(st.sampled_from([0, 2, 4]))
    firsts = st.sampled_from(["id: a", "id: b", "{id: c}", "id: d\r"])
    entries = st.tuples(firsts, _kept_body, st.just(False))
    old = draw(st.lists(entries, min_size=1, max_size=6))
    new = list(draw(st.permutations(old)))
    new = new[: draw(st.integers(min_value=0, max_value=len(new)))]
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        new.insert(draw(st.integers(min_value=0, max_value=len(new))),
                   (draw(firsts), draw(_new_body), True))
    if not new:
        new = [(draw(firsts), [], True)]
    new_indent = draw(st.sampled_from([old_indent, old_indent, 0, 2, 4]))
    ends = st.sampled_from(["", "\n", "\n\n", "\n  ", "\n  \r"])
    return (
        _text(old_indent, old, draw(ends), old_indent),
        # The kept entries' lines as they were: at another indentation of the
        # entries, the same texts may no longer be plainly shaped.
        _text(new_indent, new, draw(ends), old_indent),
    )


@settings(max_examples=400)
@given(files=_edited_files())
@example(files=("events:\n  - id: a\n    x: 1\n  - id: b\n",
                "events:\n  - id: b\n  - id: a\n    x: 1\n"))
@example(files=("events:\n  - id: a\n  \r\n  - id: b", "events:\n  - id: b\n  - id: a\n  \r"))
def test_looking_at_the_new_entries_only_gives_what_looking_at_all_gives(
    files: tuple[str, str],
) -> None:
    old, new = files
    before = split_records(old)
    if before is None:
        return  # not plainly shaped: nothing is kept from it
    told = split_records(new, shaped=set(before.texts), shaped_indent=before.indent)
    assert told == split_records(new)


@pytest.mark.parametrize(
    ("old", "new", "cut"),
    [
        # A new entry with a blank line in CRLF: as plain as in the whole file.
        ("events:\r\n  - id: a\r\n", "events:\r\n  - id: b\r\n\r\n  - id: a\r\n", True),
        # A new entry holding a line less indented than the entries.
        ("events:\n  - id: a\n", "events:\n  - id: b\n x: 1\n  - id: a\n", False),
        # A kept entry moved last, where its trailing carriage return ends the file.
        ("events:\n  - id: a\n  \r\n  - id: b\n", "events:\n  - id: b\n  - id: a\n  \r",
         False),
        # A kept entry at another indentation, where its lines are no longer deeper.
        ("events:\n- id: a\n  x: 1\n- id: b\n", "events:\n    - id: a\n  x: 1\n    - id: b\n",
         False),
    ],
)
def test_new_entries_are_looked_at(old: str, new: str, cut: bool) -> None:
    before = split_records(old)
    assert before is not None
    told = split_records(new, shaped=set(before.texts), shaped_indent=before.indent)
    assert (told is not None) is cut
    assert told == split_records(new)


def test_kept_entries_are_not_looked_at_again() -> None:
    """What makes it cheaper: a kept entry's lines are taken as plainly shaped (a
    text that was not, passed in as if it were, shows it)."""
    new = "events:\n  - id: a\n x: 1\n  - id: b\n"
    assert split_records(new) is None
    assert split_records(new, shaped={"id: a\n x: 1"}, shaped_indent=2) is not None
    assert split_records(new, shaped={"id: a\n x: 1"}, shaped_indent=4) is None  # not that indent


@pytest.mark.parametrize("cut_before", [True, False])
def test_a_load_after_an_edit_looks_only_at_the_new_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut_before: bool
) -> None:
    """With the last load's cut (`Reuse.records`), only the changed entry is looked
    at; with only its texts (`Reuse.events`), the new entries and the last one."""
    folder = copy_shipped(tmp_path)
    first = load_reusing(folder, None)[1]
    assert first is not None and first.indent is not None and first.records is not None
    if not cut_before:
        first = replace(first, records=None)
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8")
    records = split_records(text)
    assert records is not None and records.indent == first.indent
    edited = records.texts[3].replace("title: ", "title: Edited ", 1)
    events.write_text(text.replace(records.texts[3], edited, 1), encoding="utf-8")
    searched: list[str] = []
    offending = records_module._offending

    def noting(indent: int) -> re.Pattern[str]:
        pattern = offending(indent)

        class Noting:
            def search(self, text: str, *at: int) -> re.Match[str] | None:
                searched.append(text)
                return pattern.search(text, *at)

        return cast(re.Pattern[str], Noting())

    monkeypatch.setattr(records_module, "_offending", noting)
    assert outcome(folder, first)[:2] == outcome(folder, None)[:2]
    # The new entry (followed by the next one's line break), and without the cut the
    # last; then the full load, without what was kept, looks at the whole file.
    last = [] if cut_before else [records.texts[-1]]
    assert searched == [edited + "\n", *last, events.read_text(encoding="utf-8")]
