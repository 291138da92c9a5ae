"""Header elements that lost the line break between them, cut apart before they are read:
`XX市人民政府办公厅文件X政办[2014]180号…`, `各村委会：现将…`, `XX管委会2023年11月14日XX方案`.

A line is cut after a 版头 or a 文号, after a title, before a page's label, around a 主送机关,
before a table's header row, an attachment's title or a 附注's text (CUTS: the order as data),
and around a signature and its date; each piece is cut again until none holds more. cut_glued
hands on the tokens and, by id of each segment cut, the pieces that replace it (expand reads
them back)."""

from __future__ import annotations

from collections.abc import Callable

import regex

from .. import precompiled
from ..dates import DATE
from ..elements import (
    doc_number,
    is_recipients,
    is_unit,
    recipients_prefix,
    split_units,
    units_line,
)
from ..model import Segment, Token
from ..normalize import strip_spaces
from ..rules import Rules
from ..tables import header_run_at

# GB/T 9704's mark over an attachment, its title run on after it (`附件2022年…表`, `附件1XX方案`)
ATTACHMENT_MARK = precompiled.pattern(
    r"附件(?:\s*\d{1,2}(?=\p{Han}))?\s*(?=\p{Han}|(?:19|20)\d\d年)"
)
# a 附注 in brackets opening a line
NOTE_FIRST = precompiled.pattern(r"[（(]\s*此件[^（）()]{1,12}[)）]")
TEXT_START = precompiled.pattern(r"\p{Han}|[（(]")  # (compiled once: ~4 µs a call saved)
COLON = precompiled.pattern(r"[:：]")
NAME_CHARACTERS = precompiled.pattern(
    r"[\p{Han}（）()〔〕、·“”]+"
)  # what a unit's name is written with
MARK_MIN = 3  # a 文号 found this near its line's start has no 发文机关标志 glued before it


def _cut(tok: Token, at: int) -> list[Token]:
    seg = tok.seg
    head, tail = seg.text[:at].strip(), seg.text[at:].strip()
    return [
        Token("text", Segment(seg.line, head, head)),
        Token("text", Segment(seg.line, tail, tail)),
    ]


def _after_mark(rules: Rules, text: str) -> int | None:
    """`XX市人民政府办公厅文件X政办[2014]180号…`: the 发文机关标志, then what follows it."""
    m = rules.header["header_mark"].match(text)
    if m and m.end() < len(text) and is_unit(rules, strip_spaces(m["issuer"])):
        return m.end()
    return None


def _before_doc_number(rules: Rules, text: str) -> int | None:
    """`XX领导小组X法字〔2023〕1号…`: the 发文机关标志 without 文件 (a unit's name), then its 文号."""
    m = rules.header["doc_number"].search(text)
    if not m or m.start() < MARK_MIN or not doc_number(rules, m.group()):
        return None
    # the longest unit's name before it: a 文号's 机关代字 is short (甲法府建字), a name long
    bracket = m.start() + next((k for k, ch in enumerate(m.group()) if ch in "〔[［【(（"), 0)
    for k in range(bracket - 1, m.start() - 1, -1):
        if is_unit(rules, strip_spaces(text[:k])) and doc_number(rules, text[k : m.end()]):
            return k
    return None


def _after_doc_number(rules: Rules, text: str) -> int | None:
    """`X政办字〔2019〕33 号 XX市XX局 …`, `…〔2019〕33号各…`, `…〔2023〕1号XX关于…的通知`: a 文号,
    then a space, 各 or the title."""
    m = rules.header["doc_number"].match(text)
    if (
        m
        and m.end() < len(text)
        and (
            text[m.end()].isspace()
            or text[m.end()] == "各"
            or rules.header["notice_title"].match(text, m.end())
        )
        and doc_number(rules, m.group())
    ):
        return m.end()
    return None


