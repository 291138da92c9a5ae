"""Stage `fields`: what each node says, once the outline stands.

The closing text is taken off the last item; each list decides together whether its inline
first sentences are titles; the odd delimiter of a list is mended; then every task's units and
deadlines are read from its own text. The preamble and closing paragraphs are joined, and the
plan's year is settled (deadlines without a year fall in it).
"""

from __future__ import annotations

from collections import Counter

import regex

from .covering import cover
from .dates import first_year
from .elements import SENTENCE_STOP, is_unit
from .gluedrows import GluedRow, glued_row, glued_rows
from .model import Document, Issue, Node, Segment
from .normalize import mend_spaces
from .paragraphs import Layout, join_paragraphs, wraps
from .rules import Rules
from .state import State
from .tables import UNIT_ROLES
from .taskfields import (
    cell_deadlines,
    cell_roles,
    cell_units,
    deadlines,
    merge_roles,
    responsibility,
)
from .units import is_unit as is_unit_name  # 各区属国有企企 too: 各 names units

SENTENCE = regex.compile(r"^(.+?)[。！？]")
# a label before a colon or a space that stood for a line break, ahead of any full stop
# (a space before a number spaced out on both sides is a page's spacing of Latin and digits in
# Han text, `实施 12 个行政村`, not the break after a label)
LABEL_BREAK = regex.compile(
    r"^([\p{Han}、]{2,20})(?:[：:]|[ \u3000\u00a0]+(?![0-9A-Za-z.%]+[ \u3000\u00a0]))(?=\S)"
)
SENTENCE_VERBS = ("是", "为", "有", "包括", "如下")  # `…的指导思想是：` opens a sentence, no label
SPLIT_WORD = regex.compile(r"\p{Han}{1,3}[。，；]")  # `…信息的活 动。`: a PDF's space inside a word
TITLE_SHORT = 30  # a first sentence this short makes an inline heading title…
TITLE_MAX = 50  # …and in a list of such headings, so does one up to this long
TITLE_LINE = 40  # a heading line without a full stop longer than this is text, not a title
CLAUSE_ENDS = ("，", ",", "、")  # a title never ends so (an item may end with its ；)
TITLE_ALONE = 15  # a first sentence this short without a comma is a title on its own


def take_closing(state: State, last: Node) -> None:
    """Paragraphs after the last item's own text that address the recipients or the plan."""
    body = last.segs[1:]
    has_text = bool(last.head) and any(ch in last.head for ch in "。！？")
    for k, seg in enumerate(body):
        if (has_text or k > 0) and any(p.match(seg.text) for p in state.rules.closing):
            state.closing[:0] = body[k:]
            del last.segs[1 + k :]
            return


def table_row(node: Node, issues: list[Issue]) -> None:
    """A row of a task table: its task cell is its title, its text cells its text; its unit and
    deadline cells are read in `row_fields`, never its text."""
    body = node.segs[1:]
    task = next((s for s in body if s.cell == "task"), None)
    node.title = mend_spaces(task.text.rstrip("。；;")) if task else None
    rest = [s for s in body if s is not task and s.cell not in ROW_FIELDS]
    node.text = join_paragraphs(rest, issues)


ROW_FIELDS = {"lead", "responsible", "deadline"}


def row_fields(node: Node, plan_year: int | None, rules: Rules) -> None:
    """The unit and deadline cells of a table row: its lead and responsible units, deadlines."""
    for seg in node.segs:
        if seg.cell in UNIT_ROLES:
            merge_roles(node, cell_roles(rules, seg.text, seg.cell))
        elif seg.cell == "deadline":
            node.deadlines.extend(cell_deadlines(rules, seg.text, plan_year))


def tail_units(node: Node, rules: Rules) -> None:
    """A row of a table run together whose last column is units: the words after the row's
    last sentence (or all its text, when its one sentence is its title) are its units when
    every one of them is a unit's name (`各区属国有企企`: 各 names units too)."""
    text = node.text or ""
    cut = max(text.rfind("。"), text.rfind("；"))
    tail = text[cut + 1 :].strip()
    units = cell_units(tail)
    if cut < 0 and not node.title or not units or not all(is_unit_name(rules, u) for u in units):
        return
    node.text = text[: cut + 1].rstrip() or None
    node.responsible.extend(u for u in units if u not in node.responsible)


