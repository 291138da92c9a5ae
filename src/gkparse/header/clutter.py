"""The page's clutter around a notice's title, cut by structure: a breadcrumb or a label
before a separator (>>, >, |), a column label or a mirror site's name before the issuers or 关于,
a widget's words before an issuer's name the notice prints elsewhere; after it, the site's name a
page's <title> prints (`标题_站点名`). On a document-sharing site, the file's name above the
preview names the document."""

from __future__ import annotations

from .. import precompiled
from ..elements import is_unit, line_names, units_line
from ..model import Token
from ..normalize import mend_spaces, strip_spaces
from .zone import FILE_SUFFIX, TITLE_MIN, HeaderState

CLUTTER_MAX = 20  # a column label or a site's name before a title is short
LONG_NAME = 4  # an issuer's name looked for inside a title: long enough to be one
SEPARATOR = precompiled.pattern(r"\s*(?:>>|[>›»|│])\s*")  # of a breadcrumb, or after a label
TITLE_VERBS = precompiled.pattern(r"关于|印发|转发|批转|颁布")
# a breadcrumb whose separators the crawl lost: `首页政务公开政府信息公开 XX制度`
BREADCRUMB = precompiled.pattern(r"(?:(?:当前位置|您的位置|所在位置)[:：]?\s*)?首页\S*\s+(?=\S)")
LABELLED = precompiled.pattern(r"(?P<label>\p{Han}(?:\s*\p{Han}){1,5})\s*[|│:：]\s*")  # `标  题: `
PAGE_NUMBER = precompiled.pattern(r"\d{1,3}\s+(?=[^\d\s])")  # `1 XX实施意见`: a page's index
# a 文号 the page printed after the title in brackets: `…的通知（X政发〔2023〕5号）`
TRAILING_NUMBER = precompiled.pattern(r"[（(]([^（）()]*?\d{4}[^（）()]*?)[)）]$")
# a page's <title> kept by the crawl: `标题_站点名`, `标题-站点名`, `标题 | 站点名` (a hyphen
# between Han only: `2021-2025年` is a title's own)
SITE_AFTER = precompiled.pattern(
    r"(?P<title>.+?)\s*(?:[_＿|｜]|\s[-－–]\s|(?<=[\p{Han}》）])[-－–](?=\p{Han}))\s*"
    r"(?P<site>\p{Han}[^_＿|｜]{1,30}?)"
)
SITE_WORDS = ("网站", "网", "门户", "平台")  # a site's name ends like a unit's or like these
FILE_NAME = precompiled.pattern(rf"《?(?P<name>[^《》\s]{{2,80}}?){FILE_SUFFIX}(?:》|\s|$)")


def file_name(tokens: list[Token]) -> str | None:
    """The name of the document a sharing site shows above it (`X.docx`, `《X.docx》由会员分享`),
    from the page's junk; None when there is none."""
    for tok in tokens:
        if tok.kind not in ("junk", "meta"):
            return None  # only above the text: a file name further down is an attachment's
        m = FILE_NAME.match(tok.seg.text) if tok.kind == "junk" else None
        if m and len(m["name"]) >= TITLE_MIN:
            return m["name"]
    return None


def whole(s: HeaderState, text: str) -> bool:
    """A notice's whole title: `…关于…的通知`, or a verb that hands down and a kind at the end
    (a 文号 the page printed after it in brackets aside)."""
    header = s.rules.header
    text = TRAILING_NUMBER.sub("", text).rstrip()
    return bool(
        header["notice_title"].fullmatch(text)
        or header["hands_down"].fullmatch(text)
        and header["title_end"].fullmatch(text)
        or header["cut_title"].fullmatch(text)  # (all of it the page printed)
    )


def _clutter(s: HeaderState, before: str) -> bool:
    """Words standing before a title's issuers or its 关于 that are none of them: a column
    label, a widget's text, a mirror site's name. Short, no unit, no verb of a title."""
    words = before.strip()
    return (
        0 < len(words) <= CLUTTER_MAX
        and not units_line(s.rules, words)
        and not is_unit(s.rules, strip_spaces(words))
        and not TITLE_VERBS.search(words)
    )


def _issuers_first(s: HeaderState, rest: str) -> bool:
    m = s.rules.header["title_issuers"].match(rest)
    return rest.startswith("关于") or bool(m and units_line(s.rules, m["issuers"]))


