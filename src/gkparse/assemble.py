"""Assemble: the state machine that turns the token stream into a Document.

Junk goes to metadata.dropped and page metadata to its fields wherever they stand. The first
numbered heading splits the rest: before it the header zone (see header.py), after it the body,
where the outline decides which candidate headings open nodes and every other segment joins the
deepest open node. 版记 elements and a closing paragraph are taken off the end of the body.
"""

from __future__ import annotations

from collections import Counter

import regex

from .dates import find_date, first_year, parse_date_line
from .elements import attachment_items, doc_number, split_units, units_line
from .header import FrontReader
from .model import Document, Issue, Node, Segment, Token
from .normalize import mend_spaces
from .outline import Outline
from .paragraphs import join_paragraphs
from .rules import Rules
from .taskfields import deadlines, responsibility

SENTENCE = regex.compile(r"^(.+?)[。！？]")
ATTACHMENT_ITEM = regex.compile(r"^\d{1,2}\s*[.．、]")
TITLE_SHORT = 30  # a first sentence this short makes an inline heading title…
TITLE_MAX = 50  # …and in a list of such headings, so does one up to this long
TITLE_LINE = 40  # a heading line without a full stop longer than this is text, not a title
TITLE_ALONE = 15  # a first sentence this short without a comma is a title on its own
RESP_SPLIT = regex.compile(r"[、，,；;\s]+")


