"""Stage `body`: the tokens from the first numbered heading on become the outline.

The outline (outline.py) decides which candidate headings open nodes; every other segment
joins the deepest open node. 附件说明 lists go to the header; 版记 (抄送, 印发) and what
follows it are taken off the end: `state.closing`.
"""

from __future__ import annotations

from . import precompiled
from .dates import DATE
from .decode import decode
from .elements import (
    SENTENCE_STOP,
    attachment_items,
    attachment_line,
    attachment_list,
    opens_attachments,
    units_line,
)
from .header import imprint, plan_title, signature
from .model import Issue, Node, Token
from .outline import Outline, bare_title
from .state import State

CUT_TITLE = 4  # fewer characters than this after the last marker of a cut text: no title
# after the last marker of a cut text: a sentence under way (its title null in any case), a
# title that ended (`（二）工作要求：`, `…（市政府办牵头）`) or stood before a line break (a space)
TITLE_KNOWN = precompiled.pattern(r"[。；！？，、：;!?,:\s]|[）)]$")
RESP_SPLIT = precompiled.pattern(r"[、，,；;\s]+")
# GB/T 9704's mark over an attachment at a line start (`附件2`), a web copy's title after it on
# the line (`附件2：X任务清单`); not `附件：`, which opens the 附件说明 list of the cover
ATTACHMENT_MARK = precompiled.pattern(r"附\s*件(?:\s*\d{1,2}(?:\s*[:：]?\s*[^。；！？]{0,60})?)?")
# the mark and the attachment's title at the end of a flattened piece, after a sentence (not
# `…详见附件1`, a reference)
GLUED_ATTACHMENT_TITLE = precompiled.pattern(
    r"(?:^|[。；！？）)])\s*附\s*件\s*\d{1,2}\s*[:：]?[^。；！？：:]{2,60}$"
)


