"""The pipeline: the stages of a parse, in order, over one State.

Each stage reads what the stages before it added to the state and adds its own part, once:

    lines     the text cut into one Segment per line, cleaned for matching
    tokens    each segment (a flattened body cut first) classified from its own text
    page      junk to metadata.dropped, page metadata to its fields, wherever they stand
    tables    task tables flattened one cell per line: row numbers as headings, cells by column
    header    the 版头 and 主体 elements before the first numbered heading
    body      the outline: which candidate headings open nodes; every other segment joins one
    fields    each node's title and text, units and deadlines; the preamble and closing text
    check     lines nothing claimed kept visibly; the warnings rendered
    restore   traditional characters given back as the notice printed them
    printed   each piece of the input a field holds in another form, kept as printed
    keywords  the terms of each task (jieba)
    source    what the document was read from, and which rules timed out

`parse(..., keywords=False)` runs the pipeline without the `keywords` stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from . import (
    body,
    check,
    fields,
    hanzi,
    header,
    keywords,
    normalize,
    page,
    printed,
    report,
    tables,
    tokenize,
)
from .model import Document
from .rules import counting_timeouts
from .state import State


class Stage(NamedTuple):
    name: str
    run: Callable[[State], None]


STAGES: tuple[Stage, ...] = (
    Stage("lines", normalize.run),
    Stage("tokens", tokenize.run),
    Stage("page", page.run),
    Stage("tables", tables.run),
    Stage("header", header.run),
    Stage("body", body.run),
    Stage("fields", fields.run),
    Stage("check", check.run),
    Stage("restore", hanzi.run),
    Stage("printed", printed.run),
    Stage("keywords", keywords.run),
    Stage("source", report.run),
)


def run(state: State, skip: Iterable[str] = ()) -> Document:
    """Run every stage but those named in `skip` over the state; return its document."""
    skipped = set(skip)
    unknown = skipped - {s.name for s in STAGES}
    if unknown:
        raise ValueError(f"no such stage: {', '.join(sorted(unknown))}")
    with counting_timeouts(state.timeouts):
        for stage in STAGES:
            if stage.name not in skipped:
                stage.run(state)
    return state.doc
