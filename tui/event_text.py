"""An event described in words: what the event pane shows and `timeline show` prints.

Each part is a piece of plain text with the *role* it plays ("title", "label",
"date", "inferred", "heading", "current", "quote", or "" for none); the event
pane styles the roles from its theme, the command line prints the words. Built
from the data's strings with their control characters made visible, never as
markup. Plain Python: no Textual, no Rich.
"""

from __future__ import annotations

from tui.dates import format_span, likely_words, relation_meaning
from tui.dates.doneguard import source_doubt
from tui.dates.explain import format_day
from tui.model import Event, Timeline
from tui.present import published_compact
from tui.quoting import quoted
from tui.safetext import clipped, visible
from tui.span import PLACED_AT_END

FIELD_LIMIT = 2_000  # characters of one field shown: more than a pane holds
QUOTE_INDENT = 5  # a source's quote sits under its outlet, wrapped lines included

Piece = tuple[str, str]
"""Some words and their role: "title", "label" (a field's name, quieter words),
"date", "inferred" (a publication date the article does not state), "heading"
("Sources (n):"), "current" (the marked source), "quote", or "" (none)."""


def article_conventional(timeline: Timeline, event: Event) -> bool:
    """True when the event's article has no likeliest publication day, only a convention."""
    article = timeline.article_by_id.get(event.sources[0].article_id)
    return article is not None and article.published_likely_basis == "convention"


def plain(pieces: list[Piece]) -> str:
    """The words of `pieces`, their roles dropped."""
    return "".join(text for text, _role in pieces)


def describe_event(timeline: Timeline, event: Event, source_index: int = 0) -> str:
    """The detail text for `event`, as the pane shows it, in plain words."""
    head, sources = describe_parts(timeline, event, source_index)
    out = [plain(head)]
    for line, quote in sources:
        indent = "\n" + " " * QUOTE_INDENT
        out += ["\n", plain(line), indent, plain(quote).replace("\n", indent)]
    return "".join(out)


def describe_parts(
    timeline: Timeline, event: Event, source_index: int = 0
) -> tuple[list[Piece], list[tuple[list[Piece], list[Piece]]]]:
    """The event's description up to "Sources (n):", then each source's line and quote."""
    out: list[Piece] = []

    def field(name: str, value: str | list[Piece], role: str = "") -> None:
        out.append((f"{name}: ", "label"))
        if isinstance(value, list):
            out.extend(value)
        else:
            out.append((visible(clipped(value, FIELD_LIMIT)), role))
        out.append(("\n", ""))

    out.append((visible(clipped(event.title, FIELD_LIMIT)) + "\n", "title"))
    span = event.span
    details = [span.precision]
    if span.approximate:
        details.append("approximate")
    details.append(f"TIMEX {span.timex}")
    when = [
        (format_span(span), "date"),
        ("  (" + ", ".join(visible(d) for d in details) + ")", "label"),
    ]
    field("Date", when)
    primary = event.sources[0]
    article = timeline.article_by_id.get(primary.article_id)
    written = timeline.last_written(event)  # a later report settles what one expected
    expected = timeline.is_expected(event)
    if span.relation != "on" or expected:
        # A date after the article is what it expects, whatever the relation.
        field("Means", relation_meaning(span, written, expected=expected))
    # Measured against the primary source's own article: a later report does not
    # make its words read as done any less.
    doubt = source_doubt(primary, None if article is None else article.latest)
    if doubt is not None:
        field("Check", doubt[0].upper() + doubt[1:])
    likely = likely_words(span)
    if likely is not None and span.relation in PLACED_AT_END and span.likely_end is not None:
        # Only the end carries a "by" or "until" claim: the most likely end, if earlier.
        likely = None if span.likely_end == span.end else format_day(span.likely_end)
    if likely is not None:
        said = "" if span.relation == "on" else f"{span.relation} "
        if article_conventional(timeline, event):
            field("Shown first", f"{said}{likely}, against the day of the window shown first")
        else:
            field("Most likely", f"{said}{likely}, if published on its most likely day")
    if primary.date_basis == "publication":  # a verb form, which names no time itself
        field("Dated by", f"the verb form “{primary.date_text}” and the publication date")
    else:
        field("Date words", f"“{primary.date_text}”")
    if primary.relative_to is not None:
        target = timeline.event_by_id.get(primary.relative_to)
        title = f" ({target.title})" if target is not None else ""
        field("Refers to", f"{primary.relative_to}{title}")
    if span.explanation:
        field("Resolved", span.explanation)
    if article is not None:
        anchor = article.published.isoformat()
        if article.published_window:
            anchor = f"{article.earliest.isoformat()} to {article.latest.isoformat()}, " + (
                f"shown first {article.published.isoformat()}, a convention"
                if article.published_likely_basis == "convention"
                else f"most likely {article.published.isoformat()}"
            )
        inferred = article.published_inferred
        basis = (" (inferred)", "inferred") if inferred else (" (stated)", "label")
        field("Anchor", [(anchor, ""), basis])
        if article.published_note:
            field("Anchor note", article.published_note)
    field("Actors", ", ".join(timeline.actor_names(event.actors)))
    field("Kind", event.kind)
    if event.summary:
        out.append(("\n" + visible(clipped(event.summary, FIELD_LIMIT)) + "\n", ""))
    count = len(event.sources)
    out.append((f"\nSources ({count}):", "heading"))
    sources: list[tuple[list[Piece], list[Piece]]] = []
    for i, source in enumerate(event.sources):
        src_article = timeline.article_by_id.get(source.article_id)
        name = src_article.outlet if src_article else source.article_id
        line = [
            ("▶ " if i == source_index else "  ", "current"),
            (f"{i + 1}. {visible(name)}", "current" if i == source_index else ""),
        ]
        # Under the outlet, its publication date, and the event's date said to be the
        # source's reading: "Outlet — 2022" read as a citation, 2022 as when it was written.
        published = f"published {published_compact(src_article)}, " if src_article else ""
        dated = f"{published}dates it {visible(format_span(source.span))}"
        # On one line, its line breaks and paragraph gaps one space each (the article
        # view shows them as they are); marked as quoted unless it has marks of its own.
        quote = visible(" ".join(clipped(source.quote, FIELD_LIMIT).split()))
        sources.append((line, [(dated, "label"), ("\n", ""), (quoted(quote), "quote")]))
    return out, sources
