"""The `timeline` command line's arguments: the parser, its option types and usage errors.

`tui.cli` runs the commands; this module only says what they accept, so that the
help, the README and the tests read one definition.
"""

from __future__ import annotations

import argparse
import os
import re
from datetime import date
from pathlib import Path
from typing import NoReturn

from tui import __version__
from tui.safetext import visible, visible_block

EXIT_OK = 0
EXIT_DATA = 1  # data problems, or output that cannot be written
EXIT_USAGE = 2

FORMAT_ALIASES = {"md": "markdown"}
# The names `tui.export.FORMATS` registers (a test holds the two equal), written
# out so that every command does not import every exporter to parse its options.
EXPORT_FORMATS = ("csv", "ics", "json", "markdown", "timelinejs")


class UsageError(Exception):
    """A command-line argument that cannot be used; exit code 2."""


def _format_name(text: str) -> str:
    """An export format's name, or the name an alias stands for (`md` → markdown)."""
    return FORMAT_ALIASES.get(text.casefold(), text.casefold())


class _Parser(argparse.ArgumentParser):
    """argparse whose error messages, which quote the arguments, are made visible."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and `message` (control characters made visible), exit 2.

        A choice that is not one ("lsit") is followed by the nearest choice, as a
        misspelt option is."""
        super().error(visible(message + _nearest_choice(message)))


_INVALID_CHOICE = re.compile(r"invalid choice: '(.*)' \(choose from (.*)\)$", re.DOTALL)


def _nearest_choice(message: str) -> str:
    """"; did you mean 'list'?" for argparse's "invalid choice: 'lsit' (choose from …)"."""
    found = _INVALID_CHOICE.search(message)
    if found is None:
        return ""
    import difflib  # only on this error
    # Quoted ('check', 'list') up to Python 3.12.7, bare (check, list) after.
    choices = [c.strip().strip("'\"") for c in found.group(2).split(", ")]
    close = difflib.get_close_matches(found.group(1), choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def iso_date(text: str) -> date:
    """A YYYY-MM-DD date; ArgumentTypeError says whether the form or the day is wrong."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):  # the form is right: the day is not
            raise argparse.ArgumentTypeError(f"no such day: {text!r} ({exc})") from None
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def _year(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 9999:
        raise argparse.ArgumentTypeError(f"not a year: {text!r} (use e.g. 2021)")
    return int(text)


def _folder(text: str) -> Path:
    """A folder named on the command line; an empty name is none (not the current one)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty name is no folder")
    return Path(text)


def _add_data_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--data",
        type=_folder,
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help="data folder holding articles.yaml, actors.yaml and events.yaml "
        "(default: the shipped data)",
    )


