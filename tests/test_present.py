"""Publication dates as the views show them."""

from __future__ import annotations

from datetime import date

import pytest

from tui.model import Article
from tui.present import published_label


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
