"""Generate a large, realistic synthetic data folder for the benchmark.

`generate(root, events, seed)` writes `root/data/{articles,actors,events}.yaml` and
`root/seeds/*.txt` in the project's own format, such that `load_timeline` accepts
it with no problem:

* a few hundred seed articles, each with a publication date somewhere between
  1955 and 2025 (so the timeline spans many decades), made of paragraphs of
  sentences in the past tense, most of which carry date words;
* about 200 actors: countries (with capitals and short names as aliases),
  organisations and ministries (some acting for a country), people acting for a
  country and sometimes a ministry, each person with a surname or title alias;
* N events, each with 1-3 actors and 1-2 sources whose `quote` is a verbatim
  sentence of the cited article and whose `date_text` is date words of that
  sentence ("on Saturday", "June 17", "earlier this month", "75 years ago",
  "1950–1953", "around July 11", "mid-2003", ...), valid for the article's date.

This is the "narrow" shape, the default; `--shape wide` writes another, unlike
it in every dimension (`tests/benchgen_wide.py`: 1,000 articles of about 4 KB
hard-wrapped at 76 columns, 2,000 actors, 1-5 actors and 1-3 sources per event,
a third of the sentences in the future tense, more kinds of date words).

Deterministic for a given seed. Usable from the command line:

    python tests/benchgen.py --events 10000 [--shape narrow|wide] OUT_DIR
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# At most this many dated sentences per article; beyond it, new sources cite a
# sentence the article already has (one line can report several events).
MAX_SENTENCES = 200
FIRST_YEAR = 1955
LAST_YEAR = 2025

COUNTRIES = [
    ("China", ["Beijing"]), ("North Korea", ["Pyongyang", "the North"]),
    ("South Korea", ["Seoul"]), ("Japan", ["Tokyo"]), ("Russia", ["Moscow"]),
    ("United States", ["Washington", "U.S."]), ("Mongolia", ["Ulaanbaatar"]),
    ("Vietnam", ["Hanoi"]), ("Laos", ["Vientiane"]), ("Cambodia", ["Phnom Penh"]),
    ("Thailand", ["Bangkok"]), ("Myanmar", ["Naypyidaw", "Burma"]), ("India", ["New Delhi"]),
    ("Pakistan", ["Islamabad"]), ("Indonesia", ["Jakarta"]), ("Malaysia", ["Kuala Lumpur"]),
    ("Philippines", ["Manila"]), ("Singapore", []), ("Australia", ["Canberra"]),
    ("New Zealand", ["Wellington"]), ("Canada", ["Ottawa"]), ("Mexico", ["Mexico City"]),
    ("Brazil", ["Brasília"]), ("Argentina", ["Buenos Aires"]), ("Chile", ["Santiago"]),
    ("Germany", ["Berlin"]), ("France", ["Paris"]), ("United Kingdom", ["London", "Britain"]),
    ("Italy", ["Rome"]), ("Spain", ["Madrid"]), ("Poland", ["Warsaw"]), ("Ukraine", ["Kyiv"]),
    ("Turkey", ["Ankara", "Türkiye"]), ("Iran", ["Tehran"]), ("Egypt", ["Cairo"]),
    ("Nigeria", ["Abuja"]), ("Kenya", ["Nairobi"]), ("South Africa", ["Pretoria"]),
    ("Ethiopia", ["Addis Ababa"]), ("Kazakhstan", ["Astana"]),
]
ORGANISATIONS = [
    ("United Nations", ["UN"]), ("UN Security Council", ["Security Council"]),
    ("Association of Southeast Asian Nations", ["ASEAN"]), ("African Union", ["AU"]),
    ("European Union", ["EU", "Brussels"]), ("World Bank", []),
    ("International Monetary Fund", ["IMF"]), ("World Health Organization", ["WHO"]),
    ("International Atomic Energy Agency", ["IAEA"]), ("Red Cross", ["ICRC"]),
    ("Group of Seven", ["G7"]), ("Group of Twenty", ["G20"]), ("NATO", []),
    ("Shanghai Cooperation Organisation", ["SCO"]), ("World Food Programme", ["WFP"]),
]
MINISTRY_KINDS = ["Foreign Ministry", "Defence Ministry", "Trade Ministry"]
MEDIA = [("Korean Central News Agency", "KCNA", "North Korea"),
         ("Xinhua", "Xinhua News Agency", "China"), ("Yonhap", "Yonhap News", "South Korea"),
         ("Kyodo", "Kyodo News", "Japan"), ("TASS", "TASS agency", "Russia")]
FIRST_NAMES = (
    "Kim Lee Park Wang Zhang Liu Chen Ivan Sergei Olga Maria Anna Juan Carlos Ahmed Fatima "
    "Hiroshi Yuki Akira Nguyen Tran Priya Arjun Rahul Siti Ahmad Jose Ana Luis Pierre Claire "
    "Hans Greta Marco Giulia Piotr Ewa Mehmet Ayse Reza Amina Chidi Wanjiru Thabo Abebe Aigerim "
    "Nurlan Somchai Bolor Sokha Thida Grace John Mary David Sarah James Emma Oliver Sofia"
).split()
LAST_NAMES = (
    "Jong Min Ho Wei Jun Tao Petrov Ivanova Silva Santos Garcia Haddad Tanaka Sato Suzuki "
    "Minh Sharma Gupta Rahman Wijaya Reyes Dubois Martin Schmidt Becker Rossi Bianchi Nowak "
    "Kowalski Yilmaz Kaya Karimi Hassan Okafor Mwangi Nkosi Tadesse Bekov Suleimenov "
    "Sukprasert Batbayar Chea Aung Smith Brown Taylor Wilson Clarke Hughes Morgan Evans"
).split()
ROLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "envoy",
         "Ambassador", "General", "Minister"]
TOPICS = ["trade", "border", "nuclear", "fisheries", "energy", "railway", "aid", "security",
          "climate", "tourism", "mining", "shipping", "water", "grain", "cultural"]
OUTLETS = ["The Korea Times", "Reuters", "Associated Press", "Agence France-Presse",
           "The Japan Times", "South China Morning Post", "NK News", "The Diplomat",
           "Nikkei Asia", "BBC News", "Yonhap", "The Guardian", "Al Jazeera", "Kyodo News"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                "nine", "ten", "eleven", "twelve"]

# (kind, title template, sentence template); {s} subject, {o} object, {p} place,
# {t} topic, {d} the date phrase. Every sentence is in the past tense, with the
# date phrase in the clause of a past verb.
EVENT_TEMPLATES = [
    ("meeting", "{s} meets {o}", "{s} met {o} in {p} {d}."),
    ("meeting", "{s} holds talks with {o}", "{s} held talks with {o} on {t} issues {d}."),
    ("visit", "{s} visits {p}", "{s} visited {p} {d} for talks with {o}."),
    ("treaty", "{s} and {o} sign a {t} agreement", "{s} and {o} signed a {t} agreement {d}."),
    ("statement", "{s} criticises {o}", "{s} criticised {o} over its {t} policy {d}."),
    ("sanction", "{s} imposes sanctions on {o}", "{s} imposed new {t} sanctions on {o} {d}."),
    ("trade", "Trade between {s} and {o} falls",
     "Trade between {s} and {o} declined sharply {d}, customs figures showed."),
    ("military", "{s} holds military drills", "{s} staged military drills near {p} {d}."),
    ("aid", "{s} sends aid to {o}", "{s} delivered emergency {t} aid to {o} {d}."),
    ("summit", "{s} hosts a summit with {o}", "{s} hosted a summit with {o} in {p} {d}."),
    ("protest", "{s} protests to {o}", "{s} lodged a formal protest with {o} {d}."),
    ("statement", "{s} welcomes {o}'s {t} plan", "{s} welcomed the {t} proposal of {o} {d}."),
]
FILLER = [
    "Analysts described the relationship as complex and often uneasy.",
    "The statement gave few details about the substance of the discussions.",
    "Officials on both sides declined to comment further.",
    "The region has long been shaped by rivalry among larger powers.",
    "Observers noted the careful wording of the official account.",
    "Diplomats familiar with the matter spoke on condition of anonymity.",
    "The ties between the two governments have deep historical roots.",
    "Critics questioned whether the arrangement would last.",
]


@dataclass
class _Article:
    """An article being written: its date and its sentences."""

    id: str
    file: str
    published: date
    outlet: str
    author: str | None
    sentences: list[tuple[str, str]] = field(default_factory=list)  # (sentence, date_text)


def slug(text: str) -> str:
    """A lower-case id made of letters, digits and '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def q(text: str | None) -> str:
    """A YAML scalar: a JSON string (a valid YAML double-quoted scalar) or null."""
    return "null" if text is None else json.dumps(text, ensure_ascii=False)


