"""Count what issue 14 asks never to see in any output: keywords that are no word, units that
hold a verb or a label.

Over every text gkparse is shown — samples/, ../shared/corpus/*.txt and pool/*.txt (the
evaluation set's texts included: only their counts are printed), tests/dev/synth/ — it counts

  fragment  a keyword that is no word of the segmentation dictionary (jieba's full dictionary
            and rules/userdict.txt), read in its simplified form: 局起, 市发, 社局
  unit      a responsible, lead or supporting unit (of a task or a section) that holds
            负责, 牵头, 配合, 分工 or 等

    .venv/bin/python tools/keyword_audit.py        # counts, then the development texts' examples
"""

from __future__ import annotations

import sys
from pathlib import Path

import gkparse
from gkparse.hanzi import simplify
from gkparse.keywords import model
from gkparse.rules import builtin_dir

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
HELD_OUT = {p.stem for p in (ROOT / "tests" / "eval" / "gold").glob("*.txt")}
VERBS = ("负责", "牵头", "配合", "分工", "等")
ROLES = ("lead", "responsible", "support")


def texts() -> list[Path]:
    found = [*sorted((ROOT / "samples").glob("*.txt")), *sorted(SHARED.glob("*.txt"))]
    found += sorted((SHARED / "pool").glob("*.txt"))
    return found + sorted((ROOT / "tests" / "dev" / "synth").glob("*.txt"))


def main() -> int:
    seg = model(builtin_dir()).seg
    counts = {"texts": 0, "keywords": 0, "fragment": 0, "units": 0, "unit": 0}
    examples: list[str] = []
    for path in texts():
        doc = gkparse.parse_file(path)
        shown = path.stem not in HELD_OUT or path.parent.name != "pool"
        counts["texts"] += 1
        for node in doc.walk():
            words = node.keywords
            counts["keywords"] += len(words)
            for word in words:
                if not seg.has_word(simplify(word)):
                    counts["fragment"] += 1
                    if shown:
                        examples.append(f"fragment {path.name} {node.id}: {word}")
            units = [u for role in ROLES for u in getattr(node, role, None) or []]
            counts["units"] += len(units)
            for unit in units:
                if any(v in unit for v in VERBS):
                    counts["unit"] += 1
                    if shown:
                        examples.append(f"unit {path.name} {node.id}: {unit}")
    print(
        f"{counts['texts']} texts: {counts['keywords']} keywords, {counts['fragment']} no word; "
        f"{counts['units']} units, {counts['unit']} holding {'/'.join(VERBS)}"
    )
    print("\n".join(examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
