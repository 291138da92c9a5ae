"""The grammar of responsible units: who leads, who is responsible, who helps.

A phrase that names units is a sequence of labelled lists (`牵头单位：A；责任单位：B、C`) and of
lists closed by a verb (`A牵头，B、C按职责分工负责`, `D配合`); a list may end in 等 and hold
bracketed parts (`各镇（街道）`). A label that names no units (完成时限：, 适用范围：) ends the list
before it. A unit's name ends in a unit word (局 委 办 厅 处 室 中心 政府 街道 …) or starts with
各/有关; the verbs and labels around it are never part of it. The patterns are the
`unit_phrases` rules of rules/responsibility.yaml; which of them a verb matched says its role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import precompiled
from .elements import split_outside
from .hanzi import simplify
from .rules import SPACES, Rules

MAX_UNIT = 40  # a longer "unit" is a sentence
MAX_PHRASE = 400  # a longer bracket or sentence is text, whatever units it names
# words no unit's name holds: a verb or a label left in it means the grammar did not apply
# (a quoted phrase may name a unit's work: 市“双随机、一公开”监管工作联席会议, 省“互联网+政务服务”联席办)
NOT_IN_UNIT = precompiled.pattern(r"负责|牵头|配合|分工|完成|[:：。《》\d]|“[^”]*$|(?<!机)要|应当")
OWN_PLACE = ("省", "市", "县", "区", "州", "乡", "镇", "各", "有关")
# compiled once: regex.finditer with a pattern string looks it up in regex's cache each call
AND = precompiled.pattern(r"及|和|与")
BRACKETED_END = precompiled.pattern(
    r"[（(〔][^（）()〔〕]*[）)〕]$"
)  # 各乡镇人民政府（街道办事处）
# where two names run together, their space lost (a page's `市政府办公室 市司法局`, a table
# cell's lines): a unit's last character, then the first of the next name's place
GLUED_NAMES = precompiled.pattern(r"(?<=[局厅委办室科站所院部])(?=[省市区县州镇乡各])")
TIME_WORDS = precompiled.pattern(r"(?:长期|持续|常态化)(?:坚持|推进|开展|落实)?")
# a unit marked as the lead inside a list: 县政府办（牵头）、各乡镇
LEAD_MARK = precompiled.pattern(r"[（(〈<【\[]\s*牵头\s*[）)〉>】\]]")
LEAD_MARK_END = precompiled.pattern(rf"\s*(?:{LEAD_MARK.pattern})$")
MIN_GLUED = 3  # 县委县政府, 区委区政府办公室: a two-character name stays joined to the next
# a division named bare in a list of divisions that share one unit's name: the 各市 of
# 各市、县（区）生态环境局, the 县 and 市 of 各县、市、区人民政府
BARE_DIVISION = precompiled.pattern(r"各?[省市县区州乡镇]")


@dataclass(slots=True)
class Roles:
    """The units a phrase names, by role; lead units are responsible too."""

    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)

    def add(self, role: str, units: list[str]) -> None:
        if role == "support":
            self.support.extend(u for u in units if u not in self.support)
            return
        if role == "lead":
            self.lead.extend(u for u in units if u not in self.lead)
        self.responsible.extend(u for u in units if u not in self.responsible)

    def __bool__(self) -> bool:
        return bool(self.responsible or self.support)


def is_unit(rules: Rules, name: str) -> bool:
    """The shape of a unit's name: a unit word at its end (a bracketed part after it aside)."""
    bare = BRACKETED_END.sub("", name)
    return (
        1 < len(name) <= MAX_UNIT
        and not NOT_IN_UNIT.search(name)
        and (bare.endswith(rules.unit_suffixes) or name.startswith(("各", "有关")))
    )


def split(rules: Rules, text: str) -> list[str]:
    """The names of a list, without the words around them. 及/和 split only between two whole
    names, the second naming its own place (各村及包村工作队, 粮食和储备局 stay one); so do two
    names run together."""
    phrases = rules.unit_phrases
    out: list[str] = []
    for piece in shared_names(split_outside(text, phrases["unit_split"].pattern)):
        name = phrases["unit_trim"].sub("", piece.strip())
        if name:
            out.extend(u for part in _split_and(rules, name) for u in _split_glued(rules, part))
    return out


def shared_names(pieces: list[str]) -> list[str]:
    """The pieces of a list with each bare division joined to the name it shares
    (各市, 县（区）生态环境局 -> 各市、县（区）生态环境局; 各州, 市, 县（区）人民政府 -> one); a piece
    naming others (各…, 有关…) stays apart."""
    out: list[str] = []
    last = ""  # the piece before, alone: 各州、市、县（区）人民政府 shares over two divisions
    for piece in pieces:
        if out and BARE_DIVISION.fullmatch(last.strip()) and not piece.startswith(("各", "有关")):
            out[-1] = f"{out[-1].strip()}、{piece.strip()}"
        else:
            out.append(piece)
        last = piece
    return out


def names_only(rules: Rules, text: str) -> list[str]:
    """The names of a list (split) when every one has the shape of a unit's name, else []."""
    names = split(rules, text)
    return names if all(is_unit(rules, u) for u in names) else []


