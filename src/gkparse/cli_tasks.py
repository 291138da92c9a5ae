"""`gkparse tasks`: one row per task across a batch of notices, as CSV or TSV, an Excel workbook
(--xlsx) or a calendar of the dated deadlines (--ics). The rows are tasktable's; the batch is
gkparse's own (tally.py), with the same options.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from .console import stdout_is_terminal, warn, write_stdout
from .inputs import doc_name, show
from .options import Batch, common, rule_sources, stdin_args
from .rules import load_rules
from .tally import Tally, start
from .tasktable import TASK_COLUMNS, table_text, task_rows, unit_filter
from .writing import save


@click.command("tasks")
@click.argument("files", nargs=-1)
@click.option("--tsv", is_flag=True, help="Tab-separated values instead of CSV.")
@click.option(
    "--unit",
    "units",
    multiple=True,
    metavar="NAME",
    help="Only the tasks a unit leads, is responsible for or supports (市政府办 also finds "
    "市政府办公室 and 市人民政府办公室). Repeat for several.",
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
    `gkparse`: a folder is walked, '-' (or a pipe and no FILE) is standard input."""
    files = stdin_args(files)
    rules = rule_sources(batch.rule_files, files)
    _check_outputs(output, xlsx_file, ics_file)
    wanted = unit_filter(load_rules(rules), units) if units else (lambda _: True)
    inputs, work, tally = start(files, rules, "json", batch)
    table = bool(output) or not (xlsx_file or ics_file)
    to_stdout = (table and output in (None, "-")) or ics_file == "-"
    to_screen = to_stdout and stdout_is_terminal()
    docs = [
        (doc_name(item.name), json.loads(text))
        for item, text in tally.documents(inputs, work, batch.jobs, to_screen)
    ]
    rows = [row for name, data in docs for row in task_rows(name, data, wanted)]
    outputs: list[tuple[str, str | bytes]] = []
    if table:
        outputs.append((output or "-", table_text(rows, tsv)))
    if xlsx_file:
        outputs.append((xlsx_file, _workbook(xlsx_file, rows, tally)))
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


def _workbook(name: str, rows: list[list[str]], tally: Tally) -> bytes:
    """The rows as an Excel workbook; cells over Excel's limit are cut, with a warning."""
    from .xlsx import EXCEL_CELL_MAX, workbook

    book, cut = workbook(TASK_COLUMNS, rows)
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
