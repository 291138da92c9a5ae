"""Audit the responsible units and deadlines gkparse reads from the development texts.

Runs gkparse over every development text — samples/, ../shared/corpus/*.txt, tests/dev/gold/,
tests/dev/corpus/ (never the evaluation set's pool files, tests/eval_html or the saved pages)
— and lists, per task, what looks wrong, in four classes:

  left      a unit attribution left in the task's text (a label 责任单位/牵头单位/责任处室…, or a
            verb 牵头/负责/配合/按职责分工 right after a unit word) while the task has no unit
  badunit   an extracted unit that does not end in a unit word, or holds a verb, a label or
            punctuation
  table     a row of a task table whose unit or deadline column was not read (its cells carry
            the column's role, the task has no unit / no deadline)
  deadline  a deadline that is a duration (五年内, 两个月内 with no event before it), a date
            made from a 年内 that follows a number (a duration's end taken for the year's), or
            a date under a time-limit label left undated (完成时限：2023年12月)

    .venv/bin/python tools/unit_audit.py            # counts per class, then examples
    .venv/bin/python tools/unit_audit.py -n 0       # counts only
    .venv/bin/python tools/unit_audit.py -c left -n 200   # one class, more examples

The classes are heuristics for finding misses, not a score: read each example against its text.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

import gkparse
from gkparse.hanzi import simplify
from gkparse.model import Node
from gkparse.rules import Rules, load_rules
from gkparse.units import NOT_IN_UNIT, is_unit, key, split

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    "samples/*.txt",
    "../shared/corpus/*.txt",
    "tests/dev/gold/*.txt",
    "tests/dev/corpus/*.txt",
)
CLASSES = ("left", "badunit", "table", "deadline")
# the audit's own labels, not the rules' (so that its counts do not move when the rules learn one)
LABELS = (
    r"(?:牵头|责任|负责|主责|主办|承办|实施|配合|协办|参与|参加)(?:单位|部门|处室|科室)|责任主体"
)
UNIT_WORD = (
    r"(?:局|委|办|厅|部|处|室|科|中心|政府|街道|管委会|公司|支行|所|站|院|队|组|会|镇|乡|区|县|市)"
)
VERB = r"(?:按照?职责分工|分别|共同)?(?:牵头|负责|配合|协办|落实)"
# a label, or a verb right after a unit word (区财政局牵头, 各部门按职责分工负责)
LEFT = regex.compile(rf"(?P<label>{LABELS})\s*[:：]?|(?<={UNIT_WORD}等?)(?P<verb>{VERB})")
STOP = regex.compile(r"[。；;！？\n（）()]")
HEAD_STOP = regex.compile(r"[。；;：:！？\n（）()]|由|请")
ANCHOR = regex.compile(r"(?:后|起|以后|之后)的?\s*$")
DURATION = regex.compile(r"^(?:\d+|[一二两三四五六七八九十半]+)\s*个?\s*(?:月|年)\s*内$")
TIME_LABEL = regex.compile(
    r"(?:完成时限|完成时间|完成期限|办结时限|时限要求|时间节点)\s*[:：]?\s*(?P<value>[^，,；;。）)\n]{1,20})"
)
MONTH = regex.compile(r"\d+\s*月")
NUMBER_BEFORE = regex.compile(r"[\d一二两三四五六七八九十百几多半个]$")


@dataclass(slots=True)
class Finding:
    kind: str
    file: str
    task: str
    what: str


def sources() -> list[Path]:
    """The development texts, each once (tests/dev/corpus holds copies of the corpus)."""
    seen: set[bytes] = set()
    out = []
    for path in sorted(p.resolve() for pattern in SOURCES for p in ROOT.glob(pattern)):
        data = path.read_bytes()
        if data not in seen:
            seen.add(data)
            out.append(path)
    return out


def _window(text: str, start: int, end: int, margin: int = 18) -> str:
    return text[max(0, start - margin) : end + margin].replace("\n", "⏎")


def _named(rules: Rules, text: str, m: regex.Match[str]) -> list[str]:
    """The unit names an attribution names: the list after a label (up to the next label or
    the sentence's end), or the names before a verb back to the clause's start."""
    if m["label"]:
        tail = STOP.split(text[m.end() :], 1)[0].lstrip(":： ")
        tail = regex.split(LABELS, tail, 1)[0]
    else:
        tail = HEAD_STOP.split(text[: m.start("verb")])[-1].removesuffix("等")
    return [u for u in split(rules, tail) if is_unit(rules, simplify(u))]


def audit_task(rules: Rules, name: str, node: Node) -> list[Finding]:
    """The findings of one task, class by class."""
    text = "\n".join(filter(None, [node.title, node.text]))
    found = [
        *(("left", what) for what in _left(rules, text, node)),
        *(("badunit", unit) for unit in _bad_units(rules, node)),
        *(("table", what) for what in _unread_cells(node)),
        *(("deadline", what) for what in _deadlines(text, node)),
    ]
    return [Finding(kind, name, node.id, what) for kind, what in found]


def _left(rules: Rules, text: str, node: Node) -> list[str]:
    """The first attribution in the text that names units the task does not have."""
    units = node.responsible + node.support
    keys = {key(rules, u) for u in units}
    for m in LEFT.finditer(text):
        named = _named(rules, text, m)
        missed = [u for u in named if key(rules, u) not in keys]
        if missed or (not units and not named and m["label"]):
            return [f"{_window(text, m.start(), m.end())}  -> missed {missed or '?'}"]
    return []


def _bad_units(rules: Rules, node: Node) -> list[str]:
    return [
        unit
        for unit in node.responsible + node.support
        if not is_unit(rules, simplify(unit)) or NOT_IN_UNIT.search(simplify(unit))
    ]


def _unread_cells(node: Node) -> list[str]:
    cells = {s.cell for s in node.segs if s.cell}
    out = []
    if cells & {"lead", "responsible"} and not node.responsible:
        out.append(f"unit cell unread: {node.title}")
    if "deadline" in cells and not node.deadlines:
        out.append(f"deadline cell unread: {node.title}")
    return out


def _deadlines(text: str, node: Node) -> list[str]:
    """Dates under a time-limit label left undated, durations and made-up year ends."""
    out = []
    for m in TIME_LABEL.finditer(text):
        value = m["value"]
        if MONTH.search(value) and not any(d.date and d.text in value for d in node.deadlines):
            out.append(f"undated: {m.group()}")
    for d in node.deadlines:
        at = text.find(d.text)
        anchored = at > 0 and ANCHOR.search(text[:at])
        made_up = d.date and d.text == "年内" and at > 0 and NUMBER_BEFORE.search(text[:at])
        if (DURATION.match(d.text) and not anchored) or made_up:
            out.append(_window(text, at, at + len(d.text)))
    return out


def audit(paths: list[Path]) -> list[Finding]:
    rules = load_rules(())
    found: list[Finding] = []
    for path in paths:
        doc = gkparse.parse_file(path, rules=rules, keywords=False)
        name = str(path.relative_to(ROOT)) if ROOT in path.parents else str(path)
        for node in doc.tasks:
            found.extend(audit_task(rules, name, node))
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=15, help="examples per class (default 15)")
    ap.add_argument("-c", "--only", choices=CLASSES, help="one class only")
    args = ap.parse_args(argv)
    paths = sources()
    found = [f for f in audit(paths) if not args.only or f.kind == args.only]
    counts = Counter(f.kind for f in found)
    print(f"{len(paths)} texts; " + ", ".join(f"{k} {counts[k]}" for k in CLASSES))
    for kind in CLASSES:
        examples = [f for f in found if f.kind == kind][: args.n]
        if examples:
            print(f"\n== {kind} ({counts[kind]})")
        for f in examples:
            print(f"  {f.file} {f.task}: {f.what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
