"""The event form in the explorer: a new actor typed by name, the new event selected."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tests.app_helpers import app_for, settle, wait_for
from tests.conftest import run_cli
from tui.screens.article import ArticleScreen
from tui.screens.event_form import EventFormScreen
from tui.screens.explorer import ExplorerScreen
from tui.screens.source_form import SourceFormScreen
from tui.widgets.timeline_view import TimelineView


async def _form_on_thursday(app: object, pilot: object) -> EventFormScreen:
    """The new event form, opened on article beta's first expression ("Thursday")."""
    app.screen.open_article("beta")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("n", "t")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    form = app.screen  # type: ignore[attr-defined]
    assert isinstance(form, EventFormScreen)
    return form


def _warning(form: EventFormScreen) -> str:
    return str(form.query_one("#form-warning", Static).render())


async def test_a_name_no_actor_has_adds_a_new_actor_with_the_event(tmp_path: Path) -> None:
    app = app_for(tmp_path, event_id="war")
    app.reload_interval = 0.05
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = await _form_on_thursday(app, pilot)
        kind_of_new = form.query_one("#form-actor-kind", Input)
        assert not kind_of_new.display  # no new actor yet: not asked
        # Enter on the kind would add the event (the actors are filled in): Tab.
        await pilot.press(*"Xi meets a delegation", "enter", *"visit", "tab")
        actors = form.query_one("#form-actors", Input)
        assert actors.has_focus and actors.value == "xi-jinping"
        await pilot.press("end", *", Choe Ryong-hae")
        await pilot.pause()
        assert kind_of_new.display
        assert "New actor, added to actors.yaml: Choe Ryong-hae (id choe-ryong-hae)" in str(
            form.query_one("#form-new-actors", Static).render()
        )
        await pilot.press("enter")  # on to the new actor's kind, still empty
        await pilot.pause()
        assert app.screen is form and kind_of_new.has_focus
        await pilot.press(*"person", "enter")
        await wait_for(pilot, lambda: "xi-meets-a-delegation" in app.timeline.event_by_id)
        event = app.timeline.event_by_id["xi-meets-a-delegation"]
        assert event.actors == ("xi-jinping", "choe-ryong-hae")
        choe = next(a for a in app.timeline.actors if a.id == "choe-ryong-hae")
        assert (choe.name, choe.kind, choe.aliases) == ("Choe Ryong-hae", "person", ())
        assert not app.problems
    check = run_cli("check", "--data", str(tmp_path / "data"))
    assert check.returncode == 0, check.stderr


async def test_a_new_name_like_a_known_actor_asks_whether_it_is_that_one(
    tmp_path: Path,
) -> None:
    """A trial typed a shorter form of a known actor's name and got a second actor
    without a word: the form asks, and typing the known name answers it."""
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = await _form_on_thursday(app, pilot)
        actors = form.query_one("#form-actors", Input)
        actors.focus()
        actors.value = ""
        await pilot.press(*"Xi")
        await pilot.pause()
        said = str(form.query_one("#form-new-actors", Static).render()).splitlines()
        assert said[0] == "New actor, added to actors.yaml: Xi (id xi)"  # a line each
        assert said[1].startswith("“Xi” is new: did you mean Xi Jinping (xi-jinping)?")
        await pilot.press(*" Jinping")
        await pilot.pause()
        assert str(form.query_one("#form-new-actors", Static).render()) == ""
        assert form.entries.ids == ("xi-jinping",) and form.entries.new == ()


