"""Stage `printed`: each piece of the input that a field holds in another form, kept as printed.

The schema's fields hold a line in another form than printed: a page-metadata label is taken
off (`发布时间：`), a date made ISO (`2023年3月30日`), a list split at its separators, a 文号 or
a heading's marker normalised (`一.` → `一、`), a heading's title cut from its first sentence
without its full stop, a title printed twice kept once. Each such piece goes to
metadata.as_printed, with its line and the field that holds it; junk cut from inside a line is
in metadata.dropped (normalize.py). Together they keep every character of the input somewhere
in the output, which tools/charcheck.py checks without knowing how gkparse parses.

Compared as the SPEC allows fields to differ from the print: full-width forms as half-width
(NFKC), traditional characters as simplified, white space, controls and format characters not
at all.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any

import regex

from .hanzi import simplify
from .model import Document, Node, Segment
from .normalize import LINE_BREAK, strip_spaces
from .state import State

# white space, controls, format characters, and U+FFFD (bytes no character was read from)
UNSEEN = regex.compile(r"[\p{Z}\p{Cc}\p{Cf}\ufffd]+")
NODE_OWNER = "node:"  # the owner a segment of a section or task has: `node:` and the node's id
STOP_AFTER_TITLE = 3  # a title ends within this many characters of its full stop or colon


def comparable(text: str, fold: bool = True) -> Counter[str]:
    """The characters of `text` as fields and print are compared: a multiset. `fold=False`
    leaves traditional characters as they are (a notice without any: simplifying changes none)."""
    return Counter(compared(text, fold))


# The full-width forms of a Chinese line (normalize.py makes a `,` beside Chinese `，`), each with
# its compatibility decomposition. Putting a character's NFKD in its place leaves the NFKC of a
# text as it was; with these gone, NFKC's quick check passes most lines as they are, where its
# full composition cost ~20 µs a line, a fifth of this stage.
WIDE = tuple((ch, unicodedata.normalize("NFKD", ch)) for ch in "，（）：；？！\u3000\u00a0")


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), the common full-width forms replaced first."""
    for wide, narrow in WIDE:
        text = text.replace(wide, narrow)
    return unicodedata.normalize("NFKC", text)


def compared(text: str, fold: bool = True) -> str:
    """The characters of `text` that are compared, in order (see comparable)."""
    if not text.isascii():
        text = nfkc(text)
        text = simplify(text) if fold else text
    # its spaces gone (a field's pieces are joined by them), a printable text has nothing
    # UNSEEN takes (printable: no Z but the space, no C): the test is a tenth of a search
    text = text.replace(" ", "")
    if text.isprintable() and "\ufffd" not in text:
        return text
    return UNSEEN.sub("", text)


def within(need: Counter[str], pool: Counter[str]) -> bool:
    """Every character of `need` is in `pool` as often (Counter's `-` builds a third counter)."""
    return all(pool[ch] >= n for ch, n in need.items())


