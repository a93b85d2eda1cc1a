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