def _number(n: int, rng: random.Random) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) and rng.random() < 0.5 else str(n)


def _date_phrase(rng: random.Random, pub: date) -> tuple[str, str]:
    """(phrase in the sentence, its date words) that resolve against `pub` in the past."""
    y = pub.year
    choices: list[Callable[[], tuple[str, str]]] = [
        lambda: ("on " + rng.choice(WEEKDAYS),) * 2,
        lambda: (lambda w: ("on " + w, w))(rng.choice(WEEKDAYS)),
        lambda: (lambda w: ("on " + w, w))(f"{rng.choice(MONTHS)} {rng.randint(1, 28)}"),
        lambda: ("in " + rng.choice(MONTHS),) * 2,
        lambda: (lambda w: (w, w))(f"{_number(rng.randint(2, 80), rng)} years ago"),
        lambda: (lambda w: (w, w))(f"{_number(rng.randint(2, 11), rng)} months ago"),
        lambda: (lambda w: (w, w))(f"{_number(rng.randint(2, 12), rng)} days ago"),
        lambda: (lambda w: (w, w))(f"around {rng.choice(MONTHS)} {rng.randint(1, 28)}"),
        lambda: ("last week",) * 2,
        lambda: ("last month",) * 2,
        lambda: ("last year",) * 2,
        lambda: (lambda w: (w, w))("last " + rng.choice(WEEKDAYS)),
        lambda: (lambda w: ("in " + w, w))(str(rng.randint(y - 60, y - 1))),
        lambda: (lambda w: ("in " + w, w))(f"mid-{rng.randint(y - 40, y - 1)}"),
        lambda: (lambda w: ("in " + w, w))(
            f"{rng.choice(['early', 'late'])} {rng.randint(y - 40, y - 1)}"
        ),
        lambda: (lambda w: ("in " + w, w))(f"{rng.choice(MONTHS)} {rng.randint(y - 30, y - 1)}"),
        lambda: (lambda a: (lambda w: ("during " + w, w))(f"{a}–{a + rng.randint(1, 6)}"))(
            rng.randint(y - 70, y - 8)
        ),
        lambda: (lambda d: (lambda w: ("on " + w, w))(f"{d.day} {MONTHS[d.month - 1]} {d.year}"))(
            pub - timedelta(days=rng.randint(30, 20_000))
        ),
        lambda: (lambda w: ("in " + w, w))(f"the {(y // 10 - rng.randint(1, 5)) * 10}s"),
    ]
    if pub.day > 1:
        choices.append(lambda: ("earlier this month",) * 2)
    if pub.weekday() > 0:
        choices.append(lambda: ("earlier this week",) * 2)
    if pub.month > 1:
        choices.append(lambda: ("earlier this year",) * 2)
    return rng.choice(choices)()


