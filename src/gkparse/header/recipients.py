"""主送机关 (`各区人民政府，市政府各部门：`): a list of units ending in `：`; the cover follows."""

from __future__ import annotations

from ..elements import is_recipients, split_units
from .zone import COVER, PREAMBLE, HeaderState

LIST_OPEN = ("、", "，", ",")  # a line ending so is a list the page's width broke
WRAPPED_LINES = 3  # lines a list of recipients wraps over at most


def read(s: HeaderState, i: int) -> int:
    """In the 版头; or below page text the 版头 could not place, until recipients are found."""
    if s.zone == PREAMBLE and (s.header.recipients or s.front.cover or s.front.plan_title):
        return 0
    lines = _wrapped(s, i)
    text = "".join(s.text(k) for k in range(i, i + lines))
    if not is_recipients(s.rules, text):
        return 0
    at = page_words_before(s, text)
    if at:  # (the page's words glued on before the list, its line breaks lost)
        s.doc.metadata.dropped.append({"line": s.tokens[i].seg.line, "text": text[:at].strip()})
        text = text[at:]
    s.header.recipients = split_units(s.rules, text)
    for k in range(i, i + lines):
        s.claim(s.tokens[k].seg, "header.recipients")
    s.zone = COVER
    return lines


def _wrapped(s: HeaderState, i: int) -> int:
    """How many lines from i a list of recipients takes: one, or those up to its colon when a
    line ends inside the list (`…，市直各委、办、` / `局：`)."""
    lines = 1
    while s.text(i + lines - 1).rstrip().endswith(LIST_OPEN) and lines < WRAPPED_LINES:
        if i + lines >= len(s.tokens) or s.tokens[i + lines].kind != "text":
            return 1
        lines += 1
        if s.text(i + lines - 1).rstrip().endswith(("：", ":")):
            return lines
    return 1


def page_words_before(s: HeaderState, text: str) -> int:
    """Where a list of recipients begins after the page's words glued before it (`微博各乡…`,
    `首页 > 信息公开 > 工作动态各街道…`): before its first 各, when all before is junk, a column
    label, or junk then a column label; 0 when nothing is."""
    at = text.find("各")
    if at <= 0:
        return 0
    before = text[:at].strip()
    column = next((c for c in s.rules.page_columns if before.endswith(c)), "")
    rest = before[: len(before) - len(column)].strip()
    return at if (not rest and column) or (rest and s.rules.junk_id(rest)) else 0
