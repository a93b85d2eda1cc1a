"""The loader: a valid folder loads; each kind of bad input gives one located message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ACTORS_YAML, ARTICLES_YAML, EVENTS_YAML, SEED_TEXT, write_data_dir
from tui.load import FoldedText, default_data_dir, load_timeline
from tui.loading.reading import read_title
from tui.problems import DataError


def test_valid_folder_loads_sorted_and_resolved(data_dir: Path) -> None:
    timeline = load_timeline(data_dir)
    assert [e.id for e in timeline.events] == [
        "relations-established",
        "talks-held",
        "pact-signed",
    ]
    pact = timeline.event_by_id["pact-signed"]
    assert (pact.start, pact.end, pact.span.precision) == (date(2024, 4, 13),) * 2 + ("day",)
    talks = timeline.event_by_id["talks-held"]
    # "June 17" in an article of 15 April 2024; "held ... said" is past tense: 2023's.
    assert (talks.start, talks.end) == (date(2023, 6, 17), date(2023, 6, 17))
    established = timeline.event_by_id["relations-established"]
    assert (established.start, established.end) == (date(1949, 1, 1), date(1949, 12, 31))
    assert timeline.article_by_id["news-1"].published_inferred
    assert timeline.actor_by_id["kim-jong-un"].acts_for == ("north-korea",)


def test_quote_offsets_point_at_the_original_text(data_dir: Path) -> None:
    timeline = load_timeline(data_dir)
    source = timeline.event_by_id["relations-established"].sources[0]
    article = timeline.article_by_id["news-1"]
    # The quote folds "Relations    were" and a line break; offsets span the original bytes.
    assert article.text[source.quote_start : source.quote_end] == (
        "Relations    were established in 1949\nand have lasted since."
    )


def test_folded_text_finds_only_exact_words() -> None:
    folded = FoldedText("A  “quoted”\n\tword — here.")
    assert folded.find("“quoted” word — here.") == (3, 25)
    assert folded.find('"quoted" word') is None  # straight quotes are not curly ones
    assert folded.find("   ") is None


def _problems(root: Path, **files: str | dict[str, str | bytes]) -> list[str]:
    data = write_data_dir(root, **files)  # type: ignore[arg-type]
    with pytest.raises(DataError) as info:
        load_timeline(data)
    return [str(p) for p in info.value.problems]


# Each row: which file to replace, how, and the one problem expected (file:line, message
# fragment, hint fragment). Replacements keep every other line where it was.
BAD_INPUTS = [
    # A tab is named where it stands, as a tab (it was named at the line a scanner
    # started from, lines above, or as "a character that cannot start any token").
    pytest.param(
        "events",
        EVENTS_YAML.replace("    kind: treaty\n", "   \tkind: treaty\n"),
        "events.yaml:5",
        "column 4: a tab character, where YAML indents with spaces only",
        "replace the tab with spaces",
        id="tab-before-a-key",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("    summary: The two sides signed a trade pact.\n",
                            "    summary: >-\n      The two sides\n\t  signed.\n"),
        "events.yaml:6",
        "a tab character",
        "replace the tab with spaces",
        id="tab-in-a-block-scalar",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("    kind: treaty\n", "    kind: [treaty\n"),
        "events.yaml:6",
        "malformed YAML",
        "indentation",
        id="malformed-yaml",
    ),
    # A key without its colon is noticed at the next key (line 5): the line named is
    # the one to fix, the key's own (line 4).
    pytest.param(
        "events",
        EVENTS_YAML.replace("    summary: The two", "    summary The two"),
        "events.yaml:4",
        "could not find expected ':' (while scanning a simple key; noticed at line 5)",
        "on this line or the one above",
        id="key-without-colon",
    ),
    # A quotation mark left open runs on to the next one (line 9): the line it was
    # opened on is named, its next line a key (a trial: the line after was named).
    pytest.param(
        "events",
        EVENTS_YAML.replace("title: Trade pact signed", 'title: "Trade pact signed'),
        "events.yaml:3",
        "a quotation mark opened on this line is not closed on it (the value ran on to "
        "line 9)",
        "close the quotation mark at the end of the value",
        id="quotation-mark-left-open",
    ),
    # A value over two lines, in quotation marks, is no mark left open: the block's
    # lines are named, as before.
    pytest.param(
        "events",
        EVENTS_YAML.replace("title: Trade pact signed", 'title: "Trade pact\n      signed"')
        .replace("    kind: treaty\n", "    kind: [treaty\n"),
        "events.yaml:7",
        "malformed YAML",
        "indentation",
        id="quoted-value-over-two-lines",
    ),
    # A hostile-input trial: after a valid value over lines, closed on the line before a
    # key, a key indented one space too few was named as that value's mark left open.
    pytest.param(
        "events",
        EVENTS_YAML.replace("summary: The two sides signed a trade pact.",
                            'summary: "The two\n      sides signed a trade pact."')
        .replace("    kind: treaty\n", "   kind: treaty\n"),
        "events.yaml:6",
        "malformed YAML",
        "indentation",
        id="after-a-quoted-value-over-two-lines",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("title: Talks held", "title: [Talks, held]"),
        "events.yaml:12",
        "'title' of event 'talks-held' must be text, not a list",
        "quotes",
        id="wrong-type",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("[china, kim-jong-un]", "[china, kim-jong-nu]"),
        "events.yaml:6",
        "unknown actor 'kim-jong-nu'",
        "did you mean 'kim-jong-un'?",
        id="unknown-actor",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("[china, kim-jong-un]", "[china, the-mayor]"),
        "events.yaml:6",
        "unknown actor 'the-mayor'",
        "declare it in actors.yaml first",  # a trial: "declare it first" said not where
        id="unknown-actor-unlike-any",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("talks held on June 17", "talks took place on June 17"),
        "events.yaml:17",
        "quote not found in article 'news-1'",
        'closest passage: "The pact follows talks held on June 17, officials said."',
        id="quote-not-in-article",
    ),
    # A journalist's trial: a quote with two slips was put right one `check` at a time.
    pytest.param(
        "events",
        EVENTS_YAML.replace(
            "talks held on June 17, officials said", "talks took place on June 17, diplomats said"
        ),
        "events.yaml:17",
        "quote not found in article 'news-1'",
        'the article has "held" where the quote has "took place"; the article has '
        '"officials" where the quote has "diplomats"',
        id="quote-with-two-slips",
    ),
    # A journalist's trial: a quote shortened with an ellipsis was not found, and
    # nothing said that "…" cannot leave words out.
    pytest.param(
        "events",
        EVENTS_YAML.replace('"The pact follows talks held on June 17, officials said."',
                            '"The pact follows talks … on June 17, officials said."'),
        "events.yaml:17",
        "quote not found in article 'news-1'",
        '"…" cannot leave words out: quote the whole passage',
        id="quote-with-an-ellipsis",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("date_text: on Saturday", "date_text: Leaders met"),
        "events.yaml:10",
        'cannot resolve date words "Leaders met"',
        "date_basis: publication",
        id="unresolvable-date",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("date_text: June 17", "date_text: June 18"),
        "events.yaml:18",
        'date words "June 18" are not in the quote',
        "words of the quote that give the time; the quote's words of time: “June 17”",
        id="date-words-not-in-quote",
    ),
    pytest.param(
        "articles",
        ARTICLES_YAML.replace("file: one.txt", "file: two.txt"),
        "articles.yaml:3",
        "seed article not found: seeds/two.txt",
        "seed articles are read from",
        id="missing-seed-file",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("id: talks-held", "id: pact-signed"),
        "events.yaml:11",
        "duplicate event id 'pact-signed' (first at line 2)",
        "its own id",
        id="duplicate-id",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("    kind: meeting\n", ""),
        "events.yaml:11",
        "event is missing required field 'kind'",
        "add 'kind: ...'",
        id="missing-field",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("title: Talks held", "titel: Talks held"),
        "events.yaml:12",
        "unknown field 'titel' in event",
        "did you mean 'title'?",
        id="unknown-field",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace(
            "    kind: meeting\n",
            '    kind: meeting\n    quote: "The pact follows talks held on June 17"\n',
        ),
        "events.yaml:14",
        "unknown field 'quote' in event",
        "'quote' belongs to one of the event's sources: put it under 'sources:'",
        id="source-field-at-event-level",
    ),
    pytest.param(
        "actors",
        ACTORS_YAML + "  - id: japan\n    name: Japan\n    kind: country\n",
        "actors.yaml:14",
        "actor 'japan' is not used by any event",
        "remove it",
        id="unused-actor",
    ),
    pytest.param(
        "actors",
        ACTORS_YAML.replace("acts_for: [north-korea]", "acts_for: [north-koera]"),
        "actors.yaml:13",
        "acts for unknown actor 'north-koera'",
        "did you mean 'north-korea'?",
        id="acts-for-unknown",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace(
            'article: news-1\n        quote: "The', 'article: news-2\n        quote: "The'
        ),
        "events.yaml:16",
        "unknown article 'news-2'",
        "did you mean 'news-1'?",
        id="unknown-article",
    ),
    pytest.param(
        "articles",
        ARTICLES_YAML.replace('"2024-04-15"', '"15 April 2024"'),
        "articles.yaml:7",
        "'published' of article 'news-1' is not a date",
        "YYYY-MM-DD",
        id="bad-publication-date",
    ),
    pytest.param(
        "articles",
        ARTICLES_YAML.replace("basis: inferred", "basis: guessed"),
        "articles.yaml:10",
        "'published_basis' must be one of stated, inferred",
        "inferred",
        id="bad-published-basis",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("    kind: meeting\n", "    kind: meeting\n    kind: talk\n"),
        "events.yaml:14",
        "field 'kind' is given twice",
        "keep one",
        id="duplicate-key",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace(
            "    actors: [china, north-korea]\n    sources:\n"
            '      - article: news-1\n        quote: "The',
            "    actors: [china, north-korea]\n    sources: []\n"
            '    notes:\n      - article: news-1\n        quote: "The',
            1,
        ),
        "events.yaml:15",
        "event 'talks-held' needs a list of one or more sources",
        "sources:",
        id="no-sources",
    ),
    pytest.param(
        "articles",
        ARTICLES_YAML.replace('"2024-04-15"', "2024-04-15 10:00:00"),
        "articles.yaml:7",
        "'published' of article 'news-1' is not a date",
        "YYYY-MM-DD",
        id="publication-date-with-a-time",
    ),
    pytest.param(
        "articles",
        ARTICLES_YAML.replace('"2024-04-15"', "2024-02-30"),
        "articles.yaml:7",
        "'published' of article 'news-1' is not a date",
        # A trial: the hint said to write YYYY-MM-DD, as it was written.
        "February 2024 has no day 30: check the day and the month",
        id="impossible-unquoted-date",
    ),
    pytest.param(
        "articles",
        ARTICLES_YAML.replace('"2024-04-15"', '"2024-15-04"'),
        "articles.yaml:7",
        "'published' of article 'news-1' is not a date",
        "there is no month 15: YYYY-MM-DD gives the month second",
        id="day-and-month-swapped",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("    kind: meeting\n", "    ? [kind]\n    : meeting\n"),
        "events.yaml:13",
        "found a key that is a list or a mapping",
        "indentation",
        id="list-as-a-key",
    ),
    pytest.param(
        "articles",
        ARTICLES_YAML.replace("file: one.txt", "file: ../seeds/one.txt"),
        "articles.yaml:3",
        "must be a file name in seeds/, not a path",
        "seeds/ folder",
        id="seed-given-as-a-path",
    ),
    pytest.param(
        "events",
        EVENTS_YAML.replace("title: Talks held", 'title: "  "'),
        "events.yaml:12",
        "'title' of event 'talks-held' is empty",
        "write the title",
        id="blank-text",
    ),
    pytest.param(
        "events",
        "events:\n  - just a string\n",
        "events.yaml:2",
        "event must be a mapping of fields, not text",
        "key: value",
        id="entry-not-a-mapping",
    ),
    pytest.param(
        "actors",
        "people:\n  - id: x\n",
        "actors.yaml:1",
        "expected a mapping with a 'actors:' list",
        "start the file",
        id="wrong-top-level-key",
    ),
    pytest.param(
        "actors",
        "actor:\n  - id: x\n" + ACTORS_YAML,
        "actors.yaml:1",
        "unknown top-level key 'actor' in actors.yaml",
        "did you mean 'actors'?",
        id="second-top-level-key",
    ),
    pytest.param(
        "articles",
        "titel: Port deals\n" + ARTICLES_YAML,
        "articles.yaml:1",
        "unknown top-level key 'titel' in articles.yaml",
        "did you mean 'title'?",
        id="title-misspelt",
    ),
    pytest.param(
        "events",
        "title: Port deals\n" + EVENTS_YAML,
        "events.yaml:1",
        "unknown top-level key 'title' in events.yaml",
        "the file holds 'events:'",
        id="title-in-another-file",
    ),
    pytest.param(
        "articles",
        "title: [Port, deals]\n" + ARTICLES_YAML,
        "articles.yaml:1",
        "'title' in articles.yaml must be one line of text",
        "after 'title:'",
        id="title-not-text",
    ),
    pytest.param(
        "articles",
        "title: ''\n" + ARTICLES_YAML,
        "articles.yaml:1",
        "'title' in articles.yaml must be one line of text",
        "after 'title:'",
        id="title-empty",
    ),
]


@pytest.mark.parametrize(("which", "text", "where", "message", "hint"), BAD_INPUTS)
def test_bad_input_is_reported_with_file_line_and_hint(
    tmp_path: Path, which: str, text: str, where: str, message: str, hint: str
) -> None:
    problems = _problems(tmp_path, **{which: text})
    matching = [p for p in problems if p.startswith(where + ":") and message in p]
    assert matching, f"no problem at {where} saying {message!r}; got:\n" + "\n".join(problems)
    assert hint in matching[0]


@pytest.mark.parametrize(
    ("which", "text", "message"),
    [
        ("events", EVENTS_YAML.replace("date_text:", "date_txt:", 1),
         "unknown field 'date_txt' in source of event 'pact-signed'"),
        ("events", EVENTS_YAML.replace("title: Talks held", "titel: Talks held"),
         "unknown field 'titel' in event"),
    ],
)
def test_a_misspelt_required_field_is_one_problem(
    tmp_path: Path, which: str, text: str, message: str
) -> None:
    """A journalist's trial: one typo gave two problems ("missing required field" and
    "unknown field"), the first at another line."""
    problems = _problems(tmp_path, **{which: text})
    assert len(problems) == 1, problems
    assert message in problems[0] and "(a required field)" in problems[0]


def test_an_article_id_renamed_to_another_s_is_one_problem_per_line_and_says_so(
    tmp_path: Path,
) -> None:
    """A journalist's trial: giving an article another's id gave one "duplicate" line and
    one "unknown article" per source, each hinting at the other article's id, which
    does not hold their quotes."""
    second = ARTICLES_YAML.replace("articles:\n", "", 1).replace("id: news-1", "id: news-2")
    events = EVENTS_YAML.replace("article: news-1", "article: news-2")
    problems = _problems(tmp_path, articles=ARTICLES_YAML + second.replace(
        "id: news-2", "id: news-1"), events=events)  # fmt: skip
    assert len(problems) == 2, problems
    assert "duplicate article id 'news-1'" in problems[0]
    unknown = problems[1]
    assert "unknown article 'news-2' (also at lines " in unknown, unknown
    assert ("did you mean 'news-1'? Two articles have that id (in articles.yaml): if one of "
            "them was 'news-2', give it that id back") in unknown


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        ([17], "also at line 17"),
        ([17, 19], "also at lines 17 and 19"),
        ([11, 12, 13, 14, 15], "also at lines 11, 12, 13, 14 and 15"),
        ([11, 12, 13, 14, 15, 16, 17], "also at lines 11, 12, 13, 14, 15 and 2 more"),
    ],
)
def test_the_same_problem_at_other_lines_names_them(lines: list[int], said: str) -> None:
    from tui.loading.collect import Problems

    problems = Problems()
    for line in [*lines[::-1], 10]:  # found in any order
        problems.add("events.yaml", line, "unknown article 'x'", "h")
    problems.add("events.yaml", 12, "another", "h")
    problems.add("events.yaml", 13, "unknown article 'x'", "another hint")
    merged = [(p.line, p.message) for p in problems.in_file_order()]
    assert merged[0] == (10, f"unknown article 'x' ({said})")
    assert (12, "another") in merged and (13, "unknown article 'x'") in merged
    assert len(merged) == 3


def test_malformed_yaml_names_line_and_column(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path, events=EVENTS_YAML.replace("    kind: treaty\n", "    kind: [treaty\n")
    )
    assert any("column" in p for p in problems)


def test_missing_data_file(tmp_path: Path) -> None:
    data = write_data_dir(tmp_path)
    (data / "actors.yaml").unlink()
    with pytest.raises(DataError) as info:
        load_timeline(data)
    assert [str(p).splitlines()[0] for p in info.value.problems] == [
        "actors.yaml: data file not found: actors.yaml"
    ]  # and no "unknown actor" noise for the events that name actors


def test_missing_data_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        load_timeline(tmp_path / "nowhere")
    assert "data folder not found" in str(info.value.problems[0])
    # A journalist's trial: nothing said how a new folder is started.
    assert "`timeline add-article --data DIR …` starts one" in info.value.problems[0].hint


def test_the_folder_that_holds_the_data_folder_is_one_problem_naming_it(tmp_path: Path) -> None:
    """A trial: `--data mystory` for `mystory/data` gave three "data file not found"
    problems whose hint did not say where the files were."""
    data = write_data_dir(tmp_path)
    assert data.name == "data"
    with pytest.raises(DataError) as info:
        load_timeline(tmp_path)
    assert [str(p) for p in info.value.problems] == [
        f"{tmp_path}: no data files here: this folder holds the data folder\n"
        f"    hint: pass --data {data}"
    ]
    (data / "actors.yaml").unlink()  # not all of them inside: each missing file is named
    with pytest.raises(DataError) as info:
        load_timeline(tmp_path)
    assert len(info.value.problems) == 3
    assert "data file not found" in str(info.value.problems[0])


def test_a_file_given_as_the_data_folder_is_said_to_be_one(tmp_path: Path) -> None:
    """A hostile-input trial: `--data /etc/passwd` said "data folder not found"."""
    given = tmp_path / "events.yaml"
    given.write_text("events: []\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_timeline(given)
    assert "not a folder" in str(info.value.problems[0])


def test_a_null_key_and_a_problem_said_twice(tmp_path: Path) -> None:
    """A null key was "unknown field 'None'"; and a field an alias repeats gave the same
    problem once per use."""
    from tui.loading.collect import Problems

    events = EVENTS_YAML.replace("    kind: treaty\n", "    null: 1\n    kind: treaty\n")
    data = write_data_dir(tmp_path, events=events)
    with pytest.raises(DataError) as info:
        load_timeline(data)
    assert [str(p).splitlines()[0] for p in info.value.problems] == [
        "events.yaml:5: unknown field with no name (a null key) in event"
    ]
    problems = Problems()
    for _ in range(3):
        problems.add("actors.yaml", 4, "'aliases' of actor 'china' must hold text", "quote it")
    assert len(problems.in_file_order()) == 1


def test_non_utf8_data_file_names_its_line(tmp_path: Path) -> None:
    data = write_data_dir(tmp_path)
    raw = EVENTS_YAML.replace("Talks held", "Talks h\xe9ld").encode("latin-1")
    (data / "events.yaml").write_bytes(raw)
    with pytest.raises(DataError) as info:
        load_timeline(data)
    assert str(info.value.problems[0]).startswith("events.yaml:12: not valid UTF-8 (byte 0xe9")


def test_non_utf8_seed_file(tmp_path: Path) -> None:
    problems = _problems(tmp_path, seeds={"one.txt": b"caf\xe9\nmore"})
    assert problems[0].startswith("seeds/one.txt:1: not valid UTF-8 (byte 0xe9 at column 4, "
                                  "after “caf”)")
    assert "Latin-1 or Windows-1252" in problems[0]
    wide = _problems(tmp_path / "wide", seeds={"one.txt": "Talks.\n".encode("utf-16")})
    assert wide[0].startswith("seeds/one.txt:1: not valid UTF-8 (byte 0xff at column 1)")
    assert "it looks like UTF-16" in wide[0]


def test_a_draft_of_an_article_whose_text_cannot_be_read_is_not_one_more_problem(
    tmp_path: Path,
) -> None:
    """A trial: a seed saved as UTF-16 was named once, then each of its drafts said
    "unknown article", though articles.yaml lists it."""
    data = write_data_dir(tmp_path, seeds={"one.txt": SEED_TEXT.encode("utf-16")})
    (data / "drafts").mkdir()
    (data / "drafts" / "news-1.yaml").write_text(
        "drafts:\n  - article: news-1\n    quote: \"Talks.\"\n    date_text: \"June 17\"\n"
        "    actors: []\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        load_timeline(data)
    problems = [str(p) for p in info.value.problems]
    assert len(problems) == 1 and "looks like UTF-16" in problems[0], problems


def test_every_problem_is_found_in_one_pass(tmp_path: Path) -> None:
    events = (
        EVENTS_YAML.replace("[china, kim-jong-un]", "[china, kim-jong-nu]")
        .replace("date_text: June 17", "date_text: June 18")
        .replace("kind: anniversary", "kind: [anniversary]")
    )
    problems = _problems(tmp_path, events=events)
    assert [p.split(": ")[0] for p in problems] == [
        "events.yaml:6",
        "events.yaml:18",
        "events.yaml:21",
        # Not "actor 'kim-jong-un' is not used": the misspelling's echo, its hint
        # already names it.
    ], problems


def test_an_id_with_a_look_alike_letter_is_named_with_the_letter(tmp_path: Path) -> None:
    """"north-koreа" with a Cyrillic "а" printed just like the id it hints at: the hint
    names the letter, or the two look the same."""
    events = EVENTS_YAML.replace("[china, kim-jong-un]", "[china, kim-jong-un, china\u0430]")
    problems = _problems(tmp_path, events=events)
    assert any(
        "unknown actor 'chinaа'" in p and "did you mean 'china'? 'chinaа' has U+0430 CYRILLIC "
        "SMALL LETTER A, which 'china' has not" in p
        for p in problems
    ), problems


def test_seed_text_is_kept_exactly(data_dir: Path) -> None:
    assert load_timeline(data_dir).article_by_id["news-1"].text == SEED_TEXT


def test_pyyaml_alone_gives_the_same_model(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the optional fast parser the loader reads everything with PyYAML."""
    from tui import load as load_module

    fast = load_timeline(data_dir)
    monkeypatch.setattr(load_module, "HAVE_FAST_PARSER", False)
    assert load_timeline(data_dir) == fast


