"""The curator's workbench on the command line: add-article, draft, and checked drafts."""

from __future__ import annotations

import os
from datetime import date
from functools import partial
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli, write_data_dir
from tui.workbench import WorkbenchError, parse_published

ARTICLE = (
    "Port officials signed a fuel agreement on Tuesday.\n"
    "The crossing had been closed since January 2020, officials said.\n"
    "Leaders met in the capital on Saturday to sign a trade pact.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = write_data_dir(tmp_path)
    (data / "articles.yaml").write_text(
        "# Articles: comments must survive an edit.\n"
        + (data / "articles.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    return data


def _add(data: Path, path: Path, *extra: str) -> object:
    return run_cli(
        "add-article", str(path), "--data", str(data), "--title", "Fuel deal",
        "--outlet", "Example Wire", *extra,
    )  # fmt: skip


def _drafted(folder: Path, tmp_path: Path, article_id: str, text: str) -> str:
    """The drafts file `draft` writes for `text`, added as `article_id` (17 Apr 2024)."""
    path = tmp_path / f"{article_id}.txt"
    path.write_text(text, encoding="utf-8")
    added = _add(folder, path, "--published", "2024-04-17", "--id", article_id)
    assert added.returncode == 0, added.stderr  # type: ignore[attr-defined]
    drafted = run_cli("draft", article_id, "--data", str(folder))
    assert drafted.returncode == 0, drafted.stderr
    return (folder / "drafts" / f"{article_id}.yaml").read_text(encoding="utf-8")


def test_add_article_copies_the_bytes_and_keeps_the_yaml_comments(
    folder: Path, tmp_path: Path
) -> None:
    path = tmp_path / "port.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    before = (folder / "articles.yaml").read_text(encoding="utf-8")
    result = _add(folder, path, "--published", "2024-04-17..2024-04-19", "--note", "past tense")
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    assert (folder.parent / "seeds" / "port.txt").read_bytes() == ARTICLE.encode("utf-8")
    text = (folder / "articles.yaml").read_text(encoding="utf-8")
    assert text.startswith(before)  # comments and every byte before, untouched
    assert (
        'published_earliest: "2024-04-17"' in text and "published_likely_basis: convention" in text
    )
    # The id names the window's month, not its first day, which is no publication date.
    assert "- id: port-2024-04\n" in text and "port-2024-04-17" not in text
    check = run_cli("check", "--data", str(folder))
    assert check.returncode == 0 and "2 articles" in check.stdout


def test_an_article_id_names_its_day_once(folder: Path, tmp_path: Path) -> None:
    """A file named for its day keeps that name ("story-2024-04-17", not
    "story-2024-04-17-2024-04-17", as a trial's `add-article` made it)."""
    path = tmp_path / "Story-2024-04-17.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    result = _add(folder, path, "--published", "2024-04-17")
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    text = (folder / "articles.yaml").read_text(encoding="utf-8")
    assert "- id: story-2024-04-17\n" in text


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (ARTICLE.encode("latin-1"), ("--published", "2024-04-17"), None),
        ("Caf\xe9".encode("latin-1"), ("--published", "2024-04-17"), "not valid UTF-8"),
        # As `check` says it: where, and what the file looks like.
        ("Caf\xe9".encode("latin-1"), ("--published", "2024-04-17"),
         "not valid UTF-8 (byte 0xe9 at column 4, after “Caf”)"),
        (ARTICLE.encode("utf-16"), ("--published", "2024-04-17"), "it looks like UTF-16"),
        (ARTICLE.encode(), ("--published", "2024-04-19..2024-04-17"), "runs backwards"),
        (ARTICLE.encode(), ("--published", "April"), "is not a date or a window"),
        (ARTICLE.encode(), ("--published", "2024-04-17..2024-04-31"),
         "hint: April 2024 has no day 31: check the day and the month"),
        (ARTICLE.encode(), ("--published", "2024-04-17..2024-04-19"), "needs --note"),
        # A journalist's trial: a mistyped year dated every event decades ahead.
        (ARTICLE.encode(), ("--published", "2052-04-03"),
         "--published 2052-04-03 is after today"),
        (ARTICLE.encode(), ("--published", "2024-05"), "hint: for an article published "
         "some day of that month, write the window 2024-05-01..2024-05-31"),
        # What `check` would refuse, refused before anything is written.
        (ARTICLE.encode(), ("--published", "2024-04-17", "--id", "Bad Id"),
         "article id 'Bad Id' is not a valid id"),
        (ARTICLE.encode(), ("--published", "2024-04-17", "--id", "../../x"), "not a valid id"),
        (ARTICLE.encode(), ("--published", "2024-04-17", "--title", " "), "--title is empty"),
        (ARTICLE.encode(), ("--published", "2024-04-17", "--outlet", ""), "--outlet is empty"),
    ],
)
def test_add_article_refuses_bad_input(
    folder: Path, tmp_path: Path, content: bytes, extra: tuple[str, ...], message: str | None
) -> None:
    path = tmp_path / "port.txt"
    path.write_bytes(content)
    result = _add(folder, path, *extra)
    if message is None:  # ASCII-only text is valid UTF-8: accepted
        assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
        return
    assert result.returncode == 2 and message in result.stderr  # type: ignore[attr-defined]
    assert not (folder.parent / "seeds" / "port.txt").exists()


def test_a_window_that_ends_after_today_is_refused_with_one_that_ends_today() -> None:
    today = date(2025, 5, 7)
    with pytest.raises(WorkbenchError) as info:
        parse_published("2025-05-05..2025-05-09", today)
    assert info.value.hint == ("an article is added once it is published: check the year, "
                               "or end the window today: 2025-05-05..2025-05-07")
    assert parse_published("2025-05-05..2025-05-07", today).latest == today


def test_add_article_refuses_a_text_that_is_already_there(folder: Path, tmp_path: Path) -> None:
    seed = (folder.parent / "seeds" / "one.txt").read_bytes()
    path = tmp_path / "copy.txt"
    path.write_bytes(seed)
    result = _add(folder, path, "--published", "2024-04-17")
    assert result.returncode == 2 and "already in the data: seeds/one.txt" in result.stderr  # type: ignore[attr-defined]


def test_draft_proposes_dated_sentences_that_check_validates(folder: Path) -> None:
    result = run_cli("draft", "news-1", "--data", str(folder))
    assert result.returncode == 0, result.stderr
    drafts = (folder / "drafts" / "news-1.yaml").read_text(encoding="utf-8")
    assert 'date_text: "on Saturday"' not in drafts  # the extent has no preposition
    assert 'date_text: "Saturday"' in drafts
    assert "restates: pact-signed" in drafts  # the sentence is an event's quote already
    assert "title" not in drafts.split("drafts:")[1]  # no invented title
    again = run_cli("draft", "news-1", "--data", str(folder))
    assert again.returncode == 2 and "--force" in again.stderr
    check = run_cli("check", "--data", str(folder))
    assert check.returncode == 0, check.stderr
    assert check.stdout.rstrip().endswith(
        "every date resolved; the drafts too (1 file in drafts/)"
    )  # checked, and said so
    broken = drafts.replace('date_text: "Saturday"', 'date_text: "Sunday"', 1)
    (folder / "drafts" / "news-1.yaml").write_text(broken, encoding="utf-8")
    check = run_cli("check", "--data", str(folder))
    assert check.returncode == 1
    assert 'drafts/news-1.yaml:16: date words "Sunday" are not in the quote' in check.stderr
    # A draft is checked as an event's source is: a relation the words contradict too.
    contradicted = drafts.replace(
        'date_text: "Saturday"', 'date_text: "Saturday"\n    relation: since', 1
    )
    (folder / "drafts" / "news-1.yaml").write_text(contradicted, encoding="utf-8")
    check = run_cli("check", "--data", str(folder))
    assert check.returncode == 1 and "which 'relation: since' contradicts" in check.stderr


def test_draft_works_past_problems_elsewhere_in_the_folder(folder: Path) -> None:
    """An actor no event names yet, or another article's unfinished draft, does not
    stop drafting: the problems are counted on standard error, not hidden. A problem
    anywhere else (the events, the article's entry) still stops it."""
    actors = folder / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8")
        + "  - id: port-authority\n    name: Port Authority\n    kind: organization\n",
        encoding="utf-8",
    )
    (folder / "drafts").mkdir()
    (folder / "drafts" / "other.yaml").write_text("drafts: [unfinished\n", encoding="utf-8")
    assert run_cli("check", "--data", str(folder)).returncode == 1
    result = run_cli("draft", "news-1", "--data", str(folder))
    assert result.returncode == 0, result.stderr
    assert "restate" in result.stdout and "restates: pact-signed" in (
        folder / "drafts" / "news-1.yaml"
    ).read_text(encoding="utf-8")  # the events that loaded are known to it
    assert result.stderr == (
        "note: the data folder has 2 problems, so these drafts were checked against "
        "the 3 events that loaded; `timeline check` lists the problems\n"
    )
    # A problem anywhere else stops it: the events (whose quotes `restates:` needs),
    # the article's entry, or its text.
    events = folder / "events.yaml"
    good_events = events.read_text(encoding="utf-8")
    events.write_text(good_events + "  - [unfinished\n", encoding="utf-8")
    result = run_cli("draft", "news-1", "--data", str(folder), "--force")
    assert result.returncode == 1 and "events.yaml" in result.stderr
    assert "note:" not in result.stderr
    events.write_text(good_events, encoding="utf-8")
    articles = folder / "articles.yaml"
    articles.write_text(
        articles.read_text("utf-8").replace("    outlet:", "    outlte: x\n    outlet:", 1),
        encoding="utf-8",
    )
    result = run_cli("draft", "news-1", "--data", str(folder), "--force")
    assert result.returncode == 1 and "unknown field 'outlte'" in result.stderr
    assert "note:" not in result.stderr