def _cut_clutter(s: HeaderState, text: str) -> int:
    """Where the title begins after the page's clutter before it (0: none): after the last
    separator of a breadcrumb or a label (>>, >, |); after words and a space before the
    issuers; after a breadcrumb or a page's number; after a site's column label (rules:
    page_columns); before a known issuer's name or 关于 that follows words that are no unit."""
    for m in reversed(list(SEPARATOR.finditer(text))):
        rest = text[m.end() :].strip()
        if whole(s, rest) or _column_end(s, rest):  # (a column label glued on: cut next)
            return m.end()
    if at := _column_end(s, text):
        return at
    m = LABELLED.match(text)  # a page's label before the title (`标题 | X方案`, `名称：X`)
    if m and strip_spaces(m["label"]) in s.rules.meta_fields and _titled(s, text[m.end() :]):
        return m.end()
    m = BREADCRUMB.match(text) or PAGE_NUMBER.match(text)
    if m and s.rules.header["title_end"].fullmatch(strip_spaces(text[m.end() :])):
        return m.end()
    clutter, space, rest = text.partition(" ")
    if (
        space
        and whole(s, rest.strip())
        and _issuers_first(s, rest.strip())
        and _clutter(s, clutter)
    ):
        return len(clutter) + 1
    names = [(text.find(n), text.find(n) + len(n)) for n in _known_issuers(s) if n in text]
    # (某学院 inside 中共某学院委员会: a known name, or the unit's name that opens the line)
    names += [(0, len(clutter))] if space and is_unit(s.rules, strip_spaces(clutter)) else []
    inside = {k for a, b in names for k in range(a + 1, b)}
    at = text.find("关于")
    starts = [a for a, _ in names] + ([at] if at > 0 else [])
    for start in sorted(k for k in starts if k > 0 and k not in inside):
        if whole(s, text[start:]) and _clutter(s, text[:start]):
            return start
    return 0


def _titled(s: HeaderState, text: str) -> bool:
    """A title of its own: a notice's whole title, or a text of a title's length ending like one."""
    rest = TRAILING_NUMBER.sub("", strip_spaces(text))
    ends = s.rules.header["title_end"].fullmatch(rest) and len(rest) >= TITLE_MIN
    return bool(whole(s, rest) or ends)


def _column_end(s: HeaderState, text: str) -> int:
    """Where a site's column label glued in front of a title ends (`计划总结2021年度…安排`,
    `部门文件某区人民政府办公室关于…的通知`), 0 when none is: the rest is a title of its own."""
    label = next((c for c in s.rules.page_columns if text.startswith(c)), None)
    if label is None:
        return 0
    return len(label) if _titled(s, text[len(label) :]) else 0


def _known_issuers(s: HeaderState) -> list[str]:
    """The issuer's names the notice prints elsewhere (signature, 发文机关标志, unit lines of
    the 版头); not the page's publisher, often a short form of the name."""
    f = s.front
    names = [n for line in f.signature for n in line_names(line)] + f.top_units
    names += [f.mark] if f.mark else []
    return [n for n in names if len(n) >= LONG_NAME]


def ends_like_a_title(s: HeaderState, lines: list[Token]) -> bool:
    text = strip_spaces("".join(t.seg.text for t in lines))
    return bool(lines) and s.rules.header["title_end"].fullmatch(text) is not None


def site_after(s: HeaderState, text: str) -> int | None:
    """Where the site's name a page's <title> prints after the notice's title begins (at its
    separator), or None: the words before end like a title, the words after name a unit or
    a site."""
    m = SITE_AFTER.fullmatch(text.strip())
    if m is None or not s.rules.header["title_end"].fullmatch(strip_spaces(m["title"])):
        return None
    site = strip_spaces(m["site"])
    if not (is_unit(s.rules, site) or site.endswith(SITE_WORDS)):
        return None
    return m.end("title")


def bare(s: HeaderState, text: str) -> str:
    """A line without the page's clutter before a title and a 文号 printed after it: what the
    title reader judges the line's shape by."""
    while at := _cut_clutter(s, text):
        text = text[at:].strip()
    return TRAILING_NUMBER.sub("", text).rstrip()


def without_clutter(s: HeaderState, text: str, line: int | None) -> tuple[str, str]:
    """The title's text with the page's clutter before it cut (spaces kept), and the title."""
    while at := _cut_clutter(s, text):  # a breadcrumb, then the column label after it
        s.doc.metadata.dropped.append({"line": line, "text": text[:at].strip()})
        text = text[at:].strip()
    if (end := site_after(s, text)) is not None:
        s.doc.metadata.dropped.append({"line": line, "text": text[end:].strip()})
        text = text[:end].strip()
    return text, mend_spaces(text)
