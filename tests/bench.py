"""Benchmark of the explorer: start-up, filter and scroll latency, memory, load phases.

Run by hand (pytest does not collect it):

    python tests/bench.py [--sizes shipped,10000,100000] [--repeat N] [--json FILE]

For each size the data is generated once (`tests/benchgen.py`) into a temporary
folder, then every measure is taken in fresh processes:

* cold start -> first paint of the timeline, with an empty `TIMELINE_CACHE_DIR`:
  headless (`App.run_test(size=(120, 40))` in a child process, first paint = the
  first frame in which the `TimelineView` rendered lines while it had rows) and
  through a real pseudo-terminal (`python -m tui --data DIR` on a 120x40 pty, until
  the first event's title appears in the output);
* warm start: the same again with the cache dir a cold run has filled;
* filter keystroke -> repaint (actor and year toggles, search letters) and scroll
  keystroke -> repaint (down, pagedown, end, home): from the key press to the end
  of the first frame that repainted the timeline, p50/p95;
* peak memory (`ru_maxrss`) after first paint and one filter;
* the load phases alone (parse, validate + resolve, index, cache write/read).

The child processes are this script run as `python tests/bench.py --child MODE ...`.
"""

from __future__ import annotations

import time

_T0 = time.perf_counter()  # as near to process start as a script can get
_T0_WALL = time.time()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import select  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZE = (120, 40)
CACHE_ENV = "TIMELINE_CACHE_DIR"
CHILD_TIMEOUT = 900.0
SLOW_RUN = 20.0  # a cold run slower than this is not repeated

# Targets per size class: (shipped, 10,000 events, 100,000 events); None = no target.
TARGETS: dict[str, tuple[float | None, float | None, float | None]] = {
    "cold_headless": (0.5, 1.0, 5.0),
    "cold_pty": (0.5, 1.0, 5.0),
    "warm_headless": (0.5, 0.6, 1.5),
    "warm_pty": (0.5, 0.6, 1.5),
    "filter_p95_ms": (30, 30, 50),
    "scroll_p95_ms": (16, 16, 16),
    "peak_rss_mb": (None, 150, 400),
}
ROWS = [
    ("cold_headless", "cold start → first paint, headless (s, from spawn)"),
    ("cold_headless_inproc", "  the same, from the child's first line (s)"),
    ("cold_pty", "cold start → first paint, real pty (s)"),
    ("warm_headless", "warm start → first paint, headless (s, from spawn)"),
    ("warm_headless_inproc", "  the same, from the child's first line (s)"),
    ("warm_pty", "warm start → first paint, real pty (s)"),
    ("filter_p50_ms", "filter keystroke → repaint, p50 (ms)"),
    ("filter_p95_ms", "filter keystroke → repaint, p95 (ms)"),
    ("filter_actor_p95_ms", "  actor toggle, p95 (ms)"),
    ("filter_year_p95_ms", "  year toggle, p95 (ms)"),
    ("filter_search_p95_ms", "  search letter, p95 (ms)"),
    ("filter_pilot_p95_ms", "  press + pilot.pause returned, p95 (ms)"),
    ("scroll_p50_ms", "scroll keystroke → repaint, p50 (ms)"),
    ("scroll_p95_ms", "scroll keystroke → repaint, p95 (ms)"),
    ("scroll_pilot_p95_ms", "  press + pilot.pause returned, p95 (ms)"),
    ("peak_rss_mb", "peak memory after first paint + a filter, warm (MB)"),
    ("peak_rss_cold_mb", "  the same, cold (first read of the data) (MB)"),
    ("peak_rss_keys_mb", "  after the whole keystroke session (MB)"),
    ("data_mb", "data: size of the three YAML files (MB)"),
    ("parse_located_s", "load: parse YAML with lines (PyYAML C) (s)"),
    ("parse_fast_s", "load: parse YAML fast (yaml_rs) (s)"),
    ("load_validate_s", "load: validate + resolve + build (s)"),
    ("cache_key_s", "load: cache key (hash of every file) (s)"),
    ("cache_write_s", "load: cache write (s)"),
    ("cache_read_s", "load: cache read (unpickle) (s)"),
    ("cache_mb", "load: cache entry size (MB)"),
    ("load_cold_s", "load: load_timeline, empty cache (s)"),
    ("load_warm_s", "load: load_timeline, cache filled (s)"),
    ("load_index_s", "explorer: TimelineIndex.build (s)"),
]


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


