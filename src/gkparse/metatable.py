"""Page metadata, recognised wherever a page prints it: label/value pairs on a line
(`索引号: X 发布机构: Y`), a label alone over its value, and tables without colons —
`索引号 | 6405…/2023-00173 | 文号 | …` on one line, labels and values spaced out on one line
(`发布机构 X 文    号 Y`), or flattened one cell per line (`标题` / `…的通知` / `发文字号` / …).
(page.py then puts each value in its field.)

Label cells alternate with value cells. One label alone proves nothing (`名称`, `来源` and
`日期` are words of any text); a row, or a run of lines, in which the label cells keep
alternating with values is a metadata table, decided over the whole row or run. A label a
page glued to the end of the value before it (`…的通知发文机关`) is cut off.

On a line of pairs, what is not a value is cut from it: a page's timestamp before the labels,
widgets after a value (`浏览次数:`), and the notice's own text run on after the last value (a
value ends where its field's shape ends: a date, a 文号, a title). Hands on tokens: `meta`
(field, value), `junk` and `text`.
"""

from __future__ import annotations

import regex

from .dates import DATE_LINE, parse_date_line
from .elements import is_recipients, is_unit
from .model import Segment, Token
from .normalize import strip_spaces
from .rules import Rules

# a cell's bound: a bar, or the tab a browser or Word puts between the cells of a table it copies
CELL_BAR = regex.compile(r"\s*[|│\t]\s*")
BAR = regex.compile(r"[|│]|(?<=\S)\s*\t\s*(?=\S)")
COLON = regex.compile(r"[:：]")
HAN = regex.compile(r"\p{Han}")
MIN_PAIRS = 2  # label/value pairs that make a table
MIN_BARS = 3  # bars of a row of two pairs (`索引号 | X | 文号 | Y`): fewer are no table
LONG_LABEL = 3  # a label this long is no common word (索引号, 发文字号, 主题分类)
DROP = "drop"
FREE_TEXT_FIELDS = {"publisher", "topic", "keywords", "title"}
RUN_ON = 40  # a last value longer than this may hold the text the page ran on after it
# a page widget's value: 浏览次数：590, 字体：【大 中 小】
WIDGET_VALUE = regex.compile(r"\s*(?:\d+|[【\[]?[大中小\s]*[】\]]?)")
CELL_VALUE_MAX = 150  # a value cell holds a title at most; a longer line is the notice, run on
GLUED_LABEL_MAX = 6  # the longest label a page glues to a value (主题分类名称)
LABEL_PREFIX_MAX = 4  # words a page puts before a known label: 组配分类, 信息分类
JUNK_WORDS_MAX = 4  # junk after a value is this many words at most (`浏览次数: 【字体:`)
VALUE_UNDER_LABEL_MAX = 40  # a free-text value printed under its label; longer is a paragraph
TABLE_GAP = 2  # a row this many lines after the last one continues its table (a rule between)
# `|---|---|`: the rule a crawler prints under a table's header row; in a flattened page it is
# where one row ended and the next began
RULE_ROW = regex.compile(r"\|(?:\s*:?-{3,}:?\s*\|)+")

Pair = tuple[Segment, str, str]


def label_field(rules: Rules, text: str) -> str | None:
    """The field a label alone names, or None."""
    return rules.meta_fields.get(strip_spaces(text))


def bar_row(rules: Rules, seg: Segment, known_min: int = MIN_PAIRS) -> list[Pair] | None:
    """A row of label|value cells: each pair as a segment, its field and value; or None. Where
    labels end with colons, the colons say which cells are labels (a label's value may be
    empty); else labels and values alternate. A row of a table already recognised needs no
    known label (`known_min` 0). Unknown labels among known ones are the page's own: dropped."""
    if _bars(seg.text) < (MIN_BARS if known_min >= MIN_PAIRS else 1):
        return None  # (a row of a table already recognised, or opening one, may hold one pair)
    pairs = _pairs(_cells(seg.text))
    if not pairs or not all(HAN.search(label) for label, _ in pairs):
        return None  # `---|---`: the rule under a header row
    known = [label_field(rules, label) or _suffix_field(rules, label) for label, _ in pairs]
    if sum(f is not None for f in known) < known_min:
        return None
    out = []
    for k, ((label, value), field) in enumerate(zip(pairs, known, strict=True)):
        text = f"{label} {value}".strip()
        # (a cell of a row: its value is the cell beside it, never the next line's text)
        cell = Segment(seg.line, text, text, column=2 * k)
        out.append((cell, field or DROP, value))
    return out


