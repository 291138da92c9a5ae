"""附件说明 in the cover (`附件：1.XX 2.XX`): the attachments' names; and the mark `附件`
(`附件1`) GB/T 9704 prints over an attachment, above its title."""

from __future__ import annotations

from .. import precompiled
from ..elements import attachment_items, attachment_line
from .zone import HeaderState


def read(s: HeaderState, i: int) -> int:
    m = s.rules.header["attachments"].fullmatch(s.text(i))
    if not m:
        return 0
    s.header.attachments.extend(attachment_items(m["items"]))
    s.claim(s.tokens[i].seg, "header.attachments")
    n = 1  # the names under it (`2.XX`), or cut off it (`1.XX`): the list's, not the cover's
    while i + n < len(s.tokens) and attachment_line(s.text(i + n)):
        s.header.attachments.extend(attachment_items(s.text(i + n)))
        s.claim(s.tokens[i + n].seg, "header.attachments")
        n += 1
    return n


MARK = precompiled.pattern(r"附件\s*\d{0,2}\s*[:：]?")


def mark(s: HeaderState, i: int) -> int:
    """The mark over the attached plan: its title follows (the zone stays where it is)."""
    if not MARK.fullmatch(s.text(i)):
        return 0
    s.front.preamble.append(s.tokens[i])
    return 1
