"""Task fields: who is responsible, by when. Read from the task's own text and lines only."""

from __future__ import annotations

import calendar

import regex

from .dates import iso
from .model import Deadline, Node
from .numerals import chinese
from .rules import Rules

UNIT_SPLIT = regex.compile(r"[、，,；;\s]+|等(?=\p{Han}{2,}(?:部门|单位|机构))")
# （牵头单位：县委编办；责任单位：县政府各部门） or （市政府办牵头，各区政府负责）
CLOSING_PARENS = regex.compile(r"[（(](?P<inner>[^（）()]{2,200}?(?:牵头|负责|单位|部门)[^（）()]{0,200}?)[)）][。；]?$")
LABELLED = regex.compile(r"(?P<label>牵头单位|责任单位|责任部门|牵头部门|配合单位|配合部门|参与单位)\s*[:：]?\s*(?P<units>[^；;]+)")
ROLE = regex.compile(r"(?P<units>.+?)(?P<role>牵头|负责|配合|参与)(?:落实|实施)?")
LEAD_ROLES = {"牵头", "牵头单位", "牵头部门"}
# 市政府办：… — a unit named before the task's text
LEADING_UNIT = regex.compile(r"^(?P<units>[\p{Han}、，]{2,40}?)[:：]")


def split_units(text: str) -> list[str]:
    return [u.strip("。 ") for u in UNIT_SPLIT.split(text) if u.strip("。 ")]


def _add(node: Node, units: list[str], lead: bool) -> None:
    node.responsible.extend(u for u in units if u not in node.responsible)
    if lead:
        node.lead.extend(u for u in units if u not in node.lead)


def responsibility(rules: Rules, node: Node) -> None:
    """Units named by a closing parenthesis or a leading `单位：` (responsibility lines were taken
    when the body was read)."""
    text = node.text or ""
    last = text.rsplit("\n", 1)[-1]
    m = CLOSING_PARENS.search(last)
    if m:
        inner = m["inner"]
        labelled = list(LABELLED.finditer(inner))
        for part in labelled:
            _add(node, split_units(part["units"]), part["label"] in LEAD_ROLES)
        if not labelled:  # 市政府办牵头，各区政府负责 — or with the comma lost
            for part in regex.split(r"[，,；;]", inner):
                for piece in ROLE.finditer(part.strip()):
                    _add(node, split_units(piece["units"]), piece["role"] == "牵头")
    m = LEADING_UNIT.match(node.title or text)
    if m and all(u.endswith(rules.unit_suffixes) for u in split_units(m["units"])):
        _add(node, split_units(m["units"]), False)
    if node.lead:  # the lead units first, as the plan names them
        node.responsible[:] = node.lead + [u for u in node.responsible if u not in node.lead]


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
    text = "\n".join(filter(None, [node.title, node.text]))
    taken = bytearray(len(text))  # characters already part of a deadline
    found: list[tuple[int, Deadline]] = []
    for kind, pattern in rules.deadlines:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            found.append((m.start(), Deadline(regex.sub(r"\s+", "", m.group()), deadline_date(kind, m, plan_year))))
    node.deadlines = [d for _, d in sorted(found, key=lambda x: x[0])]
