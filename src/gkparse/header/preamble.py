"""What is none of the elements: the plan's opening text up to its first numbered heading. A
short line that is no sentence, met among the 版头's elements, is kept there with a warning and
does not end the 版头 (a damaged or unknown element)."""

from __future__ import annotations

from ..elements import SENTENCE_END
from ..model import Issue
from .zone import PREAMBLE, HeaderState

UNKNOWN_MAX = 30


def unknown(s: HeaderState, i: int) -> int:
    """In the 版头: kept in the preamble; a sentence ends the 版头."""
    text = s.text(i)
    s.front.preamble.append(s.tokens[i])
    if len(text) <= UNKNOWN_MAX and not any(ch in text for ch in SENTENCE_END + "，"):
        s.issues.append(
            Issue(s.tokens[i].seg.line, "not recognised as a header element; kept in the preamble")
        )
    else:
        s.zone = PREAMBLE
    return 1


def table_cell(s: HeaderState, i: int) -> int:
    """A cell of a task table's header row (工作任务, 责任科室…) is none of the elements."""
    if s.tokens[i].seg.cell is None:
        return 0
    s.front.preamble.append(s.tokens[i])
    return 1


def read(s: HeaderState, i: int) -> int:
    s.front.preamble.append(s.tokens[i])
    s.zone = PREAMBLE
    return 1


def settle(s: HeaderState) -> None:
    for t in s.front.preamble:
        s.claim(t.seg, "preamble")
