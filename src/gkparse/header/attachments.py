"""附件说明 in the cover (`附件：1.XX 2.XX`): the attachments' names."""

from __future__ import annotations

from ..elements import attachment_items
from .zone import HeaderState


def read(s: HeaderState, i: int) -> int:
    m = s.rules.header["attachments"].fullmatch(s.text(i))
    if not m:
        return 0
    s.header.attachments.extend(attachment_items(m["items"]))
    s.claim(s.tokens[i].seg, "header.attachments")
    return 1
