"""The `timeline` command line (also `python -m tui`).

`timeline` alone opens the explorer; `check`, `list`, `export` and `resolve` work
on plain text. Expected failures become one clear message on stderr and an exit
code — 0 ok, 1 data problems (or output that cannot be written), 2 usage
errors — never a traceback. Every message and line of text passes through
`tui.safetext`, so nothing from the data drives the terminal.
"""

from __future__ import annotations

import argparse
import errno
import json
import sys
from collections.abc import Sequence
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from tui.cli_workbench import cmd_add_article, cmd_draft
from tui.cliargs import (
    EXIT_DATA,
    EXIT_OK,
    UsageError,
    build_parser,
    iso_date,
    output_exists,
    output_not_regular,
    refuse_output_early,
    usage_exit,
)
from tui.datafiles import ARTICLES_FILE, DRAFTS_DIR, default_data_dir, shown_folder
from tui.dates import format_span
from tui.loadfeedback import LoadFeedback
from tui.model import EXPECTED, Timeline
from tui.opening import open_folder, open_timeline
from tui.problems import DataError
from tui.readfile import read_regular
from tui.safetext import json_safe, undecoded_byte, visible
from tui.span import ResolveError
from tui.stdio import GuardedOutput, OutputError, discard_stdout
from tui.suggest import (
    check_options,
    reject_unknown,
    unknown_actor_message,
)
from tui.words import counted

# What only some commands use is imported by them, so that the others (`check`
# above all, after every edit) do not wait for it.
if TYPE_CHECKING:
    from tui.dates.anchoring import Anchor
    from tui.filters import Filter, TimelineIndex



def _load(data: Path | None) -> Timeline:
    with LoadFeedback() as feedback:
        return open_timeline(
            data if data is not None else default_data_dir(),
            on_parse=feedback.announce,
            progress=feedback,
        )


def _filter_from_args(args: argparse.Namespace, timeline: Timeline) -> Filter:
    from tui.filters import Filter, find_actor

    actor_ids = []
    for name in args.actor:
        actor = find_actor(timeline.actors, name)
        if actor is None:
            raise UsageError(unknown_actor_message(timeline.actors, name))
        actor_ids.append(actor.id)
    years = list(getattr(args, "year", []))
    date_from = getattr(args, "date_from", None)
    date_to = getattr(args, "date_to", None)
    if years and (date_from or date_to):
        raise UsageError("use either --year or --from/--to, not both")
    if date_from and date_to and date_from > date_to:
        raise UsageError(f"--from {date_from} is after --to {date_to}")
    article = getattr(args, "article", None)
    if article and article not in timeline.article_by_id:
        known = ", ".join(a.id for a in timeline.articles)
        raise UsageError(f"unknown article '{article}'; known articles: {known}")
    return Filter(
        actors=frozenset(actor_ids),
        years=frozenset(years),
        date_from=date_from,
        date_to=date_to,
        search=getattr(args, "search", "") or "",
        article=article,
    )


def _coverage(index: TimelineIndex, filt: Filter) -> str:
    """When the years asked for lie outside the data: " (the data covers 1949–2025)"."""
    years = index.years
    return filt.coverage(years[0], years[-1]) if years else ""


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    with LoadFeedback() as feedback:
        opened = open_folder(
            args.data if args.data is not None else default_data_dir(),
            on_parse=feedback.announce,
            progress=feedback,
        )
    timeline = opened.timeline
    data_dir, shown = args.data or default_data_dir(), shown_folder(args.data)
    # Here: only `check` lints, and the lint reads the tense (about 20 ms of imports).
    from tui.lint import (
        dated_by_a_forecast_warnings,
        disagreeing_sources_warnings,
        done_after_written_warnings,
        firsts_after_written,
        formula_warnings,
    )

    records = opened.reuse.records if opened.reuse else None
    after = firsts_after_written(timeline)  # for the two warnings of dates after an article
    for warning in [*formula_warnings(timeline, data_dir, shown),
                    *done_after_written_warnings(timeline, data_dir, records, shown, after),
                    *disagreeing_sources_warnings(timeline, data_dir, records, shown),
                    *dated_by_a_forecast_warnings(timeline, data_dir, records, shown, after)]:
        sys.stderr.write(warning + "\n")
    sources = sum(map(len, map(attrgetter("sources"), timeline.events)))  # in C
    inferred = sum(1 for a in timeline.articles if a.published_inferred)
    out.write(
        f"ok: {counted(len(timeline.events), 'event')}, {counted(sources, 'source')}, "
        f"{counted(len(timeline.actors), 'actor')}, {counted(len(timeline.articles), 'article')} "
        f"({inferred} with an inferred publication date); every quote found, "
        f"every date resolved{_drafts_checked(Path(data_dir))}\n"
    )
    out.flush()
    opened.store()  # after the verdict is shown: the cache only speeds up the next run
    return EXIT_OK


