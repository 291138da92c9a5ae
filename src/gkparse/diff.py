"""Compare two plans by meaning: which tasks were added, removed, reworded, moved, or handed to
other units, or given other deadlines.

Numbers shift from year to year and sections are renamed, so tasks are aligned by their words:
the Dice coefficient of their jieba token multisets (title and text), with the section title as
a small hint, then a greedy one-to-one matching of the best pairs above a threshold.
"""

from __future__ import annotations

import difflib
import logging
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from . import parse_bytes
from .diffheader import header_changes, side
from .docread import document_kind, read_documents
from .emit import document_to_dict, section_titles
from .inputs import Size, read_limited
from .rules import Rules, load_rules
from .sectionunits import all_units, inherited, of_task

REPORT_SCHEMA = "gkparse-diff/1"
LONG_FIELD = 60  # characters: a header field longer than this changes as a word diff
THRESHOLD = 0.35  # below this two tasks are different tasks
EXHAUSTIVE = 250_000  # pairs of tasks all scored below this (a real plan has ~100 tasks)
CANDIDATES = 30  # above it, a task is scored against the tasks sharing most of its rarer words
RARE = 64  # a word in more tasks than this says little of which task is which
WORD_DIFF_MAX = 4_000_000  # words x words a word diff compares; beyond, the middle is replaced
SAME_SECTION = 0.5  # section titles at least this alike: the task did not move
SECTION_WEIGHT = 0.15
TITLE_WEIGHT = 0.25
WORD = regex.compile(r"[\p{Han}A-Za-z0-9]")


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from .keywords import _import_jieba

    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(load_rules().userdict))
    return tokenizer


def tokens(text: str) -> list[str]:
    return [t for t in _tokenizer().lcut(text) if WORD.search(t)]


def dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 1.0


UNIT_ROLES = ("responsible", "lead", "support", "section_units")  # as a change reports them


@dataclass
class Item:
    id: str
    section: str
    title: str
    text: str
    responsible: list[str]
    deadlines: list[str]
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    dates: list[str | None] = field(default_factory=list)  # of the deadlines, in their order
    section_units: list[str] = field(default_factory=list)  # its sections name (sectionunits)
    words: Counter[str] = field(default_factory=Counter)
    title_words: Counter[str] = field(default_factory=Counter)
    section_words: Counter[str] = field(default_factory=Counter)

    def entry(self) -> dict[str, Any]:
        """An added or removed task in the report: what it says, who does it, by when."""
        return {
            "id": self.id,
            "title": self.title or None,
            "text": self.text,
            "section": self.section or None,
            "lead": self.lead,
            "responsible": self.responsible,
            "support": self.support,
            "deadlines": [{"text": t, "date": d} for t, d in zip(self.deadlines, self.dates)],
        } | ({"section_units": self.section_units} if self.section_units else {})


def load(path: str, rules: Rules | None = None, limit: Size | None = None) -> dict[str, Any]:
    """A gkparse document from a notice text or a gkparse YAML/JSON file (`-`: standard input);
    ValueError (with a one-line reason) for a file that is no gkparse/1 document, TooLarge for
    one over `limit`. A text is parsed with `rules`, without keywords (diff compares none)."""
    source = None if path == "-" else Path(path)
    raw = _read(source, limit)
    kind = document_kind(raw, source)
    if kind is None:
        name = None if source is None else str(source)
        return document_to_dict(parse_bytes(raw, rules=rules, name=name, keywords=False))
    documents = read_documents(raw, kind)
    if len(documents) != 1:
        raise ValueError(f"holds {len(documents)} documents; diff compares one with one")
    return documents[0]


def _read(source: Path | None, limit: Size | None) -> bytes:
    if limit is not None:
        return read_limited(source, limit)
    return sys.stdin.buffer.read() if source is None else source.read_bytes()


