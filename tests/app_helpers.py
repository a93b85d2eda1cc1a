"""Shared helpers for the explorer's Pilot tests: a small data folder and screen reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import TimelineApp, make_app
from tui.load import load_timeline
from tui.model import Timeline

ALPHA = (
    "Kim Jong Un said on June 17 that the country must be ready for dialogue.\n"
    "Xi Jinping sent a message on Saturday.\n"
    "China and North Korea signed a treaty in 1961.\n"
    "The treaty was renewed in 2021.\n"
    "Xi Jinping's visit to Pyongyang in 2019 was recalled.\n"
    "During the 1950–1953 war, China fought for the North.\n"
)

BETA = "Xi Jinping visited Pyongyang on Thursday.\nTrade fell in 2019, customs figures showed.\n"

ARTICLES = """\
articles:
  - id: alpha
    file: alpha.txt
    title: Kim calls for dialogue
    outlet: Alpha News
    author: A. Writer
    published: "2021-06-24"
    published_basis: stated
    published_note: The page gives its date.
  - id: beta
    file: beta.txt
    title: Xi in Pyongyang
    outlet: Beta Wire
    author: null
    published: "2019-06-21"
    published_earliest: "2019-06-21"
    published_latest: "2019-06-21"
    published_basis: inferred
    published_note: No date in the text; inferred from the visit it reports.
"""

ACTORS = """\
actors:
  - id: china
    name: China
    kind: country
  - id: north-korea
    name: North Korea
    kind: country
  - id: xi-jinping
    name: Xi Jinping
    kind: person
    acts_for: [china]
  - id: kim-jong-un
    name: Kim Jong Un
    kind: person
    acts_for: [north-korea]
"""


def _event(eid: str, title: str, actors: str, *sources: tuple[str, str, str]) -> str:
    lines = [
        f"  - id: {eid}",
        f"    title: {title}",
        f"    summary: Summary of {eid}.",
        "    kind: test",
        f"    actors: [{actors}]",
        "    sources:",
    ]
    for article, quote, words in sources:
        lines += [
            f"      - article: {article}",
            f"        quote: {quote!r}",
            f"        date_text: {words!r}",
        ]
    return "\n".join(lines) + "\n"


EVENTS = "events:\n" + "".join(
    [
        _event(
            "war",
            "Korean War",
            "china, north-korea",
            ("alpha", "During the 1950–1953 war, China fought for the North.", "1950–1953"),
        ),
        _event(
            "treaty",
            "Treaty signed",
            "china, north-korea",
            ("alpha", "China and North Korea signed a treaty in 1961.", "in 1961"),
        ),
        _event(
            "visit",
            "Xi visits Pyongyang",
            "xi-jinping, kim-jong-un",
            ("beta", "Xi Jinping visited Pyongyang on Thursday.", "on Thursday"),
            ("alpha", "Xi Jinping's visit to Pyongyang in 2019 was recalled.", "in 2019"),
        ),
        _event(
            "trade",
            "Trade falls",
            "china",
            ("beta", "Trade fell in 2019, customs figures showed.", "in 2019"),
        ),
        _event(
            "dialogue",
            "Kim calls for dialogue",
            "kim-jong-un",
            (
                "alpha",
                "Kim Jong Un said on June 17 that the country must be ready for dialogue.",
                "June 17",
            ),
        ),
        _event(
            "message",
            "Xi sends a message",
            "xi-jinping",
            ("alpha", "Xi Jinping sent a message on Saturday.", "on Saturday"),
        ),
        _event(
            "renewed",
            "Treaty renewed",
            "china, north-korea",
            ("alpha", "The treaty was renewed in 2021.", "in 2021"),
        ),
    ]
)

# Chronological order of the events above.
ORDER = ["war", "treaty", "trade", "visit", "renewed", "dialogue", "message"]


def write_data(
    root: Path,
    *,
    articles: str = ARTICLES,
    actors: str = ACTORS,
    events: str = EVENTS,
    seeds: dict[str, str] | None = None,
) -> Path:
    """Write data/ and seeds/ under `root` and return the data folder."""
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    for name, text in (seeds or {"alpha.txt": ALPHA, "beta.txt": BETA}).items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    for name, text in (
        ("articles.yaml", articles),
        ("actors.yaml", actors),
        ("events.yaml", events),
    ):
        (data / name).write_text(text, encoding="utf-8")
    return data


def load(root: Path) -> Timeline:
    """Write the standard test data under `root` and load it."""
    return load_timeline(write_data(root))


def app_for(root: Path, **options: object) -> TimelineApp:
    """An explorer on the standard test data, with `make_app` start options."""
    return make_app(write_data(root), **options)  # type: ignore[arg-type]


def screen_text(app: TimelineApp) -> str:
    """Everything on the screen as plain text, one line per row."""
    from textual.strip import Strip

    lines: list[Strip] = app.screen._compositor.render_strips()
    return "\n".join(line.text for line in lines)


def visible_rows(view: object) -> list[str]:
    """The plain text of each visible line of a Line-API widget."""
    height = view.scrollable_content_region.height  # type: ignore[attr-defined]
    return [view.render_line(y).text.rstrip() for y in range(height)]  # type: ignore[attr-defined]


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for background workers (facet counts) and the messages they send.

    Workers start after a refresh, and a worker's message can start another: so
    refresh and wait until a round starts no new worker (a few rounds at most).
    The watcher of the data folder runs as long as the app and is not waited for.
    """
    for _ in range(5):
        await pilot.pause()
        busy = working(pilot.app)
        if busy:
            await pilot.app.workers.wait_for_complete(busy)
        await pilot.pause(0.01)
        if _ and not busy and not working(pilot.app):
            break


