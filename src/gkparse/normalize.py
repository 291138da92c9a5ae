"""Read and normalise: bytes -> decoded text -> one Segment per line, cleaned for matching.

What is repaired here is the damage a download or a conversion does to every line alike:
encodings, Markdown marks, bullets, indentation, stray symbols, punctuation turned half-width.
What a line *is* is decided later, by the tokenizer.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

import regex

from . import precompiled
from .hanzi import restore_map, simplify
from .model import Issue, Segment

if TYPE_CHECKING:
    from .state import State

HAN = r"\p{Han}"
# CJK context: Han characters and full-width punctuation
CJK = r"[\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\u2018-\u201d《》]"
# zero-width characters, and the bidi marks an editor leaves at line starts (LRM, RLM, embeddings,
# isolates, the Arabic letter mark): nothing a reader sees, but `一、` after one is no heading
INVISIBLE = precompiled.pattern(
    r"[\ufeff\u200b-\u200f\u2060\u00ad\u202a-\u202e\u2066-\u2069\u061c]"
)
# what is trimmed from a line's ends: spaces, and the form feed pdftotext puts at a page break
# (before the page's first line) or the vertical tab of a Word line break
EDGES = " \t\u3000\u00a0\ufffd\f\v"
BLANK = " \t\u3000\u00a0\f\v"  # a line of only these is blank
FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
FULL_DIGIT = precompiled.pattern(r"[０-９]")
FULL_STOP_IN_NUMBER = precompiled.pattern(r"(?<=[0-9])．(?=[0-9])")
# HTML a converter left behind: `各直属机构9/p>`, `?ldquo;` (an entity that lost its &)
# (a character stands for a lost `<` only where the `<` is missing: `2023.03.30</p>` keeps its 0)
HTML_TAG = precompiled.pattern(
    r"</p>|(?<![0-9])[0-9?？、]/p>|/p>|<p>|<br\s*/?>|</?(?:span|div|font|strong|b)\b[^>]*>"
)
HTML_ENTITY = precompiled.pattern(
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
PINYIN = precompiled.pattern(r"[（(][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*[)）]")
# 开云手机官网入口·(中国)官方网站, 江南体育官方网站入, bbin体育: — the name of a gambling site a
# spam mirror put where the notice's place or unit name stood (`…官方网站办公室关于印发…`); no
# unit or place is named so. 官网 is a word of the text too: a unit's site (县政府官方网站,
# 市政府官网入口: a unit word before it) stays, and a Latin name's unless a colon ends it
# (bbin官网: stood for the issuer; 政务APP官网 stays); a sports site needs its 入(口) (县文化
# 体育官网 is a bureau's)
SPAM_NAME = precompiled.pattern(
    r"\p{Han}{2,4}(?<![府局委办厅院部网站心])(?:官网|官方网站)入口[·・]?(?:[（(]中国[）)])?(?:官方网站)?"
    r"|\p{Han}{2,4}(?:体育|娱乐)(?:官网|官方网站)入口?"
    r"|[\p{Han}A-Za-z0-9]{2,8}[·・]?[（(]中国[）)](?:官方网站|官网)"
    r"|(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{1,11}"
    r"(?:(?:体育|娱乐)(?:官网|官方网站)?(?:入口)?[:：]?|(?:官网|官方网站)(?:入口)?[:：])"
)
STRAY = precompiled.pattern(r"[\u2800-\u28ff\ue000-\uf8ff]+")
MD_HEADING = precompiled.pattern(r"^\s{0,3}#{1,6}\s+")
# only marks in pairs around text: `____` is a blank to fill in and `2**10` a power
MD_EMPHASIS = precompiled.pattern(
    r"(?<!\*)\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?!\*)|(?<!_)__(?=[^\s_])(.+?)(?<=[^\s_])__(?!_)"
)
# bullets, and a stray 、 (no line begins with one: `、一、总体要求`)
BULLET = precompiled.pattern(r"^\s*(?:[•●▪◆■►◇○、]|[-*+](?=\s+\D))\s*")
# a table cell flattened into a line
TABLE_EDGE = precompiled.pattern(r"^\s*\|+\s*(?=\S)|(?<=[^\s|])\s*\|+\s*$")
SPACES = precompiled.pattern(r"[\s\u3000\u00a0]+")
HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
HALF_WIDTH = precompiled.pattern(
    rf"(?<={CJK})[,;:?!]|[,;:?!](?={CJK})"  # a comma or colon next to Chinese text
    rf"|(?<={CJK}|^)\((?=[^()]*\))|\((?={CJK})"  # an opening bracket after or before Chinese
    rf"|(?<={CJK})\)|\)(?={CJK}|$)"  # a closing bracket after or before Chinese
)
HALF_WIDTH_MARK = precompiled.pattern(r"[,;:?!()]")  # a line without one has no HALF_WIDTH
CJK_OR_DIGIT = r"[\p{Han}0-9%‰℃\u3000-\u303f\uff01-\uff5e《》“”]"
SPACE_IN_CJK = precompiled.pattern(rf"(?<={CJK_OR_DIGIT})[ \t\u3000\u00a0]+(?={CJK_OR_DIGIT})")
SPACE_CHARS = " \t\u3000\u00a0"  # a line without one has no SPACE_IN_CJK
LINE_BREAK = precompiled.pattern(r"\r\n|\r|\n")  # (regex.split(source, …) looks it up each call)


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
# a UTF-8 text with fewer bad bytes than this share is damaged UTF-8, not another encoding
DAMAGE_SHARE = 0.01
NUL_SHARE = 8  # more than one byte in this many NUL: UTF-16 without a BOM, or binary data
PRINTABLE_SHARE = 0.95  # UTF-16 read without a BOM is text when this share of it is printable


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
    unicode = _by_bom(data) or _utf16(data)
    if unicode is not None:
        return unicode
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
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        big5 = _as_big5(data, text)
        if big5 is not None:
            return _no_nul(big5, "big5", [Issue(None, "read as Big5 (traditional Chinese)")])
        return _no_nul(text, "gb18030", [])
    from charset_normalizer import from_bytes  # only for the rare file that is none of these

    best = from_bytes(data).best()
    if best is not None:
        return _no_nul(
            str(best),
            best.encoding,
            [Issue(None, f"encoding guessed as {best.encoding}: check the text")],
        )
    raise NotText("not a text file: binary data (no encoding reads it)")


def _by_bom(data: bytes) -> tuple[str, str, list[Issue]] | None:
    """The text its byte-order mark says the encoding of; None without one, or when the
    bytes after it do not decode (then the other ways are tried)."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _no_nul(data.decode(name), name, [])
            except UnicodeDecodeError:
                return None
    return None


