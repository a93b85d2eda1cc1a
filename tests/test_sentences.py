"""Sentence bounds: whole sentences with their closing marks, not cut at abbreviations."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.dates.sentences import sentence_bounds, sentence_of


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
        # A dateline that opens a paragraph is a passage of its own: its date is the
        # story's, not that of what the first sentence reports.
        ("BEIJING, Feb. 19 (Example Wire) -- A delegation arrived on Sunday. It stays.",
         ["BEIJING, Feb. 19 (Example Wire) --", "A delegation arrived on Sunday.", "It stays."]),
        ("SEOUL (Reuters) - North Korea fired a missile.\n\nNEW YORK, Jan 3 — Talks began.",
         ["SEOUL (Reuters) -", "North Korea fired a missile.", "NEW YORK, Jan 3 —",
          "Talks began."]),
        ("US - China talks began. UN and US - a rivalry.",
         ["US - China talks began.", "UN and US - a rivalry."]),
        # A name in capitals, then words set off by dashes: no dateline (neither a date
        # nor a place after its comma, no agency in brackets).
        ("KCNA, the North's state news agency — which rarely comments — said so.",
         ["KCNA, the North's state news agency — which rarely comments — said so."]),
        ("DMZ — the border — is tense. USA - China talks began.",
         ["DMZ — the border — is tense.", "USA - China talks began."]),
        ("SEOUL, South Korea (AP) — Talks began.", ["SEOUL, South Korea (AP) —", "Talks began."]),
        ("LOS ANGELES, Calif., March 3 — A fire broke out. ALBANY, N.Y. — Talks began.",
         ["LOS ANGELES, Calif., March 3 —", "A fire broke out.", "ALBANY, N.Y. —",
          "Talks began."]),
        # A dateline's own periods end no sentence: "ST." and "Minn." are its abbreviations.
        ("ST. PAUL, Minn. (AP) — Lawmakers met on Monday. Then more.",
         ["ST. PAUL, Minn. (AP) —", "Lawmakers met on Monday.", "Then more."]),
        ("It rained.\n\nFT. WORTH, Texas — Voters went. MT. HOOD — A fire.",
         ["It rained.", "FT. WORTH, Texas —", "Voters went.", "MT. HOOD —", "A fire."]),
        # A bare place: of six letters or more, or two words ("KCNA — …" is a sentence).
        ("WASHINGTON — Talks began. THAAD — a shield — angered Beijing.",
         ["WASHINGTON —", "Talks began.", "THAAD — a shield — angered Beijing."]),
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


WRAPPED = """\
KESTLE PORT TALKS RESUME
By Ann Reed