def _add_filter_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="NAME",
        help="only events involving this actor (id, name or alias); repeat for "
        "several (any of them); a country includes its people",
    )
    group.add_argument(
        "--year",
        type=_year,
        action="append",
        default=[],
        metavar="Y",
        help="only events overlapping this year; repeat for several",
    )
    group.add_argument(
        "--from",
        dest="date_from",
        type=iso_date,
        metavar="DATE",
        help="only events ending on or after DATE (YYYY-MM-DD)",
    )
    group.add_argument(
        "--to",
        dest="date_to",
        type=iso_date,
        metavar="DATE",
        help="only events starting on or before DATE (YYYY-MM-DD)",
    )
    group.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="only events whose title, summary, quotes or actors contain TEXT",
    )
    group.add_argument("--article", metavar="ID", help="only events reported by this article")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `timeline` and its subcommands."""
    parser = _Parser(
        prog="timeline",
        description="Explore a source-grounded timeline built from news articles (the "
        "shipped one: China–North Korea relations). With no command, opens the explorer.",
        epilog="Exit codes: 0 ok, 1 data problems or unwritable output, 2 usage errors.",
    )
    _add_data_option(parser, top=True)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # The explorer's start options; a command takes its own filters after its name.
    parser.add_argument(
        "--actor",
        dest="start_actor",
        action="append",
        default=[],
        metavar="NAME",
        help="open the explorer filtered to this actor (repeatable)",
    )
    parser.add_argument(
        "--year",
        dest="start_year",
        type=_year,
        action="append",
        default=[],
        metavar="Y",
        help="open the explorer filtered to this year (repeatable)",
    )
    parser.add_argument(
        "--search",
        dest="start_search",
        default="",
        metavar="TEXT",
        help="open the explorer with this search",
    )
    parser.add_argument(
        "--article",
        dest="start_article",
        metavar="ID",
        help="open the explorer filtered to the events this article reports",
    )
    parser.add_argument("--event", metavar="ID", help="open the explorer with this event selected")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate the data and report every problem",
        description="Validate the data folder: every quote found in "
        "its article, every date resolved, every reference "
        "known. Prints problems as FILE:LINE: message.",
    )
    _add_data_option(check, top=False)

    listing = commands.add_parser(
        "list",
        help="print the timeline as plain text",
        description="Print the timeline, one event per line, the date at its real precision.",
    )
    _add_data_option(listing, top=False)
    listing.add_argument("--ids", action="store_true", help="show each event's id")
    _add_filter_options(listing)

    show = commands.add_parser(
        "show",
        help="print one event: its date, how it was read, its sources",
        description="Print event ID as the explorer's event pane describes it: the date "
        "and how the article's words were resolved to it, what it means, the publication "
        "date it counts from, the actors, the summary, and each source's quote and date.",
    )
    show.add_argument("event_id", metavar="ID", help="an event id (`timeline list --ids`)")
    show.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    _add_data_option(show, top=False)

    export = commands.add_parser(
        "export",
        help="export the (filtered) timeline",
        description="Export the timeline, filtered like `list`.",
    )
    _add_data_option(export, top=False)
    export.add_argument(
        "--format",
        required=True,
        type=_format_name,
        choices=EXPORT_FORMATS,
        help="output format (md for markdown)",
    )
    export.add_argument(
        "--output",
        "-o",
        type=path_or_dash,
        metavar="FILE",
        help="write to FILE (atomically) instead of standard output ('-': standard output)",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="overwrite FILE if it exists (only ever a regular file)",
    )
    export.add_argument(
        "--allow-empty",
        action="store_true",
        help="write the export even when no event matches (by default: a message and exit 1)",
    )
    export.add_argument(
        "--csv-formulas",
        action="store_true",
        help="csv: write cells starting with = + - @ as they are (by default they get a "
        "leading ' so that a spreadsheet does not run them as formulas)",
    )
    _add_filter_options(export)

    resolve = commands.add_parser(
        "resolve",
        help="resolve date words against an anchor date",
        description="Resolve an expression such as 'on Saturday' or 'earlier this month' "
        "against an anchor (publication) date and print the span as JSON. "
        "With --batch, read lines ANCHOR<TAB>EXPRESSION[<TAB>SENTENCE] from "
        "standard input and write one JSON object per line.",
    )
    resolve.add_argument("expression", nargs="?", help="the date words, e.g. 'on Saturday'")
    resolve.add_argument(
        "--anchor",
        type=iso_date,
        metavar="DATE",
        help="the publication date to resolve against (YYYY-MM-DD)",
    )
    resolve.add_argument(
        "--earliest",
        type=iso_date,
        metavar="DATE",
        help="with --latest: the publication date is a window and --anchor its most "
        "likely day; the span covers every day of the window",
    )
    resolve.add_argument(
        "--latest",
        type=iso_date,
        metavar="DATE",
        help="the last day of the publication window (see --earliest)",
    )
    resolve.add_argument(
        "--sentence",
        metavar="TEXT",
        help="the sentence the words come from (its tense settles past/future)",
    )
    resolve.add_argument(
        "--batch",
        action="store_true",
        help="read ANCHOR<TAB>EXPRESSION[<TAB>SENTENCE] lines from stdin",
    )
    tag = commands.add_parser(
        "tag",
        help="find and resolve every date expression in a text",
        description="Find every temporal expression (dates, durations, sets, references "
        "such as 'the same day') in FILE or standard input and resolve it against "
        "--anchor, the text's publication date. JSON: one object per expression, in "
        "text order, with character offsets into the text as read.",
    )
    tag.add_argument(
        "file", nargs="?", type=path_or_dash, metavar="FILE",
        help="UTF-8 text (default, or '-': standard input)"
    )
    tag.add_argument(
        "--anchor",
        type=iso_date,
        metavar="DATE",
        required=True,
        help="the text's publication date (YYYY-MM-DD)",
    )
    tag.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="json: one object per line (default); text: the text marked, then a table",
    )
    add = commands.add_parser(
        "add-article",
        help="add an article's text to the data (seeds/ and articles.yaml)",
        description="Copy FILE byte for byte into seeds/ and append it to articles.yaml, "
        "keeping the file's comments and order. --published is a day (a stated date) or "
        "EARLIEST..LATEST (an inferred window, which needs --note saying why).",
    )
    add.add_argument("file", type=Path, metavar="FILE", help="the article as UTF-8 text")
    add.add_argument(
        "--published",
        required=True,
        metavar="DATE|EARLIEST..LATEST",
        help="the publication date (YYYY-MM-DD), or the window of days it falls in when "
        "the article does not state it (needs --note saying why)",
    )
    add.add_argument("--basis", choices=("stated", "inferred"), help="how the date is known")
    add.add_argument("--title", required=True, help="the article's headline")
    add.add_argument("--outlet", required=True, help="where it was published")
    add.add_argument("--author", help="who wrote it")
    add.add_argument("--note", help="why this publication date (required when inferred)")
    add.add_argument(
        "--id", dest="article_id", help="the article's id (default: from the file name)"
    )
    _add_data_option(add, top=False)

    draft = commands.add_parser(
        "draft",
        help="propose events from an article's dated sentences",
        description="Write one draft per sentence of ARTICLE that holds a resolvable date: "
        "its quote, date words and the actors it names (data/drafts/ARTICLE.yaml unless "
        "--output). `check` validates drafts; the timeline does not show them.",
    )
    draft.add_argument("article", metavar="ARTICLE", help="an article id")
    draft.add_argument("--output", type=Path, metavar="FILE",
                       help="where to write the drafts ('-': standard output)")
    draft.add_argument("--force", action="store_true", help="overwrite an existing drafts file")
    _add_data_option(draft, top=False)
    return parser


def usage_exit(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    parser.exit(EXIT_USAGE, visible_block(f"timeline: {message}") + "\n")


def path_or_dash(text: str) -> Path | None:
    """A file named on the command line; None for "-", standard input or output as in
    other Unix tools (a file named "-" is "./-")."""
    return None if text == "-" else Path(text)


def refuse_output_early(output: Path, *, force: bool) -> None:
    """The usage errors an export to `output` would end with, before the data is read.

    Loading a large folder takes a while; a file that exists without --force, or a
    folder, is said at once. The write checks again (the path may change meanwhile).
    """
    from tui.outfile import NotRegularTarget, replaceable_target

    if output.is_dir():
        raise UsageError(f"{output} is a folder; give a file name")
    try:
        target = replaceable_target(output)
    except NotRegularTarget as exc:
        raise output_not_regular(output, exc) from None
    except OSError:
        return  # no permission to look, say: the write reports it, with its exit code
    if not force and os.path.lexists(target):
        raise output_exists(output)


def output_exists(output: Path) -> UsageError:
    """An export's output that exists, without --force."""
    return UsageError(f"{output} exists; pass --force to overwrite it")


def output_not_regular(output: Path, error: OSError) -> UsageError:
    """A FIFO, a device, a link to nothing: another path is needed."""
    return UsageError(f"cannot write {output}: {error.strerror}")
