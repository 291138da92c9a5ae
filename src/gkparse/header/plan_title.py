"""The plan's own title: a plain line after the signature (joined with a second one when the
first does not end like a title), a headline the notice replaced, or what the notice's title
hands down (`关于印发《X》的通知`, `印发X的通知`). A plan without a wrapper notice has none:
its title is the title."""

from __future__ import annotations

from .. import precompiled
from ..model import Document
from ..normalize import mend_spaces, strip_spaces
from ..rules import Rules
from ..tables import only_labels
from .attachments import MARK
from .zone import PREAMBLE, TITLE_MIN, HeaderState, plain_title

QUOTED = precompiled.pattern(r"《([^《》]+)》")


def read(s: HeaderState, i: int) -> int:
    f, text, nxt = s.front, s.text(i), s.next_text(i)
    if f.plan_title or not plain_title(text) or len(text) < TITLE_MIN:
        return 0  # (工作意见 alone is a fragment of the page, not a plan's name)
    used = 1
    f.plan_title.append(s.tokens[i])
    # (the second line of a title is a line, never a cell of a table's row printed with bars
    # nor the table's header row: 序号 工作任务 牵头单位 under a plan named …任务分工)
    joins = (
        nxt
        and s.tokens[i + 1].seg.column is None
        and plain_title(nxt)
        and not only_labels(s.rules, nxt)
    )
    if joins and not s.rules.header["title_end"].fullmatch(text):
        f.plan_title.append(s.tokens[i + 1])
        used = 2
    s.zone = PREAMBLE
    return used


def settle(s: HeaderState) -> None:
    h, f, rules = s.header, s.front, s.rules
    if f.plan_title:
        h.plan_title = mend_spaces("".join(t.seg.text for t in f.plan_title))
        for t in f.plan_title:
            s.claim(t.seg, "header.plan_title")
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
        # a plan alone, without a wrapper notice, has no plan title of its own (GOLD.md)
    if not h.plan_title and (h.cover or h.recipients):  # a notice, not a plan alone
        h.plan_title = handed_down_by_cover(s)
    if h.plan_title:
        h.plan_title = strip_spaces(h.plan_title)


def handed_down_by_cover(s: HeaderState) -> str | None:
    """A notice that prints no plan title names the plan it hands down in its cover
    (`《X》已经县政府同意，现印发给你们`), or as its one attachment (`附件：X`)."""
    h = s.header
    cover = h.cover or ""
    m = QUOTED.search(cover)
    if m and s.rules.header["cover_start"].fullmatch(cover[m.start() :]):
        return m.group(1)
    if len(h.attachments) == 1:
        return h.attachments[0]
    return None


def after_body(rules: Rules, doc: Document) -> None:
    """A notice whose text is numbered paragraphs and that hands its plan down as an attachment,
    often beside forms and lists (`附件：1.X方案 2.Y清单`, read after the body): the first
    attachment, when it is a plan (its name ends like a title) printed after the notice under
    its mark (`附件1` over `X方案`, GB/T 9704), is the plan. (A plan alone, addressed to no one,
    has none: its attachments are its own.)"""
    h = doc.header
    if h.plan_title or not h.attachments or not h.recipients:
        return
    first = strip_spaces(h.attachments[0])
    if not rules.header["title_end"].fullmatch(first):
        return
    texts = [t for t in (strip_spaces(x.text) for x in doc.segments) if t]
    if any(MARK.fullmatch(a) and b == first for a, b in zip(texts, texts[1:])):
        h.plan_title = first
