"""Messages the app handles from screens it imports only when they first open.

A handler's `@on(...)` needs its message class when the app's class is made, at
start; defined here, the message does not bring its screen (and what that
screen needs: the tagger, the loader's anchors, the event form) into every start.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class EventAdded(Message, namespace="article_screen"):
    """An event was added to events.yaml from the article view: reload and select it.

    Posted by `ArticleScreen` (as `ArticleScreen.EventAdded`), handled by the app.
    """

    event_id: str


@dataclass
class EventsEdited(Message, namespace="article_screen"):
    """The events file was edited by hand from the article view (`E`): reload it.

    Posted by `ArticleScreen`, handled by the app, which stays on the article.
    """