def test_a_draft_restating_an_unknown_event_is_reported(folder: Path) -> None:
    assert run_cli("draft", "news-1", "--data", str(folder)).returncode == 0
    path = folder / "drafts" / "news-1.yaml"
    drafts = path.read_text(encoding="utf-8")
    path.write_text(drafts.replace("restates: pact-signed", "restates: pact-signd", 1), "utf-8")
    check = run_cli("check", "--data", str(folder))
    assert check.returncode == 1
    assert "draft restates unknown event 'pact-signd'" in check.stderr
    assert "did you mean 'pact-signed'?" in check.stderr


def test_draft_of_an_unknown_article_is_a_usage_error(folder: Path) -> None:
    result = run_cli("draft", "nws-1", "--data", str(folder))
    assert result.returncode == 2 and "unknown article 'nws-1'" in result.stderr
    # One message, its hint on a line of its own, as every other error has it.
    lines = result.stderr.splitlines()
    assert lines[0] == "timeline: unknown article 'nws-1'"
    assert lines[1] == "    hint: did you mean 'news-1'?"
    far = run_cli("draft", "nothing-like-it", "--data", str(folder))
    assert far.returncode == 2
    assert far.stderr.splitlines()[1] == "    hint: the articles' ids (in articles.yaml): news-1"


