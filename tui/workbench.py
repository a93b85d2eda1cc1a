"""The curator's workbench: add an article to the data folder, draft events from it.

`add_article` copies a text into `seeds/` byte for byte and appends it to
`articles.yaml` with ruamel.yaml, so the file keeps its comments, order and
formatting. `draft_events` proposes one candidate per sentence that holds a
datable expression — its quote (the sentence, exact bytes), date words, resolved
date, relation and the actors named in it — for the curator to turn into events;
drafts live under `data/drafts/`, where `check` validates them and the timeline
does not show them.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
from calendar import monthrange
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tui.datafiles import ARTICLES_FILE, DEFAULT_SEEDS_DIR
from tui.datafolder import read_listing, start_folder
from tui.dates import Anchor, ResolveError, date_from_words
from tui.dates.doneguard import done_after_written, points_ahead
from tui.dates.relations import RELATION_WORDS, from_words_before
from tui.dates.sentences import sentence_bounds
from tui.dates.tagger import Tag, tag_text
from tui.demonyms import countries_named_by_adjective
from tui.draftpick import HEADING, NO_VERB, first_to_draft, is_furniture, is_heading
from tui.loading.reading import not_utf8
from tui.loading.schema import ID_PATTERN, no_such_day
from tui.loading.sourcecheck import article_anchor
from tui.model import Actor, Timeline
from tui.problems import DataError, Problem
from tui.referring import as_the_timeline_reads
from tui.safetext import UNSAFE, undecoded_byte, visible
from tui.workbench_error import WorkbenchError as WorkbenchError  # raised here; re-exported
from tui.yamlappend import append_entry, editable_list, quoted

SLUG = re.compile(r"[^a-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class PublicationWindow:
    """When an added article was published: one day (stated) or a window (inferred)."""

    likely: date
    earliest: date
    latest: date
    likely_is_convention: bool = False


_YEAR_MONTH = re.compile(r"\s*(\d{4})-(\d{2})\s*")


def parse_published(text: str, today: date | None = None) -> PublicationWindow:
    """'2024-04-11' or '2024-04-10..2024-04-12'; WorkbenchError for anything else.

    A window's first day is shown first, as a convention (nothing says it is likelier).
    A day after `today` (the system's date) is refused: an article added has been
    published, and a mistyped year would date every event against a day to come.
    """
    parts = text.split("..")
    try:
        days = [date.fromisoformat(p.strip()) for p in parts]
    except ValueError:
        raise WorkbenchError(
            f"--published {text!r} is not a date or a window",
            next(filter(None, map(no_such_day, parts)), None)
            or _a_month_as_a_window(text)
            or "write YYYY-MM-DD, or EARLIEST..LATEST for an inferred date",
        ) from None
    if len(days) > 2:
        raise WorkbenchError(f"--published {text!r} has more than two days", "EARLIEST..LATEST")
    first, last = days[0], days[-1]
    if last < first:
        raise WorkbenchError(
            f"the window {text} runs backwards",
            f"write the earlier day first: {last.isoformat()}..{first.isoformat()}",
        )
    today = today or date.today()
    if last > today:
        raise WorkbenchError(
            f"--published {text} is after today ({today.isoformat()})",
            "an article is added once it is published: check the year"
            + (f", or end the window today: {first.isoformat()}..{today.isoformat()}"
               if first <= today < last else ""),
        )
    if len(days) == 1:
        return PublicationWindow(first, first, first)
    return PublicationWindow(first, first, last, likely_is_convention=True)


def _a_month_as_a_window(text: str) -> str | None:
    """The window of a month written alone ("2025-05"), as a hint."""
    month = _YEAR_MONTH.fullmatch(text)
    if month is None or not 1 <= int(month.group(2)) <= 12:
        return None
    year, number = int(month.group(1)), int(month.group(2))
    last = monthrange(year, number)[1] if year >= 1 else 28
    return (f"for an article published some day of that month, write the window "
            f"{year:04d}-{number:02d}-01..{year:04d}-{number:02d}-{last:02d}")


def refuse_undecoded(option: str, value: str | None) -> None:
    """Refuse text the system could not decode as UTF-8 (typed in a terminal set to
    another encoding, or a file name from one): written into the data, it made a
    file no command could read."""
    bad = undecoded_byte(value or "")
    if bad is not None:
        raise WorkbenchError(
            f"{option} is not UTF-8 text: byte 0x{bad:02X} in "
            f"“{visible(value or '')}”",
            "rename the file with UTF-8 letters" if option == "the file's name" else
            "type it in a terminal set to UTF-8 (a locale such as C.UTF-8)",
        )


def refuse_control_characters(option: str, value: str | None) -> None:
    """Refuse a control character or a bidirectional override in one line of text typed
    for the data (an escape sequence pasted into `--title`): every view shows it as a
    symbol, but it is no part of a title, an outlet or a name."""
    bad = next((c for c in value or "" if ord(c) in UNSAFE), None)
    if bad is not None:
        raise WorkbenchError(
            f"{option} holds the control character U+{ord(bad):04X}: “{visible(value or '')}”",
            "type it again without it (an escape sequence pasted from a terminal, or a "
            "line break, is one)",
        )


def add_article(
    data_dir: Path,
    source: Path,
    published: PublicationWindow,
    *,
    title: str,
    outlet: str,
    author: str | None = None,
    note: str | None = None,
    basis: str | None = None,
    article_id: str | None = None,
) -> AddedArticle:
    """Copy `source` into seeds/ and append it to articles.yaml (the folder and its
    files made first if missing: `start_folder`). What `check` would refuse is refused
    first, before anything is written."""
    if article_id is not None and not ID_PATTERN.fullmatch(article_id):
        raise WorkbenchError(
            f"article id '{article_id}' is not a valid id",
            "use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit",
        )
    for option, value in (("--title", title), ("--outlet", outlet)):
        if not value.strip():
            raise WorkbenchError(f"{option} is empty", f"give the article's {option[2:]}")
    typed: list[tuple[str, str | None]] = [
        ("--title", title), ("--outlet", outlet), ("--author", author), ("--note", note),
        ("the file's name", source.name),
    ]
    for option, text in typed:
        refuse_undecoded(option, text)
        if option in ("--title", "--outlet", "--author"):
            refuse_control_characters(option, text)
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise WorkbenchError(
            f"cannot read {source}: {exc.strerror}",
            "give the path of the article's text, a UTF-8 file, from where you are",
        ) from None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, message, hint = not_utf8(raw, exc)
        raise WorkbenchError(f"{source}:{line}: {message}", hint) from None
    seeds = (data_dir / DEFAULT_SEEDS_DIR).resolve()
    for existing in sorted(seeds.glob("*")):
        if existing.is_file() and existing.read_bytes() == raw:
            raise WorkbenchError(
                f"this article is already in the data: seeds/{existing.name}",
                "each article is added once",
            )
    target = seeds / source.name
    if target.exists():
        raise WorkbenchError(
            f"seeds/{source.name} already exists with other text", "rename the file first"
        )
    basis = basis or ("stated" if published.earliest == published.latest else "inferred")
    if basis == "stated" and published.earliest != published.latest:
        raise WorkbenchError(
            "a stated publication date is one day", "give one day, or --basis inferred"
        )
    if basis == "inferred" and not note:
        raise WorkbenchError(
            "an inferred publication date needs --note saying why",
            'e.g. --note "the text reports the Saturday meeting in the past tense"',
        )
    articles_path = data_dir / ARTICLES_FILE
    started = start_folder(data_dir)
    items = read_listing(articles_path, "articles")
    editable_list(articles_path, "articles")  # before the text is copied: all or nothing
    known = {str(a.get("id")) for a in items if isinstance(a, Mapping)}
    day = _id_date(published)  # not twice: "story-2024-04-16", not "…-16-2024-04-16"
    named = source.stem if day in source.stem else f"{source.stem}-{day}"
    aid = article_id or SLUG.sub("-", named.lower())
    aid = aid.strip("-._") or "article"
    if aid in known:
        raise WorkbenchError(f"article id '{aid}' is taken", "pass --id with another id")
    entry: dict[str, object] = {
        "id": aid,
        "file": source.name,
        "title": quoted(title),
        "title_basis": "headline",
        "outlet": outlet,
        "author": author,
        "published": quoted(published.likely.isoformat()),
    }
    if published.earliest != published.latest:
        entry["published_earliest"] = quoted(published.earliest.isoformat())
        entry["published_latest"] = quoted(published.latest.isoformat())
        if published.likely_is_convention:
            entry["published_likely_basis"] = "convention"
    entry["published_basis"] = basis
    # Shown to readers with every event the article dates, and in the exports: it
    # says what is known, not what the curator should do (add-article says that).
    entry["published_note"] = note or "No note says where this publication date comes from."
    seeds.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)
    append_entry(articles_path, "articles", entry)
    return AddedArticle(aid, target, started)


def _id_date(published: PublicationWindow) -> str:
    """The date an article's id is made with: its day when stated or inferred as one; for
    a window, what the window's days share (its month, its year), so that the id never
    names a day the article may not have been published on."""
    first, last = published.earliest, published.latest
    if first == last:
        return published.likely.isoformat()
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%Y-%m}"
    return f"{first.year}" if first.year == last.year else f"{first.year}-{last.year}"


@dataclass(frozen=True, slots=True)
class AddedArticle:
    """What `add_article` did: the article's id, where its text was copied, and the
    data files it made (a folder started anew)."""

    id: str
    seed: Path
    made: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One proposed event: a sentence of the article with a datable expression."""

    quote: str
    tag: Tag
    date_text: str  # the tag's words, with "since"/"by"/"until" when that gives the relation
    actors: tuple[str, ...]
    restates: str | None
    # The sentence's other date words (with their "since"/"by"/"until"), those that
    # count from another mention too: the event may be the act they date, not the
    # first one's ("Three days later, … the budget for fiscal 2025").
    also: tuple[tuple[str, Tag], ...] = ()
    doubt: str | None = None  # what `check` will warn of, as an event


def actors_in(sentence: str, actors: tuple[Actor, ...]) -> tuple[str, ...]:
    """Ids of the actors whose name or an alias stands in `sentence`, or, for a country,
    its adjective ("North Korean officials": North Korea).

    A name that stands only inside another actor's longer name is not that actor:
    in "The Harlow Falls Town Council voted", the council, not the town.
    """
    by_adjective = countries_named_by_adjective(sentence)
    named: dict[str, list[tuple[int, int]]] = {}
    for actor in actors:
        for name in (actor.name, *actor.aliases):
            if name:
                named.setdefault(actor.id, []).extend(
                    m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence)
                )
    every = [(start, end, aid) for aid, spans in named.items() for start, end in spans]

    def inside_another(aid: str, start: int, end: int) -> bool:
        return any(other != aid and s <= start and end <= e and e - s > end - start
                   for s, e, other in every)

    found = []
    for actor in actors:
        spans = named.get(actor.id, [])
        if any(not inside_another(actor.id, *span) for span in spans) or (
            actor.kind == "country" and not by_adjective.isdisjoint((actor.name, *actor.aliases))
        ):
            found.append(actor.id)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Drafts:
    """What `draft_events` found: the candidates, and the dated sentences it left out
    because their date words give no date on their own ("The same day", read by
    the tagger against an earlier mention, or as an event's `relative_to` reads
    it), each as (sentence, its first tag, the id of an event quoting it or None)."""

    candidates: list[Candidate]
    left_out: list[tuple[str, Tag, str | None]]


