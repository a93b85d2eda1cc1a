"""Sentence bounds: whole sentences with their closing marks, not cut at abbreviations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.dates.sentences import sentence_bounds


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_bounds(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks began. They ended.", ["Talks began.", "They ended."]),
        # The closing quotation mark belongs to its sentence.
        (
            "Price said her comments “have not changed our view.” Talks go on.",
            ["Price said her comments “have not changed our view.”", "Talks go on."],
        ),
        ('He said "go." She went!  Why? (Really.) Yes.',
         ['He said "go."', "She went!", "Why?", "(Really.)", "Yes."]),
        # Initialisms, initials and titles within a sentence.
        (
            "Earlier this week, Sung Kim, U.S. special envoy, visited Seoul. He left.",
            ["Earlier this week, Sung Kim, U.S. special envoy, visited Seoul.", "He left."],
        ),
        ("talks, U.S. Department of State spokesman Ned Price said so.",
         ["talks, U.S. Department of State spokesman Ned Price said so."]),
        ("The U.N. Security Council met. It voted.",
         ["The U.N. Security Council met.", "It voted."]),
        ("John F. Kennedy came. Mr. Kim and Gen. Park met.",
         ["John F. Kennedy came.", "Mr. Kim and Gen. Park met."]),
        # A month's abbreviation ends a sentence unless a day follows.
        ("On Jan. 5 he left. It was in Jan. The end.",
         ["On Jan. 5 he left.", "It was in Jan.", "The end."]),
        # "No." before a number only; a word in lower case goes on with the sentence.
        ("Did they agree? No. The talks failed.", ["Did they agree?", "No.", "The talks failed."]),
        ("Rule No. 5 held.", ["Rule No. 5 held."]),
        ("Samsung Electronics Co. said so. The U.S.’ allies met.",
         ["Samsung Electronics Co. said so.", "The U.S.’ allies met."]),
        ("“Why?” she asked. Nobody knew.", ["“Why?” she asked.", "Nobody knew."]),
        # Not inside a quotation: it ends where the quotation is closed.
        ('"We are ready. We will not back down," Ahmed said on Monday. He left.',
         ['"We are ready. We will not back down," Ahmed said on Monday.', "He left."]),
        ("Mr. Eklund said the delegation “was helpful. Very helpful.” He did not elaborate.",
         ["Mr. Eklund said the delegation “was helpful. Very helpful.”",
          "He did not elaborate."]),
        ('An open "quote. Goes on\nto the next line.', ['An open "quote. Goes on',
                                                       "to the next line."]),
        # A line break always ends one, after an abbreviation too.
        ("Talks with the U.S.\nNext paragraph.", ["Talks with the U.S.", "Next paragraph."]),
        ("Headline\n\nFirst line. Second", ["Headline", "First line.", "Second"]),
        # Decimals and a period with no space after are no ends.
        ("Growth was 3.5 percent. Exports rose.", ["Growth was 3.5 percent.", "Exports rose."]),
        ("", []),
        ("   \n  ", []),
    ],
)
def test_sentence_bounds(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@given(st.text(alphabet="aZ .!?”’\"')\n\tUS.", max_size=80))
def test_sentences_are_ordered_disjoint_and_never_blank(text: str) -> None:
    bounds = sentence_bounds(text)
    previous_end = 0
    for start, end in bounds:
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip()
        previous_end = end
    # Nothing but white space is left between and around them.
    covered = set()
    for start, end in bounds:
        covered.update(range(start, end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