class Assembler:
    def __init__(self, rules: Rules, segments: list[Segment], issues: list[Issue]) -> None:
        self.rules, self.issues = rules, issues
        self.doc = Document(segments=segments)
        self.outline = Outline(issues)
        self.closing: list[Segment] = []

    def run(self, tokens: list[Token]) -> Document:
        rest = [t for t in tokens if not self.page_element(t)]
        start = self.outline.start(rest)
        front = rest if start is None else rest[:start]
        FrontReader(self.rules, self.doc, self.issues).read([Token("text", t.seg) for t in front])
        if start is not None:
            self.body(rest[start:])
        self.doc.roots = self.outline.roots
        self.finish()
        return self.doc

    def page_element(self, tok: Token) -> bool:
        """Place junk and page metadata, wherever they stand; say whether the token was one."""
        md, h = self.doc.metadata, self.doc.header
        if tok.kind == "junk":
            md.dropped.append({"line": tok.seg.line, "text": tok.seg.raw})
            tok.seg.owner = "metadata.dropped"
            return True
        if tok.kind != "meta":
            return False
        field, value = tok.name, tok.value.strip()
        target = "header" if field in ("date", "doc_number", "title") else "metadata"
        tok.seg.owner = f"{target}.{field}" if field != "drop" else "metadata.dropped"
        if field == "drop":
            md.dropped.append({"line": tok.seg.line, "text": tok.seg.raw})
        elif value and field in ("published", "date"):
            date = parse_date_line(value)[0] or find_date(value)
            if field == "date":
                h.date = h.date or date
            else:
                md.published = md.published or date
        elif value and field == "doc_number":
            h.doc_number = h.doc_number or doc_number(self.rules, value) or value
        elif value and field == "keywords":
            md.keywords = md.keywords or [k for k in regex.split(r"[\s,，;；、]+", value) if k]
        elif value and field == "title":
            h.title = h.title or mend_spaces(value)
        elif value:
            setattr(md, field, getattr(md, field) or value)
        return True

    def body(self, tokens: list[Token]) -> None:
        back = False  # in the 版记 after the body: 抄送, 印发
        attaching = False  # in a 附件说明 list: `附件：1.XX` then `2.XX` on lines of their own
        for i, tok in enumerate(tokens):
            if attaching and ATTACHMENT_ITEM.match(tok.seg.text) and len(tok.seg.text) <= 80 and "。" not in tok.seg.text:
                self.doc.header.attachments.extend(attachment_items(tok.seg.text))
                tok.seg.owner = "header.attachments"
                continue
            attaching = False
            m = self.rules.header["attachments"].fullmatch(tok.seg.text)
            if m and "：" in tok.seg.text[:4] and m["items"]:
                self.doc.header.attachments.extend(attachment_items(m["items"]))
                tok.seg.owner = "header.attachments"
                attaching = True
                continue
            if tok.kind == "heading" and not back:
                if self.outline.offer(tok):
                    continue
            if not back and self.outline.bare_title(tokens, i):
                self.outline.open_unnumbered(tok)
                continue
            if self.back_matter(tokens, i) or back and self.back_text(tok):
                back = True
                continue
            node = self.outline.current
            if node is None:  # cannot happen: the body starts with a heading
                self.closing.append(tok.seg)
            elif tok.kind == "responsibility":
                self.responsible(node, tok)
            else:
                node.segs.append(tok.seg)

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
                for place in (self.closing, self.outline.current.segs if self.outline.current else []):
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
            self.closing.append(tok.seg)
        return True

    def responsible(self, node: Node, tok: Token) -> None:
        units = [u for u in RESP_SPLIT.split(tok.value) if u]
        lead = any(tok.name in leads for _, leads in self.rules.responsibility)
        node.responsible.extend(u for u in units if u not in node.responsible)
        if lead:
            node.lead.extend(u for u in units if u not in node.lead)
        tok.seg.owner = f"node:{node.id}"

    def finish(self) -> None:
        doc, h, md = self.doc, self.doc.header, self.doc.metadata
        nodes = doc.walk()
        if nodes:
            self.take_closing(nodes[-1])
        for group in [doc.roots] + [n.children for n in nodes if n.children]:
            self.titles(group)
            self.mend_markers(group)
        doc.preamble = self.join([s for s in doc.segments if s.owner == "preamble"])
        doc.closing = self.join(self.closing) if self.closing else None
        for seg in self.closing:
            seg.owner = "closing"
        md.year = first_year(h.plan_title) or first_year(h.title) or first_year(h.doc_number) or first_year(h.date)
        for node in doc.tasks:
            responsibility(self.rules, node)
            deadlines(self.rules, node, md.year)
        for seg in doc.segments:
            if seg.owner is None:  # a defect, but never lose the line: keep it visible
                self.issues.append(Issue(seg.line, "line could not be placed; kept in closing"))
                doc.closing = "\n".join(filter(None, [doc.closing, seg.text]))
                seg.owner = "closing"
        if not regex.search(r"\p{Han}", "".join(s.text for s in doc.segments[:200])):
            self.issues.append(Issue(None, "no Chinese text: this does not look like a notice"))
        elif not nodes:
            self.issues.append(Issue(None, "no numbered headings: the body is in the preamble"))
        md.warnings = [i.render() for i in sorted(self.issues, key=lambda i: i.line or 0)]

    def mend_markers(self, group: list[Node]) -> None:
        """`1、` and `6.` in one list: the odd marker written like the rest of its list."""
        ends = Counter(n.marker[-1] for n in group if n.kind == "arabic")
        if len(ends) < 2:
            return
        usual = ends.most_common(1)[0][0]
        for node in group:
            if node.kind == "arabic" and node.marker[-1] != usual:
                self.issues.append(Issue(node.line, f"marker {node.marker} written {node.marker[:-1]}{usual} like the rest of its list"))
                node.marker = node.marker[:-1] + usual

    def take_closing(self, last: Node) -> None:
        """Paragraphs after the last item's own text that address the recipients or the plan."""
        body = last.segs[1:]
        has_text = bool(last.head) and any(ch in last.head for ch in "。！？")
        for k, seg in enumerate(body):
            if (has_text or k > 0) and any(p.match(seg.text) for p in self.rules.closing):
                self.closing[:0] = body[k:]
                del last.segs[1 + k :]
                return

    def join(self, segs: list[Segment], first: str = "") -> str | None:
        return join_paragraphs(segs, self.issues, first)

    def titles(self, group: list[Node]) -> None:
        """Title and text of each heading; a list decides together whether inline titles are titles."""
        inline = [(n, m.group(1)) for n in group if (m := SENTENCE.match(n.head))]
        short = sum(len(first) <= TITLE_SHORT for _, first in inline)
        titled = short * 2 > len(inline)
        for node in group:
            for seg in node.segs:
                seg.owner = f"node:{node.id}"
            body = node.segs[1:]
            m = SENTENCE.match(node.head)
            if not m:
                long = len(node.head) > TITLE_LINE
                node.title = None if long or not node.head else mend_spaces(node.head.rstrip("：:"))
                node.text = self.join(body, node.head if long else "")
                continue
            first = m.group(1)
            if titled and len(first) <= TITLE_MAX or len(first) <= TITLE_ALONE and "，" not in first:
                node.title = mend_spaces(first)
                node.text = self.join(body, node.head[m.end() :].strip())
            else:
                node.text = self.join(body, node.head)


def assemble(rules: Rules, tokens: list[Token], issues: list[Issue]) -> Document:
    segments = [t.seg for t in tokens]
    return Assembler(rules, segments, issues).run(tokens)

