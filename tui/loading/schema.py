"""The shape of every record: one table of fields per kind, checked the same way.

A `Field` names a key, whether it is required, what kind of value it holds
(text, a list of texts, a day, one of some choices, or anything for a nested
list) and the hint for a wrong choice. `check_shape` checks a record against its
table (a mapping, no field twice, no unknown field, every required field);
`read_values` converts and checks each value. Messages and their lines are the
contract of `tests/test_load.py`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tui.dates.lexicon import MONTH_NAMES
from tui.loading.collect import At
from tui.loading.nearest import nearest
from tui.yamlread import line_of

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record: its key, whether required, the kind of value, choices."""

    name: str
    required: bool = False
    kind: str = "text"  # text, texts, date, choice, id, any
    choices: tuple[str, ...] = ()
    hint: str = ""  # for a value outside `choices`


ARTICLE = (
    Field("id", True, "id"),
    Field("file", True),
    Field("title", True),
    Field(
        "title_basis",
        kind="choice",
        choices=("headline", "descriptive"),
        hint="'headline' when the article has one, 'descriptive' for a title we wrote",
    ),
    Field("outlet", True),
    Field("author"),
    Field("published", True, "date"),
    Field(
        "published_basis",
        True,
        "choice",
        ("stated", "inferred"),
        "say 'stated' when the article gives its date, 'inferred' otherwise",
    ),
    Field("published_note", True),
    Field("published_earliest", kind="date"),
    Field("published_latest", kind="date"),
    Field(
        "published_likely_basis",
        kind="choice",
        choices=("evidence", "convention"),
        hint="'convention' when nothing in the text makes 'published' likelier than the "
        "other days of the window",
    ),
)
ACTOR = (
    Field("id", True, "id"),
    Field("name", True),
    Field("kind", True),
    Field("aliases", kind="texts"),
    Field("acts_for", kind="texts"),
)
EVENT = (
    Field("id", True, "id"),
    Field("title", True),
    Field("summary"),
    Field("kind", True),
    Field("actors", True, "texts"),
    Field("sources", True, "any"),
)
SOURCE = (
    Field("article", True),
    Field("quote", True),
    Field("date_text", True),
    Field(
        "date_basis",
        kind="choice",
        choices=("publication",),
        hint="use 'publication' only when the present tense alone dates the report; "
        "otherwise leave it out",
    ),
    Field("relation"),
    Field("relative_to"),
)


def type_name(value: Any) -> str:
    """How a value's type is named in messages."""
    for kind, name in (
        (str, "text"),
        (bool, "true/false"),  # before int: a bool is an int
        (int, "a number"),
        (float, "a number"),
        (dict, "a mapping"),
        (list, "a list"),
        (type(None), "empty"),
    ):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def check_shape(
    entry: Any, fields: tuple[Field, ...], at: At, elsewhere: Mapping[str, str] | None = None
) -> bool:
    """A mapping, no field twice, every required field; unknown fields are reported too.

    `elsewhere` gives the hint for a field that belongs somewhere else in the
    record (a source's `quote` written at an event's level), instead of the
    nearest known name, which would mislead ("did you mean 'title'?").
    """
    if not isinstance(entry, dict):
        at.add(
            None,
            f"{at.what} must be a mapping of fields, not {type_name(entry)}",
            "write it as 'key: value' lines",
        )
        return False
    names, known, required = _names(fields)
    ok = True
    # A plain dict (the fast parser's) has no duplicates to report: it kept the last.
    duplicates = () if type(entry) is dict else getattr(entry, "duplicate_keys", ())
    for key, dup_line in duplicates:
        at.add_at(dup_line, f"field '{key}' is given twice in this {at.what}", "keep one of them")
        ok = False
    misspelt: set[str] = set()  # required fields an unknown key is taken for
    for key in entry:
        if key not in known:
            close = difflib.get_close_matches(str(key), names, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(names)}"
            if elsewhere is not None and key in elsewhere:
                hint = elsewhere[key]
            elif close and close[0] in required and entry.get(close[0]) is None:
                misspelt.add(close[0])  # one typo, one message: not "missing" as well
                hint = f"did you mean '{close[0]}'? (a required field)"
            # Reported, but the entry is still checked: one pass finds every problem.
            # A key written as "~:" or "null:" is YAML's null, no name at all.
            if key is not None:
                at.add(key, f"unknown field '{key}' in {at.what}", hint)
            else:  # its own line (`At.line` takes None for the record's)
                line = getattr(entry, "key_lines", {}).get(None, at.line())
                at.add_at(line, f"unknown field with no name (a null key) in {at.what}", hint)
    for name in required:
        if entry.get(name) is None:
            if name not in misspelt:
                at.add(None, f"{at.what} is missing required field '{name}'",
                       f"add '{name}: ...'")
            ok = False
    return ok


_Names = tuple[list[str], frozenset[Any], list[str]]
_NAMES: dict[int, tuple[tuple[Field, ...], _Names]] = {}


def _names(fields: tuple[Field, ...]) -> _Names:
    """The table's field names in order, as a set, and the required ones: asked per record."""
    kept = _NAMES.get(id(fields))
    if kept is None or kept[0] is not fields:  # keeps `fields` alive, so its id is its own
        names = [f.name for f in fields]
        required = [f.name for f in fields if f.required]
        kept = _NAMES[id(fields)] = (fields, (names, frozenset(names), required))
    return kept[1]