def test_draft_names_the_other_date_words_of_a_sentence(folder: Path, tmp_path: Path) -> None:
    """One candidate per sentence, dated by its first expression; the others that give
    a date are named beside it, since the event may be the act they date."""
    text = "Talks first held in 2019 resumed on Monday and will end by Friday.\n"
    drafts = _drafted(folder, tmp_path, "talks", text)
    assert 'date_text: "2019"' in drafts
    assert (
        '    # other date words in the quote: "Monday" (2024-04-15 Mon), '
        '"by Friday" (by 2024-04-19 Fri)\n'
    ) in drafts
    assert run_cli("check", "--data", str(folder)).returncode == 0


def test_draft_names_words_counting_from_another_mention_beside_its_date(
    folder: Path, tmp_path: Path
) -> None:
    """"Three days later, … fiscal 2025": the vote is three days after another mention,
    not fiscal 2025. The draft is dated by the words that resolve alone, and names
    the reference beside them, which the event may need (`relative_to`)."""
    text = (
        "The council met on Monday. Three days later, the committee will vote on the "
        "budget for fiscal 2025.\n"
    )
    drafts = _drafted(folder, tmp_path, "budget", text)
    assert 'date_text: "fiscal 2025"' in drafts
    assert (
        '    # other date words in the quote: "Three days later" (counts from another '
        "mention: relative_to)\n"
    ) in drafts
    assert run_cli("check", "--data", str(folder)).returncode == 0


def test_draft_keeps_the_word_that_gives_the_relation(folder: Path, tmp_path: Path) -> None:
    """"through March" is drafted with its "through", as "since" is: without it the
    loader would read the bare month as `on`, a claim the words do not make."""
    drafts = _drafted(
        folder, tmp_path, "sanctions", "Sanctions stay in place through March, officials said.\n"
    )
    assert 'date_text: "through March"' in drafts and "(until)" in drafts
    assert run_cli("check", "--data", str(folder)).returncode == 0


def test_draft_leaves_out_a_word_that_gives_no_relation(folder: Path, tmp_path: Path) -> None:
    """"by 2023 graduates" and "Since Monday is a holiday": no deadline, no beginning.
    The draft wrote "by 2023" and "Since Monday", which dated the events by 2023 and
    since Monday."""
    drafts = _drafted(
        folder, tmp_path, "college",
        "The plan has been criticised by 2023 graduates of the college. Since Monday is a "
        "holiday, the delegation will return on Tuesday.\n",
    )  # fmt: skip
    assert "by 2023" not in drafts.replace("criticised by 2023 graduates", "")
    assert 'date_text: "Since Monday"' not in drafts
    assert run_cli("check", "--data", str(folder)).returncode == 0