def _actors(rng: random.Random, count: int) -> list[dict[str, object]]:
    """About `count` actors: countries, organisations, ministries, media and people."""
    actors: list[dict[str, object]] = []
    for name, aliases in COUNTRIES:
        actors.append({"id": slug(name), "name": name, "kind": "country",
                       "aliases": [name, *aliases], "acts_for": []})
    for name, aliases in ORGANISATIONS:
        actors.append({"id": slug(name), "name": name, "kind": "organisation",
                       "aliases": aliases, "acts_for": []})
    for name, alias, country in MEDIA:
        actors.append({"id": slug(name), "name": name, "kind": "media",
                       "aliases": [alias], "acts_for": [slug(country)]})
    for country, _ in COUNTRIES[:12]:
        for ministry in MINISTRY_KINDS:
            name = f"{ministry} of {country}"
            actors.append({"id": slug(name), "name": name, "kind": "government-body",
                           "aliases": [f"{country}'s {ministry.lower()}"],
                           "acts_for": [slug(country)]})
    seen = {a["id"] for a in actors}
    bodies = [a for a in actors if a["kind"] == "government-body"]
    while len(actors) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        aid = slug(name)
        if aid in seen:
            continue
        seen.add(aid)
        country = slug(rng.choice(COUNTRIES)[0])
        acts_for = [country]
        ministries = [b["id"] for b in bodies if country in b["acts_for"]]  # type: ignore[operator]
        if ministries and rng.random() < 0.3:
            acts_for.insert(0, rng.choice(ministries))
        surname = name.split()[-1]
        actors.append({"id": aid, "name": name, "kind": "person",
                       "aliases": [name, f"{rng.choice(ROLES)} {surname}"],
                       "acts_for": acts_for})
    return actors[:count] if count < len(actors) else actors


