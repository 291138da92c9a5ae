"""`gkparse tasks --xlsx`: the task table as an Excel workbook (openpyxl).

A spreadsheet reads a CSV's `3.10` as the number 3.1 and a date as text; here every cell has its
type: ids and all other text as text (never a formula), the year as a number, a deadline as a
date. The header row is frozen and filtered, and each column as wide as its content, up to a cap.
The bytes are the same on every run: no timestamp of now, in the zip or in the properties.
"""

from __future__ import annotations

import datetime
import io
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

import regex

EXCEL_CELL_MAX = 32_767  # characters a cell holds; Excel "repairs" a longer one
NARROW, WIDE = 60, 100  # column width caps, in widths of "0": most columns, the task's text
WIDE_COLUMNS = {"text"}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's first date: no time of now
# XML 1.0 forbids C0 controls but tab and newline; a lone surrogate cannot be encoded
UNWRITABLE = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
ISO_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")


def _year(cell: str) -> Any:
    return int(cell) if cell.isascii() and cell.isdigit() else cell


def _date(cell: str) -> Any:
    """One date as a date; several (a task with two deadlines) stay text, as in the CSV."""
    dates = [d for d in cell.split("；") if d]
    if len(dates) == 1 and ISO_DATE.fullmatch(dates[0]):
        try:
            return datetime.date.fromisoformat(dates[0])
        except ValueError:
            return cell
    return cell


TYPED: dict[str, Callable[[str], Any]] = {"year": _year, "deadline_date": _date}
FORMATS = {"year": "0", "deadline_date": "yyyy-mm-dd"}


def clean(cell: str) -> tuple[str, bool]:
    """The text a cell can hold, and whether it had to be cut to Excel's limit."""
    cell = UNWRITABLE.sub("", cell)
    if len(cell) > EXCEL_CELL_MAX:
        return cell[: EXCEL_CELL_MAX - 1] + "…", True
    return cell, False


def display_width(text: str) -> int:
    """Columns a text takes: a Han character is two widths of "0"."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def workbook(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> tuple[bytes, int]:
    """The .xlsx of a table of text cells, and how many cells were cut to Excel's limit."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "tasks"
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    cut = 0
    widths = [display_width(c) for c in columns]
    top = Alignment(vertical="top", wrap_text=True)
    for r, row in enumerate(rows, start=2):
        for c, (name, text) in enumerate(zip(columns, row), start=1):
            text, was_cut = clean(text)
            cut += was_cut
            value = TYPED.get(name, str)(text) if text else None
            cell = sheet.cell(row=r, column=c, value=value)
            if value is None or isinstance(value, str):
                cell.data_type = "s"  # openpyxl takes `=…` for a formula, `#N/A` for an error
                cell.number_format = "@"  # and an edited `3.10` stays text
            else:
                cell.number_format = FORMATS[name]
            cell.alignment = top
            longest = max((display_width(line) for line in text.split("\n")), default=0)
            widths[c - 1] = max(widths[c - 1], longest)
    _layout(sheet, columns, widths)
    return _deterministic_bytes(book), cut


def _layout(sheet: Any, columns: Sequence[str], widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for c, (name, width) in enumerate(zip(columns, widths), start=1):
        cap = WIDE if name in WIDE_COLUMNS else NARROW
        sheet.column_dimensions[get_column_letter(c)].width = min(width + 2, cap)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


class _ZipOfNoTime(zipfile.ZipFile):
    """openpyxl writes each part with the time of now; this zip gives them all one date."""

    def writestr(self, name: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(name, str):
            name = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            name.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(name, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        with open(filename, "rb") as part:  # a worksheet, written to a temporary file first
            self.writestr(arcname or str(filename), part.read())


def _deterministic_bytes(book: Any) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    book.properties.creator = "gkparse"
    # save_workbook would stamp the time of now; the zip's first date says "no date" instead
    book.properties.created = book.properties.modified = datetime.datetime(*ZIP_TIME)
    out = io.BytesIO()
    with _ZipOfNoTime(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()
    return out.getvalue()