@pytest.mark.parametrize(
    ("text", "drafted", "not_drafted"),
    [
        # An auditor's: "soon" of "as soon as" was drafted as date words.
        ("The union asked for a reply as soon as possible. It will act as soon as it "
         "receives the letter.\n", [], ['date_text: "soon"']),
        ("Officials said a deal could come as soon as next month.\n", [],
         ['date_text: "soon"', 'date_text: "next month"']),
        # A latest time keeps its words, as "by" does; the draft says "by".
        ("The report must be filed no later than Friday.\n",
         ['date_text: "no later than Friday"', "(by)"], []),
        ("A second review is due on Friday at the latest.\n", ['date_text: "Friday"', "(by)"],
         []),
    ],
)
def test_draft_reads_limits_and_as_soon_as_as_the_loader_does(
    folder: Path, tmp_path: Path, text: str, drafted: list[str], not_drafted: list[str]
) -> None:
    drafts = _drafted(folder, tmp_path, "limits", text)
    assert all(words in drafts for words in drafted), drafts
    assert not any(words in drafts for words in not_drafted), drafts
    assert run_cli("check", "--data", str(folder)).returncode == 0


def test_a_dateline_dates_no_draft_and_after_a_date_is_not_on_it(
    folder: Path, tmp_path: Path
) -> None:
    """"BEIJING, Feb. 19 (Wire) -- A delegation arrived on Sunday": the draft dated the
    arrival by the dateline's Feb. 19. And "arrives after Lunar New Year" was drafted
    on Lunar New Year: the words say only that it came after it."""
    drafts = _drafted(
        folder, tmp_path, "wire",
        "Delegation arrives after Lunar New Year\n\nBEIJING, April 17 (Example Wire) -- A "
        "delegation arrived in Pyongyang on Sunday, officials said.\n",
    )  # fmt: skip
    assert 'quote: "A delegation arrived in Pyongyang on Sunday, officials said."' in drafts
    assert 'date_text: "Sunday"' in drafts and "2024-04-14 Sun" in drafts
    assert "April 17" not in drafts.partition("# Not drafted")[0].split("drafts:")[1]
    listed = drafts.partition("# Not drafted:")[2]
    assert "#   Delegation arrives after Lunar New Year" in listed
    assert "says only that it came after Lunar New Year, not when" in listed
    assert run_cli("check", "--data", str(folder)).returncode == 0


def test_the_next_week_is_drafted_looking_ahead_and_listed_told_of_the_past(
    folder: Path, tmp_path: Path
) -> None:
    """"Officials will meet the next week" was left out (its "next week" refused as part
    of a reference); "The next week, they signed" counts from another mention."""
    drafts = _drafted(
        folder, tmp_path, "week",
        "Officials met in March. The next week, they signed a deal. Officials will meet "
        "the next week to discuss it.\n",
    )  # fmt: skip
    drafted, _, listed = drafts.partition("# Not drafted:")
    assert 'quote: "Officials will meet the next week to discuss it."' in drafted
    assert 'date_text: "the next week"' in drafted
    assert "they signed" not in drafted
    assert "#   The next week, they signed a deal." in listed and "a guess" in listed
    assert run_cli("check", "--data", str(folder)).returncode == 0


def test_a_line_separator_in_the_article_is_kept_in_the_drafts_file(
    folder: Path, tmp_path: Path
) -> None:
    """U+2028 and U+0085 are line breaks to YAML, not to JSON or the terminal: in a
    quote they are escaped (the quote reads back as the article's characters), in
    a comment made spaces, so the drafts file still checks."""
    text = "Talks first held in 2019 resumed on Tuesday\u2028of next week:\x85now.\n"
    drafts = _drafted(folder, tmp_path, "sep", text)
    assert "\\u2028" in drafts and "\u2028" not in drafts and "\x85" not in drafts
    check = run_cli("check", "--data", str(folder))
    assert check.returncode == 0, check.stderr


def test_draft_lists_the_sentences_dated_only_by_another_mention(
    folder: Path, tmp_path: Path
) -> None:
    """ "The same day, …" resolves only against an earlier mention: it is not drafted
    (no event to name in `relative_to` yet), but listed at the end, with the tagger's
    reading, and said so; the file still checks."""
    path = tmp_path / "port.txt"
    path.write_text(
        "Port officials signed a fuel agreement on Tuesday.\n"
        "The same day, the governor \x1b[31minspected the crossing.\n",
        encoding="utf-8",
    )
    added = _add(folder, path, "--published", "2024-04-18", "--id", "port")
    assert added.returncode == 0, added.stderr  # type: ignore[attr-defined]
    result = run_cli("draft", "port", "--data", str(folder))
    assert result.returncode == 0, result.stderr
    assert "wrote 1 draft to" in result.stdout
    assert "1 not dated on their own, listed at its end" in result.stdout
    drafts = (folder / "drafts" / "port.yaml").read_text(encoding="utf-8")
    body, _, listed = drafts.partition("# Not drafted:")
    assert "The same day" not in body and "Tuesday" in body
    assert "#   The same day, the governor ␛[31minspected the crossing." in listed
    assert '#     "The same day": the same date as "Tuesday"' in listed
    assert "(the nearest date before it in the article: a guess" in listed  # not an offset
    assert "\x1b" not in drafts
    check = run_cli("check", "--data", str(folder))
    assert check.returncode == 0, check.stderr


