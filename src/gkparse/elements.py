"""Recognisers of single header elements: a 文号, a unit's name, a list of units, 主送机关, 附件.

Each looks at one text and says what it is; where it stands in the notice is the header package's business.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .normalize import strip_spaces
from .rules import Rules

SENTENCE_END = "。！？；"
SENTENCE_STOP = regex.compile(f"[{SENTENCE_END}]")  # where a sentence ends inside a text
# compiled once: regex.fullmatch(pattern, …) looks the pattern up at each call (~4 µs)
UNIT_CHARACTERS = regex.compile(r"[\p{Han}（）()·]+")
COLON = regex.compile(r"[:：]")


def doc_number(rules: Rules, text: str) -> str | None:
    """`X府办函202314` -> `X府办函〔2023〕14号`; None unless the whole text is a 发文字号."""
    m = rules.header["doc_number"].fullmatch(strip_spaces(text))
    if not m or not m["code"]:
        return None
    return f"{m['code']}〔{m['year']}〕{int(m['serial'])}号"


def is_unit(rules: Rules, text: str) -> bool:
    """A unit's name alone on a line: XX市XX局, XX区XX办公室."""
    return (
        3 <= len(text) <= 40
        and UNIT_CHARACTERS.fullmatch(text) is not None
        and text.endswith(rules.unit_suffixes)
        and not any(word in text for word in rules.unit_never)
    )


LETTER_SPACED_MIN = 3  # characters of a line spaced out one by one (`云 岭 市 人 民 政 府`)


def line_names(text: str) -> list[str]:
    """The names a line prints apart (joint issuers, two a line); a line spaced out character
    by character (a signature or mark a PDF or a typist spread to a width) is one name."""
    parts = text.split()
    if len(parts) >= LETTER_SPACED_MIN and all(len(p) == 1 for p in parts):
        return ["".join(parts)]
    return parts


def units_line(rules: Rules, text: str) -> list[str] | None:
    """One or more unit names on a line, separated by spaces (joint issuers print two a line)."""
    parts = line_names(text)
    return parts if parts and all(is_unit(rules, p) for p in parts) else None


LIST_BREAK = regex.compile(r"[，,；;]")  # between the units of a list…
ENUMERATION = regex.compile(r"、")  # …and between names that may share one ending
OTHER_KIND = regex.compile(r"[（(][^（）()]{1,4}[）)]$")  # 司法厅（局）, 人民政府（办事处）


def split_outside(text: str, separator: regex.Pattern[str]) -> list[str]:
    """`text` split at each match of `separator` that stands outside brackets, and outside
    quotes when they pair (市“双随机、一公开”监管工作联席会议 is one name)."""
    parts, start, depth = [], 0, 0
    quotes = "“" in text and text.count("“") == text.count("”")
    for m in _with_brackets(separator.pattern).finditer(text):
        if m.group() in "“”" and not quotes:
            continue
        if m.group() in "（(〔“":
            depth += 1
        elif m.group() in "）)〕”":
            depth = max(0, depth - 1)
        elif not depth:
            parts.append(text[start : m.start()])
            start = m.end()
    return [*parts, text[start:]]


@lru_cache(maxsize=8)
def _with_brackets(separator: str) -> regex.Pattern[str]:
    return regex.compile(rf"[（()）〔〕“”]|{separator}")


def split_units(rules: Rules, text: str) -> list[str]:
    """Split a list of units on ，；, and on 、 only after a complete unit name, never inside
    brackets (`各县（市、区）人民政府` is one unit).

    `各村、居委会、企事业单位` is 各村、居委会 (村委会 and 居委会) and 企事业单位: a part that does
    not end like a unit's name stays joined to the next, and so does a bare kind of division
    (`各省、自治区、直辖市` sharing one name are one unit). A part that begins with 各 or 有关
    addresses other units: `各村（场）、有关部门` is two. A bare kind after 、 (`直属机构`, `场`)
    names no one on its own and shares the head of the part before.
    """
    out: list[str] = []
    for chunk in split_outside(text.strip(" ：:。"), LIST_BREAK):
        parts = split_outside(chunk, ENUMERATION)
        pending = ""
        for k, part in enumerate(parts):
            pending = f"{pending}、{part}" if pending else part
            division = part.strip().removeprefix("各") in rules.division_names
            # 各村、居委会 stays whole; 司法厅（局） ends like a unit's name, its other kind aside
            named = OTHER_KIND.sub("", pending)
            complete = len(named) > 2 and named.endswith(rules.unit_suffixes) and not division
            # 各县市区委、人民政府
            shared = k + 1 < len(parts) and parts[k + 1] in rules.unit_suffixes
            # 各村（场）、有关部门: the next part addresses others
            addressed = k + 1 < len(parts) and parts[k + 1].startswith(("各", "有关"))
            # 区政府各部门、直属机构: a kind with no name of its own is the unit before's
            bare = k + 1 < len(parts) and parts[k + 1].strip() in rules.bare_kinds
            if (complete or addressed and not division) and not shared and not bare:
                out.append(pending.strip())
                pending = ""
        if pending.strip():
            out.append(pending.strip())
    return [u for u in out if u]


