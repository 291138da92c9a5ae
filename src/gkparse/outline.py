"""The outline state machine: which candidate headings really are headings, and where they nest.

Numbered headings are told from numbers that merely start a line by sequence: each open level
expects the next number of its list. A list may continue across parents (（三） under 二、 after
（二） under 一、), one list may mix delimiters (`1、` and `6.`: the rules give them one kind), and
gaps, duplicates and restarts are accepted with a warning rather than lost.
"""

from __future__ import annotations

from .model import Issue, Node, Token
from .rules import LIST_TIER, Rules

MAX_GAP = (
    3  # a number this far past the expected one is still a heading (a lost item), with a warning
)


UNNUMBERED = "unnumbered"  # the kind of a section whose number the document lost


def body_start(rules: Rules, tokens: list[Token]) -> tuple[int | None, str | None]:
    """Index of the token that opens the body: the first heading numbered 1 (else the first),
    or the unnumbered title before it when the document's first level lost its numbers; and
    the numbering kind of the lists whose section titles stand unnumbered above them."""
    headings = [i for i, t in enumerate(tokens) if t.kind == "heading"]
    firsts = [i for i in headings if tokens[i].number == 1]
    first = firsts[0] if firsts else (headings[0] if headings else None)
    if first is None:
        return None, None
    # GB/T 9704 numbers the first level 一、; a body that opens at （一） or 1. lost it, and
    # its unnumbered section titles stand alone on the line before each list
    opener = tokens[first]
    lost_top = opener.tier == LIST_TIER and not rules.outline_rule(opener.name).top
    kind = opener.numbering if lost_top else None
    return (first - 1 if first and bare_title(tokens, first - 1, kind) else first), kind


def bare_title(tokens: list[Token], i: int, unnumbered_kind: str | None) -> bool:
    """An unnumbered section title: short, no sentence, right before a heading of the first list."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    text = tokens[i].seg.text
    return (
        unnumbered_kind is not None
        and tokens[i].kind == "text"
        and nxt is not None
        and nxt.kind == "heading"
        and nxt.numbering == unnumbered_kind
        and 4 <= len(text) <= 40
        and not any(ch in text for ch in "。！？；，：,:")
    )


class Outline:
    def __init__(self, issues: list[Issue], unnumbered_kind: str | None = None) -> None:
        self.issues = issues
        self.roots: list[Node] = []
        self.stack: list[Node] = []
        self.last_of_numbering: dict[str, int] = {}
        self.part = 1  # a second attached document restarts the top-level list: its ids get `2/`
        self.used: set[str] = set()
        self.unnumbered_kind = unnumbered_kind

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

    def _offer(self, tok: Token) -> Node | None:
        line, n = tok.seg.line, tok.number
        depth = next(
            (
                i
                for i in range(len(self.stack) - 1, -1, -1)
                if self.stack[i].numbering == tok.numbering
            ),
            None,
        )
        if depth is not None:
            prev = self.stack[depth].number
            if n == prev + 1:
                pass
            elif n == prev:
                self.issues.append(
                    Issue(line, f"duplicate number {tok.marker} (the previous heading has it too)")
                )
            elif prev + 1 < n <= prev + MAX_GAP:
                self.issues.append(
                    Issue(line, f"numbering gap: {tok.marker} follows number {prev}")
                )
            elif n == 1 and depth == 0:
                self.part += 1
                self.issues.append(
                    Issue(
                        line,
                        f"top-level numbering restarts at {tok.marker}: "
                        f"a new document part, ids prefixed {self.part}/",
                    )
                )
            elif n == 1:
                self.issues.append(
                    Issue(line, f"numbering restarts at {tok.marker} without a new parent heading")
                )
            else:
                self.issues.append(
                    Issue(
                        line, f"{tok.marker} is out of sequence (after number {prev}); kept as text"
                    )
                )
                return None
            del self.stack[depth:]
        else:
            seen = self.last_of_numbering.get(tok.numbering, 0)
            if n not in (1, seen + 1):
                if seen or n > MAX_GAP or not self.stack and self.roots:
                    self.issues.append(
                        Issue(line, f"{tok.marker} does not continue any list; kept as text")
                    )
                    return None
                self.issues.append(
                    Issue(line, f"list starts at {tok.marker}: the items before it are missing")
                )
            while self.stack and self.stack[-1].tier > tok.tier:
                self.stack.pop()  # 第二章 closes the 一、 list of 第一章
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
        )
        (parent.children if parent else self.roots).append(node)
        self.stack.append(node)
        self.last_of_numbering[tok.numbering] = n
        return node

    @property
    def current(self) -> Node | None:
        return self.stack[-1] if self.stack else None
