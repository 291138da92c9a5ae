"""Paragraphs from segments: one paragraph per line of output, page breaks mended."""

from __future__ import annotations

from collections import Counter
from functools import cached_property

import regex

from .model import Issue, Segment
from .normalize import LINE_BREAK, mend_spaces

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
    """A line's printed width in full-width cells (ASCII, a space among them: half a cell),
    its indentation counted."""
    text = text.rstrip()
    return len(text) - 0.5 * sum(map(str.isascii, text))


class Layout:
    """How the input's lines were printed, and the width a fixed-width layout (a PDF's text)
    wrapped its paragraphs at (None: no wrapping): the commonest width of the lines that stop
    mid-sentence, when enough of them share it. Measured only when a heading asks (most pages
    have no heading line that stops mid-sentence)."""

    def __init__(self, text: str, segs: list[Segment]) -> None:
        self.text, self.segs = text, segs

    @cached_property
    def lines(self) -> list[str]:
        return LINE_BREAK.split(self.text)  # (numbered as normalize numbers them)

    def width(self, number: int) -> float:
        return cells(self.lines[number - 1]) if 0 < number <= len(self.lines) else 0.0

    @cached_property
    def wrap(self) -> float | None:
        counts = Counter(
            round(self.width(s.line)) for s in self.segs if not s.cont and running(s.text)
        )
        if not counts:
            return None
        wrap, _ = counts.most_common(1)[0]
        near = sum(n for w, n in counts.items() if abs(w - wrap) <= WIDTH_SLACK)
        return wrap if near >= WRAPPED_LINES else None


def wraps(line: Segment, after: Segment, printed: Layout) -> bool:
    """Whether `line` runs on into `after`, the next line of a fixed-width layout: it fills the
    width without ending its sentence."""
    if after.line != line.line + 1 or after.cont or after.cell is not None:
        return False
    if RUNNING_END.search(line.text) is None or printed.wrap is None:
        return False
    return printed.width(line.line) >= printed.wrap - WIDTH_SLACK


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
