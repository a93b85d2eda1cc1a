"""Which sentences of an article a draft leaves out, and which of their date words it takes.

`timeline draft` proposes one event per dated sentence (`tui.workbench`). A dateline
or byline ("BEIJING, Feb. 19 (Wire) --") and the headline give no event of their
own: the story's sentences tell what they sum up. Of a sentence's date words, the
draft takes the first the loader resolves on its own, but not a stretch counted
back over a date ("The first rain in two weeks fell on Monday": the rain fell on
Monday), nor an anniversary beside the day it was marked ("marked the 25th
anniversary of its founding on Tuesday": the founding is 25 years back, the
marking on Tuesday).
"""

from __future__ import annotations

import re

from tui.dates import Anchor, ResolveError
from tui.dates.tagger import Tag

_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
NO_VERB = ResolveError(
    "no word in lower case beside the date words (a dateline, a byline, a heading): "
    "no event of its own"
)
HEADING = ResolveError(
    "the article's headline (its title, on a line of its own): no event of its own, "
    "the story's sentences tell it"
)
_ANNIVERSARY = re.compile(r"\banniversar(?:y|ies)\b|\byears\s+of\b", re.IGNORECASE)
_SENTENCE_END = ".!?\"”’'"


def is_furniture(text: str, start: int, end: int, dated: list[Tag]) -> bool:
    """True when the sentence `start`–`end` is a dateline or a byline: no word in lower
    case (a verb, a noun) outside its date words, whose date is the story's own."""
    outside, at = [], start
    for tag in dated:
        outside.append(text[at : tag.start])
        at = tag.end
    outside.append(text[at:end])
    return _LOWER_WORD.search(" ".join(outside)) is None


def is_heading(text: str, start: int, end: int, title: str | None) -> bool:
    """True when the sentence `start`–`end` is the article's headline: its title, or a
    line of its own at the top of the text with no full stop, a blank line after it."""
    sentence = " ".join(text[start:end].split())
    if title and sentence == " ".join(title.split()):
        return True
    if text[:start].strip() or not sentence or sentence[-1] in _SENTENCE_END:
        return False
    return text[end:].lstrip(" \t").startswith(("\n\n", "\n\r\n", "\r\n\r\n"))


def first_to_draft(inside: list[Tag], anchor: Anchor) -> Tag:
    """The date words of a sentence a draft takes, of those that resolve on their own."""
    tag = inside[0]
    # A date over "in N units" that counts back ("The first rain in two weeks fell on
    # Monday": the rain fell on Monday; the two weeks are the dry spell before it), not
    # over one that looks ahead ("The plant reopens in six months, the company said on
    # Monday": Monday is the saying's).
    if tag.type == "DURATION" and tag.span is not None and tag.span.end <= anchor.latest:
        tag = next((t for t in inside if t.type == "DATE"), tag)
    if _ANNIVERSARY.search(tag.text):
        # The day an anniversary was marked, not the year it counts back to.
        tag = next((t for t in inside if t.type == "DATE" and not _ANNIVERSARY.search(t.text)),
                   tag)
    return tag