def read_text(entry: dict[str, Any], key: str, at: At, *, required: bool = True) -> str | None:
    """A string field (non-empty when required), or None (reporting a wrong type)."""
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # an unquoted whole number used as text (an id such as 2021)
    elif isinstance(value, float):
        # Read as a number, its digits are lost ("0.10" is 0.1, "1e400" infinity):
        # not taken as text the file does not hold.
        at.add(key, f"'{key}' of {at.what} was read as the number {value!r}, not as text",
               f"put it in quotes to keep it as written: {key}: \"...\"")
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        blank = isinstance(value, str)
        at.add(
            key,
            f"'{key}' of {at.what} is empty"
            if blank
            else f"'{key}' of {at.what} must be text, not {type_name(value)}",
            f"write the {key} after '{key}:'" if blank else "put the value in quotes",
        )
        return None
    return value


def read_texts(entry: dict[str, Any], key: str, at: At) -> list[tuple[str, int | None]] | None:
    """A list of strings with their lines (one string is a list of one); None if wrong."""
    value = entry.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [(value, line_of(entry, key))]
    if type(value) is list and all(type(item) is str for item in value):
        return [(item, None) for item in value]  # the fast parser's: no lines to give
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


def parse_day(value: Any) -> date | None:
    """A day written as a YAML date or as 'YYYY-MM-DD' text; None for anything else."""
    if isinstance(value, datetime):
        return None  # a date and a time: the publication date is a day
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


_DAY_SHAPED = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})\s*")


def no_such_day(value: Any) -> str | None:
    """A hint for text written as YYYY-MM-DD that is no day of the calendar
    ("2025-02-30": "February 2025 has no day 30: …"); None for anything else."""
    shaped = _DAY_SHAPED.fullmatch(value) if isinstance(value, str) else None
    if shaped is None or parse_day(value) is not None:
        return None
    year, month, day = map(int, shaped.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month:02d}: YYYY-MM-DD gives the month second"
    return f"{MONTH_NAMES[month]} {year} has no day {day}: check the day and the month"


def read_id(entry: dict[str, Any], at: At, seen: dict[str, int | None]) -> str | None:
    """The record's id, valid and not seen before in its file; None after a problem."""
    value = read_text(entry, "id", at)
    if value is None:
        return None
    line = at.line("id")
    if not ID_PATTERN.fullmatch(value):
        at.add_at(
            line,
            f"{at.what} id '{value}' is not a valid id",
            "use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit",
        )
        return None
    if value in seen:
        at.add_at(
            line,
            f"duplicate {at.what} id '{value}' (first at line {seen[value]})",
            "give each entry its own id",
        )
        return None
    seen[value] = line
    return value


def read_values(entry: dict[str, Any], fields: tuple[Field, ...], at: At) -> dict[str, Any] | None:
    """Every field but the id, converted and checked; None if any was wrong.

    Text is a `str` (or None when absent), texts a list of (text, line), a date a
    `date`; every problem is reported before returning.
    """
    values: dict[str, Any] = {}
    ok = True
    for f in fields:
        name, kind = f.name, f.kind
        if kind == "id":
            continue
        raw = entry.get(name)
        # The common case first, as `read_text` would take it: absent, or plain
        # text with a letter in it (a cold load reads every field of every record).
        if kind == "text" and (raw is None or (type(raw) is str and raw and not raw.isspace())):
            values[name] = raw
            continue
        if kind == "any":
            values[name] = raw
            continue
        if kind == "texts":
            values[name] = read_texts(entry, name, at)
            ok = ok and values[name] is not None
            continue
        if kind == "date":
            day = parse_day(raw) if raw is not None else None
            if raw is not None and day is None:
                at.add(
                    name,
                    f"'{name}' of {at.what} is not a date: {raw!r}",
                    no_such_day(raw) or 'write it as YYYY-MM-DD, e.g. "2024-04-11"',
                )
                ok = False
            values[name] = day
            continue
        text = read_text(entry, name, at, required=f.required)
        if raw is not None and text is None:
            ok = False
        if text is not None and kind == "choice" and text not in f.choices:
            allowed = (
                f"'{f.choices[0]}'" if len(f.choices) == 1 else f"one of {', '.join(f.choices)}"
            )
            at.add(name, f"'{name}' must be {allowed}, not '{text}'", f.hint)
            ok = False
        values[name] = text
    return values if ok else None


def closest_id(name: str, choices: list[str]) -> str | None:
    """The id of `choices` that `suggest` offers for the unknown `name`, if any."""
    return nearest(name, choices, 0.5)


def suggest(name: str, choices: list[str], declared_in: str = "") -> str:
    """A "did you mean" hint for an unknown id, or how to declare it (in the file
    `declared_in` names); one that differs from the id meant by a look-alike letter
    ("north-koreа", its "а" Cyrillic) says which, since the two print alike."""
    close = closest_id(name, choices)
    if close is None:
        return f"declare it in {declared_in} first" if declared_in else "declare it first"
    odd = list(dict.fromkeys(c for c in name if not c.isascii() and c not in close))
    if not odd:
        return f"did you mean '{close}'?"
    named = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'an unnamed character')}"
                      for c in odd)  # fmt: skip
    return f"did you mean '{close}'? '{name}' has {named}, which '{close}' has not"
