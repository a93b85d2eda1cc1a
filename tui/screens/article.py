"""The article view: an article's whole text with every expression of time found.

Opened from the command palette ("Open article: …") or from the source pane
(`o`). The tagger (`tui.dates.tagger.tag_text`) finds the expressions, anchored at
the article's publication date or window as the loader anchors the events; the
text marks them, and the pane below says what the selected one resolves to, with
its type, TIMEX3 value and explanation. `t` turns the selected expression's
sentence into an event (`EventFormScreen`); with a passage selected (`v`, then
`)`/`(`), `t` or Enter turns the passage into one.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen

from tui.datafiles import EVENTS_FILE
from tui.dates.tagger import tag_text
from tui.loading.sourcecheck import article_anchor
from tui.model import Article, Timeline
from tui.new_event import (
    NewEvent,
    NewSource,
    Proposal,
    append_event,
    append_source,
    new_event_from_passage,
    new_event_from_tag,
    proposal_date,
    proposal_span,
)
from tui.palette import ArticleCommands
from tui.passage import Passage
from tui.present import article_title
from tui.referring import as_the_timeline_reads, mentions_in
from tui.safetext import visible
from tui.screens.event_form import EventFormScreen
from tui.screens.form import Saved
from tui.screens.messages import EventAdded, EventsEdited
from tui.screens.source_form import SourceFormScreen
from tui.widgets.article_text import ArticleText
from tui.widgets.find_bar import FindBar
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import typed_ahead
from tui.widgets.tag_info import TagInfo
from tui.words import counted
from tui.workbench import (
    WorkbenchError,
    actors_in,
    quoted_passages,
    restated,
    sentence_around,
)


class ArticleScreen(Screen[None]):
    """One article, its expressions of time marked, the selected one explained."""

    COMMANDS = {ArticleCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="article.back"),
        # As VisiData's q closes a sheet and lnav's a view: back, not out of the app.
        Binding("q", "app.pop_screen", "Back", show=False, id="article.back_q"),
        Binding("t", "new_event", "New event", id="article.new_event"),
        Binding("a", "add_source", "Add to an event", id="article.add_source"),
        Binding("enter", "selection_event", "New event from the selection", show=False,
                id="article.new_event_from_selection"),
        # The selection's keys with nothing selected: reached
        # only when the keys above are off (`check_action`); they say what to do.
        Binding("right_parenthesis,left_parenthesis,o,enter", "say('selection')",
                "With nothing selected: how to select", show=False, id="article.no_selection"),
        Binding("slash", "find", "Search", id="article.search"),
        Binding("E", "edit_events", "Write an event in $EDITOR", show=False,
                id="article.edit_events"),
        # Priority, in the search line only (`check_action`): the line would take them
        # for itself, and keys typed after Enter must reach the text, not the line.
        Binding("enter", "commit_find", "Search", priority=True,
                id="article.commit_search"),
        Binding("escape", "cancel_find", "Cancel search", priority=True,
                id="article.cancel_search"),
    ]

    _SAID = {
        "selection": "Nothing is selected: v selects the sentence of the chosen expression "
                     "(or the first in view); then ) and ( move its end, o goes to its other "
                     "end, and Enter or t makes an event of it.",
    }  # fmt: skip

    EventAdded = EventAdded  # the app's handler imports it without this screen

    def __init__(
        self,
        article: Article,
        timeline: Timeline,
        data_dir: Path | None = None,
        at: tuple[int, int] | None = None,
        words: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.at = at  # the passage to open at (the quote the reader came from), if any
        self.words = words  # where in it the source's date words stand, if known
        self.timeline = timeline
        self.data_dir = data_dir  # where new events are written (None: nowhere)
        # Against the publication day, or every day of its window: the dates the
        # timeline and `check` give for the same words; a reference an event pins
        # down with `relative_to` is read against the mention it names.
        tags = tag_text(article.text, article_anchor(article))
        self.tags = tuple(as_the_timeline_reads(tags, timeline, article.id))

    def open_other_article(self, article_id: str) -> None:
        """Show another article of the timeline in place of this one (the palette's
        "Open article: …")."""
        article = self.timeline.article_by_id.get(article_id)
        if article is not None:
            self.app.switch_screen(ArticleScreen(article, self.timeline, self.data_dir))

    def compose(self) -> ComposeResult:
        """The text above, the expression pane below; the layout lives in app.tcss."""
        yield ArticleText(id="article-text")
        yield TagInfo(id="tag-info")
        yield FindBar(id="article-find")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the article with its expressions; the first is chosen with `n`.

        The explorer's notices go: they told of the timeline, and over the article
        they covered its text for their seconds (at 80×24, most of a line's width)."""
        self.app.clear_notifications()
        text = self.query_one("#article-text", ArticleText)
        article = self.article
        text.border_title = Content(article_title(article))  # as written, never markup
        text.show_tags(article, self.tags)
        self.query_one("#tag-info", TagInfo).show(None, 0, len(self.tags))
        self.query_one("#tag-info").border_title = "Expression"
        text.focus()
        if self.at is not None:
            # Chosen now, for the keys typed with `o` ("o n", "o v" in one burst);
            # scrolled to once laid out.
            start, end = self.at
            text.opened_at, text.positioned = start, False
            words = self.words
            inside = next((i for i, t in enumerate(self.tags)
                           if words is not None and t.start < words[1] and words[0] < t.end),
                          None)  # fmt: skip
            if inside is None:
                inside = next((i for i, t in enumerate(self.tags) if start <= t.start < end),
                              None)  # fmt: skip
            if inside is not None:
                text.select(inside)
            self.call_after_refresh(self._open_at, start, inside)

    def _open_at(self, start: int, inside: int | None) -> None:
        """Show the passage from `start` at the top, its first expression (`inside`)
        chosen, as `on_mount` left it.

        Opened from a quote, the reader lands on it: `n` goes on from there, and with
        no expression in it, `v` selects its first sentence (the first that starts in
        view). A choice made by keys typed with `o` is kept, and shown."""
        text = self._text
        text.opened_at, text.positioned = start, True
        text.scroll_to(y=text.line_of_offset(start), animate=False, immediate=True)
        if text.current != inside or text.passage is not None:
            text.scroll_to_quote()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter makes an event only from a selected passage; Enter and Esc commit or
        cancel the search line only while it is open."""
        if action == "selection_event":
            return self.is_mounted and self._text.passage is not None
        if action in ("commit_find", "cancel_find"):
            return self.is_mounted and self._find_bar.display
        if action == "find":  # the line is open: "/" is a letter of the words
            return not (self.is_mounted and self._find_bar.display)
        return True

    def action_say(self, what: str) -> None:
        """A key that has nothing to do here now: say what to do instead."""
        self.notify(self._SAID[what], markup=False)

    @property
    def _text(self) -> ArticleText:
        return self.query_one("#article-text", ArticleText)

    @property
    def _find_bar(self) -> FindBar:
        return self.query_one("#article-find", FindBar)

    def action_find(self) -> None:
        """Open the search line under the text (`/`, as in less)."""
        self._find_bar.open()

    async def action_commit_find(self) -> None:
        """Enter in the search line: search the article for its words, once the keys
        typed before Enter are in; with none, the last search again (as in less)."""
        bar = self._find_bar
        words = " ".join((await typed_ahead(bar)).split())
        self._close_find()
        text = self._text
        if not words:  # as in less: the search again, on from the match shown
            if text.matches:
                text.action_step_match(1)
            else:
                self.notify("No search to repeat: type the words to search for.",
                            markup=False)  # fmt: skip
            return
        bar.remember(words)
        if not text.search(words):
            self.notify(visible(f"“{words}” is not in this article."), markup=False)

    def action_cancel_find(self) -> None:
        """Esc in the search line: no search made."""
        self._close_find()

    @on(FindBar.Emptied, "#article-find")
    def _find_emptied(self) -> None:
        self._close_find()

    def _close_find(self) -> None:
        self._find_bar.close()
        self.set_focus(self._text, scroll_visible=False)

    @on(ArticleText.SearchChanged, "#article-text")
    @on(ArticleText.PassageChanged, "#article-text")
    def _retitle(self) -> None:
        """Say above the expression what the keys work on: the selected passage (t or
        Enter makes an event of it), else the search in force and its match shown,
        else the expression."""
        info = self.query_one("#tag-info", TagInfo)
        text = self._text
        passage = text.passage
        if passage is not None:
            info.border_title = Content(visible(
                f"Selected: {counted(passage.count, 'sentence')}, "
                f"{passage.end - passage.start} characters — t or Enter: new event; Esc: cancel"
            ))
        elif text.match_index is not None:
            info.border_title = Content(visible(  # the words as typed, never markup
                f"Search “{text.search_words}”: {text.match_index + 1} of "
                f"{len(text.matches)} — n/N: next/previous; Esc: clear"
            ))
        else:
            info.border_title = "Expression"
        self._describe_what_the_keys_work_on(info)

    def _describe_what_the_keys_work_on(self, info: TagInfo) -> None:
        """Below, the expression `t` would date an event by: at a match, the one of its
        sentence `_match_expression` gives (or that it has none), else the selected
        expression. The pane showed the expression chosen before the search while `t`
        worked on the match."""
        text = self._text
        if text.at_match is None:
            current = text.current
            info.show(None if current is None else self.tags[current], (current or 0) + 1,
                      len(self.tags))  # fmt: skip
            return
        inside = self._match_expression()
        if inside is None:
            info.show_text("No expression of time in the sentence of this match.")
        else:
            info.show(self.tags[inside], inside + 1, len(self.tags))

    def _match_expression(self) -> int | None:
        """At a match, the expression it falls on, else its sentence's first (None: its
        sentence has none): what the pane explains and `t` dates an event by first."""
        text = self._text
        at = text.at_match
        if at is None:
            return None
        start, end = sentence_around(self.article.text, at)
        match_end = text.matches[text.match_index or 0][1]
        in_sentence = [i for i, t in enumerate(self.tags) if start <= t.start < end]
        return next((i for i in in_sentence if self.tags[i].start < match_end
                     and at < self.tags[i].end), in_sentence[0] if in_sentence else None)

    @on(ArticleText.ExpressionChosen, "#article-text")
    def _chosen(self, message: ArticleText.ExpressionChosen) -> None:
        self.query_one("#tag-info", TagInfo).show(
            self.tags[message.index], message.index + 1, len(self.tags)
        )

    def action_selection_event(self) -> None:
        """Ask title, kind and actors for an event quoting the selected passage."""
        self.action_new_event()

    def _proposal(self) -> tuple[Proposal, int, str] | None:
        """What the selected passage, or else the selected expression's sentence,
        would be quoted and dated by: (the proposal, where its quote starts, what the
        form says of its date); None after saying why there is none."""
        text = self._text
        tag, passage = text.selected, text.passage
        if passage is None and text.at_match is not None:
            # Moved to a match last: its sentence, as `v` would select it, dated first by
            # the expression the pane below explains.
            passage = Passage.at(self.article.text, text.at_match)
            matched = self._match_expression()
            tag = tag if matched is None else self.tags[matched]
        if tag is None and passage is None:
            self.notify("Choose an expression first (n / ] for the next), or select "
                        "sentences with v.", markup=False)
            return None
        if self.data_dir is None:
            self.notify("This timeline was not read from a data folder.", markup=False)
            return None
        try:
            if passage is not None:
                proposal = new_event_from_passage(
                    self.article, passage.start, passage.end, self.tags, tag
                )
                start = passage.start
            else:
                assert tag is not None
                proposal = new_event_from_tag(self.article, tag)
                start = sentence_around(self.article.text, tag.start)[0]
            return proposal, start, proposal_date(self.article, proposal)
        except WorkbenchError as error:
            self.notify(visible(f"{error} — {error.hint}"), severity="warning", markup=False)
            return None

    def action_new_event(self) -> None:
        """Ask title, kind and actors for an event quoting the selected passage, or
        else the selected expression's sentence, and dated by its words."""
        found = self._proposal()
        if found is None:
            return
        proposal, start, dated = found
        quote, words = proposal.quote, proposal.date_text
        mentions = None  # the words date the event by themselves
        if proposal.refers_back:  # they count from another mention: which event's?
            mentions = mentions_in(self.timeline, self.article.id, proposal.words_at)
        if mentions == []:
            self.notify(
                visible(f"“{words}” counts from another mention of this article, and no event "
                        "quotes this article with date words of its own yet — add the event "
                        "the words count from first, then this one."),
                severity="warning",
                markup=False,
            )
            return
        kinds = sorted({e.kind for e in self.timeline.events})
        passages = quoted_passages(self.timeline, self.article.id)
        already = [
            self.timeline.event_by_id[eid]
            for eid in restated(passages, start, start + len(quote))
        ]
        self.app.push_screen(
            EventFormScreen(
                self.article.id,
                quote,
                words,
                actors=self.timeline.actors,
                kinds=kinds,
                start_actors=actors_in(quote, self.timeline.actors),
                restates=already,
                mentions=mentions,
                dated=dated,
                unread=proposal.unread,
                date_basis=proposal.date_basis,
                written=self.article.latest,
                save=self._save_event,
            ),
            self._saved,
        )

    def action_edit_events(self) -> None:
        """Open the events file in $VISUAL or $EDITOR at its end, to write an event by
        hand (what the forms cannot make: one counted from another mention, say); the
        timeline is read again on return."""
        if self.data_dir is None:
            self.notify("This timeline was not read from a data folder.", markup=False)
            return
        from tui.screens.editor import edit_at_line

        path = self.data_dir / EVENTS_FILE
        try:
            last = path.read_bytes().count(b"\n") + 1
        except OSError:
            last = 1  # the editor says why it cannot open it
        failed = edit_at_line(self.app, path, last)
        if failed is not None:
            message, severity = failed
            self.notify(message, severity=severity, markup=False)
            return
        self.post_message(EventsEdited())

    def action_add_source(self) -> None:
        """Ask which event the selected passage (or the selected expression's sentence)
        is one more source of."""
        found = self._proposal()
        if found is None:
            return
        proposal, _, dated = found
        if proposal.refers_back:
            self.notify(
                visible(f"“{proposal.date_text}” counts from another mention: add it to an "
                        "event with E, naming that mention's event with relative_to."),
                severity="warning",
                markup=False,
            )
            return
        self.app.push_screen(
            SourceFormScreen(
                self.article.id,
                proposal.quote,
                proposal.date_text,
                proposal_span(self.article, proposal),
                events=self.timeline.events,
                dated=dated,
                date_basis=proposal.date_basis,
                save=self._save_source,
            ),
            self._saved,
        )

    def _save_source(self, new: NewSource) -> Saved:
        """Add the source to its event (the source form's `save`)."""
        assert self.data_dir is not None  # the keys that open the forms need a folder
        count = append_source(self.data_dir, new)
        return Saved(new.event_id, f"Added a source to event '{new.event_id}' ({count} now).")

    def _save_event(self, new: NewEvent) -> Saved:
        """Append the event to events.yaml (the event form's `save`)."""
        assert self.data_dir is not None
        event_id = append_event(self.data_dir, new)
        return Saved(event_id, f"Added event '{event_id}' to events.yaml.")

    def _saved(self, saved: Saved | None) -> None:
        """A form's answer (None: cancelled): say what was added, and show it."""
        if saved is None:
            return
        self.notify(visible(saved.said), markup=False)
        self.post_message(self.EventAdded(saved.event_id))
