"""The units a task inherits: those its section and the sections around it name for the whole
section (`sections[].lead/responsible/support`, present only when a section names some).

The document keeps them on the sections, apart from the units a task itself names; the views of
tasks (`gkparse tasks`, its `--unit`, the calendar, `diff`) read them from here, still apart, so
that a unit named by both is never counted twice as the task's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

ROLES = ("lead", "responsible", "support")
Units = dict[str, list[str]]  # role -> units, in the order the sections name them
NONE: Units = {role: [] for role in ROLES}


def inherited(data: dict[str, Any]) -> dict[str, Units]:
    """Section id -> the units it and its enclosing sections name, outermost first, each once
    a role. A section that names none, under none that does, maps to NONE."""
    table: dict[str, Units] = {}
    stack = [(section, NONE) for section in reversed(data["sections"])]
    while stack:
        section, above = stack.pop()
        own = {role: section.get(role) or [] for role in ROLES}
        units = above if not any(own.values()) else _joined(above, own)
        table[section["id"]] = units
        stack.extend((child, units) for child in reversed(section["sections"]))
    return table


def of_task(table: dict[str, Units], task: dict[str, Any]) -> Units:
    """The units a task inherits (NONE outside any section that names some)."""
    return table.get(task.get("section") or "", NONE)


def named_anywhere(data: dict[str, Any]) -> bool:
    """Whether any section of a document names units for itself."""
    return any(section.get(role) for section in _sections(data) for role in ROLES)


def all_units(units: Units) -> list[str]:
    """The units of every role, each once, in the order of ROLES."""
    return list(dict.fromkeys(u for role in ROLES for u in units[role]))


def check(data: dict[str, Any]) -> None:
    """A section's units, where present, are lists of names (ValueError otherwise): a
    document read from YAML may have been edited by hand."""
    for section in _sections(data):
        for role in ROLES:
            value = section.get(role, [])
            if not isinstance(value, list) or not all(isinstance(u, str) for u in value):
                raise ValueError(f"not a gkparse/1 document: sections {section['id']}: {role}")


def _sections(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every section of a document, nested ones too."""
    stack = list(data["sections"])
    while stack:
        section = stack.pop()
        yield section
        stack.extend(section["sections"])


def _joined(above: Units, own: Units) -> Units:
    return {role: list(dict.fromkeys([*above[role], *own[role]])) for role in ROLES}