def value_text(value: Any) -> str:
    """The text of a field's value: a string, a list of strings or deadlines, or none."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(value_text(v) if not hasattr(v, "text") else v.text for v in value)
    return ""


def held(doc: Document, owner: str) -> str:
    """The text the field `owner` (a segment's owner) holds."""
    if owner in ("preamble", "closing"):
        return value_text(getattr(doc, owner))
    part, _, name = owner.partition(".")
    obj = {"header": doc.header, "metadata": doc.metadata}.get(part)
    return value_text(getattr(obj, name, None)) if obj is not None else ""


def node_head(node: Node) -> str:
    """A heading's marker and title: the first words of node_text."""
    return " ".join(filter(None, [node.marker, node.title]))


def node_text(node: Node) -> str:
    """What a section or task holds of the print: marker, title, text, units and deadlines."""
    units = [*node.responsible, *node.lead, *node.support, *(d.text for d in node.deadlines)]
    return " ".join(filter(None, [node_head(node), node.text, *units]))


def title_end(head: str, title: str) -> int | None:
    """Where `title` ends in the heading's text, spaces inside it passed over (None: the title
    is not the heading's first words, as in a table row whose title is its task cell)."""
    i = 0
    for ch in title:
        while i < len(head) and head[i] != ch and head[i].isspace():
            i += 1
        if i == len(head) or head[i] != ch:
            return None
        i += 1
    return i


def heading(node: Node, seg_text: str) -> str:
    """The heading as printed on its line: its marker and title, with the full stop or colon
    that ended the title; what follows on the line is the start of the node's text."""
    marker = seg_text[: len(seg_text) - len(node.head)] if seg_text.endswith(node.head) else ""
    end = title_end(node.head, node.title) if node.title else 0
    if end is None:
        return ""
    text = strip_spaces(node.text or "")  # the text's paragraphs have their PDF spaces mended
    for cut in range(end, min(end + STOP_AFTER_TITLE, len(node.head)) + 1):
        if text.startswith(strip_spaces(node.head[cut:])):
            return marker + node.head[:cut]
    return marker + node.head


class Keeper:
    """Takes each segment's characters from what its field holds; keeps what is not held."""

    def __init__(self, doc: Document, back: dict[int, str], fold: bool) -> None:
        self.doc, self.back, self.fold = doc, back, fold
        self.nodes = {n.id: n for n in doc.walk()}
        self.pools: dict[str, Counter[str]] = {}
        self.memo: dict[str, str] = {}  # (a line's text is compared as a piece and whole)
        # a field's text, how far its pieces were found in it in order, and the pieces taken
        self.fields: dict[str, str] = {}
        self.found: dict[str, int] = {}
        self.taken: dict[str, list[str]] = {}

    def seen(self, text: str) -> str:
        found = self.memo.get(text)
        if found is None:
            found = self.memo[text] = compared(text, self.fold)
        return found

    def chars(self, text: str) -> Counter[str]:
        return Counter(self.seen(text))

    def node(self, owner: str) -> Node | None:
        """The section or task a segment's owner names, or None."""
        if not owner.startswith(NODE_OWNER):
            return None
        return self.nodes.get(owner[len(NODE_OWNER) :])

    def field(self, owner: str) -> str:
        """The field as as_printed names it: `section 2.1`, `task 2.1.3`, `header.title`."""
        node = self.node(owner)
        if node is not None:
            return f"{'section' if node.children else 'task'} {node.id}"
        return owner

    def held(self, owner: str) -> str:
        """The text the field `owner` holds (found once a field)."""
        if owner not in self.fields:
            node = self.node(owner)
            self.fields[owner] = node_text(node) if node else held(self.doc, owner)
        return self.fields[owner]

    def pool(self, owner: str) -> Counter[str]:
        """The characters of the field not taken yet, as a multiset."""
        if owner not in self.pools:
            pool = self.chars(self.held(owner))
            for piece in self.taken.get(owner, []):
                pool.subtract(self.seen(piece))
            self.pools[owner] = pool
        return self.pools[owner]

    def take(self, owner: str, text: str, head: str | None = None) -> bool:
        """Take the characters of `text` from the field's if they are all there (in `head`, the
        field's first words, when given); a piece not all there is kept whole and takes none.

        The common case needs no counting and no normalising: the field holds the piece as it
        is, after the pieces taken before it (so its characters are all there). Once a piece is
        not found so, the field's characters are counted, those taken subtracted."""
        if owner not in self.pools:
            if head is not None:  # a heading's marker and title: taken from the field's start
                if not self.holds(head, text):
                    return False
                self.taken.setdefault(owner, []).append(text)
                self.found[owner] = max(self.found.get(owner, 0), len(head))
                return True
            at = self.held(owner).find(text, self.found.get(owner, 0))
            if at >= 0:
                self.found[owner] = at + len(text)
                self.taken.setdefault(owner, []).append(text)
                return True
        need, pool = self.chars(text), self.pool(owner)
        if not within(need, pool if head is None else self.chars(head)):
            return False
        pool.subtract(need)  # in place: each character of `need` is in the pool
        return True

    def holds(self, whole: str, part: str) -> bool:
        """Every character of `part` is in `whole`, as compared (where both are the same
        characters in the same order, the common case, or `part` has more of them, nothing is
        counted)."""
        seen, held_text = self.seen(part), self.seen(whole)
        if seen == held_text:
            return True
        return len(seen) <= len(held_text) and within(Counter(seen), self.chars(whole))

    def keep(self, seg: Segment) -> list[dict[str, Any]]:
        owner = seg.owner or ""
        text = seg.text.translate(self.back) if self.back else seg.text  # (most have none)
        node = self.node(owner)
        if node is not None and node.segs and node.segs[0] is seg:
            cut = len(heading(node, text))
            # the raw text where cleaning only changed widths, one character for one
            printed = seg.raw if len(seg.raw) == len(text) else text
            entries = []
            if not self.take(owner, text[:cut], node_head(node)):
                entries.append(self.entry(seg.line, self.field(owner), printed[:cut]))
            if not self.take(owner, text[cut:]):
                entries.append(self.entry(seg.line, self.field(owner), printed[cut:]))
            return entries
        if self.take(owner, text):
            return []
        return [self.entry(seg.line, self.field(owner), seg.raw if seg.raw.strip() else text)]

    def entry(self, line: int, field: str, text: str) -> dict[str, Any]:
        return {"line": line, "field": field, "text": text.strip()}


def as_printed(
    doc: Document, text: str, lines: list[str], back: dict[int, str]
) -> list[dict[str, Any]]:
    """metadata.as_printed: line by line, what the fields hold in another form than printed. A
    line cut into pieces that lost characters between them (the `：` and `|` of a page's
    metadata table, the rules of a table) is kept whole; if it is all junk, in metadata.dropped."""
    # a notice without traditional characters: simplifying would change none of them
    keeper = Keeper(doc, back, fold=simplify(text) != text)
    dropped: dict[int, list[str]] = {}
    for entry in doc.metadata.dropped:
        dropped.setdefault(entry["line"], []).append(entry["text"])
    by_line: dict[int, list[Segment]] = {}
    for seg in doc.segments:
        by_line.setdefault(seg.line, []).append(seg)
    out: list[dict[str, Any]] = []
    junk: set[int] = set()
    for line, segs in by_line.items():
        placed = [s for s in segs if s.owner and s.owner != "metadata.dropped"]
        entries = [e for seg in placed for e in keeper.keep(seg)]
        pieces = [s.text for s in placed] + dropped.get(line, [])
        # (the line as its pieces, or the same characters in the same order: no counting)
        joined = " ".join(pieces)
        if lines[line - 1].strip() != joined and not keeper.holds(joined, lines[line - 1]):
            fields = dict.fromkeys(keeper.field(s.owner or "") for s in placed)
            entries = [keeper.entry(line, ", ".join(fields), lines[line - 1])] if fields else []
            junk.update([] if fields else [line])
        out += [{**e, "text": e["text"].translate(back)} for e in entries] if back else entries
    kept = [e for e in doc.metadata.dropped if e["line"] not in junk]
    whole = [{"line": n, "text": lines[n - 1].strip()} for n in junk]
    doc.metadata.dropped = sorted(kept + whole, key=lambda entry: entry["line"])
    return out


def removed(dropped: list[dict[str, Any]], lines: list[str], cut: dict[int, str]) -> list[dict]:
    """What cleaning took out of each line, where the whole line is not dropped already."""
    whole = {e["line"] for e in dropped if e["text"] == lines[e["line"] - 1].strip()}
    return [{"line": n, "text": text} for n, text in cut.items() if n not in whole]


def run(state: State) -> None:
    """Stage `printed`: metadata.as_printed; metadata.dropped with the junk cut from inside
    lines, in line order."""
    md, lines = state.doc.metadata, LINE_BREAK.split(state.text)
    md.dropped += removed(md.dropped, lines, state.removed)
    md.as_printed = as_printed(state.doc, state.text, lines, state.restore)
