"""Load the data folder: read, validate, resolve every date, build the model.

`load_timeline(data_dir)` is the entry point (`tui.opening.open_timeline` adds the
model cache in front of it). It reads `articles.yaml`,
`actors.yaml` and `events.yaml`, checks every field, finds each quote in its seed
article (white space folded, otherwise exact), resolves each source's date words
against its article's publication date, and returns an immutable `Timeline`.
Every problem found in the pass is collected; if there are any, `DataError` is
raised with all of them, each located as `FILE:LINE` with a hint.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from tui.datafiles import (
    ACTORS_FILE,
    ARTICLES_FILE,
    DEFAULT_SEEDS_DIR,
    EVENTS_FILE,
    default_data_dir,
)
from tui.dates import (
    Anchor,
    ResolveError,
    check_stated,
    date_by_publication,
    date_from_words,
    from_date_words,
    publication_relation,
)
from tui.model import Actor, Article, Event, Source, Timeline
from tui.perf import gc_paused
from tui.problems import DataError, Problem
from tui.readfile import read_regular, resolved
from tui.references import PENDING_SPAN, PendingReference, resolve_references
from tui.yamlread import (
    HAVE_FAST_PARSER,
    line_of,
    load_yaml,
    load_yaml_fast,
    reader_error_problem,
)

ARTICLE_FIELDS = {
    "id": True,
    "file": True,
    "title": True,
    "title_basis": False,
    "outlet": True,
    "author": False,
    "published": True,
    "published_basis": True,
    "published_note": True,
    "published_earliest": False,
    "published_latest": False,
    "published_likely_basis": False,
}
ACTOR_FIELDS = {"id": True, "name": True, "kind": True, "aliases": False, "acts_for": False}
EVENT_FIELDS = {
    "id": True,
    "title": True,
    "summary": False,
    "kind": True,
    "actors": True,
    "sources": True,
}
SOURCE_FIELDS = {
    "article": True,
    "quote": True,
    "date_text": True,
    "date_basis": False,
    "relation": False,
    "relative_to": False,
}
PUBLISHED_BASES = ("stated", "inferred")
LIKELY_BASES = ("evidence", "convention")
TITLE_BASES = ("headline", "descriptive")
DATE_BASES = ("publication",)
_WORD = re.compile(r"\S+")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass
class _Collector:
    """Problems found so far, with helpers that add one located message."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(file, line, message, hint))


class FoldedText:
    """An article's text with runs of white space folded to one space.

    Keeps where each word of the folded text starts in the original, so a quote
    found in the folded text can be highlighted in the original.
    """

    def __init__(self, text: str) -> None:
        words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
        self.original = text
        self.text = " ".join(w for _, w in words)
        self._original_starts = [start for start, _ in words]
        self._folded_starts = []
        position = 0
        for _, word in words:
            self._folded_starts.append(position)
            position += len(word) + 1

    def _original_offset(self, folded: int) -> int:
        """Original offset of the character at `folded` (which is not a space)."""
        word = bisect_right(self._folded_starts, folded) - 1
        return self._original_starts[word] + folded - self._folded_starts[word]

    def find(self, quote: str) -> tuple[int, int] | None:
        """Original (start, end) offsets of `quote`, white space folded; None if absent."""
        return self.find_folded(fold_space(quote))

    def find_folded(self, needle: str) -> tuple[int, int] | None:
        """Like `find`, for a quote already folded with `fold_space`."""
        if not needle:
            return None
        at = self.text.find(needle)
        if at < 0:
            return None
        # A folded needle starts and ends with a non-space, so both ends are in words.
        return self._original_offset(at), self._original_offset(at + len(needle) - 1) + 1

    def closest_passage(self, quote: str) -> str:
        """The passage of the article most like `quote`, for a hint."""
        needle = fold_space(quote)
        sentences = [
            s
            for s in re.split(r"(?<=[.!?])\s+|(?<=[.!?][”\"’])\s+|\n+", self.original)
            if s.strip()
        ]
        if not sentences:
            return ""
        best = max(
            sentences,
            key=lambda s: difflib.SequenceMatcher(None, needle, fold_space(s)).ratio(),
        )
        best = fold_space(best)
        return best if len(best) <= 160 else best[:157] + "..."


