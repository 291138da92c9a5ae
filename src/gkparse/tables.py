"""Stage `tables`: task tables flattened one cell per line become rows of the outline.

A 任务分解表 or 一览表 printed on a web page reaches gkparse with each cell on a line of its
own: a header row of column labels (序号, 工作任务, 牵头单位, 责任单位, 完成时限 …, as
rules/tables.yaml declares them), then for each row its number and its cells. The number of
each row becomes a candidate heading (its marker the number as printed) and each cell is
marked with its column's role (Segment.cell), so that the unit and deadline columns go to the
task's responsible units and deadlines, never into its text (fields.py).

A row's cells follow its number; a page that prints a cell before the number (the task's name,
as a merged cell) gives it to the row it precedes. A row with fewer cells than columns lost the
first ones (merged cells), so its cells fill the last columns. A row printed a line with bars
reaches this stage cut into its cells (unflatten.py).

A header row run together on one line (`工作任务工作要求牵头单位责任单位`) that names unit columns
marks where rows run together begin (State.tail_units_after, glued_roles): their units stand
after their task (gluedrows.py) or, when the units' column is last, at their end (fields.py).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

import regex

from .model import Segment, Token
from .rules import LIST_TIER, Rules
from .state import State
from .taskfields import deadlines_in, task_units

ROW_NUMBER = regex.compile(r"\d{1,4}")
DEADLINE_MAX = 12  # a time-limit cell is short: 年底前, 持续推进, 2023年6月底前
DIGIT = regex.compile(r"\d")
DEADLINE_WORDS = regex.compile(r"前|底|月|季度|持续|长期|常态|及时|每[年月周]")
LABEL_MAX = 12  # a column label is short: 序号, 牵头单位, 完成时限
MIN_COLUMNS = 3  # a run of this many column labels is a table's header row
ROW_NUMBERING = "table_row"
UNIT_ROLES = ("lead", "responsible")
GLUED_HEADER_MAX = 200  # a line this long is text, not a header row run together
SPACED_ROW = regex.compile(r"(\d{1,4})[ \t\u3000\u00a0]+(\S.*)")  # `1 加强… 市水利局`
# a row under a header run together (序号工作任务牵头单位…), its number glued on: `1粮食播种…`
GLUED_ROW = regex.compile(r"(\d{1,3})(?![\d.．、])[ \t\u3000\u00a0]*(\p{Han}.*)")
LABEL_WORD = regex.compile(r"[\p{Han}（）()、/]{2,12}")  # a column's label: words, no number
SPACES = regex.compile(r"\s+")  # (compiled once: regex.sub with a string looks it up, ~4 µs)


def header_roles(rules: Rules, tokens: list[Token], i: int) -> list[str]:
    """The roles of the columns named by the run of label cells at tokens[i:], or []. In a
    header row printed with bars, a label the rules do not know (具体内容, 责任领导) is a column of
    more text: its bars say it is a cell of the row, and the columns after it keep their place."""
    roles = []
    for k in range(i, len(tokens)):  # (neither a slice nor islice: both walk from the start)
        tok = tokens[k]
        if len(tok.seg.text) > LABEL_MAX:
            break
        role = rules.table_columns.get(SPACES.sub("", tok.seg.text))
        if role is None and _barred_label(tok, tokens[i]):
            role = "text"
        if not is_cell(tok) or role is None:
            break
        roles.append(role)
    named = "task" in roles or "number" in roles
    known = len(roles) - roles.count("text")
    return roles if known >= MIN_COLUMNS and named else []


def _barred_label(tok: Token, first: Token) -> bool:
    """A cell of the header row that `first` opens, printed with bars, holding a word."""
    seg = tok.seg
    return (
        seg.column is not None
        and first.seg.column is not None
        and seg.line == first.seg.line
        and tok is not first
        and bool(LABEL_WORD.fullmatch(seg.text))
    )


def is_cell(tok: Token) -> bool:
    """Text, or a line the tokenizer took for a responsibility line (`责任科室`): not a heading."""
    return tok.kind in ("text", "responsibility")


def row_number(tok: Token, expected: int) -> bool:
    return (
        tok.kind == "text"
        and tok.seg.text == str(expected)
        and bool(ROW_NUMBER.fullmatch(tok.seg.text))
    )


def row_numbers(tokens: list[Token], start: int, width: int) -> list[int]:
    """Indexes of the row numbers 1, 2, 3 … after a header, each within a row's cells of the
    one before; cells only between them, and section rows (a heading across the table), after
    which the numbers go on or start again at 1."""
    found: list[int] = []
    i, n, last = start, 1, start
    while i < len(tokens) and i - last <= width + 1:
        if row_number(tokens[i], n):
            found.append(i)
            n, last = n + 1, i
        elif tokens[i].kind == "heading" and i + 1 < len(tokens):
            after = tokens[i + 1]  # a section row: the next row's number right under it
            if not (row_number(after, n) or (found and row_number(after, 1))):
                break
            n, last = int(after.seg.text), i
        elif not is_cell(tokens[i]):
            break
        i += 1
    return found


def typed(rules: Rules, tok: Token) -> str | None:
    """`units` or `deadline` when a cell can only be a unit list or a time limit."""
    text = tok.seg.text
    units = task_units(text)
    # (no digit: 建设公共停车场2处 ends in 处 and is a task)
    if units and all(u.endswith(rules.unit_suffixes) and not DIGIT.search(u) for u in units):
        return "units"
    if len(text) <= DEADLINE_MAX and (
        DEADLINE_WORDS.search(text) or deadlines_in(rules, text, None)
    ):
        return "deadline"
    return None


def read_table(rules: Rules, tokens: list[Token], start: int, roles: list[str]) -> int:
    """Mark the rows after the header at tokens[start:]; return the index after the table."""
    columns = [r for r in roles if r != "number"]
    numbers = row_numbers(tokens, start, len(columns))
    if not numbers:
        return start
    # cells a row prints before its number (a merged name cell); a section row is none
    lead = next(
        (k for k in range(numbers[0] - start) if not is_cell(tokens[numbers[0] - k - 1])),
        numbers[0] - start,
    )
    ends = [*numbers[1:], min(len(tokens), numbers[-1] + 1 + len(columns) - lead)]
    before = tokens[numbers[0] - lead : numbers[0]]
    for k, at in enumerate(numbers):
        between = [t for t in tokens[at + 1 : ends[k]] if is_cell(t)]
        after = between
        if k + 1 < len(numbers) and lead:
            # the next row's name cell stands last, unless that cell is a unit list or a date
            nxt = [t for t in between[-lead:] if typed(rules, t) is None]
            after = between[: len(between) - len(nxt)] if len(nxt) == lead else between
        free = columns[len(before) :] if before else columns
        placed = [*zip(before, columns), *zip(after, free[len(free) - len(after) :])]
        if not before and _barred(tokens[at], after, roles):  # its bars say each cell's column
            placed = [(tok, roles[tok.seg.column]) for tok in after]
            short = max(tok.seg.column or 0 for tok in after) + 1 < len(roles)
            if short and len(roles) <= KINDS_MAX:
                placed = _by_kind(rules, after, roles[1:])  # merged cells left out (rowspan)
        elif not before and 1 < len(after) < len(columns) <= KINDS_MAX:
            # a cell the page left empty or marked `—` (dropped) is lost, wherever it stood
            placed = _by_kind(rules, after, columns)
        for tok, role in placed:
            tok.seg.cell = role
            tok.kind = "text"  # a cell, whatever its words look like
        tokens[at] = row_heading(tokens[at], int(tokens[at].seg.text))
        if before:  # the row's cells after its number, so that they are the row's
            tokens[at - len(before) : at + 1] = [tokens[at], *before]
        before = between[len(after) :]
    return ends[-1]


def _barred(number: Token, cells: list[Token], roles: list[str]) -> bool:
    """A row printed with bars on one line, its number first: each cell's index is known, empty
    cells counted, so a cell left empty shifts none after it (`2 | 推进… | 县司法局 |  | 持续推进`)."""
    line, first = number.seg.line, number.seg.column
    return (
        first == 0
        and roles[:1] == ["number"]
        and bool(cells)
        and all(
            t.seg.line == line and t.seg.column is not None and t.seg.column < len(roles)
            for t in cells
        )
    )


KINDS_MAX = 12  # columns a short row's cells are fitted to (combinations: 462 at most for 11)
# which columns a cell of each kind may stand in (typed: units, deadline, or None for words)
FITS = {"units": UNIT_ROLES, "deadline": ("deadline",), None: ("task", "text")}


def _by_kind(rules: Rules, cells: list[Token], roles: list[str]) -> list[tuple[Token, str]]:
    """The columns of a row that printed fewer cells than its header names, its merged cells
    (a category, a lead unit spanning rows) left out by the page: the cells in order, each in
    a column its kind fits (a unit list in a unit column, a time limit in the time-limit one),
    the rightmost such columns where several fit."""
    kinds = [typed(rules, tok) for tok in cells]
    best: tuple[int, tuple[int, ...]] = (-1, ())
    for cols in combinations(range(len(roles)), len(cells)):
        score = sum(roles[c] in FITS[k] for c, k in zip(cols, kinds))
        if score >= best[0]:  # (>=: of equal fits the last, i.e. rightmost, columns win)
            best = (score, cols)
    return [(tok, roles[c]) for tok, c in zip(cells, best[1])]


def row_heading(tok: Token, n: int) -> Token:
    """The number cell of row n as a candidate heading of the table's own numbering."""
    tok.seg.cell = "number"
    return Token("heading", tok.seg, "table_row", "", n, str(n), ROW_NUMBERING, LIST_TIER, order=0)


