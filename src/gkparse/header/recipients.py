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
    s.header.recipients = split_units(s.rules, text)
    s.claim(s.tokens[i].seg, "header.recipients")
    s.zone = COVER
    return 1
