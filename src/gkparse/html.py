"""Saved web pages in: the notice's text out of a government page, as the lines a reader sees.

lxml parses the page (a real parser, not patterns: `2023.03.30</p>` keeps its digits); scripts,
styles and comments go; each block element (p, div, br, li, h1–h6, tr…) ends a line, and a data
row of a table is one line with its cells joined by ` | ` (empty cells kept, so that columns stay
in place), so that page-metadata tables (索引号 | … | 文号 | …) and task tables (序号 | 工作任务 |
牵头单位 | …) reach the parser as the rows it reads. A layout table (a row whose cells hold tables
or blocks of their own, or a single cell) is walked into.

The page's chrome (navigation, breadcrumbs, footers, related articles, share widgets) is left
out when the page's own structure says where the article is: a known content container
(the rules' `page_containers`: #zoom, .TRS_Editor, #UCAP-CONTENT …), else the deepest block holding nearly all
of the page's sentences. Around it, only what belongs to the notice is kept: the page-metadata
lines (their labels are the rules' `metadata` labels), the heading just before the article, and
its attachments (附件). A page where neither is found is read whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple

import regex

from .hanzi import simplify
from .rules import Rules, load_rules

if TYPE_CHECKING:  # (lxml is imported only when a page is read)
    from lxml.html import HtmlElement

SNIFF = regex.compile(
    r"\A\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<table|<p[\s>])", regex.I
)
BLOCKS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table tbody thead section article header "
    "footer nav aside blockquote pre form title".split()
)
DROP = frozenset("script style noscript template svg iframe object".split())
HEADINGS = frozenset("h1 h2 h3".split())
# What makes a row the page's layout rather than data: a cell holding one of these
LAYOUT_INSIDE = frozenset("table div ul ol dl h1 h2 h3 h4 h5 h6 section article form".split())
MAX_SPAN = 100  # rows or columns a cell may span (a page's typo of rowspan="1000" aside)
LAYOUT_PARAGRAPHS = 8  # a data cell holds a few paragraphs; a layout cell holds an article

CONTAINER_MIN = 20  # characters of text: a container left empty (filled by a script) is no body
CONTAINER_SHARE = 0.5  # a known container holds at least this share of the page's sentences
DENSE_SHARE = 0.85  # the body found by density holds this share of the page's sentences
SENTENCE = frozenset("。，；！？")
# (patterns as strings, compiled by regex's cache when a page is read: start-up stays as it was)
ATTACHMENT = r"(?i)^\s*附\s*件|\.(?:docx?|xlsx?|wps|et|pdf|ofd|zip|rar)\s*$"


# a class or id naming a headline: biaoti (标题), bt, …tit / tit… (wz_tit, xl-tit, tit1)
TITLE_NAME = regex.compile(r"\S*biaoti\S*|bt|(?:\S*[_-])?tit(?:[_-]\S*|\d*)")
# what a page's <title> puts after the headline: the site's or the column's name
TITLE_SUFFIX = regex.compile(r"\s*(?:[_|｜]|\s[-－—–]\s|——).*$")


def looks_like_html(text: str) -> bool:
    return bool(SNIFF.match(text[:2000]))


class Line(NamedTuple):  # (NamedTuple: a dataclass costs every start ~1 ms)
    """A line of the page: its text, whether it is inside the article, and whether a heading
    element printed it."""

    text: str
    inside: bool
    heading: int = 0
    """The number of the heading element that printed it (counted in page order); 0: none."""
    link: bool = False
    """All its text is the text of links: navigation, a side bar, related articles."""


class Page(NamedTuple):
    """The page's text, a block a line, and what was left out of it (for a warning)."""

    text: str
    body: str | None = None
    """How the article was found (`div#zoom`, `density`); None: the page was read whole."""
    left_out: int = 0
    lines: tuple[Line, ...] = ()


def html_to_text(text: str, rules: Rules | None = None) -> str:
    """The notice's text out of a page, a block a line, table cells joined with ` | `."""
    return read_page(text, rules).text


def read_page(text: str, rules: Rules | None = None) -> Page:
    """The notice's lines out of a page; the rules' page-metadata labels (索引号, 文号 …) say
    which lines around the article are kept."""
    from lxml import html as lxml_html  # imported only for a page: start-up stays as it was

    rules = rules or load_rules()
    is_label = _label_test(rules)

    root = lxml_html.document_fromstring(text)
    for bad in [e for e in root.iter() if not isinstance(e.tag, str) or e.tag in DROP]:
        bad.drop_tree()  # (comments: a commented-out block is not on the page)
    body = root.find("body")
    top = body if body is not None else root
    found, how = _article(top, rules.page_containers)
    for table in top.iter("table"):
        _unmerge(table, set(found))
    lines = tuple(_lines(top, set(found)))
    if not found:  # read whole but for the page's lists of links (no notice is a link)
        kept = [x for x in lines if not x.link or regex.search(ATTACHMENT, x.text)]
        return Page(_joined(kept), None, len(lines) - len(kept), lines)
    kept = _around(lines, is_label)
    named = None if any(x.heading for x in kept) else _named_by_page(root, kept, rules)
    if named:  # (no headline kept and the article does not print it: the page's <title>)
        at = next(i for i, x in enumerate(kept) if x.inside)
        kept.insert(at, Line(named, False))
    return Page(_joined(kept), how, len(lines) - len(kept), lines)


