"""The benchmark's in-process measures: the explorer under `App.run_test`, and the load phases.

`tests/bench.py --headless` runs these beside its pseudo-terminal measures;
each is taken in a fresh process, this module run as
`python tests/benchheadless.py --child MODE --data DIR --out FILE`:

* `start`: first paint of the timeline headless (`App.run_test(size=(120, 40))`,
  first paint = the first frame in which the `TimelineView` rendered lines while
  it had rows), then one filter and the peak memory; with `--child-keys N`, filter
  keystrokes (actor and year toggles, search letters) and scroll keystrokes timed
  from the key press to the end of the first frame that repainted the timeline;
* `phases`: the load phases alone (parse, validate + resolve, index, cache).
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
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchrun import median, percentile  # noqa: E402

SIZE = (120, 40)
CACHE_ENV = "TIMELINE_CACHE_DIR"
CHILD_TIMEOUT = 900.0
SLOW_RUN = 20.0  # a cold run slower than this is not repeated


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


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

    Uses `tui.load`, `tui.yamlread`, `tui.yamllocated` and `tui.cache` directly; a
    phase whose function is missing records an error instead of a time.
    """
    import pickle

    from tui import datafiles, load, opening, yamllocated, yamlread
    from tui.filters import TimelineIndex

    result: dict[str, Any] = {"fast_parser": bool(getattr(yamlread, "HAVE_FAST_PARSER", False))}
    texts = [(data_dir / name).read_text(encoding="utf-8") for name in
             datafiles.DATA_FILES]
    result["data_mb"] = sum(len(t.encode()) for t in texts) / 1e6
    _phase(result, "parse_located_s", lambda: [yamllocated.load_yaml(t) for t in texts])
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


HEADLESS_ROWS = [
    ("cold_headless", "first paint, cold, headless (s, from spawn)"),
    ("warm_headless", "first paint, warm, headless (s, from spawn)"),
    ("filter_p95_ms", "filter key → first repaint, headless, p95 (ms)"),
    ("scroll_p95_ms", "scroll key → first repaint, headless, p95 (ms)"),
    ("load_validate_s", "load: validate + resolve + build (s)"),
    ("parse_fast_s", "load: parse YAML fast (yaml_rs) (s)"),
    ("cache_read_s", "load: cache read (unpickle) (s)"),
    ("load_index_s", "explorer: TimelineIndex.build (s)"),
]


def headless_measures(
    data_dir: Path, repeat: int, keys: int, work: Path, log: Callable[[str], None]
) -> dict[str, Any]:
    """The in-process measures (`App.run_test`) and the load phases, for one data folder.

    Cold and warm first paint headless (medians of `repeat`), filter and scroll
    keystrokes to the first repainted frame, and the load phases alone.
    """

    def fresh_cache() -> Path:
        return Path(tempfile.mkdtemp(prefix="cache-", dir=work))

    phases = run_child("phases", data_dir, fresh_cache())
    cold: list[float] = []
    warm: list[float] = []
    cache = fresh_cache()
    for i in range(repeat):
        if i and cold and cold[0] > SLOW_RUN:
            break
        cache = fresh_cache()
        cold.append(run_child("start", data_dir, cache)["first_paint_spawn_s"])
        warm.append(run_child("start", data_dir, cache)["first_paint_spawn_s"])
    keyrun = run_child("start", data_dir, cache, "--child-keys", str(keys))["keys"]
    log(f"  headless: cold {median(cold)}, warm {median(warm)}, "
        f"filter p95 {keyrun['filter']['p95']}, scroll p95 {keyrun['scroll']['p95']}")
    values = {k: phases.get(k) for k, _ in HEADLESS_ROWS}
    values.update({
        "cold_headless": median(cold),
        "warm_headless": median(warm),
        "filter_p95_ms": keyrun["filter"]["p95"],
        "scroll_p95_ms": keyrun["scroll"]["p95"],
    })
    return values


def main(argv: list[str] | None = None) -> int:
    """Run one measuring child (`--child MODE --data DIR --out FILE`)."""
    parser = argparse.ArgumentParser(description="A measuring child of tests/bench.py.")
    parser.add_argument("--child", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--spawn", type=float, default=0.0)
    parser.add_argument("--child-keys", type=int, default=0)
    return child_main(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
