"""Read YAML: fast without line numbers, or with every line kept for messages.

`load_yaml` is the reference reader. Mappings load as `LineDict` and sequences as
`LineList`, plain `dict`/`list` subclasses that remember the line of the node, of
each key and of each item, so every problem can name its line. PyYAML's C parser
is used when it is available; both of its parsers give the same nodes and marks.

`load_yaml_fast` parses with the Rust `yaml_rs` parser when it is installed: about
ten times faster than PyYAML's C loader on large event files, but with no line
numbers. The loader uses it first and falls back to `load_yaml` as soon as there
is anything to report.
"""

from __future__ import annotations

import importlib.util
import re
from typing import Any

import yaml
import yaml.reader
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# Optional: a much faster parser for large files (see the module docstring). It is
# imported on first use, so a start from the model cache never pays for it.
HAVE_FAST_PARSER = importlib.util.find_spec("yaml_rs") is not None

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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


def _line(node: Node) -> int:
    return node.start_mark.line + 1


class LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader whose mappings and sequences remember their lines."""

    def construct_line_map(self, node: MappingNode):  # type: ignore[no-untyped-def]
        """Build a `LineDict`, noting each key's line and any duplicate key."""
        data = LineDict()
        data.line = _line(node)
        data.key_lines = {}
        data.duplicate_keys = []
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    "found a key that is a list or a mapping",
                    key_node.start_mark,
                ) from None
            if key in data.key_lines:
                data.duplicate_keys.append((key, _line(key_node)))
            else:
                data.key_lines[key] = _line(key_node)
            data[key] = self.construct_object(value_node, deep=True)

    def construct_line_seq(self, node: SequenceNode):  # type: ignore[no-untyped-def]
        """Build a `LineList`, noting each item's line."""
        data = LineList()
        data.line = _line(node)
        data.item_lines = [_line(child) for child in node.value]
        yield data
        data.extend(self.construct_object(child, deep=True) for child in node.value)

    def construct_core_int(self, node: ScalarNode) -> int:
        """A YAML 1.2 integer: decimal (leading zeros allowed), 0o octal or 0x hex."""
        value = str(self.construct_scalar(node))
        if len(value) > MAX_INT_DIGITS:  # int() refuses it with a bare ValueError
            raise ConstructorError(
                None,
                None,
                f"a number of {len(value)} digits is too long (put it in quotes if it is text)",
                node.start_mark,
            )
        if value[:2] in ("0o", "0x"):
            return int(value[2:], 8 if value[1] == "o" else 16)
        return int(value, 10)


def _use_core_schema(loader: type[yaml.SafeLoader]) -> None:
    """Resolve plain scalars as YAML 1.2's core schema does, like the fast parser.

    PyYAML follows YAML 1.1, where `yes`, `no`, `on` and `off` are booleans, `010`
    is octal and `1:20` a base-60 number; the fast parser (YAML 1.2) reads them as
    text and decimals. Both readers must see the same data, or `check` would depend
    on which one ran. Dates stay text here and are checked by the loader.
    """
    loader.yaml_implicit_resolvers = {}
    add = loader.add_implicit_resolver
    add(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )
    add(
        "tag:yaml.org,2002:int",
        re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
        list("-+0123456789"),
    )
    add(
        "tag:yaml.org,2002:float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        list("-+.0123456789"),
    )
    add("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
    add("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])


_use_core_schema(LineLoader)
LineLoader.add_constructor("tag:yaml.org,2002:int", LineLoader.construct_core_int)
LineLoader.add_constructor("tag:yaml.org,2002:map", LineLoader.construct_line_map)
LineLoader.add_constructor("tag:yaml.org,2002:seq", LineLoader.construct_line_seq)


def line_of(node: Any, key: Any = None) -> int | None:
    """The line of `node` (or of its `key`/item) when it was read by `load_yaml`."""
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


def load_yaml(text: str) -> Any:
    """Parse one YAML document; raises `yaml.YAMLError` (with a mark) when malformed."""
    return yaml.load(text, Loader=LineLoader)


def reader_error_problem(text: str, exc: yaml.reader.ReaderError) -> tuple[int, str, str]:
    """(line, message, hint) for a character YAML does not allow, such as NUL.

    PyYAML gives only an offset into the text; the line is counted from it.
    """
    position = max(0, min(exc.position, len(text)))
    line = text.count("\n", 0, position) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return (
        line,
        f"character U+{ord(char):04X} is not allowed in a YAML file",
        'remove it; inside a double-quoted string write it as an escape, e.g. "\\x1b"',
    )
