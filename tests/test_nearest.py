"""The "did you mean" id among many choices: difflib's answer, without its cost."""

from __future__ import annotations

import difflib
import time

import pytest

from tui.loading.nearest import WHOLE, nearest

BASE = ["diplomatic-relations-established", "korean-war", "zhao-leji-goodwill-visit",
        "kim-jong-un-visits-russia", "xi-jinping-state-visit-2019", "kcna-reports-ild-meeting"]
MANY = [f"{b}-copy-{n}" for n in range(2000) for b in BASE]  # 12,000 ids


@pytest.mark.parametrize(
    "name",
    ["korean-wr-copy-3", "zhao-leji-visit-copy-17x", "relations-establshed-copy-250",
     "kcna-report-ild-meeting-copy-1999", "totally-unknown", "k"],
)
def test_among_many_the_answer_is_difflibs(name: str) -> None:
    close = difflib.get_close_matches(name, MANY, n=1, cutoff=0.5)
    assert nearest(name, MANY, 0.5) == (close[0] if close else None)


def test_among_few_every_choice_is_compared() -> None:
    few = MANY[:WHOLE]
    assert nearest("korean-wr-copy-3", few, 0.5) == "korean-war-copy-3"


def test_hundreds_of_unknown_ids_among_many_take_seconds_not_minutes() -> None:
    """A hostile-input trial: 600 unknown references among 12,000 events took more than
    five minutes to report (difflib took about a second for each)."""
    started = time.perf_counter()
    for n in range(300):
        assert nearest(f"korean-wr-copy-{n}", MANY, 0.5) == f"korean-war-copy-{n}"
    assert time.perf_counter() - started < 10


def test_a_name_made_only_of_common_triples_still_finds_its_match() -> None:
    """A review: among 300 "kim-jong-un-…" and 600 "xi-jinping-…" ids, "kim-jong-un"
    found nothing (its every triple was one most ids hold), where difflib found one."""
    ids = [f"kim-jong-un-visit-{n}" for n in range(300)] + [
        f"xi-jinping-tour-{n}" for n in range(600)
    ]
    for name in ("kim-jong-un", "kim-jong", "xi-jinping"):
        close = difflib.get_close_matches(name, ids, n=1, cutoff=0.5)
        assert close and nearest(name, ids, 0.5) is not None
        assert nearest(name, ids, 0.5).split("-")[0] == close[0].split("-")[0]  # type: ignore[union-attr]


def test_the_order_of_the_ids_does_not_decide_the_match() -> None:
    """A second review: "kim-jong" found "kim-jong-il" only when it came first."""
    many = [f"kim-jong-un-visit-{n}" for n in range(400)]
    for ids in ([*many, "kim-jong-il", "xi-jinping"], ["kim-jong-il", "xi-jinping", *many]):
        assert nearest("kim-jong", ids, 0.6) == "kim-jong-il"
        assert difflib.get_close_matches("kim-jong", ids, n=1, cutoff=0.6) == ["kim-jong-il"]