def percentile(values: Sequence[float], pct: float) -> float | None:
    """The `pct` percentile of `values` (nearest rank, linear between); None if empty."""
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


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine_info() -> dict[str, Any]:
    """CPU model, cores, memory, Python and Textual versions."""
    cpu = platform.processor() or platform.machine()
    mem = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    try:
        from importlib.metadata import version

        textual_version = version("textual")
    except Exception:
        textual_version = "?"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": mem,
        "python": platform.python_version(),
        "textual": textual_version,
        "platform": platform.platform(),
    }


# --------------------------------------------------------------------------------------
# Children: what runs in a fresh process
# --------------------------------------------------------------------------------------


class Probe:
    """Timestamps of frames, noting those that repainted the timeline.

    `TimelineView.render_lines` is wrapped (class-wide) to note that the timeline
    drew lines, and whether it had rows; the app's `_display` is wrapped to stamp
    the end of each frame. The headless driver skips turning a frame into terminal
    escapes; the wrapper does that work (and throws it away) so frames cost what they
    would on a terminal.
    """

    def __init__(self) -> None:
        self.drew = False  # the timeline drew lines since the last frame
        self.drew_rows = False  # ... while it had rows
        self.paints: list[float] = []  # end of each frame that repainted the timeline
        self.first_paint: float | None = None  # first such frame with rows
        self.shows: list[float] = []  # calls of `TimelineView.show` (a new row index)
        self.frames = 0
        self.encode_s = 0.0  # time spent turning headless frames into escapes

    def install(self, app: Any) -> None:
        """Wrap the timeline's `render_lines` and the app's `_display`."""
        from textual._compositor import CompositorUpdate

        from tui.widgets.timeline_view import TimelineView

        probe = self
        original_lines = TimelineView.render_lines

        def render_lines(view: Any, crop: Any) -> Any:
            probe.drew = True
            if len(getattr(view, "rows", ()) or ()) > 0:
                probe.drew_rows = True
            return original_lines(view, crop)

        TimelineView.render_lines = render_lines  # type: ignore[method-assign]
        original_show = getattr(TimelineView, "show", None)
        if original_show is not None:

            def show(view: Any, *args: Any, **kwargs: Any) -> Any:
                probe.shows.append(time.perf_counter())
                return original_show(view, *args, **kwargs)

            TimelineView.show = show  # type: ignore[method-assign]
        original_display = app._display

        def display(screen: Any, renderable: Any) -> None:
            original_display(screen, renderable)
            if renderable is None:
                return
            if app.is_headless and isinstance(renderable, CompositorUpdate):
                start = time.perf_counter()
                try:
                    renderable.render_segments(app.console)
                except Exception:
                    pass
                probe.encode_s += time.perf_counter() - start
            now = time.perf_counter()
            probe.frames += 1
            if probe.drew:
                probe.paints.append(now)
            if probe.drew_rows and probe.first_paint is None:
                probe.first_paint = now
            probe.drew = probe.drew_rows = False

        app._display = display

    def paint_after(self, t0: float, *, new_rows: bool = False) -> float | None:
        """The end of the first timeline repaint after `t0`, if any yet.

        With `new_rows`, the first repaint after the timeline was given new rows
        (`TimelineView.show`) after `t0`, when such a call happened.
        """
        if new_rows:
            later_shows = [t for t in self.shows if t >= t0]
            if later_shows:
                t0 = later_shows[0]
        for t in self.paints:
            if t >= t0:
                return t
        return None


async def _timed_press(
    pilot: Any, probe: Probe, key: str, *, new_rows: bool
) -> tuple[float | None, float]:
    """Press `key`; (ms to the timeline's repaint or None, ms until the pilot returned).

    The time runs from just before the key is sent to the end of the first frame
    that repainted the timeline (with `new_rows`: after the timeline got new rows).
    """
    t0 = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    returned = time.perf_counter()
    painted = probe.paint_after(t0, new_rows=new_rows)
    deadline = time.perf_counter() + 0.5
    while painted is None and time.perf_counter() < deadline:
        await asyncio.sleep(0.002)
        painted = probe.paint_after(t0, new_rows=new_rows)
    return (None if painted is None else (painted - t0) * 1000), (returned - t0) * 1000


