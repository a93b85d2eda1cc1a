"""One keyboard everywhere: the moving keys in every list and pane, Tab stops, quitting."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input, Select

from tests.app_helpers import app_for, settle
from tui.screens.help import HelpScreen, KeyList, help_text, key_label
from tui.widgets.density_strip import DensityStrip
from tui.widgets.event_detail import EventDetail
from tui.widgets.facet_list import FacetList
from tui.widgets.key_bar import KeyBar
from tui.widgets.source_view import SourceView
from tui.widgets.timeline_view import TimelineView

README = Path(__file__).resolve().parent.parent / "README.md"


async def test_the_moving_keys_work_in_the_filter_lists(tmp_path: Path) -> None:
    """Finding 5: j/k, G/g, ctrl+d/ctrl+u in the actor list."""
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        actors = app.screen.query_one("#actors", FacetList)
        await pilot.press("a")
        assert actors.has_focus and actors.highlighted == 0
        await pilot.press("j", "j")
        assert actors.highlighted == 2
        await pilot.press("k")
        assert actors.highlighted == 1
        await pilot.press("G")
        assert actors.highlighted == actors.option_count - 1
        await pilot.press("g")
        assert actors.highlighted == 0
        await pilot.press("ctrl+d")
        assert actors.highlighted > 0
        await pilot.press("ctrl+u")
        assert actors.highlighted == 0
        await pilot.press("space")  # Space toggles in a list of choices
        await settle(pilot)
        assert app.screen.filter.actors == {actors.get_option_at_index(0).value}


async def test_the_moving_keys_scroll_the_event_and_source_panes(tmp_path: Path) -> None:
    """Finding 5 and 8: the event pane scrolls with j, Space, G, g; the source pane too."""
    app = app_for(tmp_path, event_id="visit")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        detail = app.screen.query_one("#detail", EventDetail)
        detail.focus()
        await pilot.pause()
        assert detail.max_scroll_y > 0  # cut off at 80×24: it must scroll
        await pilot.press("j")
        await pilot.pause()
        assert detail.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert detail.scroll_y == detail.max_scroll_y
        assert "Sources (2):" in detail.plain
        await pilot.press("g", "space")
        await pilot.pause()
        assert detail.scroll_y > 1
        await pilot.press("b")
        await pilot.pause()
        assert detail.scroll_y == 0
        source = app.screen.query_one("#source", SourceView)
        source.focus()
        await pilot.press("g", "ctrl+f")
        await pilot.pause()
        assert source.scroll_y > 0
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert source.scroll_y == 0


async def test_space_and_half_pages_move_the_timeline(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        await pilot.press("space")
        after_page = view.selected_event_id
        assert after_page != "war"
        await pilot.press("b")
        assert view.selected_event_id == "war"
        await pilot.press("ctrl+d")
        assert view.selected_event_id != "war"
        await pilot.press("ctrl+u")
        assert view.selected_event_id == "war"


async def test_help_scrolls_with_the_same_keys_and_lists_them(tmp_path: Path) -> None:
    """Finding 5: the help screen takes j, G, g, and lists the moving keys once."""
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one(KeyList)
        assert keys.has_focus and keys.max_scroll_y > 0
        await pilot.press("j")
        await pilot.pause()
        assert keys.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert keys.scroll_y == keys.max_scroll_y
        text = app.screen.text.plain
        assert "PgDn / Space / Ctrl+F" in text and "Down one page" in text
        assert text.count("Down one line") == 1
        # The bottom line is the help's own: not the explorer's keys behind it.
        bar = app.screen.query_one(KeyBar).render().plain
        assert "Close help" in bar and "Next source" not in bar
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_ctrl_c_quits_outside_a_text_box(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "x", "ctrl+c")  # in the box: copies, does not quit
        await pilot.pause()
        assert app.is_running and app.screen.query_one("#search", Input).value == "x"
        await pilot.press("escape", "ctrl+c")
        await pilot.pause()
    assert not app.is_running


async def test_every_tab_stop_is_a_control_that_shows_focus(tmp_path: Path) -> None:
    """Finding 9: no stop on the filter panel itself; each stop is a visible control."""
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        stops = []
        for _ in range(9):
            await pilot.press("tab")
            await pilot.pause()
            stops.append(app.focused)
        kinds = (Input, FacetList, Select, DensityStrip, TimelineView, EventDetail, SourceView)
        assert all(isinstance(w, kinds) for w in stops), stops
        assert [w.id for w in stops[:8]] == [
            "detail", "source", "search", "actors", "kinds", "years", "article", "density",
        ]
        # The focused pane's border is drawn with other characters, not only colours.
        for pane in ("#detail", "#source"):
            widget = app.screen.query_one(pane)
            widget.focus()
            await pilot.pause()
            assert widget.styles.border_top[0] == "heavy"
            app.screen.query_one("#timeline").focus()
            await pilot.pause()
            assert widget.styles.border_top[0] == "round"


def test_the_readme_key_table_matches_the_help_screen(tmp_path: Path) -> None:
    """The README's key table lists every key and section the help screen shows."""
    from tests.app_helpers import app_for as make

    app = make(tmp_path)
    readme = README.read_text(encoding="utf-8")
    table = readme[readme.index("| where | keys |"):]
    table = table[: table.index("\n\n")]
    rows = {}
    for line in table.splitlines()[2:]:
        where, keys = line.strip("|").split("|", 1)
        rows[where.strip()] = keys
    text = help_text(app.help_sections()).plain
    sections = re.findall(r"^(\S.*)$", text, flags=re.MULTILINE)
    assert list(rows) == [s.lower() for s in sections]
    for title, bindings in app.help_sections():
        row = rows[title.lower()]
        for binding in bindings:
            if getattr(binding, "description", ""):
                for key in key_label(binding.key).split(" / "):
                    assert f"`{key}`" in row, (title, key)
                assert binding.description in row, (title, binding.description)


