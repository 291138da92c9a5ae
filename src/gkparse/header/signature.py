"""署名 and 成文日期: unit lines then a date alone on its line (or both on one line), closing
the cover; or under the numbered paragraphs of a notice that is its own body (after_body)."""

from __future__ import annotations

from .. import precompiled
from ..dates import DATE, find_date, parse_date_line
from ..elements import is_unit, line_names, units_line
from ..model import Document, Issue, Segment
from ..rules import Rules
from . import imprint
from .zone import AFTER, FILE_SUFFIX, HeaderState

# a 成文日期 a page damaged: its year, then no words (`2022??0?`, `2022年?月`)
DAMAGED_DATE = precompiled.pattern(
    r"(?:19|20)\d\d(?:年|[-./?？])[^\p{Han}]{0,12}(?:[月日][^\p{Han}]{0,6}){0,2}"
)
PRINTED_AFTER = precompiled.pattern(r"\s*印\s*发")  # the 版记's 印发日期, not the 成文日期
TAIL_MAX = 40  # after the date of a flattened page's signature: its clutter (来源：…), no more
# the words before a date: the unit names of a signature end a sentence or stand apart
# (or an attachment's file name: `…分解表.docx某办公室`)
BETWEEN_WORDS = precompiled.pattern(rf"(?<=[。；！？）)：:]|{FILE_SUFFIX})|\s+")


def read(s: HeaderState, i: int) -> int:
    tokens, rules, j, names = s.tokens, s.rules, i, []
    while j < len(tokens) and tokens[j].kind == "text" and units_line(rules, tokens[j].seg.text):
        names.append(tokens[j].seg.text)
        j += 1
    if j >= len(tokens):
        return 0
    text = tokens[j].seg.text
    date, ambiguous = parse_date_line(text)
    if not date and names and DAMAGED_DATE.fullmatch(text):
        # `某省人民政府办公厅` / `2022??0?`: a signature over a date the page damaged
        s.issues.append(Issue(tokens[j].seg.line, f"date {text} under the signature unreadable"))
    elif not date:
        inline = DATE.search(text)
        if not (
            inline
            and inline.start() > 0
            and units_line(rules, text[: inline.start()].strip())
            and inline.end() == len(text)
        ):
            return 0
        names.append(text[: inline.start()].strip())
        date = find_date(text)
    if ambiguous:
        s.issues.append(Issue(tokens[j].seg.line, f"date {text} can be read two ways; took {date}"))
    s.front.signature.extend(names)
    s.header.date = date or s.header.date
    for tok in tokens[i:j]:
        s.claim(tok.seg, "header.signature")
    s.claim(tokens[j].seg, "header.date")
    s.zone = AFTER
    return j - i + 1 + _note_under(s, j + 1)


def _note_under(s: HeaderState, j: int) -> int:
    """The 附注 on the line under the 成文日期, in brackets: 1 when there is one (taken)."""
    if j >= len(s.tokens) or s.tokens[j].kind != "text":
        return 0
    m = s.rules.header["note_under_date"].fullmatch(s.text(j))
    if not m:
        return 0
    s.header.note = m["note"]
    s.claim(s.tokens[j].seg, "header.note")
    return 1


def settle(s: HeaderState) -> None:
    if s.front.signature:
        s.header.signature = " ".join(s.front.signature)


def after_body(rules: Rules, doc: Document, closing: list[Segment]) -> None:
    """署名 and 成文日期 after the numbered paragraphs of a notice (GB/T 9704 puts them under
    the body): unit lines, then a date alone on its line, inside the last item before them;
    or, in a flattened page, at the end of the last item's text (then what follows them is the
    page's, for `closing`). The notice's own, when its header gave no signature; its date the
    成文日期 unless the page's metadata gave one."""
    if doc.header.signature:
        return
    if not _on_lines(rules, doc):
        _at_the_end(rules, doc, closing)


