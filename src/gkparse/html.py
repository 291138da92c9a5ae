"""Saved web pages in: the text of an HTML page as the lines a reader sees.

lxml parses the page (a real parser, not patterns: `2023.03.30</p>` keeps its digits); scripts,
styles and comments go; each block element (p, div, br, li, h1–h6, tr…) ends a line, and a table
row's cells are joined with ` | `, so that page-metadata tables (索引号 | … | 发文字号 | …) and task
tables reach the parser as the rows the tokenizer already reads. Navigation and other page text
stay: the junk and header rules take them, as they do in a crawled text.
"""

from __future__ import annotations

import regex

SNIFF = regex.compile(
    r"\A\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<table|<p[\s>])", regex.I
)
BLOCKS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table tbody thead section article header "
    "footer nav aside blockquote pre form title".split()
)
DROP = frozenset("script style noscript template svg iframe object".split())


def looks_like_html(text: str) -> bool:
    return bool(SNIFF.match(text[:2000]))


def html_to_text(text: str) -> str:
    """The page's text, a block a line, table cells joined with ` | `."""
    from lxml import html as lxml_html  # imported only for a page: start-up stays as it was

    root = lxml_html.document_fromstring(text)
    for bad in root.iter(*DROP):
        bad.drop_tree()
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = "".join(current).strip()
        if line:
            lines.append(line)
        current.clear()

    def walk(el) -> None:  # type: ignore[no-untyped-def]
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in BLOCKS:
            flush()
        if tag == "tr" and not _holds_blocks(el):  # a data row, not a layout table's row
            cells = [" ".join(td.text_content().split()) for td in el if td.tag in ("td", "th")]
            if any(cells):
                lines.append(" | ".join(c for c in cells if c) + (" |" if len(cells) > 1 else ""))
            if el.tail:
                current.append(el.tail)
            return
        if el.text and tag:
            current.append(el.text)
        for child in el:
            walk(child)
        if tag in BLOCKS:
            flush()
        if el.tail:
            current.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return "\n".join(lines) + "\n"


def _holds_blocks(row) -> bool:  # type: ignore[no-untyped-def]
    """Whether a table row's cells hold paragraphs or tables of their own: the page's layout."""
    return any(
        isinstance(d.tag, str) and d.tag in BLOCKS and d.tag != "br"
        for cell in row
        for d in cell.iterdescendants()
    )