def items(data: dict[str, Any]) -> list[Item]:
    titles = section_titles(data)
    above = inherited(data)
    out = []
    for t in data["tasks"]:
        section = titles.get(t["section"] or "", "")
        item = Item(
            t["id"],
            section,
            t["title"] or "",
            t["text"] or "",
            list(t["responsible"]),
            [d["text"] for d in t["deadlines"]],
            lead=list(t.get("lead", [])),
            support=list(t.get("support", [])),
            dates=[d.get("date") for d in t["deadlines"]],
            section_units=all_units(of_task(above, t)),
        )
        item.words = Counter(tokens(f"{item.title}\n{item.text}"))
        item.title_words = Counter(tokens(item.title))
        item.section_words = Counter(tokens(section))
        out.append(item)
    return out


def similarity(a: Item, b: Item) -> float:
    """Words of the whole task, of the titles when both have one, and of the section titles."""
    section = SECTION_WEIGHT * dice(a.section_words, b.section_words)
    if a.title_words and b.title_words:
        return (
            (1 - SECTION_WEIGHT - TITLE_WEIGHT) * dice(a.words, b.words)
            + TITLE_WEIGHT * dice(a.title_words, b.title_words)
            + section
        )
    return (1 - SECTION_WEIGHT) * dice(a.words, b.words) + section


