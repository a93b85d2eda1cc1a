"""Textual widgets of the explorer, one widget per module.

Widgets are told what to show by their owning screen and report upward with
nested `Message` classes; none of them reaches into a sibling.
"""
