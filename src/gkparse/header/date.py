"""成文日期 printed alone in the 版头 (a page that puts the date above the text). The date
under a signature is signature.py's; when both are printed and differ, the signed one is the
成文日期 and the other the page's publication date."""

from __future__ import annotations

from ..dates import parse_date_line
from .zone import HeaderState


def read(s: HeaderState, i: int) -> int:
    date, _ = parse_date_line(s.text(i))
    if not date:
        return 0
    s.front.top_date = s.front.top_date or date
    s.claim(s.tokens[i].seg, "header.date")
    return 1


def settle(s: HeaderState) -> None:
    h, top = s.header, s.front.top_date
    if not top:
        return
    if h.date and h.date != top:
        s.doc.metadata.published = s.doc.metadata.published or top
    else:
        h.date = h.date or top
