"""The benchmark's measures of one data folder, each in fresh processes.

`measure(data_dir, opts, work, log)` takes every measure the target table names,
through the same commands and terminal a person uses:

* `timeline check`, cold (empty cache) and warm, and after the title of one event
  in `events.yaml` changed (the cache filled for the folder as it was);
* `timeline export --format csv --output FILE`, warm: its time and peak memory;
* the explorer on a 120x40 pseudo-terminal (`tests/benchpty.py`): first paint
  cold and warm (from spawning the process to the first event's title on the
  emulated screen); keystrokes to the screen settled (actor toggle, Esc closing
  the filter panel, search letter, `j` in the timeline), p50 and p95; its peak
  memory after those filters; and, live reload, the time from writing
  `events.yaml` with one title changed to the new title on the screen;
* VisiData's first row on the CSV export, when `vd` is installed.

Every child's time and peak memory come from `os.wait4` (`ru_maxrss`).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.benchpty import PtyError, PtySession, peak_memory_mb

ROOT = Path(__file__).resolve().parent.parent
CACHE_ENV = "TIMELINE_CACHE_DIR"
TIMEOUT = 900.0
SLOW = 20.0  # a measure slower than this is taken once
KEY_TIMEOUT = 10.0  # a key whose screen has not changed after this long counts as missed
VISIDATA_TIMEOUT = 60.0  # VisiData shows its first row in seconds: a run not by then is left out


@dataclass
class Options:
    """How much to measure."""

    repeat: int = 3
    keys: int = 20  # timed keystrokes of each kind
    quiet: float = 0.15
    visidata: bool = True


def percentile(values: Sequence[float], pct: float) -> float | None:
    """The `pct` percentile of `values` (linear between nearest ranks); None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: Sequence[float | None]) -> float | None:
    """The median of the values that are not None; None if there are none."""
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def timed_child(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Run `argv`; (seconds, peak memory in MB, exit status, the end of its stderr)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err,
                                env={**os.environ, **env}, cwd=ROOT)
        peak: float | None = None
        while True:  # sample the peak until the child ends (see `peak_memory_mb`)
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            peak = peak_memory_mb(proc.pid) or peak
            time.sleep(0.005)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
    return elapsed, peak if peak is not None else usage.ru_maxrss / 1024, proc.returncode, tail


def timeline_cmd(*args: str) -> list[str]:
    """`python -m tui ARGS` with this interpreter."""
    return [sys.executable, "-m", "tui", *args]


def first_event(data_dir: Path, cache: Path) -> tuple[str, str]:
    """(id, title) of the first event in timeline order, from a filled cache."""
    code = ("import json, sys; from pathlib import Path; from tui.opening import open_timeline; "
            "e = open_timeline(Path(sys.argv[1])).events[0]; print(json.dumps([e.id, e.title]))")
    out = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True,
                         text=True, cwd=ROOT, env={**os.environ, CACHE_ENV: str(cache)},
                         timeout=TIMEOUT, check=True).stdout
    event_id, title = json.loads(out)
    return str(event_id), str(title)


def retitled(events_yaml: str, event_id: str, title: str) -> str:
    """`events.yaml`'s text with the title of event `event_id` replaced by `title`.

    Found by searching the text, not by splitting it into lines: a million small
    strings would grow this process, and on Linux every child's peak memory
    (`ru_maxrss`) starts from its parent's size.
    """
    for id_line in (f"- id: {event_id}\n", f'- id: "{event_id}"\n'):
        at = events_yaml.find(id_line)
        if at >= 0:
            break
    else:
        raise ValueError(f"no event {event_id}")
    line_start = events_yaml.rfind("\n", 0, at) + 1
    indent = at - line_start + 2  # the entry's keys line up after "- "
    next_entry = events_yaml.find("- id:", at + len(id_line))
    title_at = events_yaml.find("title:", at, next_entry if next_entry >= 0 else None)
    if title_at < 0:
        raise ValueError(f"no title found for event {event_id}")
    title_line = events_yaml.rfind("\n", 0, title_at) + 1
    title_end = events_yaml.find("\n", title_at)
    new_line = " " * indent + "title: " + json.dumps(title)
    return events_yaml[:title_line] + new_line + events_yaml[title_end:]


def _marker(title: str) -> str:
    """The start of a title as the timeline shows it in a narrow column."""
    return title[:18]


def filters_ready(text: str) -> bool:
    """The status line counts events and no longer says the filters are being made ready."""
    lines = text.splitlines()
    status = lines[-2] if len(lines) > 1 else text
    return " events" in status and "reading the rest" not in status and "preparing" not in status


