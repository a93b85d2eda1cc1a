"""Regression tests for a second hostile-input trial: each fails on the code before it.

File names and arguments that are not UTF-8, values nested hundreds deep, paths
longer than the system allows, an unreadable $VISUAL, a run of digits the
tagger took quadratic time over, controls in a drafts file, one bad actor
reported eight times, numbers read as text, and hints for unreadable files.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ACTORS_YAML, EVENTS_YAML, ROOT, SEED_TEXT, run_cli, write_data_dir


def _run(*args: str | bytes, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """`python -m tui ARGS` with arguments and input as bytes (not all of them UTF-8)."""
    return subprocess.run([sys.executable, "-m", "tui", *args], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=60)


def _no_traceback(stderr: str | bytes) -> None:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text, text


def test_a_seed_named_in_latin1_is_no_crash(data_dir: Path) -> None:
    """A stray file named in Latin-1 in seeds/ (from an archive made elsewhere) stopped
    every command with a traceback, though the data named it nowhere."""
    (data_dir.parent / "seeds" / os.fsdecode(b"notes-caf\xe9.txt")).write_text("Notes.\n")
    for _ in range(2):  # the cache's key, then its memo
        result = run_cli("check", "--data", str(data_dir))
        _no_traceback(result.stderr)
        assert result.returncode == 0 and result.stdout.startswith("ok:")


def test_add_article_refuses_an_argument_that_is_not_utf8(tmp_path: Path) -> None:
    """A title typed in a Latin-1 terminal was written as "Caf\\uDCE9", which no
    command could read again; `added article` and exit 0 all the same."""
    data = write_data_dir(tmp_path)
    before = (data / "articles.yaml").read_bytes()
    text = tmp_path / "new.txt"
    text.write_text("Officials met on Monday.\n", encoding="utf-8")
    result = _run("add-article", str(text), "--data", str(data), "--published", "2024-04-17",
                  "--title", b"Caf\xe9", "--outlet", "Outlet", "--note", "n")
    _no_traceback(result.stderr)
    assert result.returncode == 2
    assert b"--title is not UTF-8 text: byte 0xE9" in result.stderr
    assert (data / "articles.yaml").read_bytes() == before
    assert run_cli("check", "--data", str(data)).returncode == 0


@pytest.mark.parametrize(
    ("option", "value"),
    [("--title", "Strike\x1b[31m red"), ("--outlet", "Gazette\u202e"), ("--author", "A\nB")],
)
def test_add_article_refuses_a_control_character_in_a_line_of_text(
    tmp_path: Path, option: str, value: str
) -> None:
    """A journalist's trial: an escape sequence pasted into --title was written into
    articles.yaml (every view showed it as a symbol, but it is no part of a title)."""
    data = write_data_dir(tmp_path)
    before = (data / "articles.yaml").read_bytes()
    text = tmp_path / "new.txt"
    text.write_text("Officials met on Monday.\n", encoding="utf-8")
    args = {"--title": "T", "--outlet": "Outlet", "--author": "Someone", option: value}
    result = run_cli("add-article", str(text), "--data", str(data), "--published",
                     "2024-04-17", *[x for pair in args.items() for x in pair])  # fmt: skip
    _no_traceback(result.stderr)
    assert result.returncode == 2
    assert f"{option} holds the control character U+" in result.stderr
    assert "\x1b" not in result.stderr and "hint: " in result.stderr
    assert (data / "articles.yaml").read_bytes() == before


def test_add_article_of_a_missing_file_says_what_to_give(tmp_path: Path) -> None:
    result = run_cli("add-article", str(tmp_path / "nosuch.txt"), "--data", str(tmp_path / "d"),
                     "--published", "2024-04-17", "--title", "T", "--outlet", "O")
    assert result.returncode == 2 and "cannot read" in result.stderr
    assert "hint: give the path of the article's text" in result.stderr


def test_values_nested_hundreds_deep_are_one_message(tmp_path: Path) -> None:
    data = write_data_dir(tmp_path, actors=ACTORS_YAML + "  - " + "[" * 250 + "]" * 250 + "\n")
    result = run_cli("check", "--data", str(data))
    _no_traceback(result.stderr)
    assert result.returncode == 1
    assert "actors.yaml: values nested too deeply to read" in result.stderr
    assert "hint: " in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--format", "json", "--output", "/tmp/" + "a" * 256 + ".json"),
        ("list", "--data", "/tmp/" + "a" * 256),
    ],
    ids=["output", "data"],
)
def test_a_path_longer_than_the_system_allows_is_one_message(
    data_dir: Path, args: tuple[str, ...]
) -> None:
    result = run_cli(*args) if "--data" in args else run_cli(*args, "--data", str(data_dir))
    _no_traceback(result.stderr)
    assert result.returncode == 2
    assert "File name too long" in result.stderr and "at most 255 bytes" in result.stderr


def test_an_unreadable_visual_is_said_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.screens.editor import edit_at_line

    monkeypatch.setenv("VISUAL", 'code "--wait')
    said = edit_at_line(None, tmp_path / "events.yaml", 1)  # type: ignore[arg-type]
    assert said is not None
    message, severity = said
    assert severity == "error"
    assert message.startswith('$VISUAL (code "--wait) cannot be read as a command')


def test_a_long_run_of_digits_is_tagged_in_linear_time() -> None:
    """20,000 digits in a row took the tagger 20 s (every pattern tried a number from
    each digit); it takes well under a second."""
    from tui.dates.tagger import find_expressions

    text = "Officials said " + "7" * 20_000 + " on Monday, three days ago."
    started = time.perf_counter()
    found = find_expressions(text)
    assert time.perf_counter() - started < 3
    assert [text[s:e] for s, e, _ in found] == ["Monday", "three days ago"]


def test_a_drafts_file_escapes_bidi_and_c1_controls(tmp_path: Path) -> None:
    data = write_data_dir(tmp_path, seeds={"one.txt": SEED_TEXT + (
        "\n\nOfficials \u202emet\u202c in Rason on Monday, \x9b2J the agency said.\n")})
    articles = (data / "articles.yaml").read_text(encoding="utf-8")
    article_id = articles.split("id: ", 1)[1].split("\n", 1)[0].strip()
    result = run_cli("draft", article_id, "--data", str(data), "--output", "-")
    _no_traceback(result.stderr)
    assert "Rason" in result.stdout
    for raw in ("\u202e", "\u202c", "\x9b"):
        assert raw not in result.stdout
    assert "\\u202emet\\u202c" in result.stdout and "\\u009b2J" in result.stdout


def test_an_actor_given_a_field_twice_is_one_problem(tmp_path: Path) -> None:
    """A second `name:` in an actor others act for gave eight problems: its own, then
    one per actor acting for it, each with a wrong "did you mean"."""
    first = ACTORS_YAML.split("name: ", 1)
    name_line = first[1].split("\n", 1)[0]
    indent = first[0].rsplit("\n", 1)[1]
    actors = first[0] + f"name: {name_line}\n{indent}name: {name_line} again" + \
        first[1][len(name_line):]
    result = run_cli("check", "--data", str(write_data_dir(tmp_path, actors=actors)))
    assert result.returncode == 1
    assert "is given twice" in result.stderr
    assert "unknown actor" not in result.stderr and "1 problem in the data" in result.stderr


def test_a_title_read_as_a_float_is_a_problem_not_changed_text(tmp_path: Path) -> None:
    """`title: 1e400` was shown as "inf", `0.10` as "0.1": text the file does not hold."""
    events = EVENTS_YAML.replace("title: Trade pact signed", "title: 0.10", 1)
    result = run_cli("check", "--data", str(write_data_dir(tmp_path, events=events)))
    assert result.returncode == 1
    assert "was read as the number 0.1, not as text" in result.stderr
    assert 'hint: put it in quotes to keep it as written: title: "..."' in result.stderr


def test_a_symlink_loop_says_what_to_do(tmp_path: Path) -> None:
    data = write_data_dir(tmp_path)
    (data / "events.yaml").unlink()
    (data / "events.yaml").symlink_to("events.yaml")
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 1
    assert "hint: a symbolic link on the way points back to itself" in result.stderr


def test_a_file_where_the_drafts_folder_goes_is_reported_after_a_cached_check(
    data_dir: Path,
) -> None:
    """The cache's key left out a `drafts` that is no folder: a check cached before it
    was made said "ok"."""
    assert run_cli("check", "--data", str(data_dir)).returncode == 0
    (data_dir / "drafts").write_text("", encoding="utf-8")
    result = run_cli("check", "--data", str(data_dir))
    assert result.returncode == 1 and "'drafts' is not a folder" in result.stderr


def test_resolve_batch_output_stays_utf8() -> None:
    result = _run("resolve", "--batch", stdin=b"2024-04-15\t\xe9t\xe9 2023\n")
    out = result.stdout.decode("utf-8")  # no byte 0xE9 written back raw
    assert result.returncode == 1
    assert '"error": "line 1: not UTF-8 text (byte 0xE9)' in out
