"""Adding a source to an event of events.yaml: every other byte kept, or a clear refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.workbench_error import WorkbenchError
from tui.yamlappend import quoted
from tui.yamlsource import insert_source

SOURCE = {"article": "y", "quote": quoted("A “new” quote: with\ttabs."),
          "date_text": quoted("on Monday")}  # fmt: skip
ADDED = (
    '      - article: y\n'
    '        quote: "A “new” quote: with\\ttabs."\n'
    '        date_text: "on Monday"\n'
)
FIRST = """events:
  - id: a
    title: A
    sources:
      # the first source
      - article: x
        quote: "Q1."
        date_text: "in 2019"
"""
SECOND = """
  # ---- the next section ----
  - id: b
    title: B
    sources:
      - article: x
        quote: |
          A quote over
          two lines.
        date_text: "two"
    summary: A field after the sources.
"""

CASES = [  # (the file, the event, where the source goes: the text before it)
    (FIRST + SECOND, "a", FIRST),
    (FIRST + SECOND, "b", FIRST + SECOND.split("    summary:")[0]),
    (FIRST.rstrip("\n"), "a", FIRST),  # no newline at the end: one is added first
    (FIRST + "# a closing comment\n", "a", FIRST),
]


@pytest.mark.parametrize(("text", "event_id", "before"), CASES)
def test_the_source_goes_after_the_event_s_last_source_and_nothing_else_moves(
    tmp_path: Path, text: str, event_id: str, before: str
) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(text.encode("utf-8"))
    assert insert_source(path, event_id, SOURCE) == 2
    written = path.read_text(encoding="utf-8")
    assert written.startswith(before + ADDED)
    rest = text[len(before):] if len(text) >= len(before) else ""
    assert written == before + ADDED + rest


REFUSED = [
    (FIRST, "z", "no event 'z' in events.yaml"),
    ("events:\n  - id: a\n    sources: [{article: x, quote: Q, date_text: '1'}]\n", "a",
     "not laid out as a list"),
    ("events:\n  - id: a\n    sources: []\n", "a", "not laid out as a list"),
    ("events:\n  - id: a\n    title: A\n", "a", "not laid out as a list"),
]


@pytest.mark.parametrize(("text", "event_id", "message"), REFUSED)
def test_a_file_it_cannot_add_to_as_text_is_refused_and_left_alone(
    tmp_path: Path, text: str, event_id: str, message: str
) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbenchError, match=message) as refused:
        insert_source(path, event_id, SOURCE)
    assert path.read_text(encoding="utf-8") == text
    assert refused.value.hint


def test_a_crlf_file_keeps_its_line_ends_and_the_source_gets_them(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    text = FIRST + SECOND
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    insert_source(path, "a", SOURCE)
    written = path.read_bytes().decode("utf-8")
    assert written == (FIRST + ADDED + SECOND).replace("\n", "\r\n")


def test_a_numeric_id_is_found_as_check_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(FIRST.replace("id: a", "id: 1950"), encoding="utf-8")
    assert insert_source(path, "1950", SOURCE) == 2


def test_a_change_to_what_is_there_is_refused(tmp_path: Path) -> None:
    """A last quote kept with its trailing blank lines (`|+`): a source written after
    them would be read as part of the quote's block, and before them it would take
    them from the quote. Either way the file is left alone."""
    text = (
        "events:\n  - id: a\n    sources:\n      - article: x\n        quote: |+\n"
        "          Q2.\n\n\n"
    )
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbenchError, match="would change what is there"):
        insert_source(path, "a", SOURCE)
    assert path.read_text(encoding="utf-8") == text


def test_a_file_the_editor_cannot_read_is_a_clear_refusal(tmp_path: Path) -> None:
    """The loader reads a tab after a colon; the round-trip reader does not."""
    text = FIRST.replace('date_text: "in 2019"', 'date_text:\t"in 2019"')
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbenchError, match=r"events\.yaml cannot be edited here") as refused:
        insert_source(path, "a", SOURCE)
    assert (refused.value.hint or "").startswith("make the change in an editor")
    assert path.read_text(encoding="utf-8") == text
