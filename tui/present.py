"""Presentation helpers every view shares, with no UI library: publication dates as
views show them, the order actors are listed in, and the quotes used from an article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tui.dates import day_words
from tui.filters import TimelineIndex
from tui.model import Actor, Article
from tui.safetext import visible

KIND_ORDER = ("country", "person")


def published_label(article: Article) -> str:
    """The publication date as views show it.

    '2021-06-24' when stated; '2024-04-10–04-12 (inferred, most likely 2024-04-11)'
    for a window; '2024-04-11 (inferred)' for an inferred single day.
    """
    day = article.published.isoformat()
    if article.published_window:
        likely = "shown first" if article.published_likely_basis == "convention" else "most likely"
        return f"{published_compact(article)} (inferred, {likely} {day})"
    return f"{day} (inferred)" if article.published_inferred else day


def published_compact(article: Article) -> str:
    """The publication date in a few columns: '2021-06-24' when stated, the window
    '2024-04-10–04-12' when inferred over several days, '≈ 2024-04-11' for an
    inferred single day."""
    if article.published_window:
        first, last = article.earliest, article.latest
        end = f"{last:%m-%d}" if first.year == last.year else last.isoformat()
        return f"{first.isoformat()}–{end}"
    day = article.published.isoformat()
    return f"≈ {day}" if article.published_inferred else day


def published_words(article: Article) -> str:
    """The publication date as words for a citation, with "(publication date inferred)"
    when inferred.

    A window is cited as the window ("between 10 and 12 April 2024"), with its most
    likely day only when evidence makes that day likelier: a day shown first by
    convention (the window's first) is no publication date, and a citation that
    named it would claim one.
    """
    if article.published_window:
        words = f"between {days_words(article.earliest, article.latest)}"
        if article.published_likely_basis != "convention":
            words += f", most likely {day_words(article.published)}"
        return f"{words} (publication date inferred)"
    words = day_words(article.published)
    return f"{words} (publication date inferred)" if article.published_inferred else words


def days_words(first: date, last: date) -> str:
    """Two days as a range in words: "10 and 12 April 2024" (after "between"), "29 August
    and 3 September 2025", "30 December 2024 and 2 January 2025"."""
    if first.year != last.year:
        return f"{day_words(first)} and {day_words(last)}"
    if first.month != last.month:
        return f"{day_words(first).rsplit(' ', 1)[0]} and {day_words(last)}"
    return f"{first.day} and {day_words(last)}"


def actor_sort_key(actor: Actor) -> tuple[int, str, str]:
    """Countries first, then people, then the other kinds; by name within a kind."""
    rank = KIND_ORDER.index(actor.kind) if actor.kind in KIND_ORDER else len(KIND_ORDER)
    return (rank, actor.kind, actor.name.casefold())


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """One quote used from an article: its offsets and the event/source citing it."""

    start: int
    end: int
    event_id: str
    source_index: int


def article_quotes(index: TimelineIndex, article_id: str) -> tuple[QuoteRef, ...]:
    """Every quote the events use from `article_id`, in text order.

    Reads only the events that cite the article (the index's posting list), so it
    costs nothing at start-up however long the timeline is.
    """
    events = index.timeline.events
    refs = [
        QuoteRef(source.quote_start, source.quote_end, events[i].id, n)
        for i in index.by_article.get(article_id, ())
        for n, source in enumerate(events[i].sources)
        if source.article_id == article_id
    ]
    return tuple(sorted(refs, key=lambda r: (r.start, r.end, r.event_id)))


def source_title(article: Article | None, source_index: int, count: int) -> str:
    """The source pane's title: (1/2 ·) publication date · outlet · headline.

    The date comes first: a narrow pane cuts the names, not the date a reader checks.
    """
    if article is None:
        return "Source"
    which = f"{source_index + 1}/{count} · " if count > 1 else ""
    return which + article_title(article)


def article_title(article: Article) -> str:
    """An article as pane titles name it: publication date · outlet · headline."""
    return visible(f"{published_label(article)} · {article.outlet} · {article.shown_title}")
