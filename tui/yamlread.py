"""Read YAML: fast without line numbers, or with every line kept for messages.

`tui.yamllocated.load_yaml` is the reference reader. Mappings load as `LineDict` and sequences as
`LineList`, plain `dict`/`list` subclasses that remember the line of the node, of
each key and of each item, so every problem can name its line. PyYAML's C parser
is used when it is available; both of its parsers give the same nodes and marks.

`load_yaml_fast` parses with the Rust `yaml_rs` parser when it is installed: about
ten times faster than PyYAML's C loader on large event files, but with no line
numbers. The loader uses it first and falls back to `load_yaml` as soon as there
is anything to report.

The located reader (PyYAML) is in `tui.yamllocated`, which its callers import
when they need it: a valid folder read by the fast parser never imports PyYAML.
"""

from __future__ import annotations

import importlib.util
import re
from typing import Any

# Optional: a much faster parser for large files (see the module docstring). It is
# imported on first use, so a start from the model cache never pays for it.
HAVE_FAST_PARSER = importlib.util.find_spec("yaml_rs") is not None

# Python refuses to convert longer digit strings (sys.get_int_max_str_digits).
MAX_INT_DIGITS = 4000
_LONG_NUMBER = re.compile(rf"[0-9]{{{MAX_INT_DIGITS + 1}}}")
# The same search done in C: every ASCII digit of the text's UTF-8 bytes becomes
# "0" and every other byte "." (a byte of a longer character is never a digit),
# then a run of zeros is looked for as plain bytes. The regular expression tries
# every position of the text and took a third as long as the parse itself.
_DIGITS_AS_ZEROS = bytes(0x30 if 0x30 <= b <= 0x39 else 0x2E for b in range(256))
_LONG_RUN = b"0" * (MAX_INT_DIGITS + 1)


_PIECE = 1 << 20  # characters marked at a time, so a large file is not copied whole


def has_long_number(text: str) -> bool:
    """True if `text` holds more than `MAX_INT_DIGITS` digits in a row (`_LONG_NUMBER`)."""
    # Pieces overlap by MAX_INT_DIGITS characters: a run that starts in one piece
    # ends in it.
    for start in range(0, max(len(text), 1), _PIECE):
        piece = text[start : start + _PIECE + MAX_INT_DIGITS]
        if _LONG_RUN in piece.encode("utf-8", "surrogatepass").translate(_DIGITS_AS_ZEROS):
            return True
    return False


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping read from YAML: `line` of the mapping, `key_lines` per key."""

    line: int = 0
    key_lines: dict[Any, int]
    duplicate_keys: list[tuple[Any, int]]

    def line_of(self, key: Any) -> int:
        """The line where `key` is written, or the mapping's line if it is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list):  # type: ignore[type-arg]
    """A sequence read from YAML: `line` of the sequence, `item_lines` per item."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        """The line of item `index`."""
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def line_of(node: Any, key: Any = None) -> int | None:
    """The line of `node` (or of its `key`/item) when it was read with its lines."""
    if isinstance(node, (LineDict, LineList)):
        return node.line if key is None else node.line_of(key)
    return None


def load_yaml_fast(text: str) -> Any:
    """Parse with `yaml_rs` when installed; None when it is not, or the text is malformed.

    None means "use `load_yaml`", which reports the problem with its line and column.
    """
    if not HAVE_FAST_PARSER or has_long_number(text):
        # It would build an integer no code can print (str() raises): let the
        # located pass report it.
        return None
    import yaml_rs

    try:
        return yaml_rs.loads(text)
    # ValueError: an integer longer than Python converts; the located pass says so.
    except (yaml_rs.YAMLDecodeError, ValueError):
        return None