def _utf16(data: bytes) -> tuple[str, str, list[Issue]] | None:
    """Bytes with many NULs: UTF-16 without a BOM if either byte order reads as text, else
    NotText; None when the NULs are few (another encoding)."""
    if data.count(0) <= len(data) // NUL_SHARE:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if sum(ch.isprintable() or ch.isspace() for ch in text) > PRINTABLE_SHARE * len(text):
            return _no_nul(text, name, [Issue(None, f"no BOM: read as {name}")])
    raise NotText("not a text file: binary data")


def _as_big5(data: bytes, gb: str) -> str | None:
    """The text read as Big5, when that reads better than GB18030 (which reads Big5's bytes
    without an error, as mojibake): GB text keeps to GB2312's characters, Big5 text to Big5's
    frequent ones (level 1), and mojibake to neither."""
    try:
        big5 = data.decode("big5")
    except UnicodeDecodeError:
        return None
    return big5 if _share(big5, _big5_frequent) > _share(gb, _in_gb2312) else None


def _share(text: str, common: Callable[[str], bool]) -> float:
    han = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    return sum(map(common, han)) / len(han) if han else 1.0


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _big5_frequent(ch: str) -> bool:
    try:
        return b"\xa4\x40" <= ch.encode("big5") <= b"\xc6\x7e"
    except UnicodeEncodeError:
        return False


def _no_nul(text: str, name: str, issues: list[Issue]) -> tuple[str, str, list[Issue]]:
    if "\x00" in text:
        issues.append(Issue(None, f"{text.count(chr(0))} NUL character(s) removed"))
        text = text.replace("\x00", "")
    return text, name, issues


def clean_line(raw: str, removed: list[str] | None = None) -> tuple[str, list[str]]:
    """The line made ready for matching, and the names of the repairs made to it; the text each
    repair took out of the line (a mark, an annotation, a symbol) is added to `removed`."""
    # (each pattern that needs a character is tried only on a line holding it: most lines are
    # clean, and the tests `in` cost a fraction of a search)
    repairs: list[str] = []
    cut = _Cut([] if removed is None else removed)
    text = visible(raw).strip("\f\v")
    marked = cut(MD_HEADING, text) if "#" in text else text
    if "**" in marked or "__" in marked:
        marked = cut(MD_EMPHASIS, marked, _emphasis)
    if marked != text:
        repairs.append("Markdown marks removed")
    text = cut(BULLET, marked)
    if FULL_DIGIT.search(text):
        text = FULL_STOP_IN_NUMBER.sub(".", text.translate(FULL_DIGITS))
        repairs.append("full-width digits read as ASCII")
    if "|" in text:
        text = cut(TABLE_EDGE, text)
    tag = ("<" in text or "/p>" in text) and HTML_TAG.search(text)  # every tag holds one
    if tag or ";" in text and HTML_ENTITY.search(text):
        text = cut(HTML_ENTITY, cut(HTML_TAG, text), lambda m: (ENTITIES[m.group(1)], m.group()))
        repairs.append("HTML remnants removed")
    if PINYIN.search(text):
        text = cut(PINYIN, text)
        repairs.append("pinyin annotations removed")
    if ("官" in text or "体育" in text or "娱乐" in text) and SPAM_NAME.search(text):
        text = cut(SPAM_NAME, text)
        repairs.append("spam site names removed")
    if STRAY.search(text):
        text = cut(STRAY, text)
        repairs.append("stray symbols removed")
    if "\ufffd" in text:
        repairs.append(LOST_CHARACTERS)
    text = unicodedata.normalize("NFC", text).strip(EDGES)
    # one space is a separator; many are a PDF's layout (a space between a date and its time,
    # `日期：2017-01-12 17:08`, is none)
    if any(map(text.__contains__, SPACE_CHARS)) and _layout_spaces(text) >= 3:
        repairs.append("spaces between Chinese characters (a PDF's layout) removed in the text")
    if not HALF_WIDTH_MARK.search(text):
        return text, repairs
    fixed = HALF_WIDTH.sub(lambda m: HALF_TO_FULL[m.group()], text)
    if fixed != text:
        repairs.append("half-width punctuation restored")
        fixed = _pair_brackets(fixed)
    return fixed, repairs


