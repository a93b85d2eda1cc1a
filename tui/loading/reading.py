"""Reading the data folder's files: UTF-8 text and YAML, each problem located."""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path
from typing import Any

from tui.loading.collect import Problems
from tui.readfile import read_hint, read_regular
from tui.yamlread import line_of, load_yaml_fast

TITLE_KEY = "title"
"""The timeline's own title, an optional top-level key of `articles.yaml`: what the
exports are headed with ("China–North Korea relations")."""

# Top-level keys a file may hold beside its list, each a line of text.
_BESIDE = {"articles": (TITLE_KEY,)}


def read_text_file(
    path: Path,
    shown: str,
    out: Problems,
    *,
    line: int | None = None,
    where: str | None = None,
    what: str = "file",
    missing_hint: str = "check the name and that the file exists",
    raw: bytes | None = None,
) -> str | None:
    """Read a UTF-8 file, reporting a missing, special, huge or undecodable one.

    `raw`, when given, is the file's bytes, read already: only decoded here."""
    try:
        if raw is None:
            raw = read_regular(path)
    except FileNotFoundError:
        out.add(
            where or shown,
            line,
            f"{what} not found: {shown}",
            missing_hint,
        )
        return None
    except OSError as exc:
        out.add(where or shown, line, f"cannot read {shown}: {exc.strerror}", read_hint(exc))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        out.add(shown, *not_utf8(raw, exc))
        return None


def not_utf8(raw: bytes, exc: UnicodeDecodeError) -> tuple[int, str, str]:
    """Line, message and hint for bytes that are not UTF-8: the byte, its column and
    the text before it, as an editor shows them, and what the file looks like."""
    bad_line = raw[: exc.start].count(b"\n") + 1
    line_start = raw.rfind(b"\n", 0, exc.start) + 1
    before = raw[line_start : exc.start].decode("utf-8", "replace")
    after = f", after “{before[-24:]}”" if before else ""
    wide = raw[:2] in (b"\xff\xfe", b"\xfe\xff")  # a UTF-16 file's first bytes
    return (
        bad_line,
        f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {len(before) + 1}{after})",
        "save the file as UTF-8 (it looks like UTF-16)" if wide else
        "save the file as UTF-8 (the byte is most likely a character of another "
        "encoding, such as Latin-1 or Windows-1252: retype it, or convert the file)",
    )  # fmt: skip


def read_yaml(
    data_dir: Path, name: str, key: str, out: Problems, *, fast: bool
) -> list[Any] | None:
    """Read `name` and return its top-level list under `key`, or None on a problem.

    With `fast`, a malformed file is left for the located (slow) pass to report.
    """
    text = read_text_file(data_dir / name, name, out, what="data file")
    if text is None:
        return None
    return parse_listing(text, name, key, out, fast=fast)


def parse_listing(text: str, name: str, key: str, out: Problems, *, fast: bool) -> list[Any] | None:
    """The top-level list under `key` of `text` (the file `name`), or None on a problem."""
    if fast:
        doc = load_yaml_fast(text)
        if doc is None:
            out.add(name, None, "not readable by the fast parser")
            return None
    else:
        parsed = _parse_located(text, name, out)
        if parsed is None:
            return None
        (doc,) = parsed
    # Entries report their own duplicate fields; a second top-level list would
    # silently replace the first.
    duplicates = getattr(doc, "duplicate_keys", ())
    for key, dup_line in duplicates:
        out.add(name, dup_line, f"top-level key '{key}' is given twice", "merge them into one")
    if duplicates:
        return None
    if not isinstance(doc, dict) or key not in doc:
        out.add(
            name,
            line_of(doc) or 1,
            f"expected a mapping with a '{key}:' list at the top",
            f"start the file with '{key}:' followed by '  - ' entries",
        )
        return None
    _check_beside(doc, name, key, out)
    items = doc[key]
    if not isinstance(items, list):
        out.add(
            name, line_of(doc, key), f"'{key}' must be a list", "write each entry as '  - id: ...'"
        )
        return None
    return items


