"""Draft events (`data/drafts/*.yaml`): checked like sources, never shown as events.

A draft is what `timeline draft` proposes: an article, a quote, its date words
and the actors it names, and possibly the event it restates. `check` validates
every draft as it validates an event's source, so a curator moving a draft into
`events.yaml` moves something that already passes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tui.datafiles import DRAFTS_DIR
from tui.dates import Anchor, ResolveError, date_by_publication, date_from_words
from tui.loading.collect import Problems
from tui.loading.quotes import FoldedText, fold_space
from tui.loading.reading import read_text_file
from tui.loading.schema import Field, check_shape, read_values, suggest
from tui.model import Actor, Article
from tui.yamlread import line_of, load_yaml

DRAFT = (
    Field("article", True),
    Field("quote", True),
    Field("date_text", True),
    Field("date_basis", kind="choice", choices=("publication",)),
    Field("relation"),
    Field("actors", kind="texts"),
    Field("restates"),
)


def check_drafts(
    data_dir: Path,
    articles: dict[str, Article],
    folded: dict[str, FoldedText],
    actors: dict[str, Actor],
    event_ids: set[str],
    problems: Problems,
) -> int:
    """Check every draft file; return how many drafts they hold."""
    folder = data_dir / DRAFTS_DIR
    if not folder.is_dir():
        return 0
    count = 0
    for path in sorted(folder.glob("*.yaml")):
        name = f"{DRAFTS_DIR}/{path.name}"
        text = read_text_file(path, name, problems, what="drafts file")
        if text is None:
            continue
        try:
            doc: Any = load_yaml(text)  # drafts are small: always the located parser
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.add(
                name,
                mark.line + 1 if mark else None,
                f"malformed YAML: {getattr(exc, 'problem', None) or exc}",
                "check indentation, colons and quoting on this line or the one above",
            )
            continue
        if not isinstance(doc, dict) or not isinstance(doc.get("drafts"), list):
            problems.add(name, 1, "expected a 'drafts:' list at the top", "see `timeline draft`")
            continue
        items = doc["drafts"]
        for i, entry in enumerate(items):
            count += 1
            at = problems.at(name, entry, "draft", line_of(items, i))
            if not check_shape(entry, DRAFT, at):
                continue
            values = read_values(entry, DRAFT, at)
            if values is None:
                continue
            for actor_id, line in values["actors"]:
                if actor_id not in actors:
                    at.add_at(
                        line,
                        f"unknown actor '{actor_id}' in draft",
                        suggest(actor_id, sorted(actors)),
                    )
            restates = values["restates"]
            if restates is not None and restates not in event_ids:
                at.add(
                    "restates",
                    f"draft restates unknown event '{restates}'",
                    suggest(restates, sorted(event_ids)),
                )
            article = articles.get(values["article"])
            if article is None:
                at.add(
                    "article",
                    f"unknown article '{values['article']}'",
                    suggest(values["article"], sorted(articles)),
                )
                continue
            found = folded[article.id].find(values["quote"])
            if found is None:
                at.add(
                    "quote",
                    f"quote not found in article '{article.id}' ({article.file})",
                    "quotes must be the article's exact words",
                )
                continue
            if (
                fold_space(values["date_text"]).casefold()
                not in fold_space(values["quote"]).casefold()
            ):
                at.add(
                    "date_text",
                    f'date words "{values["date_text"]}" are not in the quote',
                    "date_text must be words of the quote",
                )
                continue
            anchor = Anchor(article.published, article.earliest, article.latest)
            try:
                if values["date_basis"] == "publication":
                    date_by_publication(values["date_text"], anchor, values["relation"])
                else:
                    date_from_words(
                        values["date_text"],
                        article.text[found[0] : found[1]],
                        anchor,
                        values["relation"],
                    )
            except ResolveError as exc:
                at.add(
                    "date_text",
                    f'cannot resolve date words "{values["date_text"]}": {exc}',
                    "use the article's own words for the time",
                )
    return count
