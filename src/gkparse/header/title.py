"""标题: the first plain line of the 版头, joined over up to four lines until it ends like a
title (通知, 方案, 要点…); printed again by the page, or twice on one line, it is kept once. A
`…的通知` line after a headline starts the notice afresh: the headline was the plan's title."""

from __future__ import annotations

from ..dates import parse_date_line
from ..elements import doc_number, units_line
from ..model import Issue
from ..normalize import mend_spaces, strip_spaces
from . import clutter
from .zone import TITLE_MIN, TOP, HeaderState, plain_title

TITLE_LINES = 4
KIND_ONLY = 3  # a title this short is a kind of document alone (通知, 意见, 分解表): a category
LOOK_AHEAD = 6  # lines of the 版头 looked at for a title after a plain line


def restart(s: HeaderState, i: int) -> int:
    """`…的通知` after a line taken for the title that is none: the notice begins here. The
    line above was the plan's title when it ends like one, else the page's. So too a fuller
    form of the title read (`XX政务公开工作要点实施方案` / `XX市2017年政务公开工作要点实施方案`):
    the page's headline shortened the notice's own title."""
    if s.header.recipients or strip_spaces(s.title_so_far()) == strip_spaces(s.text(i)):
        return 0  # (the title printed again: the same notice, for `again`)
    if not s.rules.header["notice_title"].fullmatch(s.text(i)):
        if not _fuller(s, s.text(i)):
            return 0
        s.front.preamble.extend(s.front.title)
        s.front.title = [s.tokens[i]]
        return 1
    f = s.front
    if strip_spaces(s.title_so_far()).endswith("通知"):
        return 0
    if s.rules.header["title_end"].fullmatch(strip_spaces(s.title_so_far())):
        f.plan_title = f.plan_title or f.title  # the page's headline named the plan
    f.preamble.extend(t for t in f.title if t not in f.plan_title)
    f.title, s.zone = [s.tokens[i]], TOP
    return 1


def _fuller(s: HeaderState, text: str) -> bool:
    """`text` is the title read so far with words added inside it (its characters in order, and
    more, from the same first one), ending like a title: the notice's own title under the
    page's short form of it."""
    if s.header.title or not s.front.title or not plain_title(text):
        return False
    short, full = strip_spaces(s.title_so_far()), strip_spaces(text)
    if len(short) < TITLE_MIN or len(full) <= len(short) or full[0] != short[0]:
        return False  # (words added before it are the page's: 更新于2024年1月12日XX方案)
    rest = iter(full)
    in_order = all(ch in rest for ch in short)  # (consumes `rest`: a subsequence test)
    return in_order and bool(s.rules.header["title_end"].fullmatch(full))


def again(s: HeaderState, i: int) -> int:
    """The title again, as the page prints it above the text (over up to four lines)."""
    known = strip_spaces(s.header.title or clutter.bare(s, s.title_so_far()))  # (no breadcrumb)
    joined = ""
    for k in range(i, min(len(s.tokens), i + TITLE_LINES)):
        joined += strip_spaces(s.text(k))
        if not known.startswith(joined) or k > i and not plain_title(s.text(k)):
            return 0
        if joined == known:
            for tok in s.tokens[i : k + 1]:
                s.claim(tok.seg, "header.title")
            return k - i + 1
    return 0


def read(s: HeaderState, i: int) -> int:
    """The title, from the first line of the 版头 that has its shape: one that ends like a
    title (joined over lines); else a plain line, unless a title follows within the 版头 (the
    plain line was the page's: 全文, 发布信息) or it is too short to name a notice."""
    text, f, rules = s.text(i), s.front, s.rules
    ends = rules.header["title_end"]
    if s.header.title or f.title:
        return 0
    if not (plain_title(text) or ends.fullmatch(text)):
        text = clutter.bare(s, text)  # (judged without a breadcrumb before it, a 文号 after)
        if not (
            plain_title(text) or ends.fullmatch(text) or rules.header["cut_title"].fullmatch(text)
        ):
            return 0
    lines = _lines(s, i)
    title = strip_spaces("".join(s.text(k) for k in range(i, i + lines)))
    if not ends.fullmatch(title) and (len(title) < TITLE_MIN or _title_follows(s, i + lines)):
        return 0
    if len(title) <= KIND_ONLY or title in rules.page_columns:  # (信息分类：通知, 通知公告)
        return 0  # the page's category or column, no notice's title
    f.title.extend(s.tokens[i : i + lines])
    return lines