def draft_events(timeline: Timeline, article_id: str) -> Drafts:
    """Candidates from every sentence of the article that holds a resolvable date."""
    article = timeline.article_by_id.get(article_id)
    if article is None:
        ids = sorted(timeline.article_by_id)
        close = difflib.get_close_matches(article_id, ids, n=1, cutoff=0.5)
        shown = ", ".join(ids[:8]) + (f" and {len(ids) - 8} more" if len(ids) > 8 else "")
        raise WorkbenchError(
            f"unknown article '{article_id}'",
            f"did you mean '{close[0]}'?"
            if close
            else f"the articles' ids (in articles.yaml): {shown or 'none yet'}",
        )
    text = article.text
    anchor = article_anchor(article)
    read = as_the_timeline_reads(tag_text(text, anchor), timeline, article_id)
    # A reference the tagger could not read against a date ("a week after the two
    # sides signed" counts from the signing) has no span, and is listed all the same.
    # "in two weeks" dates what it is said of ("The course starts in two weeks", "the
    # first visit in six years"): offered too, though its words are a length.
    tags = [t for t in read if (t.type == "DATE" and (t.span or t.reference))
            or (t.type == "DURATION" and t.span is not None
                and text[max(0, t.start - 3) : t.start].lower() == "in ")]  # fmt: skip
    kept = set(map(id, tags))
    undated = [t for t in read if t.type == "DATE" and id(t) not in kept]  # listed beside
    passages = quoted_passages(timeline, article_id)
    candidates = []
    left_out: list[tuple[str, Tag, str | None]] = []
    for start, end in sentence_bounds(text):
        sentence = text[start:end]
        # The first expression the loader will resolve as it stands (a reference such
        # as "the same day" needs the curator's `relative_to`, so it is not offered).
        dated = [t for t in tags if start <= t.start and t.end <= end]
        restates = next(iter(restated(passages, start, end)), None)
        if dated and is_furniture(text, start, end, dated):
            # "BEIJING, Feb. 19 (Wire) --", "Published: 18 April 2024": no event, but
            # listed, so that every dated sentence is drafted or said why not.
            left_out.append((sentence, _as_refused(dated[0], NO_VERB), restates))
            continue
        refusals = [why_not_on_its_own(t, sentence, anchor) for t in dated]
        inside = [t for t, why in zip(dated, refusals, strict=True) if why is None]
        if not inside:
            if dated:
                left_out.append((sentence, _as_refused(dated[0], refusals[0]), restates))
            continue
        if is_heading(text, start, end, article.title):
            left_out.append((sentence, _as_refused(inside[0], HEADING), restates))
            continue
        tag = first_to_draft(inside, anchor)
        chosen = tag
        words = date_words(text, start, tag)
        if tag.type == "DURATION":  # "in two weeks": the "in" makes it a date
            words = f"{text[tag.start - 3 : tag.start]}{words}"
        if tag.span is not None and not tag.reference:
            try:  # what the event will say: its date words, read in its quote
                tag = replace(tag, span=date_from_words(words, sentence, anchor))
            except ResolveError as error:
                left_out.append((sentence, _as_refused(tag, error), restates))
                continue
        beside = sorted([t for t in dated if t is not chosen]
                        + [t for t in undated if start <= t.start and t.end <= end],
                        key=lambda t: t.start)  # fmt: skip
        also = tuple((date_words(text, start, t), t) for t in beside)
        # What `check` would warn of, once an event: a date after the article for an
        # act the quote reads as done ("By the end of the month, the canteen had closed").
        doubt = None
        if tag.span is not None and not tag.reference and not points_ahead(words):
            doubt = done_after_written(tag.span, anchor.latest, sentence, words,
                                       counted=False)  # fmt: skip
        candidates.append(Candidate(sentence, tag, words, actors_in(sentence, timeline.actors),
                                    restates, also, doubt))  # fmt: skip
    return Drafts(candidates, left_out)


