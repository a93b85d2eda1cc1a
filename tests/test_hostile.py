"""Regression tests for hostile input: one or more per finding of the hostile-input trial.

Each test fails on the code before the hardening: an escape sequence reaching the
terminal, a hang, a special file replaced, data silently lost, a traceback.
CLI behaviour is tested through a subprocess, as a user meets it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ACTORS_YAML, EVENTS_YAML, ROOT, SEED_TEXT, run_cli, write_data_dir

ESCAPES = r"\e]0;PWNED\a\e]52;c;cHduZWQ=\a\e[6n\x9b2J\u202e"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def _hostile_title(tmp_path: Path, title: str = f"Trade pact {ESCAPES} signed") -> Path:
    return write_data_dir(
        tmp_path, events=EVENTS_YAML.replace("title: Trade pact signed", f'title: "{title}"')
    )


def _assert_clean(text: str) -> None:
    for char in RAW:
        assert char not in text, f"raw {char!r} in output"


# 1. Terminal escapes reach the terminal -----------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "markdown", "ics"])
def test_text_exports_pass_no_control_character(tmp_path: Path, fmt: str) -> None:
    data = _hostile_title(tmp_path)
    result = run_cli("export", "--format", fmt, "--data", str(data))
    assert result.returncode == 0, result.stderr
    _assert_clean(result.stdout)
    assert "␛" in result.stdout and "PWNED" in result.stdout
    if fmt == "csv":  # a tab too: only line breaks, quoted, may stay
        assert "\t" not in result.stdout


@pytest.mark.parametrize("fmt", ["json", "timelinejs"])
def test_json_exports_escape_c0_c1_and_bidi_controls(tmp_path: Path, fmt: str) -> None:
    data = _hostile_title(tmp_path)
    result = run_cli("export", "--format", fmt, "--data", str(data))
    assert result.returncode == 0, result.stderr
    _assert_clean(result.stdout)
    if fmt == "timelinejs":  # HTML text for a page: shown as visible symbols
        assert "␛]0;PWNED" in result.stdout
        return
    assert "\\u001b" in result.stdout and "\\u009b" in result.stdout
    if fmt == "json":  # lossless: the escapes decode to the very characters
        titles = [e["title"] for e in json.loads(result.stdout)["events"]]
        assert any("\x1b]0;PWNED\x07" in t and "\x9b" in t and "\u202e" in t for t in titles)


def test_list_shows_bidi_override_as_a_visible_symbol(tmp_path: Path) -> None:
    result = run_cli("list", "--data", str(_hostile_title(tmp_path)))
    assert result.returncode == 0, result.stderr
    _assert_clean(result.stdout)


def test_messages_quoting_the_data_pass_no_escape(tmp_path: Path) -> None:
    field = r'"bad\e]0;PWNED\afield": 1'
    data = write_data_dir(
        tmp_path,
        events=EVENTS_YAML.replace("    kind: meeting\n", f"    kind: meeting\n    {field}\n"),
        actors=ACTORS_YAML.replace("name: China", r'name: "China\e[2J\u202e"'),
    )
    check = run_cli("check", "--data", str(data))
    assert check.returncode == 1 and "unknown field 'bad␛]0;PWNED␇field'" in check.stderr
    _assert_clean(check.stderr)
    # The actor list in the hint for an unknown actor quotes every name.
    fixed = write_data_dir(
        tmp_path / "b", actors=ACTORS_YAML.replace("name: China", r'name: "China\e[2J\u202e"')
    )
    listing = run_cli("list", "--data", str(fixed), "--actor", "nobody-at-all")
    assert listing.returncode == 2 and "known actors" in listing.stderr
    _assert_clean(listing.stderr)
    unknown = run_cli("list", "--data", str(fixed), "--actor", "x\x1b]0;PWNED\x07")
    _assert_clean(unknown.stderr)


def test_closest_passage_hint_passes_no_escape(tmp_path: Path) -> None:
    seed = "Leaders met \x1b]0;PWNED\x07 in the capital on Saturday to sign a trade pact.\n"
    data = write_data_dir(tmp_path, seeds={"one.txt": seed})
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 1 and "␛]0;PWNED" in result.stderr
    _assert_clean(result.stderr)


def test_resolve_output_and_errors_pass_no_escape() -> None:
    failed = run_cli("resolve", "--anchor", "2024-04-15", "\x1b]0;PWNED\x07\u202e")
    assert failed.returncode == 1
    _assert_clean(failed.stderr)
    # The expression is echoed in the JSON: a C1 control in it must be escaped.
    batch = run_cli("resolve", "--batch", stdin="2024-04-15\tin 1949\x85\n")
    assert batch.returncode == 0 and '"expression": "in 1949\\u0085"' in batch.stdout
    assert "\x85" not in batch.stdout


def test_safetext_covers_c0_c1_del_and_bidi_one_for_one() -> None:
    from tui.safetext import json_safe, visible

    text = "a\x1b[31m\x9b\x7f\u202e\u2066b\tc\nd"
    shown = visible(text)
    assert len(shown) == len(text)
    assert shown == "a␛[31m\ufffd␡\ufffd\ufffdb c d"
    assert json.loads(json_safe(json.dumps(text, ensure_ascii=False))) == text


# 2. and 5. Special files: no hang, no unbounded read, no traceback ----------------


def _special_events(tmp_path: Path, make: str) -> Path:
    data = write_data_dir(tmp_path)
    target = data / "events.yaml"
    target.unlink()
    if make == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    return data


@pytest.mark.parametrize("make", ["fifo", "dev-zero"])
def test_a_special_events_file_is_a_message_not_a_hang(tmp_path: Path, make: str) -> None:
    data = _special_events(tmp_path, make)
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", "--data", str(data)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=20,
    )
    assert result.returncode == 1
    assert "events.yaml: cannot read events.yaml: not a regular file" in result.stderr
    assert "hint:" in result.stderr and "Traceback" not in result.stderr


def test_a_fifo_seed_is_a_located_message(tmp_path: Path) -> None:
    data = write_data_dir(tmp_path)
    seed = tmp_path / "seeds" / "one.txt"
    seed.unlink()
    os.mkfifo(seed)
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 1
    assert "articles.yaml:3: cannot read seeds/one.txt: not a regular file" in result.stderr


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    from tui.readfile import NotReadable, read_regular

    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 2048)
    assert read_regular(big, limit=2048) == b"x" * 2048
    with pytest.raises(NotReadable, match="too large"):
        read_regular(big, limit=1024)


def test_a_seeds_symlink_loop_is_a_message(tmp_path: Path) -> None:
    data = write_data_dir(tmp_path)
    seeds = tmp_path / "seeds"
    for child in seeds.iterdir():
        child.unlink()
    seeds.rmdir()
    seeds.symlink_to(seeds)  # a loop
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "articles.yaml:3: cannot read seeds/one.txt" in result.stderr


def test_a_5000_digit_title_is_a_located_message(tmp_path: Path) -> None:
    data = write_data_dir(
        tmp_path, events=EVENTS_YAML.replace("title: Talks held", "title: " + "9" * 5000)
    )
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "events.yaml:12:" in result.stderr and "too long" in result.stderr


def test_a_full_standard_output_is_one_message(data_dir: Path) -> None:
    for args in (("list",), ("check",), ("export", "--format", "json")):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "tui", *args, "--data", str(data_dir)],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                timeout=60,
            )
        assert result.returncode == 1, args
        assert result.stderr == (
            "timeline: cannot write to standard output: No space left on device\n"
        )


def test_a_closed_pipe_ends_quietly(data_dir: Path) -> None:
    code = (
        "import sys; from tui.cli import main; sys.stdout = open(sys.stdout.fileno(), 'w', "
        "buffering=1); sys.exit(main(['list', '--data', sys.argv[1]]))"
    )
    run = subprocess.Popen(
        [sys.executable, "-c", code, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert run.stdout is not None
    run.stdout.close()  # the reader is gone before the first line
    _, err = run.communicate(timeout=60)
    assert run.returncode == 0 and err == b""


# 3. --output replaces only a regular file -----------------------------------------


def _export_to(data: Path, target: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("export", "--format", "csv", "--data", str(data), "-o", str(target), *extra)


def test_output_that_cannot_be_written_is_exit_code_1(data_dir: Path, tmp_path: Path) -> None:
    """A folder that is not there is output that cannot be written (1), as the help
    says; a target that is no regular file is a usage error (2), below."""
    result = _export_to(data_dir, tmp_path / "no-such-folder" / "out.csv")
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "No such file or directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_force_never_replaces_a_fifo(data_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    result = _export_to(data_dir, fifo, "--force")
    assert result.returncode == 2 and "FIFO" in result.stderr
    assert fifo.is_fifo()
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("kind", ["to-fifo", "dangling", "to-device"])
def test_force_never_replaces_a_symlink_to_a_non_regular_file(
    data_dir: Path, tmp_path: Path, kind: str
) -> None:
    link = tmp_path / "out.csv"
    if kind == "to-fifo":
        os.mkfifo(tmp_path / "pipe")
        link.symlink_to(tmp_path / "pipe")
    elif kind == "dangling":
        link.symlink_to(tmp_path / "nowhere")
    else:
        link.symlink_to("/dev/null")
    result = _export_to(data_dir, link, "--force")
    assert result.returncode == 2 and "only a regular file is replaced" in result.stderr
    assert link.is_symlink()


def test_force_writes_through_a_symlink_to_a_regular_file(data_dir: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert _export_to(data_dir, link).returncode == 2  # exists: --force needed
    result = _export_to(data_dir, link, "--force")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and real.read_text().startswith("id,start,end")


# 7. Minor: NUL byte, temporary file of a killed export ----------------------------


def test_a_nul_byte_in_yaml_is_located_with_a_hint(tmp_path: Path) -> None:
    data = write_data_dir(tmp_path, events=EVENTS_YAML.replace("Talks held", "Talks\0held"))
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 1
    assert "events.yaml:12: character U+0000 is not allowed" in result.stderr
    assert "hint:" in result.stderr


def test_a_terminated_export_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code = (
        "import os, signal, sys\n"
        "import tui.export as export\n"
        "def killed(*args): os.kill(os.getpid(), signal.SIGTERM)\n"
        "export.os.chmod = killed  # the temporary file is complete and not yet renamed\n"
        "export.write_atomically(sys.argv[1], 'x' * 1000000)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(target)], cwd=ROOT, capture_output=True, timeout=60
    )
    assert run.returncode == 128 + signal.SIGTERM, run.stderr
    assert list(tmp_path.iterdir()) == []


# 4. Duplicate top-level keys --------------------------------------------------------


def test_duplicate_top_level_key_is_a_located_error(tmp_path: Path) -> None:
    second = "events:\n" + EVENTS_YAML.split("events:\n", 1)[1].replace("pact-signed", "other")
    data = write_data_dir(tmp_path, events=EVENTS_YAML + second)
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 1
    line = EVENTS_YAML.count("\n") + 1
    assert f"events.yaml:{line}: top-level key 'events' is given twice" in result.stderr


# 8. Exports: formulas, empty exports, filtered titles, quotes ---------------------


def test_csv_defuses_formulas_unless_asked(tmp_path: Path) -> None:
    data = _hostile_title(tmp_path, "=HYPERLINK(1)")
    guarded = run_cli("export", "--format", "csv", "--data", str(data))
    titles = [row["title"] for row in csv.DictReader(io.StringIO(guarded.stdout))]
    assert "'=HYPERLINK(1)" in titles
    raw = run_cli("export", "--format", "csv", "--data", str(data), "--csv-formulas")
    assert "=HYPERLINK(1)" in [row["title"] for row in csv.DictReader(io.StringIO(raw.stdout))]


def test_check_warns_about_formula_titles(tmp_path: Path) -> None:
    result = run_cli("check", "--data", str(_hostile_title(tmp_path, "@SUM(A1)")))
    assert result.returncode == 0 and result.stdout.startswith("ok:")
    assert "events.yaml:3: warning: the title of event 'pact-signed' starts with '@'" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("title", "start"), [(" =SUM(A1)", "="), ("\\t+1", "+"), ("\\ufeff-2", "-")]
)
def test_check_warns_about_titles_a_spreadsheet_runs_after_blanks(
    tmp_path: Path, title: str, start: str
) -> None:
    data = _hostile_title(tmp_path, title)
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 0 and result.stdout.startswith("ok:")
    assert f"title of event 'pact-signed' starts with '{start}'" in result.stderr
    exported = run_cli("export", "--format", "csv", "--data", str(data))
    titles = [row["title"] for row in csv.DictReader(io.StringIO(exported.stdout))]
    assert any(t.startswith("'") and t.endswith(title[-2:]) for t in titles)


@pytest.mark.parametrize("title", ["Talks 2+2 held", "\\x1c=SUM(A1)"])
def test_a_title_the_export_writes_as_text_is_not_flagged(tmp_path: Path, title: str) -> None:
    # A control character before "=" is made visible (␜) by the export: no formula.
    data = _hostile_title(tmp_path, title)
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 0 and "warning" not in result.stderr
    exported = run_cli("export", "--format", "csv", "--data", str(data))
    titles = [row["title"] for row in csv.DictReader(io.StringIO(exported.stdout))]
    assert not any(t.startswith("'") for t in titles)


@pytest.mark.parametrize("fmt", ["ics", "timelinejs", "markdown", "csv"])
def test_an_empty_export_exits_1(data_dir: Path, fmt: str) -> None:
    result = run_cli("export", "--format", fmt, "--data", str(data_dir), "--year", "1900")
    assert result.returncode == 1 and result.stdout == ""
    assert "--allow-empty" in result.stderr


def test_filtered_exports_name_their_filter(data_dir: Path) -> None:
    """…under the timeline's own title (`title:` in articles.yaml), made visible."""
    articles = data_dir / "articles.yaml"
    articles.write_text(
        'title: "China\u2013North Korea \\e[31mrelations"\n' + articles.read_text("utf-8"),
        encoding="utf-8",
    )
    args = ("--data", str(data_dir), "--year", "2024", "--search", "pact")

    def export(fmt: str) -> str:
        result = run_cli("export", "--format", fmt, *args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert export("markdown").startswith(
        "# China–North Korea ␛\\[31mrelations: a source-grounded timeline — filtered: year 2024; "
        "search “pact”\n"
    )
    intro = json.loads(export("timelinejs"))["title"]["text"]["text"]
    assert "1 of 3 events (filtered: year 2024; search “pact”)" in intro
    ics = export("ics").replace("\n ", "")  # unfolded (text mode reads CRLF as LF)
    assert "X-WR-CALNAME:China–North Korea ␛[31mrelations — year 2024\\; search “pact”" in ics
    assert json.loads(export("timelinejs"))["title"]["text"]["headline"].startswith(
        "China–North Korea ␛[31mrelations: "
    )
    assert "X-WR-CALDESC:1 of 3 events\\, filtered: year 2024" in ics
    unfiltered = run_cli("export", "--format", "markdown", "--data", str(data_dir))
    assert "filtered" not in unfiltered.stdout.splitlines()[0]


def test_a_quote_opening_with_a_quotation_mark_gets_no_second_one(tmp_path: Path) -> None:
    seed = "“We are brothers,” the envoy said on Saturday.\n" + SEED_TEXT
    events = EVENTS_YAML.replace(
        '"Leaders met in the capital on Saturday to sign a trade pact."',
        "'“We are brothers,” the envoy said on Saturday.'",
    )
    data = write_data_dir(tmp_path, seeds={"one.txt": seed}, events=events)
    assert run_cli("check", "--data", str(data)).returncode == 0
    for fmt in ("markdown", "ics", "csv", "timelinejs"):
        out = run_cli("export", "--format", fmt, "--data", str(data)).stdout
        assert "““" not in out and "We are brothers" in out, fmt


# 9. The model cache ----------------------------------------------------------------


def test_a_cache_folder_others_can_write_is_not_used(data_dir: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o777)
    env = {**os.environ, "TIMELINE_CACHE_DIR": str(shared)}
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", "--data", str(data_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "not using the model cache" in result.stderr and "0777" in result.stderr
    assert list(shared.iterdir()) == []


def test_a_new_cache_folder_is_private(data_dir: Path, tmp_path: Path) -> None:
    from tui.opening import open_timeline

    fresh = tmp_path / "new-cache"
    os.environ["TIMELINE_CACHE_DIR"] = str(fresh)  # restored by the autouse fixture
    open_timeline(data_dir)
    assert fresh.stat().st_mode & 0o777 == 0o700
    assert len(list(fresh.glob("*.pickle"))) == 1


# 6. Megabyte fields in the explorer --------------------------------------------------


async def test_three_5_mb_fields_cost_the_explorer_a_screenful(tmp_path: Path) -> None:
    import time

    from tests.app_helpers import ALPHA, BETA, EVENTS, write_data
    from tui.app import make_app
    from tui.load import load_timeline
    from tui.widgets.event_detail import EventDetail

    words = "word " * 1_000_000  # 5 MB, a million words to wrap
    quote = f"Trade fell in 2019, {words}customs figures showed."
    events = (
        EVENTS.replace("title: Trade falls", f"title: Trade falls {words}")
        .replace("summary: Summary of trade.", f"summary: {words}")
        .replace("'Trade fell in 2019, customs figures showed.'", repr(quote))
    )
    seeds = {
        "alpha.txt": ALPHA,
        "beta.txt": BETA.replace("Trade fell in 2019, customs figures showed.", quote),
    }
    timeline = load_timeline(write_data(tmp_path, events=events, seeds=seeds))
    app = make_app(timeline=timeline, event_id="trade")
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first_paint = time.perf_counter() - started
        detail = app.screen.query_one(EventDetail)
        assert "Trade falls word" in detail.plain and "more characters]" in detail.plain
        assert len(detail.plain) < 20_000
        started = time.perf_counter()
        await pilot.press("slash")
        await pilot.press("w")
        await pilot.pause()
        search = time.perf_counter() - started
    # About 0.6 s each here; before, the first paint had not come after 120 s. The
    # bound leaves room for a slow shared machine.
    assert first_paint < 8 and search < 8, (first_paint, search)


def test_a_line_separator_in_a_title_keeps_list_on_one_line(tmp_path: Path) -> None:
    """U+2028 (LINE SEPARATOR) is a line break to some programs: `list` wrote it raw."""
    data = write_data_dir(
        tmp_path, events=EVENTS_YAML.replace(
            "title: ", 'title: "Two\\u2028lines\\u2029here" # ', 1)
    )
    result = run_cli("list", "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert "Two lines here" in result.stdout
    assert "\u2028" not in result.stdout and "\u2029" not in result.stdout
