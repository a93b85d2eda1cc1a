"""Adding to a curated YAML file leaves every byte already in it as it was."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHIPPED_DATA
from tui.load import load_timeline
from tui.new_event import NewEvent, append_event
from tui.workbench import PublicationWindow, add_article
from tui.workbench_error import WorkbenchError
from tui.yamlappend import append_entry, editable_list


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped data folder and its seeds."""
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "data"


def test_appending_an_event_to_the_shipped_data_keeps_every_byte_before(shipped: Path) -> None:
    path = shipped / "events.yaml"
    before = path.read_bytes()
    # A quote the file writes as a double-quoted string broken over lines: a round
    # trip that dumps the whole document puts it back on one line.
    assert b'show that North\n\n\n          Korea wants' in before
    text = (shipped.parent / "seeds" / "002_d237273cbb6b4ad7.txt").read_text(encoding="utf-8")
    start = text.index("“Kim Yo-jong’s recent comment")
    quote = text[start : text.index("Park said.", start) + len("Park said.")]
    assert "\n\n" in quote  # across a paragraph break: written with escapes
    new = NewEvent(
        "A quote over two lines: #1 of “two”", "statement", ("kim-yo-jong",),
        "koreatimes-2021-06-24", quote, "recent",
    )  # fmt: skip
    event_id = append_event(shipped, new)
    after = path.read_bytes()
    assert after.startswith(before)
    added = after[len(before) :].decode("utf-8")
    assert added.startswith("\n  - id: a-quote-over-two-lines-1-of-two\n")  # a blank line first
    assert '    actors: [kim-yo-jong]\n' in added
    timeline = load_timeline(shipped)  # the file loads, the quote is found
    assert timeline.event_by_id[event_id].sources[0].quote == new.quote


def test_adding_an_article_to_the_shipped_data_keeps_every_byte_before(
    shipped: Path, tmp_path: Path
) -> None:
    path = shipped / "articles.yaml"
    before = path.read_bytes()
    story = tmp_path / "story.txt"
    story.write_text("Officials met on Monday.\n", encoding="utf-8")
    window = PublicationWindow(date(2024, 4, 17), date(2024, 4, 17), date(2024, 4, 18), True)
    add_article(shipped, story, window, title="Talks", outlet="Wire", note="past: tense")
    after = path.read_bytes()
    assert after.startswith(before)
    added = after[len(before) :].decode("utf-8")
    assert '    author: null\n    published: "2024-04-17"\n' in added
    # The id names what the window's days share, not its first day (no publication date).
    assert load_timeline(shipped).article_by_id["story-2024-04"].latest == date(2024, 4, 18)


def test_an_entry_goes_after_a_closing_comment_and_a_file_without_a_last_newline(
    tmp_path: Path,
) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n- id: a\n  name: A\n# the end", encoding="utf-8")
    append_entry(path, "actors", {"id": "b", "name": "B"})
    assert path.read_text(encoding="utf-8") == (
        "actors:\n- id: a\n  name: A\n# the end\n- id: b\n  name: B\n"
    )


def test_an_empty_flow_list_is_dumped_again_in_place(tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    path = tmp_path / "actors.yaml"
    path.write_text("# The actors.\nactors: []\n", encoding="utf-8")
    append_entry(path, "actors", {"id": "b", "name": "B"})
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# The actors.\n")
    assert YAML(typ="safe", pure=True).load(text)["actors"] == [{"id": "b", "name": "B"}]
    assert [p.name for p in tmp_path.iterdir()] == ["actors.yaml"]  # no temporary left


@pytest.mark.parametrize(
    "text",
    [
        "actors:\n  - id: a\n    name: A\nnote: a key after the list\n",
        # A hostile-input trial: a document end and a comment after it were dropped, the
        # quotes re-flowed, by a rewrite of the whole file.
        'actors:\n  - id: a\n    name: "A\n      B"\n...\n# the end\n',
        # A second review: a directive and "---" were dropped by the rewrite.
        "%YAML 1.2\n---\n# c\nactors: []\n",
    ],
)
def test_a_list_that_cannot_take_an_entry_as_text_is_refused_untouched(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbenchError, match="cannot take a new entry without being rewritten"):
        append_entry(path, "actors", {"id": "b", "name": "B"})
    with pytest.raises(WorkbenchError, match="cannot take a new entry"):
        editable_list(path, "actors")  # said before any file of an edit is written
    assert path.read_text(encoding="utf-8") == text


def test_a_new_actor_goes_after_the_shipped_actors_without_a_blank_line(shipped: Path) -> None:
    path = shipped / "actors.yaml"
    before = path.read_bytes()
    assert b"\n\n  # ----" in before  # blank lines set apart sections, not actors
    append_entry(path, "actors", {"id": "park-won-gon", "name": "Park Won-gon",
                                  "kind": "person"})  # fmt: skip
    after = path.read_bytes()
    assert after.startswith(before)
    assert after[len(before) :] == (
        b"  - id: park-won-gon\n    name: Park Won-gon\n    kind: person\n"
    )


def test_an_entry_appended_to_a_crlf_file_has_its_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    text = "actors:\r\n  - id: a\r\n    name: A\r\n"
    path.write_bytes(text.encode("utf-8"))
    append_entry(path, "actors", {"id": "b", "name": "B"})
    assert path.read_bytes().decode("utf-8") == text + "  - id: b\r\n    name: B\r\n"


def test_an_empty_list_that_is_not_last_is_refused_before_any_entry(tmp_path: Path) -> None:
    """A review: "actors: []" before another key took the first new actor (dumped as a
    block list before "note:") and refused the second, half-writing an edit of two."""
    path = tmp_path / "actors.yaml"
    text = "actors: []\nnote: x\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbenchError, match="cannot take a new entry"):
        editable_list(path, "actors")
    assert path.read_text(encoding="utf-8") == text


def test_an_empty_list_written_again_keeps_its_link_and_mode(tmp_path: Path) -> None:
    """A review: the rename replaced a link with a file (the linked file unchanged) and
    made a 0600 file 0644."""
    real = tmp_path / "real.yaml"
    real.write_text("actors: []\n", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "actors.yaml"
    link.symlink_to(real)
    append_entry(link, "actors", {"id": "b", "name": "B"})
    assert link.is_symlink() and "id: b" in real.read_text(encoding="utf-8")
    assert real.stat().st_mode & 0o777 == 0o600


def test_add_article_refused_by_its_list_copies_no_text(tmp_path: Path) -> None:
    """A review: the article's text was copied into seeds/ before articles.yaml refused
    the entry, and every later try said the article was already there."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "articles.yaml").write_text("articles: []\n...\n# end\n", encoding="utf-8")
    (data / "actors.yaml").write_text("actors: []\n", encoding="utf-8")
    (data / "events.yaml").write_text("events: []\n", encoding="utf-8")
    source = tmp_path / "story.txt"
    source.write_text("Talks opened on Monday.\n", encoding="utf-8")
    window = PublicationWindow(date(2024, 4, 17), date(2024, 4, 17), date(2024, 4, 17))
    with pytest.raises(WorkbenchError, match="cannot take a new entry"):
        add_article(data, source, window, title="T", outlet="O")
    assert not (tmp_path / "seeds" / "story.txt").exists()