ATTACHMENT_NUMBER = r"\d{1,2}\s*[.．、]"  # 附件：1.XX 2.XX — the number of one attachment
ATTACHMENT_START = regex.compile(rf"^{ATTACHMENT_NUMBER}\s*")
ATTACHMENT_NEXT = regex.compile(rf"\s+(?={ATTACHMENT_NUMBER})")


ATTACHMENT_ITEM_MAX = 80  # an attachment's name on a line of its own is short


def attachment_items(text: str) -> list[str]:
    """附件：1.XX方案 2.XX清单 -> [XX方案, XX清单]"""
    items = ATTACHMENT_NEXT.split(text.strip())
    return [ATTACHMENT_START.sub("", x).strip() for x in items if x.strip()]


# 附件说明's label: 附件 and a colon (`附件2：X` is the mark over an attachment, its title after it)
ATTACHMENT_LABEL = regex.compile(r"附\s*件\s*[:：]")
# `…请认真贯彻落实。附件：` + `1.XX`: a flattened page's 附件说明, its label glued to the cover
GLUED_ATTACHMENT_LABEL = regex.compile(r"[。；！？]\s*附\s*件\s*[:：]\s*$")


def opens_attachments(rules: Rules, text: str) -> str | None:
    """`附件：1.XX 2.XX` -> its items; `附件：` alone, or ending a sentence's line -> '' (a list
    follows, cut from the line or one a line; the line itself stays text); else None."""
    m = rules.header["attachments"].fullmatch(text)
    if m and ATTACHMENT_LABEL.match(text):
        return m["items"]
    return "" if GLUED_ATTACHMENT_LABEL.search(text) else None


def attachment_line(text: str) -> bool:
    """`2.XX方案` under `附件：1.XX`: the next attachment's name, on a line of its own."""
    return (
        bool(ATTACHMENT_START.match(text)) and len(text) <= ATTACHMENT_ITEM_MAX and "。" not in text
    )


def attachment_list(rules: Rules, texts: list[str]) -> list[bool]:
    """Which of the lines belong to a 附件说明 (GB/T 9704): `附件：1.XX` with the items cut
    from it, and the names `2.XX` under it. Their numbers number attachments, not headings."""
    out, attaching = [], False
    for text in texts:
        listed = attaching and attachment_line(text)
        opens = None if listed else opens_attachments(rules, text)
        attaching = listed or opens is not None
        out.append(listed or bool(opens))
    return out


SHARED_HEAD_MAX = 4  # 各村、居委会, 各县市区委、人民政府: a head that shares the next part's ending
RECIPIENTS_MAX = 1000  # a 主送机关 naming every city of a region is long, never a page


def is_recipients(rules: Rules, text: str) -> bool:
    """主送机关: unit names closed by a colon, most of them ending like a unit's name."""
    if not text or len(text) > RECIPIENTS_MAX or any(ch in text for ch in SENTENCE_END[:3]):
        return False
    if text[-1] not in ":：":  # the colon lost: every item must be a unit, and more than one
        units = split_units(rules, text)
        return (
            len(units) > 1
            and all(u.endswith(rules.unit_suffixes) for u in units)
            and all(len(u) <= 30 for u in units)
            and all(_whole_or_head(rules, p) for p in split_outside(text, ENUMERATION))
        )
    if rules.header["recipients"].fullmatch(text):
        return True
    units = split_units(rules, text)
    named = sum(u.endswith(rules.unit_suffixes) or u.startswith(("各", "有关")) for u in units)
    return bool(units) and named * 2 >= len(units) and all(_name_len(u) <= 40 for u in units)


def _whole_or_head(rules: Rules, part: str) -> bool:
    """A part of a list between 、: a unit's name, or a short head sharing the next part's ending
    (各村、居委会). A long part that is neither is a sentence's words (调研某公园一期、某医院)."""
    return part.strip().endswith(rules.unit_suffixes) or len(part.strip()) <= SHARED_HEAD_MAX


def _name_len(unit: str) -> int:
    """The length of a unit's longest name: `甲、乙、丙…癸市人民政府` (forty cities sharing one
    ending) is one recipient of short names."""
    return max(len(part) for part in unit.split("、"))


def recipients_prefix(rules: Rules, text: str) -> int | None:
    """Where a 主送机关 glued to the cover text ends: `各村委会：现将…` -> after the colon."""
    m = COLON.search(text)
    return (
        m.end()
        if m and len(text) - m.end() > 10 and is_recipients(rules, text[: m.end()])
        else None
    )
