"""Score the temporal tagger against the hand-made gold standard in tests/gold/.

    python tests/tag_eval.py            # a table per article and overall
    python tests/tag_eval.py --misses   # also every miss and false alarm

Extents are scored strictly (the same characters) and leniently (overlapping);
values are scored on the leniently matched pairs: a found expression counts as
right when its extent overlaps a gold one and its TIMEX3 value is the same.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.dates.tagger import Tag, tag_text  # noqa: E402

GOLD = ROOT / "tests" / "gold"
SEEDS = ROOT / "seeds"


@dataclass
class Score:
    """Counts of found, gold and correct expressions, and the derived measures."""

    found: int = 0
    gold: int = 0
    strict: int = 0
    lenient: int = 0
    valued: int = 0

    def add(self, other: Score) -> None:
        """Add another article's counts."""
        self.found += other.found
        self.gold += other.gold
        self.strict += other.strict
        self.lenient += other.lenient
        self.valued += other.valued

    @staticmethod
    def prf(correct: int, found: int, gold: int) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        p = correct / found if found else 0.0
        r = correct / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def measures(self) -> dict[str, tuple[float, float, float]]:
        """P/R/F1 of strict extents, lenient extents and values."""
        return {
            "extent (strict)": self.prf(self.strict, self.found, self.gold),
            "extent (overlap)": self.prf(self.lenient, self.found, self.gold),
            "value": self.prf(self.valued, self.found, self.gold),
        }


def score_article(gold_file: Path) -> tuple[Score, list[str]]:
    """The score of one article and a line per miss or false alarm."""
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    text = (SEEDS / gold["file"]).read_text(encoding="utf-8")
    tags = tag_text(text, date.fromisoformat(gold["anchor"]))
    entries = gold["timexes"]
    score = Score(found=len(tags), gold=len(entries))
    notes: list[str] = []
    matched: set[int] = set()
    for tag in tags:
        overlap = next(
            (
                i
                for i, g in enumerate(entries)
                if i not in matched and tag.start < g["end"] and g["start"] < tag.end
            ),
            None,
        )
        if overlap is None:
            notes.append(f"  false alarm: {tag.text!r} ({tag.type} {tag.timex})")
            continue
        matched.add(overlap)
        g = entries[overlap]
        score.lenient += 1
        score.strict += (tag.start, tag.end) == (g["start"], g["end"])
        if _value(tag) == g["value"]:
            score.valued += 1
        else:
            notes.append(f"  wrong value: {tag.text!r} → {tag.timex}, gold {g['value']}")
        if (tag.start, tag.end) != (g["start"], g["end"]):
            notes.append(f"  extent: {tag.text!r}, gold {g['text']!r}")
    for i, g in enumerate(entries):
        if i not in matched:
            notes.append(f"  missed: {g['text']!r} ({g['type']} {g['value']})")
    return score, notes


def _value(tag: Tag) -> str | None:
    return tag.timex


def main() -> int:
    """Print the scores (and with --misses, what was missed)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    total = Score()
    print(f"{'article':<24} {'gold':>4} {'found':>5}  strict F1  overlap F1  value F1")
    for gold_file in sorted(GOLD.glob("*.json")):
        score, notes = score_article(gold_file)
        total.add(score)
        m = score.measures()
        print(
            f"{gold_file.stem:<24} {score.gold:>4} {score.found:>5}  "
            f"{m['extent (strict)'][2]:9.2f}  {m['extent (overlap)'][2]:10.2f}  "
            f"{m['value'][2]:8.2f}"
        )
        if args.misses:
            print("\n".join(notes))
    print()
    for name, (p, r, f) in total.measures().items():
        print(f"{name:<17} P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
