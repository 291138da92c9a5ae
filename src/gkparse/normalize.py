"""Read and normalise: bytes -> decoded text -> one Segment per line, cleaned for matching.

What is repaired here is the damage a download or a conversion does to every line alike:
encodings, Markdown marks, bullets, indentation, stray symbols, punctuation turned half-width.
What a line *is* is decided later, by the tokenizer.
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import TYPE_CHECKING

import regex

from .hanzi import restore_map, simplify
from .model import Issue, Segment

if TYPE_CHECKING:
    from .state import State

HAN = r"\p{Han}"
# CJK context: Han characters and full-width punctuation
CJK = r"[\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\u2018-\u201d《》]"
INVISIBLE = regex.compile(r"[\ufeff\u200b-\u200d\u2060\u00ad]")
# HTML a converter left behind: `各直属机构9/p>`, `?ldquo;` (an entity that lost its &)
HTML_TAG = regex.compile(r"[0-9?？、]?<?/p>|<p>|<br\s*/?>|</?(?:span|div|font|strong|b)\b[^>]*>")
HTML_ENTITY = regex.compile(
    r"[&?？](ldquo|rdquo|lsquo|rsquo|nbsp|mdash|hellip|middot|amp|lt|gt|quot);"
)
ENTITIES = {
    "ldquo": "“",
    "rdquo": "”",
    "lsquo": "‘",
    "rsquo": "’",
    "nbsp": " ",
    "mdash": "—",
    "hellip": "…",
    "middot": "·",
    "amp": "&",
    "lt": "<",
    "gt": ">",
    "quot": '"',
}
# 鄉(xiāng): a reading printed after a character by "pinyin" plug-ins of some mirror sites
PINYIN = regex.compile(r"[（(][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*[)）]")
STRAY = regex.compile(r"[\u2800-\u28ff\ue000-\uf8ff]+")
MD_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+")
MD_EMPHASIS = regex.compile(r"\*\*|__")
# bullets, and a stray 、 (no line begins with one: `、一、总体要求`)
BULLET = regex.compile(r"^\s*(?:[•●▪◆■►◇○、]|[-*+](?=\s+\D))\s*")
TABLE_EDGE = regex.compile(
    r"^\s*\|+\s*(?=\S)|(?<=\S)\s*\|+\s*$"
)  # a table cell flattened into a line
SPACES = regex.compile(r"[\s\u3000\u00a0]+")
HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
HALF_WIDTH = regex.compile(
    rf"(?<={CJK})[,;:?!]|[,;:?!](?={CJK})"  # a comma or colon next to Chinese text
    rf"|(?<={CJK}|^)\((?=[^()]*\))|\((?={CJK})"  # an opening bracket after or before Chinese
    rf"|(?<={CJK})\)|\)(?={CJK}|$)"  # a closing bracket after or before Chinese
)
CJK_OR_DIGIT = r"[\p{Han}0-9\u3000-\u303f\uff01-\uff5e《》“”]"
SPACE_IN_CJK = regex.compile(rf"(?<={CJK_OR_DIGIT})[ \t\u3000\u00a0]+(?={CJK_OR_DIGIT})")


LOST_CHARACTERS = (
    "characters lost before gkparse"
    " (U+FFFD: undecodable bytes, or a PDF font without a Unicode map)"
)


class NotText(ValueError):
    """The input is not a text at all (empty, or a binary file): a message, not a document."""


MAGIC = {
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"%PDF": "a PDF (extract its text first)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\xd0\xcf\x11\xe0": "an old Office document (.doc/.xls)",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7z archive",
}
DAMAGE_SHARE = (
    0.01  # a UTF-8 text with fewer bad bytes than this is damaged UTF-8, not another encoding
)


def decode(data: bytes) -> tuple[str, str, list[Issue]]:
    """Decode input bytes; returns (text, encoding name, warnings); raises NotText.

    A BOM decides first; then strict UTF-8, then strict GB18030 (which detectors guess wrong on
    short texts); then UTF-8 with a few damaged bytes; only then a detector.
    """
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise NotText(f"not a text file: {what}")
    if not data.strip(b" \t\r\n\x0b\x0c\x00"):
        raise NotText("empty file" if not data else "no text (only whitespace)")
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _no_nul(data.decode(name), name, [])
            except UnicodeDecodeError:
                break
    if data.count(0) > len(data) // 8:  # UTF-16 without a BOM, or a binary file
        for name in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if sum(ch.isprintable() or ch.isspace() for ch in text) > 0.95 * len(text):
                return _no_nul(text, name, [Issue(None, f"no BOM: read as {name}")])
        raise NotText("not a text file: binary data")
    try:
        return _no_nul(data.decode("utf-8"), "utf-8", [])
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few damaged bytes, before GB18030: GB18030 reads almost any bytes, as mojibake
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(3, DAMAGE_SHARE * len(text)):
        return _no_nul(
            text, "utf-8", [Issue(None, f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD")]
        )
    try:
        return _no_nul(data.decode("gb18030"), "gb18030", [])
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare file that is none of these

    best = from_bytes(data).best()
    if best is not None:
        return _no_nul(
            str(best),
            best.encoding,
            [Issue(None, f"encoding guessed as {best.encoding}: check the text")],
        )
    raise NotText("not a text file: binary data (no encoding reads it)")


def _no_nul(text: str, name: str, issues: list[Issue]) -> tuple[str, str, list[Issue]]:
    if "\x00" in text:
        issues.append(Issue(None, f"{text.count(chr(0))} NUL character(s) removed"))
        text = text.replace("\x00", "")
    return text, name, issues


def clean_line(raw: str) -> tuple[str, list[str]]:
    """The line made ready for matching, and the names of the repairs made to it."""
    repairs: list[str] = []
    text = INVISIBLE.sub("", raw)
    text = MD_HEADING.sub("", text)
    text = MD_EMPHASIS.sub("", text)
    text = BULLET.sub("", text)
    text = TABLE_EDGE.sub("", text)
    if HTML_TAG.search(text) or HTML_ENTITY.search(text):
        text = HTML_ENTITY.sub(lambda m: ENTITIES[m.group(1)], HTML_TAG.sub("", text))
        repairs.append("HTML remnants removed")
    if PINYIN.search(text):
        text = PINYIN.sub("", text)
        repairs.append("pinyin annotations removed")
    if STRAY.search(text):
        text = STRAY.sub("", text)
        repairs.append("stray symbols removed")
    if "\ufffd" in text:
        repairs.append(LOST_CHARACTERS)
    text = unicodedata.normalize("NFC", text).strip(" \t\u3000\u00a0\ufffd")
    if len(SPACE_IN_CJK.findall(text)) >= 3:  # one space is a separator; many are a PDF's layout
        repairs.append("spaces between Chinese characters (a PDF's layout) removed in the text")
    fixed = HALF_WIDTH.sub(lambda m: HALF_TO_FULL[m.group()], text)
    if fixed != text:
        repairs.append("half-width punctuation restored")
    return fixed, repairs


def split_lines(text: str) -> tuple[list[Segment], list[Issue], dict[int, str]]:
    """One Segment per non-blank input line, numbered from 1, with repairs reported as warnings.

    Segments hold simplified characters; the map returned turns output back into the characters
    the notice was written in (see hanzi.py).
    """
    segments: list[Segment] = []
    issues: list[Issue] = []
    counts: dict[str, list[int]] = {}
    for number, raw in enumerate(regex.split(r"\r\n|\r|\n", text), start=1):
        cleaned, repairs = clean_line(raw)
        if not raw.strip(" \t\u3000\u00a0\ufeff"):
            continue
        for repair in repairs:
            counts.setdefault(repair, []).append(number)
        segments.append(Segment(number, cleaned, raw.strip()))
    written = [s.text for s in segments]
    for seg in segments:
        seg.text = simplify(seg.text)
    back, mixed = restore_map(written, [s.text for s in segments])
    if back or mixed:
        issues.append(
            Issue(
                None, "traditional characters matched as simplified; output keeps them as written"
            )
        )
    if mixed:
        issues.append(
            Issue(
                None, f"characters written both ways are output simplified: {''.join(mixed[:20])}"
            )
        )
    for repair, lines in counts.items():
        shown = ", ".join(map(str, lines[:5])) + (", …" if len(lines) > 5 else "")
        issues.append(Issue(None, f"{repair} on {len(lines)} line(s): {shown}"))
    return segments, issues, back


def mend_spaces(text: str) -> str:
    """Remove the spaces a PDF conversion puts between Chinese characters and digits."""
    return SPACE_IN_CJK.sub("", text).strip()


def strip_spaces(text: str) -> str:
    """Every space gone: `2023 年` and `通 知` compared as printed without them."""
    return SPACES.sub("", text)


def run(state: State) -> None:
    """Stage `lines`: one Segment per non-blank line; the repairs made, as warnings."""
    segments, repairs, state.restore = split_lines(state.text)
    state.issues.extend(repairs)
    state.doc.segments = segments