def _lines(s: HeaderState, i: int) -> int:
    """How many lines from i a title broken over lines takes: until it ends like a title, and
    never from the page's lines into a notice's whole title, nor over the cells of a row."""
    tokens = s.tokens
    used = 1
    while (
        i + used < len(tokens)
        and used < TITLE_LINES
        and tokens[i + used].kind == "text"
        and tokens[i + used].seg.column is None  # (cells of a row with bars: a site's menu)
        and not _whole(s, "".join(s.text(k) for k in range(i, i + used)))
        and plain_title(tokens[i + used].seg.text)
        and tokens[i + used].seg.text not in s.rules.page_columns  # (a column's name, alone)
        and not _whole_title_after_others(s, i, used)
        and not parse_date_line(tokens[i + used].seg.text)[0]
        and not doc_number(s.rules, tokens[i + used].seg.text)
    ):
        used += 1
    return used


def _whole(s: HeaderState, text: str) -> bool:
    """The lines read so far end like a title, or like one and the site's name after it."""
    ends = s.rules.header["title_end"]
    return bool(ends.fullmatch(strip_spaces(text))) or clutter.site_after(s, text) is not None


def _whole_title_after_others(s: HeaderState, i: int, used: int) -> bool:
    """The next line is a notice's whole title by itself, and the lines before it are not its
    issuers' names (`中共X委员会` / `关于…的通知` is one title; `客户端` / `关于…` is not)."""
    if not s.rules.header["notice_title"].fullmatch(s.text(i + used)):
        return False
    before = "".join(s.text(k) for k in range(i, i + used))
    if before.count("《") > before.count("》"):
        return False  # (a 《 left open: the next line goes on with the name it opened)
    return not all(units_line(s.rules, s.text(k)) for k in range(i, i + used))


def _title_follows(s: HeaderState, j: int) -> bool:
    """A line ending like a title among the next lines of the 版头 (before a sentence)."""
    ends = s.rules.header["title_end"]
    for k in range(j, min(len(s.tokens), j + LOOK_AHEAD)):
        text = s.text(k)
        if ends.fullmatch(strip_spaces(text)) and plain_title(text):
            return True
        if not plain_title(text) and not ends.fullmatch(text):
            return False
    return False


def once(title: str) -> str:
    """A title a page printed twice in one line (`XX规范XX规范`) as the notice prints it, once."""
    half = len(title) // 2
    return title[:half] if len(title) % 2 == 0 and title[:half] == title[half:] else title


def settle(s: HeaderState) -> None:
    """The title: the page's metadata gives it when it names one, else the lines read; the
    page's clutter before it cut, a 文号 printed after it taken, a second copy dropped."""
    h, f = s.header, s.front
    if h.title:  # the page's metadata named it (page.py), as printed
        line = next((x.line for x in s.doc.segments if x.owner == "header.title"), None)
        f.title_text, h.title = clutter.without_clutter(s, h.title.strip(), line)
        h.title = _number_after(s, h.title)  # (`标题: X的通知（X发〔2017〕2号）`)
        if once(h.title) != h.title:  # (the value run into the headline printing it again)
            s.doc.metadata.dropped.append({"line": line, "text": once(h.title)})
            h.title = once(h.title)
    if f.file_title and not (h.title or clutter.ends_like_a_title(s, f.title)):
        # a sharing site's page: its file name names the document better than page lines
        f.preamble[:0] = f.title
        f.title, h.title, f.title_text = [], mend_spaces(f.file_title), f.file_title
    if not f.title:
        return
    line = f.title[0].seg.line
    printed = " ".join(t.seg.text for t in f.title).strip()
    text, title = clutter.without_clutter(s, printed, line)
    if text == printed:  # nothing cut: the lines joined as printed, no space between them
        title = mend_spaces("".join(t.seg.text for t in f.title))
    f.title_text = f.title_text or text
    title = _number_after(s, _uncut(s, title, line))
    if not h.title and once(title) != title:  # the page's second copy goes, recorded
        s.doc.metadata.dropped.append({"line": line, "text": once(title)})
    h.title = h.title or once(title)
    for t in f.title:
        s.claim(t.seg, "header.title")


def _uncut(s: HeaderState, title: str, line: int) -> str:
    """A title the page cut short without the ellipsis that marks the cut (kept as dropped): the
    title is what the page printed of it."""
    m = s.rules.header["cut_title"].fullmatch(title)
    if m is None:
        return title
    s.doc.metadata.dropped.append({"line": line, "text": title[m.end("title") :].strip()})
    s.issues.append(Issue(line, "the title cut short by the page (…): kept as printed"))
    return m["title"]


def _number_after(s: HeaderState, title: str) -> str:
    """The title without the 文号 a page printed after it in brackets, which goes to the
    doc number (when the notice prints none of its own)."""
    m = clutter.TRAILING_NUMBER.search(title)
    number = doc_number(s.rules, m.group(1)) if m else None
    if m is None or not number:
        return title
    s.header.doc_number = s.header.doc_number or number
    return title[: m.start()].strip()
