"""The last time before: "the first … since 2011", "its lowest level since 2019".

After a first or a superlative, "since" and its date words name the last time something
happened before, after which it had not happened again: not the beginning of a state
that still holds ("since 2019" alone), nor when the event reported happened (the fall to
the lowest level is now, not in 2019). Followed by a "when" clause ("since 2011, when a
stoppage led to shortages") they name when that happened (`tui.dates.relations`); else
they say no time of the event and are refused (`tui.dates.limits`).

Plain Python, no I/O.
"""

from __future__ import annotations

import re

# "The first … since", "its lowest level since", "for the first time since": the date
# words name the last time it happened before, after which it had not happened again; not
# the beginning of a state that still holds. A first or a superlative after "the" or a
# possessive, with no verb between it and "since" ("the first lady has lived there since
# 2017", "at least 20 held since Monday" are states begun then).
# "since at least 2010", "since around 2015": the same last time, hedged.
SINCE_ABOUT = r"(?:\s+(?:at\s+least|around|about|roughly|nearly|approximately))?"
_VERB = r"\b(?:has|have|had|is|are|was|were|been|be|will|would|can|could|did|does|do)\b"
LAST_TIME_BEFORE_SINCE = re.compile(
    r"\b(?:the|its|their|his|her|our|[\w-]+['’]s)\s+(?:first|highest|lowest|worst|best|"
    r"biggest|largest|smallest|strongest|weakest|sharpest|steepest|fastest|slowest|deadliest|"
    r"hottest|coldest|warmest|wettest|driest|longest|shortest|most|least|fewest)\b"
    rf"(?:(?!{_VERB})[^,;.:!?]){{0,60}}?\bsince{SINCE_ABOUT}\s*$",
    re.IGNORECASE,
)
# After the date words: "…, when a stoppage led to shortages" tells what happened then.
_WHEN_AFTER = re.compile(r"\s*,\s*when\b", re.IGNORECASE)


def names_a_last_time(before: str) -> bool:
    """True when `before` (the text before date words, ending with "since") makes them
    the last time something happened before ("the first … since")."""
    return LAST_TIME_BEFORE_SINCE.search(before) is not None


def when_after(after: str) -> bool:
    """True when `after` (the text after date words) opens a "when" clause."""
    return _WHEN_AFTER.match(after) is not None
