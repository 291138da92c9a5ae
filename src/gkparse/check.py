"""Stage `check`: nothing is lost, and the document says what it doubts.

A segment no stage claimed is a defect, but its line is never lost: it is kept in the closing
text, with a warning. A text without Chinese, or without numbered headings, is said to be so.
The doubts of every stage become metadata.warnings, in line order.
"""

from __future__ import annotations

from . import precompiled
from .model import Issue
from .state import State

HAN = precompiled.pattern(r"\p{Han}")
LOOK_AT = 200  # segments looked at to tell whether the text is Chinese at all


def run(state: State) -> None:
    doc, issues = state.doc, state.issues
    for seg in doc.segments:
        if seg.owner is None:
            issues.append(Issue(seg.line, "line could not be placed; kept in closing"))
            doc.closing = "\n".join(filter(None, [doc.closing, seg.text]))
            seg.owner = "closing"
    if not HAN.search("".join(s.text for s in doc.segments[:LOOK_AT])):
        issues.append(Issue(None, "no Chinese text: this does not look like a notice"))
    elif not doc.roots:
        issues.append(Issue(None, "no numbered headings: the body is in the preamble"))
    doc.metadata.warnings = [i.render() for i in sorted(issues, key=lambda i: i.line or 0)]
