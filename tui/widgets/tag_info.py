"""The expression pane of the article view: what the selected date words resolve to."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.dates import format_span
from tui.dates.tagger import Tag
from tui.safetext import visible


def describe_tag(tag: Tag | None, number: int, count: int) -> str:
    """Expression `number` of `count`: its words, date, type, TIMEX and explanation."""
    if tag is None:
        if count == 0:
            return "No expression of time found in this article."
        return f"{count} expressions of time: n / ] for the next, N / [ for the previous."
    span = tag.span
    lines = [
        f'Expression {number} of {count}: "{tag.text}"',
        # Another relation than "on" leads the date already ("as of ≈ 2024-04-13–04-19").
        f"Date: {format_span(span)}{' (on)' if span.relation == 'on' else ''}"
        if span
        else "Date: none",
        f"Type: {tag.type}   TIMEX: {tag.timex or '—'}",
        f"Why: {tag.reason}",
    ]
    return "\n".join(visible(line) for line in lines)


class TagInfo(Static):
    """The selected expression's resolved date, type, TIMEX and explanation."""

    plain: str = ""

    DEFAULT_CSS = """
    TagInfo {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, tag: Tag | None, number: int, count: int) -> None:
        """Describe `tag`, expression `number` of `count` (None: none selected yet)."""
        self.show_text(describe_tag(tag, number, count))

    def show_text(self, plain: str) -> None:
        """Show `plain` (already made visible) as it is."""
        self.plain = plain
        self.update(Text(plain))
