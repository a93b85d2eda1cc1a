"""The adjectives news uses for the countries it names, for guessing a sentence's actors.

"Chinese and North Korean officials met" names China and North Korea without
their names. A country actor named as the right-hand side (or with that name as
an alias) is proposed for a sentence that holds the adjective. Only a guess for a
form to fill in (`tui.workbench.actors_in`): the curator keeps or drops it.
"""

from __future__ import annotations

import re

DEMONYMS: dict[str, str] = {
    "Chinese": "China",
    "North Korean": "North Korea",
    "South Korean": "South Korea",
    "Russian": "Russia",
    "Soviet": "Soviet Union",
    "American": "United States",
    "Japanese": "Japan",
    "Mongolian": "Mongolia",
    "Vietnamese": "Vietnam",
    "Taiwanese": "Taiwan",
    "Ukrainian": "Ukraine",
    "Iranian": "Iran",
    "Syrian": "Syria",
    "Cuban": "Cuba",
    "Laotian": "Laos",
    "Indian": "India",
    "Pakistani": "Pakistan",
    "British": "United Kingdom",
    "French": "France",
    "German": "Germany",
    "Belarusian": "Belarus",
}


# Phrases in which an adjective names no country of its own.
_NOT_THE_COUNTRY = re.compile(
    r"\b(?:Latin|South|Central|North|Native|Pan)[ -]American\b|\bIndian\s+Ocean\b"
    r"|\bFrench\s+(?:fries|Polynesia|Guiana)\b|\bKorean\s+War\b"
)


def countries_named_by_adjective(sentence: str) -> set[str]:
    """The country names whose adjective stands in `sentence` as a word of its own."""
    sentence = _NOT_THE_COUNTRY.sub(" ", sentence)
    return {
        country
        for adjective, country in DEMONYMS.items()
        if adjective in sentence and re.search(rf"(?<!\w){re.escape(adjective)}(?!\w)", sentence)
    }
