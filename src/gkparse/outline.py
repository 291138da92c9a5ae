"""The outline state machine: which candidate headings really are headings, and where they nest.

Numbered headings are told from numbers that merely start a line by sequence: each open level
expects the next number of its list. A list may continue across parents (（三） under 二、 after
（二） under 一、), one list may mix delimiters (`1、` and `6.`: the rules give them one kind), and
gaps, duplicates and restarts are accepted with a warning rather than lost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple, Protocol

from .elements import attachment_list
from .model import Issue, Node, Token
from .rules import LIST_TIER, Rules

MAX_GAP = (
    3  # a number this far past the expected one is still a heading (a lost item), with a warning
)


TOP_ORDER = 1  # the order of GB/T 9704's first level, 一、
UNNUMBERED = "unnumbered"  # the kind of a section whose number the document lost


def body_start(rules: Rules, tokens: list[Token]) -> tuple[int | None, str | None]:
    """Index of the token that opens the body: the first heading numbered 1 (else the first;
    the numbers of a 附件说明 in the cover are none), or the unnumbered title before it when
    the document's first level lost its numbers; and
    the numbering kind of the lists whose section titles stand unnumbered above them."""
    listed = attachment_list(rules, [t.seg.text for t in tokens])
    headings = [i for i, t in enumerate(tokens) if t.kind == "heading" and not listed[i]]
    firsts = [i for i in headings if tokens[i].number == 1]
    first = firsts[0] if firsts else (headings[0] if headings else None)
    if first is None:
        return None, None
    # a heading that outranks the lists (一、, 第二条) at a line start before it, numbered as a
    # list's beginning: a body that lost its first heading
    lost_first = (
        i
        for i in headings[: headings.index(first)]
        if (tokens[i].order == TOP_ORDER or tokens[i].tier < LIST_TIER)
        and tokens[i].seg.context in ("line", "space")
        and tokens[i].number <= MAX_GAP
    )
    first = next(lost_first, first)
    # GB/T 9704 numbers the first level 一、; a body that opens at （一） or 1. lost it, and
    # its unnumbered section titles stand alone on the line before each list
    opener = tokens[first]
    lost_top = opener.tier == LIST_TIER and opener.order not in (0, TOP_ORDER)
    kind = opener.numbering if lost_top else None
    return (first - 1 if first and bare_title(rules, tokens, first - 1, kind) else first), kind


def bare_title(rules: Rules, tokens: list[Token], i: int, unnumbered_kind: str | None) -> bool:
    """An unnumbered section title: short, no sentence, right before a heading of the first
    list, and no notice's title (`…关于…的通知` above its first item)."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    text = tokens[i].seg.text
    return (
        unnumbered_kind is not None
        and tokens[i].kind == "text"
        and tokens[i].seg.cell is None
        and nxt is not None
        and nxt.kind == "heading"
        and nxt.numbering == unnumbered_kind
        and 4 <= len(text) <= 40
        and not any(ch in text for ch in "。！？；，：,:")
        and not rules.header["notice_title"].fullmatch(text)
    )


class Placement(NamedTuple):
    """Where a candidate heading goes given the open lists, and how it fits their numbering."""

    how: str
    """next, first, across (continues a list of a closed parent), duplicate, gap, across_gap,
    part (the top level restarts), restart, back (a smaller number than the last), late (a
    list starts past 1); out and unlisted: it cannot be a heading here."""
    depth: int
    """Its index in the stack of open lists: its level - 1."""
    prev: int
    """The number it follows (0: none)."""


MESSAGES = {
    "duplicate": "duplicate number {marker} (the previous heading has it too)",
    "gap": "numbering gap: {marker} follows number {prev}",
    "across_gap": "numbering gap: {marker} follows number {prev}",
    "part": "top-level numbering restarts at {marker}: a new document part, ids prefixed {part}/",
    "restart": "numbering restarts at {marker} without a new parent heading",
    "back": "{marker} goes back in its list (after number {prev}): a heading before it was lost",
    "late": "list starts at {marker}: the items before it are missing",
}


# a candidate left as text, and why
KEPT_AS_TEXT = {
    "out": "{marker} is out of sequence (after number {prev}); kept as text",
    "unlisted": "{marker} does not continue any list; kept as text",
    "declined": "{marker} does not fit the numbering around it; kept as text",
}


class Open(Protocol):
    numbering: str
    number: int
    tier: int
    order: int


