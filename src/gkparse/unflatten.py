"""Cut a body that a crawler or a PDF extraction flattened onto one line back into segments.

A table row printed on one line with bars (`1 | 加强… | 办公室 | 年底前`) is cut into its cells,
each marked with its column's index (Segment.column, empty cells counted). Other lines are cut
by the structure of the text: at the spaces that stood for line breaks, and before outline
markers, wherever they stand; the cells too before their markers. A cut before a marker is
only a proposal: the outline decoder weighs it by what precedes it (Segment.context) and by the
numbering around it; a piece it declines is joined back to the text before it.
"""

from __future__ import annotations

import regex

from . import precompiled
from .model import Segment
from .normalize import SPACE_CHARS
from .rules import Rules

LONG = 300  # a line this long may hold a whole body
MARKER_MAY_FOLLOW = "。；：！？）」”』"
CELL_BAR = precompiled.pattern(r"\s*[|│]\s*")
# a row of a Word or spreadsheet table copied as text: its cells apart by tabs
CELL_TAB = precompiled.pattern(r" *\t *")  # each tab: an empty cell counts
MIN_TABS = 2  # a row of three cells at least; one tab may be a layout's indent
HAN = precompiled.pattern(r"\p{Han}")
SPACE_RUN = precompiled.pattern(r"[ \t\u3000\u00a0]+")
# a Han-space-Han gap: in PDF text they fall inside words; in crawler text between paragraphs
HAN_GAP = precompiled.pattern(r"(?<=[\p{Han}，、。；：])[ \t\u3000\u00a0]+(?=[\p{Han}，、])")
CRUMB_SEPARATORS = frozenset({">>", ">", "»", "›", "＞", "/"})  # a breadcrumb's, between spaces
DENSE_GAPS = 40  # fewer characters than this per Han gap: the spaces are PDF artefacts
MARKER_START = precompiled.pattern(
    r"(?<=[。；：！？）)」”\p{Han}][ \t\u3000\u00a0]*)(?=[（(第一二三四五六七八九十0-9０-９①-⑳⑴-⒇⒈-⒛㈠-㈩])"
    r"|(?<=\d)(?=[一二三四五六七八九十]{1,3}、)"  # `…上午10:00三、活动地点`: after a time or a number
    r"|(?<=[-—－]\s?\d{1,3}\s?[-—－]\s*)(?=[（(第一二三四五六七八九十])"  # after a page number
    r"|(?<=[。；！？）)]、)(?=[一二三四五六七八九十]{1,3}、)"  # `。、二、`: a stray 、 after a stop
)
# a page's number (`- 1 -`, `— 2 —`) printed on a line of its own, glued in by a flattening:
# what follows it began a line
DASHES = precompiled.pattern(r"[-—－]")
PAGE_NUMBER = precompiled.pattern(r"[-—－]\s?\d{1,3}\s?[-—－]")
# a number a page spaces out of Han text on both sides (`禾丰县 2021 年`): its spaces break no line
SPACED_NUMBER = precompiled.pattern(r"(?<=\p{Han})[ \u00a0]+[0-9A-Za-z.%]+[ \u00a0]+(?=\p{Han})")
PAGE_NUMBER_BEFORE = precompiled.pattern(r"[-—－]\s?\d{1,3}\s?[-—－]\s*$")
# markers that may be cut glued to Han text: a bracket opens them (㈠ and ⑴ are a bracketed
# number in one character), or 第 of 第一条; never a word's part, as 一、 or ① may be
BRACKETED = (
    "（(第" + "".join(map(chr, range(0x3220, 0x322A))) + "".join(map(chr, range(0x2474, 0x2488)))
)
CLOSERS = "）)」”』"
YEAR_IN_BRACKETS = precompiled.pattern(r"[（(〔\[]\s*(?:19|20)\d\d\s*[）)〕\]]")
CHINESE_GLUED = precompiled.pattern(r"[一二三四五六七八九十]{1,3}、")  # `…办公室二、强化…`


def context(text: str, i: int) -> str:
    """How the piece of `text` starting at `i` is joined to what precedes it (see Segment)."""
    before = text[i - 1]
    if before.isspace():
        return "space"
    if before in "。；：！？":
        return "stop"
    if before in CLOSERS:
        return "bracket"
    if before in "-—－" and PAGE_NUMBER_BEFORE.search(text, max(0, i - 9), i):
        return "space"
    if before == "、" and i > 1 and text[i - 2] in "。；！？":
        return "stop"  # a stray 、 after the stop (an enumeration never follows one)
    return "han"


def _starts_marker(rules: Rules, text: str, i: int) -> bool:
    return rules.any_marker(text, i)


def _cells(rules: Rules, text: str) -> list[tuple[int, str]]:
    """The cells of a table row printed on one line with bars (`1 | 加强… | 办公室 | 年底前`),
    each with its index among the row's cells, empty ones counted (`| 县司法局 |  | 持续推进`);
    page metadata printed so (`索引号: | …`) is left to the tokenizer, which knows its labels.
    A table copied from a .docx as text gives its cells apart by tabs (`1\t加强…\t办公室`)."""
    tabbed = text.strip().count("\t") >= MIN_TABS
    if (text.count("|") < 2 and not tabbed) or rules.meta_label.search(text):
        return []
    cells = (CELL_TAB if tabbed else CELL_BAR).split(text.strip())
    if cells and not cells[0].strip():  # `| 1 | …`: a bar before the first cell
        cells = cells[1:]
    return [(k, c) for k, c in enumerate(cells) if c.strip()]


