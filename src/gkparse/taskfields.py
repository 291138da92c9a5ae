"""Task fields: who is responsible, by when. Read from the task's own text and lines only."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from itertools import chain

import regex

from . import covering, units
from .dates import iso
from .elements import SENTENCE_STOP, split_outside
from .model import Deadline, Node, Segment
from .numerals import chinese
from .rules import SPACES, Rules
from .units import GLUED_NAMES, Roles

# 等 before the kind of units it stands for, or before 各 (农业局等各县党委): two lists
UNIT_SPLIT = regex.compile(r"[、，,；;\s]+|等(?=\p{Han}{2,}(?:部门|单位|机构)|各)")


def task_units(text: str) -> list[str]:
    """The units of a responsibility phrase, split on every separator outside brackets
    (`各县（市、区）人民政府` is one unit); no suffix check."""
    parts = units.shared_names(split_outside(text, UNIT_SPLIT))
    return [u.strip("。 ") for u in parts if u.strip("。 ")]


BAR = regex.compile(r"\s*\|\s*")  # between the cells of a row (html.py, word.py)


def cell_roles(rules: Rules, text: str, column: str) -> Roles:
    """The units of a table's unit cell by role: a cell that says more than names (labels,
    verbs, a lead mark: `县政府办牵头，各乡镇配合`) is read by the unit grammar under its column's
    label; names alone as they stand, run-together ones split (cell_units)."""
    phrases = rules.unit_phrases
    if (
        phrases["labelled"].search(text)
        or phrases["role"].search(text)
        or units.LEAD_MARK.search(text)
    ):
        return units.read(rules, f"{'牵头单位' if column == 'lead' else '责任单位'}：{text}")
    names = cell_units(text)
    return Roles(lead=names if column == "lead" else [], responsible=names)


def cell_units(text: str) -> list[str]:
    """The units of a table cell, names run together split apart
    (`区经济发展局区行政审批局` -> 区经济发展局, 区行政审批局)."""
    return [part for unit in task_units(text) for part in GLUED_NAMES.split(unit) if part]


OPENERS, CLOSERS = "（(〔【[", "）)〕】]"
TRAILING = "。；;. "
NAMES_LINE_MAX = 150  # a line of units' names alone is no longer (ten names and their commas)
MAX_GROUPS = 3  # （牵头单位：…）（完成时限：…）: more groups in a row are no units
RESP_SPLIT = regex.compile(r"[、，,；;\s]+")  # how the body reader split a line's units
WORDS = regex.compile(r"[\p{Han}\p{L}\p{N}]")
# compiled once: regex.split with a pattern string looks it up in regex's cache each call
# a parenthesis after a sentence with more text after it: each sentence its own units
# (`…技术标准。（市场监管总局、工业和信息化部负责）推广一批…`)
INNER_GROUP = regex.compile(r"(?<=[。；！？])[（(](?P<inner>[^（）()\n]{2,200})[）)](?=[^\s。；])")
COMMA = regex.compile(r"[，,]")


def _trimmed(text: str, end: int) -> int:
    while end and text[end - 1] in TRAILING:
        end -= 1
    return end


def closing_groups(rules: Rules, text: str) -> list[tuple[str, bool]]:
    """The insides of the bracketed groups that close `text` (a few at most), last first,
    brackets nested inside them kept (`（责任单位：各镇（街道）、区级各部门）`), each with whether it
    is glued to a unit's name before it (`各乡镇人民政府（街道办事处）`: part of that name)."""
    groups: list[tuple[str, bool]] = []
    end = _trimmed(text, len(text))
    while end and text[end - 1] in CLOSERS and len(groups) < MAX_GROUPS:
        depth = 0
        for k in range(end - 1, max(-1, end - 1 - units.MAX_PHRASE), -1):
            depth += (text[k] in CLOSERS) - (text[k] in OPENERS)
            if not depth:
                groups.append((text[k + 1 : end - 1], text.endswith(rules.unit_suffixes, 0, k)))
                end = _trimmed(text, k)
                break
        else:
            return groups
    return groups


def _open_group(rules: Rules, text: str) -> str | None:
    """The text after the last bracket opened and never closed, if a unit label opens it."""
    k = max(text.rfind(c) for c in OPENERS)
    if k < 0 or any(c in text[k:] for c in CLOSERS):
        return None
    m = rules.unit_phrases["labelled"].match(text, k + 1)
    return text[k + 1 :] if m and m["label"] else None


