"""Rules for anniversaries and "N years of": the year counted back to from the
year the anniversary is marked in, taken to be the publication year.

"the third anniversary", "75 years of diplomatic relations", "marking 75 years";
"the 60th anniversary of the treaty on July 11" gives that day. An anniversary
still to come, or in a sentence that names another year, gives no year of its
own (the rules say why).
"""

from __future__ import annotations

from tui.dates.explain import _anchor_text, _ordinal_suffix
from tui.dates.grammar import LazyPattern, _Context, _Result
from tui.dates.lexicon import (
    _MONTH_RE,
    _NUMBER_RE,
    _ORD_SUFFIX,
    _ORDINAL_RE,
    _month_number,
    _parse_number,
    _parse_ordinal,
)
from tui.dates.periods import _day, _make_date, _year
from tui.span import ResolveError

_YEARS_OF_RE = LazyPattern(
    r"(?:(?:to\s+)?(?:mark|marks|marked|marking|celebrate|celebrates|celebrated|celebrating|"
    r"commemorate|commemorates|commemorated|commemorating)\s+)?(?:the\s+)?"
    + _NUMBER_RE
    + r"\s+years?(?:\s+(?:of|since)\b.*)?"
)
_ANNIVERSARY_RE = LazyPattern(r"(?:the\s+)?" + _ORDINAL_RE + r"\s+anniversary\b(.*)")
_MONTH_DAY_RE = LazyPattern(
    r"\b"
    + _MONTH_RE
    + r"\s+(\d{1,2})"
    + _ORD_SUFFIX
    + r"\b|\b(\d{1,2})"
    + _ORD_SUFFIX
    + r"\s+(?:of\s+)?"
    + _MONTH_RE
)
_OF_SINCE_RE = LazyPattern(r"\s(?:of|since)\b")
_MARKING_RE = LazyPattern(r"(?:to\s+)?(?:mark|celebrat|commemorat)")


def _refuse_in_the_future(text: str, ctx: _Context) -> None:
    """An anniversary (or "N years of") counts back from the year it is marked in,
    taken to be the publication year: one still to come ("will mark the 65th
    anniversary in 2026") gives no year of its own."""
    if ctx.tense == "future":
        raise ResolveError(
            f"'{text}' is to come ({ctx.tense_text}): it may be marked after the "
            "publication year, so its number does not give the year it counts from; "
            "date the source by the words that say when it falls (e.g. 'in 2026')"
        )


# A year: four digits, not part of a longer number ("12,019", "2,000 troops").
_YEAR_IN_SENTENCE = LazyPattern(r"(?<!\d)(?<!\d,)(1\d{3}|2\d{3})(?!\d|,\d{3})")


def _refuse_another_year(text: str, ctx: _Context, counted: int) -> None:
    """A sentence that names a year other than the one counted back to and the
    publication year ("marked the 70th anniversary in 2019") may date the marking
    itself: the count from the publication year would then be wrong."""
    sentence = ctx.sentence if ctx.has_sentence else None
    if not sentence:
        return
    for match in _YEAR_IN_SENTENCE.finditer(sentence):
        year = int(match.group(1))
        if year not in (counted, ctx.anchor.year):
            raise ResolveError(
                f"'{text}' counts back from the publication year ({ctx.anchor.year}), but "
                f"the sentence names {year}, which may be the year it was marked in; date "
                "the source by the words that name that year"
            )


def _rule_years_of(text: str, ctx: _Context) -> _Result | None:
    """'75 years of diplomatic relations', 'marking 75 years', 'the third anniversary'."""
    a = ctx.anchor
    m = _YEARS_OF_RE.fullmatch(text)
    if m and (
        _OF_SINCE_RE.search(text)
        or _MARKING_RE.match(text)
    ):
        _refuse_in_the_future(text, ctx)
        n, vague = _parse_number(m.group(1))
        _refuse_another_year(text, ctx, a.year - n)
        return _Result(_year(a.year - n), f"{n} years before the year of {_anchor_text(a)}", vague)
    m = _ANNIVERSARY_RE.fullmatch(text)
    if not m:
        if "anniversary" in text:
            raise ResolveError(
                f"{text!r}: an anniversary needs its number to give a year "
                "(e.g. 'the third anniversary')"
            )
        return None
    _refuse_in_the_future(text, ctx)
    n = _parse_ordinal(m.group(1))
    year = a.year - n
    _refuse_another_year(text, ctx, year)
    rest = m.group(2)
    md = _MONTH_DAY_RE.search(rest)
    if md:
        month = _month_number(md.group(1) or md.group(4))
        day = int(md.group(2) or md.group(3))
        d = _make_date(year, month, day)
        return _Result(
            _day(d),
            f"{_ordinal_suffix(n)} anniversary: {n} years before {a.year} "
            f"({_anchor_text(a)}), on the day named",
        )
    return _Result(
        _year(year),
        f"{_ordinal_suffix(n)} anniversary: {n} years before the year of {_anchor_text(a)}",
    )
