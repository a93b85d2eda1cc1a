"""Reading the data folder's files: UTF-8 text and YAML, each problem located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.loading.collect import Problems
from tui.readfile import read_regular
from tui.yamlread import line_of, load_yaml_fast


def read_text_file(
    path: Path,
    shown: str,
    out: Problems,
    *,
    line: int | None = None,
    where: str | None = None,
    what: str = "file",
    missing_hint: str = "check the name and that the file exists",
) -> str | None:
    """Read a UTF-8 file, reporting a missing, special, huge or undecodable one."""
    try:
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
        out.add(
            where or shown, line, f"cannot read {shown}: {exc.strerror}", getattr(exc, "hint", "")
        )
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        out.add(
            shown,
            bad_line,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            "save the file as UTF-8",
        )
        return None


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
    items = doc[key]
    if not isinstance(items, list):
        out.add(
            name, line_of(doc, key), f"'{key}' must be a list", "write each entry as '  - id: ...'"
        )
        return None
    return items


def _parse_located(text: str, name: str, out: Problems) -> tuple[Any] | None:
    """`text` read with its lines, as a 1-tuple (an empty document is None), or None
    after reporting why it cannot be read."""
    import yaml  # only here: a valid folder read by the fast parser never needs PyYAML

    from tui.yamllocated import load_yaml, reader_error_problem

    try:
        return (load_yaml(text),)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = f", column {mark.column + 1}" if mark else ""
        out.add(
            name,
            line,
            f"malformed YAML{col}: {exc.problem or exc.context}",
            "check indentation, colons and quoting on this line or the one above",
        )
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. NUL
        out.add(name, *reader_error_problem(text, exc))
    except yaml.YAMLError as exc:
        out.add(name, None, f"malformed YAML: {exc}")
    return None
