"""The TimelineJS export: Knight Lab's TimelineJS3 JSON data format.

The document is `{"title": slide, "events": [slide, ...]}` as documented at
timeline.knightlab.com/docs/json-format.html. Each event slide has:

* `start_date` — a date object with `year` and only the fields the event's
  precision knows, as JSON numbers (the documented type): `month` for month
  precision, `month` and `day` for day precision, `year` alone for a year. Spans
  of other precisions (weeks, seasons, ranges, decades) use the coarsest unit both
  of their bounds fall on, so a month is never given a day nor a year a month;
* `end_date` — the same shape, only when the span ends in another unit than it
  starts (a range of days, months or years);
* `display_date` — how the date reads, for approximate or ranged dates and for
  precisions TimelineJS cannot express ("≈ 11 July 2021", "1950–1953",
  "June–August 2023");
* `text` — `headline` (the title) and `text` (the summary, each quote with its
  citation, and how the date was resolved), both HTML-escaped since TimelineJS
  renders them as HTML;
* `group` — the name of the event's main (first) actor;
* `unique_id` — the event id, so links to a slide stay stable.

A filtered export names its filter on the title slide. Control characters are
escaped in the JSON text (`tui.safetext.json_safe`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from tui.dates import span_grain
from tui.export.common import export_title, one_line, when_words
from tui.model import Event, Timeline
from tui.present import published_words
from tui.quoting import quoted
from tui.safetext import json_safe
from tui.words import counted

_FIELDS = {"year": ("year",), "month": ("year", "month"), "day": ("year", "month", "day")}


def _h(text: str) -> str:
    """Data text as HTML: white space folded, `& < > " '` escaped."""
    return html.escape(one_line(text), quote=True)


def date_object(day: date, grain: str) -> dict[str, int]:
    """A TimelineJS date object holding only the fields `grain` knows."""
    return {name: getattr(day, name) for name in _FIELDS[grain]}


def event_html(timeline: Timeline, event: Event) -> str:
    """The slide text: summary, quotes with their citations, and the date's basis."""
    parts: list[str] = []
    if event.summary.strip():
        parts.append(f"<p>{_h(event.summary)}</p>")
    for source in event.sources:
        parts.append(f"<blockquote>{_h(quoted(one_line(source.quote)))}</blockquote>")
        article = timeline.article_by_id.get(source.article_id)
        if article is None:
            parts.append(f"<p>— {_h(source.article_id)}</p>")
        else:
            parts.append(
                f"<p>— <cite>{_h(article.shown_title)}</cite>, {_h(article.outlet)}, "
                f"{_h(published_words(article))}</p>"
            )
    first = event.sources[0]
    parts.append(
        f"<p><small>Date from “{_h(first.date_text)}”: {_h(event.span.explanation)}</small></p>"
    )
    return "".join(parts)


def event_slide(timeline: Timeline, event: Event) -> dict[str, Any]:
    """One TimelineJS slide for `event`."""
    span = event.span
    grain = span_grain(span)
    # A "by" or "until" event sits on its end day: when it began, the article does not say.
    start = date_object(span.placed_start, grain)
    end = date_object(span.placed_end, grain)
    slide: dict[str, Any] = {"start_date": start}
    if end != start:
        slide["end_date"] = end
    if (
        span.approximate
        or span.relation != "on"
        or end != start
        or span.precision not in ("day", "month", "year")
        or timeline.is_expected(event)  # still to come when the article was written
    ):
        slide["display_date"] = when_words(timeline, event)
    slide["text"] = {"headline": _h(event.title), "text": event_html(timeline, event)}
    if event.actors:
        main = timeline.actor_by_id.get(event.actors[0])
        slide["group"] = _h(main.name if main is not None else event.actors[0])
    slide["unique_id"] = event.id
    return slide


def timelinejs_document(
    timeline: Timeline,
    positions: Sequence[int],
    *,
    filter_words: str = "",
    subject: str | None = None,
) -> dict[str, Any]:
    """The TimelineJS3 document for the events at `positions` (chosen by `filter_words`),
    headed with the timeline's own title (`subject`)."""
    outlets = sorted({one_line(a.outlet) for a in timeline.articles})
    count = counted(len(positions), "event")
    if filter_words:
        count = (
            f"{len(positions)} of {counted(len(timeline.events), 'event')} "
            f"(filtered: {filter_words})"
        )
    intro = (
        f"{count} drawn from {len(timeline.articles)} news articles "
        f"({'; '.join(outlets)}). Each date is resolved from the words of the event's "
        "first source against that article's publication date."
    )
    return {
        "title": {
            "text": {"headline": _h(export_title(subject)), "text": f"<p>{_h(intro)}</p>"}
        },
        "events": [event_slide(timeline, timeline.events[i]) for i in positions],
    }


def export_timelinejs(
    timeline: Timeline,
    positions: Sequence[int],
    *,
    filter_words: str = "",
    subject: str | None = None,
) -> str:
    """The TimelineJS3 JSON as text (UTF-8, non-ASCII kept, two-space indent)."""
    document = timelinejs_document(
        timeline, positions, filter_words=filter_words, subject=subject
    )
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
