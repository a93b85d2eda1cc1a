"""The article view dates an article's words as the timeline does: against its window."""

from __future__ import annotations

from tests.app_helpers import settle
from tui.app import make_app
from tui.dates import format_span
from tui.dates.tagger import tag_text
from tui.load import load_timeline
from tui.loading.sourcecheck import article_anchor
from tui.screens.article import ArticleScreen
from tui.widgets.article_text import ArticleText
from tui.widgets.tag_info import TagInfo


def test_the_tagger_gives_every_shipped_source_the_date_the_timeline_gives_it() -> None:
    timeline = load_timeline()
    compared = 0
    for event in timeline.events:
        for source in event.sources:
            if source.relative_to is not None:
                continue
            article = timeline.article_by_id[source.article_id]
            tags = tag_text(article.text, article_anchor(article))
            same_words = [
                t
                for t in tags
                if source.quote_start <= t.start < source.quote_end
                and source.date_text.lower().endswith(t.text.lower())
                and t.span is not None
            ]
            if not same_words:
                continue
            tag = same_words[0]
            assert tag.span is not None
            compared += 1
            assert (tag.span.start, tag.span.end) == (source.span.start, source.span.end), (
                event.id,
                source.date_text,
                format_span(tag.span),
                format_span(source.span),
            )
    assert compared >= 20


def test_words_against_a_window_are_dated_over_the_window() -> None:
    article = load_timeline().article_by_id["b23435-2024-04-15"]  # 13–19 Apr 2024
    tags = tag_text(article.text, article_anchor(article))
    now = next(t for t in tags if t.text == "now")
    assert now.span is not None
    assert (now.span.start.isoformat(), now.span.end.isoformat()) == ("2024-04-13", "2024-04-19")
    assert "published some day in 13–19 Apr 2024" in now.reason
    saturday = next(t for t in tags if t.text == "Saturday")
    assert saturday.timex == "2024-04-13"  # the same against every day of the window


async def test_the_article_view_shows_the_window_s_dates() -> None:
    app = make_app()  # the shipped data
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.open_article("b23435-2024-04-15")  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        text = app.screen.query_one("#article-text", ArticleText)
        info = app.screen.query_one("#tag-info", TagInfo)
        await pilot.press("n")
        assert text.selected is not None and text.selected.text == "now"
        assert "Date: as of ≈ 2024-04-13–04-19\n" in info.plain  # "now": a state
        assert "Mon 15 Apr 2024" in info.plain  # the day shown first, said to be a convention