def match(
    old: list[Item], new: list[Item], threshold: float = THRESHOLD
) -> list[tuple[Item, Item, float]]:
    """Greedy one-to-one matching of the most similar pairs, best first (ties by position);
    below the threshold two tasks are different tasks."""
    pairs = sorted(_scored(old, new), key=lambda x: (-x[0], x[1], x[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score < threshold:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append((j, old[i], new[j], score))
    return [(a, b, score) for _, a, b, score in sorted(out, key=lambda x: x[0])]


def bounded(old: list[Item], new: list[Item]) -> bool:
    """Whether the plans are too large to score every pair of tasks (see _candidates)."""
    return len(old) * len(new) > EXHAUSTIVE


def _scored(old: list[Item], new: list[Item]) -> Iterator[tuple[float, int, int]]:
    if not bounded(old, new):
        for i, a in enumerate(old):
            for j, b in enumerate(new):
                yield similarity(a, b), i, j
        return
    for i, js in _candidates(old, new):
        for j in js:
            yield similarity(old[i], new[j]), i, j


def _candidates(old: list[Item], new: list[Item]) -> Iterator[tuple[int, set[int]]]:
    """For each old task, the new tasks worth scoring: the same words, or most of its rarer
    words in common. Scoring every pair is quadratic: 5 MB plans took more than ten minutes."""
    frequency = Counter(t for b in new for t in b.words)
    index: dict[str, list[int]] = {}
    same: dict[frozenset[tuple[str, int]], list[int]] = {}
    for j, b in enumerate(new):
        same.setdefault(frozenset(b.words.items()), []).append(j)
        for t in b.words:
            if frequency[t] <= RARE:
                index.setdefault(t, []).append(j)
    for i, a in enumerate(old):
        shared: Counter[int] = Counter()
        for t in a.words:
            shared.update(index.get(t, ()))
        js = {j for j, _ in shared.most_common(CANDIDATES)}
        yield i, js | set(same.get(frozenset(a.words.items()), [])[:CANDIDATES])


def word_diff(old: str, new: str, context: int = 3) -> str:
    """`…保留的词[-删去的词-]{+新增的词+}保留的词…`, with a few words of context."""
    a, b = _tokenizer().lcut(old), _tokenizer().lcut(new)
    parts: list[str] = []
    for op, i1, i2, j1, j2 in _opcodes(a, b):
        if op == "equal":
            same = a[i1:i2]
            parts.append(
                "".join(same)
                if len(same) <= 2 * context
                else "".join(same[:context]) + "…" + "".join(same[-context:])
            )
            continue
        if i2 > i1:
            parts.append("[-" + "".join(a[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("{+" + "".join(b[j1:j2]) + "+}")
    if parts and not parts[0].startswith(("[-", "{+")):
        parts[0] = "…" + parts[0][-12:] if len(parts[0]) > 12 else parts[0]
    if parts and not parts[-1].startswith(("[-", "{+")):
        parts[-1] = parts[-1][:12] + "…" if len(parts[-1]) > 12 else parts[-1]
    return "".join(parts)


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes; for two long texts (quadratic), the common ends and the middle replaced."""
    if len(a) * len(b) <= WORD_DIFF_MAX:
        return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    ops = [("equal", 0, head, 0, head)] if head else []
    ops.append(("replace", head, len(a) - tail, head, len(b) - tail))
    if tail:
        ops.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return ops


def compare(
    old_data: dict[str, Any],
    new_data: dict[str, Any],
    threshold: float = THRESHOLD,
    names: tuple[str, str] = ("old", "new"),
) -> dict[str, Any]:
    """The report (schema gkparse-diff/1, diff-schema.json): the two inputs, a count of each
    kind of change, notes, the header's changes, then the tasks added, removed and changed."""
    old, new = items(old_data), items(new_data)
    pairs = match(old, new, threshold)
    matched_old = {id(a) for a, _, _ in pairs}
    matched_new = {id(b) for _, b, _ in pairs}
    changed = [c for c in (_change(a, b, score) for a, b, score in pairs) if c["kinds"]]
    added = [b.entry() for b in new if id(b) not in matched_new]
    removed = [a.entry() for a in old if id(a) not in matched_old]
    header = header_changes(old_data, new_data)
    for h in header:  # a long field (the cover text) reads better as a word diff
        if isinstance(h["old"], str) and isinstance(h["new"], str):
            if max(len(h["old"]), len(h["new"])) > LONG_FIELD:
                h["diff"] = word_diff(h["old"], h["new"])
    kinds = Counter(k for c in changed for k in c["kinds"])
    summary = {
        "header": len(header),
        "added": len(added),
        "removed": len(removed),
        "reworded": kinds["reworded"],
        "moved": kinds["moved"],
        "responsibility": kinds["responsibility"],
        "deadline": kinds["deadline"],
        "unchanged": len(pairs) - len(changed),
    }
    return {
        "schema": REPORT_SCHEMA,
        "old": side(names[0], old_data),
        "new": side(names[1], new_data),
        "threshold": threshold,
        "summary": summary,
        "notes": _notes(old, new, names),
        "header": header,
        "added": added,
        "removed": removed,
        "changed": changed,
    }


def _change(a: Item, b: Item, score: float) -> dict[str, Any]:
    """How a task changed between its two versions; `kinds` empty when it did not."""
    change: dict[str, Any] = {
        "old": a.id,
        "new": b.id,
        "title": b.title or a.title or None,
        "similarity": round(score, 3),
        "kinds": [],
    }
    if words_only(a.title + a.text) != words_only(b.title + b.text):
        change["kinds"].append("reworded")
        change["diff"] = word_diff(
            f"{a.title}。{a.text}" if a.title else a.text,
            f"{b.title}。{b.text}" if b.title else b.text,
        )
    if dice(a.section_words, b.section_words) < SAME_SECTION:
        change["kinds"].append("moved")
        change["section"] = {"old": a.section or None, "new": b.section or None}
    for role in UNIT_ROLES:  # its own units by role, then those of the sections around it
        was, now = getattr(a, role), getattr(b, role)
        if set(was) != set(now):
            if "responsibility" not in change["kinds"]:
                change["kinds"].append("responsibility")
            change[role] = {
                "added": [u for u in now if u not in was],
                "removed": [u for u in was if u not in now],
            }
    if set(a.deadlines) != set(b.deadlines):
        change["kinds"].append("deadline")
        change["deadlines"] = {"old": a.deadlines, "new": b.deadlines}
    return change


def _notes(old: list[Item], new: list[Item], names: tuple[str, str]) -> list[str]:
    """What a reader of the counts should know: a plan without tasks (nothing the parser took
    for a numbered task: only the headers compare), and the bounded alignment of large plans."""
    notes = [
        f"{name} has no tasks: only the headers are compared"
        for name, tasks in zip(names, (old, new))
        if not tasks
    ]
    if bounded(old, new):
        notes.append(f"large plans: each task compared with the {CANDIDATES} sharing most words")
    return notes


def words_only(text: str) -> str:
    return "".join(WORD.findall(text))


def differs(report: dict[str, Any]) -> bool:
    """Whether the two differ, in their header or their tasks."""
    return any(v for k, v in report["summary"].items() if k != "unchanged")