def _bars(text: str) -> int:
    """The cell bounds of a row: bars, or runs of tabs between its cells."""
    if "|" not in text and "│" not in text and "\t" not in text:
        return 0
    return len(BAR.findall(text))


def opens_table(rules: Rules, seg: Segment, nxt: Segment | None) -> bool:
    """A row of one pair (`索引号 | X`) opens a metadata table when the row under it is one
    too: a two-column table prints a pair a row; two known labels, one of them long."""
    if nxt is None or nxt.line - seg.line > TABLE_GAP or not _bars(seg.text + " " + nxt.text):
        return False
    labels = []
    for row in (seg, nxt):
        pairs = _pairs(_cells(row.text)) if bar_row(rules, row, 1) else None
        if not pairs or len(pairs) != 1 or label_field(rules, pairs[0][0]) in (None, DROP):
            return False
        labels.append(strip_spaces(pairs[0][0]))
    return any(len(label) >= LONG_LABEL for label in labels)


def split_bar_rows(segments: list[Segment]) -> list[Segment]:
    """A page whose line breaks were lost runs a table's rows, and the notice after them, onto
    one line: cut it at each rule row, and cut off the text after the last bar when it is too
    long for a cell (a cell is bounded by bars; what follows the table is the notice)."""
    out: list[Segment] = []
    for seg in segments:
        text = seg.text
        # (a rule row alone, no Han in it, is junk as it is)
        if text.count("|") < MIN_BARS or not HAN.search(text):
            out.append(seg)
            continue
        rows = [row for row in RULE_ROW.sub("|\n", text).split("\n") if row.strip()]
        tail = rows[-1].rsplit("|", 1)
        if len(tail) == 2 and len(tail[1].strip()) > CELL_VALUE_MAX:
            rows[-1:] = [tail[0] + "|", tail[1].strip()]
        if len(rows) == 1:
            out.append(seg)
            continue
        out.extend(Segment(seg.line, row.strip(), row.strip()) for row in rows)
    return out


def spaced_row(rules: Rules, seg: Segment) -> list[Pair] | None:
    """Labels without colons and their values on one line, spaces between
    (`发布机构 某区人民政府办公室 文    号 某政办〔2023〕1号`): the line opens with a label and
    names at least two, one of them long."""
    if not rules.meta_label_spaced.match(seg.text):
        return None  # (the line must open with a label: no search along it)
    labels = list(rules.meta_label_spaced.finditer(seg.text))
    if len(labels) < MIN_PAIRS or labels[0].start() != 0:
        return None
    names = [strip_spaces(m["label"]) for m in labels]
    if not any(len(n) >= LONG_LABEL for n in names):
        return None
    out = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(seg.text)
        value = seg.text[m.end() : end].strip()
        if not value:
            return None  # two labels in a row: words of a text, not a table
        first, _, rest = value.partition(" ")
        cut = _glued_label(rules, first) if rest else None
        if cut:  # `标题 …的通知发文机关 某区人民政府办公室`: a label glued to the value before
            out.append(_pair(seg.line, names[k], first[:cut], rules.field_of(names[k])))
            names[k], value = first[cut:], rest
        out.append(_pair(seg.line, names[k], value, rules.field_of(names[k])))
    return out


def _cells(text: str) -> list[str]:
    """A row's cells, empty ones kept (an empty value keeps its column, as a page's table and
    gkparse's HTML reader print it); only the ends before the first bar and after the last are
    no cells."""
    cells = [c.strip() for c in CELL_BAR.split(text)]
    start = 1 if cells and not cells[0] else 0
    end = -1 if len(cells) > start and not cells[-1] else len(cells)
    return cells[start:end]


def run_on(row: list[Pair]) -> tuple[list[Pair], Segment | None]:
    """The notice's text a page ran on after a row's last value (longer than any cell): its
    first word stays the value, the rest is cut off as a segment of its own."""
    piece, field, value = row[-1]
    first, _, rest = value.partition(" ")
    if len(value) <= CELL_VALUE_MAX or not rest:
        return row, None
    last = _pair(piece.line, piece.text[: -len(value)].strip(), first, field)
    return [*row[:-1], last], Segment(piece.line, rest, rest, context="space")


def _pair(line: int, name: str, value: str, field: str) -> Pair:
    """A label and its value as one segment of their own, as a table's cell pair is."""
    text = f"{name} {value}"
    return Segment(line, text, text), field, value


