"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EVENTS_YAML, ROOT, SHIPPED_DATA, run_cli, write_data_dir
from tui.datafiles import default_data_dir, shown_folder


def _title(line: str) -> str:
    """The title column of a `timeline list` line (columns are two or more spaces apart)."""
    return re.split(r"\s{2,}", line)[1]


def test_help_works_everywhere() -> None:
    for args in ([], ["check"], ["list"], ["export"], ["resolve"]):
        result = run_cli(*args, "--help")
        assert result.returncode == 0, result.stderr
        assert "usage: timeline" in result.stdout


def test_check_ok_prints_one_summary_line(data_dir: Path) -> None:
    result = run_cli("check", "--data", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 3 events, 3 sources, 3 actors, 1 article ")
    assert result.stdout.count("\n") == 1


def test_check_on_bad_data_exits_1_with_located_messages(tmp_path: Path) -> None:
    data = write_data_dir(
        tmp_path, events=EVENTS_YAML.replace("[china, kim-jong-un]", "[china, kim-jong-nu]")
    )
    result = run_cli("--data", str(data), "check")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "events.yaml:6: unknown actor 'kim-jong-nu'" in result.stderr
    assert "hint: did you mean 'kim-jong-un'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_on_malformed_yaml_has_no_traceback(tmp_path: Path) -> None:
    data = write_data_dir(tmp_path, events="events:\n  - id: x\n   title: [\n")
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{data}/events.yaml:")
    assert "malformed YAML" in result.stderr and "Traceback" not in result.stderr


def test_problems_name_their_files_under_the_folder_as_given(tmp_path: Path) -> None:
    """`FOLDER/events.yaml:6` opens from where the command ran, as a compiler's
    messages do; a bare `events.yaml:6` named a file the working directory lacks."""
    data = write_data_dir(
        tmp_path, events=EVENTS_YAML.replace("[china, kim-jong-un]", "[china, kim-jong-nu]")
    )
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", "--data", data.name],
        capture_output=True, text=True, cwd=data.parent, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith(f"{data.name}/events.yaml:6: unknown actor 'kim-jong-nu'")
    assert (data.parent / data.name / "events.yaml").is_file()


def test_the_shipped_folder_is_named_from_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(default_data_dir().parent)
    assert shown_folder(None) == "data"
    monkeypatch.chdir(tmp_path)
    assert shown_folder(None) == str(default_data_dir())
    assert shown_folder(Path("../story")) == "../story"


def test_list_prints_dates_at_their_precision(data_dir: Path) -> None:
    result = run_cli("list", "--data", str(data_dir))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("1949 ") and "Relations established" in lines[0]
    assert lines[1].startswith("2023-06-17 Sat") and "Talks held" in lines[1]
    assert lines[2].startswith("2024-04-13 Sat") and "[China, Kim Jong Un]" in lines[2]


def test_list_says_an_event_after_its_article_is_expected() -> None:
    """The shipped treaty renewal (11 Jul 2021, in an article of 24 Jun 2021) is what the
    article expects, not a known fact; an event before its article is not marked."""
    result = run_cli("list", "--data", str(SHIPPED_DATA), "--year", "2021")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    renewal = next(line for line in lines if "renew friendship treaty" in line)
    assert renewal.startswith("≈ 2021-07-11 Sun")  # "around July 11"
    assert "  expected: China and North Korea due to renew friendship treaty  [" in renewal
    assert sum("expected: " in line for line in lines) == 2  # Kim's anticipated visit too
    assert all("expected" not in line for line in lines if line.startswith("2021-06-2"))


def test_list_filters_by_actor_including_a_countrys_people(data_dir: Path) -> None:
    result = run_cli("list", "--data", str(data_dir), "--actor", "North Korea")
    titles = [_title(line) for line in result.stdout.splitlines()]
    # Kim Jong Un acts for North Korea, so his event is kept too.
    assert titles == ["Relations established", "Talks held", "Trade pact signed"]
    result = run_cli("list", "--data", str(data_dir), "--actor", "Kim Jong-un")
    assert [_title(line) for line in result.stdout.splitlines()] == ["Trade pact signed"]


def test_list_filters_by_year_range_and_search(data_dir: Path) -> None:
    by_year = run_cli("list", "--data", str(data_dir), "--year", "1949")
    assert len(by_year.stdout.splitlines()) == 1
    by_range = run_cli(
        "list", "--data", str(data_dir), "--from", "2024-04-01", "--to", "2024-04-30"
    )
    assert [_title(ln) for ln in by_range.stdout.splitlines()] == ["Trade pact signed"]
    by_search = run_cli("list", "--data", str(data_dir), "--search", "OFFICIALS SAID")
    assert [_title(ln) for ln in by_search.stdout.splitlines()] == ["Talks held"]
    none = run_cli("list", "--data", str(data_dir), "--search", "nothing like this")
    assert none.returncode == 0 and none.stdout == ""
    assert "no event matches" in none.stderr


def test_usage_errors_exit_2(data_dir: Path) -> None:
    unknown = run_cli("list", "--data", str(data_dir), "--actor", "Nobody")
    assert unknown.returncode == 2
    assert "unknown actor 'Nobody'" in unknown.stderr and "Kim Jong Un" in unknown.stderr
    both = run_cli("list", "--data", str(data_dir), "--year", "2024", "--from", "2024-01-01")
    assert both.returncode == 2 and "either --year or --from/--to" in both.stderr
    bad_year = run_cli("list", "--year", "twenty")
    assert bad_year.returncode == 2 and "not a year" in bad_year.stderr
    no_terminal = run_cli("--data", str(data_dir))
    assert no_terminal.returncode == 2 and "needs a terminal" in no_terminal.stderr


def test_export_json_has_the_contract_keys(data_dir: Path) -> None:
    result = run_cli("export", "--format", "json", "--data", str(data_dir))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) == {"title", "filter", "articles", "actors", "events"}
    assert doc["title"] is None and doc["filter"] is None  # no title given, every event
    article = doc["articles"][0]
    assert article["published"] == "2024-04-15" and article["published_basis"] == "inferred"
    # A trial: JSON alone could not tell a likely day from one chosen by convention.
    assert article["published_likely_basis"] in ("evidence", "convention")
    event = next(e for e in doc["events"] if e["id"] == "pact-signed")
    assert event["start"] == event["end"] == "2024-04-13"
    assert event["precision"] == "day" and event["timex"] == "2024-04-13"
    assert event["date_text"] == "on Saturday" and "Sat 13 Apr 2024" in event["date_explanation"]
    assert event["ahead"] is False  # a stated day: its start says whether it is ahead
    assert event["actors"] == ["china", "kim-jong-un"]
    assert event["sources"][0]["article"] == "news-1"
    assert event["sources"][0]["quote"].startswith("Leaders met")
    source = event["sources"][0]
    assert (source["date_text"], source["start"], source["end"]) == (
        "on Saturday",
        "2024-04-13",
        "2024-04-13",
    )
    assert source["date_explanation"] == event["date_explanation"]