def place(stack: Sequence[Open], last: Mapping[str, int], tok: Token, started: bool) -> Placement:
    """How the heading `tok` fits the open lists `stack` (outermost first), given the last number
    each numbering kind reached (`last`) and whether any heading was taken yet (`started`)."""
    n = tok.number
    depth = next(
        (i for i in range(len(stack) - 1, -1, -1) if stack[i].numbering == tok.numbering), None
    )
    if depth is not None:
        prev = stack[depth].number
        if n == prev + 1:
            return Placement("next", depth, prev)
        if n == prev:
            return Placement("duplicate", depth, prev)
        if prev + 1 < n <= prev + MAX_GAP:
            return Placement("gap", depth, prev)
        if n == 1:
            return Placement("part" if depth == 0 else "restart", depth, prev)
        if n < prev:  # 1、…4、 then 2、 3、: a list whose own heading and first items were lost
            return Placement("back", depth, prev)
        return Placement("out", depth, prev)
    keep = len(stack)
    while keep and stack[keep - 1].tier > tok.tier:
        keep -= 1  # 第二章 closes the 一、 list of 第一章
    if tok.order == TOP_ORDER:
        while keep and stack[keep - 1].tier == tok.tier:
            keep -= 1  # 一、 is GB/T 9704's first level: never inside a list of its tier
    seen = last.get(tok.numbering, 0)
    if n == 1:
        return Placement("first", keep, 0)
    if seen and n == seen + 1:
        return Placement("across", keep, seen)
    if seen and seen + 1 < n <= seen + MAX_GAP:
        return Placement("across_gap", keep, seen)
    if n > MAX_GAP or seen and n > seen or not stack and started:
        return Placement("unlisted", keep, seen)
    return Placement("late", keep, seen)  # under a new parent, its first items lost


class Outline:
    def __init__(self, issues: list[Issue], unnumbered_kind: str | None = None) -> None:
        self.issues = issues
        self.roots: list[Node] = []
        self.stack: list[Node] = []
        self.last_of_numbering: dict[str, int] = {}
        self.part = 1  # a second attached document restarts the top-level list: its ids get `2/`
        self.used: set[str] = set()
        self.unnumbered_kind = unnumbered_kind
        self.signed: Node | None = None  # the last item before a signature date

    def reset(self) -> None:
        """The document above is signed: the lists of an attachment start afresh. Its text
        stays with the last item until a heading opens (the signature is taken from there)."""
        if self.roots and not self.stack:
            return  # (signed twice: a date, then the mark `附件1` over the attachment)
        self.signed = self.current
        self.stack.clear()
        self.last_of_numbering.clear()
        if self.roots:
            self.part += 1

    def open_unnumbered(self, tok: Token) -> Node:
        """A section whose number the document lost: numbered by its place, without a marker."""
        self.stack.clear()
        n = sum(1 for r in self.roots if r.numbering == UNNUMBERED) + 1
        node = Node(str(n), 1, "", UNNUMBERED, n, tok.seg.line, tok.seg.text, 4, [tok.seg])
        self.roots.append(node)
        self.stack.append(node)
        self.used.add(node.id)
        self.issues.append(Issue(tok.seg.line, f"unnumbered section title taken as section {n}"))
        return node

    def offer(self, tok: Token) -> Node | None:
        """Open a node for the candidate heading, or decline it (None: it is text)."""
        issues, self.issues = self.issues, []
        try:
            node = self._offer(tok)
        finally:
            found, self.issues = self.issues, issues
        if node or not tok.seg.cont:  # a marker found inside a flattened line was only a proposal
            self.issues.extend(found)
        return node

    def decline(self, tok: Token) -> None:
        """The decoder left the candidate as text: say so when it stood at a line start."""
        if tok.seg.cont:
            return  # a marker found inside a flattened line was only a proposal
        where = place(self.stack, self.last_of_numbering, tok, bool(self.roots))
        message = KEPT_AS_TEXT.get(where.how, KEPT_AS_TEXT["declined"])
        message = message.format(marker=tok.marker, prev=where.prev)
        self.issues.append(Issue(tok.seg.line, message))

    def _offer(self, tok: Token) -> Node | None:
        line, n = tok.seg.line, tok.number
        where = place(self.stack, self.last_of_numbering, tok, bool(self.roots))
        if where.how in KEPT_AS_TEXT:  # the decoder takes no such heading; kept for safety
            message = KEPT_AS_TEXT[where.how].format(marker=tok.marker, prev=where.prev)
            self.issues.append(Issue(line, message))
            return None
        if where.how == "part":
            self.part += 1
        message = MESSAGES.get(where.how)
        if message:
            self.issues.append(
                Issue(line, message.format(marker=tok.marker, prev=where.prev, part=self.part))
            )
        del self.stack[where.depth :]
        parent = self.stack[-1] if self.stack else None
        ident = ".".join(str(x.number) for x in self.stack) + ("." if self.stack else "") + str(n)
        ident = f"{self.part}/{ident}" if self.part > 1 and not parent else ident
        if parent:
            ident = f"{parent.id}.{n}"
        if ident in self.used:  # a list restarted without a new parent: keep ids unique
            base, k = ident, 2
            while f"{base}#{k}" in self.used:
                k += 1
            ident = f"{base}#{k}"
            self.issues.append(Issue(line, f"id {base} is taken; this heading is {ident}"))
        self.used.add(ident)
        node = Node(
            ident,
            len(self.stack) + 1,
            tok.marker,
            tok.numbering,
            n,
            line,
            tok.value,
            tok.tier,
            [tok.seg],
            parent=parent,
            order=tok.order,
        )
        (parent.children if parent else self.roots).append(node)
        self.stack.append(node)
        self.last_of_numbering[tok.numbering] = n
        return node

    @property
    def current(self) -> Node | None:
        return self.stack[-1] if self.stack else self.signed
