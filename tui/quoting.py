"""A quote in quotation marks, as every view and export shows one.

No imports: the CSV export, which must start quickly, uses it as the event pane does.
"""

from __future__ import annotations

OPENING_QUOTES = ("“", '"', "‘", "«", "„")
CLOSING_QUOTES = ("”", '"', "’", "»", "“")


def quoted(text: str) -> str:
    """`text` in “ ” quotation marks, unless it starts or ends with a mark of its own.

    A quote that starts or ends with the article's quotation mark (`"We are ready,"
    he said.`, `… said the talks "went well."`) is shown as it is: a mark added on
    the other side only would read as a typo in the quotation, and marks on both
    would double the article's own (““We are …)."""
    if text.startswith(OPENING_QUOTES) or (len(text) > 1 and text.endswith(CLOSING_QUOTES)):
        return text
    return f"“{text}”"
