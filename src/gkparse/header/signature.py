"""署名 and 成文日期: unit lines then a date alone on its line (or both on one line), closing
the cover; or under the numbered paragraphs of a notice that is its own body (after_body)."""

from __future__ import annotations

from ..dates import DATE, find_date, parse_date_line
from ..elements import units_line
from ..model import Document, Issue
from ..rules import Rules
from .zone import AFTER, HeaderState


def read(s: HeaderState, i: int) -> int:
    tokens, rules, j, names = s.tokens, s.rules, i, []
    while j < len(tokens) and tokens[j].kind == "text" and units_line(rules, tokens[j].seg.text):
        names.append(tokens[j].seg.text)
        j += 1
    if j >= len(tokens):
        return 0
    text = tokens[j].seg.text
    date, ambiguous = parse_date_line(text)
    if not date:
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
    s.header.date = date
    for tok in tokens[i:j]:
        s.claim(tok.seg, "header.signature")
    s.claim(tokens[j].seg, "header.date")
    s.zone = AFTER
    return j - i + 1


def settle(s: HeaderState) -> None:
    if s.front.signature:
        s.header.signature = " ".join(s.front.signature)


def after_body(rules: Rules, doc: Document) -> None:
    """署名 and 成文日期 after the numbered paragraphs of a notice (GB/T 9704 puts them under
    the body): unit lines, then a date alone on its line, inside the last item before them.
    The notice's own, when its header gave no date."""
    header = doc.header
    if header.date:
        return
    for node in doc.walk():
        segs = node.segs
        for k in range(2, len(segs)):
            date, _ = parse_date_line(segs[k].text)
            if not date or not units_line(rules, segs[k - 1].text):
                continue
            start = k - 1
            while start > 1 and units_line(rules, segs[start - 1].text):
                start -= 1
            signature = [seg.text for seg in segs[start:k]]
            header.signature = " ".join(signature)
            header.issuer = header.issuer or "、".join(
                n for line in signature for n in line.split()
            )
            header.date = date
            for seg in segs[start:k]:
                seg.owner = "header.signature"
            segs[k].owner = "header.date"
            del segs[start : k + 1]
            return
