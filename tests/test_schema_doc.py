"""The JSON Schema describes every field, and docs/fields.md says what it says."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

from conftest import ROOT


def properties(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of a schema, wherever it is declared (nested, in items, in $defs)."""
    if isinstance(node, dict):
        for key, prop in node.get("properties", {}).items():
            yield f"{path}{key}", prop
        for key, value in node.items():
            step = f"{path}{key}." if key not in ("properties", "items", "$defs") else path
            yield from properties(value, step)
    elif isinstance(node, list):
        for value in node:
            yield from properties(value, path)


def test_every_field_of_the_printed_schema_has_a_description():
    proc = subprocess.run(
        [sys.executable, "-m", "gkparse", "schema"], capture_output=True, timeout=60
    )
    schema = json.loads(proc.stdout)
    found = list(properties(schema))
    assert len(found) > 60  # (the walk reaches nested fields: header.title, tasks[].deadlines…)
    assert [name for name, prop in found if not prop.get("description", "").strip()] == []
    assert all(node.get("description") for node in schema["$defs"].values())


def test_the_field_reference_is_written_from_the_schema_and_linked_from_the_readme():
    generated = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "fields_doc.py")], capture_output=True, timeout=60
    ).stdout.decode("utf-8")
    assert (ROOT / "docs" / "fields.md").read_text(encoding="utf-8") == generated
    assert "`tasks[].deadlines[].date`" in generated and "`metadata.source.file`" in generated
    assert "(docs/fields.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
