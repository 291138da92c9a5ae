"""Stage `body`: the tokens from the first numbered heading on become the outline.

The outline (outline.py) decides which candidate headings open nodes; every other segment
joins the deepest open node. 附件说明 lists go to the header; 版记 (抄送, 印发) and what
follows it are taken off the end: `state.closing`.
"""

from __future__ import annotations

import regex

from .dates import DATE, find_date, parse_date_line
from .decode import decode
from .elements import ATTACHMENT_START, attachment_items, split_units, units_line
from .model import Node, Token
from .outline import Outline, bare_title
from .state import State

ATTACHMENT_ITEM_MAX = 80  # an attachment's name on a line of its own is short
RESP_SPLIT = regex.compile(r"[、，,；;\s]+")


class BodyReader:
    def __init__(self, state: State) -> None:
        self.state, self.rules, self.doc = state, state.rules, state.doc
        self.outline = Outline(state.issues, state.unnumbered_kind)

    def events(self, tokens: list[Token]) -> list[tuple[int, str]]:
        """The decoder's events: the candidate headings and unnumbered section titles of the
        body, in order, leaving out 附件说明 lines and the 版记 (from 抄送 or 印发 on)."""
        events = []
        attaching = back = False
        for i, tok in enumerate(tokens):
            text = tok.seg.text
            listed = attaching and self.attachment_line(text)
            opens = not listed and self.opens_attachments(text)
            attaching = listed or opens is not None
            listed = listed or bool(opens)
            back = back or not listed and tok.kind != "heading" and self.is_back_matter(text)
            if listed or back:
                continue
            if tok.kind == "heading":
                events.append((i, "heading"))
            elif self.signs_off(tokens, i):
                events.append((i, "reset"))
            elif bare_title(tokens, i, self.outline.unnumbered_kind):
                events.append((i, "untitled"))
        return events

    def read(self, tokens: list[Token]) -> None:
        back = False  # in the 版记 after the body: 抄送, 印发
        attaching = False  # in a 附件说明 list: `附件：1.XX` then `2.XX` on lines of their own
        header = self.doc.header
        taken = {id(tokens[i]) for i in decode(tokens, self.events(tokens))}
        tokens = self.rejoin(tokens, taken)
        for i, tok in enumerate(tokens):
            text = tok.seg.text
            if attaching and self.attachment_line(text):
                header.attachments.extend(attachment_items(text))
                tok.seg.owner = "header.attachments"
                continue
            opens = self.opens_attachments(text)
            attaching = opens is not None
            if opens:
                header.attachments.extend(attachment_items(opens))
                tok.seg.owner = "header.attachments"
                continue
            if not back and self.signs_off(tokens, i):
                self.outline.reset()
            if tok.kind == "heading" and not back:
                if id(tok) in taken and self.outline.offer(tok):
                    continue
                if id(tok) not in taken:
                    self.outline.decline(tok)
            if not back and bare_title(tokens, i, self.outline.unnumbered_kind):
                self.outline.open_unnumbered(tok)
                continue
            if self.back_matter(tokens, i) or back and self.back_text(tok):
                back = True
                continue
            node = self.outline.current
            if node is None:  # cannot happen: the body starts with a heading
                self.state.closing.append(tok.seg)
            elif tok.kind == "responsibility":
                self.responsible(node, tok)
            else:
                node.segs.append(tok.seg)
        self.doc.roots = self.outline.roots
        self.sign_off()

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

    def sign_off(self) -> None:
        """署名 and 成文日期 after the numbered paragraphs of a notice (GB/T 9704 puts them
        under the body): unit lines, then a date alone on its line, inside the last item
        before them. The notice's own, when its header gave no date."""
        header = self.doc.header
        if header.date:
            return
        for node in self.doc.walk():
            segs = node.segs
            for k in range(2, len(segs)):
                date, _ = parse_date_line(segs[k].text)
                names = units_line(self.rules, segs[k - 1].text)
                if not date or not names:
                    continue
                start = k - 1
                while start > 1 and units_line(self.rules, segs[start - 1].text):
                    start -= 1
                signature = [s.text for s in segs[start:k]]
                header.signature = " ".join(signature)
                header.issuer = header.issuer or "、".join(
                    n for line in signature for n in line.split()
                )
                header.date = date
                for seg in segs[start:k]:
                    seg.owner = "header.signature"
                segs[k].owner = "header.date"
                del segs[start : k + 1]
                return

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

    def opens_attachments(self, text: str) -> str | None:
        """`附件：1.XX 2.XX` -> its items; `附件：` alone -> '' (a list follows, one a line; the
        line itself stays text); else None."""
        m = self.rules.header["attachments"].fullmatch(text)
        return m["items"] if m and "：" in text[:4] else None

    @staticmethod
    def attachment_line(text: str) -> bool:
        return (
            bool(ATTACHMENT_START.match(text))
            and len(text) <= ATTACHMENT_ITEM_MAX
            and "。" not in text
        )

    def is_back_matter(self, text: str) -> bool:
        """抄送 or 印发 (with its date): the 版记 begins."""
        if self.rules.header["cc"].fullmatch(text):
            return True
        m = self.rules.header["printed"].fullmatch(text)
        return bool(m and find_date(m["date"]))

    def back_matter(self, tokens: list[Token], i: int) -> bool:
        h, rules, seg = self.doc.header, self.rules, tokens[i].seg
        m = rules.header["cc"].fullmatch(seg.text)
        if m:
            h.cc.extend(split_units(rules, m["units"]))
            seg.owner = "header.cc"
            return True
        m = rules.header["printed"].fullmatch(seg.text)
        if m and find_date(m["date"]):
            h.printed = find_date(m["date"])
            seg.owner = "header.printed"
            printer = m["printer"].strip()
            prev = tokens[i - 1].seg if i else None
            if not printer and prev is not None and units_line(rules, prev.text):
                printer = prev.text  # 印发机关 on the line above its date
                prev.owner = "header.printer"
                current = self.outline.current
                for place in (self.state.closing, current.segs if current else []):
                    if prev in place:
                        place.remove(prev)
            h.printer = printer or h.printer
            return True
        return False

    def back_text(self, tok: Token) -> bool:
        """After 抄送/印发: a note, a unit line awaiting its 印发 date, or closing text."""
        m = self.rules.header["note"].fullmatch(tok.seg.text)
        if m:
            self.doc.header.note = m["note"]
            tok.seg.owner = "header.note"
        else:
            self.state.closing.append(tok.seg)
        return True

    def responsible(self, node: Node, tok: Token) -> None:
        """A responsibility line (`责任单位：…`) under an item: its units are the item's."""
        units = [u for u in RESP_SPLIT.split(tok.value) if u]
        node.responsible.extend(u for u in units if u not in node.responsible)
        if tok.name in self.rules.lead_labels:
            node.lead.extend(u for u in units if u not in node.lead)
        tok.seg.owner = f"node:{node.id}"


def run(state: State) -> None:
    BodyReader(state).read(state.body)