def test_export_json_names_the_timeline_and_its_filter() -> None:
    """A trial: the timeline's title from articles.yaml, and the filter of a filtered
    export, were in every other export with a title but not in the JSON."""
    result = run_cli("export", "--format", "json", "--year", "2021")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["title"] == "China–North Korea relations"
    assert doc["filter"] == "year 2021"
    basis = {a["id"]: a["published_likely_basis"] for a in doc["articles"]}
    assert basis["b23435-2024-04-15"] == "convention"  # the window's first day, by convention
    assert basis["firstpost-2024-04-11"] == basis["koreatimes-2021-06-24"] == "evidence"


def test_export_honours_filters_and_writes_files_safely(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    first = run_cli(
        "export",
        "--format",
        "json",
        "--data",
        str(data_dir),
        "--year",
        "1949",
        "--output",
        str(out),
    )
    assert first.returncode == 0, first.stderr
    assert [e["id"] for e in json.loads(out.read_text())["events"]] == ["relations-established"]
    again = run_cli("export", "--format", "json", "--data", str(data_dir), "--output", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    assert len(json.loads(out.read_text())["events"]) == 1  # untouched
    forced = run_cli(
        "export", "--format", "json", "--data", str(data_dir), "--output", str(out), "--force"
    )
    assert forced.returncode == 0
    assert len(json.loads(out.read_text())["events"]) == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_resolve_prints_one_json_object() -> None:
    result = run_cli("resolve", "--anchor", "2024-04-15", "on Saturday")
    assert result.returncode == 0, result.stderr
    span = json.loads(result.stdout)
    assert (span["start"], span["end"], span["precision"]) == ("2024-04-13", "2024-04-13", "day")
    assert span["timex"] == "2024-04-13" and span["approximate"] is False
    assert "Sat 13 Apr 2024" in span["explanation"]


def test_resolve_uses_the_sentence_tense() -> None:
    past = run_cli(
        "resolve",
        "--anchor",
        "2024-04-15",
        "in September",
        "--sentence",
        "Kim traveled to Russia in September.",
    )
    assert json.loads(past.stdout)["timex"] == "2023-09"
    future = run_cli(
        "resolve",
        "--anchor",
        "2024-04-15",
        "in September",
        "--sentence",
        "Kim will travel to Russia in September.",
    )
    assert json.loads(future.stdout)["timex"] == "2024-09"


def test_resolve_against_a_publication_window_gives_the_hull_and_a_relation() -> None:
    window = ("--anchor", "2024-04-15", "--earliest", "2024-04-14", "--latest", "2024-04-20")
    result = run_cli("resolve", *window, "on Saturday", "--sentence", "They met on Saturday.")
    assert result.returncode == 0, result.stderr
    span = json.loads(result.stdout)
    assert (span["anchor_earliest"], span["anchor_latest"]) == ("2024-04-14", "2024-04-20")
    assert (span["start"], span["end"], span["approximate"]) == ("2024-04-13", "2024-04-20", True)
    assert span["relation"] == "on"
    assert "published some day in 14–20 Apr 2024" in span["explanation"]
    since = json.loads(run_cli("resolve", "--anchor", "2024-04-15", "since 2019").stdout)
    assert (since["relation"], since["timex"]) == ("since", "2019")
    half = run_cli("resolve", "--anchor", "2024-04-15", "--earliest", "2024-04-14", "Monday")
    assert half.returncode == 2 and "both --earliest and --latest" in half.stderr
    outside = run_cli(
        "resolve", *window[:2], "--earliest", "2024-04-16", "--latest", "2024-04-20", "Monday"
    )
    assert outside.returncode == 2 and "must lie between" in outside.stderr


def test_resolve_errors() -> None:
    impossible = run_cli("resolve", "--anchor", "2024-04-15", "February 30")
    assert impossible.returncode == 1 and "cannot resolve" in impossible.stderr
    missing = run_cli("resolve", "on Saturday")
    assert missing.returncode == 2 and "--anchor" in missing.stderr
    bad_anchor = run_cli("resolve", "--anchor", "yesterday", "on Saturday")
    assert bad_anchor.returncode == 2 and "not a date" in bad_anchor.stderr
    # In the right form, a day the calendar lacks says so, not "use YYYY-MM-DD".
    no_day = run_cli("list", "--from", "2021-06-31")
    assert no_day.returncode == 2 and "no such day: '2021-06-31'" in no_day.stderr
    assert "YYYY-MM-DD" not in no_day.stderr.splitlines()[-1]
    unknown = run_cli("resolve", "--anchor", "2024-04-15", "Smarch")
    assert unknown.returncode == 1
    assert unknown.stderr.count("cannot resolve") == 1  # said once, not by each layer
    assert "no date this resolver knows in 'Smarch'" in unknown.stderr  # as typed
    escaped = run_cli("resolve", "--anchor", "2024-04-15", "\x1b[31mMonday")
    assert "'␛[31mMonday'" in escaped.stderr and "\\x1b" not in escaped.stderr  # as everywhere
    backwards = run_cli(
        "resolve", "--anchor", "2024-04-15", "--earliest", "2024-04-20", "--latest", "2024-04-10",
        "today",
    )
    assert backwards.returncode == 2 and "runs backwards" in backwards.stderr


def test_resolve_batch_keeps_going_after_errors() -> None:
    stdin = (
        "2021-06-24\tMonday\tthe meeting was held Monday\n"
        "2021-06-24\tFebruary 30\n"
        "not-a-date\tMonday\n"
        "2024-04-15\t75 years ago\n"
        "2025-02-30\tMonday\n"
    )
    result = run_cli("resolve", "--batch", stdin=stdin)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5
    assert rows[0]["start"] == "2021-06-21"
    assert rows[1]["error"].startswith("line 2: ") and "February has no day 30" in rows[1]["error"]
    assert rows[2]["error"] == "line 3: anchor: not a date: 'not-a-date' (use YYYY-MM-DD)"
    assert rows[3]["timex"] == "1949"
    # In the form asked for, but no day: said so (it was "not a YYYY-MM-DD date").
    assert rows[4]["error"].startswith("line 5: anchor: no such day: '2025-02-30'")
    assert result.returncode == 1


def test_shipped_data_checks_clean() -> None:
    result = run_cli("check", "--data", str(SHIPPED_DATA))
    assert result.returncode == 0, result.stderr


def test_exported_files_get_the_usual_permissions(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "perm.csv"
    assert (
        run_cli("export", "--format", "csv", "--data", str(data_dir), "-o", str(out)).returncode
        == 0
    )
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_an_empty_export_is_refused_unless_allowed(data_dir: Path) -> None:
    args = ("export", "--format", "json", "--data", str(data_dir), "--search", "zzz")
    refused = run_cli(*args)
    assert refused.returncode == 1 and refused.stdout == ""
    assert "no event matches" in refused.stderr and "--allow-empty" in refused.stderr
    allowed = run_cli(*args, "--allow-empty")
    assert allowed.returncode == 0
    assert json.loads(allowed.stdout)["events"] == []
    assert "no event matches" in allowed.stderr


def test_batch_skips_blank_lines() -> None:
    result = run_cli("resolve", "--batch", stdin="2024-04-15\tyesterday\n\n   \n")
    assert result.returncode == 0, result.stdout
    assert [json.loads(line)["start"] for line in result.stdout.splitlines()] == ["2024-04-14"]


def test_explorer_options_before_a_command_are_refused(data_dir: Path) -> None:
    result = run_cli("--year", "2024", "list", "--data", str(data_dir))
    assert result.returncode == 2
    assert "put them after it: timeline list" in result.stderr
    article = run_cli("--article", "news-1", "check", "--data", str(data_dir))
    assert article.returncode == 2 and "--article and --event before a command" in article.stderr


def test_list_ids_and_actor_suggestions(data_dir: Path) -> None:
    listed = run_cli("list", "--ids", "--data", str(data_dir))
    lines = listed.stdout.splitlines()
    assert lines[0].startswith("relations-established  1949 ")
    assert lines[0].endswith("  Relations established  [China, North Korea]")
    # The id first, in a column as wide as the longest: the first field of each line.
    firsts = [line.split()[0] for line in lines]
    assert firsts == ["relations-established", "talks-held", "pact-signed"]
    assert len({line.index(line.split()[1]) for line in lines}) == 1
    typo = run_cli("list", "--data", str(data_dir), "--actor", "Kim Jong Um")
    assert typo.returncode == 2 and "did you mean 'Kim Jong Un'?" in typo.stderr


def test_version_and_output_folder(data_dir: Path, tmp_path: Path) -> None:
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("timeline ")
    folder = run_cli("export", "--format", "json", "--data", str(data_dir), "-o", str(tmp_path))
    assert folder.returncode == 2 and "is a folder" in folder.stderr


def test_list_never_writes_control_characters(tmp_path: Path) -> None:
    data = write_data_dir(
        tmp_path, events=EVENTS_YAML.replace("title: Talks held", 'title: "Talks \\e[31mheld\\a"')
    )
    result = run_cli("list", "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Talks ␛[31mheld␇" in result.stdout
    for fmt in ("markdown", "ics", "timelinejs"):
        exported = run_cli("export", "--format", fmt, "--data", str(data))
        assert "\x1b" not in exported.stdout and "\x07" not in exported.stdout, fmt


def test_a_name_several_actors_share_lists_them(tmp_path: Path) -> None:
    """Finding 14: "Kim" names two actors: both are offered."""
    from tests.conftest import ACTORS_YAML, EVENTS_YAML, write_data_dir

    actors = ACTORS_YAML.replace("aliases: [Kim Jong-un, Kim]", "aliases: [Kim Jong-un]") + (
        "  - id: kim-yo-jong\n    name: Kim Yo-jong\n    kind: person\n"
        "    acts_for: [north-korea]\n"
    )
    events = EVENTS_YAML.replace("[china, kim-jong-un]", "[china, kim-jong-un, kim-yo-jong]")
    data = write_data_dir(tmp_path, actors=actors, events=events)
    result = run_cli("list", "--data", str(data), "--actor", "Kim")
    assert result.returncode == 2
    assert result.stderr == (
        "timeline: 'Kim' is ambiguous; it could be 'Kim Jong Un', 'Kim Yo-jong'\n"
    )
    misspelt = run_cli("list", "--data", str(data), "--actor", "Kim Yojong")
    assert "did you mean 'Kim Yo-jong'?" in misspelt.stderr


def test_a_misspelt_option_gets_the_commands_usage_and_a_suggestion(data_dir: Path) -> None:
    result = run_cli("list", "--data", str(data_dir), "--acter", "Kim")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: timeline list ")
    assert "unrecognized argument: --acter; did you mean --actor?" in result.stderr
    export = run_cli("export", "--formt", "csv", "--data", str(data_dir))
    assert export.returncode == 2 and export.stderr.startswith("usage: timeline export ")
    assert "did you mean --format?" in export.stderr


def test_a_year_outside_the_data_says_which_years_it_covers(
    data_dir: Path, tmp_path: Path
) -> None:
    result = run_cli("list", "--data", str(data_dir), "--year", "2099")
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr == "no event matches these filters (the data covers 1949–2024)\n"
    inside = run_cli("list", "--data", str(data_dir), "--year", "2000")
    assert inside.stderr == "no event matches these filters\n"
    one_year = write_data_dir(tmp_path, events=EVENTS_YAML.split("  - id: talks-held")[0])
    single = run_cli("list", "--data", str(one_year), "--year", "2099")
    assert single.stderr == "no event matches these filters (the data covers 2024)\n"


def test_a_folder_with_no_events_yet_says_so_and_how_to_add_one(tmp_path: Path) -> None:
    """Not "no event matches these filters", when none were given."""
    data = write_data_dir(tmp_path, events="events: []\n", actors="actors: []\n")
    listed = run_cli("list", "--data", str(data))
    assert listed.returncode == 0 and listed.stdout == ""
    assert listed.stderr.startswith("no events yet\n    hint: add events: in the explorer")
    assert "press t" in listed.stderr and "`timeline draft`" in listed.stderr
    assert "filters" not in listed.stderr
    exported = run_cli("export", "--format", "csv", "--data", str(data))
    assert exported.returncode == 1 and exported.stdout == ""
    assert exported.stderr.startswith("timeline: no events yet; nothing exported\n")
    assert "press t" in exported.stderr and "--allow-empty" in exported.stderr
    allowed = run_cli("export", "--format", "csv", "--data", str(data), "--allow-empty")
    assert allowed.returncode == 0 and allowed.stdout.startswith("id,start,end,")
    assert allowed.stderr == "timeline: no events yet; the export holds none\n"
    empty = write_data_dir(tmp_path / "empty", articles="articles: []\n", events="events: []\n",
                           actors="actors: []\n")
    listed = run_cli("list", "--data", str(empty))
    assert listed.returncode == 0
    assert "hint: add an article (`timeline add-article FILE --published DATE" in listed.stderr
    assert "then add events: in the explorer" in listed.stderr  # no article: one first


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["tag", "--anchor", "2024-04-15", "--format", "json"], "reading the text"),
        (["resolve", "--batch"], "reading lines of ANCHOR<TAB>EXPRESSION"),
    ],
)
def test_reading_a_terminal_is_said_first(
    argv: list[str], said: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no file, `tag` and `resolve --batch` read standard input: on a terminal a
    newcomer was left waiting, with nothing said."""
    import io

    from tui.cli import main

    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    typed = "Talks were held on Monday." if argv[0] == "tag" else "2024-04-15\tyesterday\n"
    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(typed.encode())))
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"timeline: {said}")
    assert "end with Ctrl+D" in captured.err
    assert captured.out  # and then read it
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(typed.encode())))
    assert main(argv) == 0
    assert capsys.readouterr().err == ""  # from a pipe or a file: nothing said


def test_a_misspelt_command_or_choice_gets_the_nearest_one() -> None:
    command = run_cli("lsit")
    assert command.returncode == 2
    # argparse quotes the choices up to Python 3.12.7, and not after.
    assert "invalid choice: 'lsit' (choose from " in command.stderr
    assert command.stderr.rstrip().endswith("draft); did you mean 'list'?") or (
        command.stderr.rstrip().endswith("'draft'); did you mean 'list'?"))
    fmt = run_cli("export", "--format", "jsn")
    assert fmt.returncode == 2 and fmt.stderr.rstrip().endswith("did you mean 'json'?")
    nothing = run_cli("zzz")
    assert nothing.returncode == 2 and "did you mean" not in nothing.stderr


def test_md_is_markdown(data_dir: Path) -> None:
    short = run_cli("export", "--data", str(data_dir), "--format", "md")
    full = run_cli("export", "--data", str(data_dir), "--format", "markdown")
    assert short.returncode == 0 and short.stdout == full.stdout
    assert short.stdout.startswith("# ")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "10"),  # a lone Esc waits 10 ms for the rest of a sequence, not Textual's 100
        ({"SSH_CONNECTION": "10.0.0.2 50000 10.0.0.1 22"}, "50"),  # a link may split one
        ({"SSH_TTY": "/dev/pts/3"}, "50"),
        ({"ESCDELAY": "300"}, "300"),  # the user's own setting stands
        ({"ESCDELAY": "300", "SSH_TTY": "/dev/pts/3"}, "300"),
    ],
)
def test_escape_delay_default(environ: dict[str, str], expected: str) -> None:
    from tui.cli_explore import terminal_defaults

    terminal_defaults(environ)
    assert environ["ESCDELAY"] == expected


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "240"),  # a key that changes several panes waits less for its second frame
        ({"TEXTUAL_FPS": "30"}, "30"),  # the user's own setting stands
    ],
)
def test_frame_rate_default(environ: dict[str, str], expected: str) -> None:
    from tui.cli_explore import terminal_defaults

    terminal_defaults(environ)
    assert environ["TEXTUAL_FPS"] == expected


def test_check_prints_its_verdict_before_writing_the_cache(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import main
    from tui.opening import Opened

    shown_before: list[str] = []
    store = Opened.store

    def noting(self: Opened) -> None:
        shown_before.append(capsys.readouterr().out)
        store(self)

    monkeypatch.setattr(Opened, "store", noting)
    assert main(["check", "--data", str(data_dir)]) == 0
    assert len(shown_before) == 1 and shown_before[0].startswith("ok: 3 events")


def test_the_explorer_runs_on_the_quick_escape_driver(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started from the command line, the explorer's lone Esc is not held 100 ms."""
    import gc
    import io
    import sys

    from textual.drivers.linux_driver import LinuxDriver

    from tui.app import TimelineApp
    from tui.cli import main
    from tui.terminal_driver import QuickEscapeDriver

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    used: list[type] = []
    monkeypatch.setattr(TimelineApp, "run", lambda app: used.append(app.driver_class))
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.setenv("TIMELINE_CACHE_DIR", "off")
    try:
        assert main(["--data", str(data_dir)]) == 0
    finally:
        gc.unfreeze()  # the explorer freezes its model out of the collector's reach
    expected = QuickEscapeDriver if sys.platform.startswith("linux") else LinuxDriver
    assert used == [expected]


def test_export_refuses_its_output_before_reading_the_data(tmp_path: Path) -> None:
    # A folder with no data files: reading it would end with exit 1 and its problems.
    # The output's usage errors come first, so a large folder is never read for nothing.
    empty = tmp_path / "nodata"
    empty.mkdir()
    existing = tmp_path / "out.csv"
    existing.write_text("kept\n", encoding="utf-8")
    refused = run_cli("export", "--format", "csv", "--data", str(empty), "-o", str(existing))
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines()[0].endswith("exists; pass --force to overwrite it")
    assert "articles.yaml" not in refused.stderr
    assert existing.read_text(encoding="utf-8") == "kept\n"
    folder = run_cli("export", "--format", "csv", "--data", str(empty), "-o", str(tmp_path))
    assert folder.returncode == 2 and "is a folder" in folder.stderr
    assert "articles.yaml" not in folder.stderr
    forced = run_cli(
        "export", "--format", "csv", "--data", str(empty), "-o", str(existing), "--force"
    )
    assert forced.returncode == 1 and "articles.yaml" in forced.stderr
    assert existing.read_text(encoding="utf-8") == "kept\n"


def test_every_problem_path_opens_from_the_working_directory(tmp_path: Path) -> None:
    """A seed lies beside the data folder, not under it; a folder not found is named
    once; the refusal of a command names no file."""
    data = write_data_dir(tmp_path, seeds={"one.txt": b"caf\xe9\nmore"})

    def check(folder: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "tui", "check", "--data", folder],
            capture_output=True, text=True, cwd=tmp_path, timeout=60,
        ).stderr  # fmt: skip

    assert check("data").startswith("seeds/one.txt:1: not valid UTF-8")
    inside = subprocess.run(
        [sys.executable, "-m", "tui", "check", "--data", "."],
        capture_output=True, text=True, cwd=data, timeout=60,
    ).stderr  # fmt: skip
    assert inside.startswith("../seeds/one.txt:1: not valid UTF-8")
    assert check(str(data)).startswith(f"{tmp_path}/seeds/one.txt:1: not valid UTF-8")
    assert (tmp_path / "seeds" / "one.txt").is_file()
    assert check(str(tmp_path / "gone")).startswith(f"{tmp_path / 'gone'}: data folder not found")


def test_a_dash_is_standard_output_or_input(data_dir: Path) -> None:
    """`--output -` wrote a file named "-" (into the folder it ran in), and `tag -`
    said "-: no such file"; "-" is standard output or input, as in other tools."""
    dash = ROOT / "-"
    assert not dash.exists()
    exported = run_cli("export", "--format", "md", "--data", str(data_dir), "--output", "-")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("# ")
    assert not dash.exists()
    tagged = run_cli("tag", "--anchor", "2024-04-18", "-", stdin="He left on Monday.\n")
    assert tagged.returncode == 0, tagged.stderr
    assert json.loads(tagged.stdout.splitlines()[0])["timex"] == "2024-04-15"


def test_tag_names_a_file_that_is_not_utf8_as_check_does(tmp_path: Path) -> None:
    """`tag` said only "not valid UTF-8 (byte 0xe9)", where `add-article` gives the
    column, the text before it and a hint."""
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(b"Caf\xe9 opened on Monday.\n")
    result = run_cli("tag", "--anchor", "2024-04-18", str(latin))
    assert result.returncode == 2
    assert "latin1.txt:1: not valid UTF-8 (byte 0xe9 at column 4, after “Caf”)" in result.stderr
    assert "hint: save the file as UTF-8" in result.stderr
    assert "Traceback" not in result.stderr
    piped = subprocess.run([sys.executable, "-m", "tui", "tag", "--anchor", "2024-04-18"],
                           input=b"Caf\xe9 opened on Monday.\n", capture_output=True,
                           cwd=ROOT, timeout=60)  # fmt: skip
    assert piped.returncode == 2
    assert b"standard input:1: not valid UTF-8" in piped.stderr
    assert b"hint: send the text as UTF-8" in piped.stderr  # no file to save


def test_an_empty_data_folder_name_is_a_usage_error() -> None:
    """A hostile-input trial: `--data ""` read the folder the command ran in."""
    result = run_cli("list", "--data", "")
    assert result.returncode == 2 and "--data: an empty name is no folder" in result.stderr
