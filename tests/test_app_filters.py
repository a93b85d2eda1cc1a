"""The filter sidebar, density strip, status line and clearing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_helpers import app_for, listed, record_frames, settle
from tui.filters import Filter
from tui.widgets.density_strip import DensityStrip
from tui.widgets.facet_list import FacetList
from tui.widgets.status_line import StatusLine
from tui.widgets.timeline_view import TimelineView


async def test_filter_by_a_person_from_the_actor_list(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("a")
        await settle(pilot)
        actors = app.screen.query_one("#actors", FacetList)
        assert actors.has_focus
        # countries first, then people; counts are shown with each name
        prompts = [str(actors.get_option_at_index(i).prompt) for i in range(actors.option_count)]
        assert prompts[:2] == ["China 6", "North Korea 5"]
        kim = actors.values.index("kim-jong-un")
        actors.highlighted = kim
        await pilot.press("space")
        await pilot.pause()
        assert listed(app) == ["visit", "dialogue"]
        status = app.screen.query_one("#status", StatusLine)
        assert status.plain == "Kim Jong Un — 2 of 7 events"


async def test_a_country_includes_its_people(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        app.screen.query_one("#actors", FacetList).select("china")
        await settle(pilot)
        # trade, war, treaty, renewed name China; visit and message name Xi Jinping
        assert listed(app) == ["war", "treaty", "trade", "visit", "renewed", "message"]
        years = app.screen.query_one("#years", FacetList)
        prompts = [str(years.get_option_at_index(i).prompt) for i in range(years.option_count)]
        assert prompts == ["1950 1", "1951 1", "1952 1", "1953 1", "1961 1", "2019 2", "2021 2"]


async def test_filter_by_year_and_density_strip(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("y")
        years = app.screen.query_one("#years", FacetList)
        assert years.has_focus
        years.select("2021")
        await pilot.pause()
        assert listed(app) == ["renewed", "dialogue", "message"]
        assert app.screen.filter.years == frozenset({2021})
        density = app.screen.query_one("#density", DensityStrip)
        assert 2021 in density.marked
        # clicking the bar of 2019 filters to that year instead
        x = next(i for i, (a, b) in enumerate(density.buckets()) if a <= 2019 <= b)
        await pilot.click(density, offset=(x + 1, 0))  # +1: the strip's padding
        await pilot.pause()
        assert listed(app) == ["trade", "visit"]
        assert set(years.selected) == {"2019"}


async def test_search_and_empty_state_and_clear(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.press(*"treaty")
        await pilot.pause()
        assert listed(app) == ["treaty", "renewed"]
        status = app.screen.query_one("#status", StatusLine)
        assert status.plain == '"treaty" — 2 of 7 events'
        await pilot.press(*"zzz")
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        assert listed(app) == []
        assert "No event matches" in view.render_line(1).text
        assert "Press c to clear" in view.render_line(2).text
        # In the box `c` is a letter: the status says what Esc does there.
        assert "0 of 7 events" in status.plain and "Esc cancels the search" in status.plain
        await pilot.press("escape")  # back to the timeline, then clear
        assert view.has_focus
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.filter == Filter()
        assert len(listed(app)) == 7
        assert status.plain == "All 7 events"
        assert app.screen.query_one("#search").value == ""


async def test_counts_wait_until_the_filters_are_shown(tmp_path: Path) -> None:
    """On a narrow screen the hidden sidebar costs nothing until it is opened."""
    from tui.widgets.filter_panel import FilterPanel

    counted: list[Filter] = []
    seen: set[int] = set()

    def hook(message: object) -> None:
        # The hook sees a bubbling message once per node it reaches: count it once.
        if isinstance(message, FilterPanel.Counted) and id(message) not in seen:
            seen.add(id(message))
            counted.append(message.filter)

    app = app_for(tmp_path, actors=["china"])
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await settle(pilot)
        assert counted == []
        await pilot.press("f")
        await settle(pilot)
        assert counted == [Filter(actors=frozenset({"china"}))]
        years = app.screen.query_one("#years", FacetList)
        assert str(years.get_option_at_index(0).prompt) == "1950 1"


async def test_a_single_year_survives_decade_mode(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Setting the controls to a filter must not echo back as an emptied year facet."""
    from tui.widgets import filter_panel

    monkeypatch.setattr(filter_panel, "DECADE_THRESHOLD", 2)  # 7 years → decades
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        years = app.screen.query_one("#years", FacetList)
        assert str(years.get_option_at_index(0).prompt).startswith("1950s")
        years.select("1950s")
        await settle(pilot)
        assert app.screen.filter.years == {1950, 1951, 1952, 1953}
        app.screen.filter_by_year(1951)  # one year of a decade: no decade is chosen
        await settle(pilot)
        assert app.screen.filter.years == {1951}
        assert listed(app) == ["war"]