def _pairs(cells: list[str]) -> list[tuple[str, str]] | None:
    """(label, value) of each label cell, or None when the cells do not pair up. Without
    colons, labels alternate with values, an empty cell an empty value; when they do not so
    (a label cell empty, an odd count), empty cells are read as no cells."""
    if not any(c.endswith((":", "：")) for c in cells):
        if len(cells) % 2 == 0 and all(cells[0::2]):
            return list(zip(cells[0::2], cells[1::2], strict=True)) or None
        cells = [c for c in cells if c]
        if len(cells) < 2 or len(cells) % 2:
            return None
        return list(zip(cells[0::2], cells[1::2], strict=True))
    cells = [c for c in cells if c]
    pairs: list[tuple[str, str]] = []
    for cell in cells:
        if cell.endswith((":", "：")):
            pairs.append((cell.rstrip(":：").strip(), ""))
        elif pairs and not pairs[-1][1]:
            pairs[-1] = (pairs[-1][0], cell)
        else:
            return None  # a value without its label
    return pairs


def _suffix_field(rules: Rules, label: str) -> str | None:
    """A label cell that ends with a known label (`组配分类`: 分类) names its field."""
    return next(
        (f for k in range(1, len(label) - 1) if (f := label_field(rules, label[k:])) is not None),
        None,
    )


def _glued_label(rules: Rules, text: str) -> int | None:
    """Where a long label glued to the end of a value begins (`…的通知发文机关`, `…发布时间：`)."""
    text = text.rstrip(" :：")
    for start in range(max(1, len(text) - GLUED_LABEL_MAX), len(text) - LONG_LABEL + 1):
        if label_field(rules, text[start:]) not in (None, DROP):
            return start
    return None


def split_glued_labels(rules: Rules, segments: list[Segment]) -> list[Segment]:
    """A value under a label alone whose line ends with the next label: cut in two."""
    out: list[Segment] = []
    for seg in segments:
        cut = None
        if out and label_field(rules, out[-1].text.rstrip(" :：")) is not None:
            cut = _glued_label(rules, seg.text)
        if cut is None:
            out.append(seg)
            continue
        value, label = seg.text[:cut], seg.text[cut:]
        out += [Segment(seg.line, value, value), Segment(seg.line, label, label)]
    return out


def cell_runs(rules: Rules, segments: list[Segment]) -> dict[int, tuple[str, str]]:
    """Labels and values on lines of their own, alternating: by id of each segment, its field
    and value (a label's value is '': its value is the segment after it)."""
    found: dict[int, tuple[str, str]] = {}
    run: list[tuple[Segment, str, Segment]] = []

    def close() -> None:
        if len(run) >= MIN_PAIRS and any(len(label.text) >= LONG_LABEL for label, _, _ in run):
            for label, field, value in run:
                found[id(label)] = (field, "")
                found[id(value)] = (field, value.text)
        run.clear()

    i = 0
    while i < len(segments):
        field = label_field(rules, segments[i].text)
        nxt = segments[i + 1] if i + 1 < len(segments) else None
        if (
            field is not None
            and nxt is not None
            and label_field(rules, nxt.text) is None
            and len(nxt.text) <= CELL_VALUE_MAX
        ):
            run.append((segments[i], field, nxt))
            i += 2
            continue
        close()
        i += 1
    close()
    return found


def label_pairs(rules: Rules, seg: Segment) -> list[Token] | None:
    """A line of label/value pairs (`索引号: X 发布机构: Y`) as one token per pair, or None."""
    if ":" not in seg.text and "：" not in seg.text:
        return None  # every label is followed by its colon: the search (~2 µs a line) is spared
    labels = list(rules.meta_label.finditer(seg.text))
    if not labels:
        return None
    tokens: list[Token] = []
    starts = [_label_start(seg.text, m.start(), m.start("label")) for m in labels]
    if starts[0]:  # a page timestamp before the labels: `2015-11-10 01:51:51信息来源:…`
        stamp = seg.text[: starts[0]].strip()
        if not parse_date_line(stamp)[0]:
            return None
        tokens.append(Token("meta", Segment(seg.line, stamp, stamp), "published", stamp))
    for i, m in enumerate(labels):
        end = starts[i + 1] if i + 1 < len(labels) else len(seg.text)
        words = seg.text[m.end() : end].split()
        cut = _junk_start(rules, words)
        value_text = " ".join(words[:cut])
        run_on: str | None = None  # the notice's text, run on after the page's last value
        if i + 1 == len(labels) and cut == len(words) and len(value_text) > RUN_ON:
            value_end = _value_end(rules, rules.field_of(m["label"]), value_text)
            if value_end is not None:
                value_text, run_on = value_text[:value_end].strip(), value_text[value_end:].strip()
        whole = len(labels) == 1 and cut == len(words) and run_on is None
        label = seg.text[starts[i] : m.end()].strip()
        piece_text = seg.text if whole else f"{label}{value_text}"
        piece = Segment(seg.line, piece_text, seg.raw if whole else piece_text)
        tokens.append(Token("meta", piece, rules.field_of(m["label"]), value_text))
        if cut < len(words):
            tail = " ".join(words[cut:])
            tokens.append(Token("junk", Segment(seg.line, tail, tail), rules.junk_id(tail) or ""))
        if run_on:  # `字体：【X政发〔2019〕1号各乡…`
            tokens.append(Token("text", Segment(seg.line, run_on, run_on)))
    return tokens


