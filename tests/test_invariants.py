"""Invariants over every sample and corpus notice: nothing lost, consistent nesting, determinism."""

from __future__ import annotations

import re
import unicodedata

import pytest
import regex
from conftest import CORPUS, SAMPLES, SYNTH

from gkparse import parse_file
from gkparse.emit import document_to_dict, to_yaml
from gkparse.hanzi import simplify

ALL = SAMPLES + CORPUS + SYNTH
# fields whose value is the line's own text (other fields hold a normalised value: a date, a 文号)
TEXT_FIELDS = {
    "preamble",
    "closing",
    "header.cover",
    "header.title",
    "header.plan_title",
    "header.recipients",
    "header.cc",
    "header.signature",
    "metadata.dropped",
}


def norm(text: str) -> str:
    """Letters, digits and Han only: what survives every repair of punctuation and spacing."""
    return "".join(
        regex.findall(r"[\p{Han}\p{L}\p{N}]+", simplify(unicodedata.normalize("NFKC", text)))
    )


def placed(data: dict, owner: str) -> str | None:
    if owner.startswith("node:"):
        ident = owner[5:]
        nodes = [t for t in data["tasks"] if t["id"] == ident]
        stack = list(data["sections"])
        while stack:
            s = stack.pop()
            stack.extend(s["sections"])
            nodes += [s] if s["id"] == ident else []
        assert len(nodes) == 1, f"{owner}: {len(nodes)} nodes have this id"
        node = nodes[0]
        deadlines = [d["text"] for d in node.get("deadlines", [])]  # a table's deadline cells
        units = [*node.get("responsible", []), *node.get("support", [])]
        fields = [node["marker"], node["title"], node["text"], *units]
        # a row of a table run together prints its units between its task and its text
        row = [node["marker"], node["title"], *units, node["text"], *deadlines]
        return " ".join(filter(None, [*fields, *deadlines, "|", *row]))
    if owner == "header.title":  # a 文号 printed after the title is the doc_number's
        return f"{data['header']['title']} {data['header']['doc_number']}"
    if owner not in TEXT_FIELDS:
        return None
    value = data.get(owner) if "." not in owner else data[owner.split(".")[0]][owner.split(".")[1]]
    if isinstance(value, list):
        return " ".join(v["text"] if isinstance(v, dict) else v for v in value)
    return value


def kept_apart(data: dict, line: int, owner: str) -> list[str]:
    """What of a line its field holds in another form (as_printed) or without (dropped)."""
    meta = data["metadata"]
    printed = [p["text"] for p in meta["as_printed"] if p["line"] == line and p["field"] == owner]
    return printed + [d["text"] for d in meta["dropped"] if d["line"] == line]


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_every_line_in_exactly_one_place(path):
    doc = parse_file(path)
    data = document_to_dict(doc)
    lines = path.read_bytes().decode(doc.metadata.source["encoding"]).splitlines()
    nonblank = {i for i, line in enumerate(lines, 1) if line.strip(" \t\u3000\u00a0\ufeff")}
    assert {s.line for s in doc.segments} == nonblank
    for seg in doc.segments:
        assert seg.owner, f"line {seg.line} has no place"
        where = placed(data, seg.owner)
        if where is not None:  # (a label taken off, junk cut from the line: kept with its line)
            where = " ".join([where, *kept_apart(data, seg.line, seg.owner)])
        text = norm(seg.text)
        if where is not None and text:  # (a line of table rules or symbols has no words to check)
            # a heading's marker and a responsibility label are fields of their own
            assert any(text[k:] in norm(where) for k in range(min(len(text), 7))), (
                f"line {seg.line} not in {seg.owner}"
            )


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_deterministic(path):
    assert to_yaml(document_to_dict(parse_file(path))) == to_yaml(
        document_to_dict(parse_file(path))
    )


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_nesting_is_consistent(path):
    data = document_to_dict(parse_file(path))
    ids = [t["id"] for t in data["tasks"]]
    for task in data["tasks"]:
        # `5#2.13`: item 13 under the second heading numbered 5 (a repeated number)
        ident = re.sub(r"#\d+", "", task["id"].split("/")[-1])
        assert task["level"] == ident.count(".") + 1
        assert re.sub(r"#\d+", "", (task["section"] or "").split("/")[-1]) == (
            ident.rsplit(".", 1)[0] if "." in ident else ""
        )
    lines = [t["line"] for t in data["tasks"]]
    assert lines == sorted(lines)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_source_describes_the_file(path):
    import hashlib

    source = document_to_dict(parse_file(path))["metadata"]["source"]
    data = path.read_bytes()
    assert source["file"] == str(path)  # the path as given
    assert source["sha256"] == hashlib.sha256(data).hexdigest()
    assert source["lines"] == len(data.decode(source["encoding"]).splitlines())
