"""Publication dates as the views show them."""

from __future__ import annotations

from datetime import date

import pytest

from tui.model import Article
from tui.present import published_label, published_words


def _article(basis: str, earliest: date | None, latest: date | None, likely: str) -> Article:
    return Article(
        "a", "a.txt", "T", "O", None, date(2024, 4, 11), basis, "", "", "headline",
        earliest, latest, likely,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("article", "label"),
    [
        (_article("stated", None, None, "evidence"), "2024-04-11"),
        (_article("inferred", None, None, "evidence"), "2024-04-11 (inferred)"),
        (
            _article("inferred", date(2024, 4, 10), date(2024, 4, 12), "evidence"),
            "2024-04-10–04-12 (inferred, most likely 2024-04-11)",
        ),
        (
            _article("inferred", date(2024, 4, 9), date(2024, 4, 15), "convention"),
            "2024-04-09–04-15 (inferred, shown first 2024-04-11)",
        ),
        (
            _article("inferred", date(2023, 12, 30), date(2024, 4, 11), "evidence"),
            "2023-12-30–2024-04-11 (inferred, most likely 2024-04-11)",
        ),
    ],
)
def test_published_label(article: Article, label: str) -> None:
    assert published_label(article) == label


@pytest.mark.parametrize(
    ("article", "words"),
    [
        (_article("stated", None, None, "evidence"), "11 April 2024"),
        (_article("inferred", None, None, "evidence"), "11 April 2024 (publication date inferred)"),
        (
            _article("inferred", date(2024, 4, 10), date(2024, 4, 12), "evidence"),
            "between 10 and 12 April 2024, most likely 11 April 2024 (publication date inferred)",
        ),
        # The day shown first by convention is no publication date: a citation names none.
        (
            _article("inferred", date(2024, 4, 9), date(2024, 4, 15), "convention"),
            "between 9 and 15 April 2024 (publication date inferred)",
        ),
        (
            _article("inferred", date(2024, 3, 30), date(2024, 4, 11), "convention"),
            "between 30 March and 11 April 2024 (publication date inferred)",
        ),
        (
            _article("inferred", date(2023, 12, 30), date(2024, 4, 11), "evidence"),
            "between 30 December 2023 and 11 April 2024, most likely 11 April 2024 "
            "(publication date inferred)",
        ),
    ],
)
def test_published_words_cite_a_window_as_the_window(article: Article, words: str) -> None:
    assert published_words(article) == words


def test_a_descriptive_title_is_shown_in_square_brackets_everywhere() -> None:
    """A new user's trial: a title we wrote (the article has no headline) was shown and
    cited as the article's own: in the source pane, the article view, the palette, the
    filters and the Markdown, TimelineJS and calendar citations."""
    from dataclasses import replace

    from tui.export.common import citation_words
    from tui.present import article_title

    ours = replace(_article("stated", None, None, "evidence"), title="Port talks",
                   title_basis="descriptive")  # fmt: skip
    theirs = replace(ours, title_basis="headline")
    assert (ours.shown_title, theirs.shown_title) == ("[Port talks]", "Port talks")
    assert article_title(ours).endswith(" · O · [Port talks]")
    assert citation_words(ours).startswith("[Port talks], O, ")
    assert citation_words(theirs).startswith("“Port talks”, O, ")
    # A review: a title the curator bracketed already is not bracketed twice.
    assert replace(ours, title="[Untitled wire report]").shown_title == "[Untitled wire report]"


def test_filter_words_name_a_descriptive_title_in_brackets_not_quotes() -> None:
    """A review: "article “[China kicks off …]”" quoted a title that is not the article's."""
    from tui.datafiles import default_data_dir
    from tui.filters import Filter, filter_words
    from tui.load import load_timeline

    shipped = load_timeline(default_data_dir())
    ours = filter_words(shipped, Filter(article="explainer-2025-09-04"))
    assert ours == ("article [Explainer: the Xi Jinping–Kim Jong Un meeting and China–North "
                    "Korea ties]")
    theirs = filter_words(shipped, Filter(article="koreatimes-2021-06-24"))
    assert theirs == "article “North Korea commences solidifying ties with China”"
