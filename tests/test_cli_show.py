"""`timeline show ID`: one event's date, how it was read and its sources, through a process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_hostile import _assert_clean, _hostile_title


def test_show_prints_the_date_how_it_was_read_and_every_source(data_dir: Path) -> None:
    result = run_cli("show", "pact-signed", "--data", str(data_dir))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Trade pact signed"
    assert any(line.startswith("Date: ") for line in lines)
    assert any(line.startswith('Resolved: "on Saturday": ') for line in lines)
    assert any(line.startswith("Anchor: ") for line in lines)
    assert "Sources (1):" in lines
    assert "Leaders met in the capital on Saturday to sign a trade pact." in result.stdout
    each = lines[lines.index("Each source's date:") + 1 :]
    assert len(each) == 1 and each[0].startswith("1. ") and "from “on Saturday” in " in each[0]


def test_show_as_json_is_the_exports_event(data_dir: Path) -> None:
    shown = run_cli("show", "pact-signed", "--format", "json", "--data", str(data_dir))
    assert shown.returncode == 0, shown.stderr
    exported = run_cli("export", "--format", "json", "--data", str(data_dir))
    events = {e["id"]: e for e in json.loads(exported.stdout)["events"]}
    assert json.loads(shown.stdout) == events["pact-signed"]


def test_an_unknown_event_is_a_usage_error_with_the_nearest_id(data_dir: Path) -> None:
    result = run_cli("show", "pact-sigend", "--data", str(data_dir))
    assert result.returncode == 2 and result.stdout == ""
    assert "unknown event 'pact-sigend'; did you mean 'pact-signed'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_show_passes_no_control_character(tmp_path: Path) -> None:
    result = run_cli("show", "pact-signed", "--data", str(_hostile_title(tmp_path)))
    assert result.returncode == 0, result.stderr
    _assert_clean(result.stdout)
    assert "␛]0;PWNED" in result.stdout


def test_the_unknown_event_message_names_the_nearest_id_or_where_ids_are() -> None:
    """`show` and the explorer's `--event` say the same of an id no event has."""
    from tui.suggest import unknown_event_message

    ids = ["pact-signed", "talks-held"]
    assert unknown_event_message(ids, "talks-hled") == (
        "unknown event 'talks-hled'; did you mean 'talks-held'? "
        "(`timeline list --ids` shows the ids)"
    )
    assert unknown_event_message(ids, "zzz") == (
        "unknown event 'zzz' (`timeline list --ids` shows the ids)"
    )


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        # A journalist's trial: an id typed by its first words got no suggestion.
        ("council-votes", "'council-votes-to-demolish-and-replace-old-mill-bridge'"),
        ("Council-Votes", "'council-votes-to-demolish-and-replace-old-mill-bridge'"),
        ("demolish", "'council-votes-to-demolish-and-replace-old-mill-bridge'"),
        ("footbridge", "one of 'footbridge-opening-delayed', 'footbridge-promised-for-june'"),
        ("footbrige-promised", "'footbridge-promised-for-june'"),
    ],
)
def test_an_id_typed_by_its_first_words_names_the_ids_it_begins(typed: str, meant: str) -> None:
    from tui.suggest import unknown_event_message

    ids = ["council-votes-to-demolish-and-replace-old-mill-bridge", "footbridge-promised-for-june",
           "footbridge-opening-delayed", "bridge-closed"]  # fmt: skip
    assert f"; did you mean {meant}?" in unknown_event_message(ids, typed)