def test_draft_lists_a_reference_that_names_what_it_counts_from(
    folder: Path, tmp_path: Path
) -> None:
    """ "a week after the two sides signed" counts from the signing, which has no date:
    the tagger gives it none, and the sentence is listed with why, not skipped."""
    path = tmp_path / "envoy.txt"
    path.write_text(
        "The envoy met the premier on Monday.\n"
        "The visit came a week after the two sides signed a protocol on tourism.\n",
        encoding="utf-8",
    )
    added = _add(folder, path, "--published", "2024-08-13", "--id", "envoy")
    assert added.returncode == 0, added.stderr  # type: ignore[attr-defined]
    result = run_cli("draft", "envoy", "--data", str(folder))
    assert result.returncode == 0, result.stderr
    assert "wrote 1 draft to" in result.stdout
    assert "1 not dated on their own, listed at its end" in result.stdout
    drafts = (folder / "drafts" / "envoy.yaml").read_text(encoding="utf-8")
    body, _, listed = drafts.partition("# Not drafted:")
    assert "a week after" not in body
    assert "#   The visit came a week after the two sides signed a protocol on tourism." in listed
    assert '#     "a week after": counts from what follows it ("the two sides signed …")' in listed


@pytest.mark.parametrize(
    ("files", "made"),
    [
        ({}, "articles.yaml, actors.yaml, events.yaml"),  # no folder at all
        ({"articles.yaml": ""}, "actors.yaml, events.yaml"),  # an empty file
        ({"articles.yaml": "# my story\narticles:  # none yet\n"}, "actors.yaml, events.yaml"),
    ],
    ids=["no folder", "empty file", "the key with nothing under it"],
)
def test_add_article_starts_a_timeline_of_ones_own(
    tmp_path: Path, files: dict[str, str], made: str
) -> None:
    """A journalist's first article: the folder and whichever files are missing are
    made, an empty listing is taken as empty, and `check` passes (it was a
    traceback)."""
    data = tmp_path / "story" / "data"
    for name, text in files.items():
        data.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = _add(data, path, "--published", "2024-04-17")
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    out = result.stdout  # type: ignore[attr-defined]
    assert f"started the data folder {data}: {made}" in out
    assert f"its text copied to {tmp_path / 'story' / 'seeds' / 'port.txt'}" in out
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    listing = (data / "articles.yaml").read_text(encoding="utf-8")
    if "# my story" in files.get("articles.yaml", ""):
        assert listing.startswith("# my story\n")
    elif "articles.yaml" in made:  # a new listing says how to title the timeline
        assert listing.startswith("# The timeline's title, for its exports: write it here.\n")
        titled = listing.replace("# title: My story", "title: Port deals")
        (data / "articles.yaml").write_text(titled, encoding="utf-8")
        markdown = run_cli("export", "--format", "markdown", "--allow-empty", "--data", str(data))
        assert markdown.stdout.startswith("# Port deals: a source-grounded timeline\n")
    check = run_cli("check", "--data", str(data))
    assert check.returncode == 0, check.stderr
    assert "1 article " in check.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("articles: just text\n", "articles.yaml must hold a list under 'articles:'"),
        ("articles: [\n", "articles.yaml cannot be edited here: expected the node content"),
    ],
    ids=["no list", "not YAML"],
)
def test_add_article_to_a_listing_it_cannot_read_is_one_message(
    tmp_path: Path, text: str, message: str
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "articles.yaml").write_text(text, encoding="utf-8")
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = _add(data, path, "--published", "2024-04-17")
    assert result.returncode == 2  # type: ignore[attr-defined]
    assert message in result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    assert (data / "articles.yaml").read_text(encoding="utf-8") == text  # left as it was
    assert not (tmp_path / "seeds").exists()  # nothing copied


