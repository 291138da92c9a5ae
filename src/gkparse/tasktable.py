"""The task table of `gkparse tasks`: one row a task, the columns an office tracking a 任务分解
needs (issue 18), as text cells; `xlsx.py` types them for a workbook, CSV writes them as they are."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .emit import section_titles
from .rules import Rules
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
LIST = "；"  # between the items of a list cell: 、 occurs inside unit names (各县（市、区）)


def task_rows(
    name: str, data: dict[str, Any], unit: Callable[[dict[str, Any]], bool] = lambda _: True
) -> Iterator[list[str]]:
    """A row a task: what an office tracking a 任务分解 needs (issue 18), lists joined by ；."""
    titles = section_titles(data)
    header = data["header"]
    for task in filter(unit, data["tasks"]):
        deadlines = task["deadlines"]
        yield [
            name,
            header["doc_number"] or "",
            header["issuer"] or "",
            header["plan_title"] or "",
            str(data["metadata"]["year"] or ""),
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
            LIST.join(task["keywords"]),
        ]


def unit_filter(rules: Rules, names: tuple[str, ...]) -> Callable[[dict[str, Any]], bool]:
    """Whether a task names one of the units, compared by their lookup keys (units.key)."""
    keys = {unit_key(rules, n) for n in names}

    def named(task: dict[str, Any]) -> bool:
        listed = [*task["responsible"], *task.get("lead", []), *task.get("support", [])]
        return any(unit_key(rules, u) in keys for u in listed)

    return named


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `-2+3`) quoted with `'`,
    as OWASP recommends against CSV injection: a file name or a task's text is the input's."""
    if text == "-":  # standard input's name: no formula, and `'-` would be a wrong file name
        return text
    return "'" + text if text.startswith(FORMULA_START) else text


def table_text(rows: Iterable[list[str]], tsv: bool) -> str:
    """The table as CSV with a BOM (so that a spreadsheet reads it as UTF-8), or as TSV."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t" if tsv else ",", lineterminator="\n")
    writer.writerow(TASK_COLUMNS)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return ("" if tsv else "\ufeff") + out.getvalue()