def _named_by_page(root: HtmlElement, kept: list[Line], rules: Rules) -> str | None:
    """The notice's title as the page's <title> gives it (the site's name after `_`, `|` or
    ` - ` cut), when it is one (it ends like a title) and the article does not print it."""
    found = root.find(".//title")
    text = " ".join((found.text_content() if found is not None else "").split())
    text = TITLE_SUFFIX.sub("", text)
    ends = rules.header["title_end"]
    if _han(text) < 6 or not ends.fullmatch(simplify(_squash(text))):
        return None
    return None if _squash(text) in _squash(_joined(kept)) else text


def _label_test(rules: Rules) -> Callable[[str], bool]:
    """Whether a line or a cell is a page-metadata label (`索 引 号：`, a cell `文号`)."""

    def is_label(text: str) -> bool:
        text = simplify(text)  # (a page in traditional characters: 索引號, 發布機構)
        return (
            bool(rules.meta_label.match(text)) or _squash(text).rstrip(":：") in rules.meta_fields
        )

    return is_label


def _joined(lines: tuple[Line, ...] | list[Line]) -> str:
    return "".join(line.text + "\n" for line in lines)


def _around(lines: tuple[Line, ...], is_label: Callable[[str], bool]) -> list[Line]:
    """The article's lines, and of the lines around it those that belong to the notice: page
    metadata, the last heading before the article (its title, when the article does not begin
    with it), attachments after it."""
    start = next(i for i, line in enumerate(lines) if line.inside)
    first = _squash(lines[start].text)
    headings: dict[int, str] = {}  # each heading before the article: its lines' text
    for line in lines[:start]:
        if line.heading:
            headings[line.heading] = headings.get(line.heading, "") + _squash(line.text)
    # the last heading naming something (a <br> may break it over lines: all are kept)
    title = next((h for h in reversed(headings) if _han(headings[h]) >= 6), None)
    if title is not None and headings[title] == first:
        title = None  # (the article begins with it)
    keep = []
    for i, line in enumerate(lines):
        if (
            line.inside
            or is_label(line.text)
            or any(is_label(cell) for cell in line.text.split("|"))
            or (i < start and title is not None and line.heading == title)
            or (i > start and regex.search(ATTACHMENT, line.text))
        ):
            keep.append(line)
    return keep


def _squash(text: str) -> str:
    return "".join(text.split())


def _han(text: str) -> int:
    """How many Chinese characters (the CJK blocks) a text holds."""
    return sum("\u3400" <= ch <= "\u9fff" for ch in text)


def _lines(top: HtmlElement, article: set[HtmlElement]) -> Iterator[Line]:
    """The lines of the page, each marked inside the article or not."""
    current: list[str] = []
    linked: list[str] = []  # the pieces of the current line that are a link's text
    # links: how many <a> we are in; headings: how many headings began so far
    state = {"inside": False, "heading": 0, "links": 0, "headings": 0}

    def flush() -> Iterator[Line]:
        line = "".join(current).strip()
        link = bool(line) and "".join(linked) == _squash(line)
        current.clear()
        linked.clear()
        if line:
            yield Line(line, state["inside"], state["heading"], link)

    def walk(el: HtmlElement) -> Iterator[Line]:
        tag = el.tag
        starts = [  # what this element begins: the article, a heading
            mark
            for mark, here in (("inside", el in article), ("heading", _is_heading(el)))
            if here and not state[mark]
        ]
        if tag in BLOCKS or starts:
            yield from flush()
        state["headings"] += "heading" in starts
        state.update({m: state["headings"] if m == "heading" else True for m in starts})
        if tag == "tr" and _is_data_row(el, article):
            cells = [_cell_text(td) for td in el if td.tag in ("td", "th")]
            if any(cells):
                row = " | ".join(cells) + (" |" if len(cells) > 1 else "")
                yield Line(row, state["inside"], state["heading"])
        else:
            state["links"] += tag == "a"
            if el.text:
                current.append(el.text)
                if state["links"]:
                    linked.append(_squash(el.text))
            for child in el:
                yield from walk(child)
            state["links"] -= tag == "a"
        if tag in BLOCKS or starts:
            yield from flush()
        state.update(dict.fromkeys(starts, False))
        if el.tail:
            current.append(el.tail)
            if state["links"]:
                linked.append(_squash(el.tail))

    yield from walk(top)
    yield from flush()


def _is_heading(el: HtmlElement) -> bool:
    """h1–h3, or a block whose class or id says it is a title (`article-title`, and the names
    templates give it: `biaoti` (标题), `wz_tit`, `bt`)."""
    if el.tag in HEADINGS:
        return True
    if el.tag not in ("div", "p", "td", "span"):
        return False
    names = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return "title" in names or any(TITLE_NAME.fullmatch(name) for name in names.split())