class BodyReader:
    def __init__(self, state: State) -> None:
        self.state, self.rules, self.doc = state, state.rules, state.doc
        self.outline = Outline(state.issues, state.unnumbered_kind)

    def events(self, tokens: list[Token]) -> list[tuple[int, str]]:
        """The decoder's events: the candidate headings and unnumbered section titles of the
        body, in order, leaving out 附件说明 lines and the 版记 (from 抄送 or 印发 on)."""
        events = []
        back = False
        attachment = attachment_list(self.rules, [tok.seg.text for tok in tokens])
        for i, tok in enumerate(tokens):
            text = tok.seg.text
            listed = attachment[i]
            back = back or not listed and tok.kind != "heading" and imprint.starts(self.rules, text)
            if listed or back:
                continue
            if tok.kind == "heading" and not self.cut_off(tokens, i):
                if self.follows_attachment_title(tokens, i):
                    events.append((i, "reset"))
                events.append((i, "heading"))
            elif self.signs_off(tokens, i) or self.marks_attachment(tokens, i):
                events.append((i, "reset"))
            elif bare_title(self.rules, tokens, i, self.outline.unnumbered_kind):
                events.append((i, "untitled"))
        return events

    def read(self, tokens: list[Token]) -> None:
        back = False  # in the 版记 after the body: 抄送, 印发
        attaching = False  # in a 附件说明 list: `附件：1.XX` then `2.XX` on lines of their own
        header = self.doc.header
        events = self.events(tokens)
        taken = {id(tokens[i]) for i in decode(tokens, events)}
        resets = {id(tokens[i]) for i, what in events if what == "reset"}  # as the decoder saw
        cut = tokens[-1] if tokens and self.cut_off(tokens, len(tokens) - 1) else None
        tokens = self.rejoin(tokens, taken | ({id(cut)} if cut else set()))
        for i, tok in enumerate(tokens):
            text = tok.seg.text
            if tok is cut:  # the page cut the text here: its last words belong to no item
                self.state.closing.append(tok.seg)
                message = f"the text ends cut off after {tok.marker}: kept in the closing text"
                self.state.issues.append(Issue(tok.seg.line, message))
                continue
            if attaching and attachment_line(text):
                header.attachments.extend(attachment_items(text))
                tok.seg.owner = "header.attachments"
                continue
            opens = opens_attachments(self.rules, text)
            attaching = opens is not None
            if opens:
                header.attachments.extend(attachment_items(opens))
                tok.seg.owner = "header.attachments"
                continue
            if id(tok) in resets:
                self.outline.reset()
            if tok.kind == "heading" and not back:
                if id(tok) in taken and self.outline.offer(tok):
                    continue
                if id(tok) not in taken:
                    self.outline.decline(tok)
            if not back and bare_title(self.rules, tokens, i, self.outline.unnumbered_kind):
                self.outline.open_unnumbered(tok)
                continue
            if imprint.read(
                self.rules, self.doc, tokens, i, self.state.closing, self.outline.current
            ):
                back = True
                continue
            if back:
                imprint.after(self.rules, self.doc, tok.seg, self.state.closing)
                continue
            node = self.outline.current
            if node is None:  # cannot happen: the body starts with a heading
                self.state.closing.append(tok.seg)
            elif tok.kind == "responsibility":
                self.responsible(node, tok)
            else:
                node.segs.append(tok.seg)
        self.doc.roots = self.outline.roots
        signature.after_body(self.rules, self.doc, self.state.closing)
        plan_title.after_body(self.rules, self.doc)

    @staticmethod
    def cut_off(tokens: list[Token], i: int) -> bool:
        """The last words of a text the page cut off: a marker whose heading the cut left
        unfinished (`（二）`, `（二）加强考`, `（四）合理保障农民种粮收`). Its title cannot be known
        (GOLD.md leaves such an item out); it stays text."""
        tok = tokens[i]
        if tok.kind != "heading" or i < len(tokens) - 1:
            return False
        value = tok.value.strip()
        if len(value) < CUT_TITLE:
            return not value.endswith(tuple("。；：）)"))
        # a title as long as any, unfinished: after items with text (in a list of titles
        # alone, a title without a full stop is whole)
        before = tokens[i - 1] if i else None
        return not TITLE_KNOWN.search(value) and (
            before is None or before.kind != "heading" or bool(SENTENCE_STOP.search(before.value))
        )

    def signs_off(self, tokens: list[Token], i: int) -> bool:
        """成文日期 alone on its line under a sentence or a signature: the document above is
        signed, and what follows is another one (an attachment) whose outline starts afresh."""
        seg = tokens[i].seg
        if tokens[i].kind == "heading" or seg.cont or seg.cell is not None or not i:
            return False
        if not DATE.fullmatch(seg.text.strip()):
            return False
        above = tokens[i - 1].seg.text
        return above.endswith("。") or bool(units_line(self.rules, above))

    @staticmethod
    def marks_attachment(tokens: list[Token], i: int) -> bool:
        """`附件2` at a line start, alone or before the attachment's title: an attachment
        begins, a document of its own whose outline starts afresh (its 1、 list is its first
        level, not items of the one above)."""
        seg = tokens[i].seg
        return (
            i > 0
            and tokens[i].kind == "text"
            and not seg.cont
            and ATTACHMENT_MARK.fullmatch(seg.text.strip()) is not None
        )

    @staticmethod
    def follows_attachment_title(tokens: list[Token], i: int) -> bool:
        """A marker cut from a flattened line right after an attachment's mark and title
        (`…通报批评。附件2青石镇…任务清单` + `1、清理…`): the attachment's first heading."""
        return (
            i > 0
            and tokens[i].seg.cont
            and GLUED_ATTACHMENT_TITLE.search(tokens[i - 1].seg.text) is not None
        )

    def rejoin(self, tokens: list[Token], taken: set[int]) -> list[Token]:
        """A marker the decoder declined inside a line goes back into the piece it was cut from
        (`坚持知行合一、工学结合` is one title again); the pieces joined leave doc.segments."""
        position = {id(s): k for k, s in enumerate(self.doc.segments)}
        out: list[Token] = []
        ends: list[int] = []  # the position of the last piece each kept token holds
        joined: set[int] = set()
        for tok in tokens:
            here = position.get(id(tok.seg), -1)
            declined = tok.kind == "heading" and id(tok) not in taken and tok.seg.cont
            if declined and out and out[-1].kind in ("heading", "text") and ends[-1] + 1 == here:
                prev = out[-1]
                prev.seg.text += tok.seg.text
                prev.seg.raw += tok.seg.raw
                if prev.kind == "heading":
                    prev.value += tok.seg.text
                ends[-1] = here
                joined.add(id(tok.seg))
                continue
            out.append(tok)
            ends.append(here)
        if joined:
            self.doc.segments = [s for s in self.doc.segments if id(s) not in joined]
        return out

    def responsible(self, node: Node, tok: Token) -> None:
        """A responsibility line (`责任单位：…`) under an item: its units are the item's."""
        units = [u for u in RESP_SPLIT.split(tok.value) if u]
        node.responsible.extend(u for u in units if u not in node.responsible)
        if tok.name in self.rules.lead_labels:
            node.lead.extend(u for u in units if u not in node.lead)
        tok.seg.owner = f"node:{node.id}"


def run(state: State) -> None:
    BodyReader(state).read(state.body)
