"""Events made in the explorer from an article, and the entries written for them.

The article view (`t`) proposes what an event quoting a sentence or a selected
passage is dated by (`Proposal`): the words of an expression of time that dates
it on its own; else words that count from another mention ("the same day"), for
which the form asks the event they count from (`tui.referring`); else, for a
report with no date words, a present-perfect or progressive verb form ("has
confirmed", "is leading"), and the event is dated by the publication date
(`date_basis: publication`). The form asks the title, kind and actors;
`append_event` appends the event it gives (`NewEvent`), and its new actors,
after the last byte of each file. The same words can instead be one more source
of an event already there (`a`: `NewSource`, `append_source`), as when a second
article reports it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.datafiles import ACTORS_FILE, EVENTS_FILE
from tui.dates import (
    ResolveError,
    date_by_publication,
    date_from_words,
    format_span,
    publication_relation,
)
from tui.dates.relations import publication_verb
from tui.dates.tagger import Tag
from tui.loading.sourcecheck import article_anchor
from tui.model import Article
from tui.new_actors import NewActor
from tui.span import Span
from tui.workbench import SLUG, date_words, resolves_on_its_own, sentence_around
from tui.workbench_error import WorkbenchError
from tui.yamlappend import append_entry, editable_list, flow_list, quoted
from tui.yamlsource import insert_source


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event the curator made from a sentence of an article, to add to events.yaml."""

    title: str
    kind: str
    actors: tuple[str, ...]
    article_id: str
    quote: str
    date_text: str
    new_actors: tuple[NewActor, ...] = ()  # added to actors.yaml first
    relative_to: str | None = None  # the event the date words count from ("the same day")
    date_basis: str | None = None  # "publication": a report dated by the article


@dataclass(frozen=True, slots=True)
class NewSource:
    """A quote the curator chose from an article, to add to an existing event's sources."""

    event_id: str
    article_id: str
    quote: str
    date_text: str
    date_basis: str | None = None  # "publication": a report dated by the article


@dataclass(frozen=True, slots=True)
class Proposal:
    """What an event made from an article quotes, and what dates it."""

    quote: str
    date_text: str
    dated_by: str = "words"  # "words", "reference" (needs `relative_to`) or "publication"
    words_at: int = -1  # a reference: where its words stand in the article's text
    unread: str = ""  # a reference the tagger could not read against an earlier date: why

    @property
    def refers_back(self) -> bool:
        """True when the words count from another mention: the form asks which."""
        return self.dated_by == "reference"

    @property
    def date_basis(self) -> str | None:
        """The source's `date_basis`: "publication" for a report with no date words."""
        return "publication" if self.dated_by == "publication" else None


def new_event_from_tag(article: Article, tag: Tag) -> Proposal:
    """The quote and date words of an event dated by `tag`: its sentence and its words.

    Words that count from another mention ("the same day", "a week later") are
    proposed as a reference (`refers_back`), for the curator to say which event
    they count from (`tui.referring`); with why the tagger could not read them
    against an earlier date, if it could not ("a day after a public hearing" counts
    from the hearing). WorkbenchError when the words give no date at all (a length
    of time, words the resolver does not read).
    """
    start, end = sentence_around(article.text, tag.start)
    sentence = article.text[start:end]
    words = date_words(article.text, start, tag)
    if tag.reference:
        return _reference(sentence, words, tag)
    if not resolves_on_its_own(tag, sentence, article_anchor(article)):
        raise WorkbenchError(
            f"'{tag.text}' gives no date on its own",
            f"{tag.reason}; choose another expression of the sentence with n or N",
        )
    return Proposal(sentence, words)


def new_event_from_passage(
    article: Article, start: int, end: int, tags: Sequence[Tag], preferred: Tag | None = None
) -> Proposal:
    """The quote (`article.text[start:end]`) and date words of an event quoting a passage.

    The date words are those of `preferred` when it is in the passage and resolves
    there, else of the first expression of the passage that does (as the loader
    resolves them: against the article's day or window, in the tense of the
    quote). Failing those, the passage's first reference to another mention ("the
    same day"); then "recent" ("the recent visit", read as the resolver reads it);
    failing those too, its first present-perfect or progressive verb form ("has
    confirmed", "is leading"), for an event dated by the publication date.
    WorkbenchError when there is none of these.
    """
    text = article.text
    quote = text[start:end]
    anchor = article_anchor(article)
    inside = [t for t in tags if start <= t.start and t.end <= end and t.type == "DATE"]
    if preferred in inside:
        inside.remove(preferred)
        inside.insert(0, preferred)
    for tag in inside:
        words = date_words(text, start, tag)
        if tag.reference:
            continue
        try:
            date_from_words(words, quote, anchor)
        except ResolveError:
            continue
        return Proposal(quote, words)
    reference = next((t for t in inside if t.reference), None)
    if reference is not None:
        return _reference(quote, date_words(text, start, reference), reference)
    vague = _RECENT.search(quote)
    if vague is not None:
        try:
            date_from_words(vague.group(0), quote, anchor)
        except ResolveError:
            pass
        else:
            return Proposal(quote, vague.group(0))
    verb = publication_verb(quote)
    if verb is not None:
        return Proposal(quote, verb, "publication")
    raise WorkbenchError(
        "nothing in the passage dates it: no expression of time, and no verb such as "
        "\"has confirmed\" or \"is leading\" to date it by the publication date",
        "select sentences with a date, or write the event with E",
    )