def _drafts_checked(data_dir: Path) -> str:
    """"; the drafts too (N files in drafts/)" when the folder has drafts: a load
    checks them as it checks sources (`tui.loading.drafts`), and says nothing of
    them when they pass."""
    folder = data_dir / DRAFTS_DIR
    files = sum(1 for _ in folder.glob("*.yaml")) if folder.is_dir() else 0
    return f"; the drafts too ({counted(files, 'file')} in {DRAFTS_DIR}/)" if files else ""


def format_event_line(
    timeline: Timeline, position: int, date_width: int, id_width: int | None = None
) -> str:
    """One line of `timeline list`: date at its precision, title, actor names.

    With `id_width`, the event's id comes first, in a column that wide: a date
    has spaces ("since 1950–1953", "2021-06-17 Thu"), an id none, so the first
    field of each line is its id (`awk '{print $1}'`).
    """
    event = timeline.events[position]
    names = ", ".join(timeline.actor_names(event.actors))
    ident = f"{event.id:<{id_width}}  " if id_width is not None else ""
    expected = EXPECTED if timeline.is_expected(event) else ""  # after its article was written
    # Made visible: a title with an escape sequence must not drive the terminal.
    return visible(
        f"{ident}{format_span(event.span):<{date_width}}  {expected}{event.title}  [{names}]"
    )


def _how_to_add_events(timeline: Timeline) -> str:
    """The hint for a folder with no events yet: how to add them (an article first,
    when it has none)."""
    first = "" if timeline.articles else (
        "add an article (`timeline add-article FILE --published DATE --title TITLE "
        "--outlet OUTLET`), then "
    )
    return (f"{first}add events: in the explorer on the folder, open an article (Ctrl+P), "
            "select its words and press t (`timeline draft` proposes some)")


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    from tui.filters import TimelineIndex

    timeline = _load(args.data)
    filt = _filter_from_args(args, timeline)
    index = TimelineIndex.build(timeline)
    positions = index.select(filt)
    if not positions:
        sys.stderr.write(
            f"no events yet\n    hint: {_how_to_add_events(timeline)}\n" if not timeline.events
            else f"no event matches these filters{_coverage(index, filt)}\n"
        )
        return EXIT_OK
    width = max(len(format_span(timeline.events[i].span)) for i in positions)
    id_width = max(len(timeline.events[i].id) for i in positions) if args.ids else None
    for i in positions:
        out.write(format_event_line(timeline, i, width, id_width) + "\n")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from tui.export import FORMATS, export_chunks, write_atomically
    from tui.filters import TimelineIndex, filter_words
    from tui.outfile import NotRegularTarget

    if args.output is not None:
        refuse_output_early(args.output, force=args.force)
    timeline = _load(args.data)
    filt = _filter_from_args(args, timeline)
    positions: Sequence[int]
    if filt.is_empty:  # everything: no index to build
        index, positions = None, range(len(timeline.events))
    else:
        index = TimelineIndex.build(timeline)
        positions = index.select(filt)
    nothing = (
        "no events yet" if not timeline.events
        else "no event matches these filters"
        + ("" if index is None else _coverage(index, filt))
    )
    if not positions and not args.allow_empty:
        # An empty calendar or TimelineJS file is one its readers refuse.
        change = "change the filters" if timeline.events else _how_to_add_events(timeline)
        sys.stderr.write(
            f"timeline: {nothing}; nothing exported\n"
            f"    hint: {change}, or pass --allow-empty to write an empty export\n"
        )
        return EXIT_DATA
    if not positions:
        sys.stderr.write(f"timeline: {nothing}; the export holds none\n")
    # Written as it is made: a long CSV export is never held whole in memory.
    from tui.loading.reading import read_title

    subject = (
        read_title((args.data or default_data_dir()) / ARTICLES_FILE)
        if "subject" in FORMATS[args.format].options  # a format with a title
        else None
    )
    pieces = export_chunks(
        args.format,
        timeline,
        positions,
        filter_words=filter_words(timeline, filt),
        keep_formulas=args.csv_formulas,
        subject=subject,
    )
    if args.output is None:
        for piece in pieces:
            out.write(piece)
        return EXIT_OK
    try:
        write_atomically(args.output, pieces, force=args.force)
    except FileExistsError:
        raise output_exists(args.output) from None
    except NotRegularTarget as exc:
        raise output_not_regular(args.output, exc) from None
    except OSError as exc:  # no such folder, no permission, a full disk: exit code 1
        sys.stderr.write(visible(f"timeline: cannot write {args.output}: {exc.strerror}") + "\n")
        return EXIT_DATA
    sys.stderr.write(visible(f"wrote {counted(len(positions), 'event')} to {args.output}") + "\n")
    extension = FORMATS[args.format].extension
    others = {f.extension for f in FORMATS.values()} - {extension}
    if args.output.suffix.casefold() in others:  # as the explorer's dialog asks
        sys.stderr.write(
            visible(
                f"note: {args.output.name} does not end in {extension}, as a {args.format} "
                "file does; a program that goes by the name may misread it"
            )
            + "\n"
        )
    return EXIT_OK


