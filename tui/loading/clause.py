"""A quote that is part of a verb's phrase, read with the words of its clause before it.

`timeline check` dates a source by its quote: the sentence its tense is read from is
the quote itself. A journalist often quotes less than a sentence, and a quote that goes
on from a modal outside it ("will … and «raise parking charges from Monday»") then
has no tense of its own: its "Monday" was the nearest, the one before the article. The
loader asks `tense_from_clause` only for such a quote (its explanation says the
sentence gave no tense).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from tui.dates import Anchor, ResolveError, Span, date_from_words
from tui.dates.explain import NO_TENSE_SAID
from tui.dates.inquote import place_in_quote
from tui.loading.quotes import FoldedText, fold_space

# Said after the explanation of a date read with the words before the quote in its clause.
CLAUSE_TENSE_SAID = (
    "; the tense comes from the words before the quote in its clause, whose verb it "
    "goes on (the quote alone has none)"
)
# Where a clause begins: the last of these before the quote.
_CLAUSE_MARK = re.compile(r'[,;:()\[\]"“”]|\s[-–—]\s')
# A modal that a quote goes on from: just before it ("will «raise charges from Monday»"),
# or before a verb's phrase that "and" or "or" joins to it ("will close the centre by the
# end of the year and «raise charges from Monday»"). Not "to", a preposition as often as
# a verb's ("next to «the market on Monday»"), nor a modal further back ("will keep watch
# over «the ruins of the fire on Monday»": the modal is another verb's).
_MODAL = r"(?:\b(?:will|would|shall|won't|wo n't|going to|may|might|could|can|should|must)|'ll)"
_GOES_ON_FROM_A_MODAL = re.compile(rf"{_MODAL}\s*$", re.IGNORECASE)
_JOINED_TO_A_MODAL = re.compile(rf"{_MODAL}\s.*\s(?:and|or)\s*$", re.IGNORECASE)
# A quote after "and" that begins with its own subject is another clause ("will close the
# centre and «the library shut on Monday»"), not the modal's verb's.
_OWN_SUBJECT = re.compile(
    r"(?:the|a|an|its|their|his|her|our|this|that|these|those|it|he|she|they|we|i|you)\b",
    re.IGNORECASE,
)


def tense_from_clause(
    span: Span,
    values: dict[str, Any],
    quote: str,
    found: tuple[int, int],
    anchor: Anchor,
    text: FoldedText,
) -> Span:
    """`span`, or where its quote gave the words no tense and goes on from a modal of
    its clause in the article, the words read with that clause.

    A quote may be part of a verb's phrase ("raise parking charges from Monday" of
    "The council will close the centre … and raise parking charges from Monday"):
    read alone, its "Monday" is the nearest, perhaps the one before the article.
    Only the clause's words before the quote are read with it, from its last comma
    or other mark, and only when they end in a modal (or its verb's phrase and
    "and", the quote no clause with a subject of its own):
    another clause's verb ("The museum, which opened in 1990, shuts on Sunday") is
    not the quote's. Words that stand there before the quote too, or a clause that
    refuses them, leave the quote's own reading.
    """
    around = text.sentence_around(*found)
    if around is None:
        return span
    folded_sentence = fold_space(text.original[around[0] : around[1]])
    folded_quote = fold_space(quote)
    at = folded_sentence.find(folded_quote)
    if at <= 0:
        return span
    lead = folded_sentence[:at]
    marks = list(_CLAUSE_MARK.finditer(lead))
    lead = lead[marks[-1].end() :] if marks else lead
    joined = _JOINED_TO_A_MODAL.search(lead) and not _OWN_SUBJECT.match(folded_quote)
    if not (_GOES_ON_FROM_A_MODAL.search(lead) or joined):
        return span
    clause = lead + folded_quote
    date_text: str = values["date_text"]
    in_clause = place_in_quote(date_text, clause)
    in_quote = place_in_quote(date_text, folded_quote)
    if in_clause is None or in_quote is None or in_clause[1] != len(lead) + in_quote[1]:
        return span  # the words stand in the clause before the quote too
    try:
        wider = date_from_words(date_text, clause, anchor, values["relation"])
    except ResolveError:
        return span
    if NO_TENSE_SAID in wider.explanation:
        return span
    return replace(wider, explanation=wider.explanation + CLAUSE_TENSE_SAID)
