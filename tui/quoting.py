"""A quote in quotation marks, as every view and export shows one.

No imports: the CSV export, which must start quickly, uses it as the event pane does.
"""

from __future__ import annotations

OPENING_QUOTES = ("“", '"', "‘", "«", "„")
CLOSING_QUOTES = ("”", '"', "’", "»", "“")


def quoted(text: str) -> str:
    """`text` in “ ” quotation marks, unless the article's own marks already stand for them.

    A quote that opens with the article's quotation mark (`"We are ready," he
    said.`) is shown as it is: marks of ours around it would double the article's
    (““We are …). So is one that closes a quotation it does not open (`ready,” he
    said.`): a mark added on one side only would read as a typo. A quote that ends
    with a quotation of its own (`… urging them to “step back from the brink”`) is
    marked: shown bare, it would read as our paraphrase.
    """
    if text.startswith(OPENING_QUOTES) or _closes_more_than_it_opens(text):
        return text
    return f"“{text}”"


UNPAIRED_IF_COUNTED = ('"', "”", "»")
"""The closing marks `quoted` counts against their opening ones: a quote without
any of them closes nothing it did not open."""


def _closes_more_than_it_opens(text: str) -> bool:
    """True if `text` closes a quotation opened before it (its marks do not pair up)."""
    return (
        text.count("”") > text.count("“")
        or text.count("»") > text.count("«")
        or text.count('"') % 2 == 1
    )