def _check_beside(doc: dict[Any, Any], name: str, key: str, out: Problems) -> None:
    """Report a top-level key the file does not hold (a typo would be lost silently),
    and one it holds that is not a line of text."""
    beside = _BESIDE.get(key, ())
    for other, value in doc.items():
        if other == key:
            continue
        if other in beside:
            if isinstance(value, date):  # the fast parser's; the located pass reads text
                continue
            if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
                out.add(
                    name,
                    line_of(doc, other),
                    f"'{other}' in {name} must be one line of text",
                    f"write the timeline's {other} after '{other}:', in quotes if it has a colon",
                )
            continue
        known = [key, *beside]
        close = difflib.get_close_matches(str(other), known, n=1)
        out.add(
            name,
            line_of(doc, other),
            f"unknown top-level key '{other}' in {name}",
            f"did you mean '{close[0]}'?"
            if close
            else f"the file holds {' and '.join(repr(k + ':') for k in known)}",
        )


def read_title(path: Path) -> str | None:
    """The timeline's title in the articles file at `path` (`TITLE_KEY`), or None when
    it gives none, or the file cannot be read (the loader reports why).

    Read as the loader's located pass reads it, which `check` goes by: a title such
    as `2024-04-11` is that text, not a date.
    """
    try:
        text = read_regular(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    doc = load_yaml_fast(text)  # None without the fast parser, or on text it refuses
    title = doc.get(TITLE_KEY) if isinstance(doc, dict) else None
    if doc is None or not (title is None or isinstance(title, str)):
        title = _located_title(text)
    return title.strip() if isinstance(title, str) and title.strip() else None


def _located_title(text: str) -> object:
    """The title as the located (PyYAML) pass reads it; None if it cannot."""
    import yaml

    from tui.yamllocated import load_yaml

    try:
        doc = load_yaml(text)
    except (yaml.YAMLError, ValueError):  # what `check` reports
        return None
    return doc.get(TITLE_KEY) if isinstance(doc, dict) else None


def _malformed(exc: Any, text: str = "") -> tuple[int | None, str, str]:
    """Line, message and hint for a PyYAML error with marks (`text`: what was read).

    A scanner's error is noticed where the scanner gave up, which can be lines
    below the mistake: a key without its colon is found missing at the next
    key, an unclosed quotation mark at the end of the file. The line it was
    scanning from ("while scanning a simple key") is the one to fix, so that is
    the line named. Other contexts ("while parsing a block mapping") start
    where the enclosing block does, often far above, so their problem's line is
    named, and the block's first line said.
    """
    problem_at = exc.problem_mark
    if problem_at is not None and (
        "tab character" in (exc.problem or "") or _character_at(problem_at, text) == "\t"
    ):
        # Named where the tab is, which the scanner's context line ("while scanning a
        # block scalar", lines above) was not, and said to be one.
        return (
            problem_at.line + 1,
            f"malformed YAML, column {problem_at.column + 1}: a tab character, where YAML "
            "indents with spaces only",
            "replace the tab with spaces",
        )
    mark = exc.problem_mark or exc.context_mark
    noticed = ""
    hint = "check indentation, colons and quoting on this line or the one above"
    context = exc.context or ""
    if exc.context_mark and exc.problem_mark and exc.context_mark.line < exc.problem_mark.line:
        if context.startswith("while scanning"):
            mark = exc.context_mark
            noticed = f" ({context}; noticed at line {exc.problem_mark.line + 1})"
        elif (opened := _left_open(text, exc.context_mark, exc.problem_mark)) is not None:
            return (
                opened,
                "malformed YAML: a quotation mark opened on this line is not closed on it "
                f"(the value ran on to line {exc.problem_mark.line + 1})",
                "close the quotation mark at the end of the value",
            )
        else:  # the block it was in, where an unclosed quotation mark may be
            first = exc.context_mark.line + 1
            noticed = f" ({context} from line {first})"
            hint = (
                f"check indentation, colons and quoting from line {first} to this one: "
                "a quotation mark left open runs on to the next one"
            )
    line = mark.line + 1 if mark else None
    col = f", column {mark.column + 1}" if mark else ""
    return line, f"malformed YAML{col}: {exc.problem or exc.context}{noticed}", hint


def _left_open(text: str, start: Any, end: Any) -> int | None:
    """The first line of `text` from mark `start` to mark `end` that opens a quoted
    value ("…" or '…') still open at the end of its line when the next line is a key
    (its closing mark left off), or None. A value closed on a later line is valid. Lines
    are counted from 1."""
    lines = text.split("\n")[start.line : end.line + 2]
    quote: str | None = None  # the mark of the value open at the end of the line
    opened = 0
    block: int | None = None  # the indentation of a key whose value is a block ("|", ">")
    for at, line in enumerate(lines[:-1]):
        indent = len(line) - len(line.lstrip(" "))
        if block is not None and (not line.strip() or indent > block):
            continue  # a block scalar's line: its quotation marks are text
        block = None
        if quote is None and _BLOCK_SCALAR.search(line):
            block = indent
            continue
        was = quote
        quote = _quote_open_after(line, quote)
        if quote is not None and was is None:
            opened = at
        if quote is not None and _KEY_LINE.match(lines[at + 1]):
            return int(start.line) + opened + 1
    return None


def _quote_open_after(line: str, quote: str | None) -> str | None:
    """The quotation mark of a value still open at the end of `line`, `quote` being the
    one open before it ("\"" or "'"), or None; comments (" #" outside a value) end the
    line."""
    i = 0
    while i < len(line):
        if quote is None:
            char = line[i]
            if char == "#" and (i == 0 or line[i - 1] in " \t"):
                return None  # a comment to the end of the line
            if char in "\"'" and _starts_a_value(line, i):
                quote = char
            i += 1
            continue
        char = line[i]
        if quote == '"' and char == "\\":
            i += 2  # an escaped character
            continue
        if char == quote:
            if quote == "'" and line[i + 1 : i + 2] == "'":
                i += 2  # '' is a quotation mark inside '…'
                continue
            quote = None
        i += 1
    return quote


_BLOCK_SCALAR = re.compile(r"(?:^|:|-)\s*[|>][-+0-9]*\s*(?:#.*)?$")
_ANCHOR_OR_TAG = re.compile(r"(?:^|(?<=\s))[&!]\S*\s*$")  # "&t ", "!!str " before a value


def _starts_a_value(line: str, i: int) -> bool:
    """True when offset `i` of `line` is where a value starts: after the indentation,
    a "- " or a key's ": ", or in a flow list after "[", "{" or ","; a quotation mark
    elsewhere is a character of a plain value ("He said "no"")."""
    before = _ANCHOR_OR_TAG.sub("", line[:i])  # the value's anchor or tag aside
    stripped = before.rstrip(" \t")
    if not stripped or stripped.endswith(("[", "{", ",")):
        return True
    if len(stripped) == len(before):
        return False  # no space before it: inside a word or right after a colon
    if stripped.endswith(":"):
        return True
    return stripped.endswith("-") and (len(stripped) == 1 or stripped[-2] in " \t")


_KEY_LINE = re.compile(r"\s*(?:-\s+)?[A-Za-z_][\w-]*:(?:\s|$)")


def _character_at(mark: Any, text: str) -> str:
    """The character of `text` a PyYAML mark points at ("" when out of it)."""
    lines = text.split("\n", mark.line + 1)
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if 0 <= mark.column < len(line) else ""


def _parse_located(text: str, name: str, out: Problems) -> tuple[Any] | None:
    """`text` read with its lines, as a 1-tuple (an empty document is None), or None
    after reporting why it cannot be read."""
    import yaml  # only here: a valid folder read by the fast parser never needs PyYAML

    from tui.yamllocated import NestedTooDeeply, load_yaml, reader_error_problem

    try:
        return (load_yaml(text),)
    except NestedTooDeeply as exc:
        out.add(name, None, str(exc), exc.hint)
    except yaml.MarkedYAMLError as exc:
        out.add(name, *_malformed(exc, text))
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. NUL
        out.add(name, *reader_error_problem(text, exc))
    except yaml.YAMLError as exc:
        out.add(name, None, f"malformed YAML: {exc}")
    return None
