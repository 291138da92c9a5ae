"""gkparse documents read back: a gkparse YAML or JSON (JSON Lines too) given to `diff` or
`tasks` instead of a notice, its fields checked once, here, so that a document edited by hand
fails with one line (`gkparse: PATH: reason`), never deeper in a command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .diffheader import check_header
from .sectionunits import check as check_section_units

DOCUMENT_SUFFIXES = {".yaml": ".yaml", ".yml": ".yaml", ".json": ".json", ".jsonl": ".json"}


def document_kind(raw: bytes | None, source: Path | None) -> str | None:
    """`.yaml` or `.json` when an input is a gkparse document (by its file's suffix; on
    standard input, `raw`, by how it starts), None when it is a notice to parse."""
    if source is not None:
        return DOCUMENT_SUFFIXES.get(source.suffix.lower())
    head = (raw or b"").lstrip()[:40]
    if head.startswith(b"{"):
        return ".json"
    return ".yaml" if head.startswith(b"schema:") else None


def read_documents(raw: bytes, kind: str) -> list[dict[str, Any]]:
    """The gkparse/1 documents of a YAML stream or of JSON values one after another (`kind`;
    one, or JSON Lines), their fields checked: ValueError for any that is not one, or none."""
    text = raw.decode("utf-8")
    values = _json_values(text) if kind == ".json" else _yaml(text)
    if not values:
        raise ValueError("holds no document")
    for data in values:
        if not isinstance(data, dict) or data.get("schema") != "gkparse/1":
            raise ValueError("not a gkparse/1 document")
        _check(data)
    return values


def _json_values(text: str) -> list[Any]:
    """The JSON values of a text, one after another: one document (`--format json`) or a line
    each (`--format jsonl`)."""
    decoder = json.JSONDecoder()
    values, at = [], 0
    while True:
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        if at == len(text):
            return values
        value, at = decoder.raw_decode(text, at)
        values.append(value)


def _yaml(text: str) -> list[Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        docs = list(YAML(typ="safe").load_all(text))
    except YAMLError as exc:
        reason = " ".join(str(exc).split())[:200]
        raise ValueError(f"not valid YAML (or a tag that is not allowed): {reason}") from None
    return docs


TASK_FIELDS = {
    "id": str,
    "section": (str, type(None)),
    "title": (str, type(None)),
    "text": (str, type(None)),
    "responsible": list,
    "deadlines": list,
}


def _check(data: dict[str, Any]) -> None:
    """The fields diff reads, with their types: a document edited by hand fails here, once."""
    if not isinstance(data.get("sections"), list) or not isinstance(data.get("tasks"), list):
        raise ValueError("not a gkparse/1 document: sections and tasks must be lists")
    stack = list(data["sections"])
    while stack:
        section = stack.pop()
        if not isinstance(section, dict) or not isinstance(section.get("sections"), list):
            raise ValueError("not a gkparse/1 document: a section without its sections")
        if not isinstance(section.get("id"), str):
            raise ValueError("not a gkparse/1 document: a section without an id")
        stack.extend(section["sections"])
    check_section_units(data)
    for n, task in enumerate(data["tasks"]):
        for key, kind in TASK_FIELDS.items():
            if not isinstance(task, dict) or not isinstance(task.get(key), kind):
                raise ValueError(f"not a gkparse/1 document: tasks[{n}].{key} missing or wrong")
        for d in task["deadlines"]:
            if not isinstance(d, dict) or not isinstance(d.get("text"), str):
                raise ValueError(f"not a gkparse/1 document: tasks[{n}].deadlines malformed")
            if not isinstance(d.get("date"), (str, type(None))):
                raise ValueError(f"not a gkparse/1 document: tasks[{n}].deadlines malformed")
        for key in ("responsible", "lead", "support"):
            if not all(isinstance(u, str) for u in task.get(key, [])):
                raise ValueError(f"not a gkparse/1 document: tasks[{n}].{key} malformed")
    check_header(data)


def warnings_of(data: dict[str, Any]) -> list[str]:
    """A document's warnings (one read from YAML may hold anything there)."""
    meta = data.get("metadata")
    warnings = meta.get("warnings") if isinstance(meta, dict) else None
    return [str(w) for w in warnings] if isinstance(warnings, list) else []
