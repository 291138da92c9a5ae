"""The JSON Schema of the `gkparse/1` document, shipped with the package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def schema() -> dict[str, Any]:
    return json.loads(schema_text())


def schema_text() -> str:
    return resources.files("gkparse").joinpath("schema.json").read_text(encoding="utf-8")
