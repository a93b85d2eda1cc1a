"""The loader's fast paths give what the plain way gives (Hypothesis where inputs are open).

Each fast path is compared with a straightforward version written here, on
generated input: a divergence is a wrong offset, date or message in the product.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
from datetime import date, timedelta
from typing import Any
from unittest.mock import patch

from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from tui import yamlread
from tui.dates.anchoring import Anchor
from tui.dates.explain import _DAYS_SHOWN, _fmt_day
from tui.dates.grammar import LazyPattern
from tui.dates.periods import _add_months
from tui.dates.resolution import clear_memos
from tui.dates.rules_calendar import _weekdays_near
from tui.loading.collect import At, Problems
from tui.loading.quotes import FoldedText, fold_space
from tui.loading.schema import (
    ACTOR,
    ARTICLE,
    EVENT,
    SOURCE,
    Field,
    check_shape,
    parse_day,
    read_text,
    read_texts,
    read_values,
    type_name,
)
from tui.yamlread import _LONG_NUMBER, LineDict, LineList, has_long_number, line_of

# Words and white space of every kind, including runs, tabs, line breaks and the
# Unicode spaces str.split folds (no-break space, ideographic space, separators).
_SPACE = st.sampled_from(
    [" ", "  ", "\n", "\t", "\r\n", " \n  ", "\u00a0", "\u3000", "\u2028", "\x1c"]
)
_WORD = st.text(
    st.characters(blacklist_categories=("Zs", "Zl", "Zp", "Cc")), min_size=1, max_size=6
)
_ASCII_WORD = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=6)
_ASCII_SPACE = st.text(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"), min_size=1, max_size=3)
_TEXTS = st.one_of(  # ASCII texts take a faster way than the others
    st.lists(st.one_of(_WORD, _SPACE), max_size=40).map("".join),
    st.lists(st.one_of(_ASCII_WORD, _ASCII_SPACE), max_size=40).map("".join),
)


def _word_map(text: str) -> list[tuple[int, int]]:
    """(folded offset, original offset) of every word's first character, the plain way."""
    pairs: list[tuple[int, int]] = []
    folded = 0
    for match in re.finditer(r"\S+", text):
        pairs.append((folded, match.start()))
        folded += len(match.group()) + 1
    return pairs


@given(text=_TEXTS)
def test_folded_offsets_are_those_of_the_word_by_word_map(text: str) -> None:
    folded = FoldedText(text)
    assert folded.text == fold_space(text)
    for folded_at, original_at in _word_map(text):
        word_end = folded.text.find(" ", folded_at)
        word_end = len(folded.text) if word_end < 0 else word_end
        for offset in range(folded_at, word_end):  # every character of the word
            assert folded._original_offset(offset) == original_at + offset - folded_at


@given(text=_TEXTS, data=st.data())
def test_a_found_quote_spans_its_words_in_the_original(text: str, data: st.DataObject) -> None:
    words = text.split()
    if not words:
        return
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, len(words) - 1))
    quote = " ".join(words[first : last + 1])
    found = FoldedText(text).find(quote)
    assert found is not None
    start, end = found
    assert fold_space(text[start:end]) == quote
    assert not text[start].isspace() and not text[end - 1].isspace()


@given(day=st.dates(), months=st.integers(-130_000, 130_000))
def test_stepping_months_is_what_relativedelta_gives(day: date, months: int) -> None:
    try:
        expected: date | type[Exception] = day + relativedelta(months=months)
    except (ValueError, OverflowError):
        expected = ValueError
    try:
        got: date | type[Exception] = _add_months(day, months)
    except (ValueError, OverflowError):
        got = ValueError
    assert got == expected


@given(day=st.dates())
def test_a_day_is_named_alike_the_first_time_and_from_the_memo(day: date) -> None:
    weekday = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()]
    month = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()[day.month - 1]
    plain = f"{weekday} {day.day} {month} {day.year}"
    assert _fmt_day(day) == plain
    assert _fmt_day(day) == plain


def _check_shape_plainly(entry: Any, fields: tuple[Field, ...], at: At) -> bool:
    """`check_shape` as it was before its fast paths."""
    if not isinstance(entry, dict):
        at.add(
            None,
            f"{at.what} must be a mapping of fields, not {type_name(entry)}",
            "write it as 'key: value' lines",
        )
        return False
    names = [f.name for f in fields]
    ok = True
    for key, dup_line in getattr(entry, "duplicate_keys", ()):
        at.add_at(dup_line, f"field '{key}' is given twice in this {at.what}", "keep one of them")
        ok = False
    misspelt = set()
    for key in entry:
        if key not in names:
            close = difflib.get_close_matches(str(key), names, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(names)}"
            if close and any(f.required and f.name == close[0] for f in fields) and (
                entry.get(close[0]) is None
            ):
                misspelt.add(close[0])
                hint = f"did you mean '{close[0]}'? (a required field)"
            # Reported, but the entry is still checked: one pass finds every problem.
            at.add(key, f"unknown field '{key}' in {at.what}", hint)
    for f in fields:
        if f.required and (f.name not in entry or entry[f.name] is None):
            if f.name not in misspelt:
                at.add(None, f"{at.what} is missing required field '{f.name}'",
                       f"add '{f.name}: ...'")
            ok = False
    return ok


