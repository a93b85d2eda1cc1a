"""How dates and publication dates read in every view: plain strings, no Textual."""

from __future__ import annotations

from tui.model import Article


def published_label(article: Article) -> str:
    """The publication date as views show it.

    '2021-06-24' when stated; '2024-04-10–04-12 (inferred, most likely 2024-04-11)'
    for a window; '2024-04-11 (inferred)' for an inferred single day.
    """
    day = article.published.isoformat()
    if article.published_window:
        first, last = article.earliest, article.latest
        end = f"{last:%m-%d}" if first.year == last.year else last.isoformat()
        likely = "shown first" if article.published_likely_basis == "convention" else "most likely"
        return f"{first.isoformat()}–{end} (inferred, {likely} {day})"
    return f"{day} (inferred)" if article.published_inferred else day
