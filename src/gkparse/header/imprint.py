"""版记 after the body: 抄送 (its units, wrapped over lines), 印发机关 and 印发日期 (on one line, or
the unit on the line above its date), a 附注 printed there, and the closing text after them; on
a flattened page, the 附注 and 抄送 run on after the signature's date (run_on)."""

from __future__ import annotations

from ..dates import find_date
from ..elements import split_units, units_line
from ..model import Document, Node, Segment, Token
from ..rules import Rules


def starts(rules: Rules, text: str) -> bool:
    """抄送, or 印发 with its date: the 版记 begins."""
    if rules.header["cc"].fullmatch(text):
        return True
    m = rules.header["printed"].fullmatch(text)
    return bool(m and find_date(m["date"]))


def read(
    rules: Rules,
    doc: Document,
    tokens: list[Token],
    i: int,
    closing: list[Segment],
    current: Node | None,
) -> bool:
    """Take tokens[i] when it is 抄送 or 印发; a 印发机关 on the line above its date is taken
    out of the closing text or the current item, whichever holds it."""
    h, seg = doc.header, tokens[i].seg
    m = rules.header["cc"].fullmatch(seg.text)
    more = _cc_wrapped(rules, tokens[i - 1].seg, seg.text) if i and not m else None
    if m or more:
        h.cc.extend(more or split_units(rules, m["units"]))
        seg.owner = "header.cc"
        return True
    m = rules.header["printed"].fullmatch(seg.text)
    if not m or not find_date(m["date"]):
        return False
    h.printed = find_date(m["date"])
    seg.owner = "header.printed"
    printer = m["printer"].strip()
    prev = tokens[i - 1].seg if i else None
    if not printer and prev is not None and units_line(rules, prev.text):
        printer = prev.text
        prev.owner = "header.printer"
        for place in (closing, current.segs if current else []):
            if prev in place:
                place.remove(prev)
    h.printer = printer or h.printer
    return True


def _cc_wrapped(rules: Rules, prev: Segment, text: str) -> list[str] | None:
    """The units of a 抄送 line wrapped onto this one (GB/T 9704 7.4.2: 回行时与冒号后的首字
    对齐): the line above is the 抄送's and ends in a list's separator; None otherwise."""
    if prev.owner != "header.cc" or not prev.text.endswith(("，", ",", "、")):
        return None
    units = split_units(rules, text.rstrip("。."))
    return units if units and all(u.endswith(rules.unit_suffixes) for u in units) else None


def run_on(rules: Rules, doc: Document, line: int, tail: str, pieces: list[Segment]) -> str:
    """The 附注 and the 抄送 run on after the date of a flattened page (`（此件主动公开） 抄送：
    某部门。 分享到：`), each a piece of its own; what is left after them."""
    note = rules.header["note_under_date"].match(tail)
    if note and not doc.header.note:
        doc.header.note = note["note"]
        pieces.append(Segment(line, note.group(), note.group(), owner="header.note"))
        tail = tail[note.end() :].strip()
    head, stop, rest = tail.partition("。")  # (the 抄送 list ends at its full stop)
    cc = rules.header["cc"].fullmatch(head)
    if cc and not doc.header.cc:
        doc.header.cc = split_units(rules, cc["units"])
        pieces.append(Segment(line, head + stop, head + stop, owner="header.cc"))
        tail = rest.strip()
    return tail


def beyond(rules: Rules, tail: str) -> str:
    """What a flattened page prints after a signature's date that is neither its 附注, its 抄送
    nor its 印发 line (`（此件公开发布）抄送：…。某办公厅 2021年8月17日印发`)."""
    note = rules.header["note_under_date"].match(tail)
    tail = tail[note.end() :].strip() if note else tail
    head, _, rest = tail.partition("。")
    tail = rest.strip() if rules.header["cc"].fullmatch(head) else tail
    return "" if rules.header["printed"].fullmatch(tail) else tail


def after(rules: Rules, doc: Document, seg: Segment, closing: list[Segment]) -> None:
    """A line after 抄送/印发: a 附注, or closing text."""
    m = rules.header["note"].fullmatch(seg.text)
    if m:
        doc.header.note = m["note"]
        seg.owner = "header.note"
    else:
        closing.append(seg)