def test_a_country_named_by_its_adjective_is_proposed_as_an_actor() -> None:
    """"Chinese and North Korean officials met": China and North Korea, though neither
    name stands in the sentence ("North Korea" is not a word of "North Korean")."""
    from tui.model import Actor
    from tui.workbench import actors_in

    actors = (
        Actor("china", "China", "country", ()),
        Actor("north-korea", "North Korea", "country", ("DPRK",)),
        Actor("kcna", "KCNA", "media", ()),
        Actor("chinese-embassy", "Chinese Embassy", "organisation", ()),
    )
    sentence = "Chinese and North Korean officials met in Dandong."
    assert actors_in(sentence, actors) == ("china", "north-korea")
    assert actors_in("The Chinese Embassy held a show.", actors) == ("china", "chinese-embassy")
    assert actors_in("Sinophiles met.", actors) == ()
    usa = (Actor("us", "United States", "country", ()), Actor("india", "India", "country", ()))
    assert actors_in("Latin American and Indian Ocean states met.", usa) == ()
    assert actors_in("American and Indian envoys met.", usa) == ("us", "india")


def test_a_name_inside_another_actors_longer_name_is_not_that_actor() -> None:
    """A journalist's trial: "The Harlow Falls Town Council voted" proposed the town
    too, and the form filled it in."""
    from tui.model import Actor
    from tui.workbench import actors_in

    actors = (
        Actor("harlow-falls", "Harlow Falls", "place", ()),
        Actor("council", "Harlow Falls Town Council", "government-body", ("the council",)),
    )
    assert actors_in("The Harlow Falls Town Council voted 5-2.", actors) == ("council",)
    assert actors_in("Harlow Falls residents asked the council.", actors) == (
        "harlow-falls", "council")
    assert actors_in("The Harlow Falls Town Council met in Harlow Falls.", actors) == (
        "harlow-falls", "council")  # the town named on its own too


def test_other_date_words_with_no_date_of_their_own_say_so(folder: Path, tmp_path: Path) -> None:
    """"September" beside "2019" gives no year of its own: the draft, dated by "Monday",
    lists it as such, not as a date."""
    drafts = _drafted(
        folder, tmp_path, "stalled",
        "The council met on Monday, and its 2019 talks had stalled in September.\n",
    )  # fmt: skip
    assert 'date_text: "Monday"' in drafts
    assert ('# other date words in the quote: "2019" (2019), "September" (no date of their '
            "own)") in drafts  # fmt: skip
    assert run_cli("check", "--data", str(folder)).returncode == 0


def test_an_article_with_nothing_to_draft_gives_a_file_check_reads(
    folder: Path, tmp_path: Path
) -> None:
    """"wrote 0 drafts" left "drafts:" alone, a null, which `check` refused ("expected a
    'drafts:' list at the top"); and "Talks on Monday." was left out unlisted."""
    drafts = _drafted(folder, tmp_path, "nodate", "Nothing here has a date at all.\n")
    assert "\ndrafts: []\n" in drafts
    assert run_cli("check", "--data", str(folder)).returncode == 0
    drafts = _drafted(folder, tmp_path, "headings", "Talks on Monday.\nMore on Tuesday.\n")
    listed = drafts.partition("# Not drafted:")[2]
    assert "#   Talks on Monday.\n" in listed and "#   More on Tuesday.\n" in listed
    assert '"Monday": no word in lower case beside the date words' in listed
    assert run_cli("check", "--data", str(folder)).returncode == 0


def test_a_byte_order_mark_is_in_no_draft(folder: Path, tmp_path: Path) -> None:
    """An article saved with a byte-order mark gave its first draft a quote starting
    with an invisible U+FEFF."""
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfTalks opened on Monday, officials said.\r\nMore.\r\n")
    added = _add(folder, path, "--published", "2024-04-17", "--id", "bom")
    assert added.returncode == 0, added.stderr  # type: ignore[attr-defined]
    assert run_cli("draft", "bom", "--data", str(folder)).returncode == 0
    drafts = (folder / "drafts" / "bom.yaml").read_text(encoding="utf-8")
    assert 'quote: "Talks opened on Monday, officials said."' in drafts
    assert "\ufeff" not in drafts
    assert run_cli("check", "--data", str(folder)).returncode == 0


def test_draft_output_is_refused_or_written_as_export_writes(
    folder: Path, tmp_path: Path
) -> None:
    """A hostile-input trial: `draft --output` to a folder, a FIFO or a read-only place
    ended in a traceback or hung, and a missing folder was created."""
    _drafted(folder, tmp_path, "story", "Talks opened on Monday, officials said.\n")
    draft = partial(run_cli, "draft", "story", "--data", str(folder), "--force", "--output")
    folder_given = draft(str(tmp_path))
    assert folder_given.returncode == 2 and "is a folder" in folder_given.stderr
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    piped = draft(str(fifo))
    assert piped.returncode == 2 and "FIFO" in piped.stderr
    missing = tmp_path / "nowhere" / "story.yaml"
    nowhere = draft(str(missing))
    assert nowhere.returncode == 1 and "cannot write" in nowhere.stderr
    assert not missing.parent.exists()
    for result in (folder_given, piped, nowhere):
        assert "Traceback" not in result.stderr
    written = draft(str(tmp_path / "mine.yaml"))
    assert written.returncode == 0 and "Talks opened" in (tmp_path / "mine.yaml").read_text()


