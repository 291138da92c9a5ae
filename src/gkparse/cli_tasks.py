"""`gkparse tasks`: one row per task across a batch of notices, as CSV or TSV, an Excel workbook
(--xlsx) or a calendar of the dated deadlines (--ics). The rows are tasktable's; the batch is
gkparse's own (tally.py), with the same options. A gkparse YAML, JSON or JSON Lines file (the
output of `gkparse`) is read as the documents it holds (docread.py, as `diff` reads one), not
parsed again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .batch import Job
from .console import stdout_is_terminal, warn, write_stdout
from .inputs import Input, TooLarge, doc_name, read_limited, show
from .options import Batch, common, rule_sources, stdin_args
from .rules import load_rules
from .sectionunits import named_anywhere
from .tally import Tally, start
from .tasktable import (
    SECTION_COLUMNS,
    TASK_COLUMNS,
    check_keywords,
    table_text,
    task_rows,
    unit_filter,
)
from .writing import save


@click.command("tasks")
@click.argument("files", nargs=-1)
@click.option("--tsv", is_flag=True, help="Tab-separated values instead of CSV.")
@click.option(
    "--unit",
    "units",
    multiple=True,
    metavar="NAME",
    help="Only the tasks a unit leads, is responsible for or supports, themselves or as a "
    "section around them names it (市政府办 also finds 市政府办公室 and 市人民政府办公室). "
    "Repeat for several.",
)
@click.option(
    "--xlsx",
    "xlsx_file",
    metavar="FILE",
    help="Write the table as an Excel workbook: ids as text, deadlines as dates.",
)
@click.option(
    "--ics",
    "ics_file",
    metavar="FILE",
    help="Write the dated deadlines as an iCalendar file ('-': standard output).",
)
@common("tasks")
def tasks_command(
    files: tuple[str, ...],
    tsv: bool,
    units: tuple[str, ...],
    xlsx_file: str | None,
    ics_file: str | None,
    output: str | None,
    batch: Batch,
) -> None:
    """One row per task across all FILEs: CSV (UTF-8 with BOM, for spreadsheets) or --tsv,
    on standard output unless -o, --xlsx or --ics names where the tasks go. FILE as for
    `gkparse`: a folder is walked, '-' (or a pipe and no FILE) is standard input; a gkparse
    YAML, JSON or JSON Lines file is read as it is. When a section names units for itself, three more columns
    (section_lead, section_responsible, section_support) give each task those of its sections."""
    files = stdin_args(files)
    rules = rule_sources(batch.rule_files, files)
    _check_outputs(output, xlsx_file, ics_file)
    wanted = unit_filter(load_rules(rules), units) if units else (lambda _task, _units: True)
    inputs, work, tally = start(files, rules, "json", batch)
    table = bool(output) or not (xlsx_file or ics_file)
    to_stdout = (table and output in (None, "-")) or ics_file == "-"
    to_screen = to_stdout and stdout_is_terminal()
    docs = _documents(inputs, work, tally, batch, to_screen)
    sections = any(named_anywhere(data) for _, data in docs)
    columns = TASK_COLUMNS + SECTION_COLUMNS if sections else TASK_COLUMNS
    rows = [row for name, data in docs for row in task_rows(name, data, wanted, sections)]
    outputs: list[tuple[str, str | bytes]] = []
    if table:
        outputs.append((output or "-", table_text(rows, tsv, columns)))
    if xlsx_file:
        outputs.append((xlsx_file, _workbook(xlsx_file, columns, rows, tally)))
    if ics_file:
        from .ical import calendar, events

        outputs.append((ics_file, calendar(events(docs, wanted))))
    taken = {item.path.resolve(): item.name for item in inputs if item.path and not item.stream}
    for target, content in outputs:
        if target == "-":
            write_stdout(content if isinstance(content, str) else content.decode())
        elif not save(show(target), Path(target), content, taken):
            tally.failed += 1
    tally.end()


def _documents(
    inputs: list[Input], work: list[Job], tally: Tally, batch: Batch, to_screen: bool
) -> list[tuple[str, dict[str, Any]]]:
    """(name, gkparse/1 mapping) of each input, in order: notices parsed by the batch, gkparse
    documents read as they are (a file that holds none: `gkparse: PATH: reason`, counted)."""
    from .docread import document_kind

    kinds = [
        document_kind(j.data, i.path if j.data is None else None) for i, j in zip(inputs, work)
    ]
    notices = [(i, j) for i, j, kind in zip(inputs, work, kinds) if kind is None]
    parsed = {
        id(item): json.loads(text)
        for item, text in tally.documents(
            [i for i, _ in notices], [j for _, j in notices], batch.jobs, to_screen
        )
    }
    docs = []
    for item, job, kind in zip(inputs, work, kinds):
        found = [parsed[id(item)]] if id(item) in parsed else []
        if kind is not None:
            found = _read(item, job, kind, tally, batch)
        docs += [(doc_name(item.name), data) for data in found]
    return docs


def _read(item: Input, job: Job, kind: str, tally: Tally, batch: Batch) -> list[dict[str, Any]]:
    """The gkparse documents of a YAML or JSON (Lines) file given to `tasks`, checked as diff
    checks them; none when it holds something else (said, and counted as a failure)."""
    from .docread import read_documents

    try:
        raw = job.data if job.data is not None else read_limited(item.path, batch.max_size)
        documents = read_documents(raw, kind)
        for data in documents:
            check_keywords(data)
    except (OSError, ValueError, TooLarge) as exc:
        tally.fail(show(item.name), " ".join((getattr(exc, "strerror", None) or str(exc)).split()))
        return []
    except RecursionError:
        tally.fail(show(item.name), "structure too deep to read")
        return []
    for data in documents:
        _as_parsed(data, batch, tally, show(item.name))
    return documents


def _as_parsed(data: dict[str, Any], batch: Batch, tally: Tally, name: str) -> None:
    """A document read back made to read as a notice parsed in this run: what diff's checks
    let a hand-edited one omit, filled in; --no-keywords and -v obeyed."""
    from .docread import warnings_of

    data.setdefault("header", {})
    data.setdefault("metadata", {})
    if batch.no_keywords:
        for task in data["tasks"]:
            task["keywords"] = []
    warnings = warnings_of(data)
    tally.warned += len(warnings)
    if batch.verbose:
        for warning in warnings:
            warn(name, warning)


def _workbook(name: str, columns: list[str], rows: list[list[str]], tally: Tally) -> bytes:
    """The rows as an Excel workbook; cells over Excel's limit are cut, with a warning."""
    from .xlsx import EXCEL_CELL_MAX, workbook

    book, cut = workbook(columns, rows)
    if cut:
        tally.warned += 1
        warn(show(name), f"{cut} cell(s) cut to {EXCEL_CELL_MAX:,} characters, Excel's limit")
    return book


def _check_outputs(output: str | None, xlsx_file: str | None, ics_file: str | None) -> None:
    if xlsx_file == "-":
        raise click.UsageError("--xlsx needs a file name: a workbook is no text for a terminal")
    if output == "-" and ics_file == "-":
        raise click.UsageError("-o - and --ics - would both write to standard output")
    named = [Path(t).resolve() for t in (output, xlsx_file, ics_file) if t and t != "-"]
    if len(set(named)) < len(named):
        raise click.UsageError("-o, --xlsx and --ics name the same file")
