"""The 版头's small marks: 签发人, and above the title 份号, 密级, 紧急程度."""

from __future__ import annotations

from ..normalize import strip_spaces
from .zone import HeaderState

ABOVE_TITLE = ("secrecy", "urgency", "copy_number")


def signer(s: HeaderState, i: int) -> int:
    m = s.rules.header["signer"].fullmatch(s.text(i))
    if not m:
        return 0
    s.header.signer = m["name"].strip()
    s.claim(s.tokens[i].seg, "header.signer")
    return 1


def above_title(s: HeaderState, i: int) -> int:
    h = s.header
    for name in ABOVE_TITLE:
        m = s.rules.header[name].fullmatch(s.text(i))
        if m and not s.front.title and getattr(h, name) is None:
            setattr(h, name, strip_spaces(m["value"]))
            s.claim(s.tokens[i].seg, f"header.{name}")
            return 1
    return 0