def _after_title(rules: Rules, text: str) -> int | None:
    """A title run on into the preamble's first words, its 文号, or its second copy."""
    m = rules.header["title_glued"].match(text)
    return m.end() if m and m.end() < len(text) and "。" not in m.group() else None


def _before_label(rules: Rules, text: str) -> int | None:
    """`…的通知发布时间：`, `文号：X发布日期：`: a page's label after a title or after a pair
    (looked for after the label a pair opens with: `发布时间` holds the label `时间`)."""
    first = rules.meta_label.match(text)
    m = rules.meta_label.search(text, first.end() if first else 1)
    if m and (first or rules.header["title_end"].fullmatch(strip_spaces(text[: m.start()]))):
        return m.start()
    return None


# a page's label's value that is a count or a time (`浏览次数：88`, `发布时间：2023-07-20 09:41`)
COUNT_OR_TIME = precompiled.pattern(
    r"\s*[:：]?\s*\d[\d\-/.:年月日]*(?:\s\d\d?:\d\d(?::\d\d)?)?(?=\s)"
)


def _after_pair(rules: Rules, text: str) -> int | None:
    """`浏览次数：88 新区各部门，…：`: a page's label and its count or time, then, after a space,
    what the page ran on (its line breaks lost)."""
    label = rules.meta_label.match(text)
    m = COUNT_OR_TIME.match(text, label.end()) if label else None
    return m.end() if m and text[m.end() :].strip() else None


def _before_attachment_title(rules: Rules, text: str) -> int | None:
    """`附件2022年全区…分解表`: the attachment's mark, then its title."""
    m = ATTACHMENT_MARK.match(text)
    return m.end() if m and m.end() < len(text) else None


def _after_note(rules: Rules, text: str) -> int | None:
    """`（此件主动公开）2017年政务公开工作主要任务分解表…`: a 附注, then the plan's title."""
    m = NOTE_FIRST.match(text)
    rest = text[m.end() :].strip() if m else ""
    if m and rest and not DATE.match(rest) and rules.header["note"].fullmatch(m[0]):
        return m.end()
    return None


def recipients_after(rules: Rules, text: str) -> int | None:
    """Where a 主送机关 starts glued after a 文号 or a title (`…4号各省…：`, `…的通知某经济开发区,
    各街道办事处…：`), or None: the words up to the next colon are recipients."""
    for m in rules.header["recipients_glued"].finditer(text):
        colon = COLON.search(text, m.start()) if m.start() else None
        words = text[m.start() : colon.end()] if colon else ""
        # (inside a line, every part a unit: `印发给你们，有关要求如下：` is the cover's)
        if words and is_recipients(rules, words) and _all_units(rules, words):
            return m.start()
    return None


def _all_units(rules: Rules, words: str) -> bool:
    """Every part a unit, the first more than a suffix: a cut inside a name that holds a title's
    kind (`市自然资源和规划局：` after 规划) leaves a bare `局`, which names no one."""
    units = split_units(rules, words)
    return (
        bool(units)
        and units[0] not in rules.unit_suffixes
        and not units[0].startswith(("的", "之"))  # (…意见|的函各州…: the title goes on)
        and all(u.endswith(rules.unit_suffixes) or u.startswith("各") for u in units)
        and all(NAME_CHARACTERS.fullmatch(u) for u in units)  # (稿）》意见的函各州: a title's)
    )


Cut = Callable[[Rules, str], int | None]  # (a type alias: evaluated at import, Python 3.10+)

# The cuts, tried in this order on each piece: the first that finds where an element ends wins
# (a 版头's mark before the 文号 it holds; a title before the labels after it …).
CUTS: tuple[Cut, ...] = (
    _after_mark,
    _before_doc_number,
    _after_doc_number,
    _after_title,
    _before_label,
    _after_pair,
    recipients_after,  # `…的通知某发〔2019〕4号各省、自治区…：现将…`
    header_run_at,  # `…任务分解表工作任务工作要求牵头单位…`: the table's header row
    _before_attachment_title,
    _after_note,
    recipients_prefix,  # `各村委会：现将…`
)


