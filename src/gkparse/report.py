"""Stage `source`: what the document was read from, and which rules gave up on it."""

from __future__ import annotations

from .state import State


def run(state: State) -> None:
    md = state.doc.metadata
    for pattern in state.rules.patterns():
        count = state.timeouts.pop(pattern.where, 0)
        if count:
            md.warnings.append(
                f"rule {pattern.where} timed out {count} time(s) and was taken as no match"
            )
    md.source = {**state.source, "lines": len(state.text.splitlines())}
