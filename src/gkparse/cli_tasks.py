"""`gkparse tasks`: one row per task across a batch of notices, as CSV or TSV, an Excel workbook
(--xlsx) or a calendar of the dated deadlines (--ics). The rows are tasktable's; the batch is
gkparse's own (tally.py), with the same options. A gkparse YAML or JSON (the output of `gkparse`)
is read as the document it is, with diff's reader, not parsed again.
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
    YAML or JSON is read as it is. When a section names units for itself, three more columns
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
    documents read as they are (one that is not: `gkparse: PATH: reason`, counted)."""
    from .diff import document_kind

    kinds = [
        document_kind(job.data, item.path if job.data is None else None)
        for item, job in zip(inputs, work)
    ]
    notices = [(item, job) for (item, job), kind in zip(zip(inputs, work), kinds) if kind is None]
    parsed = {
        id(item): json.loads(text)
        for item, text in tally.documents(
            [i for i, _ in notices], [j for _, j in notices], batch.jobs, to_screen
        )
    }
    docs = []
    for item, job, kind in zip(inputs, work, kinds):
        data = parsed.get(id(item)) if kind is None else _read(item, job, kind, tally, batch)
        if data is not None:
            docs.append((doc_name(item.name), data))
    return docs


def _read(item: Input, job: Job, kind: str, tally: Tally, batch: Batch) -> dict[str, Any] | None:
    """A gkparse document given to `tasks` (diff's reader and checks); None when it is not."""
    from .diff import read_document

    try:
        raw = job.data if job.data is not None else read_limited(item.path, batch.max_size)
        data = read_document(raw, kind)
        check_keywords(data)
        data.setdefault("header", {})  # (diff's checks let a document edited by hand omit them)
        data.setdefault("metadata", {})
        return data
    except (OSError, ValueError, TooLarge) as exc:
        tally.fail(show(item.name), " ".join((getattr(exc, "strerror", None) or str(exc)).split()))
    except RecursionError:
        tally.fail(show(item.name), "structure too deep to read")
    return None


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