def quoted_passages(timeline: Timeline, article_id: str) -> list[tuple[int, int, str]]:
    """Where the article's text is quoted already: (start, end, the quoting event's id),
    one for every source (two events may quote the same words)."""
    return [
        (s.quote_start, s.quote_end, e.id)
        for e in timeline.events
        for s in e.sources
        if s.article_id == article_id
    ]


def restated(passages: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    """The ids of the events whose quotes (`quoted_passages`) overlap `start`–`end`."""
    overlapping = (eid for qs, qe, eid in passages if qs < end and start < qe)
    return list(dict.fromkeys(overlapping))


def date_words(text: str, sentence_start: int, tag: Tag) -> str:
    """The `date_text` for `tag`: its words, with "since"/"by"/"until"/"through" when
    that says the relation ("since January 2020"), as the loader reads them."""
    before = text[sentence_start : tag.start]
    head = re.search(rf"\b{RELATION_WORDS}\s+$", before, re.I)
    if head is None or from_words_before(before, tag.text, text[tag.end : tag.end + 40]) is None:
        return tag.text  # "criticised by 2023 graduates", "Since Monday is": no relation
    return text[sentence_start + head.start() : tag.end]


def sentence_around(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence of `text` that holds character `offset`."""
    for start, end in sentence_bounds(text):
        if start <= offset < end:
            return start, end
    return offset, offset


def _as_refused(tag: Tag, refused: ResolveError | None) -> Tag:
    """`tag` as a left-out draft lists it: a reference with its reading; other words
    (which resolve alone, but not in this quote: "after Lunar New Year") with why not."""
    if refused is None or tag.span is None or tag.reference:
        return tag
    return replace(tag, timex=None, span=None, reason=str(refused))


def why_not_on_its_own(tag: Tag, sentence: str, anchor: Anchor) -> ResolveError | None:
    """Why `tag`'s words do not date `sentence` against `anchor` with no other mention
    (None when they do)."""
    try:
        date_from_words(tag.text, sentence, anchor)
    except ResolveError as exc:
        return exc
    return None


def resolves_on_its_own(tag: Tag, sentence: str, anchor: Anchor) -> bool:
    """True when `tag`'s words date `sentence` against `anchor` with no other mention."""
    return why_not_on_its_own(tag, sentence, anchor) is None


def as_problem(error: WorkbenchError) -> DataError:
    """A refusal as the command line reports data problems."""
    return DataError([Problem("timeline", None, str(error), error.hint)])


class EditorUnreadable(ValueError):
    """$VISUAL or $EDITOR set to words a shell could not read (a quote left open)."""


def editor_command(environ: dict[str, str] | None = None) -> list[str] | None:
    """$VISUAL or $EDITOR split into words ("code --wait" → two), or None when unset.

    Raises `EditorUnreadable` saying which and why when a shell could not read it."""
    env = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        try:
            words = shlex.split(value)
        except ValueError as exc:
            raise EditorUnreadable(f"${name} ({visible(value)}) cannot be read as a "
                                   f"command: {str(exc).lower()}") from None
        if words:
            return words
    return None


def event_line(events_path: Path, event_id: str) -> int | None:
    """The line of `events.yaml` where event `event_id` starts (its `id:`), or None."""
    pattern = re.compile(
        rf"^\s*(?:-\s+)?id:\s*([\"']?){re.escape(event_id)}\1\s*(?:#.*)?$"
    )
    try:
        text = events_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None