@pytest.mark.parametrize(
    ("written", "meant"),
    [("Yes", "Yes"), ("on", "on"), ("no", "no"), ("010", "10"), ("1:20", "1:20")],
)
def test_both_parsers_read_plain_values_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str, meant: str
) -> None:
    """YAML 1.1's yes/no/on/off booleans and octal numbers are read as YAML 1.2 reads them."""
    from tui import load as load_module

    data = write_data_dir(
        tmp_path, events=EVENTS_YAML.replace("title: Talks held", f"title: {written}")
    )
    fast = load_timeline(data)
    monkeypatch.setattr(load_module, "HAVE_FAST_PARSER", False)
    slow = load_timeline(data)
    assert fast.event_by_id["talks-held"].title == slow.event_by_id["talks-held"].title == meant


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("title: Port deals\n", "Port deals"),
        ('title: "Budget: the year of cuts"\n', "Budget: the year of cuts"),
        ("# no title yet\n", None),
        ("title: [a, b]\n", None),  # `check` reports it; the exports go without
        ("title: 2024-04-11\n", "2024-04-11"),  # text, as `check` reads it, not a date
        ("title: " + "9" * 5000 + "\n", None),  # a number no parser converts: no crash
        ("title: " + "[" * 3000 + "\n", None),  # nested past the parser's depth
    ],
)
def test_the_timeline_title_is_read_from_the_articles_file(
    tmp_path: Path, head: str, title: str | None
) -> None:
    data = write_data_dir(tmp_path, articles=head + ARTICLES_YAML)
    assert read_title(data / "articles.yaml") == title
    if title is not None:  # a title is no problem to the loader, on either pass
        assert len(load_timeline(data).articles) == 1
    assert read_title(tmp_path / "nowhere.yaml") is None