def fold_space(text: str) -> str:
    """Collapse every run of white space to one space and strip the ends."""
    return " ".join(text.split())  # str.split is several times faster than a regex here


def _read_text(
    path: Path,
    shown: str,
    out: _Collector,
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


def _read_yaml(
    data_dir: Path, name: str, key: str, out: _Collector, *, fast: bool
) -> list[Any] | None:
    """Read `name` and return its top-level list under `key`, or None on a problem.

    With `fast`, a malformed file is left for the located (slow) pass to report.
    """
    text = _read_text(data_dir / name, name, out, what="data file")
    if text is None:
        return None
    if fast:
        doc = load_yaml_fast(text)
        if doc is None:
            out.add(name, None, "not readable by the fast parser")
            return None
    try:
        doc = doc if fast else load_yaml(text)
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
        return None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. NUL
        out.add(name, *reader_error_problem(text, exc))
        return None
    except yaml.YAMLError as exc:
        out.add(name, None, f"malformed YAML: {exc}")
        return None
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


def _type_name(value: Any) -> str:
    """How a value's type is named in messages."""
    for kind, name in (
        (str, "text"),
        (bool, "true/false"),  # before int: a bool is an int
        (int, "a number"),
        (float, "a number"),
        (dict, "a mapping"),
        (list, "a list"),
        (type(None), "empty"),
    ):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _check_fields(
    entry: Any, spec: dict[str, bool], file: str, line: int, what: str, out: _Collector
) -> bool:
    """Check an entry is a mapping with its required fields and no unknown ones."""
    if not isinstance(entry, dict):
        out.add(
            file,
            line,
            f"{what} must be a mapping of fields, not {_type_name(entry)}",
            "write it as 'key: value' lines",
        )
        return False
    ok = True
    for key, dup_line in getattr(entry, "duplicate_keys", ()):
        out.add(file, dup_line, f"field '{key}' is given twice in this {what}", "keep one of them")
        ok = False
    for key in entry:
        if key not in spec:
            close = difflib.get_close_matches(str(key), list(spec), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(spec)}"
            # Reported, but the entry is still checked: one pass finds every problem.
            out.add(file, line_of(entry, key), f"unknown field '{key}' in {what}", hint)
    for key, required in spec.items():
        if required and (key not in entry or entry[key] is None):
            out.add(
                file,
                line_of(entry),
                f"{what} is missing required field '{key}'",
                f"add '{key}: ...'",
            )
            ok = False
    return ok


def _text(
    entry: dict[str, Any], key: str, file: str, what: str, out: _Collector, *, required: bool = True
) -> str | None:
    """A non-empty string field, or None (reporting a wrong type)."""
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)  # an unquoted number used as text (an id such as 2021)
    if not isinstance(value, str) or (required and not value.strip()):
        blank = isinstance(value, str)
        out.add(
            file,
            line_of(entry, key),
            f"'{key}' of {what} is empty"
            if blank
            else f"'{key}' of {what} must be text, not {_type_name(value)}",
            f"write the {key} after '{key}:'" if blank else "put the value in quotes",
        )
        return None
    return value


def _text_list(
    entry: dict[str, Any], key: str, file: str, what: str, out: _Collector
) -> list[tuple[str, int]]:
    """A list of strings with their lines (a single string is accepted as a list of one)."""
    value = entry.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [(value, line_of(entry, key))]
    if not isinstance(value, list):
        out.add(
            file,
            line_of(entry, key),
            f"'{key}' of {what} must be a list, not {_type_name(value)}",
            f"write '{key}: [a, b]'",
        )
        return []
    items = []
    for i, item in enumerate(value):
        if not isinstance(item, str):
            out.add(
                file,
                line_of(value, i),
                f"'{key}' of {what} must hold text, not {_type_name(item)}",
                "put the value in quotes",
            )
        else:
            items.append((item, line_of(value, i)))
    return items


def _check_id(
    value: str | None, line: int, file: str, what: str, seen: dict[str, int], out: _Collector
) -> bool:
    if value is None:
        return False
    if not ID_PATTERN.fullmatch(value):
        out.add(
            file,
            line,
            f"{what} id '{value}' is not a valid id",
            "use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit",
        )
        return False
    if value in seen:
        out.add(
            file,
            line,
            f"duplicate {what} id '{value}' (first at line {seen[value]})",
            "give each entry its own id",
        )
        return False
    seen[value] = line
    return True