def _space_cuts(rules: Rules, text: str) -> list[str]:
    """Pieces of `text` between the spaces that stood for line breaks: in a long line, most
    spaces; in a short one, or one a PDF spaced out, those after a sentence or a bracket (in
    a short line, only before a marker)."""
    if not any(map(text.__contains__, SPACE_CHARS)):  # (most lines: two searches spared)
        return [text] if text.strip() else []
    gaps = len(HAN_GAP.findall(text))
    pdf = gaps and len(text) / gaps < DENSE_GAPS
    short = len(text) < LONG
    pieces, start = [], 0
    spaces = list(SPACE_RUN.finditer(text))
    numbers = [p.span() for p in PAGE_NUMBER.finditer(text)] if DASHES.search(text) else []
    spaced = [(p.start() - 1, p.end() + 1) for p in SPACED_NUMBER.finditer(text)]
    if "：" in text or ":" in text:  # (文　　号：, 索 引 号: a label padded to its column's width)
        spaced += [p.span("label") for p in rules.meta_label.finditer(text)]
    for k, m in enumerate(spaces):
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        if not before or not after:
            continue
        if any(a < m.start() < b for a, b in numbers):
            continue  # `- 1 -`: a page's number, one line of the print
        if any(a < m.start() < b for a, b in spaced):
            continue  # `禾丰县 2021 年`: digits spaced out of the text; a label's padding
        if _lone_han(text, spaces, k):
            continue  # `工 作 任 务`: words a PDF spaced out inside a crawled line
        if _crumb_space(text, spaces, k):
            continue  # `首页 >> 信息公开 >> 通知公告`: a breadcrumb's parts, one line of the page
        marker_next = _starts_marker(rules, text, m.end())
        if short and not (before in "。；：！？" + CLOSERS and marker_next):
            continue
        label_next = rules.meta_label.match(text, m.end())  # `… 信息来源：`: a page's label
        if before.isdigit() and HAN.match(after) and not (marker_next or label_next):
            continue  # `〔2023〕9 号`, `3 个`: a number and its measure a PDF spaced apart
        if (
            pdf
            and before not in "。；：！？"
            and not (before in CLOSERS and marker_next)
            and not label_next
        ):
            continue  # a space inside a word, from the PDF's layout
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            continue  # 2023-11-03 08:57, words of a Latin phrase
        if before.isdigit() and after in ".．、":
            continue  # `1 .` : a marker the PDF spaced out
        pieces.append(text[start : m.start()])
        start = m.end()
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def _crumb_space(text: str, spaces: list[regex.Match[str]], k: int) -> bool:
    """Whether space k stands beside a breadcrumb's separator standing alone between spaces
    (` >> `, ` / `; not the `-->` of a comment)."""
    start = spaces[k - 1].end() if k else 0
    end = spaces[k + 1].start() if k + 1 < len(spaces) else len(text)
    before, after = text[start : spaces[k].start()], text[spaces[k].end() : end]
    return before in CRUMB_SEPARATORS or after in CRUMB_SEPARATORS


def _lone_han(text: str, spaces: list[regex.Match[str]], k: int) -> bool:
    """Whether a single Han character stands between space k and the space before or after."""
    start = spaces[k - 1].end() if k else 0
    end = spaces[k + 1].start() if k + 1 < len(spaces) else len(text)
    before, after = text[start : spaces[k].start()], text[spaces[k].end() : end]
    return any(len(piece) == 1 and HAN.match(piece) for piece in (before, after))


def _marker_cuts(rules: Rules, text: str) -> list[int]:
    """Offsets where an outline marker may begin: after a sentence, a bracket, or glued to Han
    text (a Chinese numeral there only with its 、: `统一，规范` is a word)."""
    cuts = []
    for m in MARKER_START.finditer(text, 1):
        i = m.start()
        if (
            text[i] not in BRACKETED
            and not text[i].isdigit()
            and text[i - 1] not in MARKER_MAY_FOLLOW
            and not (CHINESE_GLUED.match(text, i) and text[i - 1] not in "第一二三四五六七八九十")
        ):
            continue
        if YEAR_IN_BRACKETS.match(text, i):
            continue  # 楚司通(2024)1号: the year of a 文号, not an item numbered 2024
        if _starts_marker(rules, text, i):
            cuts.append(i)
    return cuts


def unflatten(rules: Rules, seg: Segment) -> list[Segment]:
    """The segment cut into the cells of a table row printed with bars, at its line-break
    spaces, and before its markers."""
    cells = _cells(rules, seg.text)
    columns = [k for k, _ in cells] if cells else None
    pieces = [c for _, c in cells] or _space_cuts(rules, seg.text) or [seg.text]
    if len(pieces) == 1 and not _marker_cuts(rules, seg.text):
        return [seg]
    out: list[Segment] = []
    for n, piece in enumerate(pieces):
        offsets = [0, *_marker_cuts(rules, piece), len(piece)]
        for k in range(len(offsets) - 1):
            text = piece[offsets[k] : offsets[k + 1]].strip()
            if text:
                joined = context(piece, offsets[k]) if k else "space" if out else "line"
                out.append(Segment(seg.line, text, text, cont=k > 0, context=joined))
                if columns and not k:
                    out[-1].column = columns[n]
    if len(out) > 1:
        out[0].raw = out[0].text
    else:
        out[0].raw = seg.raw
    return out
