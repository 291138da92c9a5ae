"""Page metadata in the header zone printed without its label: an 索引号 or 公开属性 value
alone, the page's timestamp (a date with a time of day), its byline (`XX市人民政府 2023-09-04`)."""

from __future__ import annotations

from .. import precompiled
from ..dates import DATE, find_date, parse_date_line, with_time
from ..elements import units_line
from .zone import HeaderState

TIME_OF_DAY = precompiled.pattern(r"\d[:：]\d\d$")


def values(s: HeaderState, i: int) -> int:
    text, md = s.text(i), s.doc.metadata
    for name, pattern in s.rules.values:
        if pattern.fullmatch(text) and getattr(md, name) is None:
            setattr(md, name, text)
            s.claim(s.tokens[i].seg, f"metadata.{name}")
            return 1
    return 0


def timestamp(s: HeaderState, i: int) -> int:
    text = s.text(i)
    date, _ = parse_date_line(text)
    if not date or not TIME_OF_DAY.search(text):
        return 0
    s.doc.metadata.published = s.doc.metadata.published or with_time(date, text)
    s.claim(s.tokens[i].seg, "metadata.published")
    return 1


def byline(s: HeaderState, i: int) -> int:
    text, md = s.text(i), s.doc.metadata
    m = DATE.search(text)
    if not (
        m
        and m.start() > 0
        and units_line(s.rules, text[: m.start()].strip())
        and not text[m.end() :].strip(" :：0-9")
    ):
        return 0
    md.publisher = md.publisher or text[: m.start()].strip()
    md.published = md.published or with_time(find_date(text), text[m.end() :])
    s.claim(s.tokens[i].seg, "metadata.publisher")
    return 1
