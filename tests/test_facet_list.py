"""The facet list on its own: marks, keys, counts, and 2,000 items drawn by the line."""

from __future__ import annotations

import time
from unittest import mock

from textual.app import App, ComposeResult

from tui.widgets.facet_list import FacetList


class FacetApp(App[None]):
    """One facet list of `count` items, focused."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.changes: list[list[str]] = []

    def compose(self) -> ComposeResult:
        yield FacetList(((f"a{i}", f"Actor {i:04d}") for i in range(self.count)), id="facet")

    def on_facet_list_changed(self, message: FacetList.Changed) -> None:
        self.changes.append(message.selected)


def lines(facet: FacetList) -> list[str]:
    return [facet.render_line(y).text.rstrip() for y in range(facet.size.height)]


async def test_keys_choose_and_the_marks_show_it() -> None:
    app = FacetApp(5)
    async with app.run_test(size=(40, 10)) as pilot:
        facet = app.query_one(FacetList)
        facet.focus()
        await pilot.pause()
        facet.set_counts({"a0": 3, "a1": 0, "a2": 7})
        await pilot.press("j", "space", "j", "enter")
        await pilot.pause()
        assert facet.selected == ["a1", "a2"]
        assert app.changes == [["a1"], ["a1", "a2"]]
        assert lines(facet)[:3] == [" [ ] Actor 0000 3", " [x] Actor 0001 0", "▶[x] Actor 0002 7"]
        await pilot.press("G")
        assert facet.highlighted == 4
        await pilot.press("g", "space")
        await pilot.pause()
        assert facet.selected == ["a0", "a1", "a2"]
        facet.deselect_all()
        await pilot.pause()
        assert facet.selected == [] and app.changes[-1] == []


async def test_long_labels_are_cut_and_keep_their_count() -> None:
    class Long(FacetApp):
        def compose(self) -> ComposeResult:
            yield FacetList([("x", "A very long name of an actor that does not fit")], id="facet")

    app = Long(0)
    async with app.run_test(size=(24, 5)) as pilot:
        facet = app.query_one(FacetList)
        facet.set_counts({"x": 12})
        await pilot.pause()
        line = lines(facet)[0]
        assert line.endswith("… 12") and len(line) <= 24


async def test_two_thousand_items_are_built_and_recounted_by_the_visible_line() -> None:
    app = FacetApp(2000)
    async with app.run_test(size=(40, 20)) as pilot:
        facet = app.query_one(FacetList)
        facet.focus()
        await pilot.pause()
        assert facet.option_count == 2000 and facet.virtual_size.height == 2000
        started = time.perf_counter()
        for round_ in range(20):
            facet.set_counts({f"a{i}": i * round_ for i in range(2000)})
            await pilot.pause()
        per_round = (time.perf_counter() - started) / 20
        assert per_round < 0.05, per_round  # a few ms here; generous for a busy machine
        assert len(facet._cache) <= facet.size.height + 2  # only the lines in view drawn
        await pilot.press("end")
        await pilot.pause()
        assert facet.highlighted == 1999 and lines(facet)[-1].startswith("▶[ ] Actor 1999")
        assert facet.get_option_at_index(1999).prompt.plain == "Actor 1999 37981"


async def test_a_counter_is_asked_only_for_the_items_drawn() -> None:
    app = FacetApp(2000)
    async with app.run_test(size=(40, 20)) as pilot:
        facet = app.query_one(FacetList)
        facet.focus()
        await pilot.pause()
        height = facet.size.height
        assert 0 < height < 20
        asked: list[str] = []

        def counter(value: str) -> int:
            asked.append(value)
            return int(value[1:]) * 2

        facet.set_counter(counter)
        await pilot.pause()
        assert sorted(asked, key=lambda v: int(v[1:])) == [f"a{i}" for i in range(height)]
        assert lines(facet)[:2] == ["▶[ ] Actor 0000 0", " [ ] Actor 0001 2"]
        asked.clear()
        await pilot.press("end")
        await pilot.pause()
        assert lines(facet)[-1] == "▶[ ] Actor 1999 3998"
        assert set(asked) == {f"a{i}" for i in range(2000 - height, 2000)}  # each once
        assert len(asked) == height
        # The same counts in view: nothing is drawn again; a new count in view is.
        repaints: list[bool] = []
        with mock.patch.object(facet, "refresh", lambda *a, **k: repaints.append(True)):
            facet.set_counter(lambda v: int(v[1:]) * 2)
            facet.set_counter(lambda v: 7 if v == "a5" else int(v[1:]) * 2)  # out of view
            assert repaints == []
            facet.set_counter(lambda v: 7 if v == "a1999" else int(v[1:]) * 2)
            assert repaints == [True]
        facet.refresh()
        await pilot.pause()
        assert lines(facet)[-1] == "▶[ ] Actor 1999 7"
        assert facet.counts[:3] == [0, 2, 4]  # every count, asked for when read


async def test_new_items_keep_the_chosen_and_the_highlight_by_value() -> None:
    app = FacetApp(5)
    async with app.run_test(size=(40, 10)) as pilot:
        facet = app.query_one(FacetList)
        facet.focus()
        await pilot.press("j", "space", "j", "j", "space")  # a1 and a3 chosen, a3 highlighted
        await pilot.pause()
        facet.set_counts({"a1": 2, "a3": 5})
        changes = len(app.changes)
        # A reload: a0 and a1 are gone, a9 is new; a3 now stands first.
        facet.set_items([("a3", "Actor 0003"), ("a4", "Actor 0004"), ("a9", "Actor 0009")])
        await pilot.pause()
        assert facet.selected == ["a3"]
        assert facet.highlighted == 0
        assert len(app.changes) == changes  # the owner says what is chosen next
        assert lines(facet)[:3] == ["▶[x] Actor 0003", " [ ] Actor 0004", " [ ] Actor 0009"]
        # The highlighted value gone, the highlight stays where it was, in the list.
        await pilot.press("G")
        facet.set_items([("a3", "Actor 0003")])
        await pilot.pause()
        assert facet.highlighted == 0 and facet.option_count == 1


async def test_a_list_sized_by_its_items_shrinks_and_grows_with_them() -> None:
    """`height: auto`: fewer items after a reload, fewer rows on the screen."""

    class Sized(FacetApp):
        CSS = "FacetList { height: auto; max-height: 8; }"

    app = Sized(4)
    async with app.run_test(size=(40, 20)) as pilot:
        facet = app.query_one(FacetList)
        await pilot.pause()
        assert facet.region.height == 4
        facet.set_items([("a0", "Actor 0000")])
        await pilot.pause()
        assert facet.region.height == 1
        facet.set_items((f"a{i}", f"Actor {i:04d}") for i in range(3))
        await pilot.pause()
        assert facet.region.height == 3
