"""What `gkparse diff` says of two documents besides their tasks: which inputs they are, and
which fields of their headers changed (a new 文号, date, title or issuer), reported first."""

from __future__ import annotations

from typing import Any

# the header's fields in the order a reader looks for them (GB/T 9704's elements), then the
# plan's year; a field neither document has is left out
FIELDS = (
    "doc_number",
    "date",
    "title",
    "plan_title",
    "issuer",
    "recipients",
    "signer",
    "secrecy",
    "urgency",
    "copy_number",
    "cover",
    "signature",
    "attachments",
    "note",
    "cc",
    "printer",
    "printed",
)
LABELS = {  # as a Chinese office names them, for the Markdown report
    "doc_number": "文号",
    "date": "成文日期",
    "title": "标题",
    "plan_title": "计划标题",
    "issuer": "发文机关",
    "recipients": "主送机关",
    "signer": "签发人",
    "secrecy": "密级",
    "urgency": "紧急程度",
    "copy_number": "份号",
    "cover": "印发语",
    "signature": "署名",
    "attachments": "附件",
    "note": "附注",
    "cc": "抄送",
    "printer": "印发机关",
    "printed": "印发日期",
    "year": "年度",
}


def check_header(data: dict[str, Any]) -> None:
    """The header fields diff reads, if present, with their types (ValueError otherwise)."""
    header = data.get("header", {})
    if not isinstance(header, dict):
        raise ValueError("not a gkparse/1 document: header must be a mapping")
    for key in FIELDS:
        value = header.get(key)
        if isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                raise ValueError(f"not a gkparse/1 document: header.{key} malformed")
        elif not isinstance(value, (str, type(None))):
            raise ValueError(f"not a gkparse/1 document: header.{key} malformed")
    metadata = data.get("metadata", {})
    if not isinstance(metadata, dict) or not isinstance(metadata.get("year"), (int, type(None))):
        raise ValueError("not a gkparse/1 document: metadata.year malformed")
    source = metadata.get("source", {})
    if not isinstance(source, dict) or not isinstance(source.get("file", ""), (str, type(None))):
        raise ValueError("not a gkparse/1 document: metadata.source malformed")


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    header = data.get("header", {})
    values = {key: header.get(key) for key in FIELDS}
    values["year"] = data.get("metadata", {}).get("year")
    return values


def header_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields whose values differ, in FIELDS order. An empty list and a missing one (a
    document without 抄送) are the same."""
    a, b = _fields(old), _fields(new)
    return [
        {"field": key, "old": a[key], "new": b[key]}
        for key in a
        if (a[key] or None) != (b[key] or None)
    ]


def side(path: str, data: dict[str, Any]) -> dict[str, Any]:
    """One input as the report names it: the path given (`-`: standard input), the notice it
    was read from, its title and its number of tasks."""
    header = data.get("header", {})
    return {
        "path": path,
        "source": data.get("metadata", {}).get("source", {}).get("file"),
        "title": header.get("plan_title") or header.get("title"),
        "doc_number": header.get("doc_number"),
        "tasks": len(data["tasks"]),
    }
