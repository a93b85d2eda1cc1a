"""Finding a quote in its article: white space folded for the search, offsets kept.

A quote in the data may be wrapped or spaced differently from the article; it is
found with every run of white space folded to one space, and its offsets point
back into the article's own text, whose bytes are what every view shows.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Iterator

_RUN = re.compile(r"\s{2,}")  # the runs that folding shortens


class FoldedText:
    """An article's text with runs of white space folded to one space.

    Keeps where the folded text is shifted from the original, so a quote found in
    the folded text can be highlighted in the original. Only the runs of two or
    more white space characters shift it (a line break alone folds to one space,
    one character for one), and a hard-wrapped article has few of them, so the
    map is short. Built on the first search: a load that reuses every event of an
    article never needs it.
    """

    def __init__(self, text: str) -> None:
        self.original = text
        self._text: str | None = None
        self._lead = 0  # white space before the first word
        self._runs: list[int] = []  # folded offset of each folded run's space
        self._shifts: list[int] = []  # characters dropped up to and including that run
        self._sentences: list[tuple[int, int]] | None = None  # `sentence_bounds`, when asked

    @property
    def text(self) -> str:
        """The folded text: every run of white space one space, no space at the ends."""
        if self._text is None:
            original = self.original
            folded = " ".join(original.split())
            stripped = original.strip()
            self._lead = len(original) - len(original.lstrip())
            runs: list[int] = []
            shifts: list[int] = []
            dropped = 0
            for start, end in _runs(stripped):
                runs.append(start - dropped)
                dropped += end - start - 1
                shifts.append(dropped)
            if len(stripped) - dropped != len(folded):  # `\s` and str.split disagree
                raise AssertionError("white space folded inconsistently")
            self._runs, self._shifts = runs, shifts
            self._text = folded
        return self._text

    def _original_offset(self, folded: int) -> int:
        """Original offset of the character at `folded` (which is not a space)."""
        before = bisect_right(self._runs, folded)
        return self._lead + folded + (self._shifts[before - 1] if before else 0)

    def find(self, quote: str) -> tuple[int, int] | None:
        """Original (start, end) offsets of `quote`, white space folded; None if absent."""
        return self.find_folded(fold_space(quote))

    def find_folded(self, needle: str) -> tuple[int, int] | None:
        """Like `find`, for a quote already folded with `fold_space`."""
        if not needle:
            return None
        at = self.text.find(needle)
        if at < 0:
            return None
        # A folded needle starts and ends with a non-space, so both ends are in words.
        return self._original_offset(at), self._original_offset(at + len(needle) - 1) + 1

    def sentence_around(self, start: int, end: int) -> tuple[int, int] | None:
        """Original (start, end) of the sentence (as `draft` cuts them) that holds the
        original offsets `start` to `end`; None when they run over more than one."""
        from tui.dates.sentences import sentence_bounds, sentence_of  # asked rarely

        if self._sentences is None:
            self._sentences = sentence_bounds(self.original)
        first, last = sentence_of(self._sentences, start)
        if first == last or end > last:
            return None
        return first, last

    def closest_passage(self, quote: str) -> str:
        """Where the article differs from `quote`, for a hint: its words there, and the quote's.

        A quote typed by hand most often differs in its marks: a straight apostrophe
        or quotation mark, or a hyphen, for the article's curly ones or dash. Read
        with those alike, such a quote is found, and the hint names the mark. Else the
        passage most like the quote (the one holding most of its characters) is
        given around the first place the two differ, so that a long passage is not
        cut before it.
        """
        needle = fold_space(quote)
        plain_text, plain_needle = self.text.translate(_MARKS), needle.translate(_MARKS)
        at = plain_text.find(plain_needle) if plain_needle else -1
        if at >= 0:
            words = self.text[at : at + len(needle)]
            pairs = enumerate(zip(words, needle, strict=True))
            differ = next((i for i, (a, b) in pairs if a != b), 0)
            return (
                f'"{_around(words, differ)}": the article has {words[differ]} where the quote '
                f"has {needle[differ]}"
            )
        from tui.dates.sentences import sentence_bounds  # only for a quote not found

        # Sentences as `draft` cuts them: a hard-wrapped article's lines are not.
        text = self.original
        bounds = sentence_bounds(text)
        if not bounds:
            return '""'
        # As many sentences in a row as the quote has: a quote of two sentences, a slip
        # in its second, is shown against both, not as "adding" the second.
        size = max(1, min(len(sentence_bounds(needle)), len(bounds)))
        passages = [text[bounds[i][0] : bounds[i + size - 1][1]]
                    for i in range(len(bounds) - size + 1)]  # fmt: skip
        best = max(passages, key=lambda s: (_shared(needle, fold_space(s)), -len(s)))
        best = fold_space(best)
        # The passage's words before and after the quote's are context, not a difference.
        return _differences(best, needle)


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _differences(passage: str, quote: str) -> str:
    """`passage` (around where it first differs from `quote`) and the differences, word
    by word: "the article has "2023" where the quote has "2022"", or what the quote
    adds or leaves out; every one (up to `_DIFFERENCES_SAID`), so that a quote with two
    slips is not put right one `check` at a time. The passage's words before and after
    the quote's are context, not a difference."""
    theirs = list(_TOKEN.finditer(passage))
    ours = list(_TOKEN.finditer(quote))
    matcher = difflib.SequenceMatcher(
        None, [m.group() for m in theirs], [m.group() for m in ours], autojunk=False
    )
    said: list[str] = []
    first: int | None = None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "delete" and j1 in (0, len(ours))):
            continue
        if tag == "replace" and j2 - j1 == 1 and (
            (j1 == 0 and theirs[i2 - 1].group().endswith(ours[0].group()))
            or (j2 == len(ours) and theirs[i1].group().startswith(ours[-1].group()))
        ):
            continue  # a quote that starts or ends inside a word of the passage: context
        at = theirs[i1].start() if i1 < len(theirs) else len(passage)
        article = _tokens_text(passage, theirs[i1:i2])
        quoted = _tokens_text(quote, ours[j1:j2])
        if tag == "insert":
            said.append(f'the quote adds "{quoted}"')
        elif tag == "delete":
            said.append(f'the quote leaves out "{article}"')
        else:
            said.append(f'the article has "{article}" where the quote has "{quoted}"')
        first = at if first is None else first
    if first is None:
        return f'"{_around(passage, 0)}"'
    more = len(said) - _DIFFERENCES_SAID
    listed = "; ".join(said[:_DIFFERENCES_SAID]) + (f"; and {more} more" if more > 0 else "")
    return f'"{_around(passage, first)}": {listed}'


