"""A quote that goes on from a modal of its clause and gives its date words no tense is
read with the clause's words before it (`tui.loading.clause`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import write_data_dir
from tui.load import load_timeline
from tui.loading.clause import CLAUSE_TENSE_SAID

ARTICLES = """\
articles:
  - id: council
    file: council.txt
    title: Councillors back cuts
    outlet: Example Post
    author: null
    published: "2024-03-14"
    published_basis: stated
    published_note: The paper's date line.
"""

ACTORS = """\
actors:
  - id: council
    name: The Council
    kind: organisation
"""

SEED = (
    "The council will close the day centre by the end of the year and raise parking "
    "charges from Monday.\n"
    "Officials said the bridge reopened on Monday after repairs.\n"
    "Crowds gathered on Monday and more crowds on Friday.\n"
    "Big crowds on Monday, and more crowds on Sunday.\n"
    "The museum, which opened in 1990, shuts for good on Sunday.\n"
    "After the fire on Monday, the council will rebuild the hall.\n"
    "She said the trust would reopen the ward by September.\n"
    "Officials tried to block the march on Friday.\n"
    "A bomb exploded next to the market on Monday.\n"
    "Firefighters will keep watch over the ruins of the fire on Monday.\n"
    "The government will close the centre and the library shut on Monday.\n"
    "The mayor spoke on Monday and will unveil the scheme on Monday.\n"
    "In 2019 the leaders met, and they meet again in September.\n"
    "Fares rise. Buses run on Friday as usual.\n"
)

EVENT = """\
  - id: e{n}
    title: Event {n}
    kind: policy
    actors: [council]
    sources:
      - article: council
        quote: "{quote}"
        date_text: {words}
"""


def _span(tmp_path: Path, quote: str, words: str):  # type: ignore[no-untyped-def]
    events = "events:\n" + EVENT.format(n=1, quote=quote, words=words)
    data = write_data_dir(
        tmp_path, articles=ARTICLES, actors=ACTORS, events=events, seeds={"council.txt": SEED}
    )
    return load_timeline(data).events[0].span


@pytest.mark.parametrize(
    ("quote", "words", "start", "relation", "tense"),
    [
        # The quote has no tense; its sentence's "will" makes Monday the coming one, and
        # "from" a start (read alone: the Monday before, "on").
        ("raise parking charges from Monday.", "Monday", date(2024, 3, 18), "from",
         'future tense ("will")'),
        # The quote goes on from "would": its clause's tense.
        ("reopen the ward by September", "September", date(2024, 9, 1), "by",
         'future tense ("would")'),
        # A second review: not from "to", a preposition as often ("next to" read "next" as
        # the future), nor a modal further back, another verb's, nor after "and" a clause
        # with a subject of its own.
        ("block the march on Friday", "on Friday", date(2024, 3, 15), "on", None),
        ("the market on Monday", "on Monday", date(2024, 3, 11), "on", None),
        ("the ruins of the fire on Monday", "on Monday", date(2024, 3, 11), "on", None),
        ("the library shut on Monday", "on Monday", date(2024, 3, 11), "on", None),
        # A review: another clause's verb is not the quote's ("gathered" of the crowds on
        # Monday; "opened" of a relative clause; "will" after the quote's "After …").
        ("more crowds on Friday", "on Friday", date(2024, 3, 15), "on", None),
        ("shuts for good on Sunday", "on Sunday", date(2024, 3, 17), "on", None),
        ("the fire on Monday", "on Monday", date(2024, 3, 11), "on", None),
        # The whole sentence quoted: its own tense, nothing said of another.
        (
            "The council will close the day centre by the end of the year and raise parking "
            "charges from Monday.",
            "Monday", date(2024, 3, 18), "from", None,
        ),
        # A quote with a tense of its own keeps it.
        ("the bridge reopened on Monday", "on Monday", date(2024, 3, 11), "on", None),
        # No tense in the sentence either: the nearest Friday, as before.
        ("more crowds on Sunday", "on Sunday", date(2024, 3, 17), "on", None),
        # The words stand earlier in the sentence, outside the quote: which the sentence's
        # tense would date is not sure, so the quote is read alone.
        ("the scheme on Monday", "on Monday", date(2024, 3, 11), "on", None),
        # A sentence that refuses the words (a September of 2019's story) leaves the
        # quote's own reading.
        ("they meet again in September", "in September", date(2023, 9, 1), "on", None),
        # A quote over two sentences is read as it is.
        ("Fares rise. Buses run on Friday", "on Friday", date(2024, 3, 15), "on", None),
    ],
)  # fmt: skip
def test_a_quote_without_a_tense_goes_on_from_its_clause(
    tmp_path: Path, quote: str, words: str, start: date, relation: str, tense: str | None
) -> None:
    span = _span(tmp_path, quote, words)
    assert (span.start, span.relation) == (start, relation)
    # The explanation says where the tense came from when it is the sentence's.
    assert span.explanation.endswith(CLAUSE_TENSE_SAID) == (tense is not None)
    if tense is not None:
        assert tense in span.explanation
