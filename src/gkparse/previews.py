"""Document-sharing sites (文库) preview a document one page a line, each page cut to a fixed
length and numbered `1、`, `2、`…: numbers of pages, not of the outline.

Told from list items by the whole run, never one line: consecutive lines numbered 1, 2, 3…
from the first, each but the last long and cut off in mid-sentence (a list item ends its
sentence; a page ends wherever the cut falls).
"""

from __future__ import annotations

from . import precompiled
from .model import Segment

PAGE_NUMBER = precompiled.pattern(r"(\d{1,3})、")
PAGE_MIN = 200  # a page cut to its first few hundred characters; list items seldom run so long
SENTENCE_END = "。；;！？!?”」）)：:"


def page_numbers(segments: list[Segment]) -> set[int]:
    """The indexes of the segments that open with a page number."""
    found: set[int] = set()
    run: list[int] = []
    for i, seg in enumerate([*segments, None]):
        m = PAGE_NUMBER.match(seg.text) if seg else None
        if m and int(m[1]) == len(run) + 1:
            run.append(i)
            continue
        if len(run) >= 2 and all(_cut_page(segments[k].text) for k in run[:-1]):
            found.update(run)
        run = [i] if m and m[1] == "1" else []
    return found


def _cut_page(text: str) -> bool:
    return len(text) >= PAGE_MIN and text[-1] not in SENTENCE_END


def split_page_numbers(segments: list[Segment]) -> tuple[list[Segment], set[int]]:
    """Each page number cut off into a segment of its own; the ids of those segments."""
    pages = page_numbers(segments)
    if not pages:
        return segments, set()
    out: list[Segment] = []
    numbers: set[int] = set()
    for i, seg in enumerate(segments):
        if i not in pages:
            out.append(seg)
            continue
        end = PAGE_NUMBER.match(seg.text).end()
        number, rest = seg.text[:end], seg.text[end:].strip()
        out.append(Segment(seg.line, number, number))
        numbers.add(id(out[-1]))
        out.append(Segment(seg.line, rest, rest, context="space"))
    return out, numbers
