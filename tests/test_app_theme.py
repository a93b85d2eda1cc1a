"""Styles come from component classes: a theme change restyles the detail and the facets."""

from __future__ import annotations

from pathlib import Path

from tests.app_helpers import app_for, settle
from tui.widgets.event_detail import EventDetail
from tui.widgets.facet_list import FacetList


async def test_a_theme_change_restyles_the_detail_and_the_facet_counts(tmp_path: Path) -> None:
    app = app_for(tmp_path, event_id="visit")  # its source's date is inferred
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        app.theme = "textual-dark"
        await settle(pilot)
        detail = app.screen.query_one("#detail", EventDetail)
        kinds = app.screen.query_one("#kinds", FacetList)
        dark_inferred = detail.detail_styles().inferred
        dark_empty = kinds.count_styles()[1]
        assert dark_inferred.color is not None and dark_inferred.italic
        app.theme = "nord"
        await settle(pilot)
        light_inferred = detail.detail_styles().inferred
        assert light_inferred.color != dark_inferred.color
        assert detail._styles == detail.detail_styles()  # drawn in the new theme
        assert kinds.count_styles()[1] != dark_empty
        # the lines are drawn in the new theme's styles
        count = kinds.counts[0]
        shown = next(seg for seg in kinds.render_line(0) if seg.text == f" {count}")
        assert shown.style is not None
        if count:
            assert shown.style.bold
        else:
            assert shown.style.color == kinds.count_styles()[1].color


async def test_the_help_keys_are_styled_from_the_key_list(tmp_path: Path) -> None:
    from tui.screens.help import HelpScreen, KeyList

    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one(KeyList)
        styles = {span.style for span in app.screen.text.spans}
        assert keys.get_component_rich_style("help--key", partial=True) in styles
        assert any(getattr(style, "bold", False) for style in styles)