def _article_text(rng: random.Random, sentences: list[tuple[str, str]]) -> str:
    """Paragraphs of the article's sentences, with filler sentences between them."""
    lines: list[str] = []
    paragraph: list[str] = []
    for sentence, _ in sentences:
        paragraph.append(sentence)
        if rng.random() < 0.25:
            paragraph.append(rng.choice(FILLER))
        if len(paragraph) >= rng.randint(3, 6):
            lines.append(" ".join(paragraph))
            paragraph = []
    while len(lines) < 3 or paragraph:
        paragraph.append(rng.choice(FILLER))
        lines.append(" ".join(paragraph))
        paragraph = []
    return "\n\n".join(lines) + "\n"


def _random_date(rng: random.Random) -> date:
    first = date(FIRST_YEAR, 1, 1).toordinal()
    last = date(LAST_YEAR, 12, 31).toordinal()
    return date.fromordinal(rng.randint(first, last))


def write_articles(
    data_dir: Path,
    seeds_dir: Path,
    arts: list[_Article],
    rng: random.Random,
    make_text: Callable[[random.Random, list[tuple[str, str]]], str],
) -> None:
    """Write every article's seed text (`make_text`) and `articles.yaml`.

    Half the articles (at random) have an inferred publication date: a window of
    up to five days around `published`.
    """
    alines = ["# Synthetic articles for the benchmark (tests/benchgen.py).", "articles:"]
    for art in arts:
        (seeds_dir / art.file).write_text(make_text(rng, art.sentences), encoding="utf-8")
        alines += [
            f"  - id: {art.id}",
            f"    file: {q(art.file)}",
            f"    title: {q(f'Report from {art.outlet} of {art.published:%d %B %Y}')}",
            "    title_basis: descriptive",
            f"    outlet: {q(art.outlet)}",
            f"    author: {q(art.author)}",
            f'    published: "{art.published.isoformat()}"',
        ]
        basis = rng.choice(["stated", "inferred"])
        if basis == "inferred":  # an inferred date is a window of a few days
            earliest = art.published - timedelta(days=rng.randint(0, 2))
            latest = art.published + timedelta(days=rng.randint(0, 2))
            alines += [
                f'    published_earliest: "{earliest.isoformat()}"',
                f'    published_latest: "{latest.isoformat()}"',
            ]
        alines += [
            f"    published_basis: {basis}",
            f"    published_note: {q('Generated for the benchmark.')}",
        ]
    (data_dir / "articles.yaml").write_text("\n".join(alines) + "\n", encoding="utf-8")


def write_actors(data_dir: Path, actor_list: list[dict[str, object]], used: set[str]) -> None:
    """Write `actors.yaml`: every actor an event names or another acts for."""
    bodies = {b for a in actor_list for b in a["acts_for"]}  # type: ignore[attr-defined]
    clines = ["# Synthetic actors for the benchmark (tests/benchgen.py).", "actors:"]
    for a in actor_list:
        if a["id"] not in used and a["id"] not in bodies:
            continue  # only possible with fewer events than actors
        clines += [f"  - id: {a['id']}", f"    name: {q(str(a['name']))}",
                   f"    kind: {a['kind']}"]
        if a["aliases"]:
            clines.append(f"    aliases: [{', '.join(q(x) for x in a['aliases'])}]")  # type: ignore[attr-defined]
        if a["acts_for"]:
            clines.append(f"    acts_for: [{', '.join(a['acts_for'])}]")  # type: ignore[arg-type]
    (data_dir / "actors.yaml").write_text("\n".join(clines) + "\n", encoding="utf-8")