def test_the_shipped_timeline_has_its_title() -> None:
    assert read_title(default_data_dir() / "articles.yaml") == "China–North Korea relations"


def test_a_month_the_sentence_dates_to_another_year_is_a_located_problem(
    tmp_path: Path,
) -> None:
    """"The 2019 talks stalled in September" in an April 2024 article: read against
    the article, September would be 2023. The loader refuses the words, on their line,
    and names the year the sentence gives."""
    seed = SEED_TEXT + "The 2019 talks stalled in September, officials said.\n"
    events = EVENTS_YAML + (
        "  - id: talks-stalled\n"
        "    title: Talks stalled\n"
        "    kind: meeting\n"
        "    actors: [china, north-korea]\n"
        "    sources:\n"
        "      - article: news-1\n"
        '        quote: "The 2019 talks stalled in September, officials said."\n'
        "        date_text: in September\n"
    )
    problems = _problems(tmp_path, events=events, seeds={"one.txt": seed})
    line = events.splitlines().index("        date_text: in September") + 1
    assert len(problems) == 1 and problems[0].startswith(f"events.yaml:{line}: ")
    assert '"in September" names no year, and its sentence names 2019' in problems[0]
    assert 'hint: date the source by words of the quote that name the year, such as "2019"' in (
        problems[0]
    )


