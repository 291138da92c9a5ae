"""Tokenize: classify each segment by the rules, from its own text alone.

A segment becomes junk, a page-metadata pair, a candidate numbered heading, a responsibility
line, or text. Whether a candidate heading really is one (sequence), and which header element a
text line is (zone), is decided by the assembler, which sees the whole document.
"""

from __future__ import annotations

from collections.abc import Iterator

from .metatable import (
    MIN_PAIRS,
    TABLE_GAP,
    bar_row,
    cell_runs,
    label_pairs,
    opens_table,
    run_on,
    spaced_row,
    split_bar_rows,
    split_glued_labels,
    values_under_labels,
)
from .model import Segment, Token
from .numerals import ascii_digits, to_chinese, value
from .previews import split_page_numbers
from .rules import Rules
from .state import State
from .unflatten import unflatten

# junk judged on the whole line before the line is cut into the cells of a row or at its spaces:
# a site's menu row and an entry of a page's list of links, whose pieces each pass for text
# (these two alone: both fail at a line's first character, where all junk rules cost ~3 µs)
WHOLE_LINE = frozenset({"site_menu", "link_list"})


def heading(rules: Rules, seg: Segment) -> Token | None:
    if rules.no_marker(seg.text):  # (most lines: a dozen rules spared)
        return None
    for rule in rules.outline:
        m = rule.pattern.match(seg.text)
        if not m:
            continue
        num = "".join(m["num"].split())  # `第 十 二 条`: a PDF's letter spacing
        number = value(rule.numeral, num)
        if not number:
            continue
        delim = rules.delimiters.get(m.groupdict().get("delim") or "", "")
        cn = to_chinese(number) if "{cn}" in rule.marker else ""
        marker = rule.marker.format(num=ascii_digits(num), n=number, cn=cn, delim=delim)
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


def _pieces(
    rules: Rules, segments: list[Segment], cells: dict[int, tuple[str, str]], tokens: list[Token]
) -> Iterator[Segment]:
    """The segments to classify, a flattened line cut first; the cells of a page-metadata
    table (metatable.py) go straight to `tokens` as metadata."""
    last_row = None  # the line of the last row of a metadata table with bars
    for i, line in enumerate(segments):
        if id(line) in cells:
            tokens.append(Token("meta", line, *cells[id(line)]))
            continue
        continues = last_row is not None and line.line - last_row <= TABLE_GAP
        if not continues and opens_table(rules, line, _next(segments, i)):
            continues = True  # (a table of one pair a row)
        # (a row continuing a table still names one of its labels: a task table's header
        # row under a metadata table is none of it)
        row = bar_row(rules, line, 1 if continues else MIN_PAIRS) or spaced_row(rules, line)
        if row:
            row, rest = run_on(row)
            tokens.extend(Token("meta", seg, field, value) for seg, field, value in row)
            last_row = line.line
            if rest:
                yield from split_glued_labels(rules, unflatten(rules, rest))
            continue
        if any(j in WHOLE_LINE and p.fullmatch(line.text) for j, p in rules.junk):
            yield line  # (junk as a whole: its cells or pieces would each pass for text)
            continue
        # (a flattened line's pieces may hold a label alone and a value with the next glued on)
        yield from split_glued_labels(rules, unflatten(rules, line))


def _next(segments: list[Segment], i: int) -> Segment | None:
    return segments[i + 1] if i + 1 < len(segments) else None


def tokenize(rules: Rules, segments: list[Segment]) -> list[Token]:
    tokens: list[Token] = []
    segments, page_numbers = split_page_numbers(split_bar_rows(segments))
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
        meta = label_pairs(rules, seg)
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
    return values_under_labels(rules, tokens)


def run(state: State) -> None:
    """Stage `tokens`: the segments (a flattened body cut up first) classified one by one."""
    state.tokens = tokenize(state.rules, state.doc.segments)
    state.doc.segments = [t.seg for t in state.tokens]
