"""Add a source to an event of `events.yaml` without touching what is already there.

As `tui.yamlappend` appends an entry after the file's last byte, this inserts a
source after the last line of an event's `sources:` list: dumped on its own, laid
out as that list lays out its items, every other byte of the file left as it was.
The result is read back and checked before it is written; a file laid out
otherwise (a flow list, an event whose sources are not a block list of mappings)
is refused, with a hint, rather than dumped again whole.

Plain Python, no Textual.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tui.workbench_error import WorkbenchError
from tui.yamlappend import plain, read_lines, read_round_trip, safe_load, yaml_with

_REFUSED_HINT = "add the source with E, in the editor"


def insert_source(path: Path, event_id: str, source: Mapping[str, Any]) -> int:
    """Add `source` as the last source of event `event_id` in the events file `path`;
    the number of sources the event has now. WorkbenchError when it cannot be done
    as text (the event is not there, or its sources are not a block list)."""
    text, ending = read_lines(path)
    document = read_round_trip(text, path)
    items = (document.get("events") if hasattr(document, "get") else None) or []
    index = next(
        (i for i, e in enumerate(items) if hasattr(e, "get") and str(e.get("id")) == event_id),
        None,
    )
    if index is None:
        raise WorkbenchError(f"no event '{event_id}' in events.yaml", "name an event of the file")
    sources = items[index].get("sources")
    layout = _layout(text, sources)
    if layout is None:
        raise WorkbenchError(
            f"the sources of event '{event_id}' are not laid out as a list this can add to",
            _REFUSED_HINT,
        )
    dash, column, after = layout
    out = io.StringIO()
    yaml_with(column - dash, 0).dump([dict(source)], out)
    added = "".join(" " * dash + line for line in out.getvalue().splitlines(keepends=True))
    lines = text.splitlines(keepends=True)
    if after == len(lines) and lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    updated = "".join(lines[:after]) + added + "".join(lines[after:])
    if not _reads_back(text, updated, index, source):
        raise WorkbenchError(
            f"the new source of event '{event_id}' would not read back as written, or "
            "would change what is there",
            _REFUSED_HINT,
        )
    path.write_bytes(updated.replace("\n", ending).encode("utf-8"))
    return len(sources) + 1


def _layout(text: str, sources: Any) -> tuple[int, int, int] | None:
    """(dash column, mapping column, line to insert before) for a block list of
    source mappings, or None when a source cannot be added to it as text."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(sources, CommentedSeq) or not sources or sources.fa.flow_style():
        return None
    if not all(isinstance(s, CommentedMap) for s in sources):
        return None
    lines = text.splitlines()
    line, column = sources.lc.item(len(sources) - 1)
    if line >= len(lines):
        return None
    dash = lines[line].find("-")
    if dash < 0 or dash >= column or lines[line][:dash].strip():
        return None
    # The last source runs on over the lines indented past its dash; a blank line or
    # a comment less indented belongs to what follows (the next event's heading).
    end = line + 1
    for at in range(line + 1, len(lines)):
        body = lines[at]
        if not body.strip():
            continue
        if len(body) - len(body.lstrip()) <= dash:
            break
        end = at + 1
    return dash, column, end


def _reads_back(text: str, updated: str, index: int, source: Mapping[str, Any]) -> bool:
    """True when `updated` reads as `text` with `source` after the last source of
    event `index`, and nothing else changed (a block scalar's trailing blank lines,
    say, which the source went after)."""
    before, after = safe_load(text, "events"), safe_load(updated, "events")
    if not isinstance(before, list) or len(before) <= index:
        return False
    event = before[index]
    if not isinstance(event, dict) or not isinstance(event.get("sources"), list):
        return False
    event["sources"].append(plain(source))
    return bool(after == before)
