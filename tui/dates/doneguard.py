"""A date after its article was published, for words the article reports as done.

An article cannot report as done what happens after it was written. Words read
from the publication date whose tense does not choose their date can land there
("By the end of the month, 300 families had left", the month a story told of, read
as the article's). Words that count from another mention can too: in "The visit came a week
after the two sides signed a protocol", "a week after" counts from the signing
the words name, so the visit came a week after it; an event for the *signing*
counted "a week after" the visit would be dated a week after the visit, and
read as expected. The sentence's past tense ("came", "signed") says otherwise.

This is a warning, not a problem in the data: the tense is read from cue words,
and a sentence in the past tense can speak of what was still to come ("they
agreed to meet a week later"). The explorer's forms and event pane and `check`
say it; the curator decides.

Plain Python, no Textual.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from tui.span import Span

if TYPE_CHECKING:
    from tui.model import Source


def done_cue(quote: str, date_text: str) -> str | None:
    """The past-tense cue word around `date_text` in `quote` ("signed"), or None."""
    # Imported here: asked only of a date after its article, and the explorer's event
    # pane, which asks, is drawn at every start (the tense's patterns: about 15 ms).
    from tui.dates.saying import said_in_the_past
    from tui.dates.tense import sentence_tense

    tense, cue = sentence_tense(quote, date_text)
    # "The course starts in two weeks, the college said": the saying is done, not the
    # course.
    return cue if tense == "past" and not said_in_the_past(tense, cue) else None


def done_after_written(span: Span, written: date | None, quote: str, date_text: str,
                       *, counted: bool = True) -> str | None:
    """Why `span` is doubtful when it starts after `written` (the last day the
    article can have been published) although `quote` reads as done; else None.

    `counted`: the words count from another mention (`relative_to`); otherwise they
    were read from the publication date, as words whose tense does not choose their
    date ("the end of the month", "later this month") are.
    """
    if written is None or span.start <= written or not date_text:
        return None
    cue = done_cue(quote, date_text)
    if cue is None:
        return None
    if not counted:
        return (
            f"the quote reads as done (“{cue}”), but this date is after the article was "
            "written: the words may name a time the story tells of (“by the end of the "
            "month, 300 families had left” of a month before the article's), not one "
            "counted from the publication date"
        )
    return (
        f"the quote reads as done (“{cue}”), but this date is after the article was "
        "written: the words may count from what they name themselves (“a week after the "
        "talks” dates what came a week after the talks, not the talks)"
    )


# Date words that point ahead by themselves: what they date is still to come, whatever
# the tense of the act that reports it ("The council voted to hold it next month").
_AHEAD = re.compile(
    r"\b(?:next|tomorrow|coming|upcoming|soon|hence|from\s+now"
    r"|in\s+\S+\s+(?:days?|weeks?|fortnights?|months?|years?)(?:['’]s?\s+time)?)\b",
    re.IGNORECASE,
)


def points_ahead(date_text: str) -> bool:
    """True when the date words point ahead of the article by themselves ("next month",
    "in two weeks"; not "later this month", which a story tells of too), or name their
    own date ("in 2021", "March 3, 2026"): a date after it is what they say, whatever
    the tense read."""
    return _AHEAD.search(date_text) is not None or any(map(str.isdigit, date_text))


def source_doubt(source: Source, written: date | None) -> str | None:
    """`done_after_written` for a source whose article can have been written up to
    `written`: words counting from another mention (`relative_to`), or words read
    from the publication date that do not point ahead by themselves ("the end of the
    month", a year) and land after it though the quote reads as done."""
    counted = source.relative_to is not None
    if not counted and points_ahead(source.date_text):
        return None
    return done_after_written(source.span, written, source.quote, source.date_text,
                              counted=counted)  # fmt: skip
