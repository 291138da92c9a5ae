"""Case tables: YAML files of one-input cases, one file per stage function, run by one test.

A table is `tests/cases/<stage>/<file>.yaml`, a list of cases:

    - id: label-colon-lost                  # unique in its file; test id <stage>/<file>:<id>
      rule: responsibility.label            # the rule it exercises: a `section.id` (or a list)
      source: samples/001_88b92ad053bea4e2.txt:36    # where the input comes from
      input: 责任单位市政府办、市行政审批局
      tokens:                               # expected: any output keys of the stage's adapter
        - {kind: responsibility, name: 责任单位, value: 市政府办、市行政审批局}
      xfail: why today's output is wrong    # optional: a known bug, kept visible

Only the output keys a case names are compared. Adding a case is editing YAML; adding a table
for a new function is one adapter below. `source` is `<file>[:<line>,<line>…]` under samples/,
corpus/ or pool/, and each line of the input must occur in those lines; an input that is not
taken from a notice says why under `synthetic:` instead. `note:` is free text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError

import gkparse
from gkparse.dates import parse_date_line
from gkparse.elements import doc_number, is_recipients, split_units
from gkparse.hanzi import simplify
from gkparse.model import Segment
from gkparse.normalize import clean_line
from gkparse.numerals import chinese
from gkparse.rules import load_rules
from gkparse.tokenize import tokenize

# --- adapters: (rules, case) -> {output: value}; a renamed stage function is a one-line change


def cleaned(raw: str) -> str:
    """A raw line as every stage after normalize sees it."""
    return clean_line(raw)[0]


def normalized(rules, case):
    text, repairs = clean_line(case["input"])
    return {"text": text, "repairs": repairs}


def tokens(rules, case):
    """Each non-blank input line is one segment, numbered from 1."""
    lines = [raw for raw in case["input"].splitlines() if raw.strip()]
    segs = [Segment(line=n, text=cleaned(raw), raw=raw) for n, raw in enumerate(lines, 1)]
    return {"tokens": [token_fields(t) for t in tokenize(rules, segs)]}


def date_line(rules, case):
    date, ambiguous = parse_date_line(case["input"])
    return {"date": date, "ambiguous": ambiguous}


def numeral(rules, case):
    return {"value": chinese(case["input"])}


def number(rules, case):
    return {"doc_number": doc_number(rules, cleaned(case["input"]))}


def units(rules, case):
    # (matched as simplified, as the header's stages see a line: unit words are simplified)
    return {"units": split_units(rules, simplify(cleaned(case["input"])))}


def recipients(rules, case):
    return {"recipients": is_recipients(rules, cleaned(case["input"]))}


def rule_match(rules, case):
    """The compiled rule as the parser uses it: `match` for closing rules, else `fullmatch`."""
    mode = case.get("mode") or ("match" if case["rule"].startswith("closing.") else "fullmatch")
    m = getattr(compiled(rules, case["rule"]), mode)(cleaned(case["input"]))
    groups = {k: v for k, v in m.groupdict().items() if v is not None} if m else None
    return {"matches": m is not None, "groups": groups}


def task_fields(rules, case):
    """The task `task` (default 0) of the input parsed as a whole document, or the section of
    id `section` (its own units)."""
    doc = gkparse.parse(case["input"], keywords=False)
    if "section" in case:
        task = next(n for n in doc.walk() if n.id == str(case["section"]))
    else:
        task = doc.tasks[case.get("task", 0)]
    deadlines = [[d.text, d.date] for d in task.deadlines]
    return {
        "title": task.title,
        "text": task.text,
        "responsible": task.responsible,
        "lead": task.lead,
        "support": task.support,
        "deadlines": deadlines,
    }


def outline(rules, case):
    """The outline of the input parsed as a whole document: [level, marker] of every heading."""
    doc = gkparse.parse(case["input"], keywords=False)
    nodes = doc.walk()
    return {
        "headings": [[n.level, n.marker] for n in nodes],
        "titles": [n.title for n in nodes],
    }


def header(rules, case):
    """The header fields of the input parsed as a whole document, its preamble, and the page's
    publisher and time."""
    doc = gkparse.parse(case["input"], keywords=False)
    fields = ("title", "issuer", "doc_number", "date", "recipients", "plan_title", "cc")
    page = {"publisher": doc.metadata.publisher, "published": doc.metadata.published}
    # (`note` says what a case is: the 附注 is `header_note`)
    ours = {"preamble": doc.preamble, "header_note": doc.header.note}
    return {name: getattr(doc.header, name) for name in fields} | ours | page


# `<stage>/<file>` first, then `<stage>`
ADAPTERS: dict[str, Callable[[Any, dict], dict]] = {
    "normalize": normalized,
    "tokenize": tokens,
    "dates": date_line,
    "numerals": numeral,
    "elements/doc_number": number,
    "elements/split_units": units,
    "elements/is_recipients": recipients,
    "elements/header": rule_match,
    "elements/closing": rule_match,
    "elements/values": rule_match,
    "tasks": task_fields,
    "outline": outline,
    "header": header,
}
# keys of a case that are not expected outputs: what it is, where it comes from, stage inputs
CASE_KEYS = {
    "id",
    "rule",
    "source",
    "synthetic",
    "note",
    "xfail",
    "input",
    "task",
    "section",
    "mode",
}


def token_fields(tok) -> dict:
    """A token as the tables write it: kind, name, value, number, marker; empty ones left out."""
    fields = {
        "kind": tok.kind,
        "name": tok.name,
        "value": tok.value,
        "number": tok.number,
        "marker": tok.marker,
    }
    return {k: v for k, v in fields.items() if v not in ("", 0, None)}


def compiled(rules, rule_id: str):
    """The compiled pattern of a rule, found by the `section.id` each one carries (`where`)."""
    section = getattr(rules, rule_id.split(".", 1)[0])
    for item in section.values() if isinstance(section, dict) else section:
        for part in item if isinstance(item, tuple) else (item, getattr(item, "pattern", None)):
            if getattr(part, "where", None) == rule_id:
                return part
    raise KeyError(f"no compiled pattern for rule {rule_id}")


# --- the tables

CASES = Path(__file__).with_name("cases")
ROOT = Path(__file__).resolve().parents[1]
# the shared corpus beside the repository (as CI has it), for the sources of cases
CORPUS = Path(os.environ.get("GKPARSE_CORPUS", ROOT.parent / "shared" / "corpus"))


class TextScalars(SafeConstructor):
    """Dates and decimals stay as written (`2022-09-30`, `1.`): every output compared is text."""


for _tag in ("timestamp", "float"):
    TextScalars.add_constructor(f"tag:yaml.org,2002:{_tag}", SafeConstructor.construct_scalar)


def load_tables() -> list[tuple[str, list[dict]]]:
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = TextScalars
    tables = []
    for path in sorted(CASES.glob("*/*.yaml")):
        try:
            cases = yaml.load(path.read_text(encoding="utf-8")) or []
        except YAMLError as exc:  # a broken table names itself, not a traceback into ruamel
            raise ValueError(f"{path}: not valid YAML: {' '.join(str(exc).split())}") from None
        tables.append((f"{path.parent.name}/{path.stem}", cases))
    return tables


TABLES = load_tables()


def adapter_for(table: str):
    return ADAPTERS.get(table) or ADAPTERS.get(table.split("/")[0])


def params(only_sourced: bool = False) -> list[Any]:
    out = []
    for table, cases in TABLES:
        for case in cases:
            if only_sourced and not case.get("source"):
                continue
            xfail = case.get("xfail") and not only_sourced
            marks = [pytest.mark.xfail(reason=str(case["xfail"]), strict=True)] if xfail else []
            out.append(pytest.param(table, case, marks=marks, id=f"{table}:{case.get('id')}"))
    return out


@pytest.mark.parametrize("table, case", params())
def test_case(rules, table, case):
    adapter = adapter_for(table)
    assert adapter is not None, f"no adapter for tests/cases/{table}.yaml: add one to ADAPTERS"
    actual = adapter(rules, case)
    expected = {k: v for k, v in case.items() if k not in CASE_KEYS}
    assert expected, f"the case names no expected output (one of {sorted(actual)})"
    unknown = sorted(set(expected) - set(actual))
    assert not unknown, f"unknown output key(s) {unknown}: {table} gives {sorted(actual)}"
    got = {k: actual[k] for k in expected}
    diff = [
        f"{k}:\n  expected {expected[k]!r}\n  actual   {got[k]!r}"
        for k in expected
        if got[k] != expected[k]
    ]
    assert got == expected, "\n".join(diff)


# --- the tables checked as a whole


def test_tables_are_well_formed():
    problems = []
    for table, cases in TABLES:
        if adapter_for(table) is None:
            problems.append(f"{table}: no adapter in ADAPTERS")
        ids = [c.get("id") for c in cases]
        problems += [
            f"{table}: duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})
        ]
        for case in cases:
            if not case.get("id") or "input" not in case:
                problems.append(f"{table}: a case without id or input: {case}")
            elif not case.get("source") and not case.get("synthetic"):
                problems.append(f"{table}:{case['id']}: says neither source nor synthetic")
    assert not problems, "\n".join(problems)


def test_every_rule_has_a_case():
    """Every rule of the built-in rules is named by the `rule:` of at least one case."""
    rule_ids = {key for key in load_rules().sources if "." in key}  # `section.id`
    named = set()
    for _, cases in TABLES:
        for case in cases:
            rule = case.get("rule") or []
            named.update([rule] if isinstance(rule, str) else rule)
    assert not named - rule_ids, f"cases name rules that do not exist: {sorted(named - rule_ids)}"
    uncovered = sorted(rule_ids - named)
    assert not uncovered, f"{len(uncovered)} rule(s) without a case: {', '.join(uncovered)}"


def source_file(name: str) -> Path | None:
    top, _, rest = name.partition("/")
    places = {
        "samples": [ROOT / "samples"],
        "corpus": [ROOT / "tests" / "corpus", CORPUS],
        "pool": [CORPUS / "pool"],
        "tests": [ROOT / "tests"],  # tests/dev/synth/: texts written and labelled by hand
    }.get(top, [])
    return next((p / rest for p in places if (p / rest).is_file()), None)


@pytest.mark.parametrize("table, case", params(only_sourced=True))
def test_inputs_are_real(table, case):
    """Each line of a sourced input occurs in the line(s) of the notice it names."""
    name, _, numbers = str(case["source"]).partition(":")
    path = source_file(name)
    if path is None:
        pytest.skip(f"{name} is not available here")
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    cited = [lines[int(n) - 1] for n in numbers.split(",")] if numbers else lines
    missing = [
        x
        for x in case["input"].splitlines()
        if x.strip() and not any(x.strip() in line for line in cited)
    ]
    assert not missing, f"not in {case['source']}: {missing}"


POOL_FILE = re.compile(r"\bpool/(\d+)")


def test_no_case_comes_from_the_evaluation_set():
    """The 40 labelled texts of tests/eval/ measure the parser; no test is built on them, as
    its `source` or as the text a `synthetic` case was made from (`pool/249.txt lines 1-11
    joined`)."""
    held_out = {p.stem for p in (ROOT / "tests" / "eval" / "gold").glob("*.txt")}
    used = [
        f"{table}:{case.get('id')}"
        for table, cases in TABLES
        for case in cases
        if held_out.intersection(
            POOL_FILE.findall(f"{case.get('source', '')} {case.get('synthetic', '')}")
        )
    ]
    assert not used, f"cases taken from the evaluation set: {used}"
