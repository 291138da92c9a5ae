"""Read the numbers printed in outline markers and dates. Only captured numerals are converted:
running text is never passed through here (一网通办 stays 一网通办)."""

from __future__ import annotations

from collections.abc import Callable

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "O": 0,
    "o": 0,
    "○": 0,
    "Ｏ": 0,
    "Ο": 0,  # Greek capital omicron, as a zero of a year (二Ο一Ο年)
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_UNITS = {"十": 10, "百": 100}


def chinese(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103; None if not a well-formed numeral."""
    if not text:
        return None
    total, digit = 0, None
    for ch in text:
        if ch in CHINESE_DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row: 二三 is not a number
            digit = CHINESE_DIGITS[ch]
        elif ch in CHINESE_UNITS:
            total += (1 if digit is None else digit) * CHINESE_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def chinese_digits(text: str) -> int | None:
    """Digit-by-digit Chinese numerals, as years are written: 二〇二三 / 二O一一 → 2023 / 2011."""
    if not text or any(ch not in CHINESE_DIGITS for ch in text):
        return None
    return int("".join(str(CHINESE_DIGITS[ch]) for ch in text))


def circled(ch: str) -> int:
    code = ord(ch)
    if 0x2460 <= code <= 0x2473:
        return code - 0x2460 + 1
    if 0x3251 <= code <= 0x325F:
        return code - 0x3251 + 21
    return code - 0x32B1 + 36


def enclosed(ch: str) -> int:
    code = ord(ch)
    return code - 0x2474 + 1 if code <= 0x2487 else code - 0x2488 + 1


def ideograph(ch: str) -> int:
    """㈠ → 1 … ㈩ → 10 (the parenthesized ideographs of U+3220)."""
    return ord(ch) - 0x3220 + 1


DIGIT_NAMES = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (1 to 99, as outline markers print them)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if not tens:
        return DIGIT_NAMES[ones]
    return f"{DIGIT_NAMES[tens] if tens > 1 else ''}十{DIGIT_NAMES[ones] if ones else ''}"


FULL_WIDTH_DIGITS = {0xFF10 + i: str(i) for i in range(10)}  # (built once: asked for each heading)


def ascii_digits(text: str) -> str:
    return text.translate(FULL_WIDTH_DIGITS)


def arabic(text: str) -> int:
    return int(ascii_digits(text))


READERS: dict[str, Callable[[str], int | None]] = {
    "chinese": chinese,
    "arabic": arabic,
    "circled": circled,
    "enclosed": enclosed,
    "ideograph": ideograph,
}
"""How each `numeral` of an outline rule is read."""


def value(numeral: str, text: str) -> int | None:
    """The number `text` writes in the given numeral, or None (a user's rule may match none)."""
    return READERS[numeral](text) if text else None