def spaced_header(rules: Rules, text: str) -> list[str]:
    """The roles of a header row printed on one line with spaces between its labels
    (`序号 类别 主要任务 牵头单位 责任单位`), or []: the first label numbers the rows."""
    first = text.split(None, 1)[:1]
    if not first or rules.table_columns.get(first[0]) != "number":
        return []  # (asked of every line: most are not cut up further)
    parts = text.split()
    roles = [rules.table_columns.get(p) for p in parts]
    if len(roles) < MIN_COLUMNS or None in roles or roles[0] != "number" or "task" not in roles:
        return []
    return [r for r in roles if r is not None]


def spaced_cells(rules: Rules, text: str, columns: list[str], line: int) -> list[Token]:
    """The rest of a row printed with spaces between its cells: a cell a column when its
    words split into as many parts as the header has columns, each of the kind its column
    holds (a unit list under a unit column, a time limit under the time limit's); else one
    text, the cells unsplit (a PDF spaces words too)."""
    parts = text.split()
    cells = [Token("text", Segment(line, p, p, cont=True, context="space")) for p in parts]
    if place_cells(rules, cells, columns):
        return cells
    return [Token("text", Segment(line, text, text, cont=True, context="space"))]


def place_cells(rules: Rules, cells: list[Token], columns: list[str]) -> bool:
    """Mark each cell with its column when there is one cell a column, each of its column's
    kind; else leave them unmarked and say so."""
    fits = len(cells) == len(columns) > 1 and all(
        role in FITS[typed(rules, tok)] or role == "text" and typed(rules, tok) is None
        for tok, role in zip(cells, columns)
    )
    for tok, role in zip(cells, columns) if fits else ():
        tok.seg.cell = role
    return fits