def _inside_brackets(text: str, at: int) -> bool:
    before = text[:at]
    return sum(map(before.count, OPENERS)) > sum(map(before.count, CLOSERS))


def merge_roles(node: Node, roles: Roles) -> None:
    """The units added to the node's, each once; its lead units first, as the plan names them."""
    node.responsible.extend(u for u in roles.responsible if u not in node.responsible)
    node.lead.extend(u for u in roles.lead if u not in node.lead)
    node.support.extend(u for u in roles.support if u not in node.support)
    if node.lead:
        node.responsible[:] = node.lead + [u for u in node.responsible if u not in node.lead]


def _line(rules: Rules, node: Node, seg: Segment) -> None:
    """A responsibility line the body reader gave the item, read again by the unit grammar.
    A line that says more than its label and units (a verb, a time limit) joins the item's
    text too, so that nothing it says is lost."""
    m = next((m for p in rules.responsibility if (m := p.fullmatch(seg.text))), None)
    if m is None:
        return
    if not m["units"].strip():  # the label alone: its units on the line under it
        _label_above(rules, node, m["label"], seg.line)
        return
    raw = [u for u in RESP_SPLIT.split(m["units"].strip()) if u]
    node.responsible[:] = [u for u in node.responsible if u not in raw]
    node.lead[:] = [u for u in node.lead if u not in raw]
    roles = units.read(rules, f"{m['label']}：{m['units']}")
    merge_roles(node, roles)
    rest = m["units"]
    for unit in roles.lead + roles.responsible + roles.support:
        rest = rest.replace(unit, "", 1)
    if WORDS.search(rest):
        node.text = "\n".join(filter(None, [node.text, seg.text]))


def _label_above(rules: Rules, node: Node, label: str, line: int) -> None:
    """The units of a line of the item's text right under a label alone on its line (a page's
    bold `责任单位：` in a paragraph of its own), when it lists nothing but units."""
    below = next((s for s in node.segs if s.line > line), None)
    if below is None or below.context != "line":
        return
    if units.names_only(rules, below.text):
        merge_roles(node, units.read(rules, f"{label}：{below.text}"))


def _closing_clause(rules: Rules, sentence: str) -> Roles:
    """The units of a last sentence of nothing but units and verbs, or of its longest part
    after a comma that is (`开展解读工作，市发改委、市统计局分别负责`)."""
    roles = units.whole(rules, sentence)
    for m in COMMA.finditer(sentence):
        if roles:
            break
        roles = units.whole(rules, sentence[m.end() :])
    return roles


def responsibility(rules: Rules, node: Node, lines: Iterable[Segment] = ()) -> None:
    """The units of a task, or of a section's own text: its responsibility lines, then what its
    heading and text name (_bracketed, _listed). Lead units come first in `responsible`."""
    for seg in lines:
        _line(rules, node, seg)
    text = node.text or node.title or ""
    if covering.paragraph(rules, node):  # 以上3项责任单位：…: its units go to each (covering.py)
        text = text.rsplit("\n", 1)[0] if "\n" in text else node.title or ""
    for roles in chain(_bracketed(rules, node, text), _listed(rules, node, text)):
        merge_roles(node, roles)


def _read_groups(rules: Rules, groups: list[tuple[str, bool]]) -> Iterator[Roles]:
    for inner, glued in groups:
        yield units.read(rules, inner, bare=not glued)


def _bracketed(rules: Rules, node: Node, text: str) -> Iterator[Roles]:
    """The bracketed groups closing the heading above the text (`（一）做好解读（市政府办牵头）`),
    each paragraph and the last (a closing text run on after it is no part of it), a group the
    download cut off, and a group after a sentence with more text after it."""
    if node.text and node.title:
        yield from _read_groups(rules, closing_groups(rules, node.title))
    *paragraphs, last = text.split("\n")
    for paragraph in paragraphs:  # （X牵头落实） closing a paragraph before the last
        yield from _read_groups(rules, closing_groups(rules, paragraph))
    groups = closing_groups(rules, last)
    yield from _read_groups(rules, groups)
    opened = None if groups else _open_group(rules, last)
    if opened:  # cut off: its last name may be cut too (区政)
        roles = units.read(rules, opened)
        for names in (roles.responsible, roles.lead, roles.support):
            if names and not units.is_unit(rules, names[-1]):
                names.pop()
        yield roles
    for m in INNER_GROUP.finditer(text):
        yield units.read(rules, m["inner"], bare=False)


def _sentence_first(node: Node) -> bool:
    """Whether the item opens with a sentence of its own (`1.巩固…定额。`), as a task does."""
    first = node.segs[0].text if node.segs else ""
    return bool(node.title) and first.rstrip().endswith("。") or "。\n" in (node.text or "")


