"""Task fields: who is responsible, by when. Read from the task's own text and lines only."""

from __future__ import annotations

import calendar

import regex

from .dates import iso
from .elements import split_outside
from .model import Deadline, Node
from .numerals import chinese
from .rules import Rules

UNIT_SPLIT = regex.compile(r"[、，,；;\s]+|等(?=\p{Han}{2,}(?:部门|单位|机构))")
LEAD_ROLE = "牵头"  # the role word of the units that lead (rules unit_phrases.role)


def task_units(text: str) -> list[str]:
    """The units of a responsibility phrase, split on every separator outside brackets
    (`各县（市、区）人民政府` is one unit); no suffix check."""
    units = split_outside(text, UNIT_SPLIT)
    return [u.strip("。 ") for u in units if u.strip("。 ")]


# where two names run together in a table cell: a unit's last character, then the first of the
# next name (`区经济发展局区行政审批局` -> 区经济发展局, 区行政审批局)
GLUED_NAMES = regex.compile(r"(?<=[局厅委办室科站所院部])(?=[省市区县州镇乡各])")


def cell_units(text: str) -> list[str]:
    """The units of a table cell, names run together split apart."""
    return [part for unit in task_units(text) for part in GLUED_NAMES.split(unit) if part]


def _add(node: Node, units: list[str], lead: bool) -> None:
    node.responsible.extend(u for u in units if u not in node.responsible)
    if lead:
        node.lead.extend(u for u in units if u not in node.lead)


def responsibility(rules: Rules, node: Node) -> None:
    """Units named by a closing parenthesis or a leading `单位：` (responsibility lines were taken
    when the body was read)."""
    text = node.text or ""
    last = text.rsplit("\n", 1)[-1]
    phrases = rules.unit_phrases
    m = phrases["closing_parens"].search(last)
    if m:
        inner = m["inner"]
        labelled = phrases["labelled"].finditer(inner)
        for part in labelled:
            _add(node, task_units(part["units"]), part["label"] in rules.lead_labels)
        if not labelled:  # 市政府办牵头，各区政府负责 — or with the comma lost
            for part in regex.split(r"[，,；;]", inner):
                for piece in phrases["role"].finditer(part.strip()):
                    _add(node, task_units(piece["units"]), piece["role"] == LEAD_ROLE)
    m = phrases["leading_unit"].match(node.title or text)
    if m and all(u.endswith(rules.unit_suffixes) for u in task_units(m["units"])):
        _add(node, task_units(m["units"]), False)
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
    node.deadlines = deadlines_in(
        rules, "\n".join(filter(None, [node.title, node.text])), plan_year
    )


def deadlines_in(rules: Rules, text: str, plan_year: int | None) -> list[Deadline]:
    taken = bytearray(len(text))  # characters already part of a deadline
    found: list[tuple[int, Deadline]] = []
    for kind, pattern in rules.deadlines:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            date = deadline_date(kind, m, plan_year)
            found.append((m.start(), Deadline(regex.sub(r"\s+", "", m.group()), date)))
    return [d for _, d in sorted(found, key=lambda x: x[0])]