def _tokens_text(text: str, tokens: list[re.Match[str]]) -> str:
    """The stretch of `text` from the first of `tokens` to the last, shortened."""
    if not tokens:
        return ""
    stretch = text[tokens[0].start() : tokens[-1].end()]
    if len(stretch) <= _SHOWN // 4:
        return stretch
    cut = stretch[: _SHOWN // 4]
    # At a word's end, not in the middle of one ("the former chief executive of the Kest").
    return (cut[: cut.rfind(" ")] if " " in cut else cut).rstrip(" ,;:") + "…"


# Marks typed one way by hand and another in print: each read as its plain form.
_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SHOWN = 160  # characters of a passage a hint shows at most
_DIFFERENCES_SAID = 3  # a quote with more differs in too much to list: the passage shows it


def _shared(needle: str, passage: str) -> int:
    """How many characters of `needle` `passage` holds, in order."""
    matcher = difflib.SequenceMatcher(None, needle, passage)
    return sum(block.size for block in matcher.get_matching_blocks())


def _around(passage: str, at: int) -> str:
    """`passage`, or the part of it around offset `at` when it is too long to show."""
    if len(passage) <= _SHOWN:
        return passage
    start = max(0, min(at - _SHOWN // 2, len(passage) - _SHOWN))
    head = "..." if start > 0 else ""
    tail = "..." if start + _SHOWN < len(passage) else ""
    return head + passage[start : start + _SHOWN] + tail


# ASCII white space (what str.split splits on below 128) as b" ", every other byte b"x".
_ASCII_SPACES_MARKED = bytes(0x20 if b < 128 and chr(b).isspace() else 0x78 for b in range(256))


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every run of two or more white space characters in `text`.

    An ASCII text (most articles) is searched in C, its white space marked in its
    bytes: the regular expression tries every position and took most of the time
    of folding an article.
    """
    if not text.isascii():
        for match in _RUN.finditer(text):
            yield match.start(), match.end()
        return
    marked = text.encode("ascii").translate(_ASCII_SPACES_MARKED)
    at = marked.find(b"  ")
    while at >= 0:
        end = marked.find(b"x", at)
        end = len(marked) if end < 0 else end
        yield at, end
        at = marked.find(b"  ", end)


def fold_space(text: str) -> str:
    """Collapse every run of white space to one space and strip the ends."""
    return " ".join(text.split())  # str.split is several times faster than a regex here
