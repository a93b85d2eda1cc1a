"""Re-reading after an edit: articles and actors taken again while their files are unchanged.

Random edits to `articles.yaml`, `actors.yaml`, a seed article and `events.yaml`,
in two loads in a row: a load that takes what the last one kept (in memory, and
read back from the cache) gives what a fresh load gives, problems included. The
table tests check that unchanged files are not read again and changed ones are.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reuse_helpers import copy_shipped, outcome
from tui import load as load_module
from tui.cache import ModelCache
from tui.load import load_reusing


def _replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    return edit


def _seed(change: Callable[[str], str]) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        seed = sorted((folder.parent / "seeds").iterdir())[0]
        seed.write_text(change(seed.read_text(encoding="utf-8")), encoding="utf-8")

    return edit


def _append(name: str, text: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


def _remove_seed(folder: Path) -> None:
    sorted((folder.parent / "seeds").iterdir())[1].unlink()


# One edit to a file other than `events.yaml` (or to it, for comparison).
EDITS: list[Callable[[Path], None]] = [
    lambda folder: None,
    _replace("articles.yaml", "title: ", "title: Edited "),
    _replace("articles.yaml", "outlet: ", "outlet: Other "),
    _replace("articles.yaml", '"2024-04-11"', '"2024-04-13"'),  # outside its window
    _replace("articles.yaml", "  - id: ", "  - id: x"),  # its events' article unknown
    _replace("articles.yaml", "articles:", 'articles: "'),  # broken YAML
    _seed(lambda text: text + "\nA line added.\n"),
    _seed(lambda text: text.replace(" ", "  ", 3)),  # white space: quotes still found
    _seed(lambda text: text[len(text) // 2 :]),  # quotes lost
    _remove_seed,
    _replace("actors.yaml", "name: ", "name: Edited "),
    _replace("actors.yaml", "aliases: [", "aliases: [Another, "),
    _append("actors.yaml", "  - id: nobody-at-all\n    name: Nobody\n    kind: person\n"),
    _replace("actors.yaml", "  - id: china", "  - id: chinaa"),  # named by events
    _replace("actors.yaml", "kind: country", "kinds: country"),
    _replace("events.yaml", "title: ", "title: Edited "),
]


@settings(max_examples=40, deadline=None)
@given(
    first=st.lists(st.integers(0, len(EDITS) - 1), min_size=1, max_size=2),
    second=st.lists(st.integers(0, len(EDITS) - 1), max_size=2),
    through_cache=st.booleans(),
)
def test_reusing_articles_and_actors_gives_what_a_full_load_gives(
    tmp_path_factory: pytest.TempPathFactory,
    first: list[int],
    second: list[int],
    through_cache: bool,
) -> None:
    """Edits in two loads in a row; what is kept goes through the cache or stays in memory."""
    root = tmp_path_factory.mktemp("sources")
    folder = copy_shipped(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TIMELINE_CACHE_DIR", str(root / "cache"))
        _edits_in_a_row(folder, first, second, through_cache)


def _edits_in_a_row(folder: Path, first: list[int], second: list[int], through_cache: bool) -> None:
    timeline, _, previous = outcome(folder, None)
    assert previous is not None and previous.sources.articles is not None
    for edits in (first, second):
        if through_cache and timeline is not None and previous is not None:
            cache = ModelCache.for_folder(folder)
            assert cache is not None
            cache.write(timeline, previous)
            previous = cache.read_own_reuse(timeline)
            assert previous is not None and previous.sources.actors is not None
        for edit in edits:
            EDITS[edit](folder)
        reused = outcome(folder, previous)
        fresh = outcome(folder, None)
        assert reused[:2] == fresh[:2]
        if reused[2] is not None:
            timeline, previous = reused[0], reused[2]


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    real_articles, real_actors = load_module.load_articles, load_module.load_actors

    def articles(*args: object, **kwargs: object) -> object:
        read.append("articles")
        return real_articles(*args, **kwargs)  # type: ignore[arg-type]

    def actors(*args: object, **kwargs: object) -> object:
        read.append("actors")
        return real_actors(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(load_module, "load_articles", articles)
    monkeypatch.setattr(load_module, "load_actors", actors)
    return read


@pytest.mark.parametrize(
    ("edit", "read_again"),
    [
        (_replace("events.yaml", "title: ", "title: Edited "), []),
        (_replace("articles.yaml", "title: ", "title: Edited "), ["articles"]),
        (_seed(lambda text: text + "\nA line added.\n"), ["articles"]),
        (_replace("actors.yaml", "name: ", "name: Edited "), ["actors"]),
    ],
)
def test_only_changed_files_are_read_again(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    edit: Callable[[Path], None],
    read_again: list[str],
) -> None:
    folder = copy_shipped(tmp_path)
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    timeline, previous = load_reusing(folder)
    cache = ModelCache.for_folder(folder)
    assert cache is not None and previous is not None
    cache.write(timeline, previous)
    edit(folder)
    read = _count_reads(monkeypatch)
    again, _ = load_reusing(folder, cache.read_reuse())  # read back from the cache
    assert read == read_again
    assert again == load_reusing(folder)[0]
