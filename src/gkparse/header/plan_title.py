"""The plan's own title: a plain line after the signature (joined with a second one when the
first does not end like a title), a headline the notice replaced, or what the notice's title
hands down (`关于印发《X》的通知`, `印发X的通知`). A plan without a wrapper notice has none:
its title is the title."""

from __future__ import annotations

import regex

from ..normalize import mend_spaces, strip_spaces
from .zone import PREAMBLE, HeaderState, plain_title

QUOTED = regex.compile(r"《([^《》]+)》")


def read(s: HeaderState, i: int) -> int:
    f, text, nxt = s.front, s.text(i), s.next_text(i)
    if f.plan_title or not plain_title(text):
        return 0
    used = 1
    f.plan_title.append(s.tokens[i])
    if nxt and not s.rules.header["title_end"].fullmatch(text) and plain_title(nxt):
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
    if h.plan_title:
        h.plan_title = strip_spaces(h.plan_title)
