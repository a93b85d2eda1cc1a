"""Text from the data made safe to show: no control character reaches a terminal.

Titles, quotes and whole articles come from files anyone can edit. Shown as they
are, an escape sequence in them could recolour or rewrite the terminal. These
helpers replace every control character one for one with a visible stand-in, so
offsets into the original text stay valid.
"""

from __future__ import annotations

_ONE_LINE = {c: 0x2400 + c for c in range(0x20)}
_ONE_LINE.update({0x09: 0x20, 0x0A: 0x20, 0x0D: 0x20, 0x7F: 0x2421})
_ONE_LINE.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_MULTI_LINE = dict(_ONE_LINE)
_MULTI_LINE[0x0A] = 0x0A


def visible(text: str) -> str:
    """`text` on one line with every control character replaced by a visible one.

    Tabs and line breaks become spaces; other C0/C1 controls (such as ESC) become
    their Unicode control pictures (␛) or U+FFFD, one character for one, so offsets
    into the original text stay valid.
    """
    return text.translate(_ONE_LINE)


def visible_block(text: str) -> str:
    """Like `visible` but keeps line breaks (for an article's whole text)."""
    return text.translate(_MULTI_LINE)
