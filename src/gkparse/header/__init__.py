"""Stage `header`: the notice's own elements (GB/T 9704-2012), one module each.

The body starts at the first numbered heading (outline.body_start); the tokens before it are
the 版头 and 主体: marks, title, 发文字号, 主送机关, the cover text, 署名 and 成文日期, 附注,
then the plan's own title and preamble. Body text cites other notices and mentions dates;
reading only this zone keeps those out.

The reader passes the zones in order (zone.py: top → cover → after → preamble). At each
token the rules of READ that apply in the current zone are tried in their order; the first
that takes it (returns how many tokens it consumed) places it, and may move the reader to
another zone. Then SETTLE decides the fields from what the rules found. To add an element:
one module with its `read` (and `settle`), one line in each table.

Elements run together on one line are cut apart first (glued.py). After the body, 署名 and
成文日期 under numbered paragraphs are signature.after_body's; the 版记 is imprint.py's.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Segment, Token
from ..outline import body_start
from ..state import State
from . import (
    attachments,
    clutter,
    cover,
    date,
    doc_number,
    issuer,
    marks,
    note,
    page_values,
    plan_title,
    preamble,
    recipients,
    signature,
    title,
)
from .glued import cut_glued, expand
from .zone import AFTER, ANY, COVER, PREAMBLE, TOP, HeaderState

Rule = Callable[[HeaderState, int], int]

READ: tuple[tuple[str, Rule, frozenset[str]], ...] = (
    ("table_cell", preamble.table_cell, ANY),
    ("doc_number", doc_number.read, ANY - {PREAMBLE}),
    ("note", note.read, ANY),
    ("attachments", attachments.read, frozenset({COVER})),
    ("signature", signature.read, frozenset({COVER})),
    ("notice_title", title.restart, frozenset({TOP, PREAMBLE})),
    ("cover_start", cover.start, frozenset({TOP, PREAMBLE})),
    ("signer", marks.signer, frozenset({TOP})),
    ("above_title", marks.above_title, frozenset({TOP})),
    ("issuer_mark", issuer.mark, frozenset({TOP})),
    ("page_value", page_values.values, frozenset({TOP})),
    ("timestamp", page_values.timestamp, frozenset({TOP})),
    ("date", date.read, frozenset({TOP})),
    ("byline", page_values.byline, frozenset({TOP})),
    ("title_again", title.again, frozenset({TOP})),  # before its lines are read as units
    ("recipients", recipients.read, frozenset({TOP, PREAMBLE})),
    ("issuer_units", issuer.units, frozenset({TOP})),
    ("title", title.read, frozenset({TOP})),
    ("unknown", preamble.unknown, frozenset({TOP})),  # takes whatever is left in the 版头
    ("cover", cover.read, frozenset({COVER})),
    ("attachment_mark", attachments.mark, frozenset({AFTER})),
    ("plan_title", plan_title.read, frozenset({AFTER})),
    ("preamble", preamble.read, ANY),
)

SETTLE: tuple[Callable[[HeaderState], None], ...] = (
    title.settle,
    cover.settle,  # before the date of the 版头 counts: only a signed date makes a cover
    signature.settle,
    issuer.settle,
    date.settle,
    plan_title.settle,
    preamble.settle,
)


def read(s: HeaderState) -> None:
    i = 0
    while i < len(s.tokens):
        i += next(used for _, rule, zones in READ if s.zone in zones and (used := rule(s, i)))
    for settle in SETTLE:
        settle(s)


def run(state: State) -> None:
    """Stage `header`: the body starts at the first numbered heading; what stands before it is
    read for the notice's elements (its heading-like lines are text there)."""
    start, state.unnumbered_kind = body_start(state.rules, state.notice)
    front = state.notice if start is None else state.notice[:start]
    pieces: dict[int, list[Segment]] = {}
    front = cut_glued(state.rules, [Token("text", t.seg) for t in front], pieces)
    if pieces:  # the segments cut in two replace the segment they were cut from
        state.doc.segments = [p for s in state.doc.segments for p in expand(s, pieces)]
        if state.tail_units_after is not None:  # a header row cut off a title: its last piece
            state.tail_units_after = expand(state.tail_units_after, pieces)[-1]
    reader = HeaderState(state.rules, state.doc, state.issues, front)
    reader.front.file_title = clutter.file_name(state.tokens)
    read(reader)
    state.body = [] if start is None else state.notice[start:]
