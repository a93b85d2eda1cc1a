"""Marks that need no colour, and a layout that gives the timeline room."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_helpers import ACTORS, ARTICLES, EVENTS, app_for, screen_text, settle, write_data
from tui.app import make_app
from tui.widgets.density_strip import DensityStrip
from tui.widgets.event_detail import EventDetail
from tui.widgets.facet_list import FacetList
from tui.widgets.timeline_rows import date_column_width, fit, row_text
from tui.widgets.timeline_view import TimelineView


async def test_marks_read_without_colour(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding 3: [x]/[ ] in the lists, ▶ on the selected row, ▲ under chosen years."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(tmp_path, actors=["china"], years=[2019], event_id="trade")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        actors = app.screen.query_one("#actors", FacetList)
        lines = [actors.render_line(y).text for y in range(actors.option_count)]
        assert lines[0].startswith(" [x] China") and lines[1].startswith(" [ ] North Korea")
        actors.focus()
        await pilot.pause()
        assert actors.render_line(0).text.startswith("▶[x] China")
        view = app.screen.query_one("#timeline", TimelineView)
        rows = [view.render_line(y).text for y in range(4)]
        selected = [r for r in rows if r.startswith("▶ ")]
        assert len(selected) == 1 and "Trade falls" in selected[0]
        assert all(r.startswith(("  ", "──")) for r in rows if r not in selected)
        strip = app.screen.query_one("#density", DensityStrip)
        labels = strip.render_line(1).text
        marked = [i for i, (a, b) in enumerate(strip.buckets()) if a <= 2019 <= b]
        cells = strip.cell_width()
        assert labels[marked[0] * cells] == "▲"
        assert labels.count("▲") == cells
        text = screen_text(app)
        assert "[x] China" in text and "▶ " in text


async def test_a_chosen_years_mark_never_garbles_a_label(tmp_path: Path) -> None:
    """The first and last years chosen: each mark covers part of a year label; the
    label gives way whole ("▲", not "2▲25"), the other labels stay."""
    app = app_for(tmp_path, years=[2021])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        strip = app.screen.query_one("#density", DensityStrip)
        labels = strip.render_line(1).text
        first = str(strip.buckets()[0][0])
        assert labels.startswith(first) and labels.rstrip().endswith("▲")
        assert "2021" not in labels and "202" not in labels.replace("▲", " ")
        assert [w for w in labels.split() if w != "▲"] == [first]  # no piece of a label


async def test_a_one_line_density_strip_marks_the_chosen_year_in_the_bar(
    tmp_path: Path,
) -> None:
    app = app_for(tmp_path, years=[1961])
    async with app.run_test(size=(80, 24)) as pilot:  # narrow: the strip is one line
        await settle(pilot)
        strip = app.screen.query_one("#density", DensityStrip)
        assert strip.content_region.height == 1
        assert "▲" in strip.render_line(0).text


async def test_a_one_line_density_strip_says_the_year_under_its_cursor(
    tmp_path: Path,
) -> None:
    """A trial at 80 columns: moving along the one-line strip said no year until Enter;
    and without colour the cursor, a background only, did not show."""
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        strip = app.screen.query_one("#density", DensityStrip)
        assert strip.content_region.height == 1
        strip.focus()
        await pilot.press("home", "w")  # the second year with events
        first, last = strip.buckets()[strip.cursor]
        shown = f" {first} " if first == last else f" {first}–{last} "
        line = strip.render_line(0)
        assert shown in line.text
        at = line.text.index(shown)
        assert at == (strip.cursor + 1) * strip.cell_width()  # just after the cursor
        cursor = [seg for seg in line if seg.style and seg.style.reverse]
        assert len(cursor) == 1  # reversed: seen without colour
        await pilot.press("end")
        line = strip.render_line(0).text
        last_year = str(strip.buckets()[-1][1])
        assert line.rstrip()[:-1].endswith(f" {last_year} ")  # before the cursor, at the end
        strip.blur()
        await pilot.pause()
        assert last_year not in strip.render_line(0).text


async def test_the_year_beside_the_cursor_hides_no_chosen_year_nor_is_lost_on_resize(
    tmp_path: Path,
) -> None:
    """A review: beside a chosen year, the cursor's year was written over its ▲; and
    after a resize the cursor stood past the last bar, drawn nowhere."""
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        strip = app.screen.query_one("#density", DensityStrip)
        strip.focus()
        await pilot.press("end", "b")  # the last year with events before the last bar
        chosen = strip.cursor
        await pilot.press("enter")
        await settle(pilot)
        strip.focus()
        strip.cursor = chosen - 1
        strip.refresh()
        await pilot.pause()
        assert "▲" in strip.render_line(0).text
        await pilot.press("end")
        assert strip.cursor == len(strip.buckets()) - 1
        await pilot.resize_terminal(50, 24)
        await settle(pilot)
        assert strip.cursor == len(strip.buckets()) - 1
        assert any(seg.style and seg.style.reverse for seg in strip.render_line(0))


def test_fixed_date_column_and_cut_titles() -> None:
    """Finding 7: dates padded or cut to one width, titles cut with …"""
    labels = ["2024-04-13 Sat", "≈ 2019-04-11–2024-04-11", "by 11 Apr 2024"]
    assert date_column_width(labels) == len("≈ 2019-04-11–2024-04-11")
    assert fit("1961", 8) == "1961    "
    assert fit("≈ 2019-04-11–2024-04-11", 12) == "≈ 2019-04-1…"
    date, title, names = row_text("▶ ", "1961", "A treaty of friendship", "China", 10, 30)
    assert date == "▶ 1961        " and title == "A treaty of fri…" and names == ""
    date, title, names = row_text("  ", "1961", "Treaty", "China, North Korea", 10, 36)
    assert title == "Treaty" and names == "  China, North…"


async def test_the_timeline_gets_room_and_keeps_its_columns(tmp_path: Path) -> None:
    """Finding 7: at 160×48 the timeline is the widest pane, titles line up and end in …"""
    long_title = "A very long title " * 6
    events = EVENTS.replace("title: Trade falls", f"title: {long_title.strip()}")
    app = make_app(write_data(tmp_path, articles=ARTICLES, actors=ACTORS, events=events))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        main = app.screen.query_one("#main")
        assert main.size.width > app.screen.query_one("#reading").size.width
        assert main.size.width >= 72  # 57 columns before
        rows = [view.render_line(y).text for y in range(len(view.rows))]
        starts = {r.index(t) for r in rows for t in ("Korean War", "Treaty signed", "A very")
                  if t in r}
        assert len(starts) == 1  # every title starts in the same column
        long_row = next(r for r in rows if "A very" in r)
        assert long_row.rstrip().endswith("…") and len(long_row) <= view.size.width


async def test_the_event_pane_indents_each_quote_wrapped_lines_too(tmp_path: Path) -> None:
    """Finding 8: a source's quote stays indented under it when it wraps."""
    app = app_for(tmp_path, event_id="dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        detail = app.screen.query_one("#detail", EventDetail)
        detail.focus()
        await pilot.press("G")
        await pilot.pause()
        region = detail.content_region
        lines = screen_text(app).splitlines()[region.y:region.bottom]
        pane = [line[region.x:region.right] for line in lines]
        start = next(i for i, line in enumerate(pane) if "1. Alpha News" in line)
        under = [line for line in pane[start + 1:] if line.strip()]
        # Under the outlet, its publication date and the date it gives, then the quote.
        assert under[0].startswith("     published ")
        quote = under[next(i for i, line in enumerate(under) if "“" in line):]
        assert len(quote) >= 2  # the quote wraps at this width
        assert all(line.startswith("     ") for line in quote)
        assert quote[0].strip().startswith("“Kim Jong Un said")


async def test_the_cursors_year_is_written_under_its_bar() -> None:
    """A trial moved along the strip and the year label stayed in the middle of the
    line: it is under the cursor's bar, and an end's label gives way to it."""
    from tui.datafiles import default_data_dir

    app = make_app(default_data_dir())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        strip = app.screen.query_one("#density", DensityStrip)
        strip.focus()
        await pilot.pause()
        buckets, cells = strip.buckets(), strip.cell_width()
        first, last = str(buckets[0][0]), str(buckets[-1][1])
        for keys in (("g", *"l" * 10), ("l",) * 15, ("G",), ("h", "h")):
            await pilot.press(*keys)
            await pilot.pause()
            a, b = buckets[strip.cursor]
            year = f"{a}" if a == b else f"{a}–{b}"
            labels = strip.render_line(1).text
            at = labels.index(year, max(0, strip.cursor * cells - len(year)))
            assert at <= strip.cursor * cells < at + len(year)  # under the cursor's bar
            words = labels.split()
            assert words.count(year) == 1
            assert words[0] in (first, year) and words[-1] in (last, year)
            assert set(words) <= {first, year, last}
        assert strip.cursor == len(buckets) - 3 and labels.split()[0] == first
        strip.blur()
        await pilot.pause()
        assert strip.render_line(1).text.split() == [first, last]  # no cursor, no label


@pytest.mark.parametrize("size", [(100, 30), (140, 40)])
async def test_the_cursors_year_stays_whole_beside_a_chosen_years_mark(
    size: tuple[int, int],
) -> None:
    """A review: on a chosen year, and next to it, the cursor's label lay under the
    mark and gave way whole, so its year vanished just where the reader had chosen."""
    from tui.datafiles import default_data_dir

    app = make_app(default_data_dir())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        strip = app.screen.query_one("#density", DensityStrip)
        strip.focus()
        await pilot.press("G", "left_square_bracket", "enter")
        await settle(pilot)
        strip.focus()
        await pilot.pause()
        assert strip.marked  # the year is chosen
        cells = strip.cell_width()
        for moves in ((), ("h",), ("h",)):
            await pilot.press(*moves)
            await pilot.pause()
            a, b = strip.buckets()[strip.cursor]
            year = f"{a}" if a == b else f"{a}–{b}"
            labels = strip.render_line(1).text
            assert year in labels.split(), (year, labels)
            assert labels.count("▲") == cells  # the mark stays too, beside the label
