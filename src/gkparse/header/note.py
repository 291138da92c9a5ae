"""附注 (`（此件公开发布）`): after the signature, or wherever the page put it."""

from __future__ import annotations

from .zone import AFTER, COVER, HeaderState


def read(s: HeaderState, i: int) -> int:
    m = s.rules.header["note"].fullmatch(s.text(i))
    if not m:
        return 0
    s.header.note = m["note"]
    s.claim(s.tokens[i].seg, "header.note")
    s.zone = AFTER if s.zone == COVER else s.zone
    return 1