@pytest.mark.parametrize(
    ("quote", "hint"),
    [
        # A straight mark typed for the article's curly one is named, with the words.
        (
            "marking Kim's first visit",
            '"marking Kim’s first visit": the article has ’ where the quote has \'',
        ),
        ('He said "no" at once', '"He said “no” at once": the article has “ where the quote has "'),
        ("the 1950-1953 war", '"the 1950–1953 war": the article has – where the quote has -'),
        # Otherwise the passage most like the quote, shown around where they differ:
        # the sentence holding the quote, not a short one with a better ratio.
        # and the first difference word by word.
        ("talks held on Jnue 17", '"The pact follows talks held on June 17, officials said.": '
         'the article has "June" where the quote has "Jnue"'),
        ("talks held on June 17, 2023, officials said",
         '"The pact follows talks held on June 17, officials said.": the quote adds "2023,"'),
        ("The pact follows talks on June 17",
         '"The pact follows talks held on June 17, officials said.": the quote leaves out '
         '"held"'),
    ],
)
def test_closest_passage_names_where_the_quote_differs(quote: str, hint: str) -> None:
    article = (
        "Pact signed.\nThe pact follows talks held on June 17, officials said. "
        "It came after the 1950–1953 war, marking Kim’s first visit. He said “no” at once.\n"
    )
    assert FoldedText(article).closest_passage(quote) == hint


