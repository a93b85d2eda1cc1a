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

After an edit, `resplit_records` finds the same cut from the last one, looking
only at the part of the file that changed.

`parse_record` reads one piece with the located reader, its lines moved to
where the piece stands in the file, so every problem names its true line.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from itertools import accumulate, compress, filterfalse, islice, repeat
from itertools import count as count_from
from operator import add, and_, not_, sub
from typing import Any

from tui.yamlread import LineDict, LineList, load_yaml_fast


@dataclass(frozen=True, slots=True)
class Records:
    """The entries of the events list: each one's text and the line it starts on.

    `texts[i]` is entry i without its opening `- ` (see `entry_text`); it is the
    key under which entry i's validated event is kept, compared whole (no digest
    that two texts could share). `start` is where `texts[0]` starts in the file,
    from which `resplit_records` finds where every entry stood.
    """

    indent: int
    texts: list[str]
    lines: list[int]  # 1-based line of each entry's first line in the file
    start: int = 0  # where the first entry's text starts in the file (after its "- ")
    # The texts of the entries an edit replaced: those of the records this cut was
    # found from that stood in the part that changed (`resplit_records`). None:
    # not known (the whole file was cut).
    replaced: tuple[str, ...] | None = field(default=None, compare=False)

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
    first = _first_entry(text, key)
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
    return Records(indent, parts, lines, begin + len(bare) + 1)


def resplit_records(text: str, before: Records, key: str = "events") -> Records | None:
    """`split_records(text)`, found from `before`, the records of the file as last read.

    After an edit, most of the file is as it was: the entries before the first
    change stand where they stood, and those after the last change stand where
    they stood moved by the change in length. Both are found by comparing each
    kept text with the new text where it would stand (in C, until the first one
    that differs from each end), and only what lies between is cut and looked at
    (see `split_records`). The unchanged entries are the very strings `before`
    holds, so the caller looking them up hashes none of them again: at 100,000
    events, cutting the whole file and hashing every piece took about 0.2 s.

    The cut is the whole file's: a separator holds one line break, at its start,
    so none found in the changed part can run into a kept separator. The kept
    entries were plainly shaped when they were cut, followed by a line break, as
    they still are, or at the end of the file, where the last one still is.

    None when it cannot tell that way (the header, the first entry's place or
    the indentation changed, or the two ends overlap), or the changed part is
    not plainly shaped: the caller then splits the whole text.
    """
    texts, count = before.texts, len(before.texts)
    start, indent = before.start, before.indent
    first = _first_entry(text, key)
    if count == 0 or first is None or len(first.group(1)) != indent or first.end() != start:
        return None
    separator = "\n" + " " * indent + "- "
    width = len(separator)
    if (
        text.find(separator, 0, start) != start - width
        or text.count("\n", 0, start) + 1 != before.lines[0]
    ):
        return None  # the separator inside the header, or the first entry on another line
    # Where each kept text starts, as last read (and where one after the last would).
    offsets = list(accumulate(map(add, map(len, texts), repeat(width)), initial=start))
    moved = len(text) - (offsets[count] - width)
    # The entries unchanged from the start, each followed by its separator (the
    # last one is left to the end's count, which also sees that the file ends there).
    held = map(
        and_,
        map(text.startswith, texts, offsets),
        map(text.startswith, repeat(separator), map(sub, islice(offsets, 1, count), repeat(width))),
    )
    head = next(compress(count_from(), map(not_, held)), count - 1)
    # The entries unchanged from the end, each preceded by its separator, among those
    # that would start no earlier than the first changed one does.
    low = bisect_left(offsets, offsets[head] - moved, head, count)
    back = count - low
    held = map(
        and_,
        map(
            text.startswith,
            islice(reversed(texts), back),
            map(add, islice(reversed(offsets), 1, back + 1), repeat(moved)),
        ),
        map(
            text.startswith,
            repeat(separator),
            map(add, islice(reversed(offsets), 1, back + 1), repeat(moved - width)),
        ),
    )
    tail = count - next(compress(count_from(), map(not_, held)), back)
    begin, end = offsets[head], offsets[tail] + moved - width  # the changed part, in `text`
    if begin - end == width:
        parts: list[str] = []  # entries removed, none added: the two separators are one
    elif end < begin:
        # Cannot be: a separator holds one line break, at its start, so two never
        # overlap. Were the kept ends to overlap, the whole file is cut.
        return None
    else:
        offending = _offending(indent)
        # As `split_records` looks at a new entry: followed by a line break, but
        # the last, followed by the end of the file.
        if (
            offending.search(text, begin)
            if tail == count
            else offending.search(text[begin:end] + "\n")
        ):
            return None
        parts = text[begin:end].split(separator)
    steps = map(add, map(str.count, parts, repeat("\n")), repeat(1))
    part_lines = list(accumulate(steps, initial=before.lines[head]))
    after = part_lines.pop()  # the line where the first kept entry after them starts
    shift = after - before.lines[tail] if tail < count else 0
    return Records(
        indent,
        texts[:head] + parts + texts[tail:],
        before.lines[:head] + part_lines + list(map(add, before.lines[tail:], repeat(shift))),
        start,
        tuple(texts[head:tail]),
    )


def _first_entry(text: str, key: str) -> re.Match[str] | None:
    """The top-level `key:` line, then the first entry's indentation and `- `; None if not so."""
    header = re.compile(rf"(?:[ ]*(?:#[^\n]*)?\r?\n)*{re.escape(key)}:\r?\n").match(text)
    if header is None:
        return None
    return _FIRST_ENTRY.match(text, header.end())


_FIRST_ENTRY = re.compile(r"(?:[ ]*(?:#[^\n]*)?\r?\n)*([ ]*)- ")


def _offending(indent: int) -> re.Pattern[str]:
    """A line that is not blank, a comment, more indented, or an entry at `indent`."""
    return re.compile(rf"\n(?![ ]{{{indent + 1}}}|[ ]*#|[ ]*\r?\n|[ ]*\Z|[ ]{{{indent}}}- )")


def parse_record(records: Records, index: int) -> tuple[Any, int] | None:
    """Entry `index` read with its lines, and the line of the entry itself.

    None when the piece does not read as a list of exactly one entry on its own
    (see the module docstring): the caller then reads the whole file.
    """
    doc = _read_alone(records.entry_text(index))
    if doc is None:
        return None
    shift = records.lines[index] - 1
    _shift_lines(doc, shift)
    return doc[0], doc.line_of(0)


def parse_texts(indent: int, texts: Iterable[str], *, fast: bool = False) -> list[Any]:
    """Entries cut at `indent` (`Records.texts`), each read on its own as
    `parse_record` reads an entry (None for one that does not read alone); with
    `fast`, by the fast parser where it reads them (no lines)."""
    found: list[Any] = []
    for text in texts:
        entry_text = " " * indent + "- " + text
        doc = load_yaml_fast(entry_text) if fast else None
        if not (isinstance(doc, list) and len(doc) == 1):
            doc = _read_alone(entry_text)
        found.append(None if doc is None else doc[0])
    return found


def _read_alone(entry_text: str) -> LineList | None:
    """`entry_text` read with its lines, if it is a list of exactly one entry."""
    import yaml  # imported once an entry is read on its own (after an edit)

    from tui.yamllocated import load_yaml

    try:
        doc = load_yaml(entry_text)
    except yaml.YAMLError:
        return None
    if not isinstance(doc, LineList) or len(doc) != 1:
        return None
    return doc


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
