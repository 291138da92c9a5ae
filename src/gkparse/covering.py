"""Units named once for several items: a paragraph after the last of them gives its units to
each item it covers (`以上3项责任单位：市人社局`, `以上第5—7项由市教育局负责`, `以上任务由市卫健委
牵头，各区人民政府抓好落实`). A count says how many items, ending with the one the paragraph
follows; without one it covers every item above it in its list, back to the last item that
closes with such a paragraph of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import Node
from .numerals import chinese
from .rules import Rules
from .units import Roles, read, whole


def last_paragraph(node: Node) -> str | None:
    """The last paragraph of the item's text when it stands on a line after the item's first."""
    text = node.text or ""
    if not text or not (node.title or "\n" in text):  # (a title: the first line's sentence)
        return None
    return text.rsplit("\n", 1)[-1]


def paragraph(rules: Rules, node: Node) -> tuple[Roles, int | None] | None:
    """The units of the covering paragraph closing the item's text, and how many items it
    covers (None: all above it); None when the last paragraph is none."""
    last = last_paragraph(node)
    m = rules.unit_phrases["covering"].match(last) if last else None
    if not m or last is None:
        return None
    rest = last[m.end() :].strip("，,：: ")
    labelled = rules.unit_phrases["labelled"].match(rest)
    roles = read(rules, rest) if labelled and labelled["label"] else whole(rules, rest)
    return (roles, _count(m)) if roles else None


def _number(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() else chinese(text.replace("两", "二"))


def _count(m: object) -> int | None:
    first, last = _number(m["first"]), _number(m["last"])  # type: ignore[index]
    if first and last and last >= first:
        return last - first + 1
    return _number(m["count"])  # type: ignore[index]


def cover(rules: Rules, tasks: list[Node]) -> Iterator[tuple[Node, Roles]]:
    """Each item a covering paragraph covers (the item it closes too), with its units."""
    closed: set[int] = set()
    for node in tasks:
        found = paragraph(rules, node)
        if found is None:
            continue
        roles, count = found
        siblings = node.parent.children if node.parent else [t for t in tasks if not t.parent]
        at = next(k for k, s in enumerate(siblings) if s is node)
        start = max(0, at + 1 - count) if count else 0
        for k in range(at, start - 1, -1):
            if k < at and id(siblings[k]) in closed:
                break
            if not siblings[k].children:  # a heading with items of its own is no item
                yield siblings[k], roles
        closed.add(id(node))