async def _key_session(pilot: Any, probe: Probe, rounds: int) -> dict[str, Any]:
    """Filter and scroll keystrokes, timed; returns latencies per kind in ms."""
    out: dict[str, list[float]] = {}
    pilot_ms: dict[str, list[float]] = {"filter": [], "scroll": []}
    missed: dict[str, int] = {}

    async def timed(kind: str, group: str, key: str) -> None:
        paint, returned = await _timed_press(pilot, probe, key, new_rows=group == "filter")
        pilot_ms[group].append(returned)
        if paint is None:
            missed[kind] = missed.get(kind, 0) + 1
        else:
            out.setdefault(kind, []).append(paint)

    # actors: focus the list, then toggle options on and off, moving down
    await pilot.press("a")
    await pilot.pause()
    for i in range(rounds):
        await timed("actor", "filter", "space")
        if i % 2:
            await pilot.press("down")
    await pilot.press("escape", "c")
    await pilot.pause()
    # years (or decades)
    await pilot.press("y")
    await pilot.pause()
    for i in range(rounds):
        await timed("year", "filter", "space")
        if i % 2:
            await pilot.press("down")
    await pilot.press("escape", "c")
    await pilot.pause()
    # search: type words one letter at a time, then delete them
    await pilot.press("slash")
    await pilot.pause()
    typed = 0
    for word in ("minister", "talks", "summit", "trade", "korea", "aid"):
        for letter in word:
            await timed("search", "filter", letter)
            typed += 1
        for _ in word:
            await timed("search", "filter", "backspace")
        if typed >= rounds:
            break
    await pilot.press("escape", "c")
    await pilot.pause()
    # scrolling in the timeline
    pattern = ["down"] * 5 + ["pagedown"] * 2 + ["up"] + ["end", "home"]
    for key in pattern * max(1, (rounds * 10) // (3 * len(pattern))):
        await timed("scroll", "scroll", key)

    def stats(values: list[float]) -> dict[str, Any]:
        return {"n": len(values), "p50": percentile(values, 50), "p95": percentile(values, 95),
                "max": max(values) if values else None}

    filters = out.get("actor", []) + out.get("year", []) + out.get("search", [])
    return {
        "filter": stats(filters),
        "actor": stats(out.get("actor", [])),
        "year": stats(out.get("year", [])),
        "search": stats(out.get("search", [])),
        "scroll": stats(out.get("scroll", [])),
        "filter_pilot": stats(pilot_ms["filter"]),
        "scroll_pilot": stats(pilot_ms["scroll"]),
        "no_repaint": missed,
        "frames": probe.frames,
        "encode_ms_per_frame": probe.encode_s * 1000 / max(1, probe.frames),
    }


async def _child_start(data_dir: Path, spawn_wall: float, keys: int) -> dict[str, Any]:
    """Start the explorer headless, wait for the timeline's first paint; maybe time keys."""
    from tui.app import make_app

    probe = Probe()
    app = make_app(data_dir)
    made = time.perf_counter()
    probe.install(app)
    result: dict[str, Any] = {}
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.perf_counter() + CHILD_TIMEOUT
        while probe.first_paint is None and time.perf_counter() < deadline:
            await asyncio.sleep(0.001)
        if probe.first_paint is None:
            raise SystemExit("the timeline never painted rows")
        first = probe.first_paint
        result["first_paint_inproc_s"] = first - _T0
        result["first_paint_spawn_s"] = (_T0_WALL + (first - _T0)) - spawn_wall
        result["make_app_s"] = made - _T0
        result["frames_before_paint"] = probe.frames
        # one filter (a search letter), then the peak memory
        await pilot.press("slash", "e")
        await pilot.pause()
        await pilot.press("escape", "c")
        await pilot.pause()
        result["peak_rss_mb"] = peak_rss_mb()
        if keys:
            result["keys"] = await _key_session(pilot, probe, keys)
            result["peak_rss_keys_mb"] = peak_rss_mb()
    return result


def _time(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def _forget_memos() -> None:
    """Empty the resolver's in-process memo tables, so each phase starts cold."""
    from tui.dates import resolution

    for name in dir(resolution):
        value = getattr(resolution, name)
        if name.startswith("_memo") and isinstance(value, dict):
            value.clear()


def _phase(result: dict[str, Any], key: str, fn: Callable[[], Any]) -> Any:
    """Time `fn` into `result[key]`; an error (the loader changed) is recorded, not raised."""
    try:
        value, result[key] = _time(fn)
    except Exception as exc:
        result[key + "_error"] = repr(exc)
        return None
    return value


def _child_phases(data_dir: Path) -> dict[str, Any]:
    """The load phases alone, in this process: parse, validate + resolve, cache, index.

    Uses `tui.load`, `tui.yamlread` and `tui.cache` directly; a phase whose function
    is missing records an error instead of a time.
    """
    import pickle

    from tui import datafiles, load, opening, yamlread
    from tui.filters import TimelineIndex

    result: dict[str, Any] = {"fast_parser": bool(getattr(yamlread, "HAVE_FAST_PARSER", False))}
    texts = [(data_dir / name).read_text(encoding="utf-8") for name in
             datafiles.DATA_FILES]
    result["data_mb"] = sum(len(t.encode()) for t in texts) / 1e6
    _phase(result, "parse_located_s", lambda: [yamlread.load_yaml(t) for t in texts])
    if result["fast_parser"]:
        _phase(result, "parse_fast_s", lambda: [yamlread.load_yaml_fast(t) for t in texts])
    fast = result["fast_parser"]
    _forget_memos()
    timeline = _phase(result, "validate_folder_s",
                      lambda: load.validate_folder(data_dir, fast=fast))
    parse = result.get("parse_fast_s" if fast else "parse_located_s")
    if "validate_folder_s" in result and parse is not None:
        result["load_validate_s"] = result["validate_folder_s"] - parse
    result["load_parse_s"] = parse
    _forget_memos()
    loaded = _phase(result, "load_cold_s", lambda: opening.open_timeline(data_dir))
    timeline = timeline or loaded
    _phase(result, "load_warm_s", lambda: opening.open_timeline(data_dir))
    try:
        from tui.cache import ModelCache

        entry = _phase(result, "cache_key_s", lambda: ModelCache.for_folder(data_dir))
        if entry is not None:
            _phase(result, "cache_read_s", entry.read)
            entry.path.unlink(missing_ok=True)
            _phase(result, "cache_write_s", lambda: entry.write(timeline))
            result["cache_mb"] = entry.path.stat().st_size / 1e6
    except ImportError as exc:
        result["cache_error"] = repr(exc)
    if timeline is None:
        return result
    _phase(result, "load_index_s", lambda: TimelineIndex.build(timeline))
    blob = _phase(result, "pickle_write_s",
                  lambda: pickle.dumps(timeline, protocol=pickle.HIGHEST_PROTOCOL))
    _phase(result, "pickle_read_s", lambda: pickle.loads(blob))
    result["pickle_mb"] = len(blob) / 1e6
    result["events"] = len(timeline.events)
    result["actors"] = len(timeline.actors)
    result["articles"] = len(timeline.articles)
    if timeline.events:
        result["first_title"] = timeline.events[0].title
        result["years"] = [timeline.events[0].start.year,
                           max(e.end.year for e in timeline.events)]
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def child_main(args: argparse.Namespace) -> int:
    """Run one measuring child and write its JSON result to `--out`."""
    data_dir = Path(args.data)
    if args.child == "start":
        result = asyncio.run(_child_start(data_dir, args.spawn, args.child_keys))
    elif args.child == "phases":
        result = _child_phases(data_dir)
    else:
        raise SystemExit(f"unknown child mode {args.child}")
    Path(args.out).write_text(json.dumps(result), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------------------
# The parent: spawn children, the pty run, the table
# --------------------------------------------------------------------------------------


def run_child(mode: str, data_dir: Path, cache: Path, *extra: str) -> dict[str, Any]:
    """Run `bench.py --child MODE` in a fresh process with `cache` as the cache dir."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    env = {**os.environ, CACHE_ENV: str(cache)}
    spawn = time.time()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--data",
           str(data_dir), "--out", str(out), "--spawn", repr(spawn), *extra]
    try:
        proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True,
                              timeout=CHILD_TIMEOUT)
        if proc.returncode != 0:
            raise RuntimeError(f"child {mode} failed:\n{proc.stderr[-3000:]}")
        return json.loads(out.read_text(encoding="utf-8"))
    finally:
        out.unlink(missing_ok=True)


_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1bP[^\x1b]*\x1b\\|\x1b[@-Z\\-_]"
)


def pty_start(data_dir: Path, cache: Path, marker: str, timeout: float = CHILD_TIMEOUT) -> float:
    """Seconds from spawning `python -m tui` on a 120x40 pty until `marker` is on screen."""
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update({"TERM": "xterm-256color", CACHE_ENV: str(cache)})
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data", str(data_dir)],
        stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True,
    )
    os.close(slave)
    buf = bytearray()
    found: float | None = None
    try:
        deadline = start + timeout
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:
                    break
                if not chunk:
                    break
                buf += chunk
                if marker in _ANSI.sub("", buf.decode("utf-8", "replace")):
                    found = time.perf_counter()
                    break
            elif proc.poll() is not None:
                break
        try:
            os.write(master, b"q")
        except OSError:
            pass
        end = time.perf_counter() + 5
        while proc.poll() is None and time.perf_counter() < end:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    os.read(master, 1 << 16)
                except OSError:
                    break
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
    finally:
        os.close(master)
    if found is None:
        tail = _ANSI.sub("", buf.decode("utf-8", "replace"))[-500:]
        raise RuntimeError(f"pty run: {marker!r} never appeared; output ends {tail!r}")
    return found - start


def size_class(size: str) -> int:
    """Index into a target tuple: shipped 0, up to 10,000 events 1, more 2."""
    if size == "shipped":
        return 0
    return 1 if int(size) <= 10_000 else 2


def measure_size(size: str, repeat: int, keys: int, work: Path, log: Callable[[str], None]
                 ) -> dict[str, Any]:
    """Every measure for one size; returns raw runs and the medians."""
    result: dict[str, Any] = {"size": size}
    if size == "shipped":
        data_dir = ROOT / "data"
    else:
        from tests.benchgen import generate

        start = time.perf_counter()
        data_dir = generate(work / f"gen-{size}", int(size))
        result["generate_s"] = time.perf_counter() - start
        log(f"[{size}] generated in {result['generate_s']:.1f} s")

    def fresh_cache() -> Path:
        return Path(tempfile.mkdtemp(prefix="cache-", dir=work))

    phases = run_child("phases", data_dir, fresh_cache())
    result["phases"] = phases
    log(f"[{size}] phases: " + ", ".join(
        f"{k}={v:.3f}" for k, v in phases.items() if isinstance(v, float)))
    for key, value in phases.items():
        if key.endswith("_error"):
            log(f"[{size}] phase {key}: {value}")
    values: dict[str, Any] = {k: phases.get(k) for k, _ in ROWS}

    runs: dict[str, list[Any]] = {"cold": [], "warm": [], "cold_pty": [], "warm_pty": []}
    for i in range(repeat):
        if i and runs["cold"] and runs["cold"][0]["first_paint_spawn_s"] > SLOW_RUN:
            break
        cache = fresh_cache()
        runs["cold"].append(run_child("start", data_dir, cache))
        runs["warm"].append(run_child("start", data_dir, cache))
        warm_cache = cache  # filled: the keystroke session starts warm, as people do
        log(f"[{size}] headless run {i + 1}: cold {runs['cold'][-1]['first_paint_spawn_s']:.3f}"
            f" s, warm {runs['warm'][-1]['first_paint_spawn_s']:.3f} s")
    marker = str(phases.get("first_title", ""))[:20]
    for i in range(repeat):
        if i and runs["cold_pty"] and runs["cold_pty"][0] > SLOW_RUN:
            break
        cache = fresh_cache()
        try:
            runs["cold_pty"].append(pty_start(data_dir, cache, marker))
            runs["warm_pty"].append(pty_start(data_dir, cache, marker))
        except RuntimeError as exc:
            log(f"[{size}] {exc}")
            break
        log(f"[{size}] pty run {i + 1}: cold {runs['cold_pty'][-1]:.3f} s, "
            f"warm {runs['warm_pty'][-1]:.3f} s")
    keyrun = run_child("start", data_dir, warm_cache, "--child-keys", str(keys))
    result["runs"] = {**runs, "keys": keyrun}
    k = keyrun["keys"]
    log(f"[{size}] keys: filter p95 {k['filter']['p95']:.1f} ms, "
        f"scroll p95 {k['scroll']['p95']:.1f} ms, no repaint {k['no_repaint']}, "
        f"escape encoding {k['encode_ms_per_frame']:.2f} ms/frame")

    values.update({
        "cold_headless": median([r["first_paint_spawn_s"] for r in runs["cold"]]),
        "cold_headless_inproc": median([r["first_paint_inproc_s"] for r in runs["cold"]]),
        "warm_headless": median([r["first_paint_spawn_s"] for r in runs["warm"]]),
        "warm_headless_inproc": median([r["first_paint_inproc_s"] for r in runs["warm"]]),
        "cold_pty": median(runs["cold_pty"]),
        "warm_pty": median(runs["warm_pty"]),
        "filter_p50_ms": k["filter"]["p50"],
        "filter_p95_ms": k["filter"]["p95"],
        "filter_actor_p95_ms": k["actor"]["p95"],
        "filter_year_p95_ms": k["year"]["p95"],
        "filter_search_p95_ms": k["search"]["p95"],
        "filter_pilot_p95_ms": k["filter_pilot"]["p95"],
        "scroll_p50_ms": k["scroll"]["p50"],
        "scroll_p95_ms": k["scroll"]["p95"],
        "scroll_pilot_p95_ms": k["scroll_pilot"]["p95"],
        "peak_rss_mb": median([r["peak_rss_mb"] for r in runs["warm"]]),
        "peak_rss_cold_mb": median([r["peak_rss_mb"] for r in runs["cold"]]),
        "peak_rss_keys_mb": keyrun.get("peak_rss_keys_mb"),
    })
    result["values"] = values
    result["events"] = phases.get("events")
    return result


def verdict(key: str, size: str, value: float | None) -> tuple[float | None, str]:
    """(target, mark) for `value` of measure `key` at `size`."""
    targets = TARGETS.get(key)
    target = targets[size_class(size)] if targets else None
    if target is None or value is None:
        return target, ""
    return target, "✓" if value <= target else "✗"


def format_table(results: list[dict[str, Any]]) -> str:
    """The measure × size table, each cell with its target and ✓/✗."""
    head = ["measure"] + [f"{r['size']} ({r.get('events')} ev)" for r in results]
    lines = [head]
    for key, label in ROWS:
        row = [label]
        for r in results:
            value = r["values"].get(key)
            target, mark = verdict(key, r["size"], value)
            if value is None:
                cell = "—"
            else:
                cell = f"{value:.1f}" if key.endswith(("_ms", "_mb")) else f"{value:.3f}"
            if target is not None:
                cell += f" {mark} (≤{target:g})"
            row.append(cell)
        lines.append(row)
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = []
    for n, line in enumerate(lines):
        text.append("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))
        if n == 0:
            text.append("  ".join("-" * w for w in widths))
    return "\n".join(text)


def parent_main(args: argparse.Namespace) -> int:
    """Measure every size and print the table (and write JSON)."""
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    info = machine_info()

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    log("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    work = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    results = []
    try:
        for size in sizes:
            results.append(measure_size(size, args.repeat, args.keys, work, log))
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB, "
          f"Python {info['python']}, Textual {info['textual']}")
    print(f"Medians over {args.repeat} runs (cold runs over {SLOW_RUN:g} s are run once); "
          "keystroke latencies: key press → end of the first frame that repainted the "
          "timeline (headless, frames encoded as for a terminal).")
    print()
    print(format_table(results))
    if args.json:
        payload = {"machine": info, "repeat": args.repeat, "targets": TARGETS,
                   "results": results}
        Path(args.json).write_text(json.dumps(payload, indent=2), encoding="utf-8")
        log(f"wrote {args.json}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line; run as the parent or as one measuring child."""
    parser = argparse.ArgumentParser(description="Benchmark the timeline explorer.")
    parser.add_argument("--sizes", default="shipped,10000,100000",
                        help="comma-separated: 'shipped' and/or numbers of generated events")
    parser.add_argument("--repeat", type=int, default=3, help="runs per start-up measure")
    parser.add_argument("--keys", type=int, default=30,
                        help="keystrokes of each filter kind (scroll: about ten times more)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--spawn", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--child-keys", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_main(args)
    return parent_main(args)


if __name__ == "__main__":
    sys.exit(main())
