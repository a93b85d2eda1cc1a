"""Add an entry to a list of a curated YAML file without touching what is already there.

A round trip through ruamel.yaml keeps comments and order, but dumping the whole
document again re-flows some of what it read: a double-quoted string broken over
lines comes back on one line, `null` comes back empty, the indentation of the
lists can change. So an entry is *appended* to the file's text instead: dumped on
its own, laid out as the file lays out its entries (indentation, a blank line
between entries if the file has them), and written after the last byte. The
result is read back and checked. An empty list (`events: []`) is the one case the
whole document is dumped again (and put in place by a rename); any other list that
cannot take an entry as text is refused, since dumping it would re-flow the entries.

Plain Python, no Textual.
"""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tui.workbench_error import WorkbenchError

WIDTH = 4096  # never fold a long quote


def yaml_with(sequence: int = 4, offset: int = 2) -> Any:
    """A round-trip ruamel.yaml with the data's conventions (`null` written out)."""
    from ruamel.yaml import YAML  # the round-trip editor, only when a file is edited

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    yaml.representer.add_representer(
        type(None),
        lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null"),
    )
    return yaml


def quoted(text: str) -> Any:
    """`text`, to be written double-quoted (as the data writes quotes, titles and dates)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(text)


def flow_list(items: Sequence[str]) -> Any:
    """`items`, to be written on one line: `[a, b]` (as the data writes actors)."""
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def load_document(path: Path) -> Any:
    """The file's document, read for a round trip (comments and order kept).

    WorkbenchError when the round-trip reader cannot read it (it is stricter than
    the loader's: a tab after a colon, say, or a file changed since it loaded)."""
    return read_round_trip(read_lines(path)[0], path)


def editable_list(path: Path, key: str) -> list[Any]:
    """The list under top-level `key` of `path`, once it is known that an entry can be
    added to it: the file reads, holds such a list, and may be written. Checked for
    every file an edit touches before any is written, so that an edit that cannot be
    made leaves all of them as they were. WorkbenchError says why not."""
    text = read_lines(path)[0]
    document = read_round_trip(text, path)
    items = document.get(key) if hasattr(document, "get") else None
    if not isinstance(items, list):
        raise WorkbenchError(
            f"{path.name} cannot be edited here: it has no '{key}:' list at the top",
            f"start it with '{key}:' (an empty one is '{key}: []'); `timeline check` says "
            "what else is wrong",
        )
    _refuse_a_rewrite(text, document, key, path)
    if not os.access(path, os.W_OK):
        raise WorkbenchError(f"{path.name} cannot be written", "check the file's permissions")
    return items


def _refuse_a_rewrite(text: str, document: Any, key: str, path: Path) -> None:
    """WorkbenchError when an entry could only be added by writing the whole document
    again in a way that changes what is there: entries re-flowed (a list that is not a
    block list ending the file), a comment lost, or the next entry refused (an empty
    list followed by another key). Every byte already written is kept, or nothing is
    done; checked before any file of an edit is written."""
    ended = _DOCUMENT_END.search(text) is not None  # what follows "..." is another document
    if document[key]:
        fits = not ended and _layout(text, document, key) is not None
    else:  # "events: []": dumped again whole, which must keep it the last, and every comment
        fits = (not ended and _DIRECTIVES.search(text) is None
                and list(document)[-1:] == [key] and not _loses_a_comment(text, document))
    if not fits:
        raise WorkbenchError(
            f"{path.name} cannot take a new entry without being rewritten: its '{key}:' "
            "list is not a block list of entries at the end of the file",
            f"put '{key}:' last, its entries as '- id: …' blocks (and no '...' after "
            "them), or add the entry in an editor (in the explorer: E)",
        )


def _loses_a_comment(text: str, document: Any) -> bool:
    """True when dumping `document` (read from `text`) again drops a comment line."""
    out = io.StringIO()
    yaml_with().dump(document, out)
    return _comment_lines(out.getvalue()) < _comment_lines(text)


def read_round_trip(text: str, path: Path) -> Any:
    """`text` (of the file `path`) read for a round trip; WorkbenchError if it does not read."""
    from ruamel.yaml.error import YAMLError

    try:
        return yaml_with().load(text)
    except YAMLError as error:
        where = getattr(getattr(error, "problem_mark", None), "line", None)
        at = f" (line {where + 1})" if isinstance(where, int) else ""
        problem = getattr(error, "problem", None) or "it does not read as YAML"
        raise WorkbenchError(
            f"{path.name} cannot be edited here: {problem}{at}",
            "make the change in an editor (in the explorer: E); `timeline check` shows "
            "whether the file loads",
        ) from None


def read_lines(path: Path) -> tuple[str, str]:
    """The file's text with "\n" line ends, and the line end it uses ("\r\n" or "\n"),
    so that what is added is written with the file's own."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise WorkbenchError(
            f"{path.name} cannot be edited here: it is not UTF-8",
            "`timeline check` names the byte; save the file as UTF-8",
        ) from None
    ending = "\r\n" if "\r\n" in raw else "\n"
    return raw.replace("\r\n", "\n"), ending


def append_entry(path: Path, key: str, entry: Mapping[str, Any]) -> None:
    """Add `entry` at the end of the list under top-level `key` of the YAML file `path`.

    Every byte already in the file stays as it is when the list is a block list
    that ends the document; otherwise the document is dumped again whole.
    """
    text, ending = read_lines(path)
    yaml = yaml_with()
    document = read_round_trip(text, path)
    items = document[key]
    _refuse_a_rewrite(text, document, key, path)
    layout = _layout(text, document, key)
    if layout is not None:
        sequence, offset, blank = layout
        out = io.StringIO()
        yaml_with(sequence, offset).dump({key: [dict(entry)]}, out)
        added = out.getvalue().split("\n", 1)[1]  # without the "key:" line
        head = text if text.endswith("\n") else text + "\n"
        appended = head + ("\n" if blank else "") + added
        if _reads_back(appended, key, len(items), entry):
            with path.open("a", encoding="utf-8", newline="") as stream:
                stream.write(appended[len(text) :].replace("\n", ending))
            return
    # An empty list ("events: []"): the document is dumped again (`_refuse_a_rewrite`
    # made sure nothing is lost) and put in place whole, by a rename of a file beside
    # the one a link points at, with its mode, so that a failure leaves it as it was.
    items.append(dict(entry))
    out = io.StringIO()
    yaml.dump(document, out)
    target = path.resolve()
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(out.getvalue().replace("\n", ending), encoding="utf-8",
                             newline="")  # fmt: skip
        os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


_DIRECTIVES = re.compile(r"(?m)^(?:%|---)")  # "%YAML 1.2", "---": a dump would drop them
_DOCUMENT_END = re.compile(r"(?m)^\.\.\.[ \t]*(?:#.*)?$")


def _comment_lines(text: str) -> int:
    """How many lines of `text` hold a comment (roughly: a "#" after a space or first)."""
    return len(re.findall(r"(?m)(?:^|\s)#", text))


def _layout(text: str, document: Any, key: str) -> tuple[int, int, bool] | None:
    """(sequence indent, dash offset, blank line between entries) of the list under
    `key`, or None when an entry cannot be appended as text.

    The list must be a block list of mappings and the document's last key; a
    comment after it is fine.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(document, CommentedMap) or list(document)[-1:] != [key]:
        return None
    items = document[key]
    if not isinstance(items, CommentedSeq) or not items or items.fa.flow_style():
        return None
    if not all(isinstance(item, CommentedMap) for item in items):
        return None
    lines = text.splitlines()
    line, column = items.lc.item(len(items) - 1)
    dash = lines[line].find("-") if line < len(lines) else -1
    if dash < 0 or dash >= column:
        return None
    # Entries set apart by a blank line (not only the sections' comment headings).
    blank = bool(re.search(rf"\n[ \t]*\n{' ' * dash}- ", text))
    return column, dash, blank


def _reads_back(text: str, key: str, count: int, entry: Mapping[str, Any]) -> bool:
    """True when `text` holds `count` + 1 entries under `key`, the last equal to `entry`."""
    items = safe_load(text, key)
    return isinstance(items, list) and len(items) == count + 1 and items[-1] == plain(entry)


def safe_load(text: str, key: str) -> Any:
    """What `text` holds under top-level `key`, read as plain values; None when it does
    not read (a check that what was written reads back)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe", pure=True).load(text)[key]
    except (YAMLError, KeyError, TypeError):
        return None


def plain(value: Any) -> Any:
    """`value` as plain dicts, lists and strings (as a safe load gives it back)."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value