async def test_the_palettes_keys_command_opens_the_explorers_help(tmp_path: Path) -> None:
    """Ctrl+P "Keys" shows the same help as `?`, not Textual's own key panel (which
    listed keys the explorer does not have and stayed open beside the panes)."""
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Keys")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert not app.screen.query("HelpPanel") and not app.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_the_article_views_keys_say_where_they_work(tmp_path: Path) -> None:
    """`t` and `v` make events in the article view: in the explorer they say so, and
    in the search box they are letters."""
    from tests.app_helpers import notices

    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key in ("t", "v"):
            await pilot.press(key)
            await pilot.pause()
            assert any(n.startswith("t (new event) and v (select a sentence) work in the "
                                    "article view: o opens") for n in notices(app)), key
            app.clear_notifications()
        await pilot.press("slash", "t", "v")
        await pilot.pause()
        assert app.screen.query_one("#search", Input).value == "tv"
        assert not notices(app)


def test_the_help_says_when_a_key_means_one_thing_or_another() -> None:
    """A journalist's trial: the article view's help listed `n` twice, once as the next
    match and once as the next expression, without saying when each holds."""
    from textual.binding import Binding

    text = help_text([("Article", [
        Binding("n", "a", "Next match", tooltip="While a search is in force"),
        Binding("n,right_square_bracket", "b", "Next expression", tooltip="n without a search"),
        Binding("c", "c", "Clear", tooltip="Clear every filter"),
    ])]).plain  # fmt: skip
    assert "Next match (while a search is in force)\n" in text
    assert "Next expression (n without a search)\n" in text
    assert "Clear\n" in text  # a tooltip that says the description again is left out


def test_a_long_description_goes_on_under_itself_not_under_the_keys() -> None:
    """A journalist's trial: in the help, a wrapped description started its second line
    at the left edge, under the keys."""
    from textual.binding import Binding

    text = help_text([("Explorer", [
        Binding("enter", "a", "Keep the search",
                tooltip="In the search box: keep the search and go to the first match"),
        Binding("slash", "b", "Search"),
    ])], columns=50).plain  # fmt: skip
    lines = text.splitlines()
    assert lines[1] == "  Enter  Keep the search (in the search box: keep"
    assert lines[2].startswith(" " * len("  Enter  ")) and lines[2].strip()
    assert all(len(line) <= 50 for line in lines)
    assert "/        Search" not in text and "  /      Search" in text