def test_a_quote_of_two_sentences_is_shown_against_two() -> None:
    """A slip in the second of two sentences was shown as the quote "adding" it; a
    quote that opens with a dateline, as "adding" the dateline."""
    article = (
        "Pact signed.\nThe delegation arrived on Monday. It stayed three days and met Xi. "
        "Then it left.\n\nBEIJING, Feb. 19 (Wire) -- A delegation arrived on Sunday.\n"
    )
    folded = FoldedText(article)
    assert folded.closest_passage(
        "The delegation arrived on Monday. It stayed four days and met Xi."
    ) == ('"The delegation arrived on Monday. It stayed three days and met Xi.": the article '
          'has "three" where the quote has "four"')  # fmt: skip
    assert folded.closest_passage(
        "BEIJING, Feb. 19 (Wire) -- A delegation arived on Sunday."
    ).endswith('the article has "arrived" where the quote has "arived"')


def test_the_closest_passage_of_a_hard_wrapped_article_is_its_sentence() -> None:
    """Wrapped at 72 columns, the quote's sentence runs over three lines: its first
    differs from the quote ("it’s expects"), so the line most like the quote was its
    unchanged tail, shown instead of the place that differs."""
    article = (
        "HARBOUR FERRIES RETURN\n"
        "The ferry strike ended on Saturday after eleven days, the union and the\n"
        "operator said. Bluewater said it expects ferries to run on the full\n"
        "winter timetable by Christmas Eve, and that the extra crossings added\n"
        "last summer will return in the spring, when the new terminal is open.\n"
    )
    quote = (
        "Bluewater said it’s expects ferries to run on the full winter timetable by "
        "Christmas Eve, and that the extra crossings added last summer will return"
    )
    hint = FoldedText(article).closest_passage(quote)
    assert hint.startswith('"Bluewater said it expects ferries'), hint


