"""发文字号 (`X政办发〔2023〕5号`) on a line of its own, anywhere before the plan's text."""

from __future__ import annotations

from ..elements import doc_number
from .zone import HeaderState


def read(s: HeaderState, i: int) -> int:
    number = doc_number(s.rules, s.text(i))
    if not number:
        return 0
    s.header.doc_number = s.header.doc_number or number
    s.claim(s.tokens[i].seg, "header.doc_number")
    return 1
