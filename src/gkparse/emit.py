"""Emit: Document -> the `gkparse/1` mapping, written as YAML or JSON. Key order and style only."""

from __future__ import annotations

import io
import json
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.representer import RoundTripRepresenter

from .fastyaml import dump
from .model import Document, Node

SCHEMA = "gkparse/1"


def _section(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": node.id,
        "level": node.level,
        "marker": node.marker or None,
        "title": node.title,
        "text": node.text,
        "line": node.line,
    }
    # units named for the whole section, written only when there are some: every other section
    # keeps exactly the shared SPEC's keys (README: Where the output goes beyond SPEC)
    if node.responsible or node.support:
        out["responsible"] = list(node.responsible)
        out["lead"] = list(node.lead)
        out["support"] = list(node.support)
    out["sections"] = [_section(c) for c in node.children if c.children]
    return out


def _task(node: Node) -> dict[str, Any]:
    return {
        "id": node.id,
        "section": node.parent.id if node.parent else None,
        "level": node.level,
        "marker": node.marker or None,
        "title": node.title,
        "text": node.text,
        "line": node.line,
        "responsible": list(node.responsible),
        "lead": list(node.lead),
        "support": list(node.support),
        "deadlines": [{"text": d.text, "date": d.date} for d in node.deadlines],
        "keywords": list(node.keywords),
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    return _document(doc)


def _document(doc: Document) -> dict[str, Any]:
    h, md = doc.header, doc.metadata
    return {
        "schema": SCHEMA,
        "header": {
            "title": h.title,
            "issuer": h.issuer,
            "doc_number": h.doc_number,
            "date": h.date,
            "recipients": list(h.recipients),
            "cover": h.cover,
            "signature": h.signature,
            "attachments": list(h.attachments),
            "note": h.note,
            "cc": list(h.cc),
            "printer": h.printer,
            "printed": h.printed,
            "plan_title": h.plan_title,
            "signer": h.signer,
            "secrecy": h.secrecy,
            "urgency": h.urgency,
            "copy_number": h.copy_number,
        },
        "metadata": {
            "index_number": md.index_number,
            "disclosure": md.disclosure,
            "publisher": md.publisher,
            "published": md.published,
            "topic": md.topic,
            "keywords": list(md.keywords),
            "year": md.year,
            "source": dict(md.source),
            "dropped": [dict(d) for d in md.dropped],
            "as_printed": [dict(p) for p in md.as_printed],
            "warnings": list(md.warnings),
        },
        "preamble": doc.preamble,
        "sections": [_section(n) for n in doc.roots if n.children],
        "tasks": [_task(n) for n in doc.tasks],
        "closing": doc.closing,
    }


def section_titles(data: dict[str, Any]) -> dict[str, str]:
    """Section id -> title, over the nested sections of a gkparse/1 mapping."""
    titles: dict[str, str] = {}
    stack = list(data["sections"])
    while stack:
        section = stack.pop()
        titles[section["id"]] = section["title"] or ""
        stack.extend(section["sections"])
    return titles


class _Representer(RoundTripRepresenter):
    """Multi-paragraph text as a literal block: one paragraph per line, never folded."""

    def represent_str(self, data: str) -> Any:
        if "\n" in data:
            return self.represent_scalar("tag:yaml.org,2002:str", data, style="|")
        return super().represent_str(data)

    def represent_none(self, data: None) -> Any:
        return self.represent_scalar("tag:yaml.org,2002:null", "null")


_Representer.add_representer(str, _Representer.represent_str)
_Representer.add_representer(type(None), _Representer.represent_none)


def _yaml() -> YAML:
    yaml = YAML()
    yaml.Representer = _Representer
    yaml.width = 1 << 30  # never fold: a paragraph stays on one line, so diffs show paragraphs
    yaml.allow_unicode = True
    yaml.default_flow_style = None  # lists of scalars and small mappings in flow style, as in SPEC
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def to_yaml(data: dict[str, Any]) -> str:
    return dump(data) or ruamel_yaml(data)


def ruamel_yaml(data: dict[str, Any]) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


SURROGATE = re.compile("[\ud800-\udfff]")


def to_json(data: dict[str, Any], lines: bool = False) -> str:
    """JSON as UTF-8 text (`lines`: on one line, for JSON Lines); a lone surrogate (no character:
    a file name's undecodable byte, say) escaped, so that the text can be written at all and
    reads back as the same string."""
    layout: dict[str, Any] = {"separators": (",", ":")} if lines else {"indent": 2}
    text = json.dumps(data, ensure_ascii=False, **layout) + "\n"
    return SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