def _split_glued(rules: Rules, name: str) -> list[str]:
    """Two whole names run together (市政府办公室市司法局) apart; one name (市委宣传部) whole."""
    for m in GLUED_NAMES.finditer(name):
        left, right = name[: m.start()], name[m.start() :]
        if (
            min(len(left), len(right)) >= MIN_GLUED
            and is_unit(rules, left)
            and is_unit(rules, right)
        ):
            return [left, *_split_glued(rules, right)]
    return [name]


def _split_and(rules: Rules, name: str) -> list[str]:
    for m in AND.finditer(name):
        left, right = name[: m.start()], name[m.end() :]
        own = right.startswith(OWN_PLACE)  # 高新区党工委和管委会: one 高新区's two
        if len(left) > 2 and own and is_unit(rules, left) and is_unit(rules, right):
            return [left, *_split_and(rules, right)]
    return [name]


def _label_role(rules: Rules, label: str) -> str:
    if label in rules.lead_labels:
        return "lead"
    return "support" if label in rules.support_labels else "responsible"


def read(rules: Rules, text: str, bare: bool = True) -> Roles:
    """The units of a phrase: its labelled lists, its lists closed by a verb, and (when `bare`)
    a list of nothing but unit names. Units that do not look like units are left out, except
    under a label with its colon, which vouches for them."""
    roles = Roles()
    if len(text) > MAX_PHRASE:
        return roles
    parts = _labelled_parts(rules, text)
    for label, colon, part in parts:
        if label is None:
            _verbs(rules, part, roles, None, bare and len(parts) == 1)
        elif label:
            _verbs(rules, part, roles, _label_role(rules, label), colon)
    return roles


def _labelled_parts(rules: Rules, text: str) -> list[tuple[str | None, bool, str]]:
    """(label, whether its colon is printed, its text) in order: None for text before any
    label, '' after a label that names no units."""
    parts: list[tuple[str | None, bool, str]] = []
    label: str | None = None
    colon, start = False, 0
    for m in rules.unit_phrases["labelled"].finditer(text):
        if m.start() > start or label is not None:
            parts.append((label, colon, text[start : m.start()]))
        label, colon, start = m["label"] or "", bool(m["colon"]), m.end()
    parts.append((label, colon, text[start:]))
    return [p for p in parts if p[2].strip("，,；;。 ")]


def _closed_lists(rules: Rules, text: str) -> tuple[list[tuple[str, str]], str]:
    """(verb role, the text of the list it closes) for each verb, and the text after the last."""
    lists, start = [], 0
    for m in rules.unit_phrases["role"].finditer(text):
        verb = next(k for k in ("lead", "support", "resp") if m[k])
        lists.append((verb, text[start : m.start()]))
        start = m.end()
    return lists, text[start:]


def _unmarked(names: list[str]) -> tuple[list[str], list[str]]:
    """The names without their lead marks (县政府办（牵头）), and those that had one."""
    bare = [LEAD_MARK_END.sub("", u) for u in names]
    return bare, [b for b, u in zip(bare, names) if b != u]


def _verbs(rules: Rules, text: str, roles: Roles, role: str | None, trusted: bool) -> None:
    """Lists closed by a verb, then what is left: a list of unit names, or under a label with
    its colon (`role`, `trusted`) whatever names it lists (全区经济运行各专班). A name marked
    （牵头） in a list leads."""
    lists, after = _closed_lists(rules, text)
    for verb, part in lists:
        units, leads = _unmarked(split(rules, part))
        if units and all(is_unit(rules, u) for u in units):
            roles.add("lead", leads)
            roles.add(role if verb == "resp" and role else _verb_role(verb), units)
    rest, leads = _unmarked(split(rules, after))
    rest = [u for u in rest if not _time_limit(rules, u)]  # （市政府办，2023年6月底前）
    if not rest:
        return
    if role is not None and (trusted or is_unit(rules, rest[0])):
        roles.add("lead", leads)
        roles.add(role, [u for u in rest if 1 < len(u) <= MAX_UNIT and not NOT_IN_UNIT.search(u)])
    elif (role is not None or trusted) and all(is_unit(rules, u) for u in rest):
        roles.add("lead", leads)
        roles.add(role or "responsible", rest)


def _time_limit(rules: Rules, piece: str) -> bool:
    """A time limit listed beside the units (2023年6月底前, 长期坚持): no name."""
    return bool(TIME_WORDS.fullmatch(piece)) or any(p.fullmatch(piece) for _, p in rules.deadlines)


def _verb_role(verb: str) -> str:
    return {"lead": "lead", "support": "support"}.get(verb, "responsible")


def whole(rules: Rules, text: str) -> Roles:
    """The units of a sentence that says nothing else (`市政府办牵头，各部门配合`): every piece a
    unit and every list closed by a verb; else nothing."""
    if len(text) > MAX_PHRASE:
        return Roles()
    lists, after = _closed_lists(rules, text)
    if not lists or after.strip("，,；;。 "):
        return Roles()
    if any(not all(is_unit(rules, u) for u in split(rules, part)) for _, part in lists):
        return Roles()
    return read(rules, text, bare=False)


def key(rules: Rules, name: str) -> str:
    """A unit's name for lookup: simplified, spaces and brackets' width aside, its long words
    shortened as plans shorten them (市政府办公室, 市人民政府办公室 -> 市政府办)."""
    out = simplify(SPACES.sub("", name)).replace("(", "（").replace(")", "）")
    for full, short in rules.unit_abbreviations:
        out = out.replace(full, short)
    return out
