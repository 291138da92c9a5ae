"""Measure gkparse against hand-made labels (see tests/eval/): `python -m gkparse.eval [DIR]`.

Each `NNN.yaml` in DIR labels the text beside it under the conventions of GOLD.md: `NNN.txt`, or
else a saved page `NNN.html` / `NNN.htm` (read as gkparse reads any HTML page).
Printed per field and overall: header exact-match accuracy; outline precision, recall and F1
over (level, numbering kind, number) aligned in document order; title accuracy on the aligned
headings; responsible-unit set accuracy on the labelled items. Then every miss, with its
document and line.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import regex
from ruamel.yaml import YAML

from . import parse_file
from .model import Document, Node
from .numerals import chinese

HEADER_FIELDS = ("title", "doc_number", "issuer", "date", "recipients", "plan_title")
DEFAULT_DIR = Path("tests/eval/gold")

Key = tuple[int, str, int]  # (level, numbering kind, number)

MARKER_KINDS = [
    (regex.compile(r"第(?P<n>\p{Han}+)(?:部分|编|編)"), "part"),
    (regex.compile(r"第(?P<n>\p{Han}+)章"), "chapter"),
    (regex.compile(r"第(?P<n>\p{Han}+)[节節]"), "section"),
    (regex.compile(r"第(?P<n>\p{Han}+)[条條]"), "article"),
    (
        regex.compile(r"[（(](?P<n>[一二三四五六七八九十百零〇两]+)[）)]|(?P<c>[㈠-㈩])"),
        "chinese_paren",
    ),
    (regex.compile(r"(?P<n>[一二三四五六七八九十百零〇两]+)\W?"), "chinese"),
    (regex.compile(r"[（(](?P<d>\d+)[）)]|(?P<p>[⑴-⒇])"), "arabic_paren"),
    (regex.compile(r"(?P<d>\d+)\W?|(?P<s>[⒈-⒛])"), "arabic"),
    (regex.compile(r"(?P<o>[①-⑳])"), "circled"),
]


def marker_key(marker: str) -> tuple[str, int]:
    """`（三）` -> ('chinese_paren', 3); `⑵` and `（2）` are one kind, as are `⒈` and `1.`."""
    text = marker.strip()
    for pattern, kind in MARKER_KINDS:
        m = pattern.fullmatch(text)
        if not m:
            continue
        g = m.groupdict()
        if g.get("n"):
            return kind, chinese(g["n"]) or 0
        if g.get("d"):
            return kind, int(g["d"])
        single = g.get("c") or g.get("p") or g.get("s") or g.get("o") or ""
        start = {"c": 0x3220, "p": 0x2474, "s": 0x2488, "o": 0x2460}
        base = next(start[k] for k in start if g.get(k))
        return kind, ord(single) - base + 1
    return "unknown", 0


@dataclass
class Item:
    """One heading of the outline, labelled or parsed."""

    key: Key
    marker: str
    title: Any  # a string, None, or (labels only) a list of the answers that count
    line: int | None = None
    path: str = ""
    node: Node | None = None


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Report:
    header: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in HEADER_FIELDS})
    matched: int = 0
    parsed: int = 0
    labelled: int = 0
    titles: Tally = field(default_factory=Tally)
    responsible: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        p = self.matched / self.parsed if self.parsed else 1.0
        r = self.matched / self.labelled if self.labelled else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        heads = list(self.header.values())
        return {
            "header": {name: round(t.share, 3) for name, t in self.header.items()},
            "header_overall": round(
                sum(t.right for t in heads) / max(1, sum(t.total for t in heads)), 3
            ),
            "outline": {
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(f1, 3),
                "labelled": self.labelled,
                "parsed": self.parsed,
                "matched": self.matched,
            },
            "titles": round(self.titles.share, 3),
            "responsible": round(self.responsible.share, 3),
            "responsible_items": self.responsible.total,
        }


WIDTH = str.maketrans(",;:()?!", "，；：（）？！")


def _compact(value: Any) -> Any:
    """Spaces, the width of punctuation and a final stop are not judged."""
    if not isinstance(value, str):
        return value
    return regex.sub(r"\s+", "", value).translate(WIDTH).rstrip("。；：")


def _same(field_name: str, got: Any, want: Any) -> bool:
    if field_name == "recipients":
        return [_compact(u) for u in got or []] == [_compact(u) for u in want or []]
    if field_name == "issuer" and got and want:  # joint issuers: the separator is not judged
        return regex.split(r"[\s、]+", got) == regex.split(r"[\s、]+", want)
    return _compact(got) == _compact(want)


def _answers(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def labelled_items(gold: dict[str, Any]) -> list[Item]:
    items, stack = [], []
    for level, marker, title in gold.get("outline") or []:
        if not isinstance(marker, str):
            raise ValueError(f"marker {marker!r} is not a string: quote it ('1.')")
        del stack[level - 1 :]
        stack.append(marker)
        kind, number = marker_key(marker)
        items.append(Item((level, kind, number), marker, title, path="/".join(stack)))
    return items


def parsed_items(doc: Document) -> list[Item]:
    out = []
    for node in doc.walk():
        if not node.marker:  # a section whose number was lost is no numbered heading
            continue
        kind, number = marker_key(node.marker)
        level = numbered_level(node)
        out.append(Item((level, kind, number), node.marker, node.title, node.line, node=node))
    return out


def numbered_level(node: Node) -> int:
    """The level GOLD.md counts: numbered levels only (a section that lost its number is none)."""
    level, up = 1, node.parent
    while up is not None:
        level += bool(up.marker)
        up = up.parent
    return level


def align(gold: list[Item], got: list[Item]) -> list[tuple[int, int]]:
    """The longest common subsequence of the two key sequences, as index pairs."""
    n, m = len(gold), len(got)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if gold[i].key == got[j].key:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if gold[i].key == got[j].key:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def find_line(lines: list[str], item: Item, after: int) -> int | None:
    """Where a labelled heading stands in the text: its marker's digits and title, after `after`."""
    title = next((t for t in _answers(item.title) if t), None)
    probe = _compact(title)[:12] if title else None
    for k in range(max(after - 1, 0), len(lines)):
        if probe and probe in _compact(lines[k]):
            return k + 1
    return None