def _read_texts_plainly(
    entry: dict[str, Any], key: str, at: At
) -> list[tuple[str, int | None]] | None:
    """`read_texts` as it was before its fast path."""
    value = entry.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [(value, line_of(entry, key))]
    if not isinstance(value, list):
        at.add(
            key,
            f"'{key}' of {at.what} must be a list, not {type_name(value)}",
            f"write '{key}: [a, b]'",
        )
        return None
    items = []
    for i, item in enumerate(value):
        if not isinstance(item, str):
            at.add_at(
                line_of(value, i),
                f"'{key}' of {at.what} must hold text, not {type_name(item)}",
                "put the value in quotes",
            )
        else:
            items.append((item, line_of(value, i)))
    return items


def _read_values_plainly(
    entry: dict[str, Any], fields: tuple[Field, ...], at: At
) -> dict[str, Any] | None:
    """`read_values` as it was before its fast path: every text field through `read_text`."""
    values: dict[str, Any] = {}
    ok = True
    for f in fields:
        if f.kind == "id":
            continue
        raw = entry.get(f.name)
        if f.kind == "any":
            values[f.name] = raw
            continue
        if f.kind == "texts":
            values[f.name] = _read_texts_plainly(entry, f.name, at)
            ok = ok and values[f.name] is not None
            continue
        if f.kind == "date":
            day = parse_day(raw) if raw is not None else None
            if raw is not None and day is None:
                at.add(
                    f.name,
                    f"'{f.name}' of {at.what} is not a date: {raw!r}",
                    'write it as YYYY-MM-DD, e.g. "2024-04-11"',
                )
                ok = False
            values[f.name] = day
            continue
        text = read_text(entry, f.name, at, required=f.required)
        if raw is not None and text is None:
            ok = False
        if text is not None and f.kind == "choice" and text not in f.choices:
            allowed = (
                f"'{f.choices[0]}'" if len(f.choices) == 1 else f"one of {', '.join(f.choices)}"
            )
            at.add(f.name, f"'{f.name}' must be {allowed}, not '{text}'", f.hint)
            ok = False
        values[f.name] = text
    return values if ok else None


_VALUES = st.one_of(
    st.none(),
    st.text(max_size=5),
    st.sampled_from(["", " ", "\n", "\u3000", " x ", "publication", "headline", "2024-04-11"]),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.lists(st.text(max_size=3), max_size=2),
)


@settings(max_examples=300)  # cheap, and the fields that matter are few among many draws
@given(data=st.data(), fields=st.sampled_from([EVENT, SOURCE, ARTICLE, ACTOR]))
def test_reading_values_fast_gives_the_values_and_problems_of_reading_them_one_by_one(
    data: st.DataObject, fields: tuple[Field, ...]
) -> None:
    entry = {f.name: data.draw(_VALUES) for f in fields if data.draw(st.booleans())}
    fast, plain = Problems(), Problems()
    got = read_values(entry, fields, fast.at("events.yaml", entry, "event"))
    expected = _read_values_plainly(entry, fields, plain.at("events.yaml", entry, "event"))
    assert got == expected
    assert fast.items == plain.items


@given(anchor=st.dates(), weekday=st.integers(0, 6))
def test_the_weekdays_near_a_day_are_those_of_a_walk_over_the_fortnight(
    anchor: date, weekday: int
) -> None:
    try:
        expected: list[date] | type[Exception] = [
            anchor + timedelta(days=k)
            for k in range(-7, 8)
            if (anchor + timedelta(days=k)).weekday() == weekday
        ]
    except OverflowError:
        expected = OverflowError
    try:
        got: list[date] | type[Exception] = _weekdays_near(anchor, weekday)
    except OverflowError:
        got = OverflowError
    assert got == expected


@given(
    likely=st.dates(date(1900, 1, 1), date(2100, 1, 1)),
    before=st.integers(0, 100),
    after=st.integers(0, 100),
)
def test_a_window_s_days_run_from_its_first_to_its_last(
    likely: date, before: int, after: int
) -> None:
    anchor = Anchor(likely, likely - timedelta(days=before), likely + timedelta(days=after))
    days = anchor.days()  # the window's ends are all `_resolve_window` asks of them first
    assert (days[0], days[-1]) == (anchor.earliest, anchor.latest)


