"""Paragraphs from segments: one paragraph per line of output, page breaks mended."""

from __future__ import annotations

import regex

from .model import Issue, Segment
from .normalize import mend_spaces

RUNNING_END = regex.compile(r"[\p{Han}A-Za-z0-9、，,“（《]$")
# a line of units closed by their verb, under a paragraph of a task (`市金融办、…分别牵头落实`):
# it ends where it stops, its 、 notwithstanding
UNITS_LINE = regex.compile(
    r"[^。！？；，,]{2,80}(?:牵头|负责|配合|参与|协办)(?:落实|实施|推进|办理)?"
)


def running(text: str) -> bool:
    """A paragraph cut short (by a page break): it has sentences but does not end one."""
    return (
        any(ch in text for ch in "。！？；，、")
        and RUNNING_END.search(text) is not None
        and not UNITS_LINE.fullmatch(text)
    )


def join_paragraphs(segs: list[Segment], issues: list[Issue], first: str = "") -> str | None:
    """The segments as paragraphs, one per line; a paragraph cut by a page break is joined again,
    and a piece cut from a flattened line goes back to the text it was cut from."""
    paras = [first] if first else []
    for seg in segs:
        if paras and seg.cont:
            paras[-1] += seg.text
        elif paras and running(paras[-1]):
            paras[-1] += seg.text
            issues.append(
                Issue(seg.line, "paragraph cut by a page break joined to the line before")
            )
        else:
            paras.append(seg.text)
    return "\n".join(mend_spaces(p) for p in paras) or None