def _parse_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return None  # a date and a time: the publication date is a day
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _suggest(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
    return f"did you mean '{close[0]}'?" if close else "declare it first"


def _load_articles(
    data_dir: Path, items: list[Any], out: _Collector
) -> tuple[dict[str, Article], dict[str, FoldedText]]:
    file = ARTICLES_FILE
    seeds_dir = resolved(data_dir / DEFAULT_SEEDS_DIR)
    articles: dict[str, Article] = {}
    folded: dict[str, FoldedText] = {}
    seen: dict[str, int] = {}
    for i, entry in enumerate(items):
        line = line_of(items, i)
        if not _check_fields(entry, ARTICLE_FIELDS, file, line, "article", out):
            continue
        aid = _text(entry, "id", file, "article", out)
        if not _check_id(aid, line_of(entry, "id"), file, "article", seen, out):
            continue
        assert aid is not None
        fields = {
            k: _text(entry, k, file, f"article '{aid}'", out)
            for k in ("file", "title", "outlet", "published_basis", "published_note")
        }
        author = _text(entry, "author", file, f"article '{aid}'", out, required=False)
        title_basis = _text(entry, "title_basis", file, f"article '{aid}'", out, required=False)
        if title_basis is not None and title_basis not in TITLE_BASES:
            out.add(
                file,
                line_of(entry, "title_basis"),
                f"'title_basis' must be one of {', '.join(TITLE_BASES)}, not '{title_basis}'",
                "'headline' when the article has one, 'descriptive' for a title we wrote",
            )
            continue
        published = _parse_date(entry["published"])
        if published is None:
            out.add(
                file,
                line_of(entry, "published"),
                f"'published' of article '{aid}' is not a date: {entry['published']!r}",
                'write it as YYYY-MM-DD, e.g. "2024-04-11"',
            )
        basis = fields["published_basis"]
        if basis is not None and basis not in PUBLISHED_BASES:
            out.add(
                file,
                line_of(entry, "published_basis"),
                f"'published_basis' must be one of {', '.join(PUBLISHED_BASES)}, not '{basis}'",
                "say 'stated' when the article gives its date, 'inferred' otherwise",
            )
            continue
        if None in fields.values() or published is None:
            continue
        window = _publication_window(entry, aid, published, basis, out)
        if window is None:
            continue
        likely_basis = (
            _text(entry, "published_likely_basis", file, f"article '{aid}'", out, required=False)
            or "evidence"
        )
        if likely_basis not in LIKELY_BASES:
            out.add(
                file,
                line_of(entry, "published_likely_basis"),
                f"'published_likely_basis' must be one of {', '.join(LIKELY_BASES)}, "
                f"not '{likely_basis}'",
                "'convention' when nothing in the text makes 'published' likelier than "
                "the other days of the window",
            )
            continue
        seed_name = fields["file"]
        assert seed_name is not None
        if Path(seed_name).name != seed_name:
            out.add(
                file,
                line_of(entry, "file"),
                f"seed file '{seed_name}' must be a file name in seeds/, not a path",
                "put the article in the seeds/ folder and give its name alone",
            )
            continue
        text = _read_text(
            seeds_dir / seed_name,
            f"seeds/{seed_name}",
            out,
            line=line_of(entry, "file"),
            where=file,
            what="seed article",
            missing_hint=f"seed articles are read from {seeds_dir}, beside the data folder",
        )
        if text is None:
            continue
        articles[aid] = Article(
            id=aid,
            file=seed_name,
            title=fields["title"] or "",
            outlet=fields["outlet"] or "",
            author=author,
            published=published,
            published_basis=basis or "",
            published_note=fields["published_note"] or "",
            text=text,
            title_basis=title_basis or "headline",
            published_earliest=window[0] if window[0] != published else None,
            published_latest=window[1] if window[1] != published else None,
            published_likely_basis=likely_basis,
        )
        folded[aid] = FoldedText(text)
    return articles, folded


def _publication_window(
    entry: dict[str, Any], aid: str, published: date, basis: str | None, out: _Collector
) -> tuple[date, date] | None:
    """(earliest, latest) publication days of an article; None after reporting a problem.

    An inferred date must give its window; a stated one may not differ from it.
    """
    file = ARTICLES_FILE
    ends: list[date] = []
    for key in ("published_earliest", "published_latest"):
        if key not in entry or entry[key] is None:
            if basis == "inferred":
                out.add(
                    file,
                    line_of(entry, "published"),
                    f"article '{aid}' has an inferred publication date but no '{key}'",
                    "an inferred date is a window: give 'published_earliest' and "
                    "'published_latest' (the days the text allows) and say why in "
                    "'published_note'; 'published' is the most likely day",
                )
                return None
            ends.append(published)
            continue
        day = _parse_date(entry[key])
        if day is None:
            out.add(
                file,
                line_of(entry, key),
                f"'{key}' of article '{aid}' is not a date: {entry[key]!r}",
                'write it as YYYY-MM-DD, e.g. "2024-04-11"',
            )
            return None
        ends.append(day)
    earliest, latest = ends
    if not earliest <= published <= latest:
        out.add(
            file,
            line_of(entry, "published"),
            f"article '{aid}': 'published' {published.isoformat()} is outside its window "
            f"{earliest.isoformat()} to {latest.isoformat()}",
            "'published' is the most likely day, between 'published_earliest' and "
            "'published_latest'",
        )
        return None
    if basis == "stated" and earliest != latest:
        out.add(
            file,
            line_of(entry, "published_earliest"),
            f"article '{aid}' has a stated publication date but a window of several days",
            "a stated date is one day: leave out the window, or say 'published_basis: inferred'",
        )
        return None
    return earliest, latest


def _load_actors(items: list[Any], out: _Collector) -> tuple[dict[str, Actor], dict[str, int]]:
    file = ACTORS_FILE
    actors: dict[str, Actor] = {}
    lines: dict[str, int] = {}
    pending: list[tuple[str, list[tuple[str, int]]]] = []
    for i, entry in enumerate(items):
        line = line_of(items, i)
        if not _check_fields(entry, ACTOR_FIELDS, file, line, "actor", out):
            continue
        aid = _text(entry, "id", file, "actor", out)
        if not _check_id(aid, line_of(entry, "id"), file, "actor", lines, out):
            continue
        assert aid is not None
        name = _text(entry, "name", file, f"actor '{aid}'", out)
        kind = _text(entry, "kind", file, f"actor '{aid}'", out)
        aliases = _text_list(entry, "aliases", file, f"actor '{aid}'", out)
        acts_for = _text_list(entry, "acts_for", file, f"actor '{aid}'", out)
        if name is None or kind is None:
            continue
        actors[aid] = Actor(
            id=aid,
            name=name,
            kind=kind,
            aliases=tuple(a for a, _ in aliases),
            acts_for=tuple(a for a, _ in acts_for),
        )
        pending.append((aid, acts_for))
    for aid, acts_for in pending:
        for body, line in acts_for:
            if body not in actors:
                out.add(
                    file,
                    line,
                    f"actor '{aid}' acts for unknown actor '{body}'",
                    _suggest(body, list(actors)),
                )
    return actors, lines


def _anchor(article: Article) -> Anchor:
    conventional = article.published_likely_basis == "convention"
    return Anchor(article.published, article.earliest, article.latest, conventional)


def _load_source(
    entry: Any,
    line: int,
    event_id: str,
    articles: dict[str, Article],
    folded: dict[str, FoldedText],
    known_articles: set[str] | None,
    out: _Collector,
) -> Source | None:
    """One source, its quote found and its date resolved (a reference left pending)."""
    file = EVENTS_FILE
    what = f"source of event '{event_id}'"
    if not _check_fields(entry, SOURCE_FIELDS, file, line, what, out):
        return None
    article_id = _text(entry, "article", file, what, out)
    quote = _text(entry, "quote", file, what, out)
    date_text = _text(entry, "date_text", file, what, out)
    basis = _text(entry, "date_basis", file, what, out, required=False)
    stated = _text(entry, "relation", file, what, out, required=False)
    relative_to = _text(entry, "relative_to", file, what, out, required=False)
    if article_id is None or quote is None or date_text is None:
        return None
    if basis is not None and basis not in DATE_BASES:
        out.add(
            file,
            line_of(entry, "date_basis"),
            f"'date_basis' must be 'publication', not '{basis}'",
            "use 'publication' only when the present tense alone dates the report; "
            "otherwise leave it out",
        )
        return None
    if basis is not None and relative_to is not None:
        out.add(
            file,
            line_of(entry, "relative_to"),
            "'relative_to' and 'date_basis: publication' cannot both date one source",
            "words that refer to another mention take 'relative_to' alone",
        )
        return None
    if article_id not in articles:
        # An article that is declared but broken, or a missing articles file, was
        # reported already; only an undeclared id is this source's problem.
        if known_articles is not None and article_id not in known_articles:
            out.add(
                file,
                line_of(entry, "article"),
                f"unknown article '{article_id}'",
                _suggest(article_id, sorted(known_articles)),
            )
        return None
    article = articles[article_id]
    folded_quote = fold_space(quote)
    found = folded[article_id].find_folded(folded_quote)
    if found is None:
        passage = folded[article_id].closest_passage(quote)
        out.add(
            file,
            line_of(entry, "quote"),
            f"quote not found in article '{article_id}' ({article.file})",
            f'quotes must be the article\'s exact words; closest passage: "{passage}"',
        )
        return None
    if fold_space(date_text).casefold() not in folded_quote.casefold():
        out.add(
            file,
            line_of(entry, "date_text"),
            f'date words "{date_text}" are not in the quote',
            "date_text must be the words of the quote that give the time",
        )
        return None
    exact = article.text[found[0] : found[1]]  # the article's bytes, not the data's spacing
    try:
        if stated is not None:
            derived = (
                publication_relation(date_text)
                if basis == "publication"
                else from_date_words(date_text)
            )
            refused = check_stated(stated, derived)
            if refused is not None:
                out.add(
                    file,
                    line_of(entry, "relation"),
                    refused,
                    "leave 'relation' out to take the words' own, or quote the words that say it",
                )
                return None
        if relative_to is not None:
            span = PENDING_SPAN  # resolved once every event is known: see _resolve_references
        elif basis == "publication":
            span = date_by_publication(date_text, _anchor(article), stated)
        else:
            span = date_from_words(date_text, exact, _anchor(article), stated)
    except ResolveError as exc:
        out.add(
            file,
            line_of(entry, "date_text"),
            f'cannot resolve date words "{date_text}": {exc}',
            'use the article\'s own words for the time, e.g. "on Saturday", "June 17", '
            '"earlier this month"; for a report in the present tense add '
            "'date_basis: publication'; for words such as \"the same day\" add "
            "'relative_to: <event id>'",
        )
        return None
    return Source(
        article_id=article_id,
        quote=exact,
        date_text=date_text,
        span=span,
        quote_start=found[0],
        quote_end=found[1],
        relative_to=relative_to,
    )


def _load_events(
    items: list[Any],
    articles: dict[str, Article],
    folded: dict[str, FoldedText],
    known_articles: set[str] | None,
    actors: dict[str, Actor],
    known_actors: set[str] | None,
    out: _Collector,
) -> list[Event]:
    file = EVENTS_FILE
    events: list[Event] = []
    seen: dict[str, int] = {}
    pending: dict[tuple[str, int], PendingReference] = {}
    for i, entry in enumerate(items):
        line = line_of(items, i)
        if not _check_fields(entry, EVENT_FIELDS, file, line, "event", out):
            continue
        eid = _text(entry, "id", file, "event", out)
        if not _check_id(eid, line_of(entry, "id"), file, "event", seen, out):
            continue
        assert eid is not None
        what = f"event '{eid}'"
        title = _text(entry, "title", file, what, out)
        kind = _text(entry, "kind", file, what, out)
        summary = _text(entry, "summary", file, what, out, required=False)
        actor_ids = _text_list(entry, "actors", file, what, out)
        ok = title is not None and kind is not None
        if not actor_ids and isinstance(entry.get("actors"), list):
            out.add(
                file,
                line_of(entry, "actors"),
                f"{what} names no actor",
                "list at least one actor id",
            )
            ok = False
        for actor_id, actor_line in actor_ids:
            if actor_id not in actors:
                if known_actors is not None and actor_id not in known_actors:
                    out.add(
                        file,
                        actor_line,
                        f"unknown actor '{actor_id}' in {what}",
                        _suggest(actor_id, sorted(known_actors)),
                    )
                ok = False
        raw_sources = entry.get("sources")
        sources: list[Source] = []
        if not isinstance(raw_sources, list) or not raw_sources:
            out.add(
                file,
                line_of(entry, "sources"),
                f"{what} needs a list of one or more sources",
                "add 'sources:' with '- article: ..., quote: ..., date_text: ...'",
            )
            ok = False
        else:
            for j, raw in enumerate(raw_sources):
                source = _load_source(
                    raw, line_of(raw_sources, j), eid, articles, folded, known_articles, out
                )
                if source is None:
                    ok = False
                    continue
                if source.relative_to is not None:
                    pending[(eid, len(sources))] = PendingReference(
                        line_of(raw, "relative_to"), raw.get("relation")
                    )
                sources.append(source)
        if not ok:
            continue
        events.append(
            Event(
                id=eid,
                title=title or "",
                summary=summary or "",
                kind=kind or "",
                actors=tuple(a for a, _ in actor_ids),
                sources=tuple(sources),
                order=i,
            )
        )
    return resolve_references(
        events,
        pending,
        _declared_ids(items),
        lambda line, message, hint: out.add(file, line, message, hint),
    )


def validate_folder(data_dir: Path, *, fast: bool = False) -> Timeline:
    """One full pass over the data folder; raise `DataError` listing every problem.

    With `fast`, files are parsed without line numbers (see `tui.yamlread`); use it
    only when a located pass follows on failure, as `load_timeline` does.
    """
    out = _Collector()
    if not data_dir.is_dir():
        raise DataError(
            [
                Problem(
                    str(data_dir),
                    None,
                    "data folder not found",
                    "pass --data DIR with a folder holding articles.yaml, "
                    "actors.yaml and events.yaml",
                )
            ]
        )
    article_items = _read_yaml(data_dir, ARTICLES_FILE, "articles", out, fast=fast)
    actor_items = _read_yaml(data_dir, ACTORS_FILE, "actors", out, fast=fast)
    event_items = _read_yaml(data_dir, EVENTS_FILE, "events", out, fast=fast)

    articles, folded = (
        _load_articles(data_dir, article_items, out) if article_items is not None else ({}, {})
    )
    known_articles = _declared_ids(article_items)
    actors, actor_lines = _load_actors(actor_items, out) if actor_items is not None else ({}, {})
    known_actors = _declared_ids(actor_items)
    events: list[Event] = []
    if event_items is not None:
        events = _load_events(
            event_items, articles, folded, known_articles, actors, known_actors, out
        )
    if event_items is not None and actor_items is not None:
        used = {a for e in events for a in e.actors}
        used |= _declared_actor_refs(event_items)
        used |= {body for actor in actors.values() for body in actor.acts_for}
        for actor_id, line in actor_lines.items():
            if actor_id not in used:
                out.add(
                    ACTORS_FILE,
                    line,
                    f"actor '{actor_id}' is not used by any event",
                    "remove it, or name it in an event's 'actors'",
                )
    if out.problems:
        raise DataError(out.problems)
    return Timeline.build(tuple(articles.values()), tuple(actors.values()), tuple(events))


def _declared_ids(items: list[Any] | None) -> set[str] | None:
    """Ids written in a file, valid or not, so one bad entry is not reported twice.

    None when the file itself could not be read: then nothing is "unknown".
    """
    if items is None:
        return None
    return {str(e["id"]) for e in items if isinstance(e, dict) and e.get("id") is not None}


def _declared_actor_refs(items: list[Any]) -> set[str]:
    """Actor ids named by any event entry, including events that had other problems."""
    refs: set[str] = set()
    for entry in items:
        if isinstance(entry, dict) and isinstance(entry.get("actors"), list):
            refs |= {a for a in entry["actors"] if isinstance(a, str)}
    return refs


def load_timeline(data_dir: Path | str | None = None) -> Timeline:
    """Read, validate and resolve the data folder; raise `DataError` listing every problem.

    The folder is parsed fast; if anything is wrong it is read again with PyYAML
    so that every problem is reported with its line. Nothing is cached here:
    `tui.opening.open_timeline` puts the model cache in front of this.
    """
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    with gc_paused():
        try:
            return validate_folder(folder, fast=HAVE_FAST_PARSER)
        except DataError:
            if not HAVE_FAST_PARSER:
                raise
            return validate_folder(folder, fast=False)  # raises with located problems