async def test_a_new_name_whose_id_is_taken_is_refused_in_the_form(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = await _form_on_thursday(app, pilot)
        form.query_one("#form-title", Input).value = "A visit"
        form.query_one("#form-kind", Input).value = "visit"
        form.query_one("#form-actors", Input).value = "Xi Jinping."  # the id xi-jinping
        await pilot.pause()
        form.query_one("#form-actors", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "would take the id xi-jinping, which Xi Jinping has" in _warning(form)
        before = (tmp_path / "data" / "actors.yaml").read_text(encoding="utf-8")
        assert "Xi Jinping." not in before


async def test_after_the_form_the_new_event_is_selected_and_the_timeline_focused(
    tmp_path: Path,
) -> None:
    app = app_for(tmp_path, event_id="war")
    app.reload_interval = 0.05
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "o")  # the war's source pane, then its article
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("n", "n", "t")  # "Saturday": "Xi Jinping sent a message on …"
        await pilot.pause()
        assert isinstance(app.screen, EventFormScreen)
        # The actors are filled in from the sentence: the second Enter stops in them,
        # for a look, and the third adds the event.
        await pilot.press(*"Xi writes to Kim", "enter", *"message", "enter")
        assert app.screen.query_one("#form-actors", Input).has_focus
        await pilot.press("enter")
        await wait_for(pilot, lambda: "xi-writes-to-kim" in app.timeline.event_by_id)
        await wait_for(
            pilot,
            lambda: app.screen.query_one("#timeline", TimelineView).selected_event_id
            == "xi-writes-to-kim",
        )
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        view = screen.query_one("#timeline", TimelineView)
        assert screen.event is not None and screen.event.id == "xi-writes-to-kim"
        await wait_for(pilot, lambda: view.has_focus)  # not the source pane, focused before


async def test_keys_typed_right_after_enter_go_to_the_next_field(tmp_path: Path) -> None:
    """A fast typist or a paste: every key is sent before the first is handled. The
    keys after Enter reach the field Enter moved to (they gave "Nordhavn
    meetsmeeting" as the title and an empty kind)."""
    from textual import events

    app = app_for(tmp_path, event_id="war")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = await _form_on_thursday(app, pilot)
        for key, char in [*[(c if c != " " else "space", c) for c in "Xi meets"],
                          ("enter", "\r"), *[(c, c) for c in "visit"]]:
            app.post_message(events.Key(key, char))  # all at once, as a terminal sends them
        await pilot.pause(0.3)
        assert form.query_one("#form-title", Input).value == "Xi meets"
        assert form.query_one("#form-kind", Input).value == "visit"
        assert form.query_one("#form-kind", Input).has_focus


async def test_the_form_says_when_an_event_quotes_the_words_already(tmp_path: Path) -> None:
    """As `draft` writes `restates:`: the sentence of "Thursday" is event visit's quote,
    and the form says so before a second event is made of it; without that event it
    says nothing."""
    from tests.app_helpers import _event, write_data
    from tui.app import make_app

    app = app_for(tmp_path / "with")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = await _form_on_thursday(app, pilot)
        said = str(form.query_one("#form-restates", Static).render())
        assert said == (
            "Already quoted by 'visit' (Xi visits Pyongyang): adding makes another event of it."
        )
    without_visit = "events:\n" + "".join(
        [
            _event("trade", "Trade falls", "china, north-korea",
                   ("beta", "Trade fell in 2019, customs figures showed.", "in 2019")),
            _event("message", "Xi sends a message", "xi-jinping, kim-jong-un",
                   ("alpha", "Xi Jinping sent a message on Saturday.", "on Saturday")),
        ]
    )  # fmt: skip
    app = make_app(write_data(tmp_path / "without", events=without_visit))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = await _form_on_thursday(app, pilot)
        assert not form.query("#form-restates")


async def test_a_adds_the_quote_as_one_more_source_of_an_event(tmp_path: Path) -> None:
    """`a` on an expression: the form finds the event by its title's words, says its
    date and sources and that the words here give another date, and Enter adds the
    sentence to that event's sources; the explorer shows the event selected."""
    app = app_for(tmp_path)
    app.reload_interval = 0.05
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        app.screen.open_article("alpha")  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("n", "n", "a")  # "Saturday": Xi Jinping sent a message
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SourceFormScreen)
        assert str(form.query_one("#source-date", Static).render()) == "→ 2021-06-19 Sat"
        info = form.query_one("#source-event-info", Static)
        await pilot.press(*"ready")  # in no title or id
        await pilot.pause()
        assert str(info.render()) == "No event's id or title holds every word of “ready”."
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "Name the event by its id" in str(form.query_one("#source-warning").render())
        await pilot.press("ctrl+u", *"dialogue calls")
        await pilot.pause()
        # Words of a title in another order (a trial: a phrase was needed) name it too.
        assert str(info.render()).startswith("dialogue: 'Kim calls for dialogue'")
        await pilot.press("ctrl+u", *"dialog")
        await pilot.pause()
        # Words that name one event: what Enter would take, as its id shows it.
        assert str(info.render()).startswith(
            "dialogue: 'Kim calls for dialogue', 2021-06-17 Thu; 1 source (alpha). "
            "It already has a source in this article."
        )
        await pilot.press("ctrl+u", *"dialogue")
        await pilot.pause()
        said = str(info.render())
        assert said.startswith("'Kim calls for dialogue', 2021-06-17 Thu; 1 source (alpha). "
                               "It already has a source in this article. The words here "
                               "give 2021-06-19 Sat, which does not overlap")  # fmt: skip
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(app.timeline.event_by_id["dialogue"].sources) == 2)
        event = app.timeline.event_by_id["dialogue"]
        added = event.sources[1]
        assert (added.article_id, added.quote, added.date_text) == (
            "alpha", "Xi Jinping sent a message on Saturday.", "Saturday"
        )
        assert event.span.timex == "2021-06-17"  # the first source still dates it
        assert not isinstance(app.screen, (SourceFormScreen, ArticleScreen))
        assert app.screen.query_one("#timeline", TimelineView).selected_event_id == "dialogue"
        # The same words again, the event named by its title's words: refused, not
        # written twice.
        events_file = tmp_path / "data" / "events.yaml"
        written = events_file.read_text(encoding="utf-8")
        app.screen.open_article("alpha")  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("n", "n", "a", *"dialog")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SourceFormScreen)
        assert "It already has these words of this article as a source" in str(
            form.query_one("#source-event-info", Static).render()
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "already has these words of this article" in str(
            form.query_one("#source-warning", Static).render()
        )
    check = run_cli("check", "--data", str(tmp_path / "data"))
    assert check.returncode == 0, check.stderr
    assert events_file.read_text(encoding="utf-8") == written


async def test_a_form_whose_save_fails_stays_open_with_what_was_typed(tmp_path: Path) -> None:
    """A trial: events.yaml broken on disk, Enter closed the form with a notice, and the
    title, kind and actors typed were lost. The form now says why and keeps them;
    once the file is mended, Enter adds the event."""
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _form_on_thursday(app, pilot)
        events_file = tmp_path / "data" / "events.yaml"
        good = events_file.read_text(encoding="utf-8")
        events_file.write_text(good + "    title: [unclosed\n", encoding="utf-8")
        # Enter stops once in the actors the form filled in, then adds.
        await pilot.press(*"Xi meets a delegation", "enter", *"visit", "enter", "enter")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#form-title", Input).value == "Xi meets a delegation"
        assert form.query_one("#form-kind", Input).value == "visit"
        warning = _warning(form)
        assert warning.startswith("Not added yet: events.yaml cannot be edited here")
        assert warning.endswith("Mend it, then Enter.")
        assert events_file.read_text(encoding="utf-8").endswith("[unclosed\n")  # untouched
        events_file.write_text(good, encoding="utf-8")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is not form)
        assert "id: xi-meets-a-delegation" in events_file.read_text(encoding="utf-8")


