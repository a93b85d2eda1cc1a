"""The drafts file `timeline draft` writes: one candidate event per dated sentence.

Each candidate is its article, its sentence as the quote, its date words and the
actors named in it, with the resolved date and the sentence's other date words
as comments; the sentences dated only by another mention are listed at the end.
Every string reads back as the article's characters (`_yaml_string`), and every
comment stays on one line and shows no control character (`_comment`).
"""

from __future__ import annotations

import json

from tui.dates import format_span
from tui.dates.tagger import Tag
from tui.safetext import json_safe, visible
from tui.workbench import Drafts


def drafts_yaml(article_id: str, drafts: Drafts) -> str:
    """The drafts file: one entry per candidate, the resolved date as a comment; the
    sentences left out listed in comments at the end, with what they need."""
    candidates = drafts.candidates
    lines = [
        f"# Draft events from article {article_id}, made by `timeline draft`.",
        "# Each entry is a candidate. To keep one, write it into events.yaml as an event,",
        "# its article, quote and date words (and date_basis or relation) as one source:",
        "#   - id: a-new-id",
        "#     title: what happened, in the article's terms",
        "#     kind: meeting",
        "#     actors: [an-actor-id]",
        "#     sources:",
        "#       - article: ...",
        "#         quote: \"...\"",
        "#         date_text: \"...\"",
        "# and delete it here. `timeline check` validates this file.",
        # An empty list, not a null: `check` reads "drafts:" alone as no list at all.
        "drafts:" if candidates else "drafts: []",
    ]
    for c in candidates:
        span = c.tag.span
        when = f"{format_span(span)} ({span.relation})" if span else "unresolved"
        lines.append(f"  - article: {article_id}  # resolves to {when}")
        lines.append(f"    quote: {_yaml_string(c.quote)}")
        lines.append(f"    date_text: {_yaml_string(c.date_text)}")
        if c.also:
            others = ", ".join(
                f"{_yaml_string(words)} ({_reading_of(t)})" for words, t in c.also
            )
            lines.append(_comment(f"    # other date words in the quote: {others}"))
        if c.doubt is not None:
            lines.append(_comment(f"    # check will warn: {c.doubt}"))
        lines.append(f"    actors: [{', '.join(c.actors)}]")
        if c.restates:
            lines.append(f"    restates: {c.restates}  # an event already quotes this sentence")
    if drafts.left_out:
        lines += [
            "",
            "# Not drafted: sentences whose date words give no date on their own, and",
            "# datelines and headings. Each is followed by its reading: an event's",
            "# relative_to where one quotes the words, else the tagger's guess, or why the",
            "# words do not date it. As an event, a source whose words refer to another",
            "# mention takes 'relative_to: <the id of the event it refers to>'.",
        ]
        for sentence, tag, quoted_by in drafts.left_out:
            # A reading ("1 week after …, which is Sun 16 Mar 2025 → Sun 23 Mar 2025"),
            # without the chain of explanations after it; or why there is none.
            reading = tag.reason if tag.span is None else tag.reason.split(": ", 1)[-1].split(
                ". That date: "
            )[0]
            lines.append(_comment(f"#   {' '.join(sentence.split())}"))
            lines.append(_comment(f"#     {_yaml_string(tag.text)}: {reading}"))
            if quoted_by is not None:
                lines.append(_comment(f"#     already quoted by event '{quoted_by}'"))
    return "\n".join(lines) + "\n"


def _reading_of(tag: Tag) -> str:
    """Other date words of a draft's quote as its comment gives them: their date, or
    that they count from another mention (the event may need `relative_to`)."""
    if tag.reference:
        return "counts from another mention: relative_to"
    return format_span(tag.span) if tag.span is not None else "no date of their own"


# Characters YAML reads as line breaks, though JSON and `visible` leave them be.
_YAML_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _yaml_string(text: str) -> str:
    """`text` as a double-quoted YAML string that reads back as the same characters,
    every control character escaped (`json_safe`: C1 and bidi controls too, which a
    terminal showing the file, or `draft --output -`, would act on)."""
    quoted = json_safe(json.dumps(text, ensure_ascii=False))
    for char, escape in _YAML_BREAKS.items():
        quoted = quoted.replace(char, escape)
    return quoted


def _comment(line: str) -> str:
    """A comment line of the drafts file: made visible, and kept on one line."""
    for char in _YAML_BREAKS:
        line = line.replace(char, " ")
    return visible(line)
