"""Rows of a task table run together on one line: where a row's task ends and its units stand.

A page that lost its table's cell breaks prints a row of 工作任务 | 牵头单位 | 责任单位 | 工作要求
as one run of text: `按月公开全省财政收支情况省财政厅各设区市，平潭综合实验区在“中国福建”门户网站…`.
Its units are the first run of unit names after the task: names glued to one another (a cell
that listed them a line each), each starting with a place or 各 (`省财政厅各设区市`), then names
separated by ，、 (`各设区市，平潭综合实验区`). Once a list is separated, a name glued after it
starts the next cell's text (`…平潭综合实验区管委会各设区市、平潭综合实验区管委会要按照`).

A name ends in a unit word (局 厅 委 办 区 市 …), never inside a longer one (`省直各部|门`,
`各设区|市`, `平潭综合实验区|管委会`), and never before the 各部门 of its own departments
(`省政府各部门` is one name). A first name that holds a later place start is the task's words run
on into a unit (`…全省财政收支情况省财政厅`): the run starts at the later place.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .rules import Rules
from .units import BRACKETED_END, OWN_PLACE

SEPARATORS = "，、,；;"
MAX_NAME = 16  # a glued "name" longer than this is the task's words
# a name goes on past a shorter name only by a unit word (省政府|新闻办, 各设区市|政府): more, or
# a place's start, is the next cell (平潭综合实验区|继续推进普通高校, …管委会|各设区市、…)
MAX_EXTENSION = 4
# the characters of a name; inside its brackets a list may stand (各县（市、区）人民政府)
NAME_CHAR = regex.compile(r"[\p{Han}“”+＋]")
NOT_IN_NAME = regex.compile(r"的|负责|牵头|配合|分工|完成|要|应当|附件")
OPEN, CLOSE = "（(", "）)"
# 省政府各部门, 区直各有关单位: the departments of the name before, not a unit of their own
OWN_DEPARTMENTS = regex.compile(r"各(?:有关|直属)?(?:部门|单位|机构|处室|科室)")
# words a name never ends inside, besides the unit words of more than one character
PLACE_WORDS = ("设区市", "乡镇", "自治区", "自治州", "自治县", "街道")
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


def _words(rules: Rules) -> tuple[str, ...]:
    return (*(s for s in rules.unit_suffixes if len(s) > 1), *PLACE_WORDS)


def _inside_word(words: tuple[str, ...], text: str, e: int) -> bool:
    """Whether a unit word runs across position e (省直各部|门) or starts at it (实验区|管委会)."""
    for w in words:
        for k in range(len(w)):
            if text.startswith(w, e - k) and e - k + len(w) > e:
                return True
    return False


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
        closed = e == len(text) or text[e] in SEPARATORS or text[e].isspace()
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
    if glued and not text.startswith(OWN_PLACE, p):
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
    return [(p, ends[0])] if ends else None


def _clean(rules: Rules, text: str, p: int, e: int, words: tuple[str, ...]) -> bool:
    """A first name holds no later place start after words that are no name (全省财政收支情况
    省财政厅); a determiner or a name may stand there (省直各部门, 省政府各部门)."""
    for q in range(p + 1, e - 1):
        if not text.startswith(OWN_PLACE, q):
            continue
        before = text[p:q]
        if before.endswith(DETERMINERS) or q in _ends(rules, text[:q], p, words):
            continue
        if e in _ends(rules, text[:e], q, words):
            return False
    return True


def unit_run(rules: Rules, text: str) -> Run | None:
    """The first run of unit names after a row's task: two names or more, or one set off by a
    space (an empty cell's trace); None when the row names none."""
    words = _words(rules)
    for p in range(2, len(text)):
        if not text.startswith(OWN_PLACE, p):
            continue
        spans = _names(rules, text, p, True, words)
        if not spans or not _clean(rules, text, *spans[0], words):
            continue
        end = spans[-1][1]
        spaced = text[p - 1].isspace() or end == len(text) or text[end].isspace()
        if len(spans) > 1 or spaced:
            glued = len(spans) > 1 and spans[0][1] == spans[1][0]
            return Run(p, end, [text[s:e] for s, e in spans], glued)
    return None
