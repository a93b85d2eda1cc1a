"""Text from the data and the articles is shown literally, never as markup or escapes."""

from __future__ import annotations

from pathlib import Path

from tests.app_helpers import screen_text, write_data
from tui.app import make_app
from tui.widgets.event_detail import EventDetail
from tui.widgets.source_view import SourceView
from tui.widgets.timeline_view import TimelineView

HOSTILE_TEXT = (
    "Markup [bold]not bold[/] and [link=x]a link[/link] appear here on Saturday.\n"
    "An escape \x1b[31mred\x1b[0m sequence was reported in 2019.\n"
)

ARTICLES = """\
articles:
  - id: evil
    file: evil.txt
    title: "[bold]Evil[/] \\e[31mtitle"
    outlet: "[link=x]Outlet[/link]"
    author: "[/]"
    published: "2021-06-24"
    published_earliest: "2021-06-24"
    published_latest: "2021-06-24"
    published_basis: inferred
    published_note: "[red]note[/red]"
"""

ACTORS = """\
actors:
  - id: evil-land
    name: "[red]Evil[/red] Land"
    kind: country
"""

EVENTS = """\
events:
  - id: markup
    title: "[bold]Bold?[/] [link=x]click[/link] \\e[31mred"
    summary: "[/] closing [b]tag"
    kind: "[i]kind"
    actors: [evil-land]
    sources:
      - article: evil
        quote: "Markup [bold]not bold[/] and [link=x]a link[/link] appear here on Saturday."
        date_text: on Saturday
  - id: escape
    title: "Escape \\e[31mred\\e[0m"
    kind: test
    actors: [evil-land]
    sources:
      - article: evil
        quote: "An escape \\e[31mred\\e[0m sequence was reported in 2019."
        date_text: in 2019
"""


async def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    data = write_data(tmp_path, articles=ARTICLES, actors=ACTORS, events=EVENTS,
                      seeds={"evil.txt": HOSTILE_TEXT})
    for size in ((80, 24), (160, 48)):
        app = make_app(data, event_id="markup")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            view = app.screen.query_one("#timeline", TimelineView)
            rows = [view.render_line(y).text for y in range(4)]
            markup_row = next(r for r in rows if "Bold?" in r)
            assert "[bold]Bold?[/] [link=x]cl" in markup_row
            detail = app.screen.query_one("#detail", EventDetail).plain
            escape_row = next(r for r in rows if "Escape" in r)
            assert "Escape ␛[31mred␛[0m" in escape_row
            assert "[red]Evil[/red] Land" in detail
            assert "[bold]Bold?[/] [link=x]click[/link] ␛[31mred" in detail
            assert "[/] closing [b]tag" in detail and "[red]note[/red]" in detail
            await pilot.press("enter")
            await pilot.pause()
            source = app.screen.query_one("#source", SourceView)
            shown = "\n".join(
                source.styled_line(i).plain for i in range(source.virtual_size.height)
            )
            assert "Markup" in "".join(source.render_line(y).text for y in range(5))
            assert "[bold]Evil[/] ␛[31mtitle" in shown
            assert "[link=x]Outlet[/link]" in shown
            assert "[bold]not bold[/]" in shown
            screen = screen_text(app)
            assert "\x1b" not in screen
            assert "[bold]" in screen
            app.save_screenshot(str(tmp_path / "hostile.svg"))
            await pilot.press("q")


async def test_palette_and_export_dialog_show_hostile_text_literally(tmp_path: Path) -> None:
    from tui.palette import TimelineCommands
    from tui.screens.export import ExportScreen

    actors = ACTORS.replace("kind: country", 'kind: "pers[/]on"')
    data = write_data(tmp_path, articles=ARTICLES, actors=actors, events=EVENTS,
                      seeds={"evil.txt": HOSTILE_TEXT})
    folder = tmp_path / "out[b]d"
    folder.mkdir()
    (folder / "[bold]x.json").write_text("keep", encoding="utf-8")
    app = make_app(data)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        hits = [hit async for hit in TimelineCommands(app.screen).search("evil")]
        assert any("[red]Evil[/red] Land" in str(hit.text) for hit in hits)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"evil")
        await pilot.pause()
        assert "pers[/]on" in screen_text(app)  # the help line, shown literally
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path").value = str(folder / "[bold]x.json")
        await pilot.press("enter")
        await pilot.pause()
        warning = str(app.screen.query_one("#export-warning").render())
        assert "[bold]x.json exists" in warning


async def test_markup_in_an_article_title_or_a_search_is_shown_as_written(
    tmp_path: Path,
) -> None:
    """A hostile-input trial: an outlet "Bad [/] outlet" crashed the article view (a
    MarkupError in its border title) and "[bold red]" in a headline was applied; the
    search words in the expression pane's title likewise."""
    from tests.app_helpers import ALPHA, ARTICLES, BETA, write_data
    from tui.screens.article import ArticleScreen
    from tui.widgets.article_text import ArticleText
    from tui.widgets.tag_info import TagInfo

    articles = ARTICLES.replace("outlet: Alpha News", 'outlet: "Bad [/] outlet"').replace(
        "title: Kim calls for dialogue", 'title: "Kim [bold red]calls[/] for dialogue"'
    )
    seeds = {"alpha.txt": ALPHA + "A note [/] ends it.\n", "beta.txt": BETA}
    app = make_app(write_data(tmp_path, articles=articles, seeds=seeds), event_id="dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        # What is drawn: the title's plain text (its str is the markup that draws it).
        title = _plain(screen.query_one("#article-text", ArticleText).border_title)
        assert "Bad [/] outlet" in title and "Kim [bold red]calls[/] for dialogue" in title
        await pilot.press("slash", *"[/]", "enter")
        await pilot.pause()
        info = screen.query_one("#tag-info", TagInfo)
        assert isinstance(app.screen, ArticleScreen)
        assert "Search “[/]”" in _plain(info.border_title)


def _plain(title: str | None) -> str:
    from textual.content import Content

    assert title is not None
    return Content.from_markup(title).plain
