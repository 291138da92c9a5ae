"""Rows of a task table run together on one line: where a row's task ends and its units stand.

A page that lost its table's cell breaks prints a row of 工作任务 | 牵头单位 | 责任单位 | 工作要求
as one run of text: `按月公开全省财政收支情况省财政厅各设区市，某综合实验区在“中国某省”门户网站…`.
Its units are the first run of unit names after the task: names glued to one another (a cell
that listed them a line each), each starting with a place or 各 (`省财政厅各设区市`), then names
separated by ，、 (`各设区市，某综合实验区`). Once a list is separated, a name glued after it
starts the next cell's text (`…某综合实验区管委会各设区市、某综合实验区管委会要按照`).

A name ends in a unit word (局 厅 委 办 区 市 …), never inside a longer one (`省直各部|门`,
`各设区|市`, `某综合实验区|管委会`), and never before the 各部门 of its own departments
(`省政府各部门` is one name). A first name that holds a later place start is the task's words run
on into a unit (`…全省财政收支情况省财政厅`): the run starts at the later place.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import precompiled
from .model import Issue, Node
from .normalize import mend_spaces
from .paragraphs import join_paragraphs
from .rules import Rules
from .state import State
from .tables import UNIT_ROLES
from .units import BRACKETED_END, OWN_PLACE

SEPARATORS = "，、,；;"
DEADLINE_MAX = 16  # a time-limit cell is short: 2023年12月底前, 持续推进
MAX_NAME = 16  # a glued "name" longer than this is the task's words
# a name goes on past a shorter name only by a unit word (省政府|新闻办, 各设区市|政府): more, or
# a place's start, is the next cell (某综合实验区|继续推进普通高校, …管委会|各设区市、…)
MAX_EXTENSION = 4
# the characters of a name; inside its brackets a list may stand (各县（市、区）人民政府)
NAME_CHAR = precompiled.pattern(r"[\p{Han}“”+＋]")
NOT_IN_NAME = precompiled.pattern(r"的|负责|牵头|配合|分工|完成|要|应当|附件")
OPEN, CLOSE = "（(", "）)"
# 省政府各部门, 区直各有关单位: the departments of the name before, not a unit of their own
OWN_DEPARTMENTS = precompiled.pattern(r"各(?:有关|直属)?(?:部门|单位|机构|处室|科室)")
# words a name never ends inside, besides the unit words of more than one character
PLACE_WORDS = ("设区市", "乡镇", "县区", "县市区", "自治区", "自治州", "自治县", "街道")
# words whose second character is a place's (城市, 全省): no name starts there
PLACE_INSIDE = precompiled.pattern(r"(?<=[城全本我两])[市省区县乡]|(?<=[城])乡")
# a time limit's start: the cell after a lone unit's, in a table whose last column is deadlines
DEADLINE_START = precompiled.pattern(
    r"\d|持续|长期|常态|及时|每[年月周季]|年底|年内|[上下]半年|第?[一二三四]季度|全年"
)
# what may stand before a place start inside one name (各区属事业单位, 省直各部门)
DETERMINERS = ("各", "省直", "市直", "区直", "县直")


@dataclass(slots=True)
class Run:
    """A run of unit names inside a row: where it starts and ends, its names, and whether its
    first name is glued to the second (the lead cell's, before the next cell's list)."""

    start: int
    end: int
    names: list[str]
    glued_first: bool


@dataclass(slots=True)
class GluedRow:
    """A row of a table run together on one line: its text up to the end of its units (the
    heading's line, and the next segment when a space cut the row before its units), the run
    of units in it, how many of the node's segments it took, and its time-limit cell when the
    table's last column is one (set by glued_row)."""

    text: str
    run: Run
    used: int
    deadline: str | None = None


def glued_row(node: Node, row: GluedRow, roles: list[str], issues: list[Issue]) -> None:
    """A row run together: its task before its units is its title, what follows them its
    text, or its time limit when that is the table's last column and all that follows (never
    its text); with a lead column, a first name glued to the next leads."""
    run = row.run
    rest = row.text[run.end :].strip()
    if roles[-1] == "deadline" and len(rest) <= DEADLINE_MAX and len(node.segs) == row.used:
        row.deadline, rest = rest or None, ""
    node.title = mend_spaces(row.text[: run.start].strip()) or None
    node.text = join_paragraphs(node.segs[row.used :], issues, rest)
    node.responsible.extend(u for u in run.names if u not in node.responsible)
    if "lead" in roles and run.glued_first:
        node.lead.append(run.names[0])


def find_row(rules: Rules, node: Node) -> GluedRow | None:
    """The row run together on a task's heading line (or on it and the next segment), or None
    when no run of units stands in it."""
    run = unit_run(rules, node.head)
    if run is not None:
        return GluedRow(node.head, run, 1)
    if len(node.segs) > 1 and node.segs[1].context == "space":  # `…公开透明 省政府各部门、…`
        text = f"{node.head} {node.segs[1].text}"
        run = unit_run(rules, text)
        if run is not None and run.start > len(node.head):
            return GluedRow(text, run, 2)
    return None


def glued_rows(state: State) -> dict[str, GluedRow]:
    """Each row after a header row run together whose unit columns follow its task column
    (工作任务牵头单位责任单位工作要求), by node id: the tasks that name units."""
    after, roles = state.tail_units_after, state.glued_roles
    if after is None or "task" not in roles[:-1]:
        return {}
    if roles[roles.index("task") + 1] not in UNIT_ROLES:
        return {}
    position = {id(s): k for k, s in enumerate(state.doc.segments)}
    start = position.get(id(after), len(state.doc.segments))
    return {
        node.id: row
        for node in state.doc.walk()
        if not node.children
        and position.get(id(node.segs[0]), -1) > start
        and (row := find_row(state.rules, node)) is not None
    }


def _words(rules: Rules) -> tuple[str, ...]:
    return (*(s for s in rules.unit_suffixes if len(s) > 1), *PLACE_WORDS)


def _inside_word(words: tuple[str, ...], text: str, e: int) -> bool:
    """Whether a unit word runs across position e (省直各部|门) or starts at it (实验区|管委会):
    a word found starting within its length before e, up to e (one search a word, not one
    test of each place it could start)."""
    return any(text.find(w, max(0, e - len(w) + 1), e + len(w)) >= 0 for w in words)


def _ends(rules: Rules, text: str, p: int, words: tuple[str, ...]) -> list[int]:
    """Where a name starting at p may end, shortest first."""
    out: list[int] = []
    depth = 0
    for e in range(p + 1, min(len(text), p + MAX_NAME) + 1):
        ch = text[e - 1]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth < 0:
                break
        elif not (NAME_CHAR.match(ch) or depth and ch in SEPARATORS):
            break
        name = text[p:e]
        if NOT_IN_NAME.search(name):
            break
        if depth or e - p < 2:
            continue
        bare = BRACKETED_END.sub("", name)
        # (a time limit's cell may follow: 各村（社区）2024年10月底前)
        closed = _cell_end(text, e) or text[e] in SEPARATORS
        if not (bare.endswith(rules.unit_suffixes) or name.startswith(("各", "有关")) and closed):
            continue
        if e < len(text) and (text[e] in OPEN or OWN_DEPARTMENTS.match(text, e)):
            continue  # the name takes its bracket and its own departments
        if _inside_word(words, text, e):
            continue
        if out and (
            e - out[0] > MAX_EXTENSION
            and text[out[0]] not in OPEN
            or text.startswith(OWN_PLACE, out[0])  # a glued name, not more of this one
        ):
            break
        out.append(e)
    return out


def _names(
    rules: Rules, text: str, p: int, glued: bool, words: tuple[str, ...]
) -> list[tuple[int, int]] | None:
    """The (start, end) of each name of a run from p; None when no name starts there. While
    `glued`, a name starts with a place; after a separator, names follow separators only."""
    if glued and not _starts(text, p):
        return None
    ends = _ends(rules, text, p, words)
    for e in ends:
        rest: list[tuple[int, int]] | None = None
        if e < len(text) and text[e] in SEPARATORS:
            rest = _names(rules, text, e + 1, False, words)
        elif glued:
            rest = _names(rules, text, e, True, words)
        if rest:
            return [(p, e), *rest]
    # the last name: the shortest, unless only a longer one ends where a cell ends (区政府|办)
    last = next((e for e in ends if _cell_end(text, e)), ends[0]) if ends else None
    return [(p, last)] if last else None


def _cell_end(text: str, e: int) -> bool:
    return e == len(text) or text[e].isspace() or bool(DEADLINE_START.match(text, e))


def _starts(text: str, p: int) -> bool:
    """Whether a name may start at p: a place's start that no word runs across (城市, 全省)."""
    return text.startswith(OWN_PLACE, p) and not PLACE_INSIDE.match(text, p)


def _clean(rules: Rules, text: str, p: int, e: int, words: tuple[str, ...]) -> bool:
    """A first name holds no later place start after words that are no name (…发布机制省住建厅);
    a determiner, one place's character or a name may stand there (省直各部门, 市市场监管局,
    省政府各部门)."""
    for q in range(p + 1, e - 1):
        if not _starts(text, q):
            continue
        before = text[p:q]
        if (
            len(before) == 1
            or before.endswith(DETERMINERS)
            or q in _ends(rules, text[:q], p, words)
        ):
            continue
        if e in _ends(rules, text[:e], q, words):
            return False
    return True


def unit_run(rules: Rules, text: str) -> Run | None:
    """The first run of unit names after a row's task: two names or more, or one set off by a
    space (an empty cell's trace), the row's end or a time limit; None when the row names none."""
    words = _words(rules)
    for p in range(2, len(text)):
        if not _starts(text, p):
            continue
        spans = _names(rules, text, p, True, words)
        if not spans or not _clean(rules, text, *spans[0], words):
            continue
        end = spans[-1][1]
        if len(spans) > 1 or text[p - 1].isspace() or _cell_end(text, end):
            glued = len(spans) > 1 and spans[0][1] == spans[1][0]
            return Run(p, end, [text[s:e] for s, e in spans], glued)
    return None
