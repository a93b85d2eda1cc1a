"""The event pane's Sources list: each quote on one line, its own marks not doubled."""

from __future__ import annotations

from tui.event_text import describe_parts, plain
from tui.load import default_data_dir, load_timeline


def test_a_quote_with_its_own_marks_is_not_marked_again() -> None:
    """Park Won-gon's words open with the article's “ and run over a paragraph break."""
    timeline = load_timeline(default_data_dir())
    event = timeline.event_by_id["kim-yo-jong-dismisses-us-expectations"]
    assert event.sources[1].quote.startswith("“Kim Yo-jong’s recent comment")
    assert "\n" in event.sources[1].quote  # the break is in the data, as in the article
    _, sources = describe_parts(timeline, event)
    # Under each outlet, its publication date and the date it gives, then the quote.
    dated, first = plain(sources[0][1]).split("\n")
    assert dated == "published 2021-06-24, dates it by 2021-06-22 Tue"
    second = plain(sources[1][1]).split("\n")[1]
    # Ending with a quotation of its own ("have not changed …"), it is marked as quoted.
    assert first.startswith("“Though Kim Yo-jong") and first.endswith("diplomacy.””")
    assert second.startswith("“Kim Yo-jong’s recent") and not second.startswith("““")
    assert second.endswith("Park said.") and not second.endswith("”")
    assert "that North Korea wants" in second  # one space where the paragraph broke
