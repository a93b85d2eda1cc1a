"""The Markdown export: a readable chronology for a report.

Layout: a `#` title and a short note on how dates were found, then one `## YYYY`
heading per year (the year an event starts in), and under it one
`### date — title` heading per event, the date written as precisely as the
sources allow ("13 April 2024", "September 2023", "1950–1953") and marked "≈ "
when approximate. Each event lists its actors and kind, its summary, and every
source quote as a block quote followed by the citation: article title, outlet
and publication date, with "(publication date inferred)" when the date is
inferred rather than stated (a window cited as the window: `tui.present.published_words`).

Text from the data is escaped (CommonMark backslash escapes) so that a title or
a quote cannot open a heading, list, link, emphasis or HTML tag, and runs of
white space (line breaks included) are folded to one space so nothing can break
out of its heading or block quote.

A filtered export names its filter in the title heading.

The helpers it shares with the other human-facing exports are in
`tui.export.common`; date words in `tui.dates`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.export.common import actor_names, export_title, one_line, when_words
from tui.model import Event, Source, Timeline
from tui.present import published_words
from tui.quoting import quoted
from tui.words import counted

# Characters that are significant anywhere in a line of CommonMark text.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!])")
# Characters that are significant only at the start of a line (lists, rules,
# setext underlines, block quotes) and an ordered-list marker such as "1." or "1)".
_LINE_START = re.compile(r"^([-+=>])|^(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """`text` on one line, with Markdown-significant characters backslash-escaped."""
    escaped = _INLINE.sub(r"\\\1", one_line(text))
    return _LINE_START.sub(
        lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped
    )


def _source_lines(timeline: Timeline, source: Source) -> list[str]:
    article = timeline.article_by_id.get(source.article_id)
    lines = [f"> {quoted(escape_markdown(source.quote))}", ">"]
    if article is None:  # not possible for loaded data; keep the quote anyway
        cite = f"article {escape_markdown(source.article_id)}"
    else:
        cite = (
            f"*{escape_markdown(article.shown_title)}*, {escape_markdown(article.outlet)}, "
            f"{escape_markdown(published_words(article))}"
        )
    lines.append(f"> — {cite}; date words: “{escape_markdown(source.date_text)}”")
    return lines


def event_markdown(timeline: Timeline, event: Event) -> list[str]:
    """The lines of one event: heading, actors and kind, summary, quoted sources."""
    when = when_words(timeline, event)
    lines = [f"### {escape_markdown(when)} — {escape_markdown(event.title)}", ""]
    names = ", ".join(escape_markdown(n) for n in actor_names(timeline, event))
    lines.append(f"**Actors:** {names}\\")
    lines.append(f"**Kind:** {escape_markdown(event.kind)}")
    lines.append("")
    if event.summary.strip():
        lines += [escape_markdown(event.summary), ""]
    for source in event.sources:
        lines += [*_source_lines(timeline, source), ""]
    return lines


def export_markdown(
    timeline: Timeline,
    positions: Sequence[int],
    *,
    filter_words: str = "",
    subject: str | None = None,
) -> str:
    """The Markdown chronology of the events at `positions` (already in date order).

    `filter_words` names the filter that chose them and `subject` is the timeline's
    own title (both go into the title).
    """
    heading = export_title(subject)
    title = f"{heading} — filtered: {filter_words}" if filter_words else heading
    lines = [f"# {escape_markdown(title)}", ""]
    count = len(positions)
    if count:
        first = timeline.events[positions[0]].start.year
        last = max(timeline.events[i].end.year for i in positions)
        reach = str(first) if first == last else f"{first}–{last}"
        lines.append(f"{counted(count, 'event')}, {reach}.")
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
