"""A terminal explorer for a curated, source-grounded timeline.

The package is split in two layers. The *model* (`tui.model`, `tui.dates`,
`tui.load`, `tui.filters`, `tui.export`, `tui.problems`) is plain Python with no
Textual import: it reads the data folder, validates it against the seed articles,
resolves every date from the article's own words and answers queries. The *views*
(`tui.cli` and the Textual explorer in `tui.app`, `tui.screens`, `tui.widgets`)
sit on top of it.
"""

__version__ = "0.1.0"
