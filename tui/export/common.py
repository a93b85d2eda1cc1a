"""What the human-facing exports share: the title, one-line text, quotation marks,
actor names and citations."""

from __future__ import annotations

import re

from tui.dates import date_words
from tui.model import Article, Event, Timeline
from tui.safetext import visible

NO_SUBJECT = "A source-grounded timeline"
"""The title of an export of a timeline that gives no title of its own."""

_SPACE = re.compile(r"\s+")


def export_title(subject: str | None) -> str:
    """An export's title: the timeline's own (`articles.yaml`'s `title:`), and what it is."""
    return f"{one_line(subject)}: a source-grounded timeline" if subject else NO_SUBJECT


def subject_name(subject: str | None) -> str:
    """The timeline's own title on one line, for a calendar's name, or `NO_SUBJECT`."""
    return one_line(subject) if subject else NO_SUBJECT


def when_words(timeline: Timeline, event: Event) -> str:
    """The event's date in words (`date_words`), "(expected)" after it when it is
    still to come (`Timeline.is_expected`)."""
    words = date_words(event.span)
    return f"{words} (expected)" if timeline.is_expected(event) else words


def one_line(text: str) -> str:
    """`text` with every run of white space (line breaks included) folded to one space,
    and any other control character made visible (see `tui.safetext`)."""
    return visible(_SPACE.sub(" ", text).strip())






def citation_words(article: Article) -> str:
    """Plain-text citation: title, outlet and publication date (a descriptive title in
    square brackets, not in quotation marks: not the article's words)."""
    # Imported here: the CSV export needs the rest of this module, not the filters
    # and dates `tui.present` brings.
    from tui.present import published_words

    title, outlet = one_line(article.cited_title), one_line(article.outlet)
    return f"{title}, {outlet}, {published_words(article)}"


def actor_names(timeline: Timeline, event: Event) -> list[str]:
    """Display names of the event's actors, in the data's order (id when unknown)."""
    return timeline.actor_names(event.actors)


