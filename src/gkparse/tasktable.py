"""The task table of `gkparse tasks`: one row a task, the columns an office tracking a 任务分解
needs (issue 18), as text cells; `xlsx.py` types them for a workbook, CSV writes them as they are."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .emit import section_titles
from .rules import Rules
from .sectionunits import ROLES, Units, all_units, inherited, of_task
from .units import key as unit_key

TASK_COLUMNS = [
    "file",
    "doc_number",
    "issuer",
    "plan_title",
    "year",
    "task_id",
    "section_title",
    "task_title",
    "text",
    "lead",
    "responsible",
    "support",
    "deadline_text",
    "deadline_date",
    "keywords",
]
# the units a task's sections name (sectionunits.py): columns of their own, added to a table
# only when a notice of the batch has such a section, so that every other table is as before
SECTION_COLUMNS = [f"section_{role}" for role in ROLES]
LIST = "；"  # between the items of a list cell: 、 occurs inside unit names (各县（市、区）)


Wanted = Callable[[dict[str, Any], Units], bool]
"""Whether a task is wanted, given the task and the units its sections name."""


def task_rows(
    name: str,
    data: dict[str, Any],
    unit: Wanted = lambda _task, _units: True,
    sections: bool = False,
) -> Iterator[list[str]]:
    """A row a task: what an office tracking a 任务分解 needs (issue 18), lists joined by ；;
    with `sections`, then the units its sections name (SECTION_COLUMNS)."""
    titles = section_titles(data)
    above = inherited(data)
    header = data["header"]
    for task in data["tasks"]:
        units = of_task(above, task)
        if not unit(task, units):
            continue
        deadlines = task["deadlines"]
        row = [
            name,
            header.get("doc_number") or "",
            header.get("issuer") or "",
            header.get("plan_title") or "",
            str(data["metadata"].get("year") or ""),
            task["id"],
            titles.get(task["section"] or "", ""),
            task["title"] or "",
            task["text"] or "",
            LIST.join(task.get("lead", [])),
            LIST.join(task["responsible"]),
            LIST.join(task.get("support", [])),
            LIST.join(d["text"] for d in deadlines),
            LIST.join(d["date"] or "" for d in deadlines)
            if any(d["date"] for d in deadlines)
            else "",
            LIST.join(task.get("keywords", [])),
        ]
        yield row + [LIST.join(units[role]) for role in ROLES] if sections else row


def unit_filter(rules: Rules, names: tuple[str, ...]) -> Wanted:
    """Whether a task names one of the units, or a section around it does, compared by their
    lookup keys (units.key): a section's units are those of every task in it."""
    keys = {unit_key(rules, n) for n in names}

    def named(task: dict[str, Any], units: Units) -> bool:
        listed = [*task["responsible"], *task.get("lead", []), *task.get("support", [])]
        return any(unit_key(rules, u) in keys for u in [*listed, *all_units(units)])

    return named


def check_keywords(data: dict[str, Any]) -> None:
    """The one field of a task the table reads that diff does not check (ValueError)."""
    for n, task in enumerate(data["tasks"]):
        words = task.get("keywords", [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"not a gkparse/1 document: tasks[{n}].keywords malformed")


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `-2+3`) quoted with `'`,
    as OWASP recommends against CSV injection: a file name or a task's text is the input's."""
    if text == "-":  # standard input's name: no formula, and `'-` would be a wrong file name
        return text
    return "'" + text if text.startswith(FORMULA_START) else text


def table_text(rows: Iterable[list[str]], tsv: bool, columns: list[str] = TASK_COLUMNS) -> str:
    """The table as CSV with a BOM (so that a spreadsheet reads it as UTF-8), or as TSV."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t" if tsv else ",", lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return ("" if tsv else "\ufeff") + out.getvalue()