def pty_first_paint(data_dir: Path, cache: Path, marker: str) -> tuple[float, float]:
    """Seconds from spawning the explorer to `marker` on the emulated screen, and to
    the filters ready (the whole timeline read and indexed)."""
    with PtySession(data_dir, {CACHE_ENV: str(cache)}, cwd=ROOT) as session:
        painted = session.wait_for(marker, TIMEOUT) - session.started
        ready = session.wait_until(filters_ready, "the filters ready", TIMEOUT) - session.started
        return painted, ready


def key_session(data_dir: Path, cache: Path, marker: str, opts: Options) -> dict[str, Any]:
    """Keystrokes through the pty, warm; latencies per kind (ms) and the peak memory."""
    times: dict[str, list[float]] = {"actor": [], "esc": [], "search": [], "j": [],
                                     "open_filters": []}
    missed: dict[str, int] = {}

    def note(kind: str, value: float | None) -> None:
        if value is None:
            missed[kind] = missed.get(kind, 0) + 1
        else:
            times[kind].append(value)

    def status(text: str) -> str:
        return text.splitlines()[-2] if text.count("\n") > 1 else text

    def filters_open(text: str) -> bool:
        return "Filters" in text.splitlines()[0]

    def filters_closed(text: str) -> bool:
        return not filters_open(text)

    with PtySession(data_dir, {CACHE_ENV: str(cache)}, cwd=ROOT) as s:
        s.wait_for(marker, TIMEOUT)
        # The whole timeline read behind a head, the deferred index: the keys below
        # filter, which the explorer refuses until then. Then quiet.
        s.wait_until(filters_ready, "the filters ready", TIMEOUT)
        s.settle(1.0, timeout=TIMEOUT)
        done = 0
        while len(times["actor"]) < opts.keys and done < opts.keys:
            done += 1
            note("open_filters", s.press("a", filters_open, quiet=opts.quiet))
            for _ in range(2):  # choose, then unchoose, the actor under the cursor
                before = status(s.text())
                changed = lambda t, b=before: status(t) != b  # noqa: E731
                note("actor", s.press("space", changed, quiet=opts.quiet, timeout=KEY_TIMEOUT))
            s.press("j", quiet=opts.quiet, timeout=3)
            note("esc", s.press("escape", filters_closed, quiet=opts.quiet,
                                timeout=KEY_TIMEOUT))
        words = ["korea", "trade", "minister", "talks", "summit", "china"]
        for word in words * opts.keys:
            if len(times["search"]) >= opts.keys:
                break
            s.press("/", filters_open, quiet=opts.quiet)
            for n in range(1, len(word) + 1):
                shows = lambda t, w=word[:n]: f'"{w}"' in t  # noqa: E731
                note("search", s.press(word[n - 1], shows, quiet=opts.quiet,
                                       timeout=KEY_TIMEOUT))
            s.press("escape", filters_closed, quiet=opts.quiet)
        s.press("g", quiet=opts.quiet, timeout=3)  # to the top: Esc left the last match selected
        for _ in range(opts.keys):
            note("j", s.press("j", quiet=opts.quiet, timeout=KEY_TIMEOUT))
        rss = s.close()
    stats = {kind: {"n": len(v), "p50": percentile(v, 50), "p95": percentile(v, 95),
                    "max": max(v) if v else None} for kind, v in times.items()}
    return {"keys": stats, "missed": missed, "peak_rss_mb": rss}


def live_reload(data_dir: Path, cache: Path, marker: str, event_id: str, new_title: str
                ) -> float:
    """Seconds from writing `events.yaml` with one title changed to it on the screen."""
    events = data_dir / "events.yaml"
    original = events.read_text(encoding="utf-8")
    try:
        with PtySession(data_dir, {CACHE_ENV: str(cache)}, cwd=ROOT) as session:
            session.wait_for(marker, TIMEOUT)
            session.wait_until(filters_ready, "the filters ready", TIMEOUT)
            session.settle(1.0, timeout=TIMEOUT)
            return session.write_file(events, retitled(original, event_id, new_title),
                                      _marker(new_title), TIMEOUT)
    finally:
        events.write_text(original, encoding="utf-8")


def visidata_first_row(csv_file: Path, marker: str) -> float | None:
    """Seconds from spawning VisiData on `csv_file` to `marker` on screen; None without vd."""
    vd = shutil.which("vd") or shutil.which("vd", path=str(Path(sys.executable).parent))
    if vd is None:
        return None
    with PtySession(csv_file, {}, cwd=ROOT, argv=[vd, str(csv_file)]) as session:
        return session.wait_for(marker, VISIDATA_TIMEOUT) - session.started


