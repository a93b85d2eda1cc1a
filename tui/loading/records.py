"""The events file cut into its records, so an unchanged record need not be read again.

`split_records` cuts the text of a file shaped as `events:` followed by a block
list into one piece of text per entry, with the line each piece starts on. It is
deliberately strict: anything it is not sure of (a document marker, another
top-level key, a line less indented than the entries that is not a comment)
makes it give up, and the caller reads the whole file as before. A cut that
falls inside a quoted or flow value leaves a piece that does not parse on its
own, which `parse_record` reports as None: the caller then reads the whole file
too. So a record is only ever reused when reading it alone gives what reading
the file gives.

`parse_record` reads one piece with the located reader, its lines moved to
where the piece stands in the file, so every problem names its true line.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from itertools import accumulate, filterfalse, repeat
from operator import add
from typing import Any

from tui.yamlread import LineDict, LineList


@dataclass(frozen=True, slots=True)
class Records:
    """The entries of the events list: each one's text and the line it starts on.

    `texts[i]` is entry i without its opening `- ` (see `entry_text`); it is the
    key under which entry i's validated event is kept, compared whole (no digest
    that two texts could share).
    """

    indent: int
    texts: list[str]
    lines: list[int]  # 1-based line of each entry's first line in the file

    def entry_text(self, index: int) -> str:
        """Entry `index` as it stands in the file, ready to be read on its own."""
        return " " * self.indent + "- " + self.texts[index]


def split_records(
    text: str, key: str = "events", *, shaped: Container[str] = (), shaped_indent: int | None = None
) -> Records | None:
    """The entries of the top-level `key:` list, or None when the file is not plainly shaped.

    Plainly shaped: blank and comment lines, then `key:` alone on its line, then
    entries written `- ...` at one indentation, every other line more indented
    (or blank, or a comment), and nothing after the list.

    `shaped` holds entry texts already found plainly shaped at the indentation
    `shaped_indent` (the last load's, `Reuse.events`): when the entries are at that
    indentation, only the lines of the other entries are looked at (at 100,000
    events the whole file took about 0.1 s). Whether a line is plainly shaped
    depends on that line alone, and on what follows it only at the end of the
    file: the last entry is always looked at.
    """
    header = re.compile(rf"(?:[ ]*(?:#[^\n]*)?\r?\n)*{re.escape(key)}:\r?\n").match(text)
    if header is None:
        return None
    first = _FIRST_ENTRY.match(text, header.end())
    if first is None:
        return None
    indent = len(first.group(1))
    begin = first.start(1) - 1  # the line break before the first entry
    bare = "\n" + " " * indent + "-"
    offending = _offending(indent)
    known = shaped if shaped and indent == shaped_indent else None
    # Any other line, an entry written "-" alone on its line included: read it whole.
    if known is None and offending.search(text, begin):
        return None
    parts = text.split(bare + " ")
    if len(parts[0]) != begin:
        return None  # the separator inside the header: not plain
    del parts[0]
    if known is not None:
        # The lines of the new entries, in C: which entries are new (their texts,
        # hashed here, are not hashed again when the caller looks them up), then a
        # search of each, followed by the line break that starts the next entry, as
        # in the file. The last entry is followed by the end of the file.
        unknown = map(add, filterfalse(known.__contains__, parts[:-1]), repeat("\n"))
        if any(map(offending.search, unknown)) or offending.search(parts[-1]):
            return None
    # Each entry's first line: the line after the header's, then one more than
    # the line breaks of the entry before (worked out in C, as the split is).
    first_line = text.count("\n", 0, begin) + 2
    steps = map(add, map(str.count, parts, repeat("\n")), repeat(1))
    lines = list(accumulate(steps, initial=first_line))
    lines.pop()  # where an entry after the last would start
    return Records(indent, parts, lines)


_FIRST_ENTRY = re.compile(r"(?:[ ]*(?:#[^\n]*)?\r?\n)*([ ]*)- ")


def _offending(indent: int) -> re.Pattern[str]:
    """A line that is not blank, a comment, more indented, or an entry at `indent`."""
    return re.compile(rf"\n(?![ ]{{{indent + 1}}}|[ ]*#|[ ]*\r?\n|[ ]*\Z|[ ]{{{indent}}}- )")


def parse_record(records: Records, index: int) -> tuple[Any, int] | None:
    """Entry `index` read with its lines, and the line of the entry itself.

    None when the piece does not read as a list of exactly one entry on its own
    (see the module docstring): the caller then reads the whole file.
    """
    import yaml  # imported once an entry is read on its own (after an edit)

    from tui.yamllocated import load_yaml

    try:
        doc = load_yaml(records.entry_text(index))
    except yaml.YAMLError:
        return None
    if not isinstance(doc, LineList) or len(doc) != 1:
        return None
    shift = records.lines[index] - 1
    _shift_lines(doc, shift)
    return doc[0], doc.line_of(0)


def _shift_lines(node: Any, shift: int) -> None:
    """Move every line noted in `node` (and below it) down by `shift`."""
    if isinstance(node, LineDict):
        node.line += shift
        node.key_lines = {k: v + shift for k, v in node.key_lines.items()}
        node.duplicate_keys = [(k, v + shift) for k, v in node.duplicate_keys]
        for value in node.values():
            _shift_lines(value, shift)
    elif isinstance(node, LineList):
        node.line += shift
        node.item_lines = [v + shift for v in node.item_lines]
        for value in node:
            _shift_lines(value, shift)
