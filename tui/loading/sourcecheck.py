"""One source checked: its quote found in its article, its date words resolved.

Apart from `tui.loading.events` so that the date grammar (its modules, and its
patterns compiled on first use) is imported only when a load has a source to
check. After an edit that leaves every source as it was (an event's title
changed), the sources are taken as the last load checked them
(`tui.loading.reuse`), and nothing is resolved.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress, repeat
from operator import is_not
from typing import Any, cast

from tui.dates import (
    Anchor,
    ResolveError,
    Span,
    check_stated,
    date_by_publication,
    date_from_words,
    from_date_words,
    publication_relation,
)
from tui.dates.explain import NO_TENSE_SAID
from tui.dates.inquote import place_in_quote, relation_in_quote
from tui.loading.clause import tense_from_clause
from tui.loading.collect import At, SourceRecord
from tui.loading.quotes import FoldedText, fold_space
from tui.model import Article, Source, sources_as_columns, sources_from_columns
from tui.references import PENDING_SPAN


@lru_cache(maxsize=4096)
def article_anchor(article: Article) -> Anchor:
    """What the article's date words are resolved against: its day or window.

    Memoised: asked once per source.
    """
    conventional = article.published_likely_basis == "convention"
    return Anchor(article.published, article.earliest, article.latest, conventional)


def pack_sources(results: list[Source | None]) -> tuple[bytes, tuple[list[Any], list[Any]]]:
    """The sources a forked copy checked, as columns (`tui.loading.parallel`): which
    jobs gave one, and those sources."""
    present = bytes(map(is_not, results, repeat(None)))
    sources = cast(list[Source], list(compress(results, present)))
    return present, sources_as_columns(sources)


def unpack_sources(packed: tuple[bytes, tuple[list[Any], list[Any]]]) -> list[Source | None]:
    """The results `pack_sources` packed, a source or None per job."""
    present, (source_columns, span_columns) = packed
    made = iter(sources_from_columns(source_columns, span_columns))
    return [next(made) if here else None for here in present]


def _words_of_time_in(quote: str, article: Article) -> str:
    """"; the quote's words of time: “Thursday”, “last month”", as the tagger finds
    them, or "; the quote holds no words of time the tagger finds"."""
    from tui.dates.tagger import tag_text  # only when a source is wrong: the tagger

    words = list(dict.fromkeys(t.text for t in tag_text(quote, article.published)))
    if not words:
        return "; the quote holds no words of time the tagger finds"
    return "; the quote's words of time: " + ", ".join(f"“{w}”" for w in words[:5])


def load_source(
    record: SourceRecord, articles: dict[str, Article], folded: dict[str, FoldedText]
) -> Source | None:
    """One source, its quote found and its date resolved (a reference left pending)."""
    values, at = record.values, record.at
    article_id: str = values["article"]
    quote: str = values["quote"]
    date_text: str = values["date_text"]
    article = articles[article_id]
    folded_quote = fold_space(quote)
    found = folded[article_id].find_folded(folded_quote)
    if found is None:
        passage = folded[article_id].closest_passage(quote)
        # A journalist shortens a quote with an ellipsis; here it cannot skip words.
        skipped = next((mark for mark in ("…", "...") if mark in quote), None)
        at.add(
            "quote",
            f"quote not found in article '{article_id}' ({article.file})",
            f"quotes must be the article's exact words; closest passage: {passage}"
            + (
                f'; "{skipped}" cannot leave words out: quote the whole passage, or each '
                "part as a source of its own"
                if skipped is not None and skipped not in article.text
                else ""
            ),
        )
        return None
    placed = place_in_quote(date_text, folded_quote)
    if placed is None:
        # As words of their own: "August" inside "Augusta" would date the quote by a
        # month it does not name.
        inside = fold_space(date_text).casefold() in folded_quote.casefold()
        at.add(
            "date_text",
            f'date words "{date_text}" are not in the quote'
            + (" as words of their own" if inside else ""),
            "date_text must be the words of the quote that give the time"
            + _words_of_time_in(article.text[found[0] : found[1]], article),
        )
        return None
    written = placed[0][placed[1] : placed[2]]
    if written != fold_space(date_text) and fold_space(date_text) not in folded_quote:
        # Shown as the article's words ("Date words: …"), they must be its letters.
        at.add(
            "date_text",
            f'date words "{date_text}" are in the quote as "{written}"',
            f'date_text must be the quote\'s words as written: "{written}"',
        )
        return None
    exact = article.text[found[0] : found[1]]  # the article's bytes, not the data's spacing
    span = _date_of(values, exact, article, at)
    if span is None:
        return None
    if NO_TENSE_SAID in span.explanation and values["relative_to"] is None:
        span = tense_from_clause(
            span, values, exact, found, article_anchor(article), folded[article_id]
        )
    return Source(
        article_id=article_id,
        quote=exact,
        date_text=date_text,
        span=span,
        quote_start=found[0],
        quote_end=found[1],
        relative_to=values["relative_to"],
        date_basis=values["date_basis"],
    )


def _date_of(values: dict[str, Any], quote: str, article: Article, at: At) -> Span | None:
    """The source's span (PENDING_SPAN for a reference); None after reporting a problem."""
    date_text: str = values["date_text"]
    basis, stated = values["date_basis"], values["relation"]
    try:
        if stated is not None:
            derived = (
                publication_relation(date_text)
                if basis == "publication"
                else from_date_words(date_text)
            )
            if derived.cue == "default" and basis != "publication":
                # "last autumn" in "since last autumn": the quote's "since" is the words'.
                around = place_in_quote(date_text, quote)
                derived = (relation_in_quote(around) if around else None) or derived
            refused = check_stated(stated, derived)
            if refused is not None:
                at.add(
                    "relation",
                    refused,
                    "leave 'relation' out to take the words' own, or quote the words that say it",
                )
                return None
        if values["relative_to"] is not None:
            return PENDING_SPAN  # resolved once every event is known
        if basis == "publication":
            return date_by_publication(date_text, article_anchor(article), stated)
        return date_from_words(date_text, quote, article_anchor(article), stated)
    except ResolveError as exc:
        at.add(
            "date_text",
            f'cannot resolve date words "{date_text}": {exc}',
            exc.hint
            or 'use the article\'s own words for the time, e.g. "on Saturday", "June 17", '
            '"earlier this month"; for a report in the present tense add '
            "'date_basis: publication'; for words such as \"the same day\" add "
            "'relative_to: <event id>'",
        )
        return None
