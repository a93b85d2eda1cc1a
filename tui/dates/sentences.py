"""Where an article's sentences begin and end: the passages quotes and drafts are cut from.

A sentence ends at ".", "!" or "?" followed by white space, with the quotation
marks and brackets that close it ("… on diplomacy.”" keeps its ”), and at a line
break that ends a paragraph or a line of page furniture. In a hard-wrapped text
(every line at most about 120 characters, most of them near the longest) a line
break where the next word would not have fitted on the line is the wrap's, read
as a space: "… expected to return to Kestle on⏎Monday." is one sentence. A break
where it would have fitted ends a short line on purpose (a headline, a byline).
A period that ends an abbreviation does not end the sentence: an initialism ("U.S.",
"U.N."), an initial ("John F. Kennedy"), a title before a name ("Mr.", "Gen."), a
month before its day ("Jan. 5"). "… talks with the U.S. The next day …" is then
read as one sentence: a quote taken from it is longer than it needs to be, but
whole; a sentence cut at "U.S." would give quotes that stop in the middle. And a
sentence never ends before a word in lower case ("Samsung Electronics Co. said",
"the U.S.’ allies", "“Why?” she asked"), nor inside a quotation (`"We are ready.
We will not back down," he said.`).

A dateline that opens a paragraph ("BEIJING, Feb. 19 (Example Wire) -- A
delegation arrived …", "SEOUL (Reuters) - …") is a passage of its own: its date
is the story's filing date, and a quote of the first sentence must not take it
for the date of what the sentence reports.

Plain Python, no Textual.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right

_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'”’)\]]*)\s+|\n+")

# The words before a period that make it an abbreviation's, not a sentence's end.
_ABBREVIATION = re.compile(
    r"(?:(?<![\w.])(?:[A-Za-z]\.){2,}"  # U.S., U.N., a.m.
    r"|(?<![\w.])[A-Z]\."  # an initial: John F. Kennedy
    r"|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Cmdr|Sen|Rep|Gov|Amb|Rev|St|Mt"
    r"|Ft|vs|approx)\.)$"
)
# Before a number only: "Jan. 5", "No. 1"; "It was in Jan." and "No." end sentences.
_BEFORE_A_NUMBER = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos)\.$")
_LOOK_BACK = 12  # characters before a period enough to see an abbreviation
# A place in capitals, perhaps a date and an agency in brackets, then a dash: a dateline.
# A place in capitals, then dates, places ("Calif.", "South Korea") and an agency in
# brackets, then a dash: "BEIJING, Feb. 19 (Example Wire) --", "LOS ANGELES, Calif., March
# 3 —", "SEOUL (Reuters) -", "WASHINGTON —". With none after the place, only a place of
# six letters or more, or of two words: "KCNA — …", "DMZ — the border — …" are sentences.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]{2,}(?:[ \t]+[A-Z][A-Z'’.\-]+){0,3})"
    r"(?P<parts>(?:,[ \t]+(?:[A-Z][a-z]{2,}\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?"  # Feb. 19
    r"|\d{1,2}[ \t]+[A-Z][a-z]{2,}\.?(?:[ \t]+\d{4})?"  # 19 February
    r"|(?:[A-Z][a-z]*\.){1,3}"  # Calif., N.Y.
    r"|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}))*)"  # South Korea
    r"(?P<agency>[ \t]*\([^()\n]{1,40}\))?"  # (Example Wire)
    r"[ \t]+(?:--|—|–|-)(?=[ \t]+\S)"
)
_BARE_PLACE_LETTERS = 6


def sentence_of(bounds: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The (start, end) of `bounds` (`sentence_bounds`, in order) holding offset `at`, or
    (0, 0) when none does; by bisection, so that a long text's thousands of
    expressions do not each walk its thousands of sentences."""
    i = bisect_right(bounds, (at, sys.maxsize)) - 1
    if i >= 0 and bounds[i][0] <= at < bounds[i][1]:
        return bounds[i]
    return 0, 0


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence (and each line of page furniture), blank ones left out."""
    bounds = []
    start = 1 if text.startswith("\ufeff") else 0  # a byte-order mark is no sentence's
    width = _wrap_width(text)
    dateline_end = _dateline_end(text, start)
    for m in _SENTENCE_END.finditer(text):
        closing = m.group(1)
        if m.start() < dateline_end:
            continue  # a period of the dateline's own: "ST. PAUL, Minn. (AP) —"
        # White space with no line break, or only the wrap's: the sentence may go on.
        within = "\n" not in m.group(0) or _wrapped(text, m.start(), m.end(), width)
        if closing is None:  # a line break
            if within:
                continue
            end = m.start()
        elif text[m.end() : m.end() + 1].islower() and within:
            continue  # "Samsung Co. said", "the U.S.’ allies", "?” she asked": one goes on
        elif _in_quotation(text, start, m.end(1)):
            continue  # '"We are ready. We will not back down," he said.' is one
        elif not closing and within and _abbreviation_ends_at(text, m.start(), m.end()):
            continue
        else:
            end = m.end(1)
        bounds.append((start, end))
        start = m.end()
        dateline_end = _dateline_end(text, start)
    bounds.append((start, len(text)))
    return [part for a, b in bounds if text[a:b].strip() for part in _dateline_apart(text, a, b)]


def _dateline_end(text: str, start: int) -> int:
    """Where the dateline that opens the sentence at `start` ends (`start` if none),
    so that its abbreviations' periods ("ST. PAUL, Minn. (AP) —") end no sentence."""
    if not text[start : start + 2].isupper():  # nearly always: no dateline
        return start
    found = _dateline(text, start, len(text))
    return start if found is None else found.end()


