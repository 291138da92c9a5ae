"""Stage `page`: the page around the notice, wherever it stands.

Junk lines (widgets, breadcrumbs, share buttons) go to metadata.dropped, page metadata pairs
(索引号, 发布机构, 成文日期…) to their fields. What is left is the notice: `state.notice`.
"""

from __future__ import annotations

from . import precompiled
from .dates import find_date, parse_date_line, with_time
from .elements import doc_number
from .model import Token
from .state import State

HEADER_FIELDS = (
    "date",
    "doc_number",
    "title",
)  # page metadata that names the notice's own elements
KEYWORD_SPLIT = precompiled.pattern(r"[\s,，;；、]+")
# a 文号 the doc number rule cannot read is still one when it has a number and no label in it
NUMBERED = precompiled.pattern(r"[^:：]*\d[^:：]*")


def place(state: State, tok: Token) -> bool:
    """Place a junk or metadata token; say whether the token was one."""
    md, h = state.doc.metadata, state.doc.header
    if tok.kind == "junk":
        md.dropped.append({"line": tok.seg.line, "text": tok.seg.raw})
        tok.seg.owner = "metadata.dropped"
        return True
    if tok.kind != "meta":
        return False
    field, value = tok.name, tok.value.strip()
    target = "header" if field in HEADER_FIELDS else "metadata"
    tok.seg.owner = f"{target}.{field}" if field != "drop" else "metadata.dropped"
    if field == "drop":
        md.dropped.append({"line": tok.seg.line, "text": tok.seg.raw})
    elif value and field in ("published", "date"):
        date = parse_date_line(value)[0] or find_date(value)
        if field == "date":
            h.date = h.date or date
        else:
            md.published = md.published or with_time(date, value)
    elif value and field == "doc_number":
        number = doc_number(state.rules, value) or (value if NUMBERED.fullmatch(value) else None)
        if number is None:  # (`文号: 所属主题: X`: an empty 文号, the next pair read as its value)
            md.dropped.append({"line": tok.seg.line, "text": tok.seg.raw})
            tok.seg.owner = "metadata.dropped"
        h.doc_number = h.doc_number or number
    elif value and field == "keywords":
        md.keywords = md.keywords or [k for k in KEYWORD_SPLIT.split(value) if k]
    elif value and field == "title":
        h.title = h.title or value  # as printed: header/title.py cleans it
    elif value:
        setattr(md, field, getattr(md, field) or value)
    return True


def run(state: State) -> None:
    state.notice = [tok for tok in state.tokens if not place(state, tok)]