def _pair_brackets(text: str) -> str:
    """A bracket restored to full width takes its partner along: `楚司通（2024)1号`, whose `)`
    stood beside a digit, becomes `楚司通（2024）1号`."""
    if not ("（" in text and ")" in text or "(" in text and "）" in text):
        return text
    chars, opened = list(text), []
    for i, ch in enumerate(chars):
        if ch in "(（":
            opened.append(i)
        elif ch in ")）" and opened:
            k = opened.pop()
            if (chars[k] == "（") != (ch == "）"):  # one of the pair full-width, the other not
                chars[k], chars[i] = "（", "）"
    return "".join(chars)


def visible(raw: str) -> str:
    """The line without INVISIBLE's characters: all are format characters, of which a printable
    line has none (the test costs a tenth of the substitution)."""
    return raw if raw.isprintable() else INVISIBLE.sub("", raw)


def _layout_spaces(text: str) -> int:
    """Spaces between Chinese characters or digits, a space between two digits (a date and
    its time) aside."""
    return sum(
        not (text[m.start() - 1].isdigit() and text[m.end()].isdigit())
        for m in SPACE_IN_CJK.finditer(text)
    )


def _emphasis(m: regex.Match[str]) -> tuple[str, str]:
    """`**text**`: the text kept, the marks removed."""
    inner = 1 if m.group(1) is not None else 2
    start, end = m.start(inner) - m.start(), m.end(inner) - m.start()
    return m.group(inner), m.group()[:start] + m.group()[end:]


class _Cut:
    """`pattern.sub` that keeps what each match took out of the line, for metadata.dropped."""

    def __init__(self, removed: list[str]) -> None:
        self.removed = removed

    def __call__(
        self,
        pattern: regex.Pattern[str],
        text: str,
        split: Callable[[regex.Match[str]], tuple[str, str]] | None = None,
    ) -> str:
        def one(m: regex.Match[str]) -> str:
            kept, gone = split(m) if split else ("", m.group())
            if gone.strip():
                self.removed.append(gone.strip())
            return kept

        return pattern.sub(one, text)


def split_lines(
    text: str, removed: dict[int, str] | None = None
) -> tuple[list[Segment], list[Issue], dict[int, str]]:
    """One Segment per non-blank input line, numbered from 1, with repairs reported as warnings;
    what the repairs took out of a line put in `removed` by its number (for metadata.dropped).

    Segments hold simplified characters; the map returned turns output back into the characters
    the notice was written in (see hanzi.py).
    """
    segments: list[Segment] = []
    issues: list[Issue] = []
    counts: dict[str, list[int]] = {}
    for number, raw in enumerate(LINE_BREAK.split(text), start=1):
        if not visible(raw).strip(BLANK):
            continue
        cut: list[str] = []
        cleaned, repairs = clean_line(raw, cut)
        if cut and removed is not None:
            removed[number] = " ".join(cut)
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
    if not any(map(text.__contains__, SPACE_CHARS)):  # (most texts: nothing to search for)
        return text.strip()
    return SPACE_IN_CJK.sub("", text).strip()


def strip_spaces(text: str) -> str:
    """Every space gone: `2023 年` and `通 知` compared as printed without them."""
    # SPACES matches separators and controls only, none of them printable but the space: a
    # printable text without one is returned as it is (asked ~150 times a notice, of labels
    # and whole lines alike; the test costs a fraction of the substitution)
    if text.isprintable() and " " not in text:
        return text
    return SPACES.sub("", text)


def run(state: State) -> None:
    """Stage `lines`: one Segment per non-blank line; the repairs made, as warnings."""
    segments, repairs, state.restore = split_lines(state.text, state.removed)
    state.issues.extend(repairs)
    state.doc.segments = segments
