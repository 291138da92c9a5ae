"""The document model: plain dataclasses handed from stage to stage; no I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, eq=False)
class Segment:
    """A piece of one input line: the unit the parser classifies and places.

    Most segments are whole lines; a page-metadata line with several label/value pairs, or a
    body flattened onto one line, is cut into several segments of the same line.
    """

    line: int
    """1-based line number in the input."""
    text: str
    """The cleaned text: indentation, Markdown marks and junk symbols removed."""
    raw: str
    """The text as it stood in the input (for metadata.dropped and error messages)."""
    cont: bool = False
    """Cut from the middle of a line before a possible marker: unless it opens a heading, it
    continues the text before it."""
    context: str = "line"
    """What precedes it in the input: `line` (a line start), `space` (a space that stood for a
    line break), `stop` (。；：！？), `bracket` (a closing bracket or quote), `han` (glued to text)."""
    cell: str | None = None
    """In a task table, the role of its column (tables.py): header, number, task, text, lead,
    responsible, deadline."""
    column: int | None = None
    """In a row printed with bars, the index of its cell, empty cells counted (unflatten.py)."""
    owner: str | None = None
    """Where the segment ended up (`header.title`, `task 1.2`, `dropped`…); set exactly once."""


@dataclass(slots=True)
class Issue:
    """Something the parser doubted or repaired, for metadata.warnings."""

    line: int | None
    message: str

    def render(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(slots=True)
class Deadline:
    text: str
    date: str | None


@dataclass(slots=True)
class Node:
    """A numbered heading and what belongs to it; a Section if it has children, else a Task."""

    id: str
    level: int
    marker: str
    numbering: str
    """The numbering kind of its list (the outline rule's `kind`, or `unnumbered`)."""
    number: int
    line: int
    head: str
    """What followed the marker on the heading's own line."""
    tier: int = 4
    segs: list[Segment] = field(default_factory=list)
    """The heading's segment and every segment of its body, in order."""
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    title: str | None = None
    text: str | None = None
    responsible: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    """牵头单位: the units that lead, also in `responsible`."""
    support: list[str] = field(default_factory=list)
    """配合单位, 协办单位: the units that help, not responsible."""
    deadlines: list[Deadline] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    order: int = 0
    """Its place in GB/T 9704's sequence of levels (the outline rule's `order`; 0: none)."""


@dataclass(slots=True)
class Header:
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    recipients: list[str] = field(default_factory=list)
    cover: str | None = None
    signature: str | None = None
    attachments: list[str] = field(default_factory=list)
    note: str | None = None
    cc: list[str] = field(default_factory=list)
    printer: str | None = None
    printed: str | None = None
    plan_title: str | None = None
    signer: str | None = None
    """签发人 (of a 上行文)."""
    secrecy: str | None = None
    """密级和保密期限."""
    urgency: str | None = None
    """紧急程度."""
    copy_number: str | None = None
    """份号."""


@dataclass(slots=True)
class Metadata:
    index_number: str | None = None
    disclosure: str | None = None
    publisher: str | None = None
    published: str | None = None
    topic: str | None = None
    keywords: list[str] = field(default_factory=list)
    year: int | None = None
    source: dict[str, Any] = field(default_factory=dict)
    dropped: list[dict[str, Any]] = field(default_factory=list)
    """Every input line removed as junk, and the junk removed from inside a line: {line, text}."""
    as_printed: list[dict[str, Any]] = field(default_factory=list)
    """Each piece of the input a field holds in another form, as printed: {line, field, text}."""
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    header: Header = field(default_factory=Header)
    metadata: Metadata = field(default_factory=Metadata)
    preamble: str | None = None
    roots: list[Node] = field(default_factory=list)
    closing: str | None = None
    segments: list[Segment] = field(default_factory=list, repr=False)
    """Every segment of the input, each with its owner: the evidence that nothing was lost."""

    def walk(self) -> list[Node]:
        """All numbered nodes in document order."""
        out: list[Node] = []
        stack = list(reversed(self.roots))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out

    @property
    def tasks(self) -> list[Node]:
        return [n for n in self.walk() if not n.children]


@dataclass(slots=True)
class Token:
    """A classified segment: what the tokenizer could tell from the segment alone."""

    kind: str
    """junk | meta | heading | responsibility | text"""
    seg: Segment
    name: str = ""
    """The rule id (junk), field (meta), outline rule id (heading), label (responsibility)."""
    value: str = ""
    """The metadata value, the heading's text after its marker, the responsible units."""
    number: int = 0
    marker: str = ""
    numbering: str = ""
    """The heading's numbering kind (the outline rule's `kind`): one kind numbers one list."""
    tier: int = 4
    order: int = 0
    """Its place in GB/T 9704's sequence of levels (the outline rule's `order`; 0: none)."""