def _label_start(text: str, at: int, label: int) -> int:
    """Where a label found at `at` (its known words at `label`) begins with the words a page
    put right before them (组配分类, 信息分类: a kind of 分类), when a space or the line's start
    stands before those."""
    k = label
    while k > 0 and label - k < LABEL_PREFIX_MAX and HAN.match(text, k - 1):
        k -= 1
    return k if k < label and (k == 0 or text[k - 1].isspace()) else at


def _junk_start(rules: Rules, words: list[str]) -> int:
    """Where junk glued after a value begins (`2022-09-30 浏览次数: 【字体:`), to become segments
    of its own: the index of its first word, len(words) when there is none."""
    cut = len(words)
    while True:  # the junk may be several widgets: each found ends where the last begins
        starts = range(max(0, cut - JUNK_WORDS_MAX), cut)
        k = next((k for k in starts if rules.junk_id(" ".join(words[k:cut]))), None)
        if k is None:
            return cut
        cut = k


def _value_end(rules: Rules, field: str, value: str) -> int | None:
    """Where a value of `field` ends inside a long run of text (a value has its field's shape:
    a date, a 文号, a widget's count), or None when its shape does not say."""
    if field in ("published", "date"):
        m = DATE_LINE.match(value)
    elif field == "doc_number":
        m = rules.header["doc_number"].match(value)
    elif field == DROP and any(ch in value for ch in "，。："):  # (a link or a path has none)
        m = WIDGET_VALUE.match(value)
    elif field == "publisher" and (k := _before_recipients(rules, value)):
        return k  # `来源：某县政府各乡镇人民政府，县政府有关部门：为…`: one body, then the 主送机关
    elif field in FREE_TEXT_FIELDS:  # `主题词：X关于…的通知X发〔2018〕38号各省…`: a title, then on
        m = rules.header["title_glued"].match(value)
    else:
        return None
    return m.end() if m else None


def _before_recipients(rules: Rules, value: str) -> int | None:
    """Where a 主送机关 starting with 各 and closed by a colon follows a unit's name in `value`,
    or None."""
    colon = COLON.search(value)
    if colon is None:
        return None
    for k, ch in enumerate(value[: colon.start()]):
        if (
            ch == "各"
            and is_unit(rules, value[:k])
            and is_recipients(rules, value[k : colon.end()])
        ):
            return k
    return None


def _fits(rules: Rules, field: str, text: str) -> bool:
    """Whether `text` has the shape of a value of `field` (for a value printed under its label)."""
    if field in ("published", "date"):
        return parse_date_line(text)[0] is not None
    if field == "doc_number":
        return bool(rules.header["doc_number"].fullmatch(text))
    if field in ("index_number", "disclosure"):
        return any(f == field and p.fullmatch(text) for f, p in rules.values)
    return len(text) <= VALUE_UNDER_LABEL_MAX and not rules.header["title_end"].fullmatch(text)


def values_under_labels(rules: Rules, tokens: list[Token]) -> list[Token]:
    """A label printed alone with its value on the next line (`• 索引号:` / `6107…`) gets that value.

    Free-text values are taken only between two labels, so a plan title after an empty
    `关键词:` is not mistaken for the keywords.
    """
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        out.append(tok)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.kind == "meta"
            and not tok.value
            and tok.name != DROP
            and tok.seg.column is None  # (a row's empty cell is an empty value)
            and nxt is not None
            and nxt.kind == "text"
        ):
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            between = after is not None and after.kind == "meta"
            if _fits(rules, tok.name, nxt.seg.text) and (
                tok.name not in FREE_TEXT_FIELDS or between
            ):
                out.append(Token("meta", nxt.seg, tok.name, nxt.seg.text))
                i += 1
        i += 1
    return out
