"""Benchmark of what a person sees: the explorer through a real terminal, and the commands.

Run by hand (pytest does not collect it), or `make bench`:

    python tests/bench.py [--shapes narrow,wide] [--sizes shipped,10000,100000]
                          [--repeat 3] [--keys 20] [--quiet 0.15] [--json FILE]
                          [--headless] [--no-visidata]

Quick check: `python tests/bench.py --sizes shipped,10000 --repeat 1`.

For each data shape (`tests/benchgen.py --shape`) and size the data is generated
once into a temporary folder ("shipped" is the project's own data, the same for
both shapes, and measured once); `tests/benchrun.py` then takes every measure in
fresh processes, the explorer on a 120x40 pseudo-terminal read through a terminal
emulator (`tests/benchpty.py`). A keystroke's time runs from writing the key to
the screen settled: its characters changed as expected, then no output for the
quiet interval (150 ms), the time being that of the last change. The table per
shape matches the performance issue's targets (medians; keystrokes p95), with ✓
or ✗; a cold measure slower than 20 s is taken once. `--headless` adds the older
in-process measures (`tests/benchheadless.py`: `App.run_test`, load phases).
"""

from __future__ import annotations

import argparse
import compileall
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchgen import SHAPES  # noqa: E402
from tests.benchheadless import HEADLESS_ROWS, headless_measures, machine_info  # noqa: E402
from tests.benchrun import Options, measure  # noqa: E402

# (key, label, targets for shipped / 10k / 100k or None, unit)
Row = tuple[str, str, tuple[float | None, float | None, float | None], str]
ROWS: list[Row] = [
    ("paint_warm_s", "first paint, warm", (0.4, 0.5, 0.8), "s"),
    ("paint_cold_s", "first paint, cold", (0.5, 1.0, 5.0), "s"),
    ("ready_warm_s", "whole timeline read, filters ready, warm", (None, None, None), "s"),
    ("edit_check_s", "re-read after editing one event: check", (None, 0.5, 1.5), "s"),
    ("edit_live_s", "re-read after editing one event: explorer", (None, 0.5, 1.5), "s"),
    ("search_p95_ms", "search letter → settled, p95", (50, 50, 100), "ms"),
    ("actor_p95_ms", "actor toggle → settled, p95", (50, 50, 100), "ms"),
    ("j_p95_ms", "j → settled, p95", (50, 50, 100), "ms"),
    ("esc_p95_ms", "Esc closing the filter panel, p95", (50, 50, 100), "ms"),
    ("search_p50_ms", "search letter → settled, p50", (None, None, None), "ms"),
    ("actor_p50_ms", "actor toggle → settled, p50", (None, None, None), "ms"),
    ("j_p50_ms", "j → settled, p50", (None, None, None), "ms"),
    ("esc_p50_ms", "Esc closing the filter panel, p50", (None, None, None), "ms"),
    ("open_filters_p50_ms", "a (open the filter panel) → settled, p50", (None, None, None), "ms"),
    ("peak_rss_mb", "peak memory, warm, after filters", (None, 120, 400), "MB"),
    ("export_s", "export --format csv, warm", (None, 0.3, 2.0), "s"),
    ("export_mb", "export --format csv, warm, peak memory", (None, None, 400), "MB"),
    ("check_cold_s", "check, cold", (None, None, None), "s"),
    ("check_warm_s", "check, warm", (None, None, None), "s"),
    ("vd_first_row_s", "VisiData: first row of the CSV export", (None, None, None), "s"),
    ("vd_ratio", "first paint warm ÷ VisiData's first row", (None, None, None), "×"),
]


def size_class(size: str) -> int:
    """Index into a target tuple: shipped 0, up to 10,000 events 1, more 2."""
    if size == "shipped":
        return 0
    return 1 if int(size) <= 10_000 else 2


def cell(value: float | None, target: float | None, unit: str) -> str:
    """A table cell: the value, and against a target ✓ or ✗ with the target."""
    if value is None:
        return "—"
    text = f"{value:.0f}" if unit in ("ms", "MB") else f"{value:.2f}"
    if target is None:
        return text
    return f"{text} {'✓' if value <= target else '✗'} (≤ {target:g})"


