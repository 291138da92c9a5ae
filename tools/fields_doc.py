"""Write docs/fields.md, the field reference, from the descriptions of the shipped JSON Schema
(src/gkparse/schema.json), so that the two never say different things:

    python tools/fields_doc.py > docs/fields.md

tests/test_schema_doc.py checks that docs/fields.md is what this prints.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "gkparse" / "schema.json"

INTRO = """\
# The fields of a gkparse document

Every output of `gkparse` is one document of the schema `gkparse/1` ([SPEC](SPEC.md)), in YAML
or JSON: the same keys in the same order. `gkparse schema` prints its JSON Schema, whose
descriptions this page lists (it is written from them by `tools/fields_doc.py`). Dates are ISO
strings (`'2023-03-30'`); a value the notice does not give is `null`, a list it does not give
`[]`. `tasks[].x` is the field `x` of each item of `tasks`.

"""


def rows(node: dict[str, Any], path: str, defs: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(field, type, description) for each property under node, depth first."""
    for key, prop in node.get("properties", {}).items():
        name = f"{path}{key}"
        yield name, kind(prop), prop.get("description", "")
        yield from rows(prop, name + ".", defs)
        items = prop.get("items", {})
        if "properties" in items:
            yield from rows(items, name + "[].", defs)


def kind(prop: dict[str, Any]) -> str:
    """The JSON type of a property, as a reader says it: `string or null`, `list of string`."""
    if "const" in prop:
        return f"`{prop['const']}`"
    if "$ref" in prop.get("items", {}):
        return "list of " + prop["items"]["$ref"].rsplit("/", 1)[-1]
    types = prop.get("type", "object")
    names = types if isinstance(types, list) else [types]
    text = " or ".join("list" if t == "array" else t for t in names)
    item = prop.get("items", {}).get("type")
    return f"{text} of {item}" if item and isinstance(item, str) else text


def table(entries: Iterator[tuple[str, str, str]]) -> str:
    lines = ["| field | type | what it holds |", "|---|---|---|"]
    for name, typ, text in entries:
        cell = text.replace("|", "\\|")  # (a bar would end the cell)
        lines.append(f"| `{name}` | {typ} | {cell} |")
    return "\n".join(lines) + "\n"


def document() -> str:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    defs = schema.get("$defs", {})
    parts = [INTRO, "## The document\n\n", table(rows(schema, "", defs))]
    for name, node in defs.items():
        parts += [
            f"\n## `{name}`\n\n{node.get('description', '')}\n\n",
            table(rows(node, "", defs)),
        ]
    return "".join(parts)


if __name__ == "__main__":
    sys.stdout.write(document())
