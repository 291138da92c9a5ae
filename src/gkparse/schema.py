"""The JSON Schemas shipped with the package: of the `gkparse/1` document (schema.json) and of
the report of `gkparse diff` (`gkparse-diff/1`, diff-schema.json)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

DOCUMENT, DIFF = "schema.json", "diff-schema.json"


def schema(name: str = DOCUMENT) -> dict[str, Any]:
    return json.loads(schema_text(name))


def schema_text(name: str = DOCUMENT) -> str:
    return resources.files("gkparse").joinpath(name).read_text(encoding="utf-8")


def diff_schema() -> dict[str, Any]:
    return schema(DIFF)