def test_a_long_passage_is_shown_around_the_difference() -> None:
    """A typo near the end of a long sentence: the hint shows the end, not the start."""
    sentence = " ".join(f"word{n}" for n in range(60)) + " the Workers’ Party of Korea."
    hint = FoldedText(sentence).closest_passage(sentence.replace("Party", "Parti")[40:])
    assert hint.startswith('"...') and 'the Workers’ Party of Korea.":' in hint
    # A quote that starts inside a word ("6" of "word6") starts there: no difference.
    assert hint.endswith('the article has "Party" where the quote has "Parti"')


def test_a_misspelt_actor_is_one_problem_not_two(tmp_path: Path) -> None:
    """"japn" for "japan": the unknown id, with "did you mean 'japan'?", is the one
    mistake; "actor 'japan' is not used by any event" would be its echo."""
    problems = _problems(
        tmp_path,
        actors=ACTORS_YAML + "  - id: japan\n    name: Japan\n    kind: country\n",
        events=EVENTS_YAML.replace(
            "    actors: [china, kim-jong-un]\n", "    actors: [china, kim-jong-un, japn]\n"
        ),
    )
    assert len(problems) == 1, problems
    assert "unknown actor 'japn'" in problems[0] and "did you mean 'japan'?" in problems[0]
    # An actor no unknown id was taken for is still reported unused.
    problems = _problems(
        tmp_path / "other",
        actors=ACTORS_YAML + "  - id: japan\n    name: Japan\n    kind: country\n",
        events=EVENTS_YAML.replace(
            "    actors: [china, kim-jong-un]\n", "    actors: [china, kim-jong-un, xqzw]\n"
        ),
    )
    assert any("actor 'japan' is not used by any event" in p for p in problems), problems