def read_spaced_rows(
    rules: Rules,
    tokens: list[Token],
    start: int,
    columns: list[str],
    shape: regex.Pattern[str] = SPACED_ROW,
) -> tuple[dict[int, list[Segment]], int]:
    """Rows printed a line each with spaces between cells whose own words hold spaces too
    (a PDF's): the number at the line start becomes the row's heading and the rest its text,
    the cells unsplit. Lines between rows continue the row above. Returns the segments cut,
    by id of the segment they replace, and the index after the table."""
    cut: dict[int, list[Segment]] = {}
    n, i = 1, start - 1
    while (i := i + 1) < len(tokens):
        tok = tokens[i]
        m = shape.fullmatch(tok.seg.text)
        if row_number(tok, n):  # a long line was cut at its spaces already
            tokens[i] = row_heading(tok, n)
            k = i + 1
            while k < len(tokens) and is_cell(tokens[k]) and not row_number(tokens[k], n + 1):
                k += 1
            place_cells(rules, tokens[i + 1 : k], columns)
            n += 1
        elif m and int(m[1]) == n:
            seg = tok.seg
            number = Segment(seg.line, m[1], m[1])
            cells = spaced_cells(rules, m[2], columns, seg.line)
            tokens[i : i + 1] = [row_heading(Token("text", number), n), *cells]
            cut[id(seg)] = [number, *(c.seg for c in cells)]
            n += 1
        elif not is_cell(tok):
            break
    return cut, i


