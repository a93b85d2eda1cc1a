"""Where an article's sentences begin and end: the passages quotes and drafts are cut from.

A sentence ends at ".", "!" or "?" followed by white space, with the quotation
marks and brackets that close it ("… on diplomacy.”" keeps its ”), and at every
line break (a paragraph, or a line of page furniture). A period that ends an
abbreviation within a line does not end the sentence: an initialism ("U.S.",
"U.N."), an initial ("John F. Kennedy"), a title before a name ("Mr.", "Gen."), a
month before its day ("Jan. 5"). "… talks with the U.S. The next day …" is then
read as one sentence: a quote taken from it is longer than it needs to be, but
whole; a sentence cut at "U.S." would give quotes that stop in the middle. And a
sentence never ends before a word in lower case ("Samsung Electronics Co. said",
"the U.S.’ allies", "“Why?” she asked"), nor inside a quotation (`"We are ready.
We will not back down," he said.`).

Plain Python, no Textual.
"""

from __future__ import annotations

import re

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


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence (and each line of page furniture), blank ones left out."""
    bounds = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        closing = m.group(1)
        if closing is None:  # a line break
            end = m.start()
        elif text[m.end() : m.end() + 1].islower() and "\n" not in m.group(0):
            continue  # "Samsung Co. said", "the U.S.’ allies", "?” she asked": one goes on
        elif _in_quotation(text, start, m.end(1)):
            continue  # '"We are ready. We will not back down," he said.' is one
        elif not closing and _abbreviation_ends_at(text, m.start(), m.end()):
            continue
        else:
            end = m.end(1)
        bounds.append((start, end))
        start = m.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip()]


def _in_quotation(text: str, start: int, end: int) -> bool:
    """True if a quotation opened in `text[start:end]` (within a line) is still open."""
    part = text[start:end]
    return part.count('"') % 2 == 1 or part.count("“") > part.count("”")


def _abbreviation_ends_at(text: str, period_end: int, next_word: int) -> bool:
    """True if the period just before `period_end` ends an abbreviation within a sentence."""
    if "\n" in text[period_end:next_word]:
        return False
    before = text[max(0, period_end - _LOOK_BACK) : period_end]
    if _ABBREVIATION.search(before):
        return True
    return (
        _BEFORE_A_NUMBER.search(before) is not None
        and next_word < len(text)
        and text[next_word].isdigit()
    )