def test_draft_output_dash_is_standard_output(folder: Path, tmp_path: Path) -> None:
    """A review: `draft --output -` wrote a file named "-", where export and tag read
    "-" as standard output and input."""
    _drafted(folder, tmp_path, "story", "Talks opened on Monday, officials said.\n")
    result = run_cli("draft", "story", "--data", str(folder), "--output", "-")
    assert result.returncode == 0, result.stderr
    assert 'quote: "Talks opened on Monday, officials said."' in result.stdout
    assert "wrote 1 draft to standard output" in result.stderr
    assert not (ROOT / "-").exists()


def test_a_sentence_dated_in_two_weeks_is_drafted(folder: Path, tmp_path: Path) -> None:
    """A journalist's trial: "The course starts in two weeks" was tagged (a length that
    the words date) but neither drafted nor listed."""
    drafts = _drafted(folder, tmp_path, "course",
                      "The course starts in two weeks, the college said.\n")  # fmt: skip
    assert 'quote: "The course starts in two weeks, the college said."' in drafts
    assert "# resolves to 2024-04-29–2024-05-05 (on)" in drafts  # the week after next
    assert 'date_text: "in two weeks"' in drafts  # its "in" makes it a date
    assert "check will warn" not in drafts  # "said" is the saying's, not the course's
    assert run_cli("check", "--data", str(folder)).returncode == 0


def test_a_date_is_drafted_over_in_two_weeks_beside_it(folder: Path, tmp_path: Path) -> None:
    """A journalist's trial: "The first rain in two weeks fell on Monday" was drafted
    with "in two weeks", the dry spell before the rain, not the day it fell."""
    said = "The first rain in two weeks fell on Monday, forecasters said.\n"
    drafts = _drafted(folder, tmp_path, "rain", said)
    assert 'date_text: "Monday"' in drafts
    assert '# other date words in the quote: "two weeks"' in drafts  # offered beside it
    # A second review: over one that looks ahead, the saying's day is not taken.
    plant = _drafted(folder, tmp_path, "plant",
                     "The plant reopens in six months, the company said on Monday.\n")
    assert 'date_text: "in six months"' in plant


def test_a_draft_dated_after_the_article_for_a_done_act_says_check_will_warn(
    folder: Path, tmp_path: Path
) -> None:
    """A journalist's trial: "By the end of the month, the canteen had closed" was drafted
    as "by ≈ 2025-04" without a word; `check` warned only once it was an event."""
    drafts = _drafted(folder, tmp_path, "canteen",
                      "By the end of the month, the canteen had closed.\n")  # fmt: skip
    assert "    # check will warn: the quote reads as done (“had”)" in drafts
    plans = _drafted(folder, tmp_path, "plans", "The canteen will close next month.\n")
    assert "check will warn" not in plans


def test_an_article_added_without_a_note_says_so_at_once(folder: Path, tmp_path: Path) -> None:
    """A journalist's trial: the note written for a date given without one ("no note
    says where it comes from") showed in every event pane, and `add-article` had said
    nothing of it."""
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    bare = _add(folder, path, "--published", "2024-04-17")
    assert bare.returncode == 0, bare.stderr  # type: ignore[attr-defined]
    assert "has no note saying where it comes from" in bare.stdout  # type: ignore[attr-defined]
    assert f"published_note in {folder / 'articles.yaml'}" in bare.stdout  # type: ignore[attr-defined]
    # The note written is for readers (it is exported): what is known, no instructions.
    written = (folder / "articles.yaml").read_text(encoding="utf-8")
    assert 'published_note: "No note says where this publication date comes from."' in written \
        or "published_note: No note says where this publication date comes from." in written
    assert "--note" not in written
    noted = tmp_path / "port2.txt"
    noted.write_text(ARTICLE.replace("Tuesday", "Monday"), encoding="utf-8")
    given = _add(folder, noted, "--published", "2024-04-18", "--note", "The page's dateline")
    assert given.returncode == 0, given.stderr  # type: ignore[attr-defined]
    assert "no note" not in given.stdout  # type: ignore[attr-defined]


