"""The Markdown export: a readable chronology for a report.

Layout: a `#` title and a short note on how dates were found, then one `## YYYY`
heading per year (the year an event starts in), and under it one
`### date — title` heading per event, the date written as precisely as the
sources allow ("13 April 2024", "September 2023", "1950–1953") and marked "≈ "
when approximate. Each event lists its actors and kind, its summary, and every
source quote as a block quote followed by the citation: article title, outlet
and publication date, with "(publication date inferred)" when the date is
inferred rather than stated.

Text from the data is escaped (CommonMark backslash escapes) so that a title or
a quote cannot open a heading, list, link, emphasis or HTML tag, and runs of
white space (line breaks included) are folded to one space so nothing can break
out of its heading or block quote.

A filtered export names its filter in the title heading.

`date_words`, `citation_words` and `quoted` are shared with the other
human-facing exports.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Sequence
from datetime import date

from tui.dates import MONTH_NAMES, Span
from tui.model import Article, Event, Source, Timeline
from tui.safetext import visible

DEFAULT_TITLE = "China–North Korea relations: a source-grounded timeline"

_SPACE = re.compile(r"\s+")
# Characters that are significant anywhere in a line of CommonMark text.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!])")
# Characters that are significant only at the start of a line (lists, rules,
# setext underlines, block quotes) and an ordered-list marker such as "1." or "1)".
_LINE_START = re.compile(r"^([-+=>])|^(\d+)([.)])")


def one_line(text: str) -> str:
    """`text` with every run of white space (line breaks included) folded to one space,
    and any other control character made visible (see `tui.safetext`)."""
    return visible(_SPACE.sub(" ", text).strip())


def escape_markdown(text: str) -> str:
    """`text` on one line, with Markdown-significant characters backslash-escaped."""
    escaped = _INLINE.sub(r"\\\1", one_line(text))
    return _LINE_START.sub(
        lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped
    )


_OPENING_QUOTES = ("“", '"', "‘", "«", "„")
_CLOSING_QUOTES = ("”", '"', "’", "»", "“")


def quoted(text: str) -> str:
    """`text` in “ ” quotation marks, without doubling a mark it already has."""
    opening = "" if text.startswith(_OPENING_QUOTES) else "“"
    closing = "" if text.endswith(_CLOSING_QUOTES) and len(text) > 1 else "”"
    return f"{opening}{text}{closing}"


def day_words(day: date) -> str:
    """A day as words, independent of the locale: "13 April 2024"."""
    return f"{day.day} {MONTH_NAMES[day.month]} {day.year}"


def span_grain(span: Span) -> str:
    """The finest unit the span's bounds need: "day", "month" or "year".

    Day, month and year precision keep their own unit; other spans (weeks,
    seasons, ranges, decades...) use the coarsest unit both bounds fall on, so
    "1950–1953" is a range of years and 11–13 April a range of days.
    """
    if span.precision in ("day", "month", "year"):
        return span.precision
    start, end = span.start, span.end
    ends_month = end.day == monthrange(end.year, end.month)[1]
    if start.day == 1 and ends_month:
        return "year" if start.month == 1 and end.month == 12 else "month"
    return "day"


def date_words(span: Span) -> str:
    """The span as words at its real precision, "≈ " first when approximate.

    "13 April 2024", "11–13 April 2024", "September 2023", "June–August 2023",
    "2011", "1950–1953"; never more precise than the span itself. A relation other
    than "on" comes first: "by 12 April 2024", "as of ≈ 10–12 April 2024",
    "since 2019".
    """
    prefix = "≈ " if span.approximate else ""
    start, end = span.start, span.end
    grain = span_grain(span)
    relation = span.relation
    if relation in ("by", "until") and grain == "day" and start != end:
        return f"{relation} {day_words(end)}"  # only the end carries the claim
    if relation != "on":
        prefix = f"{relation} {prefix}"
    if grain == "year":
        words = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    elif grain == "month":
        first = f"{MONTH_NAMES[start.month]} {start.year}"
        last = f"{MONTH_NAMES[end.month]} {end.year}"
        if (start.year, start.month) == (end.year, end.month):
            words = first
        elif start.year == end.year:
            words = f"{MONTH_NAMES[start.month]}–{last}"
        else:
            words = f"{first}–{last}"
    elif start == end:
        words = day_words(start)
    elif (start.year, start.month) == (end.year, end.month):
        words = f"{start.day}–{day_words(end)}"
    elif start.year == end.year:
        words = f"{start.day} {MONTH_NAMES[start.month]}–{day_words(end)}"
    else:
        words = f"{day_words(start)}–{day_words(end)}"
    return prefix + words


def published_words(article: Article) -> str:
    """The publication date as words, with "(publication date inferred)" when inferred,
    and the window it lies in when that is several days."""
    words = day_words(article.published)
    if article.published_window:
        return (
            f"{words} (publication date inferred: between {day_words(article.earliest)} "
            f"and {day_words(article.latest)})"
        )
    return f"{words} (publication date inferred)" if article.published_inferred else words


def citation_words(article: Article) -> str:
    """Plain-text citation: title, outlet and publication date."""
    return f"“{one_line(article.title)}”, {one_line(article.outlet)}, {published_words(article)}"


def actor_names(timeline: Timeline, event: Event) -> list[str]:
    """Display names of the event's actors, in the data's order (id when unknown)."""
    return timeline.actor_names(event.actors)


def _source_lines(timeline: Timeline, source: Source) -> list[str]:
    article = timeline.article_by_id.get(source.article_id)
    lines = [f"> {quoted(escape_markdown(source.quote))}", ">"]
    if article is None:  # not possible for loaded data; keep the quote anyway
        cite = f"article {escape_markdown(source.article_id)}"
    else:
        cite = (
            f"*{escape_markdown(article.title)}*, {escape_markdown(article.outlet)}, "
            f"{escape_markdown(published_words(article))}"
        )
    lines.append(f"> — {cite}; date words: “{escape_markdown(source.date_text)}”")
    return lines


def event_markdown(timeline: Timeline, event: Event) -> list[str]:
    """The lines of one event: heading, actors and kind, summary, quoted sources."""
    lines = [f"### {escape_markdown(date_words(event.span))} — {escape_markdown(event.title)}", ""]
    names = ", ".join(escape_markdown(n) for n in actor_names(timeline, event))
    lines.append(f"**Actors:** {names}\\")
    lines.append(f"**Kind:** {escape_markdown(event.kind)}")
    lines.append("")
    if event.summary.strip():
        lines += [escape_markdown(event.summary), ""]
    for source in event.sources:
        lines += [*_source_lines(timeline, source), ""]
    return lines


def export_markdown(timeline: Timeline, positions: Sequence[int], *, filter_words: str = "") -> str:
    """The Markdown chronology of the events at `positions` (already in date order).

    `filter_words` names the filter that chose them (it goes into the title).
    """
    title = f"{DEFAULT_TITLE} — filtered: {filter_words}" if filter_words else DEFAULT_TITLE
    lines = [f"# {escape_markdown(title)}", ""]
    count = len(positions)
    if count:
        first = timeline.events[positions[0]].start.year
        last = max(timeline.events[i].end.year for i in positions)
        reach = str(first) if first == last else f"{first}–{last}"
        lines.append(f"{count} event{'s' if count != 1 else ''}, {reach}.")
    else:
        lines.append("No event matches the filters.")
    lines += [
        "Each date is read from the words of the event's first source and resolved "
        "against that article's publication date; “≈” marks an approximate date.",
        "",
    ]
    year: int | None = None
    for i in positions:
        event = timeline.events[i]
        if event.start.year != year:
            year = event.start.year
            lines += [f"## {year}", ""]
        lines += event_markdown(timeline, event)
    return "\n".join(lines).rstrip("\n") + "\n"
