"""Shared fixtures: a small, valid data folder written into a temporary directory.

Tests that need bad input start from `write_data_dir` and replace one file's text,
so every loader test knows exactly which line its problem is on.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tui import cache as cache_module

# Property-based tests: "ci" (the default) keeps the whole suite quick; "dev" runs
# many more examples for a local search (HYPOTHESIS_PROFILE=dev pytest ...).
settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,  # a shared CI machine is slow now and then; hangs are caught otherwise
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same examples on every run: CI never flakes on a new one
)
settings.register_profile(
    "dev", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_DATA = ROOT / "data"

SEED_TEXT = (
    "Leaders met in the capital on Saturday to sign a trade pact.\n"
    "The pact follows talks held on June 17, officials said.\n"
    "Relations    were established in 1949\nand have lasted since.\n"
)

ARTICLES_YAML = """\
articles:
  - id: news-1
    file: one.txt
    title: Leaders sign a trade pact
    outlet: Example News
    author: null
    published: "2024-04-15"
    published_earliest: "2024-04-15"
    published_latest: "2024-04-15"
    published_basis: inferred
    published_note: The text speaks of Saturday's signing in the past.
"""

ACTORS_YAML = """\
actors:
  - id: north-korea
    name: North Korea
    kind: country
    aliases: [Pyongyang]
  - id: china
    name: China
    kind: country
  - id: kim-jong-un
    name: Kim Jong Un
    kind: person
    aliases: [Kim Jong-un, Kim]
    acts_for: [north-korea]
"""

EVENTS_YAML = """\
events:
  - id: pact-signed
    title: Trade pact signed
    summary: The two sides signed a trade pact.
    kind: treaty
    actors: [china, kim-jong-un]
    sources:
      - article: news-1
        quote: "Leaders met in the capital on Saturday to sign a trade pact."
        date_text: on Saturday
  - id: talks-held
    title: Talks held
    kind: meeting
    actors: [china, north-korea]
    sources:
      - article: news-1
        quote: "The pact follows talks held on June 17, officials said."
        date_text: June 17
  - id: relations-established
    title: Relations established
    kind: anniversary
    actors: [china, north-korea]
    sources:
      - article: news-1
        quote: "Relations were established in 1949 and have lasted since."
        date_text: in 1949
"""


def write_data_dir(
    root: Path,
    *,
    articles: str = ARTICLES_YAML,
    actors: str = ACTORS_YAML,
    events: str = EVENTS_YAML,
    seeds: dict[str, str | bytes] | None = None,
) -> Path:
    """Write a data folder (and its sibling seeds/) under `root`; return the data folder."""
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    for name, text in (seeds if seeds is not None else {"one.txt": SEED_TEXT}).items():
        path = root / "seeds" / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    for name, text in (
        ("articles.yaml", articles),
        ("actors.yaml", actors),
        ("events.yaml", events),
    ):
        (data / name).write_text(text, encoding="utf-8")
    return data


@pytest.fixture(autouse=True)
def model_cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own, empty model cache (never the user's), and no base
    for patches left in memory by another test."""
    directory = tmp_path_factory.mktemp("model-cache")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(directory))
    monkeypatch.setattr(cache_module, "_base", None)
    return directory


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A small valid data folder."""
    return write_data_dir(tmp_path)


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m tui ARGS` in a fresh process and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