def _dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """The dateline opening `text[start:end]`, or None."""
    m = _DATELINE.match(text, start, end)
    if m is None:
        return None
    place = m.group("place")
    if not (m.group("parts") or m.group("agency")) and " " not in place and (
        sum(c.isalpha() for c in place) < _BARE_PLACE_LETTERS
    ):
        return None
    return m


def _dateline_apart(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The sentence `start`–`end`, with the dateline that opens it (if any) apart."""
    if not text[start : start + 2].isupper():  # nearly always: no dateline
        return ((start, end),)
    m = _dateline(text, start, end)
    if m is None:
        return ((start, end),)
    rest = m.end()
    while rest < end and text[rest] in " \t":
        rest += 1
    return (start, m.end()), (rest, end)


_WRAPPED_AT_MOST = 120  # characters: a longer line is a paragraph on one line


def reflowed(text: str) -> str:
    """`text` with each line break of its hard wrap a space, as `sentence_bounds` reads
    it: one character for one, so an offset into the result is one into `text`.

    For a view that wraps the text to its own width: the article's wrap, kept, would
    break its lines again at the old width ("a pay⏎row closed").
    """
    width = _wrap_width(text)
    if width is None:
        return text
    parts = []
    start = 0
    at = text.find("\n")
    while at >= 0:
        if _wrapped(text, at, at + 1, width):
            parts += [text[start:at], " "]
            start = at + 1
        at = text.find("\n", at + 1)
    return "".join(parts) + text[start:]


def _wrap_width(text: str) -> int | None:
    """The width `text` is hard-wrapped at (its longest line), or None if it is not.

    Wrapped: at least three lines, none over `_WRAPPED_AT_MOST` characters, and most
    within a fifth of the longest (a paragraph's last line and headlines are short).
    """
    lengths = [len(line.rstrip()) for line in text.split("\n") if line.strip()]
    if len(lengths) < 3:
        return None
    width = max(lengths)
    if width > _WRAPPED_AT_MOST:
        return None
    full = sum(1 for n in lengths if n >= width * 0.8)
    return width if full * 2 >= len(lengths) else None


def _wrapped(text: str, start: int, end: int, width: int | None) -> bool:
    """True if the white space `text[start:end]` breaks a line only where it was wrapped.

    One line break, the line before it not blank, and the next word too long to have
    fitted on that line within `width`, or (a text wrapped by hand, short of the
    width) the line ends with no mark that ends a sentence and the next goes on in
    lower case ("… and that⏎a fortnight ago …"), or the line ends on a word no
    sentence ends on ("… would report by⏎June.").
    """
    if width is None or text.count("\n", start, end) != 1:
        return False
    brk = text.index("\n", start, end)
    begins = text.rfind("\n", 0, brk) + 1
    line = text[begins:brk].rstrip()
    rest = text[end : end + width + 1]
    words = rest.split(None, 1)
    if not line.strip() or not words or rest[:1].isspace():
        return False
    if line[-1] not in _SENTENCE_ENDS and (
        words[0][:1].islower()
        or (line.rsplit(None, 1)[-1].lower() in _NO_SENTENCE_END and _goes_on_from(text, begins))
    ):
        return True  # "… would report by⏎June.": no sentence ends on "by"
    return len(line) + 1 + len(words[0]) > width


def _goes_on_from(text: str, begins: int) -> bool:
    """True when the line starting at `begins` is not the first of its paragraph: a
    headline ("The films to look out for") stands alone, its own paragraph's first."""
    if begins == 0:
        return False
    before = text.rfind("\n", 0, begins - 1) + 1
    return bool(text[before : begins - 1].strip())


_SENTENCE_ENDS = frozenset(".!?:;\"'”’)]")  # a line ending with one may end a sentence
# Words no sentence ends on: a line of a text wrapped by hand ending with one goes on.
_NO_SENTENCE_END = frozenset(
    "a an the by of to in on at for from with into onto than and or but nor that as "
    "its their his her our your my".split()
)


def _in_quotation(text: str, start: int, end: int) -> bool:
    """True if a quotation opened in `text[start:end]` is still open."""
    part = text[start:end]
    return part.count('"') % 2 == 1 or part.count("“") > part.count("”")


def _abbreviation_ends_at(text: str, period_end: int, next_word: int) -> bool:
    """True if the period just before `period_end` ends an abbreviation within a sentence."""
    before = text[max(0, period_end - _LOOK_BACK) : period_end]
    if _ABBREVIATION.search(before):
        return True
    return (
        _BEFORE_A_NUMBER.search(before) is not None
        and next_word < len(text)
        and text[next_word].isdigit()
    )