def _cell_text(cell: HtmlElement) -> str:
    """A cell's text on one line: its paragraphs and line breaks become spaces."""
    for d in cell.iterdescendants():
        if d.tag in BLOCKS:
            d.tail = " " + (d.tail or "")
    return " ".join(cell.text_content().split())


def _rows(table: HtmlElement) -> list[HtmlElement]:
    """A table's own rows (in tbody/thead/tfoot or not), none of a table inside a cell."""
    own = [table, *(c for c in table if c.tag in ("tbody", "thead", "tfoot"))]
    return [r for part in own for r in part if r.tag == "tr"]


def _span(cell: HtmlElement, name: str) -> int:
    value = cell.get(name, "1").strip()
    return max(1, min(int(value), MAX_SPAN)) if value.isdigit() else 1


def _unmerge(table: HtmlElement, article: set[HtmlElement]) -> None:
    """A data cell that spans rows (rowspan: a unit shared by rows in a row, printed once) is
    copied into each row it spans, at its column: a reader sees it in each. Cells holding
    blocks of the page's layout are left as they are."""
    from copy import deepcopy

    carried: dict[int, tuple[HtmlElement, int]] = {}  # column -> (cell, rows still to fill)
    for row in _rows(table):
        own = [c for c in row if c.tag in ("td", "th")]
        col = 0
        while own or any(c >= col for c in carried):
            if col in carried:
                cell, left = carried.pop(col)
                copy = deepcopy(cell)
                copy.attrib.pop("rowspan", None)
                copy.tail = None
                (own[0].addprevious if own else row.append)(copy)
                if left > 1:
                    carried[col] = (cell, left - 1)
                col += _span(cell, "colspan")
                continue
            if not own:
                col += 1
                continue
            cell = own.pop(0)
            if _span(cell, "rowspan") > 1 and _plain_cell(cell, article):
                carried[col] = (cell, _span(cell, "rowspan") - 1)
            col += _span(cell, "colspan")


def _plain_cell(cell: HtmlElement, article: set[HtmlElement]) -> bool:
    """A cell of data: no table or block of the page's layout in it, not the article."""
    return cell not in article and not any(
        d.tag in LAYOUT_INSIDE or d in article for d in cell.iterdescendants()
    )


def _is_data_row(row: HtmlElement, article: set[HtmlElement]) -> bool:
    """A row of data, not of the page's layout: two cells or more, none holding a table or
    blocks of its own, nor the article."""
    cells = [c for c in row if c.tag in ("td", "th")]
    if len(cells) < 2:
        return False
    for cell in cells:
        if cell in article:
            return False
        paragraphs = 0
        for d in cell.iterdescendants():
            if d.tag in LAYOUT_INSIDE or d in article:
                return False
            paragraphs += d.tag == "p"
        if paragraphs > LAYOUT_PARAGRAPHS:
            return False
    return True


def _article(
    top: HtmlElement, containers: tuple[tuple[str, str], ...]
) -> tuple[list[HtmlElement], str | None]:
    """The elements holding the article and how they were found: a known container (the rules'
    page_containers, the first that holds most of the page's sentences; all its matches,
    outermost, in page order), else the densest block; ([], None): the page is read whole."""
    held, total = _sentences(top)
    for attr, value in containers:
        found = [e for e in top.iter() if _named(e, attr, value)]
        outer = [e for e in found if not any(a in found for a in e.iterancestors())]
        if sum(len(_squash(e.text_content())) for e in outer) < CONTAINER_MIN:
            continue  # (a container a script fills, empty when saved)
        if sum(held[e] for e in outer) >= CONTAINER_SHARE * total:  # (not a sidebar's .content)
            return outer, f"{'#' if attr == 'id' else '.'}{value}"
    best = None
    for el in top.iter():  # page order: each later block that qualifies lies inside the last
        if held[el] >= DENSE_SHARE * total > 0 and el.tag in ("div", "td", "article", "section"):
            best = el
    return ([best], "density") if best is not None and best is not top else ([], None)


def _named(el: HtmlElement, attr: str, value: str) -> bool:
    given = el.get(attr)
    if not given:
        return False
    if attr == "id":
        return given.lower() == value.lower()
    return value.lower() in given.lower().split()


def _sentences(top: HtmlElement) -> tuple[dict[HtmlElement, int], int]:
    """How many characters of sentences (text with 。，；！？ outside links: navigation is links,
    footers have no sentences) each element holds, and the page's total. Elements are the keys:
    an id() of lxml's proxies may be reused."""
    own: dict[HtmlElement, int] = {}
    total = 0
    for el in top.iter():
        for text, owner in ((el.text, el), (el.tail, el.getparent())):
            if not text or owner is None or SENTENCE.isdisjoint(text):
                continue
            if owner.tag == "a" or any(a.tag == "a" for a in owner.iterancestors()):
                continue
            n = _han(text)
            total += n
            own[owner] = own.get(owner, 0) + n
    held: dict[HtmlElement, int] = {}
    for el in reversed(list(top.iter())):  # children before their parents
        held[el] = own.get(el, 0) + sum(held[c] for c in el)
    return held, total
