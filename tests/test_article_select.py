"""The filter drawer's article chooser: a mount that finds its parts gone is no crash."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from tui.widgets.article_select import ArticleSelect

OPTIONS = [("A trade pact", "pact"), ("A visit", "visit")]


class _Chooser(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleSelect(OPTIONS, prompt="All articles", id="article")


async def test_it_chooses_as_a_select_does() -> None:
    app = _Chooser()
    async with app.run_test() as pilot:
        select = app.query_one(ArticleSelect)
        assert select.value == Select.NULL
        assert len(select.query_one(SelectOverlay).options) == 3  # the prompt and two
        select.value = "visit"
        await pilot.pause()
        assert select.value == "visit"


async def test_a_mount_after_its_parts_are_removed_does_nothing() -> None:
    """What happens when the explorer ends while the drawer mounts: Textual takes
    the parts away, then the `Select` handles its `Mount` (it raised `NoMatches`)."""
    app = _Chooser()
    async with app.run_test() as pilot:
        select = app.query_one(ArticleSelect)
        await select.query_one(SelectOverlay).remove()
        select.post_message(events.Mount())
        await pilot.pause()
        assert app.is_running and app.return_code is None