def test_a_malformed_events_file_is_one_problem_not_one_per_draft(tmp_path: Path) -> None:
    """While `events.yaml` cannot be read, a draft restating one of its events is not
    "unknown": the quotation mark left open is the one problem to fix."""
    data = write_data_dir(tmp_path)
    (data / "drafts").mkdir()
    (data / "drafts" / "news-1.yaml").write_text(
        "drafts:\n  - article: news-1\n"
        '    quote: "The pact follows talks held on June 17, officials said."\n'
        '    date_text: "June 17"\n    actors: [china]\n    restates: talks-held\n',
        encoding="utf-8",
    )
    assert load_timeline(data).event_by_id["talks-held"]  # the draft checks as it is
    events = data / "events.yaml"
    events.write_text(
        EVENTS_YAML.replace('"Leaders met in the capital on Saturday to sign a trade pact."',
                            '"Leaders met in the capital on Saturday to sign a trade pact.'),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        load_timeline(data)
    assert [p.message.split(":")[0] for p in info.value.problems] == ["malformed YAML"]


def test_date_words_must_be_written_as_the_quote_writes_them(tmp_path: Path) -> None:
    """"wednesday" was found in "… on Wednesday" and shown as the article's date words."""
    problems = _problems(
        tmp_path, events=EVENTS_YAML.replace("        date_text: in 1949\n",
                                             "        date_text: IN 1949\n"),
    )
    assert len(problems) == 1, problems
    assert 'date words "IN 1949" are in the quote as "in 1949"' in problems[0]
    assert "hint: date_text must be the quote's words as written" in problems[0]


def test_date_words_must_be_words_of_the_quote_not_part_of_one(tmp_path: Path) -> None:
    """"194" stands in "1949" but is no word of the quote: dated, it would name a time
    the article does not (as "August" would inside "Augusta")."""
    problems = _problems(
        tmp_path, events=EVENTS_YAML.replace("        date_text: in 1949\n",
                                             "        date_text: '194'\n"),
    )
    assert len(problems) == 1, problems
    assert 'date words "194" are not in the quote as words of their own' in problems[0]


def test_a_file_where_the_drafts_folder_goes_is_a_problem(tmp_path: Path) -> None:
    """A hostile-input trial: a file named `drafts` passed `check` unsaid, though no draft
    could be written or read there."""
    data = write_data_dir(tmp_path)
    (data / "drafts").write_text("not a folder\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_timeline(data)
    assert [p.located(str(data)).splitlines()[0] for p in info.value.problems] == [
        f"{data}/drafts: 'drafts' is not a folder"
    ]


@pytest.mark.parametrize(
    ("value", "left_open"),
    [
        ('    title: "Trade pact\n', True),
        ('    title: "Issue #1 of the Review"\n', False),  # "#" inside a value
        ("# a \"note\n", False),  # a comment at the start of a line
        ("    summary: 'He said \"no'\n", False),  # inside single quotation marks
        ("    summary: 'It''s \"odd'\n", False),
        ('    summary: He said "no\n', False),  # a plain value's character
        ('    summary: "The two\n      sides" # a "comment\n', False),  # closed, then a comment
        ("    actors: [a, \"b]\n", True),  # a flow list's item
        # A second review: a block scalar's quotation marks are text; an anchor or a
        # tag comes before a value's mark.
        ('    summary: |\n      "Hello, he said\n', False),
        ('    title: &t "Trade pact\n', True),
        ('    title: !!str "Trade pact\n', True),
    ],
)
def test_a_quotation_mark_left_open_is_told_from_one_inside_a_value(
    value: str, left_open: bool
) -> None:
    """A review: "#" inside a quoted value, a comment, single-quoted or plain values
    holding a double quotation mark, and a comment after a value closed over lines,
    were each taken for a mark left open (or hid one)."""
    from types import SimpleNamespace

    from tui.loading.reading import _left_open

    text = "events:\n  - id: a\n" + value + "    kind: treaty\n"
    end = SimpleNamespace(line=text.count("\n") - 1)
    found = _left_open(text, SimpleNamespace(line=0), end)
    assert (found == 3) if left_open else found is None


def test_words_that_count_from_another_mention_say_how_to_name_it(tmp_path: Path) -> None:
    """A journalist's trial: "the following day" without `relative_to` had a hint that
    began with using the article's own words (they were) and ended with the fix."""
    seed = SEED_TEXT + "The following day the talks resumed.\n"
    events = EVENTS_YAML + (
        "  - id: talks-resume\n"
        "    title: Talks resume\n"
        "    kind: meeting\n"
        "    actors: [china]\n"
        "    sources:\n"
        "      - article: news-1\n"
        '        quote: "The following day the talks resumed."\n'
        "        date_text: The following day\n"
    )
    (problem,) = _problems(tmp_path, events=events, seeds={"one.txt": seed})
    assert "counts from another mention in the article" in problem
    hint = problem.split("hint: ", 1)[1]
    assert hint.startswith("add 'relative_to: <event id>' to this source")
    assert "the words count from (an event quoting the same article before them)" in hint
