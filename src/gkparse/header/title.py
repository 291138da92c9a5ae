"""标题: the first plain line of the 版头, joined over up to four lines until it ends like a
title (通知, 方案, 要点…); printed again by the page, or twice on one line, it is kept once. A
`…的通知` line after a headline starts the notice afresh: the headline was the plan's title."""

from __future__ import annotations

import regex

from ..dates import parse_date_line
from ..elements import doc_number
from ..normalize import mend_spaces, strip_spaces
from .zone import TOP, HeaderState, plain_title

# a 文号 the page printed after the title in brackets: `…的通知（X政发〔2023〕5号）`
TRAILING_NUMBER = regex.compile(r"[（(]([^（）()]*?\d{4}[^（）()]*?)[)）]$")
TITLE_LINES = 4


def restart(s: HeaderState, i: int) -> int:
    """`…的通知` after a line taken for the title that is none: the notice begins here."""
    if s.header.recipients or not s.rules.header["notice_title"].fullmatch(s.text(i)):
        return 0
    f = s.front
    if strip_spaces(s.title_so_far()).endswith("通知"):
        return 0
    f.plan_title = f.plan_title or f.title
    f.preamble.extend(t for t in f.title if t not in f.plan_title)
    f.title, s.zone = [s.tokens[i]], TOP
    return 1


def again(s: HeaderState, i: int) -> int:
    """The title again, as the page prints it above the text."""
    known = strip_spaces(s.header.title or s.title_so_far())
    if not known or strip_spaces(s.text(i)) != known:
        return 0
    s.claim(s.tokens[i].seg, "header.title")
    return 1


def read(s: HeaderState, i: int) -> int:
    text, f, tokens, rules = s.text(i), s.front, s.tokens, s.rules
    ends = rules.header["title_end"]
    if s.header.title or f.title or f.preamble or not (plain_title(text) or ends.fullmatch(text)):
        return 0
    f.title.append(tokens[i])
    used = 1
    while (
        i + used < len(tokens)
        and used < TITLE_LINES
        and tokens[i + used].kind == "text"
        and not ends.fullmatch(strip_spaces(s.title_so_far()))
        and plain_title(tokens[i + used].seg.text)
        and not parse_date_line(tokens[i + used].seg.text)[0]
        and not doc_number(rules, tokens[i + used].seg.text)
    ):
        f.title.append(tokens[i + used])
        used += 1
    return used


def once(title: str) -> str:
    """A title a page printed twice in one line (`XX规范XX规范`) as the notice prints it, once."""
    half = len(title) // 2
    return title[:half] if len(title) % 2 == 0 and title[:half] == title[half:] else title


def settle(s: HeaderState) -> None:
    h, f = s.header, s.front
    if not f.title:
        return
    title = mend_spaces(s.title_so_far())
    m = TRAILING_NUMBER.search(title)
    if m and doc_number(s.rules, m.group(1)):
        h.doc_number = h.doc_number or doc_number(s.rules, m.group(1))
        title = title[: m.start()].strip()
    if not h.title and once(title) != title:  # the page's second copy goes, recorded
        s.doc.metadata.dropped.append({"line": f.title[0].seg.line, "text": once(title)})
    h.title = h.title or once(title)
    for t in f.title:
        s.claim(t.seg, "header.title")