Union negotiators met the harbour board at the Seafarers' Institute on
Saturday, four days after the first walkout on Tuesday of last week. Three
days later, both sides issued a joint statement with officials of the U.S.
Embassy and the board, saying they had agreed to a framework for dialogue.
Ships diverted to Larnport last week are expected to return to Kestle on
Monday. The cranes will come from the Samsung Heavy Industries yards, and
Samsung Heavy Industries Co. said it would deliver all of them before the
end of the year, as planned.
"""


def test_a_hard_wrapped_text_is_cut_at_its_sentences_not_its_lines() -> None:
    """Wrapped at 74 columns: a line break where the next word would not have fitted
    is the wrap's; one where it would have ends a line on purpose (a headline, a
    byline)."""
    assert [" ".join(s.split()) for s in sentences(WRAPPED)] == [
        "KESTLE PORT TALKS RESUME",
        "By Ann Reed",
        "Union negotiators met the harbour board at the Seafarers' Institute on Saturday, "
        "four days after the first walkout on Tuesday of last week.",
        "Three days later, both sides issued a joint statement with officials of the U.S. "
        "Embassy and the board, saying they had agreed to a framework for dialogue.",
        "Ships diverted to Larnport last week are expected to return to Kestle on Monday.",
        "The cranes will come from the Samsung Heavy Industries yards, and Samsung Heavy "
        "Industries Co. said it would deliver all of them before the end of the year, as "
        "planned.",
    ]


def test_a_line_wrapped_by_hand_short_of_the_width_goes_on_in_lower_case() -> None:
    """"… and that" ends its line early, with no mark that ends a sentence, and the
    next line goes on in lower case: one sentence, not two quotes, the second without
    its speaker. A short line in capitals (a headline) still ends there."""
    text = (
        "PORT TALKS RESUME\n"
        "Reyes said the union had talked with the operator every day this month and\n"
        "would put the offer to members in the coming weeks, and that\n"
        "a fortnight ago he had not expected a settlement before the new year. The\n"
        "next step is a vote of all the members of the union at the end of the month.\n"
    )
    assert [" ".join(s.split()) for s in sentences(text)] == [
        "PORT TALKS RESUME",
        "Reyes said the union had talked with the operator every day this month and would "
        "put the offer to members in the coming weeks, and that a fortnight ago he had not "
        "expected a settlement before the new year.",
        "The next step is a vote of all the members of the union at the end of the month.",
    ]


def test_a_line_wrapped_by_hand_on_a_word_no_sentence_ends_on_goes_on() -> None:
    """A second journalist's trial: "… would report by" ended its line early and the
    next began with a capital ("June."): cut in two, "June." taken for a heading."""
    text = (
        "Reyes said the union had talked with the operator every day this month and\n"
        "would put the offer to members in the coming weeks, as it has done before.\n"
        "The next step is a vote of all the members of the union at the end of the\n"
        "month, and the result is to be announced by the union's secretary.\n"
        "\n"
        "Earlier this week, the council's chief executive apologised to pensioners\n"
        "in a letter and said an independent review would report by\n"
        "June.\n"
    )
    assert [" ".join(s.split()) for s in sentences(text)][-1] == (
        "Earlier this week, the council's chief executive apologised to pensioners in a "
        "letter and said an independent review would report by June."
    )
    # A review: a headline, its paragraph's first line, still stands alone.
    headed = "The films to look out for\n" + text
    assert sentences(headed)[0] == "The films to look out for"


def test_text_with_a_paragraph_on_each_line_is_cut_at_every_line() -> None:
    text = "Headline without a stop\n" + "A paragraph that goes on. " * 8 + "\nNext one"
    assert sentences(text)[0] == "Headline without a stop"
    assert sentences(text)[-1] == "Next one"


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


def test_reflowed_reads_the_wrap_as_spaces_and_keeps_every_offset() -> None:
    from tui.dates.sentences import reflowed

    text = WRAPPED
    flowed = reflowed(text)
    assert len(flowed) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, flowed, strict=True))
    assert flowed.startswith("KESTLE PORT TALKS RESUME\nBy Ann Reed\n\nUnion negotiators")
    assert "Institute on Saturday," in flowed and "Kestle on Monday." in flowed
    assert flowed.endswith("as planned.\n")
    unwrapped = "One paragraph on its line.\nAnother, short.\n"
    assert reflowed(unwrapped) == unwrapped


@given(st.text(alphabet="ab. \n", max_size=80), st.integers(min_value=-2, max_value=90))
def test_the_sentence_of_an_offset_is_found_by_bisection_as_by_a_walk(
    text: str, at: int
) -> None:
    bounds = sentence_bounds(text)
    walked = next(((s, e) for s, e in bounds if s <= at < e), (0, 0))
    assert sentence_of(bounds, at) == walked


def test_a_long_text_is_tagged_in_time_that_grows_with_it() -> None:
    """A hostile-input trial: each expression walked every sentence before it, so 16,000
    sentences took 16 s to tag (8,000 took 4 s)."""
    from datetime import date

    from tui.dates.tagger import tag_text

    started = time.perf_counter()
    tags = tag_text("The talks on Monday. " * 8000, date(2024, 4, 18))
    assert len(tags) == 8000
    assert time.perf_counter() - started < 8  # about 2 s; 13 s walking the sentences