def measure(data_dir: Path, opts: Options, work: Path, log: Callable[[str], None]
            ) -> dict[str, Any]:
    """Every measure of the target table for the data in `data_dir`."""
    def fresh_cache() -> Path:
        return Path(tempfile.mkdtemp(prefix="cache-", dir=work))

    # The data is edited in place below: work on a copy of the shipped folder.
    if data_dir.resolve() == (ROOT / "data").resolve():
        copy = work / "shipped"
        shutil.copytree(ROOT / "data", copy / "data")
        shutil.copytree(ROOT / "seeds", copy / "seeds")
        data_dir = copy / "data"
    v: dict[str, Any] = {}
    check = timeline_cmd("check", "--data", str(data_dir))
    cache = fresh_cache()
    elapsed, rss, code, err = timed_child(check, {CACHE_ENV: str(cache)})
    if code != 0:
        raise RuntimeError(f"timeline check failed on {data_dir}:\n{err}")
    v["check_cold_s"], v["check_cold_mb"] = elapsed, rss
    warm = [timed_child(check, {CACHE_ENV: str(cache)}) for _ in range(opts.repeat)]
    v["check_warm_s"] = median([w[0] for w in warm])
    log(f"  check cold {elapsed:.2f} s ({rss:.0f} MB), warm {v['check_warm_s']:.2f} s")
    event_id, title = first_event(data_dir, cache)
    marker = _marker(title)

    events = data_dir / "events.yaml"
    original = events.read_text(encoding="utf-8")
    edits: list[float] = []
    for n in range(opts.repeat if v["check_cold_s"] < SLOW else 1):
        events.write_text(retitled(original, event_id, f"Edited by check {n} {title}"[:60]),
                          encoding="utf-8")
        edits.append(timed_child(check, {CACHE_ENV: str(cache)})[0])
        events.write_text(original, encoding="utf-8")
    v["edit_check_s"] = median(edits)
    log(f"  check after editing one title: {v['edit_check_s']:.2f} s")

    out_csv = work / "export.csv"
    export = timeline_cmd("export", "--format", "csv", "--data", str(data_dir),
                          "--output", str(out_csv), "--force")
    runs = [timed_child(export, {CACHE_ENV: str(cache)}) for _ in range(opts.repeat)]
    v["export_s"], v["export_mb"] = median([r[0] for r in runs]), median([r[1] for r in runs])
    log(f"  export csv warm {v['export_s']:.2f} s, {v['export_mb']:.0f} MB")

    cold: list[float] = []
    warm_paint: list[tuple[float, float]] = []
    for n in range(opts.repeat):
        if n and cold[0] > SLOW:
            break
        fresh = fresh_cache()
        cold.append(pty_first_paint(data_dir, fresh, marker)[0])
    for _ in range(opts.repeat):
        warm_paint.append(pty_first_paint(data_dir, cache, marker))
    v["paint_cold_s"] = median(cold)
    v["paint_warm_s"] = median([w[0] for w in warm_paint])
    v["ready_warm_s"] = median([w[1] for w in warm_paint])
    log(f"  first paint cold {v['paint_cold_s']:.2f} s, warm {v['paint_warm_s']:.2f} s; "
        f"filters ready warm {v['ready_warm_s']:.2f} s")

    keys = key_session(data_dir, cache, marker, opts)
    v["keys"] = keys
    v["peak_rss_mb"] = keys["peak_rss_mb"]
    for kind, stats in keys["keys"].items():
        v[f"{kind}_p50_ms"], v[f"{kind}_p95_ms"] = stats["p50"], stats["p95"]
    log("  keys p50/p95 ms: " + ", ".join(
        f"{k} {s['p50'] or 0:.0f}/{s['p95'] or 0:.0f} (n={s['n']})"
        for k, s in keys["keys"].items()) + f"; no change: {keys['missed']}")

    reloads: list[float] = []
    for n in range(opts.repeat if v["check_cold_s"] < SLOW else 1):
        try:
            reloads.append(live_reload(data_dir, cache, marker, event_id,
                                       f"Edited live {n} {title}"[:60]))
        except PtyError as exc:
            log(f"  live reload: {exc}")
            break
    v["edit_live_s"] = median(reloads)
    log(f"  explorer re-read after editing one title: {v['edit_live_s']}")

    if opts.visidata:
        firsts: list[float | None] = []
        for _ in range(opts.repeat):
            try:
                firsts.append(visidata_first_row(out_csv, event_id[:10]))
            except PtyError as exc:  # that run alone is left out
                log(f"  VisiData: {exc}")
        v["vd_first_row_s"] = median([f for f in firsts if f is not None])
        if v["vd_first_row_s"]:
            v["vd_ratio"] = v["paint_warm_s"] / v["vd_first_row_s"]
            log(f"  VisiData first row {v['vd_first_row_s']:.2f} s; "
                f"ours/VisiData {v['vd_ratio']:.2f}")
    return v