def generate(
    root: Path, events: int, seed: int = 0, *, articles: int | None = None, actors: int = 200
) -> Path:
    """Write a synthetic data folder at `root/data` (seeds in `root/seeds`); return it.

    `events` events citing `articles` articles (default: a third of the events,
    between 3 and 300) and naming about `actors` actors. The same `seed` gives
    the same files.
    """
    rng = random.Random(seed)
    data_dir = root / "data"
    seeds_dir = root / "seeds"
    data_dir.mkdir(parents=True, exist_ok=True)
    seeds_dir.mkdir(parents=True, exist_ok=True)

    n_articles = articles if articles is not None else max(3, min(300, events // 3))
    # every actor must be named by an event (or acted for): not more actors than events
    n_actors = max(len(COUNTRIES), min(actors, events))
    actor_list = _actors(rng, n_actors)
    countries = [a for a in actor_list if a["kind"] == "country"]
    used: set[str] = set()

    arts = []
    for i in range(n_articles):
        pub = _random_date(rng)
        aid = f"{slug(rng.choice(OUTLETS))}-{pub.isoformat()}-{i:04d}"
        author = None if rng.random() < 0.3 else (
            f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        )
        arts.append(_Article(aid, f"{i:05d}_{seed}.txt", pub, rng.choice(OUTLETS), author))

    lines = ["# Synthetic events for the benchmark (tests/benchgen.py).", "events:"]
    out = lines.append
    for n in range(events):
        kind, title_t, sentence_t = EVENT_TEMPLATES[rng.randrange(len(EVENT_TEMPLATES))]
        # The first events name every actor once, so none is unused.
        subj = actor_list[n] if n < len(actor_list) else rng.choice(actor_list)
        obj = rng.choice(actor_list)
        while obj is subj:
            obj = rng.choice(actor_list)
        ids = [subj["id"], obj["id"]]
        if rng.random() < 0.3:
            extra = rng.choice(countries)["id"]
            if extra not in ids:
                ids.append(extra)
        if rng.random() < 0.25:
            ids = ids[:1]  # some events name only their subject
        used.update(ids)  # type: ignore[arg-type]
        words = {
            "s": rng.choice([subj["name"], *subj["aliases"]]),  # type: ignore[list-item]
            "o": obj["name"],
            "p": str(rng.choice(rng.choice(COUNTRIES)[1] or ["Geneva"])),
            "t": rng.choice(TOPICS),
        }
        title = title_t.format(**{**words, "s": subj["name"]})
        title = title[0].upper() + title[1:]
        out(f"  - id: ev-{n:06d}-{slug(title)[:40].strip('-')}")
        out(f"    title: {q(title)}")
        if rng.random() < 0.5:
            summary = " ".join(sentence_t.format(**words, d="").split())
            out(f"    summary: {q(summary.replace(' .', '.').replace(' ,', ','))}")
        out(f"    kind: {kind}")
        out(f"    actors: [{', '.join(str(i) for i in ids)}]")
        out("    sources:")
        cited = rng.sample(arts, k=min(len(arts), 1 if rng.random() < 0.6 else 2))
        for art in cited:
            if len(art.sentences) >= MAX_SENTENCES:
                sentence, date_text = rng.choice(art.sentences)
            else:
                phrase, date_text = _date_phrase(rng, art.published)
                sentence = sentence_t.format(**words, d=phrase)
                sentence = sentence[0].upper() + sentence[1:]
                art.sentences.append((sentence, date_text))
            out(f"      - article: {art.id}")
            out(f"        quote: {q(sentence)}")
            out(f"        date_text: {q(date_text)}")
    (data_dir / "events.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    write_articles(data_dir, seeds_dir, arts, rng, _article_text)
    write_actors(data_dir, actor_list, used)
    return data_dir


SHAPES = ("narrow", "wide")


def generate_shape(shape: str, root: Path, events: int, seed: int = 0) -> Path:
    """`generate` (shape "narrow") or `generate_wide` (shape "wide"); the data folder."""
    if shape == "narrow":
        return generate(root, events, seed)
    if shape == "wide":
        from tests.benchgen_wide import generate_wide

        return generate_wide(root, events, seed)
    raise ValueError(f"unknown shape {shape!r}; one of {', '.join(SHAPES)}")


def main(argv: list[str] | None = None) -> int:
    """`python tests/benchgen.py --events N [--shape S] [--seed S] [--check] OUT_DIR`."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write data/ and seeds/ into")
    parser.add_argument("--events", type=int, default=10_000, help="number of events")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    parser.add_argument("--articles", type=int, default=None, help="number of articles")
    parser.add_argument("--shape", choices=SHAPES, default="narrow",
                        help="narrow (the default) or wide (see tests/benchgen_wide.py)")
    parser.add_argument("--check", action="store_true", help="load the result and report")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    start = time.perf_counter()
    if args.shape == "wide":
        from tests.benchgen_wide import generate_wide

        data_dir = generate_wide(args.out, args.events, args.seed, articles=args.articles)
    else:
        data_dir = generate(args.out, args.events, args.seed, articles=args.articles)
    print(f"wrote {data_dir} in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    if args.check:
        from tui.load import load_timeline
        from tui.problems import DataError

        start = time.perf_counter()
        try:
            timeline = load_timeline(data_dir)
        except DataError as exc:
            for problem in exc.problems[:20]:
                print(problem, file=sys.stderr)
            print(f"{len(exc.problems)} problems", file=sys.stderr)
            return 1
        years = [e.start.year for e in timeline.events]
        print(f"loaded {len(timeline.events)} events, {len(timeline.actors)} actors, "
              f"{len(timeline.articles)} articles, {min(years)}–{max(years)} "
              f"in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
