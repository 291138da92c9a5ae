"""Page metadata printed as a table without colons: `索引号 | 6405…/2023-00173 | 文号 | …` on
one line, or flattened one cell per line (`标题` / `…的通知` / `发文字号` / `X政办发〔2018〕15号`).

Label cells alternate with value cells. One label alone proves nothing (`名称`, `来源` and
`日期` are words of any text); a row, or a run of lines, in which the label cells keep
alternating with values is a metadata table, decided over the whole row or run. A label a
page glued to the end of the value before it (`…的通知发文机关`) is cut off.
"""

from __future__ import annotations

import regex

from .model import Segment
from .rules import Rules

CELL_BAR = regex.compile(r"\s*[|│]\s*")
HAN = regex.compile(r"\p{Han}")
SPACES = regex.compile(r"\s+")
MIN_PAIRS = 2  # label/value pairs that make a table
LONG_LABEL = 3  # a label this long is no common word (索引号, 发文字号, 主题分类)
DROP = "drop"
TABLE_GAP = 2  # a row this many lines after the last one continues its table (a rule between)

Pair = tuple[Segment, str, str]


def label_field(rules: Rules, text: str) -> str | None:
    """The field a label alone names, or None."""
    try:
        return rules.field_of(text)
    except KeyError:
        return None


def bar_row(rules: Rules, seg: Segment, known_min: int = MIN_PAIRS) -> list[Pair] | None:
    """A row of label|value cells: each pair as a segment, its field and value; or None. Where
    labels end with colons, the colons say which cells are labels (a label's value may be
    empty); else labels and values alternate. A row of a table already recognised needs no
    known label (`known_min` 0). Unknown labels among known ones are the page's own: dropped."""
    if seg.text.count("|") + seg.text.count("│") < 3:
        return None
    cells = [c for c in CELL_BAR.split(seg.text) if c.strip()]
    pairs = _pairs(cells)
    if not pairs or not all(HAN.search(label) for label, _ in pairs):
        return None  # `---|---`: the rule under a header row
    known = [label_field(rules, label) or _suffix_field(rules, label) for label, _ in pairs]
    if sum(f is not None for f in known) < known_min:
        return None
    out = []
    for (label, value), field in zip(pairs, known, strict=True):
        text = f"{label} {value}".strip()
        out.append((Segment(seg.line, text, text), field or DROP, value))
    return out


def spaced_row(rules: Rules, seg: Segment) -> list[Pair] | None:
    """Labels without colons and their values on one line, spaces between
    (`发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号`): the line opens with a label and
    names at least two, one of them long."""
    labels = list(rules.meta_label_spaced.finditer(seg.text))
    if len(labels) < MIN_PAIRS or labels[0].start() != 0:
        return None
    names = [SPACES.sub("", m["label"]) for m in labels]
    if not any(len(n) >= LONG_LABEL for n in names):
        return None
    out = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(seg.text)
        value = seg.text[m.end() : end].strip()
        if not value:
            return None  # two labels in a row: words of a text, not a table
        text = f"{names[k]} {value}"
        out.append((Segment(seg.line, text, text), rules.field_of(names[k]), value))
    return out


def _pairs(cells: list[str]) -> list[tuple[str, str]] | None:
    """(label, value) of each label cell, or None when the cells do not pair up."""
    if not any(c.endswith((":", "：")) for c in cells):
        if len(cells) < 2 or len(cells) % 2:
            return None
        return list(zip(cells[0::2], cells[1::2], strict=True))
    pairs: list[tuple[str, str]] = []
    for cell in cells:
        if cell.endswith((":", "：")):
            pairs.append((cell.rstrip(":：").strip(), ""))
        elif pairs and not pairs[-1][1]:
            pairs[-1] = (pairs[-1][0], cell)
        else:
            return None  # a value without its label
    return pairs


def _suffix_field(rules: Rules, label: str) -> str | None:
    """A label cell that ends with a known label (`组配分类`: 分类) names its field."""
    return next(
        (f for k in range(1, len(label) - 1) if (f := label_field(rules, label[k:])) is not None),
        None,
    )


def _glued_label(rules: Rules, text: str) -> int | None:
    """Where a long label glued to the end of a value begins (`…的通知发文机关`)."""
    for start in range(max(1, len(text) - 6), len(text) - LONG_LABEL + 1):
        if label_field(rules, text[start:]) not in (None, DROP):
            return start
    return None


def split_glued_labels(rules: Rules, segments: list[Segment]) -> list[Segment]:
    """A value under a label alone whose line ends with the next label: cut in two."""
    out: list[Segment] = []
    for seg in segments:
        cut = None
        if out and label_field(rules, out[-1].text) is not None:
            cut = _glued_label(rules, seg.text)
        if cut is None:
            out.append(seg)
            continue
        value, label = seg.text[:cut], seg.text[cut:]
        out += [Segment(seg.line, value, value), Segment(seg.line, label, label)]
    return out


def cell_runs(rules: Rules, segments: list[Segment]) -> dict[int, tuple[str, str]]:
    """Labels and values on lines of their own, alternating: by id of each segment, its field
    and value (a label's value is '': its value is the segment after it)."""
    found: dict[int, tuple[str, str]] = {}
    run: list[tuple[Segment, str, Segment]] = []

    def close() -> None:
        if len(run) >= MIN_PAIRS and any(len(label.text) >= LONG_LABEL for label, _, _ in run):
            for label, field, value in run:
                found[id(label)] = (field, "")
                found[id(value)] = (field, value.text)
        run.clear()

    i = 0
    while i < len(segments):
        field = label_field(rules, segments[i].text)
        nxt = segments[i + 1] if i + 1 < len(segments) else None
        if field is not None and nxt is not None and label_field(rules, nxt.text) is None:
            run.append((segments[i], field, nxt))
            i += 2
            continue
        close()
        i += 1
    close()
    return found