def test_an_article_added_without_data_says_it_joins_the_shipped_timeline(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A journalist's trial: without --data a story joined the shipped China–North Korea
    timeline, with nothing said of it but the path."""
    import tui.cli_workbench
    from tui.cli import main

    monkeypatch.setattr(tui.cli_workbench, "default_data_dir", lambda: folder)  # not the repo's
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    args = ["--published", "2024-04-17", "--title", "Fuel deal", "--outlet", "Example Wire"]
    assert main(["add-article", str(path), *args, "--note", "dateline"]) == 0
    assert "joins the shipped timeline's data" in capsys.readouterr().out
    other = tmp_path / "port2.txt"
    other.write_text(ARTICLE.replace("Tuesday", "Monday"), encoding="utf-8")
    assert main(["add-article", str(other), "--data", str(folder), *args, "--note", "x"]) == 0
    assert "shipped" not in capsys.readouterr().out


def test_a_draft_says_the_date_its_event_will_have(folder: Path, tmp_path: Path) -> None:
    """A draft's comment is what `check` gives the event made from it: its date words
    read in its quote (a trial's draft said "from" where the event said "on")."""
    text = 'Vasko said his party would campaign "from tomorrow".\n'
    drafts = _drafted(folder, tmp_path, "vasko", text)
    comment = next(line for line in drafts.splitlines() if "# resolves to" in line)
    words = next(line for line in drafts.splitlines() if line.startswith("    date_text:"))
    from tui.dates import Anchor, date_from_words, format_span

    span = date_from_words(words.split('"')[1], text.strip(), Anchor.day(date(2024, 4, 17)))
    assert comment.endswith(f"# resolves to {format_span(span)} ({span.relation})")
    # Where the tagger's reading and the event's differ ("by" outside the tag's words: a
    # deadline just passed, not the one a year on), the draft says the event's.
    report = _drafted(folder, tmp_path, "report",
                      "The report, expected by the end of March, will examine the failures.\n")
    line = next(line for line in report.splitlines() if "# resolves to" in line)
    assert line.endswith("# resolves to by ≈ late 2024-03 (by)"), line


def test_a_slip_in_actors_yaml_is_one_problem_not_one_per_draft(folder: Path) -> None:
    """A journalist's trial: one YAML slip in actors.yaml gave, besides itself, an
    "unknown actor" for every draft naming an actor (events gave none)."""
    drafted = run_cli("draft", "news-1", "--data", str(folder))
    assert drafted.returncode == 0, drafted.stderr
    drafts_file = folder / "drafts" / "news-1.yaml"
    drafts = drafts_file.read_text(encoding="utf-8")
    assert "\n    actors: []\n" in drafts
    drafts_file.write_text(drafts.replace("\n    actors: []\n", "\n    actors: [china]\n", 1),
                           encoding="utf-8")
    assert run_cli("check", "--data", str(folder)).returncode == 0  # a draft naming China
    actors = folder / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(text.replace("  - id: china\n", "  - id: china:\n", 1), encoding="utf-8")
    check = run_cli("check", "--data", str(folder))
    assert check.returncode == 1
    assert "in draft" not in check.stderr, check.stderr
    assert "actors.yaml:6: malformed YAML" in check.stderr
    assert "1 problem in the data" in check.stderr
    # A draft naming an actor no file declares is still reported.
    actors.write_text(text, encoding="utf-8")
    unknown = drafts.replace("\n    actors: []\n", "\n    actors: [nobody-known]\n", 1)
    drafts_file.write_text(unknown, encoding="utf-8")
    check = run_cli("check", "--data", str(folder))
    assert check.returncode == 1 and "unknown actor 'nobody-known' in draft" in check.stderr


def test_a_headline_is_no_draft_and_an_anniversary_gives_way_to_its_day(
    folder: Path, tmp_path: Path
) -> None:
    """An adversarial audit: the headline "Rail strike to start Monday, union says" was
    drafted as an event (the story's own sentence tells it), and "marked the 25th
    anniversary of its founding on Tuesday" was drafted with "the 25th anniversary",
    the year of the founding, not the day of the rally."""
    drafts = _drafted(
        folder, tmp_path, "strike",
        "Rail strike to start Monday, union says\n\nRail workers will strike from Monday, "
        "their union said. The union marked the 25th anniversary of its founding on "
        "Tuesday with a rally.\n",
    )  # fmt: skip
    drafted, _, listed = drafts.partition("# Not drafted:")
    assert 'quote: "Rail strike to start Monday, union says"' not in drafted
    assert "#   Rail strike to start Monday, union says\n" in listed
    assert "the article's headline" in listed
    anniversary = drafted.partition("the 25th anniversary of its founding")[2]
    assert anniversary.splitlines()[1].strip() == 'date_text: "Tuesday"'
    assert '"the 25th anniversary"' in anniversary.splitlines()[2]
    assert run_cli("check", "--data", str(folder)).returncode == 0
