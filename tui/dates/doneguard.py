"""A date after its article was published, for words the article reports as done.

An article cannot report as done what happens after it was written. Words that
count from another mention can still resolve there: in "The visit came a week
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

from datetime import date
from typing import TYPE_CHECKING

from tui.dates.tense import sentence_tense
from tui.span import Span

if TYPE_CHECKING:
    from tui.model import Source


def done_cue(quote: str, date_text: str) -> str | None:
    """The past-tense cue word around `date_text` in `quote` ("signed"), or None."""
    tense, cue = sentence_tense(quote, date_text)
    return cue if tense == "past" else None


def done_after_written(span: Span, written: date | None, quote: str, date_text: str
                       ) -> str | None:
    """Why `span` is doubtful when it starts after `written` (the last day the
    article can have been published) although `quote` reads as done; else None."""
    if written is None or span.start <= written or not date_text:
        return None
    cue = done_cue(quote, date_text)
    if cue is None:
        return None
    return (
        f"the quote reads as done (“{cue}”), but this date is after the article was "
        "written: the words may count from what they name themselves (“a week after the "
        "talks” dates what came a week after the talks, not the talks)"
    )


def source_doubt(source: Source, written: date | None) -> str | None:
    """`done_after_written` for a source whose article can have been written up to
    `written`. Only words counting from another mention (`relative_to`) can land
    after the article in a sentence read as done: other words are resolved in the
    sentence's tense."""
    if source.relative_to is None:
        return None
    return done_after_written(source.span, written, source.quote, source.date_text)
