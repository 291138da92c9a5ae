"""The outline decoder: which candidate headings are headings, decided over the whole body.

A candidate is any place a numbering rule matched: a line start, or a marker found inside a
flattened line after a full stop, a bracket, or glued to Han text. Each reading of the body
(take this candidate or leave it as text) is scored by how its headings continue the open lists
(outline.place: the next number, a list continued under a new parent, a small gap, a repeat, a
restart) and by where each heading stands (a line start is likely, a marker glued to text is
not). A beam search over the candidates in order, with the stack of open lists as its state,
keeps the best readings; the best one at the end is the outline. Linear in the candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .model import Token
from .outline import UNNUMBERED, place
from .rules import LIST_TIER
from .unflatten import BRACKETED

BEAM = 8  # readings kept after each candidate…
MARGIN = 6.0  # …unless they trail the best by more than two headings at line starts

# how a heading fits the open lists (outline.Placement.how); unlisted and out are never taken
FIT = {
    "next": 3.0,
    "first": 2.0,
    "across": 2.5,
    "gap": 1.0,
    "across_gap": 0.5,
    "late": 0.5,
    "duplicate": -1.0,
    "repeat": 2.0,  # a duplicate with the same title: a table's merged section cell, printed per row
    "part": -1.0,
    "restart": -1.5,
    "back": -2.0,
}
# where it stands (Segment.context): a marker at a line start is a heading unless its number
# cannot be one; glued to text it must continue a list to be taken
CONTEXT = {"line": 2.5, "space": 1.5, "stop": 0.5, "bracket": 0.0, "han": -2.5}
# glued to text, a marker's own shape says how likely it is: brackets delimit （一）; a digit
# is seldom part of a word (quantities like 3.5 are no candidates); 一、 often is (统一、规范)
GLUED_BRACKETED = -1.0
GLUED_DIGIT = -1.5
# a list under a list of a later GB/T 9704 order (一、 under 1.) reads upside down
UPSIDE_DOWN = -3.0


class Last(tuple[tuple[str, int], ...]):
    """The last number of each numbering kind, as (kind, number) pairs: a few, scanned."""

    __slots__ = ()

    def get(self, kind: str, default: int = 0) -> int:
        return next((n for k, n in self if k == kind), default)


class Opened(NamedTuple):
    """An open list of a reading: its numbering kind, the number it reached, its tier, and the
    title of the heading that reached it (a repeat of the same heading is a table's merged
    cell printed again, FIT["repeat"]). (A named tuple: a reading's stack of them is hashed
    ~300 times a notice, as a key of the beam, and a dataclass's hash is a Python call each
    time.)"""

    numbering: str
    number: int
    tier: int
    order: int
    title: str


@dataclass(frozen=True, slots=True)
class Taken:
    """The headings a reading took, newest first (shared tails: a reading is cheap to extend)."""

    index: int
    rest: Taken | None


@dataclass(frozen=True, slots=True)
class Reading:
    score: float
    stack: tuple[Opened, ...]
    last: tuple[tuple[str, int], ...]
    """The last number each numbering kind reached, sorted by kind."""
    unnumbered: int
    taken: Taken | None

    @property
    def key(self) -> tuple[object, ...]:
        return self.stack, self.last, self.unnumbered, self.taken is not None

    def take(self, i: int, tok: Token) -> Reading | None:
        where = place(self.stack, Last(self.last), tok, self.taken is not None)
        if where.how in ("out", "unlisted"):
            return None
        how = where.how
        if how == "duplicate" and tok.value and self.stack[where.depth].title == tok.value:
            how = "repeat"
        score = self.score + FIT[how] + context_score(tok)
        parent = self.stack[where.depth - 1] if where.depth else None
        if parent and tok.order < parent.order:
            score += UPSIDE_DOWN
        stack = (
            *self.stack[: where.depth],
            Opened(tok.numbering, tok.number, tok.tier, tok.order, tok.value),
        )
        others = tuple(pair for pair in self.last if pair[0] != tok.numbering)
        last = tuple(sorted((*others, (tok.numbering, tok.number))))
        return Reading(score, stack, last, self.unnumbered, Taken(i, self.taken))

    def signed(self) -> Reading:
        """A signature date closes the document: an attachment's lists start afresh."""
        return Reading(self.score, (), (), self.unnumbered, self.taken)

    def untitled_section(self) -> Reading:
        """An unnumbered section title (outline.bare_title) closes every open list."""
        n = self.unnumbered + 1
        return Reading(
            self.score, (Opened(UNNUMBERED, n, LIST_TIER, 0, ""),), self.last, n, self.taken
        )


def context_score(tok: Token) -> float:
    first = tok.seg.text[:1]
    if tok.seg.context == "han" and first in BRACKETED:
        return GLUED_BRACKETED
    if tok.seg.context == "han" and first.isdigit():
        return GLUED_DIGIT
    return CONTEXT.get(tok.seg.context, 0.0)


def decode(tokens: list[Token], events: list[tuple[int, str]]) -> set[int]:
    """The indexes of the candidate headings to take. `events` are (index, what) in order, what
    being `heading` (a candidate), `untitled` (an unnumbered section title) or `reset` (a
    signature date: a new document follows). The body's first
    token, where the header ended, is taken when it can be."""
    beam = [Reading(0.0, (), (), 0, None)]
    for i, what in events:
        found: dict[tuple[object, ...], Reading] = {}
        for reading in beam:
            if what == "untitled":
                options = [reading.untitled_section()]
            elif what == "reset":
                options = [reading.signed()]
            else:
                taken = reading.take(i, tokens[i])
                options = [taken] if taken and i == 0 else [r for r in (taken, reading) if r]
            for option in options:  # the first of equal readings is kept: taking wins a tie
                kept = found.get(option.key)
                if kept is None or option.score > kept.score:
                    found[option.key] = option
        ranked = sorted(found.values(), key=lambda r: -r.score)[:BEAM]
        beam = [r for r in ranked if r.score >= ranked[0].score - MARGIN]
    best = beam[0].taken
    out: set[int] = set()
    while best is not None:
        out.add(best.index)
        best = best.rest
    return out
