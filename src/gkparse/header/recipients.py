"""主送机关 (`各区人民政府，市政府各部门：`): a list of units ending in `：`; the cover follows."""

from __future__ import annotations

from ..elements import SENTENCE_END, is_recipients, split_units
from .zone import COVER, PREAMBLE, HeaderState

# A 主送机关 too long for one line wraps (GB/T 9704 7.3.3: 回行时仍顶格); a page or a PDF keeps the
# break, after a list's separator or wherever the width fell (`…市政府各部门、各直` / `属机构：`):
# a line of a list (a separator in it, or 各 first), no sentence nor title, goes on to the colon.
WRAP_LINES_MAX = 4
LIST_SEPARATORS = ("，", ",", "、")


def read(s: HeaderState, i: int) -> int:
    """In the 版头; or below page text the 版头 could not place, until recipients are found."""
    text = s.text(i)
    if s.zone == PREAMBLE and (s.header.recipients or s.front.cover or s.front.plan_title):
        return 0
    used = wrapped(s, i)
    if used > 1:
        text = "".join(s.text(j) for j in range(i, i + used))
    elif not is_recipients(s.rules, text):
        return 0
    at = page_words_before(s, text)
    if at:  # (the page's words glued on before the list, its line breaks lost)
        s.doc.metadata.dropped.append({"line": s.tokens[i].seg.line, "text": text[:at].strip()})
        text = text[at:]
    s.header.recipients = split_units(s.rules, text)
    for j in range(i, i + used):
        s.claim(s.tokens[j].seg, "header.recipients")
    s.zone = COVER
    return used


def wrapped(s: HeaderState, i: int) -> int:
    """How many lines from i make one 主送机关 wrapped over them: each but the last a line of a
    list, the last ends in the colon, and together they are a list of units; else 1."""
    for j in range(i, min(i + WRAP_LINES_MAX, len(s.tokens))):
        if s.tokens[j].kind != "text":
            return 1
        text = s.text(j)
        if text.endswith((":", "：")):
            joined = "".join(s.text(k) for k in range(i, j + 1))
            return j + 1 - i if j > i and is_recipients(s.rules, joined) else 1
        if not _list_line(s, text):
            return 1
    return 1


def _list_line(s: HeaderState, text: str) -> bool:
    """A line that may go on in the next: it ends in a list's separator, or it is a list's head
    cut at the line's width (a separator inside, or 各 first; no sentence, no title's ending)."""
    if text.endswith(LIST_SEPARATORS):
        return True
    return (
        (text.startswith("各") or any(sep in text for sep in LIST_SEPARATORS))
        and not any(ch in text for ch in SENTENCE_END)
        and not s.rules.header["title_end"].fullmatch(text)
    )


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