def evaluate_one(name: str, text_path: Path, gold: dict[str, Any], report: Report) -> None:
    doc = parse_file(text_path, keywords=False)
    lines = text_path.read_text(encoding="utf-8", errors="replace").splitlines()
    want = gold.get("header") or {}
    alt = want.get("alt") or {}
    for f in HEADER_FIELDS:
        got = getattr(doc.header, f)
        answers = [want.get(f), *alt.get(f, [])]
        ok = any(_same(f, got, a) for a in answers)
        report.header[f].add(ok)
        if not ok:
            report.misses.append(
                f"{name}: header.{f}: got {json.dumps(got, ensure_ascii=False)}, "
                f"want {json.dumps(want.get(f), ensure_ascii=False)}"
            )
    labelled, parsed = labelled_items(gold), parsed_items(doc)
    pairs = align(labelled, parsed)
    report.labelled += len(labelled)
    report.parsed += len(parsed)
    report.matched += len(pairs)
    hit_gold = {i for i, _ in pairs}
    hit_parsed = {j for _, j in pairs}
    after = 0
    for i, item in enumerate(labelled):
        item.line = find_line(lines, item, after) or item.line
        after = item.line or after
        if i not in hit_gold:
            where = f"line {item.line}" if item.line else "line ?"
            report.misses.append(
                f"{name}:{where}: missed heading {item.marker} (level {item.key[0]}) {item.title!r}"
            )
    for j, item in enumerate(parsed):
        if j not in hit_parsed:
            what = f"spurious heading {item.marker} (level {item.key[0]}) {item.title!r}"
            report.misses.append(f"{name}:line {item.line}: {what}")
    by_path = {}
    for i, j in pairs:
        g, p = labelled[i], parsed[j]
        by_path[g.path] = p
        ok = any(_compact(p.title) == _compact(a) for a in _answers(g.title))
        report.titles.add(ok)
        if not ok:
            report.misses.append(
                f"{name}:line {p.line}: title of {g.marker}: got {p.title!r}, want {g.title!r}"
            )
    for path, units in (gold.get("responsible") or {}).items():
        p = by_path.get(str(path))
        got = sorted(p.node.responsible) if p and p.node else None
        ok = got is not None and set(got) == set(units)
        report.responsible.add(ok)
        if not ok:
            where = f"line {p.line}" if p else "line ?"
            report.misses.append(
                f"{name}:{where}: responsible of {path}: got {got}, want {sorted(units)}"
            )


SOURCE_SUFFIXES = (".txt", ".html", ".htm")


def labelled_source(label: Path) -> Path:
    """The input a label is for: `NNN.txt` beside it, else `NNN.html`, else `NNN.htm`."""
    for suffix in SOURCE_SUFFIXES:
        path = label.with_suffix(suffix)
        if path.exists():
            return path
    return label.with_suffix(SOURCE_SUFFIXES[0])  # missing: reading it names the .txt


def evaluate(folder: Path) -> Report:
    report = Report()
    for label in sorted(folder.glob("*.yaml")):
        gold = YAML(typ="safe").load(label.read_text(encoding="utf-8"))
        evaluate_one(label.stem, labelled_source(label), gold, report)
    return report


def render(report: Report) -> str:
    fig = report.figures()
    out = ["header (exact match)"]
    for name, tally in report.header.items():
        out.append(f"  {name:<12} {tally.share:6.3f}  ({tally.right}/{tally.total})")
    out.append(f"  {'overall':<12} {fig['header_overall']:6.3f}")
    o = fig["outline"]
    out.append(
        f"outline        P {o['precision']:.3f}  R {o['recall']:.3f}  F1 {o['f1']:.3f}  "
        f"({o['matched']} matched of {o['labelled']} labelled, {o['parsed']} parsed)"
    )
    t = report.titles
    out.append(f"titles         {t.share:6.3f}  ({t.right}/{t.total} aligned headings)")
    out.append(
        f"responsible    {report.responsible.share:6.3f}  "
        f"({report.responsible.right}/{report.responsible.total} labelled items)"
    )
    return "\n".join(out)


@click.command()
@click.argument(
    "folder", type=click.Path(exists=True, file_okay=False, path_type=Path), default=DEFAULT_DIR
)
@click.option("--json", "as_json", is_flag=True, help="The figures as one JSON object.")
@click.option(
    "--misses/--no-misses", default=True, help="List each miss (default) or only the figures."
)
def main(folder: Path, as_json: bool, misses: bool) -> None:
    """Score gkparse on the labelled texts of FOLDER (default tests/eval/gold)."""
    report = evaluate(folder)
    if as_json:
        click.echo(json.dumps(report.figures(), ensure_ascii=False, sort_keys=True))
        return
    click.echo(render(report))
    if misses and report.misses:
        click.echo(f"\nmisses ({len(report.misses)}):")
        click.echo("\n".join(report.misses))


if __name__ == "__main__":
    sys.exit(main())
