"""The JSON export: the complete, lossless form of the timeline.

Key names are a contract other tools read: `title` (the timeline's own, from
`articles.yaml`; null without one), `filter` (the words naming the filter that
chose the events; null for all of them), `articles`, `actors`, `events`, and
inside each event `start`, `end` (ISO dates, inclusive), `precision`,
`approximate`, `timex`, `relation` ("on", "by", "as of", "since", "until", "from"),
`date_text`, `date_explanation`, `actors` (ids) and `sources` (`article`,
`quote`, `offset_start`, `offset_end`, `relative_to`, `date_text`, ...). Each
article has `published` (the most likely day), `published_earliest` /
`published_latest` (equal to it when the date is stated) and
`published_likely_basis` (why `published` is the most likely day: "evidence", or
"convention" when only the convention of a window's first day says so).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tui.dates import Span
from tui.model import Actor, Article, Event, Source, Timeline
from tui.safetext import json_safe


def span_json(span: Span) -> dict[str, Any]:
    """A resolved span as JSON-ready fields."""
    return {
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "precision": span.precision,
        "approximate": span.approximate,
        "timex": span.timex,
        "explanation": span.explanation,
    }


def article_json(article: Article) -> dict[str, Any]:
    """An article's metadata (not its text) with how its publication date is known."""
    return {
        "id": article.id,
        "file": article.file,
        "title": article.title,
        "title_basis": article.title_basis,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published.isoformat(),
        "published_earliest": article.earliest.isoformat(),
        "published_latest": article.latest.isoformat(),
        "published_basis": article.published_basis,
        "published_likely_basis": article.published_likely_basis,
        "published_note": article.published_note,
    }


def actor_json(actor: Actor) -> dict[str, Any]:
    """An actor with its aliases and the bodies it acts for."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "acts_for": list(actor.acts_for),
    }


def date_fields(span: Span, date_text: str) -> dict[str, Any]:
    """The date keys shared by events and sources: the span and the words it came from."""
    return {
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "precision": span.precision,
        "approximate": span.approximate,
        "timex": span.timex,
        "relation": span.relation,
        # Against every day of a publication window the words give days after it.
        "ahead": span.ahead,
        "date_text": date_text,
        "date_explanation": span.explanation,
    }


def source_json(source: Source) -> dict[str, Any]:
    """One source of an event: article, verbatim quote, date words and their span.

    `offset_start`/`offset_end` are character offsets into the article's text, so
    that `text[offset_start:offset_end] == quote` exactly.
    """
    return {
        "article": source.article_id,
        "quote": source.quote,
        "offset_start": source.quote_start,
        "offset_end": source.quote_end,
        "relative_to": source.relative_to,
        **date_fields(source.span, source.date_text),
    }


def event_json(event: Event, *, expected: bool) -> dict[str, Any]:
    """One event; its date is its first source's. `expected`: it falls after every
    article reporting it was written (`Timeline.is_expected`), what they expect."""
    return {
        "id": event.id,
        "title": event.title,
        "summary": event.summary,
        "kind": event.kind,
        **date_fields(event.span, event.sources[0].date_text),
        "expected": expected,
        "actors": list(event.actors),
        "sources": [source_json(s) for s in event.sources],
    }


def timeline_json(
    timeline: Timeline,
    positions: Sequence[int],
    *,
    filter_words: str = "",
    subject: str | None = None,
) -> dict[str, Any]:
    """The JSON document for the events at `positions`, with every article and actor;
    `subject` is the timeline's own title, `filter_words` names the filter."""
    return {
        "title": subject or None,
        "filter": filter_words or None,
        "articles": [article_json(a) for a in timeline.articles],
        "actors": [actor_json(a) for a in timeline.actors],
        "events": [
            event_json(event, expected=timeline.is_expected(event))
            for event in map(timeline.events.__getitem__, positions)
        ],
    }


def export_json(
    timeline: Timeline,
    positions: Sequence[int],
    *,
    filter_words: str = "",
    subject: str | None = None,
) -> str:
    """The JSON export as text (UTF-8, non-ASCII kept, two-space indent).

    Every control character is escaped (`\\u001b`, `\\u009b`): lossless, yet safe
    to print to a terminal.
    """
    document = timeline_json(timeline, positions, filter_words=filter_words, subject=subject)
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return json_safe(text) + "\n"
