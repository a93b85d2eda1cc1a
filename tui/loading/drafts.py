"""Draft events (`data/drafts/*.yaml`): checked like sources, never shown as events.

A draft is what `timeline draft` proposes: an article, a quote, its date words
and the actors it names, and possibly the event it restates. `check` validates
every draft as it validates an event's source, so a curator moving a draft into
`events.yaml` moves something that already passes.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from pathlib import Path
from typing import Any

from tui.datafiles import ACTORS_FILE, DRAFTS_DIR, EVENTS_FILE
from tui.loading.collect import Problems, SourceRecord
from tui.loading.events import check_article, declared_ids
from tui.loading.quotes import FoldedText
from tui.loading.reading import read_text_file
from tui.loading.schema import Field, check_shape, read_values, suggest
from tui.model import Actor, Article, Event
from tui.yamlread import line_of

DRAFT = (
    Field("article", True),
    Field("quote", True),
    Field("date_text", True),
    Field("date_basis", kind="choice", choices=("publication",)),
    Field("relation"),
    Field("actors", kind="texts"),
    Field("restates"),
)


def check_drafts(
    data_dir: Path,
    articles: dict[str, Article],
    folded: dict[str, FoldedText],
    actors: dict[str, Actor],
    events: Sequence[Event],
    problems: Problems,
    event_items: list[Any] | None,
    article_ids: set[str] | None = None,
    actor_ids: set[str] | None = None,
    articles_twice: frozenset[str] = frozenset(),
) -> int:
    """Check every draft file; return how many drafts they hold.

    `article_ids` are the articles declared, loaded or not: a draft of one whose
    text could not be read (reported there) is not also "unknown". None: those
    loaded. `actor_ids` likewise are the actors declared, as events are checked: a
    draft naming one declared with a problem of its own is not also "unknown", and
    with None (`actors.yaml` could not be read) no actor is (one slip in it gave a
    problem for every draft naming an actor).

    `events` are the folder's valid events: a draft may restate one of them, or
    an entry of `event_items` (the events file as read) whose own problem is
    reported there. With `event_items` None (the file could not be read) no event
    is "unknown". The ids are gathered only when a draft says which it restates (at
    100,000 events, a set of them took about 30 ms of every load, drafts or none).
    """
    event_ids: set[str] | None = None
    folder = data_dir / DRAFTS_DIR
    if not folder.is_dir():
        if folder.exists():  # a file where `draft` writes: no draft of it is read
            problems.add(DRAFTS_DIR, None, f"'{DRAFTS_DIR}' is not a folder",
                         "remove or rename it; `timeline draft` makes the folder")  # fmt: skip
        return 0
    count = 0
    known = set(articles) if article_ids is None else article_ids | set(articles)
    for path in sorted(folder.glob("*.yaml")):
        name = f"{DRAFTS_DIR}/{path.name}"
        text = read_text_file(path, name, problems, what="drafts file")
        if text is None:
            continue
        import yaml  # here: a folder without drafts never needs PyYAML

        from tui.yamllocated import load_yaml

        try:
            doc: Any = load_yaml(text)  # drafts are small: always the located parser
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.add(
                name,
                mark.line + 1 if mark else None,
                f"malformed YAML: {getattr(exc, 'problem', None) or exc}",
                getattr(exc, "hint", None)  # values nested too deeply have their own
                or "check indentation, colons and quoting on this line or the one above",
            )
            continue
        if not isinstance(doc, dict) or not isinstance(doc.get("drafts"), list):
            problems.add(name, 1, "expected a 'drafts:' list at the top", "see `timeline draft`")
            continue
        items = doc["drafts"]
        for i, entry in enumerate(items):
            count += 1
            at = problems.at(name, entry, "draft", line_of(items, i))
            if not check_shape(entry, DRAFT, at):
                continue
            values = read_values(entry, DRAFT, at)
            if values is None:
                continue
            for actor_id, line in values["actors"]:
                if actor_id not in actors and actor_ids is not None and actor_id not in actor_ids:
                    at.add_at(
                        line,
                        f"unknown actor '{actor_id}' in draft",
                        suggest(actor_id, sorted(actors), ACTORS_FILE),
                    )
            restates = values["restates"]
            if restates is not None and event_items is not None:
                if event_ids is None:
                    event_ids = set(map(attrgetter("id"), events))  # in C
                    event_ids |= declared_ids(event_items) or set()
                if restates not in event_ids:
                    at.add(
                        "restates",
                        f"draft restates unknown event '{restates}'",
                        suggest(restates, sorted(event_ids), EVENTS_FILE),
                    )
            # The same checks as an event's source: article, quote, date words, relation.
            record = SourceRecord({**values, "relative_to": None}, at)
            if check_article(record, articles, known, articles_twice):
                from tui.loading.sourcecheck import load_source  # the date grammar: drafts only

                load_source(record, articles, folded)
    return count