def working(app: TimelineApp) -> list[object]:
    """The workers still running, except the data folder's watcher (which never ends)."""
    return [w for w in app.workers if not w.is_finished and w.group != "live-reload"]


def listed(app: TimelineApp) -> list[str]:
    """Ids of the events the timeline lists, in order."""
    from tui.widgets.timeline_view import TimelineView

    view = app.screen.query_one("#timeline", TimelineView)
    return [app.timeline.events[p].id for p in view.positions]


def notices(app: TimelineApp) -> list[str]:
    """The messages of the notifications shown so far."""
    return [n.message for n in app._notifications]


async def type_ahead(pilot, keys: str) -> None:  # type: ignore[no-untyped-def]
    """Send `keys` as one burst, as a terminal delivers fast typing: no wait between keys.

    `pilot.press` waits for each key to be handled; a person typing ahead does not.
    Each character is a key; "\\r" is Enter and "\\x1b" is Escape.
    """
    from textual import events

    names = {
        "\r": ("enter", None),
        "\x1b": ("escape", None),
        "\x7f": ("backspace", None),
        "/": ("slash", "/"),
        " ": ("space", " "),
    }
    for char in keys:
        key, typed = names.get(char, (char, char))
        pilot.app.post_message(events.Key(key, typed))
    await pilot.pause()
    await pilot.pause()


async def wait_for(pilot, condition, seconds: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    """Pause until `condition()` holds, then settle; fail the test if it never does."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            await settle(pilot)
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting for the explorer")


def record_frames(monkeypatch: object) -> list[set[str]]:
    """From now on, one entry per frame Textual draws: the ids of the widgets it redrew."""
    from textual._compositor import Compositor
    from textual.widget import Widget

    frames: list[set[str]] = []
    update_widgets = Compositor.update_widgets

    def recorded(self: Compositor, widgets: set[Widget]) -> None:
        frames.append({w.id for w in widgets if w.id})
        update_widgets(self, widgets)

    monkeypatch.setattr(Compositor, "update_widgets", recorded)  # type: ignore[attr-defined]
    return frames


def record_reuse_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the cache is asked for reuse from now on: "own" for the reuse part of a
    shown timeline's entry (read as usual), "latest" for the folder's latest entry
    (read as nothing)."""
    from tui.cache import ModelCache

    reads: list[str] = []
    own = ModelCache.read_own_reuse
    monkeypatch.setattr(ModelCache, "read_reuse", lambda self: reads.append("latest"))
    monkeypatch.setattr(
        ModelCache, "read_own_reuse", lambda self, t: reads.append("own") or own(self, t)
    )
    return reads
