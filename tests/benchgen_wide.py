"""The "wide" shape of benchmark data: unlike `tests/benchgen.py`'s default shape.

`generate_wide(root, events, seed)` writes a data folder that `load_timeline`
accepts with no problem, shaped after an independent measurement's generator:

* 1,000 articles (fewer for small timelines) of about 4 KB each, hard-wrapped at
  76 columns (so most quotes run over a line break), published 1990–2025;
* 2,000 actors (countries, organisations, ministries, media and people);
* events with 1–5 actors and 1–3 sources (1.8 on average);
* about 30% of the quoted sentences in the future tense ("will meet … next
  week"), dated forward from the publication date;
* a wide mix of date words: "last week", "earlier this month", "next year",
  "in March", "three days ago", "on Tuesday", "yesterday", "tomorrow", "last
  spring", "two weeks ago", "a decade ago", "later this month", "early next
  year", explicit dates and years, and "The same day" with `relative_to` the
  event it refers to.

Deterministic for a given seed. `python tests/benchgen.py --shape wide …` runs it.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from tests.benchgen import (
    COUNTRIES,
    EVENT_TEMPLATES,
    FILLER,
    FIRST_NAMES,
    LAST_NAMES,
    MONTHS,
    OUTLETS,
    TOPICS,
    WEEKDAYS,
    _actors,
    _Article,
    _number,
    q,
    slug,
    write_actors,
    write_articles,
)

FIRST_YEAR = 1990
LAST_YEAR = 2025
ARTICLES = 1000
ACTORS = 2000
WIDTH = 76
ARTICLE_CHARS = 4000  # filler is added until an article is about this long
MAX_SENTENCES = 24  # dated sentences per article; then sources cite one already there
FUTURE_SHARE = 0.3
SAME_DAY_SHARE = 0.03
ACTOR_COUNTS = ([1, 2, 3, 4, 5], [25, 35, 20, 12, 8])
SOURCE_COUNTS = ([1, 2, 3], [40, 40, 20])  # 1.8 sources per event

# The future form of each of `EVENT_TEMPLATES`' sentences, in the same order.
FUTURE_SENTENCES = [
    "{s} will meet {o} in {p} {d}.",
    "{s} will hold talks with {o} on {t} issues {d}.",
    "{s} will visit {p} {d} for talks with {o}.",
    "{s} and {o} will sign a {t} agreement {d}.",
    "{s} will criticise {o} over its {t} policy {d}.",
    "{s} will impose new {t} sanctions on {o} {d}.",
    "Trade between {s} and {o} will be reviewed {d}, officials said.",
    "{s} will stage military drills near {p} {d}.",
    "{s} will deliver emergency {t} aid to {o} {d}.",
    "{s} will host a summit with {o} in {p} {d}.",
    "{s} will lodge a formal protest with {o} {d}.",
    "{s} will respond to the {t} proposal of {o} {d}.",
]
# (phrase in the sentence, its date words), both given the publication date.
Phrase = Callable[[random.Random, date], tuple[str, str]]


def _same(text: str) -> tuple[str, str]:
    return text, text


PAST: list[tuple[Phrase, bool]] = [  # (phrase, whether it gives a single day)
    (lambda r, p: _same("last week"), False),
    (lambda r, p: _same("last month"), False),
    (lambda r, p: _same("last year"), False),
    (lambda r, p: (lambda w: ("in " + w, w))(r.choice(MONTHS)), False),
    (lambda r, p: _same(f"{_number(r.randint(2, 12), r)} days ago"), True),
    (lambda r, p: _same(f"{_number(r.randint(2, 5), r)} weeks ago"), False),
    (lambda r, p: _same(f"{_number(r.randint(2, 30), r)} years ago"), False),
    (lambda r, p: _same("a decade ago"), False),
    (lambda r, p: (lambda w: ("on " + w, w))(r.choice(WEEKDAYS)), True),
    (lambda r, p: _same("last " + r.choice(WEEKDAYS)), True),
    (lambda r, p: _same("yesterday"), True),
    (lambda r, p: _same("late last year"), False),
    (lambda r, p: _same("last spring"), False),
    (lambda r, p: (lambda w: ("in " + w, w))(str(r.randint(p.year - 30, p.year - 1))), False),
    (lambda r, p: (lambda w: ("in " + w, w))(f"mid-{r.randint(p.year - 20, p.year - 1)}"), False),
    (lambda r, p: (lambda d: (lambda w: ("on " + w, w))(f"{d.day} {MONTHS[d.month - 1]} {d.year}"))(
        p - timedelta(days=r.randint(30, 9000))), True),
]
FUTURE: list[tuple[Phrase, bool]] = [
    (lambda r, p: _same("next week"), False),
    (lambda r, p: _same("next month"), False),
    (lambda r, p: _same("next year"), False),
    (lambda r, p: (lambda w: ("in " + w, w))(r.choice(MONTHS)), False),
    (lambda r, p: (lambda w: ("on " + w, w))(r.choice(WEEKDAYS)), True),
    (lambda r, p: _same("next " + r.choice(WEEKDAYS)), True),
    (lambda r, p: _same("tomorrow"), True),
    (lambda r, p: _same(f"in {_number(r.randint(2, 4), r)} weeks"), False),
    (lambda r, p: _same("early next year"), False),
    (lambda r, p: _same("next spring"), False),
    (lambda r, p: (lambda w: ("in " + w, w))(str(r.randint(p.year + 1, p.year + 3))), False),
]


def _past(rng: random.Random, pub: date) -> tuple[str, str, bool]:
    """A past date phrase valid against `pub`: (phrase, date words, single day)."""
    choices = list(PAST)
    if pub.day > 1:
        choices.append((lambda r, p: _same("earlier this month"), False))
    if pub.weekday() > 0:
        choices.append((lambda r, p: _same("earlier this week"), False))
    if pub.month > 1:
        choices.append((lambda r, p: _same("earlier this year"), False))
    make, day = rng.choice(choices)
    phrase, words = make(rng, pub)
    return phrase, words, day


def _future(rng: random.Random, pub: date) -> tuple[str, str, bool]:
    """A future date phrase valid against `pub`: (phrase, date words, single day)."""
    choices = list(FUTURE)
    if pub.day < 25:
        choices.append((lambda r, p: _same("later this month"), False))
    if pub.month < 11:
        choices.append((lambda r, p: _same("later this year"), False))
    make, day = rng.choice(choices)
    phrase, words = make(rng, pub)
    return phrase, words, day


def wrapped_text(rng: random.Random, sentences: list[tuple[str, str]]) -> str:
    """Paragraphs of the sentences and filler, about `ARTICLE_CHARS` long, wrapped at 76."""
    paragraphs: list[str] = []
    paragraph: list[str] = []
    size = 0
    pool = [s for s, _ in sentences]
    while pool or size < ARTICLE_CHARS:
        text = pool.pop(0) if pool else rng.choice(FILLER)
        paragraph.append(text)
        size += len(text) + 1
        if rng.random() < 0.3:
            paragraph.append(rng.choice(FILLER))
            size += 60
        if len(paragraph) >= rng.randint(3, 6):
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    return "\n\n".join(
        textwrap.fill(p, WIDTH, break_long_words=False, break_on_hyphens=False)
        for p in paragraphs
    ) + "\n"


def _wide_actors(rng: random.Random, count: int) -> list[dict[str, object]]:
    """`count` actors; people get a middle initial when first and last names run out."""
    if count <= len(FIRST_NAMES) * len(LAST_NAMES) * 2 // 3:
        return _actors(rng, count)
    actors = _actors(rng, len(FIRST_NAMES) * len(LAST_NAMES) * 2 // 3)
    seen = {str(a["id"]) for a in actors}
    while len(actors) < count:
        name = f"{rng.choice(FIRST_NAMES)} {chr(rng.randint(65, 90))}. {rng.choice(LAST_NAMES)}"
        if slug(name) in seen:
            continue
        seen.add(slug(name))
        actors.append({"id": slug(name), "name": name, "kind": "person",
                       "aliases": [name], "acts_for": [slug(rng.choice(COUNTRIES)[0])]})
    return actors


def generate_wide(
    root: Path, events: int, seed: int = 0, *, articles: int | None = None, actors: int = ACTORS
) -> Path:
    """Write a wide-shaped data folder at `root/data` (seeds in `root/seeds`); return it."""
    rng = random.Random(seed)
    data_dir, seeds_dir = root / "data", root / "seeds"
    data_dir.mkdir(parents=True, exist_ok=True)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    n_articles = articles if articles is not None else max(3, min(ARTICLES, events // 3))
    actor_list = _wide_actors(rng, max(len(COUNTRIES), min(actors, events)))
    used: set[str] = set()
    first = date(FIRST_YEAR, 1, 1).toordinal()
    last = date(LAST_YEAR, 12, 31).toordinal()
    arts: list[_Article] = []
    for i in range(n_articles):
        pub = date.fromordinal(rng.randint(first, last))
        author = (
            None if rng.random() < 0.3 else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        )
        arts.append(_Article(f"{slug(rng.choice(OUTLETS))}-{pub.isoformat()}-{i:04d}",
                             f"w{i:05d}_{seed}.txt", pub, rng.choice(OUTLETS), author))
    # (article, sentence) -> the event its "The same day" refers to
    refers: dict[tuple[str, str], str] = {}
    # Events dated to one day by one source, and whether the day is still to come: a
    # "The same day" sentence takes its tense, as an article's would.
    day_events: list[tuple[str, _Article, bool]] = []
    lines = ["# Synthetic events for the benchmark (tests/benchgen.py --shape wide).", "events:"]
    out = lines.append
    for n in range(events):
        t = rng.randrange(len(EVENT_TEMPLATES))
        kind, title_t, past_t = EVENT_TEMPLATES[t]
        picked = [actor_list[n] if n < len(actor_list) else rng.choice(actor_list)]
        for _ in range(rng.choices(*ACTOR_COUNTS)[0] - 1):
            other = rng.choice(actor_list)
            if all(other is not a for a in picked):
                picked.append(other)
        subj, obj = picked[0], picked[-1] if len(picked) > 1 else rng.choice(actor_list)
        used.update(str(a["id"]) for a in picked)
        words = {"s": rng.choice([subj["name"], *subj["aliases"]]),  # type: ignore[list-item]
                 "o": obj["name"], "p": str(rng.choice(rng.choice(COUNTRIES)[1] or ["Geneva"])),
                 "t": rng.choice(TOPICS)}
        title = title_t.format(**{**words, "s": subj["name"]})
        event_id = f"ev-{n:06d}-{slug(title)[:40].strip('-')}"
        out(f"  - id: {event_id}")
        out(f"    title: {q(title[0].upper() + title[1:])}")
        if rng.random() < 0.5:
            summary = " ".join(past_t.format(**words, d="").split())
            out(f"    summary: {q(summary.replace(' .', '.'))}")
        out(f"    kind: {kind}")
        out(f"    actors: [{', '.join(str(a['id']) for a in picked)}]")
        out("    sources:")
        cited = rng.sample(arts, k=min(len(arts), rng.choices(*SOURCE_COUNTS)[0]))
        single_day = len(cited) == 1
        future = False
        for art in cited:
            if len(art.sentences) >= MAX_SENTENCES:
                sentence, date_text = rng.choice(art.sentences)
                single_day = False
            elif day_events and rng.random() < SAME_DAY_SHARE:
                target, art, to_come = rng.choice(day_events)
                template = FUTURE_SENTENCES[t] if to_come else past_t
                body = " ".join(template.format(**words, d="").replace(" .", ".").split())
                body = "t" + body[1:] if body.startswith("Trade ") else body
                sentence, date_text = "The same day, " + body, "The same day"
                art.sentences.append((sentence, date_text))
                refers[(art.id, sentence)] = target
                single_day = False
            else:
                future = rng.random() < FUTURE_SHARE
                phrase, date_text, day = (_future if future else _past)(rng, art.published)
                sentence = (FUTURE_SENTENCES[t] if future else past_t).format(**words, d=phrase)
                sentence = sentence[0].upper() + sentence[1:]
                art.sentences.append((sentence, date_text))
                single_day = single_day and day
            out(f"      - article: {art.id}")
            out(f"        quote: {q(sentence)}")
            out(f"        date_text: {q(date_text)}")
            if (art.id, sentence) in refers:
                out(f"        relative_to: {refers[(art.id, sentence)]}")
        if single_day:
            day_events.append((event_id, cited[0], future))
    (data_dir / "events.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_articles(data_dir, seeds_dir, arts, rng, wrapped_text)
    write_actors(data_dir, actor_list, used)
    return data_dir