def resolve_json(anchor: date | Anchor, expression: str, sentence: str | None) -> dict[str, Any]:
    """The `resolve` command's JSON object for one expression (with its relation)."""
    from tui.dates.anchoring import Anchor, date_from_words
    from tui.export.jsonfmt import span_json

    window = anchor if isinstance(anchor, Anchor) else Anchor.day(anchor)
    span = date_from_words(expression, sentence, window)
    fields: dict[str, Any] = {"expression": expression, "anchor": window.likely.isoformat()}
    if window.is_window:
        fields["anchor_earliest"] = window.earliest.isoformat()
        fields["anchor_latest"] = window.latest.isoformat()
    return {**fields, **span_json(span), "relation": span.relation}


def _say_the_terminal_is_read(what: str) -> None:
    """Standard input is about to be read: on a terminal, say so (a person who gave no
    file would otherwise wait for output that never comes)."""
    if sys.stdin is not None and sys.stdin.isatty():
        sys.stderr.write(
            f"timeline: reading {what} from the terminal; end with Ctrl+D on a line of its "
            "own (Ctrl+C to stop)\n"
        )
        sys.stderr.flush()


def _cmd_resolve(args: argparse.Namespace, out: TextIO) -> int:
    if args.batch:
        if args.expression or args.anchor or args.sentence:
            raise UsageError(
                "--batch reads everything from standard input; "
                "give no expression, --anchor or --sentence"
            )
        _say_the_terminal_is_read("lines of ANCHOR<TAB>EXPRESSION[<TAB>SENTENCE]")
        try:
            return _resolve_batch(sys.stdin, out)
        except UnicodeDecodeError as exc:
            raise UsageError(f"standard input is not UTF-8 text ({exc.reason})") from None
    if not args.expression or args.anchor is None:
        raise UsageError("give --anchor DATE and an EXPRESSION, or --batch")
    anchor: date | Anchor = args.anchor
    if (args.earliest is None) != (args.latest is None):
        raise UsageError("a publication window needs both --earliest and --latest")
    if args.earliest is not None:
        if args.earliest > args.latest:
            raise UsageError("the publication window runs backwards: --earliest is after --latest")
        if not args.earliest <= args.anchor <= args.latest:
            raise UsageError(
                "--anchor (the most likely day) must lie between --earliest and --latest"
            )
        from tui.dates.anchoring import Anchor

        anchor = Anchor(args.anchor, args.earliest, args.latest)
    try:
        result = resolve_json(anchor, args.expression, args.sentence)
    except ResolveError as exc:
        sys.stderr.write(visible(f"timeline: cannot resolve '{args.expression}': {exc}") + "\n")
        return EXIT_DATA
    out.write(json_safe(json.dumps(result, ensure_ascii=False)) + "\n")
    return EXIT_OK


def _resolve_batch(lines: TextIO, out: TextIO) -> int:
    """One JSON object per non-blank input line; every error names its line."""
    failed = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue  # blank lines (an editor's trailing one) carry nothing to resolve
        fields = raw.rstrip("\r\n").split("\t")
        try:
            bad = undecoded_byte(raw)
            if bad is not None:  # written back raw, it would make the output no UTF-8
                raise ResolveError(f"not UTF-8 text (byte 0x{bad:02X}): send the lines as "
                                   "UTF-8")
            if len(fields) not in (2, 3):
                raise ResolveError("expected ANCHOR<TAB>EXPRESSION[<TAB>SENTENCE]")
            try:
                anchor = iso_date(fields[0].strip())
            except argparse.ArgumentTypeError as exc:  # "no such day: …", or "not a date: …"
                raise ResolveError(f"anchor: {exc}") from None
            sentence = fields[2] if len(fields) == 3 else None
            result = resolve_json(anchor, fields[1], sentence)
        except ResolveError as exc:
            failed += 1
            result = {"error": f"line {number}: {exc}", "line": number}
        out.write(json_safe(json.dumps(result, ensure_ascii=False)) + "\n")
    return EXIT_DATA if failed else EXIT_OK