def titles(
    group: list[Node],
    issues: list[Issue],
    rules: Rules,
    rows: dict[str, GluedRow],
    roles: list[str],
    printed: Layout | None = None,
) -> None:
    """Title and text of each heading; a list decides together whether inline titles are titles.
    A glued table's rows (`rows`) are cut at their units; `printed`: how the input's lines were
    printed (paragraphs.layout)."""
    heads = {node.id: head_lines(node, printed) for node in group}
    inline = [(n, m.group(1)) for n in group if (m := SENTENCE.match(heads[n.id][0]))]
    short = sum(len(first) <= TITLE_SHORT for _, first in inline)
    titled = short * 2 > len(inline)
    for node in group:
        for seg in node.segs:
            seg.owner = f"node:{node.id}"
        cells = any(s.cell for s in node.segs[1:])  # a row whose cells are known
        if node.id in rows and not cells:  # (a glued row's number is cut off as a cell too)
            glued_row(node, rows[node.id], roles, issues)
            continue
        if node.segs[0].cell == "number":
            table_row(node, issues)
            continue
        head, body = heads[node.id]
        title, rest = head_title(rules, head, titled)
        node.title = title
        node.text = join_paragraphs(body, issues, rest)


def head_lines(node: Node, printed: Layout | None) -> tuple[str, list[Segment]]:
    """The heading's text on its line, and the segments under it; a heading line a fixed-width
    layout wrapped mid-sentence (`1.修订完善…应急预案，各乡（镇）、重点` / `企业年内…。`) is
    read with the line it runs on into, as a page that kept its paragraphs gives it; a marker
    alone on its line, with the title under it."""
    segs = node.segs
    if len(segs) > 1 and printed is not None and not SENTENCE.match(node.head):
        if wraps(segs[0], segs[1], printed):
            return node.head + segs[1].text, segs[2:]
    if not node.head and len(segs) > 1 and title_line(segs[0], segs[1]):
        return segs[1].text, segs[2:]  # `一、` alone, its title on the next line
    return node.head, segs[1:]


def title_line(marker: Segment, after: Segment) -> bool:
    """The line under a marker printed alone on its line, when it is a heading's title: short,
    no sentence before its end."""
    text = after.text.rstrip("。：:")
    return (
        after.line == marker.line + 1
        and not after.cont
        and after.cell is None
        and 0 < len(text) <= TITLE_LINE
        and not SENTENCE_STOP.search(text)
    )


def head_title(rules: Rules, head: str, titled: bool) -> tuple[str | None, str]:
    """A heading line's title, and what follows it on the line (the start of its text).
    `titled`: its list takes the first sentence of an inline heading for its title."""
    units = rules.unit_phrases["labelled"].search(head)
    if units and units.start() and units["label"] and units["colon"]:
        # `（一）地区生产总值增长7%以上责任单位：区发改局`: the line of its units run on after
        # a heading line (a page that lost its line breaks): the title ends there
        before = head[: units.start()]
        if not SENTENCE_STOP.search(before):
            return mend_spaces(before), head[units.start() :].strip()
    label = LABEL_BREAK.match(head)
    if (
        label
        and not label.group(1).endswith(SENTENCE_VERBS)
        and not SPLIT_WORD.match(head, label.end())
        and not is_unit(rules, label.group(1))  # `市政府办：负责…` names who, not what
    ):
        # `加大宣传：充分利用…`, `指导思想 为…`: a heading's label before a colon or a break
        return mend_spaces(label.group(1)), head[label.end() :].strip()
    m = SENTENCE.match(head)
    if not m:
        # a line that stops at a comma was cut by a line break inside its sentence: no title
        long = len(head) > TITLE_LINE or head.endswith(CLAUSE_ENDS)
        return (None if long or not head else mend_spaces(head.rstrip("：:"))), head if long else ""
    first = m.group(1)
    if titled and len(first) <= TITLE_MAX or len(first) <= TITLE_ALONE and "，" not in first:
        return mend_spaces(first), head[m.end() :].strip()
    if named := part_name(rules, head):
        # `总体要求坚持以…。`: a plan's standard part, its line break lost
        return named, head[len(named) :].strip()
    return None, head


