"""Screens of the explorer: the main `ExplorerScreen` and the `HelpScreen` modal."""
