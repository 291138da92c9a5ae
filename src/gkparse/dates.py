"""Dates as printed in notices -> ISO strings. `2023.03.30`, `2019年8月19日`, `二O一一年5月16日`,
and the scrape-damaged `2023816` (年, 月, 日 lost) all become `2023-08-16`-style dates."""

from __future__ import annotations

import calendar

import regex

from . import precompiled
from .numerals import ascii_digits, chinese, chinese_digits

CN_DIGIT = "〇零OoΟ○Ｏ一二三四五六七八九"
DATE = precompiled.pattern(
    rf"(?P<y>(?:19|20)\d\d|[{CN_DIGIT}]{{4}})\s*(?:年\s*|(?P<sep>[-./／]))"
    rf"(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*(?:月\s*|(?P=sep))"
    rf"(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})(?!\d)\s*(?:日|号)?"
)
TIME = r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
DATE_LINE = precompiled.pattern(rf"{DATE.pattern}{TIME}")
COMPACT = precompiled.pattern(r"(?P<y>(?:19|20)\d\d)(?P<rest>\d{2,4})")
YEAR = precompiled.pattern(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _number(text: str) -> int | None:
    text = ascii_digits(text)
    return int(text) if text.isdigit() else chinese(text)


def iso(year: int, month: int, day: int) -> str | None:
    if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def from_match(m: regex.Match[str]) -> str | None:
    year = int(m["y"]) if m["y"].isdigit() else chinese_digits(m["y"])
    month, day = _number(m["m"]), _number(m["d"])
    if year is None or month is None or day is None:
        return None
    return iso(year, month, day)


def compact_date(text: str) -> tuple[str | None, bool]:
    """`2023816` -> ('2023-08-16', False); the flag says the digits could be read two ways."""
    m = COMPACT.fullmatch(text)
    if not m:
        return None, False
    year, rest = int(m["y"]), m["rest"]
    readings = {iso(year, int(rest[:i]), int(rest[i:])) for i in (1, 2) if 0 < i < len(rest)} - {
        None
    }
    if not readings:
        return None, False
    return sorted(readings)[0], len(readings) > 1


def parse_date_line(text: str) -> tuple[str | None, bool]:
    """The date if the whole text is one date (time of day allowed), with the ambiguity flag."""
    text = text.strip()
    m = DATE_LINE.fullmatch(text)
    if m:
        return from_match(m), False
    return compact_date(text)


def find_date(text: str) -> str | None:
    m = DATE.search(text)
    return from_match(m) if m else None


def first_year(text: str | None) -> int | None:
    m = YEAR.search(text or "")
    return int(m.group(1)) if m else None


CLOCK = precompiled.pattern(r"(?<!\d)(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?!\d)")


def with_time(date: str | None, text: str) -> str | None:
    """The date with the time of day the text prints after it (`2023-11-03 08:57`), so that a
    page's timestamp is never lost; the date alone when there is none."""
    m = CLOCK.search(text)
    if not date or not m or not (int(m[1]) < 24 and int(m[2]) < 60):
        return date
    return f"{date} {int(m[1]):02d}:{m[2]}" + (f":{m[3]}" if m[3] else "")