def format_table(shape: str, results: list[tuple[str, dict[str, Any]]],
                 extra: list[tuple[str, str]]) -> str:
    """The measure × size table of one shape, as Markdown."""
    head = ["measure", *[("shipped" if s == "shipped" else f"{int(s):,}") for s, _ in results]]
    lines = [f"shape: {shape}", "", "| " + " | ".join(head) + " |",
             "|" + " --- |" * len(head)]
    for key, label, targets, unit in ROWS:
        cells = [cell(v.get(key), targets[size_class(s)], unit) for s, v in results]
        lines.append(f"| {label} ({unit}) | " + " | ".join(cells) + " |")
    for key, label in extra:
        unit = "ms" if "(ms)" in label else "s"
        cells = [cell(v.get(key), None, unit) for _, v in results]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def generate_in_child(shape: str, root: Path, events: int) -> Path:
    """Generate the data in a child process; the data folder.

    On Linux a child's peak memory (`ru_maxrss`) starts from its parent's size at
    `fork`, so generating 100,000 events in this process would put a floor of
    several hundred megabytes under every later measure of memory.
    """
    code = (
        "import sys; from pathlib import Path; from tests.benchgen import generate_shape; "
        "print(generate_shape(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, shape, str(root), str(events)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    return Path(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Measure every shape and size; print the tables (and write JSON)."""
    parser = argparse.ArgumentParser(description="Benchmark the timeline explorer.")
    parser.add_argument("--shapes", default="narrow,wide",
                        help=f"comma-separated data shapes: {', '.join(SHAPES)}")
    parser.add_argument("--sizes", default="shipped,10000,100000",
                        help="comma-separated: 'shipped' and/or numbers of generated events")
    parser.add_argument("--repeat", type=int, default=3, help="runs per start-up measure")
    parser.add_argument("--keys", type=int, default=20, help="timed keystrokes of each kind")
    parser.add_argument("--quiet", type=float, default=0.15,
                        help="seconds without output that mean the screen has settled")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    parser.add_argument("--headless", action="store_true",
                        help="also the in-process measures and load phases")
    parser.add_argument("--no-visidata", action="store_true", help="skip VisiData")
    args = parser.parse_args(argv)
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    opts = Options(repeat=args.repeat, keys=args.keys, quiet=args.quiet,
                   visidata=not args.no_visidata)
    info = machine_info()
    # A person's second start finds the package's bytecode written by the first;
    # where PYTHONDONTWRITEBYTECODE is set nothing writes it, and every start would
    # compile the whole package again. Measure what the person sees.
    compileall.compile_dir(ROOT / "tui", quiet=1)

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    log("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    work = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    results: dict[str, list[tuple[str, dict[str, Any]]]] = {shape: [] for shape in shapes}
    shipped: dict[str, Any] | None = None
    began = time.perf_counter()
    try:
        for shape in shapes:
            for size in sizes:
                start = time.perf_counter()
                if size == "shipped" and shipped is not None:
                    results[shape].append((size, shipped))
                    continue
                log(f"[{shape} {size}]")
                if size == "shipped":
                    data_dir = ROOT / "data"
                else:
                    data_dir = generate_in_child(shape, work / f"{shape}-{size}", int(size))
                values = measure(data_dir, opts, work, log)
                if args.headless:
                    values.update(headless_measures(data_dir, args.repeat, args.keys, work, log))
                values["seconds"] = time.perf_counter() - start
                log(f"  ({values['seconds']:.0f} s for this size)")
                results[shape].append((size, values))
                if size == "shipped":
                    shipped = values
                if not args.keep and data_dir != ROOT / "data":
                    shutil.rmtree(data_dir.parent, ignore_errors=True)
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB, "
          f"Python {info['python']}, Textual {info['textual']}; "
          f"{time.perf_counter() - began:.0f} s in all")
    print(f"Medians of {args.repeat} runs (cold runs over 20 s once); keystrokes through a "
          f"120x40 pty, {args.keys} of each kind, key written → screen settled "
          f"({args.quiet * 1000:.0f} ms without output).")
    extra = [(k, label) for k, label in HEADLESS_ROWS] if args.headless else []
    for shape in shapes:
        print()
        print(format_table(shape, results[shape], extra))
    if args.json:
        payload = {"machine": info, "repeat": args.repeat, "quiet": args.quiet,
                   "rows": ROWS, "results": results}
        Path(args.json).write_text(json.dumps(payload, indent=2), encoding="utf-8")
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
