"""Paragraphs from segments: one paragraph per line of output, page breaks mended."""

from __future__ import annotations

from collections import Counter

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


WRAPPED_LINES = 8  # this many lines cut mid-sentence at one width: a fixed-width layout's wrap
WIDTH_SLACK = 1.5  # a justified line's width varies by a half cell or so (digits, punctuation)


def cells(text: str) -> float:
    """A line's printed width in full-width cells (ASCII: half a cell)."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text if not ch.isspace())


def wrap_width(segs: list[Segment]) -> float | None:
    """The width a fixed-width layout (a PDF's text) wrapped its paragraphs at: the commonest
    width of the lines that stop mid-sentence, when enough of them share it; None for a text
    whose paragraphs are lines."""
    widths = Counter(round(cells(s.text)) for s in segs if not s.cont and running(s.text))
    if not widths:
        return None
    width, _ = widths.most_common(1)[0]
    near = sum(n for w, n in widths.items() if abs(w - width) <= WIDTH_SLACK)
    return width if near >= WRAPPED_LINES else None


def wraps(line: Segment, after: Segment, width: float | None) -> bool:
    """Whether `line` runs on into `after`, the next line of a fixed-width layout: it fills the
    width without ending its sentence."""
    return (
        width is not None
        and after.line == line.line + 1
        and not after.cont
        and after.cell is None
        and cells(line.text) >= width - WIDTH_SLACK
        and RUNNING_END.search(line.text) is not None
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
