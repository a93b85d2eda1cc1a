"""The loader's parts: reading files, the record schema, and the three kinds of record.

`tui.load.validate_folder` runs them in order: every file is read; every record's
shape is checked against its table of fields (`schema`); then cross-references
(an event's actors and articles, an actor's bodies); then the domain checks
(each quote found in its article, each date resolved). Problems are collected
with their file and line (`collect`), never raised one at a time.
"""
