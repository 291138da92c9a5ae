"""Tokenize: classify each segment by the rules, from its own text alone.

A segment becomes junk, a page-metadata pair, a candidate numbered heading, a responsibility
line, or text. Whether a candidate heading really is one (sequence), and which header element a
text line is (zone), is decided by the assembler, which sees the whole document.
"""

from __future__ import annotations

from collections.abc import Iterator

from .dates import parse_date_line
from .metatable import (
    MIN_PAIRS,
    TABLE_GAP,
    bar_row,
    cell_runs,
    spaced_row,
    split_glued_labels,
)
from .model import Segment, Token
from .numerals import ascii_digits, to_chinese, value
from .previews import split_page_numbers
from .rules import Rules
from .state import State
from .unflatten import unflatten

FREE_TEXT_FIELDS = {"publisher", "topic", "keywords", "title"}


def heading(rules: Rules, seg: Segment) -> Token | None:
    for rule in rules.outline:
        m = rule.pattern.match(seg.text)
        if not m:
            continue
        number = value(rule.numeral, m["num"])
        if not number:
            continue
        delim = rules.delimiters.get(m.groupdict().get("delim") or "", "")
        cn = to_chinese(number) if "{cn}" in rule.marker else ""
        marker = rule.marker.format(num=ascii_digits(m["num"]), n=number, cn=cn, delim=delim)
        return Token(
            "heading",
            seg,
            rule.id,
            seg.text[m.end() :].strip(),
            number,
            marker,
            rule.kind,
            rule.tier,
            order=rule.order,
        )
    return None


def _split_meta(rules: Rules, seg: Segment) -> list[Token] | None:
    """A line of label/value pairs (`索引号: X 发布机构: Y`) as one token per pair, or None."""
    labels = list(rules.meta_label.finditer(seg.text))
    if not labels:
        return None
    tokens: list[Token] = []
    if labels[0].start():  # a page timestamp before the labels: `2015-11-10 01:51:51信息来源:…`
        stamp = seg.text[: labels[0].start()].strip()
        if not parse_date_line(stamp)[0]:
            return None
        tokens.append(Token("meta", Segment(seg.line, stamp, stamp), "published", stamp))
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(seg.text)
        words = seg.text[m.end() : end].split()
        # junk glued after a value (`2022-09-30 浏览次数: 【字体:`) becomes segments of its own
        cut = len(words)
        while cut > 0:
            k = next(
                (k for k in range(max(0, cut - 4), cut) if rules.junk_id(" ".join(words[k:cut]))),
                None,
            )
            if k is None:
                break
            cut = k
        value_text = " ".join(words[:cut])
        whole = len(labels) == 1 and cut == len(words)
        piece_text = seg.text if whole else f"{m.group().strip()}{value_text}"
        piece = Segment(seg.line, piece_text, seg.raw if whole else piece_text)
        tokens.append(Token("meta", piece, rules.field_of(m["label"]), value_text))
        if cut < len(words):
            tail = " ".join(words[cut:])
            tokens.append(Token("junk", Segment(seg.line, tail, tail), rules.junk_id(tail) or ""))
    return tokens


def _fits(rules: Rules, field: str, text: str) -> bool:
    """Whether `text` has the shape of a value of `field` (for a value printed under its label)."""
    if field in ("published", "date"):
        return parse_date_line(text)[0] is not None
    if field == "doc_number":
        return bool(rules.header["doc_number"].fullmatch(text))
    if field in ("index_number", "disclosure"):
        return any(f == field and p.fullmatch(text) for f, p in rules.values)
    return len(text) <= 40 and not rules.header["title_end"].fullmatch(text)


def _pieces(
    rules: Rules, segments: list[Segment], cells: dict[int, tuple[str, str]], tokens: list[Token]
) -> Iterator[Segment]:
    """The segments to classify, a flattened line cut first; the cells of a page-metadata
    table (metatable.py) go straight to `tokens` as metadata."""
    last_row = None  # the line of the last row of a metadata table with bars
    for line in segments:
        if id(line) in cells:
            tokens.append(Token("meta", line, *cells[id(line)]))
            continue
        continues = last_row is not None and line.line - last_row <= TABLE_GAP
        row = bar_row(rules, line, 0 if continues else MIN_PAIRS) or spaced_row(rules, line)
        if row:
            tokens.extend(Token("meta", seg, field, value) for seg, field, value in row)
            last_row = line.line
            continue
        yield from unflatten(rules, line)


def tokenize(rules: Rules, segments: list[Segment]) -> list[Token]:
    tokens: list[Token] = []
    segments, page_numbers = split_page_numbers(segments)
    segments = split_glued_labels(rules, segments)
    cells = cell_runs(rules, segments)
    for seg in _pieces(rules, segments, cells, tokens):
        if id(seg) in page_numbers:
            tokens.append(Token("junk", seg, "page_number"))
            continue
        head = heading(rules, seg) if seg.cont else None
        if head:  # a piece cut before a marker: a candidate heading, never junk or metadata
            tokens.append(head)
            continue
        junk = rules.junk_id(seg.text) if seg.text else "empty"
        if junk:
            tokens.append(Token("junk", seg, junk))
            continue
        meta = _split_meta(rules, seg)
        if meta:
            tokens.extend(meta)
            continue
        head = heading(rules, seg)
        if head:
            tokens.append(head)
            continue
        for pattern in rules.responsibility:
            m = pattern.fullmatch(seg.text)
            if m:
                tokens.append(Token("responsibility", seg, m["label"], m["units"].strip()))
                break
        else:
            tokens.append(Token("text", seg))
    return _values_under_labels(rules, tokens)


def _values_under_labels(rules: Rules, tokens: list[Token]) -> list[Token]:
    """A label printed alone with its value on the next line (`• 索引号:` / `6107…`) gets that value.

    Free-text values are taken only between two labels, so a plan title after an empty
    `关键词:` is not mistaken for the keywords.
    """
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        out.append(tok)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.kind == "meta"
            and not tok.value
            and tok.name != "drop"
            and nxt is not None
            and nxt.kind == "text"
        ):
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            between = after is not None and after.kind == "meta"
            if _fits(rules, tok.name, nxt.seg.text) and (
                tok.name not in FREE_TEXT_FIELDS or between
            ):
                out.append(Token("meta", nxt.seg, tok.name, nxt.seg.text))
                i += 1
        i += 1
    return out


def run(state: State) -> None:
    """Stage `tokens`: the segments (a flattened body cut up first) classified one by one."""
    state.tokens = tokenize(state.rules, state.doc.segments)
    state.doc.segments = [t.seg for t in state.tokens]
