"""Traditional characters: matched as simplified, written out as the notice printed them.

The rules are written in simplified characters. Each traditional character is mapped to its
simplified form one character for one (OpenCC's TSCharacters table), so a line keeps its length
and every offset found in the simplified line holds in the line as written. After parsing, the
output is mapped back with the characters this document used: 发 goes back to 發 where every 发
of the document was a 發; where the document had both, the simplified form stays (and a warning
says so).
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .state import State


@lru_cache(maxsize=1)
def table() -> dict[int, str]:
    # the package's folder found without importlib.resources (its import costs a start ~5 ms)
    spec = importlib.util.find_spec("opencc")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    text = (folder / "dictionary" / "TSCharacters.txt").read_text(encoding="utf-8")
    out: dict[int, str] = {}
    for line in text.splitlines():
        trad, _, simp = line.partition("\t")
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            out[ord(trad)] = simp
    return out


@lru_cache(maxsize=1)
def simplified_forms() -> frozenset[str]:
    return frozenset(table().values())


@lru_cache(maxsize=1)
def traditional() -> frozenset[str]:
    return frozenset(map(chr, table()))


SWITCH = 100_000  # characters asked about before the quicker test pays for its compiling
BMP_END = "\uffff"
BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


class _Finder:
    """Whether a text holds a traditional character: asked of every line, field and task.

    frozenset.isdisjoint makes a string of each character (~50 ns one). One `re` character set
    of the traditional characters of the BMP is a bitmap, ~10x quicker, but compiling it costs
    ~3 ms: a process compiles it once it has asked about SWITCH characters (a single notice
    never does). A text with a character beyond the BMP (rare) is tested by the set as before.
    """

    def __init__(self) -> None:
        self.asked = 0
        self.bmp: re.Pattern[str] | None = None

    def __call__(self, text: str) -> bool:
        if self.bmp is None:
            self.asked += len(text)
            if self.asked <= SWITCH:
                return not traditional().isdisjoint(text)
            bmp = sorted(c for c in traditional() if c <= BMP_END)
            self.bmp = re.compile(f"[{''.join(map(re.escape, bmp))}]")
        if self.bmp.search(text):
            return True
        return bool(BEYOND_BMP.search(text)) and not traditional().isdisjoint(text)


has_traditional = _Finder()


def simplify(text: str) -> str:
    # most texts hold no traditional character: the test costs a fraction of the translation
    return text.translate(table()) if has_traditional(text) else text


def restore_map(written: list[str], simple: list[str]) -> tuple[dict[int, str], list[str]]:
    """(translation back to the written characters, characters the document wrote both ways)."""
    forms = simplified_forms()
    sources: dict[str, set[str]] = {}
    same: list[str] = []  # lines written as matched: each of their characters is its own source
    for line_w, line_s in zip(written, simple):
        if line_w == line_s:
            same.append(line_s)
            continue
        for w, s in zip(line_w, line_s):
            if s in forms:
                sources.setdefault(s, set()).add(w)
    # a line written as matched counts only for the characters other lines wrote otherwise
    # (any other character is its own only source, and goes neither back nor in `mixed`): a
    # notice in simplified characters looks at no character (testing all cost 0.3 ms a notice)
    if sources:
        matched = "".join(same)
        for s, written_as in sources.items():
            if s in matched:
                written_as.add(s)
    back = {ord(s): next(iter(w)) for s, w in sources.items() if len(w) == 1 and s not in w}
    mixed = sorted(s for s, w in sources.items() if len(w) > 1)
    return back, mixed


def restore_strings(obj: Any, back: dict[int, str]) -> None:
    """Map every text field of a dataclass (and its lists) back to the written characters."""
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, str):
            setattr(obj, f.name, value.translate(back))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(obj, f.name, [v.translate(back) for v in value])


def run(state: State) -> None:
    """Stage `restore`: a notice in traditional characters gets its fields back as printed."""
    back, doc = state.restore, state.doc
    if not back:
        return
    for obj in (
        doc.header,
        doc.metadata,
        *doc.walk(),
        *(d for n in doc.walk() for d in n.deadlines),
    ):
        restore_strings(obj, back)
    doc.preamble = doc.preamble and doc.preamble.translate(back)
    doc.closing = doc.closing and doc.closing.translate(back)
    for entry in doc.metadata.dropped:  # pieces cut from a line were matched as simplified
        entry["text"] = entry["text"].translate(back)