def glued_header(rules: Rules, text: str) -> list[str]:
    """The roles of a header row printed as one run of labels, its spaces gone
    (`工作任务工作要求牵头单位责任单位`), or [] when the text holds no such run with a task and
    a unit column."""
    compact = SPACES.sub("", text)
    if not any(label in compact for label in _unit_labels(tuple(rules.table_columns.items()))):
        return []  # no unit column named: no table whose rows end with units
    best: list[str] = []
    run: list[str] = []
    end = -1
    for m in _labels(tuple(rules.table_columns)).finditer(compact):
        run = [*run, m.group()] if m.start() == end else [m.group()]
        end = m.end()
        if len(run) > len(best):
            best = run
    roles = [rules.table_columns[label] for label in best]
    return roles if len(roles) >= MIN_COLUMNS and "task" in roles else []


def only_labels(rules: Rules, text: str) -> bool:
    """Whether a line is nothing but column labels (`序号重点任务牵头单位责任单位完成时限`)."""
    rest = _labels(tuple(rules.table_columns)).sub("", SPACES.sub("", text))
    return not rest.strip("/／|")


def header_run_at(rules: Rules, text: str) -> int | None:
    """Where a header row run together at the end of a line begins (`…分解表工作任务工作要求
    牵头单位配合/责任单位`, its labels perhaps spaced out: `工 作 任 务牵头单位`), or None."""
    # the run ends the text with a label, spaces aside: a text ending otherwise is not searched
    # (the search costs ~45 µs a line)
    if text.rstrip()[-1:] not in _label_ends(tuple(rules.table_columns)):
        return None
    m = _header_run(tuple(rules.table_columns)).search(text)
    return m.start() if m and m.start() > 0 else None


@lru_cache(maxsize=8)
def _label_ends(labels: tuple[str, ...]) -> frozenset[str]:
    """The last characters of the column labels: a header row run on ends with one."""
    return frozenset(label[-1] for label in labels if label)


@lru_cache(maxsize=8)
def _header_run(labels: tuple[str, ...]) -> regex.Pattern[str]:
    """A run of at least MIN_COLUMNS column labels ending the text (`配合/` may join two)."""
    spaced = "|".join(
        r"\s*".join(map(regex.escape, label)) for label in sorted(labels, key=len, reverse=True)
    )
    one = rf"(?:\p{{Han}}{{2}}[/／])?(?:{spaced})\s*"
    return regex.compile(rf"(?:{one}){{{MIN_COLUMNS},}}$")


@lru_cache(maxsize=8)
def _unit_labels(columns: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(label for label, role in columns if role in UNIT_ROLES)


@lru_cache(maxsize=8)
def _labels(labels: tuple[str, ...]) -> regex.Pattern[str]:
    """Any column label, the longest first."""
    return regex.compile("|".join(map(regex.escape, sorted(labels, key=len, reverse=True))))


def run(state: State) -> None:
    tokens, i = state.notice, 0
    while i < len(tokens):
        text = tokens[i].seg.text
        glued = glued_header(state.rules, text) if len(text) <= GLUED_HEADER_MAX else []
        if glued and any(r in UNIT_ROLES for r in glued):
            state.tail_units_after = tokens[i].seg  # rows hold their unit cells (fields.py)
            state.glued_roles = glued
            if only_labels(state.rules, text):  # a header row on its own line: no title
                tokens[i].seg.cell = "header"
                if glued[0] == "number" and not SPACES.search(text.strip()):
                    # its rows a line each, the number glued on: 1粮食…
                    cut, i = read_spaced_rows(state.rules, tokens, i + 1, [], GLUED_ROW)
                    segments = state.doc.segments
                    state.doc.segments = [p for s in segments for p in cut.get(id(s), [s])]
                    continue
        spaced = spaced_header(state.rules, text)
        if spaced:
            tokens[i].seg.cell = "header"
            if spaced[-1] in UNIT_ROLES:
                state.tail_units_after = tokens[i].seg
            cut, i = read_spaced_rows(state.rules, tokens, i + 1, spaced[1:])
            segments = state.doc.segments
            state.doc.segments = [p for s in segments for p in cut.get(id(s), [s])]
            continue
        roles = header_roles(state.rules, tokens, i)
        if roles:
            for tok in tokens[i : i + len(roles)]:
                tok.seg.cell = "header"
                tok.kind = "text"
            i = read_table(state.rules, tokens, i + len(roles), roles)
        else:
            i += 1