def _at_the_end(rules: Rules, doc: Document, closing: list[Segment]) -> None:
    """`…（参加单位：各所） 某县某局 二〇一二年九月六日 来源：某网`: the last full date of
    the last item's last text right after unit names, before little else than the 附注 and the
    版记 (whose 印发 date is not the signature's)."""
    nodes = doc.walk()
    if not nodes:
        return
    node = nodes[-1]
    seg = node.segs[-1]
    signed = [
        m
        for m in DATE.finditer(seg.text)
        if len(imprint.beyond(rules, seg.text[m.end() :].strip())) <= TAIL_MAX
        and not PRINTED_AFTER.match(seg.text, m.end())
    ]
    if not signed:
        return
    m = signed[-1]
    before = seg.text[: m.start()].rstrip()
    words = BETWEEN_WORDS.split(before)
    k = len(words)
    while k > 0 and is_unit(rules, words[k - 1]):
        k -= 1
    names = words[k:]
    named = _named_by_title(rules, doc)
    if not names and named and before.endswith(named) and len(before) > len(named):
        names = [named]  # (…统计表某省人民政府办公厅2016年7月22日: glued to the text before)
    if not names or k == 0 and seg is node.segs[0]:
        return
    # where the signature begins: its first name, ahead of the others' characters
    start = before.rfind(names[0], 0, len(before) - sum(map(len, names[1:])))
    text, tail = seg.text[:start].rstrip(), seg.text[m.end() :].strip()
    header = doc.header
    header.signature = " ".join(names)
    header.issuer = header.issuer or "、".join(names)
    header.date = header.date or find_date(m.group())
    if seg is node.segs[0]:  # the heading's own line: its text after the marker too
        node.head = node.head[: len(node.head) - (len(seg.text) - len(text))].rstrip()
    pieces = [Segment(seg.line, " ".join(names), " ".join(names), owner="header.signature")]
    if text:
        seg.text = seg.raw = text
    else:  # the signature's own line: it leaves the item
        node.segs.pop()
        seg.text = seg.raw = pieces.pop().text
        seg.owner = "header.signature"
    pieces.append(Segment(seg.line, m.group(), m.group(), owner="header.date"))
    tail = imprint.run_on(rules, doc, seg.line, tail, pieces)
    if tail:
        pieces.append(Segment(seg.line, tail, tail))
        closing.append(pieces[-1])
    at = next(k for k, x in enumerate(doc.segments) if x is seg) + 1
    doc.segments[at:at] = pieces


def _named_by_title(rules: Rules, doc: Document) -> str | None:
    """The issuer the notice's title begins with (`某省人民政府办公厅关于…`), when one unit."""
    m = rules.header["title_issuers"].match(doc.header.title or "")
    names = m and units_line(rules, m["issuers"])
    return names[0] if names and len(names) == 1 else None


def _on_lines(rules: Rules, doc: Document) -> bool:
    header = doc.header
    for node in doc.walk():
        segs = node.segs
        for k in range(2, len(segs)):
            if segs[k].cell is not None or segs[k].column is not None:
                continue  # a table's cell (`县司法局 | 2023年6月30日 |`): a row, no signature
            date, _ = parse_date_line(segs[k].text)
            if not date or not units_line(rules, segs[k - 1].text):
                continue
            start = k - 1
            while start > 1 and units_line(rules, segs[start - 1].text):
                start -= 1
            signature = [seg.text for seg in segs[start:k]]
            header.signature = " ".join(signature)
            header.issuer = header.issuer or "、".join(
                n for line in signature for n in line_names(line)
            )
            header.date = header.date or date
            for seg in segs[start:k]:
                seg.owner = "header.signature"
            segs[k].owner = "header.date"
            end = k + 1
            note = (
                rules.header["note_under_date"].fullmatch(segs[end].text)
                if end < len(segs)
                else None
            )
            if note and not header.note:
                header.note = note["note"]
                segs[end].owner = "header.note"
                end += 1
            del segs[start:end]
            return True
    return False