async def test_enter_in_an_empty_field_the_event_needs_stays_and_says_why(
    tmp_path: Path,
) -> None:
    app = app_for(tmp_path, event_id="war")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = await _form_on_thursday(app, pilot)
        title = form.query_one("#form-title", Input)
        await pilot.press("enter")  # nothing typed yet
        await pilot.pause()
        assert title.has_focus and _warning(form) == "Give a title."
        await pilot.press(*"Xi meets a delegation", "enter", *"visit", "tab")
        actors = form.query_one("#form-actors", Input)
        assert actors.has_focus
        await pilot.press("ctrl+u")  # the actors the form filled in, cleared
        await pilot.pause()
        assert actors.value == ""
        await pilot.press("enter")
        await pilot.pause()
        # Not on to the next field: the actors are what is missing.
        assert app.screen is form and actors.has_focus
        assert _warning(form) == "Name at least one actor, by its id or its name."
        await pilot.press(*"xi-jinping")
        await pilot.pause()
        assert _warning(form) == ""  # typing clears it


def test_a_fields_examples_fit_so_its_placeholder_keeps_its_end() -> None:
    """At 100 columns the kinds' placeholder was cut before "(→ completes)"."""
    from tui.screens.event_form import EXAMPLES_WIDTH, _examples

    kinds = ["alliance", "anniversary", "anticipated exchanges", "anticipated visit"]
    assert _examples(kinds) == "alliance, anniversary"
    assert len(_examples(kinds)) <= EXAMPLES_WIDTH
    assert _examples(["a-very-long-kind-of-event-name-indeed-yes"]) == (
        "a-very-long-kind-of-event-name-indeed-yes"
    )  # one at least
    assert _examples([]) == ""
