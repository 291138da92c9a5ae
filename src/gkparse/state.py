"""The state of one parse: what the stages of the pipeline read and add to, each once, in order.

Every field says which stage fills it (see pipeline.py); a stage reads only what the stages
before it have added.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .model import Document, Issue, Segment, Token
from .rules import Rules


@dataclass(slots=True, eq=False)
class State:
    text: str
    """The decoded input."""
    rules: Rules
    source: dict[str, Any]
    """What the document was read from: file name, sha256, encoding (the caller's)."""
    issues: list[Issue] = field(default_factory=list)
    """Doubts and repairs, from every stage; rendered into metadata.warnings by `check`."""
    doc: Document = field(default_factory=Document)
    """The document being built; `lines` gives it its segments."""
    restore: dict[int, str] = field(default_factory=dict)
    """lines: simplified -> written characters, for a notice in traditional characters."""
    removed: dict[int, str] = field(default_factory=dict)
    """lines: what cleaning took out of a line (Markdown marks, pinyin…), by line number."""
    tokens: list[Token] = field(default_factory=list)
    """tokens: every segment classified from its own text."""
    notice: list[Token] = field(default_factory=list)
    """page: the tokens that are neither junk nor page metadata."""
    body: list[Token] = field(default_factory=list)
    """header: the tokens from the first numbered heading on."""
    unnumbered_kind: str | None = None
    """header: the numbering kind whose section titles lost their numbers (None: none did)."""
    tail_units_after: Segment | None = None
    """tables: a header row run together that names unit columns: the rows after it hold
    their units after their task (gluedrows.py) or at their end, when the units' column is
    last (`…营商环境。区直各有关单位，各片区管理局`)."""
    glued_roles: list[str] = field(default_factory=list)
    """tables: the roles of that header row's columns, in order."""
    closing: list[Segment] = field(default_factory=list)
    """body, fields: text after the last item that belongs to none of them."""
    timeouts: Counter[str] = field(default_factory=Counter)
    """Rule patterns that gave up on this document, by rule (see rules.Guarded)."""