def _names_line(rules: Rules, line: str) -> Roles:
    """A line of nothing but units, each named with its place (市教育局、各区人民政府), closing an
    item: the item's units. A name without its place may be a venue (西城街道办事处（…路49号）)
    or a table's cell (全社会)."""
    if len(line) > NAMES_LINE_MAX or not line.startswith(units.OWN_PLACE):
        return Roles()  # (a paragraph, or a name without its place: split costs ~50 µs)
    names = units.names_only(rules, line.rstrip("。；; "))
    if names and all(u.startswith(units.OWN_PLACE) for u in names):
        return units.read(rules, line.rstrip("。；; "))
    return Roles()


def _listed(rules: Rules, node: Node, text: str) -> Iterator[Roles]:
    """Labelled lists after the text's sentences, a row's cells of nothing but units, a line or
    last sentence of nothing but units and verbs, a unit named before the text."""
    for m in rules.unit_phrases["inline_label"].finditer(text):
        if not _inside_brackets(text, m.start()):
            yield units.read(rules, m["units"])
    for line in text.split("\n"):  # `1.做好… | 县政府办、县融媒体中心 |`: a row of cells
        for cell in BAR.split(line)[1:]:
            if units.names_only(rules, cell):
                yield cell_roles(rules, cell, "responsible")
    # the paragraphs on lines of their own after the item's first line (that line: the title's)
    paragraphs = text.split("\n")[0 if node.title and node.text else 1 :]
    for line in paragraphs:  # 市发改委牵头落实 under the item's first paragraph
        yield units.whole(rules, line.rstrip("。；;！？ "))
    if paragraphs and _sentence_first(node):  # 市教育局、市财政局: the last line, names alone
        yield _names_line(rules, paragraphs[-1])
    *paragraphs, last = text.split("\n")
    if not closing_groups(rules, last):
        sentence = SENTENCE_STOP.split(last.rstrip("。；;！？ "))[-1]
        yield _closing_clause(rules, sentence)
    m = rules.unit_phrases["leading_unit"].match(node.title or text)
    if m and all(u.endswith(rules.unit_suffixes) for u in task_units(m["units"])):
        yield Roles(responsible=task_units(m["units"]))


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def deadline_date(kind: str, m: regex.Match[str], plan_year: int | None) -> str | None:
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else plan_year
    if kind == "relative" or year is None:
        return None
    if kind == "day":
        return iso(year, int(m["m"]), int(m["d"]))
    if kind == "month":
        month = int(m["m"])
        day = {"上旬": 10, "中旬": 20}.get(groups.get("part") or "", _last_day(year, month))
        return iso(year, month, day)
    if kind == "year_end":
        return iso(year, 12, 31)
    if kind == "half":
        return iso(year, 6, 30) if m["half"] == "上" else iso(year, 12, 31)
    quarter = int(m["q"]) if m["q"].isdigit() else chinese(m["q"]) or 4
    return iso(year, quarter * 3, _last_day(year, quarter * 3))


def deadlines(rules: Rules, node: Node, plan_year: int | None) -> None:
    """Every time limit of the task, in order; where forms overlap, the earlier rule wins."""
    node.deadlines = deadlines_in(
        rules, "\n".join(filter(None, [node.title, node.text])), plan_year
    )


def cell_deadlines(rules: Rules, text: str, plan_year: int | None) -> list[Deadline]:
    """A time-limit cell's deadlines: those read in it when they are all it says; else the
    whole cell is one (处罚决定作出之日起7个工作日内: its event is part of it), dated when one
    date was read in it. Never a word of the cell lost."""
    found = deadlines_in(rules, text, plan_year)
    letters = "".join(WORDS.findall(text))
    if found and "".join(WORDS.findall("".join(d.text for d in found))) == letters:
        return found
    dates = [d.date for d in found if d.date]
    return [Deadline(SPACES.sub("", text.strip()), dates[0] if len(dates) == 1 else None)]


def deadlines_in(rules: Rules, text: str, plan_year: int | None) -> list[Deadline]:
    taken = bytearray(len(text))  # characters already part of a deadline
    found: list[tuple[int, Deadline]] = []
    for kind, pattern in rules.deadlines:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            date = deadline_date(kind, m, plan_year)
            found.append((m.start(), Deadline(SPACES.sub("", m.group()), date)))
    return [d for _, d in sorted(found, key=lambda x: x[0])]