async def test_opening_a_facet_keeps_the_wide_layout_still(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()

        def widths() -> list[int]:
            return [app.screen.query_one(s).size.width for s in ("#filters", "#main", "#reading")]

        before = widths()
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.query_one("#search").has_focus
        assert widths() == before


async def test_a_start_year_is_highlighted_in_the_year_list(tmp_path: Path) -> None:
    app = app_for(tmp_path, years=[2021], actors=["kim-jong-un"])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        years = app.screen.query_one("#years", FacetList)
        assert years.get_option_at_index(years.highlighted).value == "2021"
        actors = app.screen.query_one("#actors", FacetList)
        assert actors.get_option_at_index(actors.highlighted).value == "kim-jong-un"


async def test_actors_combine_by_any_or_all_and_the_status_says_which(tmp_path: Path) -> None:
    """Finding 12: `A` switches between any and all of the chosen actors."""
    from tests.app_helpers import listed, settle
    from tui.widgets.status_line import StatusLine

    app = app_for(tmp_path, actors=["kim-jong-un", "xi-jinping"])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        status = app.screen.query_one("#status", StatusLine)
        assert listed(app) == ["visit", "dialogue", "message"]
        assert status.plain == "Kim Jong Un OR Xi Jinping — 3 of 7 events"
        await pilot.press("A")
        await settle(pilot)
        assert listed(app) == ["visit"]
        assert status.plain == "Kim Jong Un AND Xi Jinping — 1 of 7 events"
        heading = app.screen.query_one("#actors-heading")
        assert str(heading.render()) == "Actors  a  · all (A: any)"  # whole, in the drawer
        assert heading.size.width >= len("Actors  a  · all (A: any)")
        await pilot.press("A")
        await settle(pilot)
        assert listed(app) == ["visit", "dialogue", "message"]


async def test_the_density_strip_jumps_over_empty_years(tmp_path: Path) -> None:
    """Finding 13: Home/End, ]/[ over empty years, Enter on an empty year says so."""
    from tests.app_helpers import notices, settle
    from tui.widgets.density_strip import DensityStrip

    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        strip = app.screen.query_one("#density", DensityStrip)
        strip.focus()
        await pilot.pause()
        buckets = strip.buckets()
        await pilot.press("end")
        assert strip.cursor == len(buckets) - 1
        await pilot.press("home")
        assert strip.cursor == 0 and buckets[0][0] == 1950
        while buckets[strip.cursor][1] < 1953:
            await pilot.press("right_square_bracket")
        before = strip.cursor
        await pilot.press("right_square_bracket")  # over 1954–1960 in one press
        a, b = buckets[strip.cursor]
        assert a <= 1961 <= b and strip.cursor > before + 1
        await pilot.press("left_square_bracket")
        assert strip.cursor == before
        await pilot.press("right")  # one bar on: an empty year
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.filter.years == frozenset()
        assert any(n.startswith("No event in 195") for n in notices(app))


async def test_a_toggle_is_drawn_in_one_frame_with_the_timeline_it_filtered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The list used to draw its mark at once and the timeline a frame later: two
    # frames, the second one to two ticks after the first. Each frame is recorded
    # with the widgets it redrew.
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await settle(pilot)
        actors = app.screen.query_one("#actors", FacetList)
        actors.highlighted = actors.values.index("kim-jong-un")
        await settle(pilot)
        frames = record_frames(monkeypatch)
        await pilot.press("space")
        await settle(pilot)
        assert len(frames) == 1
        assert {"actors", "timeline", "status"} <= frames[0]
        assert actors.selected == ["kim-jong-un"]
        assert listed(app) == ["visit", "dialogue"]
        frames.clear()
        await pilot.press("space")  # and unchosen the same way
        await settle(pilot)
        assert len(frames) == 1 and {"actors", "timeline"} <= frames[0]
        assert actors.selected == [] and len(listed(app)) == 7


async def test_a_long_filter_gives_up_its_end_never_the_count() -> None:
    """At 80 columns, an actor, a year and an article's long title: the line shows the
    count, and the filters cut short with "…"; wider, the whole line."""
    from tests.app_helpers import screen_text
    from tui.app import make_app
    from tui.load import default_data_dir

    app = make_app(default_data_dir())
    filt = Filter(
        actors=frozenset({"kim-jong-un"}),
        years=frozenset({2025}),
        article="explainer-2025-09-04",
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.apply_filter(filt)
        await settle(pilot)
        status = app.screen.query_one("#status", StatusLine)
        assert status.plain.startswith("Kim Jong Un · 2025 · article: [Explainer: the Xi Jinping")
        row = next(r for r in screen_text(app).splitlines() if r.lstrip().startswith("Kim Jong"))
        assert row.rstrip().endswith("… — 2 of 40 events"), row
        assert len(row) <= 80
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        row = next(r for r in screen_text(app).splitlines() if r.lstrip().startswith("Kim Jong"))
        assert row.strip() == status.plain


async def test_a_narrow_line_says_its_hint_shortly_before_it_cuts_the_filters() -> None:
    """Two actors and nothing left, at 80 columns: "· c clears" instead of "· press c to
    clear the filters", so both actors still show; only if that is not enough are the
    filters cut."""
    from tests.app_helpers import screen_text
    from tui.app import make_app
    from tui.load import default_data_dir

    app = make_app(default_data_dir())
    filt = Filter(actors=frozenset({"kim-jong-un", "chinese-embassy-pyongyang"}), all_actors=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.apply_filter(filt)
        await settle(pilot)
        status = app.screen.query_one("#status", StatusLine)
        assert status.plain.endswith("— 0 of 40 events · press c to clear the filters")
        row = next(r for r in screen_text(app).splitlines() if "0 of 40" in r)
        assert row.strip() == (
            "Chinese Embassy in Pyongyang AND Kim Jong Un — 0 of 40 events · c clears"
        ), row
