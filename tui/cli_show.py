"""`timeline show ID`: one event, everything the explorer's event pane says of it.

For a reader checking an event from the command line: its date and how the
article's words were resolved to it, what the date means ("by", "expected"), the
publication date it was resolved against and why, the actors, the summary, and
each source's quote with its own date words, date and resolution. `--format
json` gives the event as the JSON export has it. Text from the data is printed
with its control characters made visible, as everywhere.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from tui.cliargs import EXIT_OK, UsageError
from tui.dates import format_span
from tui.event_text import describe_event
from tui.export.jsonfmt import event_json
from tui.model import Timeline
from tui.present import published_label
from tui.safetext import json_safe, visible
from tui.suggest import unknown_event_message


def cmd_show(
    args: argparse.Namespace, out: TextIO, load: Callable[[Path | None], Timeline]
) -> int:
    """Print event `args.event_id` of the folder `load` reads, as text or JSON."""
    timeline = load(args.data)
    event = timeline.event_by_id.get(args.event_id)
    if event is None:
        raise UsageError(unknown_event_message(list(timeline.event_by_id), args.event_id))
    if args.format == "json":
        record = event_json(event, expected=timeline.is_expected(event))
        out.write(json_safe(json.dumps(record, ensure_ascii=False, indent=2)) + "\n")
        return EXIT_OK
    out.write(describe_event(timeline, event) + "\n")
    out.write("\nEach source's date:\n")
    for number, source in enumerate(event.sources, 1):
        article = timeline.article_by_id.get(source.article_id)
        where = (
            f"{article.outlet}, published {published_label(article)}"
            if article is not None
            else source.article_id
        )
        out.write(
            visible(
                f"{number}. {format_span(source.span)}, from "
                f"“{source.date_text}” in {where}: {source.span.explanation}"
            )
            + "\n"
        )
    return EXIT_OK