GOES_ON = (
    "和及与、的之，,。：:；;（("  # `总体要求和主要目标`: the name goes on; no part's name alone
)


def part_name(rules: Rules, head: str) -> str | None:
    """The standard part's name a heading runs on from (`总体要求坚持以…`), or None."""
    for word in rules.heading_words:
        if head.startswith(word) and len(head) > len(word) and head[len(word)] not in GOES_ON:
            return word
    return None


def mend_markers(group: list[Node], uniform: frozenset[str], issues: list[Issue]) -> None:
    """`1、` and `6.` in one list: the odd marker written like the rest of its list."""
    ends = Counter(n.marker[-1] for n in group if n.numbering in uniform)
    if len(ends) < 2:
        return
    usual = ends.most_common(1)[0][0]
    for node in group:
        if node.numbering in uniform and node.marker[-1] != usual:
            fixed = node.marker[:-1] + usual
            issues.append(
                Issue(node.line, f"marker {node.marker} written {fixed} like the rest of its list")
            )
            node.marker = fixed


def _responsibility_lines(doc: Document) -> dict[str, list[Segment]]:
    """Each node's responsibility lines: its segments that are not among its own (body.py
    gives them to the node without putting them in its text)."""
    own = {id(s) for n in doc.walk() for s in n.segs}
    out: dict[str, list[Segment]] = {}
    for seg in doc.segments:
        if seg.owner and seg.owner.startswith("node:") and id(seg) not in own:
            out.setdefault(seg.owner[5:], []).append(seg)
    return out


def run(state: State) -> None:
    doc, h, md, issues = state.doc, state.doc.header, state.doc.metadata, state.issues
    nodes = doc.walk()
    if nodes:
        take_closing(state, nodes[-1])
    uniform = state.rules.uniform_kinds
    rows = glued_rows(state)
    printed = Layout(state.text, doc.segments)
    for group in [doc.roots] + [n.children for n in nodes if n.children]:
        titles(group, issues, state.rules, rows, state.glued_roles, printed)
        mend_markers(group, uniform, issues)
    doc.preamble = join_paragraphs([s for s in doc.segments if s.owner == "preamble"], issues)
    doc.closing = join_paragraphs(state.closing, issues) if state.closing else None
    for seg in state.closing:
        seg.owner = "closing"
    md.year = (
        first_year(h.plan_title)
        or first_year(h.title)
        or first_year(h.doc_number)
        or first_year(h.date)
    )
    after = state.tail_units_after
    last = state.glued_roles[-1:] or ["lead"]  # a spaced header row's last column is units
    if after is not None and not rows and last[0] in UNIT_ROLES:
        position = {id(s): k for k, s in enumerate(doc.segments)}
        start = position.get(id(after), len(doc.segments))
        for node in doc.tasks:
            if position.get(id(node.segs[0]), -1) > start:
                tail_units(node, state.rules)
    lines = _responsibility_lines(doc)
    for node in nodes:  # a section's own text may name its units too (…。责任单位：…)
        if node.children:
            responsibility(state.rules, node, lines.get(node.id, ()))
    tasks = doc.tasks
    for node in tasks:
        responsibility(state.rules, node, lines.get(node.id, ()))
    for node, roles in cover(state.rules, tasks):
        merge_roles(node, roles)
    for node in tasks:
        deadlines(state.rules, node, md.year)
        row_fields(node, md.year, state.rules)
        cell = rows[node.id].deadline if node.id in rows else None
        if cell:  # a glued row's time-limit cell
            node.deadlines.extend(cell_deadlines(state.rules, cell, md.year))
