"""The notice's own elements, each looked for in its own zone (GB/T 9704-2012).

版头 and 主体 come before the first numbered heading: title, 发文字号, 主送机关, the cover text,
署名 and 成文日期, 附注, then the plan's own title and preamble. 版记 (抄送, 印发) comes after the
body. Body text cites other notices and mentions dates; searching only the zone keeps those out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .dates import DATE, find_date, parse_date_line
from .elements import (
    SENTENCE_END,
    attachment_items,
    doc_number,
    is_recipients,
    is_unit,
    recipients_prefix,
    split_units,
    units_line,
)
from .model import Document, Issue, Segment, Token
from .normalize import mend_spaces, strip_spaces
from .outline import body_start
from .paragraphs import join_paragraphs
from .rules import Rules
from .state import State

QUOTED = regex.compile(r"《([^《》]+)》")
TRAILING_NUMBER = regex.compile(r"[（(]([^（）()]*?\d{4}[^（）()]*?)[)）]$")


def _cut(tok: Token, at: int) -> list[Token]:
    seg = tok.seg
    head, tail = seg.text[:at].strip(), seg.text[at:].strip()
    return [
        Token("text", Segment(seg.line, head, head)),
        Token("text", Segment(seg.line, tail, tail)),
    ]


def glued_at(rules: Rules, text: str) -> int | None:
    """Where a header element ends that runs on into the next one on the same line."""
    m = rules.header["header_mark"].match(text)
    if m and m.end() < len(text) and is_unit(rules, strip_spaces(m["issuer"])):
        return m.end()  # `XX市人民政府办公厅文件X政办[2014]180号…`
    m = rules.header["doc_number"].match(text)
    if (
        m
        and m.end() < len(text)
        and (text[m.end()].isspace() or text[m.end()] == "各")
        and doc_number(rules, m.group())
    ):
        return m.end()  # `X政办字〔2019〕33 号 XX市XX局 …`
    m = rules.header["title_glued"].match(text)
    if m and "。" not in m.group():
        return m.end()
    return recipients_prefix(rules, text)


def cut_glued(rules: Rules, tokens: list[Token], pieces: dict[int, list[Segment]]) -> list[Token]:
    """Elements that lost the line break between them: `各村委会：现将…`, `2023年11月2日苏平片区…方案`.

    `pieces` records, by id of the segment cut, the segments that replace it.
    """
    out: list[Token] = []
    for tok in tokens:
        text = tok.seg.text
        at = glued_at(rules, text)
        if at:
            parts = _cut(tok, at)
            pieces[id(tok.seg)] = [t.seg for t in parts]
            out.extend(cut_glued(rules, parts, pieces))  # the rest may hold more
            continue
        d = DATE.search(text)
        unit_before = d and (
            units_line(rules, text[: d.start()])
            if d.start()
            else out and units_line(rules, out[-1].seg.text)
        )
        if d and unit_before and d.end() < len(text) and regex.match(r"\p{Han}", text[d.end() :]):
            # 署名, 成文日期 and the plan's title run together: `XX管委会2023年11月14日XX方案`
            parts = _cut(tok, d.end())
            if d.start():
                parts = _cut(parts[0], d.start()) + parts[1:]
            out.extend(parts)
            pieces[id(tok.seg)] = [t.seg for t in parts]
            continue
        out.append(tok)
    return out


def once(title: str) -> str:
    """A title a page printed twice in one line (`XX规范XX规范`) as the notice prints it, once."""
    half = len(title) // 2
    return title[:half] if len(title) % 2 == 0 and title[:half] == title[half:] else title


@dataclass
class Front:
    """What the 版头 and 主体 yielded, before the fields are settled."""

    title: list[Token] = field(default_factory=list)
    top_units: list[str] = field(default_factory=list)
    top_date: str | None = None
    mark: str | None = None
    signature: list[str] = field(default_factory=list)
    cover: list[Token] = field(default_factory=list)
    plan_title: list[Token] = field(default_factory=list)
    preamble: list[Token] = field(default_factory=list)


class FrontReader:
    """The state machine over the tokens before the first numbered heading."""

    def __init__(self, rules: Rules, doc: Document, issues: list[Issue]) -> None:
        self.rules, self.doc, self.issues = rules, doc, issues
        self.front = Front()
        self.state = "top"  # top -> cover -> after (the signature) -> preamble

    def claim(self, seg: Segment, owner: str) -> None:
        seg.owner = owner

    def read(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            i += self.step(tokens, i)
        self.settle()

    def step(self, tokens: list[Token], i: int) -> int:
        """Place tokens[i] (and maybe the next ones); return how many were consumed."""
        tok = tokens[i]
        text = tok.seg.text
        h, rules = self.doc.header, self.rules
        nxt = (
            tokens[i + 1].seg.text if i + 1 < len(tokens) and tokens[i + 1].kind == "text" else None
        )

        number = doc_number(rules, text)
        if number and self.state != "preamble":
            h.doc_number = h.doc_number or number
            self.claim(tok.seg, "header.doc_number")
            return 1
        if rules.header["note"].fullmatch(text):
            h.note = rules.header["note"].fullmatch(text)["note"]
            self.claim(tok.seg, "header.note")
            self.state = "after" if self.state == "cover" else self.state
            return 1
        m = rules.header["attachments"].fullmatch(text)
        if m and self.state == "cover":
            h.attachments.extend(attachment_items(m["items"]))
            self.claim(tok.seg, "header.attachments")
            return 1
        if self.state == "cover":
            used = self.signature(tokens, i)
            if used:
                return used
        if (
            self.state in ("top", "preamble")
            and not h.recipients
            and rules.header["notice_title"].fullmatch(text)
        ):
            title = strip_spaces("".join(t.seg.text for t in self.front.title))
            if not title.endswith("通知"):
                # the notice itself begins here; what stood above was the page's headline
                self.front.plan_title = self.front.plan_title or self.front.title
                self.front.preamble.extend(
                    t for t in self.front.title if t not in self.front.plan_title
                )
                self.front.title, self.state = [tok], "top"
                return 1
        if (
            self.state in ("top", "preamble")
            and self.front.title
            and not self.front.cover
            and not self.front.plan_title
            and rules.header["cover_start"].fullmatch(text)
        ):
            self.front.cover.append(
                tok
            )  # the cover text of a notice whose recipients were not recognised
            self.state = "cover"
            return 1
        if self.state == "top":
            return self.top(tokens, i, nxt)
        if self.state == "cover":
            self.front.cover.append(tok)
            return 1
        if self.state == "after" and not self.front.plan_title and self.plain_title(text):
            used = 1
            self.front.plan_title.append(tok)
            if nxt and not rules.header["title_end"].fullmatch(text) and self.plain_title(nxt):
                self.front.plan_title.append(tokens[i + 1])
                used = 2
            self.state = "preamble"
            return used
        self.front.preamble.append(tok)
        self.state = "preamble"
        return 1

    def plain_title(self, text: str) -> bool:
        return len(text) <= 60 and not any(ch in text for ch in SENTENCE_END + "，,：:")

    def top(self, tokens: list[Token], i: int, nxt: str | None) -> int:
        tok, rules, h = tokens[i], self.rules, self.doc.header
        text = tok.seg.text
        m = rules.header["signer"].fullmatch(text)
        if m:
            h.signer = m["name"].strip()
            self.claim(tok.seg, "header.signer")
            return 1
        for name in ("secrecy", "urgency", "copy_number"):  # 版头 elements above the title
            m = rules.header[name].fullmatch(text)
            if m and not self.front.title and getattr(h, name) is None:
                setattr(h, name, strip_spaces(m["value"]))
                self.claim(tok.seg, f"header.{name}")
                return 1
        m = rules.header["header_mark"].fullmatch(text)
        if m and is_unit(rules, strip_spaces(m["issuer"])):
            self.front.mark = strip_spaces(m["issuer"])
            self.claim(tok.seg, "header.issuer")
            return 1
        for name, pattern in rules.values:
            if pattern.fullmatch(text) and getattr(self.doc.metadata, name) is None:
                setattr(self.doc.metadata, name, text)  # page metadata printed without its label
                self.claim(tok.seg, f"metadata.{name}")
                return 1
        date, _ = parse_date_line(text)
        if date and regex.search(r"\d[:：]\d\d$", text):  # a time of day: the page's own timestamp
            self.doc.metadata.published = self.doc.metadata.published or date
            self.claim(tok.seg, "metadata.published")
            return 1
        if date:
            self.front.top_date = self.front.top_date or date
            self.claim(tok.seg, "header.date")
            return 1
        byline = DATE.search(text)
        if (
            byline
            and byline.start() > 0
            and units_line(rules, text[: byline.start()].strip())
            and not text[byline.end() :].strip(" :：0-9")
        ):
            # the page's byline: `XX省XX市人民政府 2023-09-04`
            self.doc.metadata.publisher = (
                self.doc.metadata.publisher or text[: byline.start()].strip()
            )
            self.doc.metadata.published = self.doc.metadata.published or find_date(text)
            self.claim(tok.seg, "metadata.publisher")
            return 1
        if is_recipients(rules, text):
            h.recipients = split_units(rules, text)
            self.claim(tok.seg, "header.recipients")
            self.state = "cover"
            return 1
        units = units_line(rules, text)
        if units:
            self.front.top_units.extend(units)
            self.claim(tok.seg, "header.issuer")
            return 1
        known = strip_spaces(h.title or "".join(t.seg.text for t in self.front.title))
        if (
            known and strip_spaces(text) == known
        ):  # the title again, as the page prints it above the text
            self.claim(tok.seg, "header.title")
            return 1
        if (
            not h.title
            and not self.front.title
            and not self.front.preamble
            and (self.plain_title(text) or rules.header["title_end"].fullmatch(text))
        ):
            self.front.title.append(tok)
            used = 1
            # a title broken over lines: join until it ends like a title (通知, 方案, 要点…)
            while (
                i + used < len(tokens)
                and used < 4
                and tokens[i + used].kind == "text"
                and not rules.header["title_end"].fullmatch(
                    strip_spaces("".join(t.seg.text for t in self.front.title))
                )
                and self.plain_title(tokens[i + used].seg.text)
                and not parse_date_line(tokens[i + used].seg.text)[0]
                and not doc_number(rules, tokens[i + used].seg.text)
            ):
                self.front.title.append(tokens[i + used])
                used += 1
            return used
        self.front.preamble.append(tok)
        if len(text) <= 30 and not any(ch in text for ch in SENTENCE_END + "，"):
            # a damaged or unknown line among the header elements must not end the header
            self.issues.append(
                Issue(tok.seg.line, "not recognised as a header element; kept in the preamble")
            )
        else:
            self.state = "preamble"
        return 1

    def signature(self, tokens: list[Token], i: int) -> int:
        """署名 and 成文日期 closing the cover: unit lines then a date line, or both on one line."""
        rules, j, names = self.rules, i, []
        while (
            j < len(tokens) and tokens[j].kind == "text" and units_line(rules, tokens[j].seg.text)
        ):
            names.append(tokens[j].seg.text)
            j += 1
        if j >= len(tokens):
            return 0
        text = tokens[j].seg.text
        date, ambiguous = parse_date_line(text)
        if not date:
            inline = DATE.search(text)
            if not (
                inline
                and inline.start() > 0
                and units_line(rules, text[: inline.start()].strip())
                and inline.end() == len(text)
            ):
                return 0
            names.append(text[: inline.start()].strip())
            date = find_date(text)
        if ambiguous:
            self.issues.append(
                Issue(tokens[j].seg.line, f"date {text} can be read two ways; took {date}")
            )
        self.front.signature.extend(names)
        self.doc.header.date = date
        for tok in tokens[i:j]:
            self.claim(tok.seg, "header.signature")
        self.claim(tokens[j].seg, "header.date")
        self.state = "after"
        return j - i + 1

    def settle(self) -> None:
        """Decide the fields from what was found, claiming each segment for its field."""
        h, md, f, rules = self.doc.header, self.doc.metadata, self.front, self.rules
        if f.title:
            title = mend_spaces("".join(t.seg.text for t in f.title))
            m = TRAILING_NUMBER.search(title)
            if m and doc_number(rules, m.group(1)):
                h.doc_number = h.doc_number or doc_number(rules, m.group(1))
                title = title[: m.start()].strip()
            if not h.title and once(title) != title:  # the page's second copy goes, recorded
                md.dropped.append({"line": f.title[0].seg.line, "text": once(title)})
            h.title = h.title or once(title)
            for t in f.title:
                self.claim(t.seg, "header.title")
        if (
            f.cover
            and not f.signature
            and not h.date
            and not any(rules.header["cover_phrase"].fullmatch(t.seg.text) for t in f.cover)
        ):
            f.preamble[:0] = (
                f.cover
            )  # no signature closes it and it reads like a plan: the notice is the plan
            f.cover = []
        if f.cover:
            h.cover = join_paragraphs([t.seg for t in f.cover], self.issues)
            for t in f.cover:
                self.claim(t.seg, "header.cover")
        if f.signature:
            h.signature = " ".join(f.signature)
        issuers = [u for line in f.signature for u in line.split()] or (
            [f.mark] if f.mark else f.top_units
        )
        if not issuers and f.title:
            # the title begins with its issuers (GB/T 9704): 中共XX省委 XX省人民政府关于…
            m = rules.header["title_issuers"].match(" ".join(t.seg.text for t in f.title))
            if m and units_line(rules, m["issuers"]):
                issuers = m["issuers"].split()
        h.issuer = "、".join(issuers) or None
        if f.top_date:
            if h.date and h.date != f.top_date:
                md.published = md.published or f.top_date
            else:
                h.date = h.date or f.top_date
        if f.plan_title:
            h.plan_title = mend_spaces("".join(t.seg.text for t in f.plan_title))
            for t in f.plan_title:
                self.claim(t.seg, "header.plan_title")
        elif h.title:
            m = QUOTED.search(h.title)
            bare = rules.header["handed_down"].fullmatch(h.title)
            # 印发2023年《政府工作报告》重点任务分解方案的通知: a 《》 inside the plan's name
            # cites a document the plan is about; the plan is all that the title hands down
            cited = bare and m and not bare["plan"].strip().endswith("》")
            if m and rules.header["hands_down"].fullmatch(h.title) and not cited:
                h.plan_title = m.group(1)
            elif bare:
                h.plan_title = bare["plan"]
            elif not h.recipients and not regex.search(r"通知$", h.title):
                h.plan_title = h.title  # the plan alone, without its notice
        if h.plan_title:
            h.plan_title = strip_spaces(h.plan_title)
        for t in f.preamble:
            self.claim(t.seg, "preamble")


def run(state: State) -> None:
    """Stage `header`: the body starts at the first numbered heading; what stands before it is
    read for the notice's elements (its heading-like lines are text there)."""
    start, state.unnumbered_kind = body_start(state.rules, state.notice)
    front = state.notice if start is None else state.notice[:start]
    pieces: dict[int, list[Segment]] = {}
    front = cut_glued(state.rules, [Token("text", t.seg) for t in front], pieces)
    if pieces:  # the segments cut in two replace the segment they were cut from
        state.doc.segments = [p for s in state.doc.segments for p in _expand(s, pieces)]
    FrontReader(state.rules, state.doc, state.issues).read(front)
    state.body = [] if start is None else state.notice[start:]


def _expand(seg: Segment, pieces: dict[int, list[Segment]]) -> list[Segment]:
    if id(seg) not in pieces:
        return [seg]
    return [q for p in pieces[id(seg)] for q in _expand(p, pieces)]
