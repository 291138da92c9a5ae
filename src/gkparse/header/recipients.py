"""主送机关 (`各区人民政府，市政府各部门：`): a list of units ending in `：`; the cover follows."""

from __future__ import annotations

from ..elements import is_recipients, split_units
from .zone import COVER, HeaderState


def read(s: HeaderState, i: int) -> int:
    text = s.text(i)
    if not is_recipients(s.rules, text):
        return 0
    s.header.recipients = split_units(s.rules, text)
    s.claim(s.tokens[i].seg, "header.recipients")
    s.zone = COVER
    return 1
