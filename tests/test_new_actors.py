"""New actors from the event form: read from the actors field, added to actors.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_helpers import ACTORS, write_data
from tests.conftest import run_cli
from tui.load import load_timeline
from tui.model import Actor
from tui.new_actors import NewActor, actor_id_for, read_entries, with_kinds
from tui.new_event import NewEvent, append_event
from tui.workbench import WorkbenchError

KNOWN = (
    Actor("china", "China", "country", ("China", "Beijing")),
    Actor("kim-jong-un", "Kim Jong Un", "person", ("Kim Jong-un",)),
    Actor("us-state-department", "U.S. Department of State", "government-body"),
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Park Won-gon", "park-won-gon"),
        ("People’s Daily", "peoples-daily"),
        ("  Zhao   Leji ", "zhao-leji"),
        ("Société Générale", "societe-generale"),
        ("金正恩", ""),
        ("China–North Korea Friendship Association", "china-north-korea-friendship-association"),
    ],
)
def test_a_new_actor_s_id_is_made_from_its_name(name: str, expected: str) -> None:
    assert actor_id_for(name) == expected


def test_ids_names_and_aliases_name_known_actors_and_other_names_new_ones() -> None:
    entries = read_entries("china, Beijing, kim jong-UN, Park Won-gon, Kim-Jong-un", KNOWN)
    assert entries.ids == ("china", "kim-jong-un", "park-won-gon")
    assert entries.new == (NewActor("park-won-gon", "Park Won-gon"),)
    assert entries.problems == ()


def test_an_unknown_id_is_a_slip_not_a_new_actor() -> None:
    entries = read_entries("kim-jong-nu", KNOWN)
    assert entries.new == ()
    assert entries.problems == (
        "Unknown actor id: kim-jong-nu (did you mean kim-jong-un?) — a new actor is typed "
        "by its name (e.g. Kim Jong Nu).",
    )
    # A trial: the example was a name from the shipped data, in anyone's timeline.
    assert read_entries("the-mayor", KNOWN).problems == (
        "Unknown actor id: the-mayor — a new actor is typed by its name (e.g. The Mayor).",
    )


def test_a_new_name_whose_id_is_taken_is_refused_clearly() -> None:
    entries = read_entries("US State Department", KNOWN)
    assert entries.new == () and entries.ids == ()
    (problem,) = entries.problems
    assert "would take the id us-state-department, which U.S. Department of State has" in problem
    assert "type us-state-department to mean U.S. Department of State" in problem
    twice = read_entries("Park Won-gon, Park Won Gon", KNOWN)
    assert twice.problems == ("“Park Won Gon” and another new name make the same id, "
                              "park-won-gon.",)  # fmt: skip
    assert "makes no id" in read_entries("金正恩", KNOWN).problems[0]


KESTLE = (
    *KNOWN,
    Actor("kestle-town-council", "Kestle Town Council", "government-body"),
    Actor("north-korea", "North Korea", "country"),
    Actor("south-korea", "South Korea", "country"),
)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Kestle council", "Kestle Town Council (kestle-town-council)"),  # a trial's
        ("Kestel Town Council", "Kestle Town Council (kestle-town-council)"),  # misspelt
        ("Kim", "Kim Jong Un (kim-jong-un)"),
        ("Kim Jong Il", None),
        ("UN", None),  # a review: "did you mean Kim Jong Un?"
        ("Korea", "North Korea (north-korea) or South Korea (south-korea)"),
        ("Park Won-gon", None),
        ("Kestle Port Authority", None),
    ],
)
def test_a_new_name_like_a_known_actor_asks_whether_it_is_that_one(
    typed: str, meant: str | None
) -> None:
    """A trial typed "Kestle council" with Kestle Town Council known: a new actor was
    added without a word, splitting the actor filter. Still added (it may be
    another), but the form asks."""
    entries = read_entries(typed, KESTLE)
    assert [a.name for a in entries.new] == [typed] and entries.problems == ()
    if meant is None:
        assert entries.similar == ()
    else:
        which = "the name or id of the one meant" if " or " in meant else "its name or id"
        assert entries.similar == (
            f"“{typed}” is new: did you mean {meant}? Type {which} to use it.",
        )


def test_new_actors_get_one_kind_or_one_each() -> None:
    new = (NewActor("a", "A"), NewActor("b", "B"))
    assert with_kinds(new, "person")[0] == (NewActor("a", "A", "person"),
                                            NewActor("b", "B", "person"))  # fmt: skip
    assert with_kinds(new, "person, media")[0][1].kind == "media"
    assert with_kinds(new, "")[1] is not None
    assert "one for each of the 2" in str(with_kinds(new, "a, b, c")[1])
    # Two new actors of one kind: a kind given twice is two kinds, not one repeated.
    three = (*new, NewActor("c", "C"))
    kinds = with_kinds(three, "country, country, organisation")
    assert kinds[1] is None, kinds[1]
    assert [a.kind for a in kinds[0]] == ["country", "country", "organisation"]


def _event(*new: NewActor) -> NewEvent:
    return NewEvent(
        "Park comments", "comment", ("kim-jong-un", *(a.id for a in new)), "alpha",
        "Kim Jong Un said on June 17 that the country must be ready for dialogue.",
        "June 17", new,
    )  # fmt: skip


def test_an_event_with_a_new_actor_adds_the_actor_and_passes_check(tmp_path: Path) -> None:
    data = write_data(tmp_path)
    before = (data / "actors.yaml").read_bytes()
    park = NewActor("park-won-gon", "Park Won-gon", "person")
    event_id = append_event(data, _event(park))
    after = (data / "actors.yaml").read_bytes()
    assert after.startswith(before)
    assert after[len(before) :].decode() == (
        "  - id: park-won-gon\n    name: Park Won-gon\n    kind: person\n"
        "    aliases: []\n"  # a trial: not the name again
    )
    timeline = load_timeline(data)
    assert timeline.event_by_id[event_id].actors == ("kim-jong-un", "park-won-gon")
    check = run_cli("check", "--data", str(data))
    assert check.returncode == 0, check.stderr
    assert "5 actors" in check.stdout


def test_a_new_actor_whose_id_appeared_meanwhile_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    data = write_data(tmp_path, actors=ACTORS + "  - id: park-won-gon\n    name: Park\n"
                      "    kind: person\n")  # fmt: skip
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    with pytest.raises(WorkbenchError, match="actor id 'park-won-gon' is taken"):
        append_event(data, _event(NewActor("park-won-gon", "Park Won-gon", "person")))
    with pytest.raises(WorkbenchError, match="needs a kind"):
        append_event(data, _event(NewActor("lee", "Lee")))
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
