"""The notice's own text (正文 of the wrapper notice), from its recipients or its first
sentence (`现将…印发给你们`) to its signature. Without a signature, a date, or a phrase of a
cover, that text is the plan's own preamble: the notice is the plan."""

from __future__ import annotations

from ..paragraphs import join_paragraphs
from .zone import COVER, HeaderState


def start(s: HeaderState, i: int) -> int:
    """The cover of a notice whose recipients were not recognised."""
    f = s.front
    if not f.title or f.cover or f.plan_title:
        return 0
    if not s.rules.header["cover_start"].fullmatch(s.text(i)):
        return 0
    f.cover.append(s.tokens[i])
    s.zone = COVER
    return 1


def read(s: HeaderState, i: int) -> int:
    s.front.cover.append(s.tokens[i])
    return 1


def settle(s: HeaderState) -> None:
    h, f = s.header, s.front
    phrase = s.rules.header["cover_phrase"]
    if f.cover and not f.signature and not h.date:
        if not any(phrase.fullmatch(t.seg.text) for t in f.cover):
            f.preamble[:0] = f.cover
            f.cover = []
    if f.cover:
        h.cover = join_paragraphs([t.seg for t in f.cover], s.issues)
        for t in f.cover:
            s.claim(t.seg, "header.cover")