def glued_at(rules: Rules, text: str) -> int | None:
    """Where a header element ends that runs on into the next one on the same line."""
    for cut in CUTS:
        at = cut(rules, text)
        if at:
            return at
    return None


def note_before(rules: Rules, text: str, date: regex.Match[str]) -> bool:
    """Whether all that stands before `date` on the line is a 附注 (`（此件公开发布）`)."""
    return rules.header["note"].fullmatch(text[: date.start()].strip()) is not None


def signed_at(rules: Rules, text: str, above: str | None) -> tuple[int, int, int, int] | None:
    """Where a signature and its date stand inside a line, as (start of an attachment's name
    before them, start of the names, start of the date, end of the date): unit names after the
    line's last sentence (or on the line above) right before a full date, with a sentence
    before them or more text after."""
    for d in DATE.finditer(text):
        before = text[: d.start()]
        sentence = max(before.rfind(c) for c in "。；！？") + 1
        k = _after_attachment(rules, before, sentence)
        names = before[k:].strip()
        signed = units_line(rules, names) if names else not k and above and units_line(rules, above)
        rest = text[d.end() :].strip()
        if signed and (k or TEXT_START.match(rest)):
            return sentence, k, d.start(), d.end()
    return None


def _after_attachment(rules: Rules, before: str, k: int) -> int:
    """Where the signer's name starts after an attachment's name run on before it (`附件：X任务
    分解表XX区人民政府办公室`: GB/T 9704 puts the 附件说明 right above the signature)."""
    names = before[k:].strip()
    if not names.startswith("附件") or units_line(rules, names):
        return k
    ends = rules.header["title_end"]
    for start in range(k + 1, len(before) - 1):
        if is_unit(rules, before[start:].strip()) and ends.fullmatch(before[k:start]):
            return start
    return k


def cut_glued(rules: Rules, tokens: list[Token], pieces: dict[int, list[Segment]]) -> list[Token]:
    """The tokens with each run of elements cut apart; `pieces` records, by id of the segment
    cut, the segments that replace it."""
    out: list[Token] = []
    for tok in tokens:
        text = tok.seg.text
        at = glued_at(rules, text)
        if at and at < len(text):  # (a cut at the end would cut nothing, forever)
            parts = _cut(tok, at)
            pieces[id(tok.seg)] = [t.seg for t in parts]
            out.extend(cut_glued(rules, parts, pieces))  # the rest may hold more
            continue
        d = DATE.search(text)
        if d and d.start() and not text[d.end() :].strip() and note_before(rules, text, d):
            # `（此件公开发布）      2017年6月13日`: the 附注 beside the date, which comes first
            note, date = _cut(tok, d.start())
            out.extend([date, note])
            pieces[id(tok.seg)] = [date.seg, note.seg]
            continue
        at = signed_at(rules, text, out[-1].seg.text if out else None)
        if at:
            # 署名 and 成文日期 after the cover's last sentence, and what runs on after them:
            # `…请认真贯彻执行。XX管委会2023年11月14日XX方案`
            cuts = sorted({k for k in at if 0 < k < len(text)})
            parts = [tok]
            for k in reversed(cuts):
                parts = _cut(parts[0], k) + parts[1:]
            pieces[id(tok.seg)] = [t.seg for t in parts]
            out.extend(parts[:-1])
            out.extend(cut_glued(rules, parts[-1:], pieces))  # the rest may hold more
            continue
        out.append(tok)
    return out


def expand(seg: Segment, pieces: dict[int, list[Segment]]) -> list[Segment]:
    """The segments that replace `seg` once its pieces are cut (itself when none)."""
    if id(seg) not in pieces:
        return [seg]
    return [q for p in pieces[id(seg)] for q in expand(p, pieces)]
