"""Articles: their shape, their publication date or window, and their seed text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tui.datafiles import ARTICLES_FILE, DEFAULT_SEEDS_DIR
from tui.loading.collect import At, Problems
from tui.loading.quotes import FoldedText
from tui.loading.reading import read_text_file
from tui.loading.schema import ARTICLE, check_shape, read_id, read_values
from tui.model import Article
from tui.readfile import resolved
from tui.yamlread import line_of


def load_articles(
    data_dir: Path, items: list[Any], problems: Problems
) -> tuple[dict[str, Article], dict[str, FoldedText]]:
    """Every valid article with its seed text, and the text folded for finding quotes."""
    seeds_dir = resolved(data_dir / DEFAULT_SEEDS_DIR)
    articles: dict[str, Article] = {}
    folded: dict[str, FoldedText] = {}
    seen: dict[str, int | None] = {}
    for i, entry in enumerate(items):
        at = problems.at(ARTICLES_FILE, entry, "article", line_of(items, i))
        if not check_shape(entry, ARTICLE, at):
            continue
        aid = read_id(entry, at, seen)
        if aid is None:
            continue
        at = at.named(f"article '{aid}'")
        values = read_values(entry, ARTICLE, at)
        if values is None:
            continue
        window = _publication_window(values, aid, at)
        if window is None:
            continue
        seed_name: str = values["file"]
        if Path(seed_name).name != seed_name:
            at.add(
                "file",
                f"seed file '{seed_name}' must be a file name in seeds/, not a path",
                "put the article in the seeds/ folder and give its name alone",
            )
            continue
        text = read_text_file(
            seeds_dir / seed_name,
            f"seeds/{seed_name}",
            problems,
            line=at.line("file"),
            where=ARTICLES_FILE,
            what="seed article",
            missing_hint=f"seed articles are read from {seeds_dir}, beside the data folder",
        )
        if text is None:
            continue
        published: date = values["published"]
        articles[aid] = Article(
            id=aid,
            file=seed_name,
            title=values["title"],
            outlet=values["outlet"],
            author=values["author"],
            published=published,
            published_basis=values["published_basis"],
            published_note=values["published_note"],
            text=text,
            title_basis=values["title_basis"] or "headline",
            published_earliest=window[0] if window[0] != published else None,
            published_latest=window[1] if window[1] != published else None,
            published_likely_basis=values["published_likely_basis"] or "evidence",
        )
        folded[aid] = FoldedText(text)
    return articles, folded


def _publication_window(values: dict[str, Any], aid: str, at: At) -> tuple[date, date] | None:
    """(earliest, latest) publication days of an article; None after reporting a problem.

    An inferred date must give its window; a stated one may not differ from it.
    """
    published: date = values["published"]
    basis = values["published_basis"]
    ends: list[date] = []
    for key in ("published_earliest", "published_latest"):
        day = values[key]
        if day is None:
            if basis == "inferred":
                at.add(
                    "published",
                    f"article '{aid}' has an inferred publication date but no '{key}'",
                    "an inferred date is a window: give 'published_earliest' and "
                    "'published_latest' (the days the text allows) and say why in "
                    "'published_note'; 'published' is the most likely day",
                )
                return None
            day = published
        ends.append(day)
    earliest, latest = ends
    if not earliest <= published <= latest:
        at.add(
            "published",
            f"article '{aid}': 'published' {published.isoformat()} is outside its window "
            f"{earliest.isoformat()} to {latest.isoformat()}",
            "'published' is the most likely day, between 'published_earliest' and "
            "'published_latest'",
        )
        return None
    if basis == "stated" and earliest != latest:
        at.add(
            "published_earliest",
            f"article '{aid}' has a stated publication date but a window of several days",
            "a stated date is one day: leave out the window, or say 'published_basis: inferred'",
        )
        return None
    return earliest, latest
