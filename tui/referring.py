"""The mention a reference counts from, for an event made from an article.

Words such as "the same day", "a week later" or "since then" give a date only
against another dated mention of the same article. In `events.yaml` the source
names that mention's event with `relative_to: <event id>`, and the loader dates
the words against the event's first source in the article (`tui.references`).
When the curator makes an event from such words in the explorer, the form asks
which event they count from: `mentions_in` lists the events that can be named,
the one quoted nearest before the words first, and `date_against` dates the
words against one of them exactly as the loader will, so the form can show the
date before anything is written. Once written, the article view reads those
words as the timeline does (`as_the_timeline_reads`), not as the tagger guesses.

Plain Python, no Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tui.dates import date_relative
from tui.dates.tagger import Tag
from tui.model import Source, Timeline
from tui.span import Span


@dataclass(frozen=True, slots=True)
class Mention:
    """An event's first source in an article: what a reference there can count from."""

    event_id: str
    title: str
    date_text: str  # that source's date words ("On Monday")
    span: Span  # what they resolve to, as the timeline shows it
    words_start: int  # where its date words stand in the article's text (else its quote)


def words_span(source: Source) -> tuple[int, int]:
    """Where `source`'s date words stand in its article's text (start, end): in its
    quote, which is the article's own text, their first occurrence there as the loader
    finds them (ignoring case; any run of white space, a line break too, matching any
    other). The whole quote if they are not found."""
    words = source.date_text.split()
    pattern = r"\s+".join(map(re.escape, words))
    found = re.search(pattern, source.quote, re.IGNORECASE) if words else None
    if found is None:
        return source.quote_start, source.quote_end
    return source.quote_start + found.start(), source.quote_start + found.end()


def words_start(source: Source) -> int:
    """Where `source`'s date words start in its article's text (`words_span`)."""
    return words_span(source)[0]


def mentions_in(timeline: Timeline, article_id: str, at: int) -> list[Mention]:
    """The events with a source in the article that `relative_to` can name.

    The ones whose date words stand before character `at` (where the referring
    words do) come first, nearest first, since "the same day" looks back; then the
    others, in text order. Each event is listed once, by its first source in the
    article, which is the one the loader counts from; an event whose mention there
    is dated by the publication date (no date words) is left out, as the loader
    refuses to count from it, and so is one whose date words hold `at`: they are
    the referring words themselves ("Since then", quoted by an event that counts
    it from another), which cannot count from themselves.
    """
    found: list[Mention] = []
    for event in timeline.events:
        source = next((s for s in event.sources if s.article_id == article_id), None)
        if source is None or source.date_basis == "publication":
            continue
        start, end = words_span(source)
        if not start <= at < end:
            found.append(Mention(event.id, event.title, source.date_text, source.span, start))
    # Of two events counting from the same words, the one dated "on" them first: the
    # words name its day, where "by" says only that the act came no later.
    earlier = sorted((m for m in found if m.words_start < at),
                     key=lambda m: (-m.words_start, m.span.relation != "on"))  # fmt: skip
    later = sorted((m for m in found if m.words_start >= at),
                   key=lambda m: (m.words_start, m.span.relation != "on"))  # fmt: skip
    return earlier + later


def date_against(words: str, mention: Mention) -> Span:
    """`words` dated against `mention`, as the loader dates a source with
    `relative_to` naming its event; ResolveError when they are no reference it reads."""
    return date_relative(words, mention.span, mention.date_text, f"event {mention.event_id}")


def as_the_timeline_reads(tags: Sequence[Tag], timeline: Timeline, article_id: str) -> list[Tag]:
    """`tags` of the article, each that the data's date words read otherwise read as the
    timeline reads them.

    The tagger reads "the same day" against the nearest date before it, and says
    that is a guess. Where an event quotes the words with `relative_to`, the data
    says which mention they count from: a tag within those date words then shows
    that event's date, as the timeline and `check` give it. And a tag with no date
    of its own within longer date words that have one ("75 years", a length, in
    "75 years of diplomatic relations", which the loader reads as 1949) shows the
    date they give. Sources that disagree on the date (two events counting the same
    words from different mentions) leave the tagger's reading.
    """
    dated = [
        source
        for event in timeline.events
        for source in event.sources
        if source.article_id == article_id and source.date_basis != "publication"
    ]
    if not dated:
        return list(tags)
    spans_of = [(words_span(source), source) for source in dated]
    article = timeline.article_by_id.get(article_id)
    text = article.text if article is not None else None
    read: list[Tag] = []
    for tag in tags:
        around = [s for (start, end), s in spans_of if start <= tag.start and tag.end <= end]
        if tag.reference:
            around = [s for s in around if s.relative_to is not None]
        elif tag.span is None:
            around = [s for s in around if s.date_text.strip() != tag.text.strip()]
        else:
            around = []
        dates = {(s.span.start, s.span.end, s.span.timex, s.span.approximate) for s in around}
        if len(dates) == 1:
            # The first event's explanation, when two agree on the date. A length keeps
            # its own value ("P75Y"): the date is that of the longer words.
            span = around[0].span
            timex = span.timex if tag.type == "DATE" else tag.timex
            tag = replace(tag, timex=timex, span=span, reason=span.explanation)
            if tag.reference and text is not None:
                # The data's words, as the explanation quotes them ("Since then", not
                # "then"): the expression shown is the one explained.
                start, end = words_span(around[0])
                tag = replace(tag, start=start, end=end, text=text[start:end])
        read.append(tag)
    return read
