"""Word documents in (.docx): the text of its body as lines, with python-docx.

Paragraphs and tables in the order of the document; a table row is one line with its cells
joined by ` | ` (a cell's paragraphs by spaces; a cell merged across columns once), the shape
html.py gives a page's rows, so that a 任务分解表 reaches the table reader as rows.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (python-docx is imported only when a Word document is read)
    from docx.table import Table, _Cell

ZIP = b"PK\x03\x04"


def is_docx(data: bytes) -> bool:
    """A ZIP holding word/document.xml: a Word document (an .xlsx or a plain ZIP is not)."""
    if not data.startswith(ZIP):
        return False
    import zipfile  # (only for a ZIP: its import cost every start ~5 ms)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def docx_text(data: bytes) -> str:
    """The document's body, a paragraph a line, a table row a line of cells.

    Raises ValueError for a document python-docx cannot open (damaged)."""
    import docx  # python-docx, imported only for a Word document
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # (python-docx raises many kinds for a damaged package)
        raise ValueError(f"a damaged Word document ({type(exc).__name__})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_rows(block))
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


def _rows(table: Table) -> list[str]:
    """The table's rows, each a line of its cells between bars (`1 | 加强… | 办公室 |`)."""
    rows = []
    for row in table.rows:
        cells, seen = [], None
        for cell in row.cells:
            if cell._tc is seen:  # (a cell merged across columns is listed for each)
                continue
            seen = cell._tc
            cells.append(" ".join(_cell_text(cell).split()))
        if any(cells):
            rows.append(" | ".join(cells) + (" |" if len(cells) > 1 else ""))
    return rows


def _cell_text(cell: _Cell) -> str:
    """A cell's paragraphs, and the rows of a table inside it, one after another."""
    from docx.table import Table

    return " ".join(
        " ".join(_rows(block)) if isinstance(block, Table) else block.text
        for block in cell.iter_inner_content()
    )
