"""Text from the data made safe to show: no control character reaches a terminal.

Titles, quotes and whole articles come from files anyone can edit. Shown as they
are, an escape sequence in them could recolour or rewrite the terminal, set its
window title, write the clipboard (OSC 52) or make it type a reply into the shell;
a bidirectional override (U+202E) could make text read in another order than it
is stored. Every path from data to a terminal or a text export goes through the
helpers here:

* `visible` / `visible_block` replace each such character one for one with a
  visible stand-in (␛ for ESC, U+FFFD for C1 controls and bidi controls), so
  offsets into the original text stay valid;
* `json_safe` escapes the same characters in JSON text (`\\u001b`, `\\u009b`,
  `\\u202e`), which keeps JSON lossless while no raw control byte is written.
"""

from __future__ import annotations

# Bidirectional embeddings, overrides and isolates ("Trojan Source" characters);
# the plain marks (U+200E/U+200F) cannot reorder text beyond themselves.
BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))

_ONE_LINE = {c: 0x2400 + c for c in range(0x20)}
_ONE_LINE.update({0x09: 0x20, 0x0A: 0x20, 0x0D: 0x20, 0x7F: 0x2421})
_ONE_LINE.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_ONE_LINE.update({c: 0xFFFD for c in BIDI_CONTROLS})
_MULTI_LINE = dict(_ONE_LINE)
_MULTI_LINE[0x0A] = 0x0A
# The Unicode line and paragraph separators, a line break to some programs and nothing
# to others: on one line a space, as a line break is (in a block, as they are).
_ONE_LINE.update({0x2028: 0x20, 0x2029: 0x20})
# JSON already escapes C0 controls; these it would write raw with ensure_ascii=False.
_JSON = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), *BIDI_CONTROLS)}

UNSAFE = frozenset((*range(0x20), 0x7F, *range(0x80, 0xA0), *BIDI_CONTROLS))
"""Code points that never reach a terminal raw (C0, DEL, C1, bidi controls)."""

FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""The characters that make a spreadsheet run a cell as a formula when it starts
with one (the full-width forms too, which some spreadsheets take for them): the
CSV export defuses such cells, and `check` warns of titles that start so."""

FORMULA_LEAD = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
    "\u200b\ufeff"
)
"""What a spreadsheet may skip before a formula: every white space character
(`str.isspace`; tabs and line breaks too, as OWASP warns), the zero-width space
and the byte-order mark. `=1` after any of them is still defused."""

FORMULA_SUSPECTS = frozenset(FORMULA_STARTS + tuple(FORMULA_LEAD))
"""The first characters of a cell that may start a formula: only a cell starting
with one of them needs `formula_start`'s closer look."""


def formula_start(text: str) -> str:
    """The character that makes `text` a formula for a spreadsheet (see
    `FORMULA_STARTS` and `FORMULA_LEAD`), or "" when it is not one."""
    first = text.lstrip(FORMULA_LEAD)[:1]
    return first if first and first in FORMULA_STARTS else ""


def visible(text: str) -> str:
    """`text` on one line with every control character replaced by a visible one.

    Tabs and line breaks (and the Unicode line and paragraph separators) become
    spaces; other C0 controls (such as ESC) become
    their Unicode control pictures (␛), C1 and bidi controls U+FFFD, one
    character for one, so offsets into the original text stay valid.
    """
    return text.translate(_ONE_LINE)


def visible_block(text: str) -> str:
    """Like `visible` but keeps line breaks (for an article's whole text, messages)."""
    return text.translate(_MULTI_LINE)


def json_safe(text: str) -> str:
    """JSON text with DEL, C1 and bidi controls written as `\\uXXXX` escapes.

    `json.dumps` escapes C0 controls itself but, with `ensure_ascii=False`, writes
    the others raw. They can only occur inside JSON strings, where the escape
    means the same character, so the document decodes to exactly the same data.
    """
    return text.translate(_JSON)


def clipped(text: str, limit: int) -> str:
    """`text` cut after `limit` characters, saying how much is left out.

    A field of megabytes would cost the explorer seconds to wrap and draw; a pane
    shows a screenful of it and says so (the exports keep all of it). Pass the
    result through `visible` like any other text.
    """
    if len(text) <= limit:
        return text
    return text[:limit] + f"… [{len(text) - limit:,} more characters]"


def undecoded_byte(text: str) -> int | None:
    """The first byte the system could not decode as UTF-8 in `text` (Python keeps it
    as a lone surrogate, U+DC80–U+DCFF: from a terminal set to another encoding, or
    a file name from one), or None when there is none."""
    bad = next((c for c in text if "\udc80" <= c <= "\udcff"), None)
    return None if bad is None else ord(bad) - 0xDC00
