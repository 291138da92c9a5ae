"""Write a labelled set again dressed as the web pages crawlers save, to measure how the parser
holds up on page shapes the development texts do not hold (issues 13 and 16). The labels stay
right: GOLD.md labels what the notice says, never the page around it.

    python tools/dress.py tests/dev/gold /tmp/dress/pool-page --mode page
    python -m gkparse.eval /tmp/dress/pool-page --no-misses

Modes:
- `page`: the text as a government site's HTML page (`NNN.html`): every line a <p> (or lines
  joined by <br>) in an article container, around it a nav bar, a breadcrumb, a column label, a
  side bar of other notices' titles, a page-metadata <table> (索引号, 发布机构, 文号, 成文日期:
  values from the labels, empty where the label is null), the headline, a 字号/打印 bar, a share
  line, related articles and a footer (主办单位, ICP, 联系我们).
- `clutter`: the text as a crawler saves a page's text: a breadcrumb line, `标题 | ` or a column
  label glued in front of the title line, widget text (【字体：大 中 小】 打印本页 关闭窗口), a
  分享到 line; each text gets a seeded few of these (`--only NAME` applies one).
- `table`: for a text whose labels name responsible units, a notice made from its header labels
  with the labelled items as a task table (序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限) on an
  HTML page; its labels are derived (one item a row, its units the row's), written beside it.

Choices are drawn from a generator seeded by `--seed` and the text's name: the same command
writes the same files.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

Rng = random.Random
Header = dict[str, Any]

# Made-up names of the page around a notice: never a value of the notice itself
SITES = ("某市人民政府", "某区人民政府门户网站", "某县人民政府", "某镇人民政府")
COLUMNS = ("通知公告", "政策文件", "计划总结", "部门文件", "政府文件", "工作动态")
CRUMB_PARTS = (("首页", "首页", "网站首页"), ("信息公开", "政务公开", "政府信息公开"))
CRUMB_SEPS = (" > ", " >> ", " » ", " / ", ">")
OTHER_TITLES = (  # a side bar's or related list's links: titles of other, made-up notices
    "关于做好2023年防汛抗旱工作的通知",
    "某区2022年政府信息公开工作年度报告",
    "关于开展安全生产大检查的通知",
    "某市人民政府办公室关于印发某某实施方案的通知",
    "关于公布2023年第一批行政许可事项的公告",
)
WIDGETS = (
    "【字体：大 中 小】 打印本页 关闭窗口",
    "字号：大 中 小 打印 关闭",
    "【字体：大 中 小】【打印】【关闭】",
    "保存成功 字号 大 中 小",
)
SHARES = ("分享到：微信 微博 QQ空间", "分享到:", "分享到： 微信 微博")
FOOTERS = (
    (
        "主办单位：某市人民政府办公室　承办单位：某市大数据中心",
        "网站标识码：1234000001　某ICP备05001234号-1",
    ),
    ("版权所有：某区人民政府　技术支持：某网络科技有限公司", "联系我们 | 网站地图 | 隐私声明"),
)
TITLE_SLACK = 20  # a title's line may hold a 文号 or a date beside it, not a body
DEADLINES = ("2023年6月底前", "持续推进", "长期坚持", "2023年12月底前", "9月底前")
MEASURES = (
    "按照有关要求抓好落实，确保取得实效。",
    "细化工作措施，定期报送进展情况。",
    "建立工作台账，实行清单管理。",
)
CONTAINERS = (
    '<div id="zoom">',
    '<div class="TRS_Editor">',
    '<div class="article-content">',
    '<div class="wz_nr">',
)  # the last no known container: found by density


def crumb(rng: Rng, sep: str | None = None) -> str:
    sep = sep or rng.choice(CRUMB_SEPS)
    return sep.join([rng.choice(CRUMB_PARTS[0]), rng.choice(CRUMB_PARTS[1]), rng.choice(COLUMNS)])


# --- clutter: plain-text page junk around the title line --------------------------------------

Lines = list[str]
Clutter = Callable[[Rng, Lines, int], Lines]


def crumb_line(rng: Rng, lines: Lines, t: int) -> Lines:
    return lines[:t] + [crumb(rng)] + lines[t:]


def crumb_glued(rng: Rng, lines: Lines, t: int) -> Lines:
    return lines[:t] + [crumb(rng, rng.choice((" >> ", " > "))) + lines[t]] + lines[t + 1 :]


def title_pipe(rng: Rng, lines: Lines, t: int) -> Lines:
    return lines[:t] + [rng.choice(("标题 | ", "标题：", "标  题: ")) + lines[t]] + lines[t + 1 :]


def column_glued(rng: Rng, lines: Lines, t: int) -> Lines:
    return lines[:t] + [rng.choice(COLUMNS) + lines[t]] + lines[t + 1 :]


def widget(rng: Rng, lines: Lines, t: int) -> Lines:
    return lines[: t + 1] + [rng.choice(WIDGETS)] + lines[t + 1 :]


def share(rng: Rng, lines: Lines, t: int) -> Lines:
    return lines[: t + 1] + [rng.choice(SHARES)] + lines[t + 1 :]


# Each changes the title line or adds a line around it; those that glue onto the title line
# exclude each other (one glued prefix a page)
CLUTTER: dict[str, Clutter] = {
    "crumb_line": crumb_line,
    "crumb_glued": crumb_glued,
    "title_pipe": title_pipe,
    "column_glued": column_glued,
    "widget": widget,
    "share": share,
}
GLUED = ("crumb_glued", "title_pipe", "column_glued")


def title_line(lines: Lines, title: str | None) -> int:
    """The line that prints the labelled title (found by its first characters: a line that
    begins with them, else one that holds them, as a page's 名称: line does), else 0."""
    head = (title or "")[:8]
    if not head:
        return 0
    squashed = ["".join(line.split()) for line in lines]
    starts = (i for i, line in enumerate(squashed) if line.startswith(head))
    return next(starts, next((i for i, line in enumerate(squashed) if head in line), 0))


def whole_title(lines: Lines, t: int, title: str | None) -> bool:
    """Whether line t prints the whole title as a page's headline does: not a title broken over
    lines, nor a value under a page's label (`标题` / `X`, `标题：X`)."""
    if not title or not lines:
        return False
    line = "".join(lines[t].split())
    squashed = "".join(title.split())
    alone = squashed in line and len(line) <= len(squashed) + TITLE_SLACK  # (not a whole body)
    return alone and not line.startswith(LABELS) and not under_label(lines, t)


LABELS = ("标题", "名称")


def under_label(lines: Lines, t: int) -> bool:
    """Whether line t is a value under a page's label alone on the line before (`标题` / `X`)."""
    return t > 0 and "".join(lines[t - 1].split()).rstrip(":：") in LABELS


def cluttered(rng: Rng, text: str, title: str | None, only: str | None) -> str:
    lines = text.splitlines()
    names = [only] if only else pick_clutter(rng)
    t = title_line(lines, title)
    whole = whole_title(lines, t, title)
    if not whole:  # nothing to glue a label to, no line to put widgets under: all go above
        names = [n for n in names if n not in GLUED] or ["crumb_line"]
    top = t - 1 if under_label(lines, t) else t  # (nothing stands between a label and its value)
    for name in sorted(names, key=list(CLUTTER).index, reverse=True):  # below the title first
        below = name in ("widget", "share")  # (these go under the line they are given)
        lines = CLUTTER[name](rng, lines, (t if whole else top - 1) if below else top)
    return "\n".join(lines) + "\n"


def pick_clutter(rng: Rng) -> list[str]:
    glued = [rng.choice(GLUED)] if rng.random() < 0.7 else []
    rest = [n for n in CLUTTER if n not in GLUED and rng.random() < 0.5]
    return glued + rest or ["crumb_line"]


# --- page: the text inside a site's HTML template ---------------------------------------------


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def nav(rng: Rng) -> str:
    items = "".join(
        f'<li><a href="/{i}/">{esc(n)}</a></li>'
        for i, n in enumerate(
            ("首页", "政务公开", "政务服务", "互动交流", rng.choice(("走进某地", "新闻中心")))
        )
    )
    return f'<div class="header"><div class="logo">{rng.choice(SITES)}</div><ul class="nav">{items}</ul></div>'


def crumb_div(rng: Rng) -> str:
    sep = rng.choice(("&gt;", "&gt;&gt;", "»", "/"))
    parts = [rng.choice(CRUMB_PARTS[0]), rng.choice(CRUMB_PARTS[1]), rng.choice(COLUMNS)]
    links = f" {sep} ".join(f'<a href="/{i}/">{p}</a>' for i, p in enumerate(parts))
    return f'<div class="crumb">{rng.choice(("当前位置：", "您现在的位置：", ""))}{links}</div>'


def sidebar(rng: Rng) -> str:
    links = "".join(
        f'<li><a href="/a/{i}.html">{esc(t)}</a></li>'
        for i, t in enumerate(rng.sample(OTHER_TITLES, 3))
    )
    return f'<div class="left"><div class="lm">{rng.choice(COLUMNS)}</div><ul>{links}</ul></div>'


def later(date: str | None, rng: Rng) -> str:
    """A publication date a few days after the notice's (the page's own, not the notice's)."""
    if not date:
        return f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    y, m, d = date.split("-")
    return f"{y}-{m}-{min(int(d) + rng.randint(0, 3), 28):02d}"


def cell(label: str, value: str) -> str:
    return f"<th>{label}</th><td>{esc(value)}</td>"


def meta_table(rng: Rng, header: Header) -> str:
    """索引号, 发布机构, 文号, 成文日期 … as a page's metadata table, values from the labels."""
    index = f"{rng.randint(10**8, 10**9)}/{(header.get('date') or '2023')[:4]}-{rng.randint(1, 999):05d}"
    pairs = [
        ("索引号", index),
        ("发布机构", header.get("issuer") or ""),
        (rng.choice(("文号", "发文字号")), header.get("doc_number") or ""),
        ("成文日期", header.get("date") or ""),
        ("发布日期", later(header.get("date"), rng)),
        ("主题分类", rng.choice(("综合政务\\通知", "政府工作", "其他"))),
    ]
    if rng.random() < 0.5:  # two pairs a row
        rows = [cell(*pairs[i]) + cell(*pairs[i + 1]) for i in range(0, len(pairs), 2)]
    else:
        rows = [cell(*pair) for pair in pairs]
    if header.get("title") and rng.random() < 0.7:
        rows.append(
            f'<th>{rng.choice(("名称", "标题"))}</th><td colspan="3">{esc(header["title"])}</td>'
        )
    return '<table class="xxgk-table">' + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def headline(rng: Rng, title: str | None) -> str:
    """The page's headline; a long one perhaps broken by <br> (after 关于 or at its middle)."""
    if not title:
        return ""
    text = esc(title)
    if len(title) >= 16 and rng.random() < 0.25:
        at = title.find("关于") if title.find("关于") > 2 else len(title) // 2
        text = esc(title[:at]) + "<br>" + esc(title[at:])
    return rng.choice(HEADLINES).format(text)


HEADLINES = (  # the headline's element as templates print it (class names of real sites)
    '<h1 class="article-title">{}</h1>',
    '<div class="title">{}</div>',
    "<h2>{}</h2>",
    '<div class="biaoti">{}</div>',
    '<div class="xl_tit">{}</div>',
    '<p class="wz_tit">{}</p>',
    '<table class="bt_table"><tr><td class="bt">{}</td></tr></table>',
    '<div class="detail">{}</div>',  # a class that says nothing: the <title> alone names it
)


def info_line(rng: Rng, header: Header) -> str:
    """The line under a headline: when, from where, how often read."""
    if rng.random() < 0.5:
        return ""
    when = later(header.get("date"), rng)
    return (
        f'<div class="info">发布时间：{when} 10:30　来源：{rng.choice(SITES)}　'
        f"浏览次数：{rng.randint(10, 999)}</div>"
    )


DATE_LINE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def paragraph(line: str, indent: str) -> str:
    """A line as a <p>; a date alone set right and padded with non-breaking spaces, as
    signatures are."""
    if DATE_LINE.fullmatch(line):
        return f'<p style="text-align:right">{esc(line)}&nbsp;&nbsp;&nbsp;&nbsp;</p>'
    return f"<p>{indent}{esc(line)}</p>"


UNITS_AT = re.compile(r"(?=[（(【\[]?(?:责任单位|牵头单位|责任部门|责任科室|责任处室)[：:])")


def units_apart(line: str) -> Lines:
    """A line whose units' label stands after its text, cut before the label."""
    pieces = UNITS_AT.split(line, maxsplit=1)
    return [p for p in pieces if p.strip()] if len(pieces) == 2 and pieces[0].strip() else [line]


def article(rng: Rng, lines: Lines, title: str | None = None) -> str:
    """The text in an article container (perhaps inside a layout table's cell); the title's
    line perhaps left to the headline alone, as many sites print it."""
    kept = [line.strip() for line in lines if line.strip()]
    t = title_line(kept, title)
    alone = bool(title) and "".join(kept[t].split()) == "".join((title or "").split())
    if alone and rng.random() < 0.3:  # (a line holding more, a 文号, stays: it is the notice's)
        kept = kept[:t] + kept[t + 1 :]
    if rng.random() < 0.5:  # an item's units in a paragraph of their own, as Word pages print
        kept = [piece for line in kept for piece in units_apart(line)]
    if rng.random() < 0.2:  # one block, lines broken by <br>
        body = "<p>" + "<br>".join(esc(line) for line in kept) + "</p>"
    else:
        indent = rng.choice(("", "　　"))
        body = "".join(paragraph(line, indent) for line in kept)
    box = f"{rng.choice(CONTAINERS)}{body}</div>"
    if rng.random() < 0.3:
        return f'<table width="100%"><tr><td class="bt_content">{box}</td></tr></table>'
    return box


def after_article(rng: Rng) -> str:
    related = "".join(
        f'<li><a href="/r/{i}.html">{esc(t)}</a></li>'
        for i, t in enumerate(rng.sample(OTHER_TITLES, 2))
    )
    return (
        f'<div class="share">{esc(rng.choice(SHARES))}</div>'
        '<div class="print"><a href="#">【打印本页】</a><a href="#">【关闭窗口】</a></div>'
        f'<div class="related"><h4>相关文章</h4><ul>{related}</ul></div>'
    )


def footer(rng: Rng) -> str:
    return (
        '<div class="footer">' + "".join(f"<p>{esc(p)}</p>" for p in rng.choice(FOOTERS)) + "</div>"
    )


def page(rng: Rng, header: Header, body: str) -> str:
    """A whole page around an article's HTML: the parts a government template puts there."""
    title = header.get("title")
    meta = meta_table(rng, header) if rng.random() < 0.7 else ""
    tools = f'<div class="tools">{esc(rng.choice(WIDGETS))}</div>'
    top = [headline(rng, title), info_line(rng, header)]
    top = [meta, *top] if rng.random() < 0.5 else [*top, meta]
    main = "".join([*top, tools, body, after_article(rng)])
    head = f"<title>{esc(title or '')}_{rng.choice(SITES)}</title>"
    parts = [
        nav(rng),
        crumb_div(rng),
        (
            f'<div class="main">{sidebar(rng)}<div class="right">'
            f'<div class="lm">{rng.choice(COLUMNS)}</div>{main}</div></div>'
        ),
        footer(rng),
    ]
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head><body>\n'
        + "\n".join(parts)
        + "\n</body></html>\n"
    )