@given(
    pattern=st.sampled_from([r"(\d{4})-(\d{2})", r"last\s+(\w+)", r"a|ab", r"\bmay\b"]),
    text=st.sampled_from(["2024-04", "last week", "ab", "a", "in may", "x 2024-04 y", ""]),
)
def test_a_lazy_pattern_matches_as_the_compiled_one_before_and_after_its_first_use(
    pattern: str, text: str
) -> None:
    def found(match: re.Match[str] | None) -> tuple[int, int, tuple[str | Any, ...]] | None:
        return None if match is None else (match.start(), match.end(), match.groups())

    for first in ("fullmatch", "match", "search"):
        lazy = LazyPattern(pattern)
        compiled = re.compile(pattern)
        for method in (first, "fullmatch", "match", "search"):
            assert found(getattr(lazy, method)(text)) == found(getattr(compiled, method)(text))


def test_importing_the_rules_compiles_none_of_their_patterns() -> None:
    script = (
        "import tui.dates, tui.dates.rules_relative as r, tui.dates.rules_calendar as c\n"
        "import tui.dates.rules_anniversary as a\n"
        "from tui.dates.grammar import LazyPattern\n"
        "lazy = [v for m in (r, c, a) for v in vars(m).values() if isinstance(v, LazyPattern)]\n"
        "compiled = []\n"
        "for pattern in lazy:\n"
        "    try:\n"
        "        LazyPattern.fullmatch.__get__(pattern)\n"  # an empty slot raises
        "        compiled.append(pattern)\n"
        "    except AttributeError:\n"
        "        pass\n"
        "print(len(lazy), len(compiled))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(out[0]) > 20
    assert out[1] == "0"


_KEYS = st.sampled_from(["id", "title", "summary", "kind", "actors", "sources", "titel", "quote"])


@settings(max_examples=300)  # cheap, and the fields that matter are few among many draws
@given(data=st.data(), fields=st.sampled_from([EVENT, SOURCE, ARTICLE, ACTOR]), lines=st.booleans())
def test_checking_shapes_fast_finds_the_problems_of_the_plain_check(
    data: st.DataObject, fields: tuple[Field, ...], lines: bool
) -> None:
    raw = data.draw(st.dictionaries(_KEYS, _VALUES, max_size=8))
    entry: dict[str, Any] = raw
    if lines:  # as the located parser reads it: lines, and keys given twice
        entry = LineDict(raw)
        entry.line = 3
        entry.key_lines = {key: 4 + n for n, key in enumerate(raw)}
        entry.duplicate_keys = [(key, 20) for key in data.draw(st.lists(_KEYS, max_size=2))]
        for key, value in entry.items():
            if isinstance(value, list):
                entry[key] = LineList(value)
                entry[key].line = 7
                entry[key].item_lines = [8 + n for n in range(len(value))]
    fast, plain = Problems(), Problems()
    assert check_shape(entry, fields, fast.at("events.yaml", entry, "event")) == (
        _check_shape_plainly(entry, fields, plain.at("events.yaml", entry, "event"))
    )
    assert fast.items == plain.items
    for key in ("actors", "aliases"):
        fast_at, plain_at = fast.at("a.yaml", entry, "actor"), plain.at("a.yaml", entry, "actor")
        assert read_texts(entry, key, fast_at) == _read_texts_plainly(entry, key, plain_at)
        assert fast.items == plain.items


_PIECES = st.one_of(
    st.integers(3990, 4010).map(lambda n: "7" * n),  # runs about the limit
    st.text(st.characters(codec="utf-8"), max_size=5),
    st.sampled_from(["٣٣٣", "０", "\ud800", "é", "1", " ", "-"]),  # other digits, a surrogate
)


@settings(max_examples=200)
@given(
    pieces=st.lists(_PIECES, max_size=6),
    piece=st.sampled_from([1, 7, 3999, 4001, 9000, yamlread._PIECE]),
)
def test_a_long_number_is_found_as_the_regular_expression_finds_it(
    pieces: list[str], piece: int
) -> None:
    text = "".join(pieces)
    with patch.object(yamlread, "_PIECE", piece):  # small pieces: runs across their ends
        assert has_long_number(text) == bool(_LONG_NUMBER.search(text))


def test_forgetting_the_memos_forgets_the_days_names_too() -> None:
    _fmt_day(date(2024, 4, 15))
    assert _DAYS_SHOWN
    clear_memos()  # an in-process cold measure starts from nothing
    assert not _DAYS_SHOWN
