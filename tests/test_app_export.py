"""Exporting the filtered view from the explorer with `e`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.app_helpers import app_for, wait_for
from tui.screens.export import ExportScreen
from tui.widgets.timeline_view import TimelineView


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty home folder, where the dialog proposes its default path.

    The current folder is another one: the dialog must never suggest it.
    """
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.setenv("HOME", str(out))
    monkeypatch.chdir(elsewhere)
    return out


async def _open_dialog(pilot) -> None:  # type: ignore[no-untyped-def]
    """`e` pressed once the explorer is up: the export dialog, on its file box."""
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()


async def test_e_exports_the_filtered_view_as_json(tmp_path: Path, workdir: Path) -> None:
    app = app_for(tmp_path, actors=["xi-jinping"])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-path").value == str(workdir / "timeline-export.json")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    doc = json.loads((workdir / "timeline-export.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in doc["events"]] == ["visit", "message"]


async def test_choosing_a_format_follows_with_the_extension(tmp_path: Path, workdir: Path) -> None:
    app = app_for(tmp_path, years=[2019])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-format").value = "csv"
        await pilot.pause()
        assert app.screen.query_one("#export-path").value.endswith("timeline-export.csv")
        await pilot.click("#export-go")
        await pilot.pause()
    with (workdir / "timeline-export.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["id"] for r in rows) == ["trade", "visit"]


async def test_an_existing_file_is_overwritten_only_when_confirmed(
    tmp_path: Path, workdir: Path
) -> None:
    target = workdir / "timeline-export.json"
    target.write_text("keep me", encoding="utf-8")
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # it asks first
        warning = str(app.screen.query_one("#export-warning").render())
        assert "exists" in warning
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert len(json.loads(target.read_text(encoding="utf-8"))["events"]) == 7


async def test_a_name_that_says_another_format_is_written_only_when_confirmed(
    tmp_path: Path, workdir: Path
) -> None:
    """JSON into `notes.txt`: the dialog says the name is not a JSON file's, and writes
    it on a second Enter; a name that fits the format needs no second Enter."""
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(workdir / "notes.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        warning = str(app.screen.query_one("#export-warning").render())
        assert "notes.txt does not end in .json, as a json file does" in warning
        assert not (workdir / "notes.txt").exists()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert len(json.loads((workdir / "notes.txt").read_text(encoding="utf-8"))["events"]) == 7


async def test_escape_cancels_without_writing(tmp_path: Path, workdir: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#timeline", TimelineView).has_focus
    assert list(workdir.iterdir()) == []


async def test_a_missing_folder_is_refused_in_the_dialog(tmp_path: Path, workdir: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(workdir / "nowhere" / "x.json")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "does not exist" in str(app.screen.query_one("#export-warning").render())


async def test_the_dialog_opens_on_the_file_and_enter_writes_it(
    tmp_path: Path, workdir: Path
) -> None:
    """`e Enter` writes the file proposed, as a save prompt does (never over a file
    that is there without asking: see above)."""
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "export-path"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert [p.name for p in workdir.iterdir()] == ["timeline-export.json"]
    assert list(Path.cwd().iterdir()) == []


async def test_a_name_typed_with_a_formats_extension_chooses_that_format(
    tmp_path: Path, workdir: Path
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_dialog(pilot)
        await pilot.press(*"mine.csv")  # typed over the name proposed, which is selected
        await pilot.pause()
        assert app.screen.query_one("#export-format").value == "csv"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    with (workdir / "mine.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 7


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("~nobody-of-that-name/x.json", "No home folder is known for ~nobody-of-that-name"),
        ("/tmp/" + "中朝关系时间线" * 13 + ".json", "File name too long"),
    ],
    ids=["unknown-user", "name-too-long"],
)
async def test_a_path_the_system_refuses_is_said_in_the_dialog(
    tmp_path: Path, workdir: Path, typed: str, said: str
) -> None:
    """A slip for `~/` and a name over 255 bytes closed the explorer with a traceback."""
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_dialog(pilot)
        app.screen.query_one("#export-path").value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        warning = " ".join(str(app.screen.query_one("#export-warning").render()).split())
        assert said in warning
    assert list(workdir.iterdir()) == []


async def test_the_dialog_remembers_the_format_and_folder_for_the_session(
    tmp_path: Path, workdir: Path
) -> None:
    app = app_for(tmp_path)
    folder = tmp_path / "reports"
    folder.mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-format").value = "csv"
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(folder / "mine.csv")
        await pilot.press("enter")
        await wait_for(pilot, lambda: (folder / "mine.csv").is_file())  # written by a worker
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#export-format").value == "csv"
        assert app.screen.query_one("#export-path").value == str(
            folder / "timeline-export.csv"
        )


async def test_the_overwrite_warning_is_whole_at_160_columns(
    tmp_path: Path, workdir: Path
) -> None:
    from tests.app_helpers import screen_text

    deep = workdir.joinpath(*["a-rather-long-folder-name"] * 4)
    deep.mkdir(parents=True)
    (deep / "timeline-export.json").write_text("keep", encoding="utf-8")
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(deep / "timeline-export.json")
        await pilot.press("enter")
        await pilot.pause()
        warning = app.screen.query_one("#export-warning")
        box = warning.region
        lines = screen_text(app).splitlines()[box.y:box.bottom]
        shown = " ".join(" ".join(line[box.x:box.right].split()) for line in lines)
        assert shown == (
            "timeline-export.json exists. Press Enter or Export again to overwrite it."
        )


async def test_nothing_to_export_is_said_instead_of_an_empty_file(
    tmp_path: Path, workdir: Path
) -> None:
    app = app_for(tmp_path, search="no event says this")
    said: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (said.append(str(message)), notify(message, **kw))[1]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert said == ["No event matches the filters: nothing to export."]
    assert list(workdir.iterdir()) == []


async def test_a_filtered_export_names_its_filter(tmp_path: Path, workdir: Path) -> None:
    """…under the timeline's own title, read from the folder's articles.yaml."""
    app = app_for(tmp_path, years=[2019])
    articles = tmp_path / "data" / "articles.yaml"
    articles.write_text("title: Port deals\n" + articles.read_text("utf-8"), encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-format").value = "markdown"
        await pilot.pause()
        await pilot.click("#export-go")
        await pilot.pause()
    # The file proposed is named for the timeline's title (a trial: "timeline-export").
    heading = (workdir / "port-deals.md").read_text(encoding="utf-8").splitlines()[0]
    assert heading == "# Port deals: a source-grounded timeline — filtered: year 2019"


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("China–North Korea relations", "china-north-korea-relations"),
        ("Port deals", "port-deals"),
        (None, "timeline-export"),
        ("金正恩", "timeline-export"),  # no Latin letter or digit
        ("The Millrace Street Bridge closure and what the town council did about it next",
         "the-millrace-street-bridge-closure-and-what-the-town-council"),
    ],
)
def test_the_file_proposed_is_named_for_the_timeline(title: str | None, stem: str) -> None:
    from tui.screens.export import STEM_LIMIT, export_stem

    assert export_stem(title) == stem and len(stem) <= STEM_LIMIT


async def test_j_and_k_move_in_the_open_format_list(tmp_path: Path, workdir: Path) -> None:
    """As in every list of the explorer: `j` no longer jumps to "json", `k` moves up;
    other letters still search ("m" for markdown), Enter chooses."""
    from textual.widgets._select import SelectOverlay

    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # from the file to the format; open it
        await pilot.pause()
        overlay = app.screen.query_one(SelectOverlay)
        assert overlay.has_focus
        start = overlay.highlighted
        await pilot.press("j", "j")
        assert overlay.highlighted == (start or 0) + 2
        await pilot.press("k")
        assert overlay.highlighted == (start or 0) + 1
        await pilot.press("m")  # a search still
        await pilot.pause()
        option = overlay.get_option_at_index(overlay.highlighted or 0)
        assert str(option.prompt).startswith("markdown")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#export-format").value == "markdown"


async def test_a_fifo_is_refused_in_the_dialog_not_offered_for_overwriting(
    tmp_path: Path, workdir: Path
) -> None:
    """A hostile-input trial: for /dev/null the dialog said "null exists. Press Enter or
    Export again to overwrite it.", and then refused it."""
    import os

    fifo = workdir / "pipe.json"
    os.mkfifo(fifo)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(fifo)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        said = str(app.screen.query_one("#export-warning").render())
        assert "FIFO" in said and "overwrite" not in said


async def test_a_json_name_chooses_json_back_and_keeps_timelinejs(
    tmp_path: Path, workdir: Path
) -> None:
    """A review: `.json` is JSON's and TimelineJS's, so a name ending in it chose
    neither, and CSV went on into `b.json`."""
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_dialog(pilot)
        box, choice = app.screen.query_one("#export-path"), app.screen.query_one("#export-format")
        box.value = str(workdir / "a.csv")
        await pilot.pause()
        assert choice.value == "csv"
        box.value = str(workdir / "b.json")
        await pilot.pause()
        assert choice.value == "json"
        choice.value = "timelinejs"
        await pilot.pause()
        box.value = str(workdir / "c.json")
        await pilot.pause()
        assert choice.value == "timelinejs"  # a .json name is this format's too


async def test_a_format_chosen_with_the_name_emptied_proposes_a_name(
    tmp_path: Path, workdir: Path
) -> None:
    """A review: Backspace empties the name (it opens selected), and choosing a format
    then closed the explorer with a traceback (an empty path has no suffix to set)."""
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_dialog(pilot)
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen.query_one("#export-path").value == ""
        app.screen.query_one("#export-format").value = "csv"
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-path").value == str(workdir / "timeline-export.csv")
