"""gkparse: Chinese government notices (通知) and the work plans they hand down, as structured data.

>>> import gkparse
>>> doc = gkparse.parse(open("notice.txt", encoding="utf-8").read())
>>> doc.header.title, [t.id for t in doc.tasks]
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from . import pipeline
from .html import looks_like_html, read_page
from .model import Document, Issue
from .normalize import NotText, decode
from .rules import RuleError, Rules, load_rules
from .state import State
from .word import docx_text, is_docx

__version__ = "0.1.0"
__all__ = [
    "Document",
    "NotText",
    "RuleError",
    "Rules",
    "load_rules",
    "parse",
    "parse_bytes",
    "parse_file",
    "__version__",
]


def parse(
    text: str, *, rules: Rules | None = None, name: str | None = None, keywords: bool = True
) -> Document:
    """Parse the text of one notice into a Document (`keywords=False` skips jieba)."""
    source = {
        "file": name,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "encoding": None,
    }
    return _parse(text, rules, source, [], keywords)


def parse_bytes(
    data: bytes, *, rules: Rules | None = None, name: str | None = None, keywords: bool = True
) -> Document:
    """Decode the bytes of one notice file (UTF-8, GB18030, UTF-16, with or without BOM; a saved
    web page; a Word .docx); parse it.

    Raises NotText for an empty or binary file."""
    if is_docx(data):
        try:
            text, encoding, issues = docx_text(data), "docx", []
        except ValueError as exc:
            raise NotText(str(exc)) from None
    else:
        text, encoding, issues = decode(data)
        if (name or "").lower().endswith((".html", ".htm")) or looks_like_html(text):
            rules = rules or load_rules()
            text, said = _page_text(text, rules)
            issues.append(Issue(None, said))
    source = {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "encoding": encoding}
    return _parse(text, rules, source, issues, keywords)


def _page_text(html: str, rules: Rules) -> tuple[str, str]:
    """The notice's text out of a web page, and what the warning says of how it was read."""
    page = read_page(html, rules)
    if page.body is None:
        return page.text, "an HTML page: its text read a block a line"
    return page.text, (
        f"an HTML page: its article read ({page.body}), a block a line; "
        f"{page.left_out} line(s) of the page around it left out"
    )


def parse_file(path: str | Path, *, rules: Rules | None = None, keywords: bool = True) -> Document:
    """Parse one notice file; its path is recorded as given (`metadata.source.file`)."""
    path = Path(path)
    return parse_bytes(path.read_bytes(), rules=rules, name=str(path), keywords=keywords)


def _parse(
    text: str, rules: Rules | None, source: dict[str, Any], issues: list[Issue], with_keywords: bool
) -> Document:
    state = State(text, rules or load_rules(), source, issues)
    return pipeline.run(state, skip=() if with_keywords else ("keywords",))