def _cmd_tag(args: argparse.Namespace, out: TextIO) -> int:
    """`timeline tag`: every expression of a text, resolved against --anchor."""
    from tui.dates.tagger import tag_text
    from tui.dates.tagmarks import marked_text
    from tui.loading.reading import not_utf8

    if args.file is None:
        _say_the_terminal_is_read("the text")
        raw = sys.stdin.buffer.read()
        shown = "standard input"
    else:
        try:
            raw = read_regular(args.file)
        except FileNotFoundError:
            raise UsageError(f"{args.file}: no such file") from None
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror}") from None
        shown = str(args.file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, message, hint = not_utf8(raw, exc)  # as `check` and `add-article` say it
        if args.file is None:  # no file to save: the text sent
            hint = hint.replace("save the file as UTF-8", "send the text as UTF-8")
        raise UsageError(f"{shown}:{line}: {message}\n    hint: {hint}") from None
    tags = tag_text(text, args.anchor)
    if args.format == "json":
        for tag in tags:
            out.write(json_safe(json.dumps(tag.as_json(), ensure_ascii=False)) + "\n")
        return EXIT_OK
    out.write(marked_text(text, tags) + "\n\n")
    spans = [format_span(tag.span) if tag.span else "—" for tag in tags]
    # Columns as wide as their longest value ("2025-02-10/2025-03-02"), at least as before.
    timex_width = max([14, *(len(tag.timex or "—") + 1 for tag in tags)])
    span_width = max([26, *(len(span) + 1 for span in spans)])
    wheres = [f"{tag.start}-{tag.end}" for tag in tags]
    where_width = max([13, *(len(where) + 1 for where in wheres)])
    number_width = max(3, len(str(len(tags))))
    if tags:  # what each column is: "19-25" and two dates said nothing to a newcomer
        out.write(f"{'#':>{number_width}}  {'characters':<{where_width}} {'type':<8} "
                  f"{'TIMEX3':<{timex_width}} {'resolved':<{span_width}} words\n")
    for n, (tag, span, where) in enumerate(zip(tags, spans, wheres, strict=True), start=1):
        row = (f"{n:>{number_width}}  {where:<{where_width}} {tag.type:<8} "
               f"{tag.timex or '—':<{timex_width}}")
        out.write(visible(f"{row} {span:<{span_width}} {' '.join(tag.text.split())}") + "\n")
    return EXIT_OK


def _cmd_draft(args: argparse.Namespace, out: TextIO) -> int:
    return cmd_draft(args, out, _load)


def _cmd_explore(args: argparse.Namespace) -> int:
    from tui.cli_explore import cmd_explore

    return cmd_explore(args, _filter_from_args)


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from tui.cli_show import cmd_show  # the exporters' JSON, only for this command

    return cmd_show(args, out, _load)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    check_options(parser, argv)  # before argparse, whose own errors come first otherwise
    args, extras = parser.parse_known_args(argv)
    if extras:
        reject_unknown(parser, args.command, extras)
    handlers = {
        "check": _cmd_check,
        "list": _cmd_list,
        "export": _cmd_export,
        "resolve": _cmd_resolve,
        "tag": _cmd_tag,
        "add-article": cmd_add_article,
        "draft": _cmd_draft,
        "show": _cmd_show,
    }
    try:
        start_options = (
            args.start_actor
            or args.start_year
            or args.start_search
            or args.start_article
            or args.event
        )
        if args.command is None:
            args.actor, args.year, args.search, args.article = (
                args.start_actor,
                args.start_year,
                args.start_search,
                args.start_article,
            )
            return _cmd_explore(args)
        if start_options:
            raise UsageError(
                "--actor, --year, --search, --article and --event before a command open the "
                "explorer; "
                f"to filter `{args.command}`, put them after it: timeline {args.command} --actor …"
            )
        out = GuardedOutput(sys.stdout)
        code = handlers[args.command](args, cast(TextIO, out))
        out.flush()
        return code
    except DataError as exc:
        sys.stderr.write(exc.report(shown_folder(getattr(args, "data", None))) + "\n")
        return EXIT_DATA
    except UsageError as exc:
        usage_exit(parser, str(exc))
    except BrokenPipeError:
        # `timeline list | head` closed the pipe: like `cat`, stop without a message.
        discard_stdout()
        return EXIT_OK
    except OutputError as exc:
        discard_stdout()
        sys.stderr.write(f"timeline: cannot write to standard output: {exc}\n")
        return EXIT_DATA
    except OSError as exc:
        if exc.filename is None or exc.errno != errno.ENAMETOOLONG:
            raise  # not a path the system refused by its length: a bug, shown as one
        # A path given, longer than the system allows (only looking at it raises).
        usage_exit(parser, f"cannot use {exc.filename}: {exc.strerror}\n    hint: a file's "
                   "name is at most 255 bytes (a letter of Chinese, Japanese or Korean "
                   "takes 3), and a whole path 4,096")
    except KeyboardInterrupt:
        return 130
