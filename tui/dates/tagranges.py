"""A range in running text tagged as one expression, not as its two ends.

"from Oct. 1 to Oct. 7", "between 2019 and 2021", "from 1 to 7 October", "from Oct 1
to 7, 2023": the tagger finds the dates at either end (or one date and a bare day),
and the resolver reads the whole as a range. As the gold standard has it, a range
is one expression: a draft dated by "Oct. 1" alone would put a week's holiday on
its first day. The ends are joined only where the whole resolves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol, TypeVar

from tui.dates.sentences import sentence_of


class _Tagged(Protocol):
    """What is read of a tag here (`tui.dates.tagger.Tag`, which imports this module)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def span(self) -> object | None: ...


Tag = TypeVar("Tag", bound=_Tagged)

_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_LEAD = re.compile(r"\b(from|between)\s+$", re.IGNORECASE)
_JOIN = re.compile(r"\s+(to|until|till|through|thru|and)\s+", re.IGNORECASE)
_FIRST_DAY = re.compile(  # "from 1 to" before "7 October"
    r"\b(from|between)\s+\d{1,2}(?:st|nd|rd|th)?\s+(to|until|till|through|thru|and)\s+$",
    re.IGNORECASE,
)
_LAST_DAY = re.compile(  # "to 7" (", 2023") after "from Oct 1"; not "to 25 percent", "to 7 p.m."
    rf"\s+(to|until|till|through|thru|and)\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:])\b"
    r"(?![.,]\d|\s*(?:%|per\s?cent|pc\b|points?\b|[ap]\.?m\b|o'clock|hours?\b|minutes?\b|"
    r"times\b|degrees?\b|people\b|percentage))"
    rf"(?:,?\s+{_YEAR}\b)?",
    re.IGNORECASE,
)
# "moved from Oct. 1 to Oct. 7", "postponed from June 5 to June 12": two dates, the old
# and the new, not a stretch.
_MOVED = re.compile(
    r"\b(?:moved|postponed|delayed|rescheduled|pushed\s+back|brought\s+forward|put\s+off|"
    r"shifted|switched|changed)\s+$",
    re.IGNORECASE,
)
_LOOK_BACK = 40  # characters before a date searched for "from" or "between"

ResolveRange = Callable[[str, int, int, list[Tag]], Tag]
"""(words, start, end, the tags before them) → the words resolved as one tag."""


def joined_ranges(
    text: str, tags: list[Tag], bounds: list[tuple[int, int]], resolve: ResolveRange[Tag]
) -> list[Tag]:
    """`tags` (in text order) with each range's ends made one tag where it resolves."""
    joined: list[Tag] = []
    i = 0
    while i < len(tags):
        found = _range_at(text, tags, i, bounds, resolve, joined)
        if found is None:
            joined.append(tags[i])
            i += 1
            continue
        joined.append(found)
        i += 1
        while i < len(tags) and tags[i].start < found.end:
            i += 1  # the other end, and any date inside the range's words
    return joined


def _range_at(
    text: str,
    tags: list[Tag],
    i: int,
    bounds: list[tuple[int, int]],
    resolve: ResolveRange[Tag],
    before: list[Tag],
) -> Tag | None:
    """The range whose first date (or last, after a bare day) is tag `i`; None when
    there is none or it does not resolve."""
    tag = tags[i]
    if tag.type != "DATE" or tag.span is None:
        return None
    sentence_start = sentence_of(bounds, tag.start)[0]
    look_from = max(sentence_start, tag.start - _LOOK_BACK)
    lead_text = text[look_from : tag.start]
    end = tag.end
    lead = _FIRST_DAY.search(lead_text) if tag.text[:1].isdigit() else None
    if lead is not None:  # "from 1 to 7 October"
        word = lead.group(2).lower()
    elif (lead := _LEAD.search(lead_text)) is None:
        return None
    elif tag.text[-1:].isdigit() and (last_day := _LAST_DAY.match(text, tag.end)):
        end, word = last_day.end(), last_day.group(1).lower()  # "from Oct 1 to 7"
    else:  # "from Oct. 1 to Oct. 7", "between 2019 and 2021"
        after = tags[i + 1] if i + 1 < len(tags) else None
        join = _JOIN.fullmatch(text, tag.end, after.start) if after is not None else None
        if after is None or join is None or after.span is None or after.type != "DATE":
            return None
        end, word = after.end, join.group(1).lower()
    if (lead.group(1).lower() == "between") != (word == "and"):
        return None  # "from X and Y", "between X to Y": no range
    start = look_from + lead.start()
    if _MOVED.search(text, max(0, start - 30), start):
        return None
    ranged = resolve(text[start:end], start, end, before)
    return ranged if ranged.span is not None else None