# "recent" ("the recent visit", "Recent events", "the most recent"): vague date words
# the resolver reads (the month up to the publication date) and the tagger leaves out,
# as the TimeML guidelines it is scored against do. A passage with no expression of
# its own is dated by them, as the loader dates `date_text: recent`.
_RECENT = re.compile(r"\b[Rr]ecent\b")


def _reference(quote: str, words: str, tag: Tag) -> Proposal:
    """A proposal dated by words that count from another mention (`tag`'s)."""
    unread = "" if tag.span is not None else tag.reason
    return Proposal(quote, words, "reference", tag.start, unread)


def proposal_span(article: Article, proposal: Proposal) -> Span:
    """The date the proposal's words give, as the loader gives it (not for a
    reference, whose date waits for the event it counts from). ResolveError if none."""
    anchor = article_anchor(article)
    if proposal.dated_by == "publication":
        return date_by_publication(proposal.date_text, anchor)
    return date_from_words(proposal.date_text, proposal.quote, anchor)


def proposal_date(article: Article, proposal: Proposal) -> str:
    """What the form says of the date a proposal gives. WorkbenchError if it gives none."""
    if proposal.refers_back:
        return "The words count from another mention: name its event under Refers to."
    try:
        span = proposal_span(article, proposal)
    except ResolveError as error:
        raise WorkbenchError(
            f"'{proposal.date_text}' gives no date: {error}",
            "choose another expression with n or N, or write the event with E",
        ) from None
    if proposal.dated_by == "publication":
        reason = publication_relation(proposal.date_text).reason
        return (f"→ {format_span(span)}: no date words, so dated by the publication date; "
                f"“{proposal.date_text}”: {reason}")  # fmt: skip
    return f"→ {format_span(span)}"


def append_event(data_dir: Path, event: NewEvent) -> str:
    """Append `event` to events.yaml (and its new actors to actors.yaml); its id.

    Each file gets the entry after its last byte (`tui.yamlappend`). The id is
    made from the title, with -2, -3, … when it is taken.
    """
    if not event.title.strip() or not event.kind.strip():
        raise WorkbenchError("an event needs a title and a kind")
    if not event.actors:
        raise WorkbenchError("an event needs at least one actor")
    # Both files are checked (they read, and may be written) before either is written.
    new_actors = _check_new_actors(data_dir, event)
    path = data_dir / EVENTS_FILE
    items = editable_list(path, "events")
    taken = {str(e.get("id")) for e in items if hasattr(e, "get")}
    base = _short_slug(SLUG.sub("-", event.title.lower()).strip("-._")) or "event"
    event_id, n = base, 1
    while event_id in taken:
        n += 1
        event_id = f"{base}-{n}"
    for actor in new_actors:  # first: the event is never without its actors
        # No alias yet (the name is matched as it is): the empty list shows where to add some.
        entry = {"id": actor.id, "name": actor.name, "kind": actor.kind,
                 "aliases": flow_list([])}  # fmt: skip
        append_entry(data_dir / ACTORS_FILE, "actors", entry)
    source = {
        "article": event.article_id,
        "quote": quoted(event.quote),
        "date_text": quoted(event.date_text),
    }
    if event.relative_to is not None:
        source["relative_to"] = event.relative_to
    if event.date_basis is not None:
        source["date_basis"] = event.date_basis
    append_entry(
        path,
        "events",
        {
            "id": event_id,
            "title": event.title.strip(),
            "kind": event.kind.strip(),
            "actors": flow_list(event.actors),  # [a, b], as the file writes them
            "sources": [source],
        },
    )
    return event_id


def append_source(data_dir: Path, new: NewSource) -> int:
    """Add `new` as the last source of its event in events.yaml (`tui.yamlsource`),
    every other byte of the file left as it was; the number of sources it has now."""
    source: dict[str, Any] = {
        "article": new.article_id,
        "quote": quoted(new.quote),
        "date_text": quoted(new.date_text),
    }
    if new.date_basis is not None:
        source["date_basis"] = new.date_basis
    return insert_source(data_dir / EVENTS_FILE, new.event_id, source)


def _check_new_actors(data_dir: Path, event: NewEvent) -> tuple[NewActor, ...]:
    """The event's new actors, each with a kind and an id actors.yaml does not have yet."""
    if not event.new_actors:
        return ()
    taken = {str(a.get("id")) for a in editable_list(data_dir / ACTORS_FILE, "actors")
             if hasattr(a, "get")}  # fmt: skip
    for actor in event.new_actors:
        if actor.id in taken:
            raise WorkbenchError(
                f"actor id '{actor.id}' is taken in actors.yaml",
                f"name the actor {actor.id} by its id, or write the new name otherwise",
            )
        if not actor.kind.strip():
            raise WorkbenchError(f"the new actor '{actor.name}' needs a kind")
    return event.new_actors


# Words an id cut short does not end on ("…-railings-and"): they join what was cut off.
_DANGLING = frozenset(
    "a an and as at but by for from in into nor of on or over than that the to via with".split()
)


def _short_slug(slug: str, limit: int = 60) -> str:
    """`slug` cut to at most `limit` characters at a hyphen, so that no word is cut in
    two ("…-postpone-halvard-election", not "…-postpone-halvard-ele"), nor ends on a
    word that joins it to what was cut ("…-railings-and"); a single long word is cut
    where the limit falls."""
    if len(slug) <= limit:
        return slug
    head = slug[: limit + 1]
    at = head.rfind("-")
    if at < limit // 2:
        return slug[:limit].strip("-._")
    words = head[:at].split("-")
    while len(words) > 1 and words[-1] in _DANGLING and len("-".join(words[:-1])) >= limit // 2:
        words.pop()
    return "-".join(words).strip("-._")