# --- table: the labelled items as a task table ------------------------------------------------


def first_title(title: Any) -> str | None:
    if isinstance(title, list):
        return next((t for t in title if t), None)
    return title


def table_rows(gold: dict[str, Any]) -> list[tuple[str, str | None, list[str]]]:
    """(section heading or None, task, units) of each labelled item with units, in order."""
    outline = gold.get("outline") or []
    rows, path = [], []
    for level, marker, title in outline:
        path = path[: level - 1] + [marker]
        units = (gold.get("responsible") or {}).get("/".join(path))
        task = first_title(title)
        if units and task:
            section = first_title(outline_title(outline, path[0])) if level > 1 else None
            rows.append((section, task, units))
    return rows


def outline_title(outline: list[Any], marker: str) -> Any:
    return next((t for lv, m, t in outline if lv == 1 and m == marker), None)


def units_cell(rng: Rng, units: list[str]) -> str:
    joiner = "、" if not any("、" in u for u in units) else "，"
    return rng.choice((joiner, "<br>")).join(esc(u) for u in units)


def task_table(rng: Rng, gold: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The task table's HTML and the labels of its rows. As the seeded coins say: a section
    row (a cell across the table: 一、…) where a row's section changes, the rows numbered on
    or anew under each; else perhaps a 类别 column holding the section; a 牵头单位 column; and
    merged cells (rowspan) where rows in a row share their 类别 or their 牵头单位."""
    rows = table_rows(gold)
    numerals = "一二三四五六七八九十"
    sections = rng.random() < 0.5 and len({r[0] for r in rows if r[0]}) <= len(numerals)
    restart = sections and rng.random() < 0.5
    category = not sections and rng.random() < 0.5 and any(r[0] for r in rows)
    lead = rng.random() < 0.5  # the first unit in a 牵头单位 column
    merge = rng.random() < 0.6
    measures = rng.random() < 0.3  # a 具体要求 column after the task
    due_first = rng.random() < 0.3  # the 完成时限 column before the units'
    head = [
        "序号",
        *(["类别"] if category else []),
        "工作任务",
        *(["具体要求"] if measures else []),
    ]
    units_head = [*(["牵头单位"] if lead else []), "责任单位"]
    head += ["完成时限", *units_head] if due_first else [*units_head, "完成时限"]
    grid: list[list[str] | str] = []  # a row's cells, or a section row's text
    outline: list[Any] = []
    responsible, current, n = {}, None, 0
    for section, task, units in rows:
        if sections and section and section != current:
            current = section
            marker = numerals[sum(1 for row in outline if row[0] == 1)] + "、"
            grid.append(f"{marker}{esc(section)}")
            outline.append([1, marker, section])
            n = 0 if restart else n
        n += 1
        cells = [str(n), *([esc(section or "")] if category else []), esc(task) + "。"]
        cells += [rng.choice(MEASURES)] if measures else []
        who = [esc(units[0]), units_cell(rng, units[1:])] if lead else [units_cell(rng, units)]
        due = rng.choice(DEADLINES)
        grid.append([*cells, due, *who] if due_first else [*cells, *who, due])
        level = 2 if current else 1
        outline.append([level, str(n), [task, None]])
        responsible[f"{outline_parent(outline)}{n}" if level == 2 else str(n)] = units
    merged = [head.index(c) for c in ("类别", "牵头单位") if c in head] if merge else []
    body = "".join(table_row(grid, k, merged, len(head)) for k in range(len(grid)))
    top = "<tr>" + "".join(f"<td><p><b>{h}</b></p></td>" for h in head) + "</tr>"
    return f'<table border="1">{top}{body}</table>', {
        "outline": outline,
        "responsible": responsible,
    }


def table_row(grid: list[list[str] | str], k: int, merged: list[int], width: int) -> str:
    """Row k of a table; in the columns `merged`, a cell equal to the one above is left out
    (the one above spans it: rowspan), as an office's tables print a shared unit once."""
    row = grid[k]
    if isinstance(row, str):
        return f'<tr><td colspan="{width}">{row}</td></tr>'
    cells = []
    for c, text in enumerate(row):
        if c in merged and k and isinstance(grid[k - 1], list) and grid[k - 1][c] == text:
            continue
        span = 1
        while c in merged and k + span < len(grid) and isinstance(grid[k + span], list):
            if grid[k + span][c] != text:
                break
            span += 1
        cells.append(f'<td rowspan="{span}">{text}</td>' if span > 1 else f"<td>{text}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def outline_parent(outline: list[Any]) -> str:
    return next(m for lv, m, _ in reversed(outline) if lv == 1) + "/"


def chinese_date(date: str) -> str:
    y, m, d = date.split("-")
    return f"{y}年{int(m)}月{int(d)}日"


def notice_lines(header: Header) -> Lines:
    """A notice that hands down the table, printed from the header labels (what is null is not
    printed)."""
    plan = header.get("plan_title")
    lines = [header.get("title"), header.get("doc_number")]
    if header.get("recipients"):
        lines.append("，".join(header["recipients"]) + "：")
    lines.append(
        f"现将《{plan}》印发给你们，请认真贯彻落实。" if plan else "现将有关任务分解如下。"
    )
    lines += [header.get("issuer"), chinese_date(header["date"]) if header.get("date") else None]
    lines.append(plan)
    return [line for line in lines if line]


def tabled(rng: Rng, gold: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    header = gold.get("header") or {}
    table, rows = task_table(rng, gold)
    body = "".join(f"<p>{esc(line)}</p>" for line in notice_lines(header))
    container = rng.choice(CONTAINERS)
    labels = {"id": gold.get("id"), "truncated": False, "header": header, **rows}
    return page(rng, header, f"{container}{body}{table}</div>"), labels


# --- the command --------------------------------------------------------------------------------


TRADITIONAL_SHARE = 0.05  # of a text's Chinese characters: a page in traditional characters


def in_script(doc: str, text: str, header: Header, more: tuple[str, ...] = ()) -> str:
    """The page's own words in the script of the notice: a site that shows a notice in
    traditional characters shows its chrome so too (OpenCC converts all but the notice's lines,
    the labels' values and `more`, which stay as printed)."""
    from gkparse.hanzi import traditional  # (the characters only traditional writing uses)

    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not han or sum(ch in traditional() for ch in han) < TRADITIONAL_SHARE * len(han):
        return doc
    import opencc

    convert = opencc.OpenCC("s2t").convert
    values = [v for v in header.values() if isinstance(v, str)] + list(
        header.get("recipients") or []
    )
    kept = {piece for line in text.splitlines() for piece in (line.strip(), esc(line.strip()))}
    kept |= {piece for v in [*values, *more] for piece in (v, esc(v))}
    kept = sorted((k for k in kept if k), key=len, reverse=True)
    if not kept:
        return convert(doc)
    parts = re.split("(" + "|".join(map(re.escape, kept)) + ")", doc)
    return "".join(p if k % 2 else convert(p) for k, p in enumerate(parts))


def dress(label: Path, out: Path, mode: str, seed: int, only: str | None) -> None:
    gold = YAML(typ="safe").load(label.read_text(encoding="utf-8")) or {}
    header = gold.get("header") or {}
    rng = random.Random(f"{seed}:{mode}:{label.stem}")
    text = label.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
    if mode == "clutter":
        doc = cluttered(rng, text, header.get("title"), only)
        (out / f"{label.stem}.txt").write_text(in_script(doc, text, header), encoding="utf-8")
    elif mode == "page":
        doc = page(rng, header, article(rng, text.splitlines(), header.get("title")))
        (out / f"{label.stem}.html").write_text(in_script(doc, text, header), encoding="utf-8")
    else:
        if not (gold.get("responsible") and table_rows(gold)):
            return
        doc, labels = tabled(rng, gold)
        cells = tuple(x for _, task, units in table_rows(gold) for x in (task + "。", *units))
        doc = in_script(doc, text, header, cells)
        (out / f"{label.stem}.html").write_text(doc, encoding="utf-8")
        yaml = YAML(typ="safe", pure=True)  # (block style: a flow scalar may hold `体育:政务`)
        yaml.default_flow_style = False
        yaml.allow_unicode = True
        with (out / label.name).open("w", encoding="utf-8") as f:
            yaml.dump(labels, f)
        return
    shutil.copy(label, out / label.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("labels", type=Path, help="a folder of NNN.yaml labels beside NNN.txt")
    parser.add_argument("out", type=Path, help="the folder to write (labels beside)")
    parser.add_argument("--mode", choices=("page", "clutter", "table"), default="page")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", choices=sorted(CLUTTER), help="clutter: this one only")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for label in sorted(args.labels.glob("*.yaml")):
        dress(label, args.out, args.mode, args.seed, args.only)


if __name__ == "__main__":
    main()
