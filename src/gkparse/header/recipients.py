"""主送机关 (`各区人民政府，市政府各部门：`): a list of units ending in `：`; the cover follows."""

from __future__ import annotations

from ..elements import is_recipients, split_units
from .zone import COVER, PREAMBLE, HeaderState


def read(s: HeaderState, i: int) -> int:
    """In the 版头; or below page text the 版头 could not place, until recipients are found."""
    text = s.text(i)
    if s.zone == PREAMBLE and (s.header.recipients or s.front.cover or s.front.plan_title):
        return 0
    if not is_recipients(s.rules, text):
        return 0
    at = page_words_before(s, text)
    if at:  # (the page's words glued on before the list, its line breaks lost)
        s.doc.metadata.dropped.append({"line": s.tokens[i].seg.line, "text": text[:at].strip()})
        text = text[at:]
    s.header.recipients = split_units(s.rules, text)
    s.claim(s.tokens[i].seg, "header.recipients")
    s.zone = COVER
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
