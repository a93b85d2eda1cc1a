"""The located YAML reader: PyYAML, with the line of every node kept.

It lives apart from `tui.yamlread` so that PyYAML (about 30 ms to import, its
reader's character class compiled) is imported only when a file must be read
with its lines: to report a problem, or where the fast parser is missing. A
valid folder read by `yaml_rs` never needs it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
import yaml.reader
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.yamlread import MAX_INT_DIGITS, LineDict, LineList

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


class NestedTooDeeply(yaml.YAMLError):
    """Values nested deeper than the reader's recursion goes (hundreds of levels)."""

    hint = "a data file's values nest a few levels: look for a long run of [ or {"

    def __init__(self) -> None:
        super().__init__("values nested too deeply to read (hundreds of lists or mappings "
                         "inside one another)")


def load_yaml(text: str) -> Any:
    """Parse one YAML document; raises `yaml.YAMLError` (with a mark) when malformed,
    `NestedTooDeeply` (one) when its values nest deeper than Python's recursion goes."""
    try:
        return yaml.load(text, Loader=LineLoader)
    except RecursionError:
        raise NestedTooDeeply() from None


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
