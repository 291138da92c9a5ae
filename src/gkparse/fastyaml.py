"""The YAML writer of the gkparse/1 document.

ruamel.yaml's pure-Python emitter took most of a batch's time. The document has one fixed shape
(mappings, lists, strings, integers, null), so it is written here directly, in the layout of
ruamel.yaml with the settings of emit.py. Scalars are written plain, quoted or as a literal
block by the rules of the YAML emitter, with two cautions more, so that readers of YAML 1.1
(PyYAML, libyaml) read the same values as readers of YAML 1.2: a string is plain only if both
versions' resolvers read it as a string (`08:57` is a number in 1.1, `on` a boolean), and a
string in a flow collection with a colon is quoted. A string with a character that is not
printable in both versions (a control character, NEL, U+2028/U+2029, a BOM, U+FFFF) is written
double-quoted with escapes, so any string reads back exactly. A value of another type (a
boolean) returns None, and emit.py falls back to ruamel.yaml.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from . import precompiled

STR = "tag:yaml.org,2002:str"
# characters written as they are: printable in YAML 1.2 and no line break in YAML 1.1 (which
# breaks lines at NEL, U+2028 and U+2029); anything else is escaped in double quotes
WRITTEN_AS_IS = (
    r"\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe"
)
PRINTABLE = precompiled.pattern(rf"^[{WRITTEN_AS_IS}]*$")
NOT_PRINTABLE = precompiled.pattern(rf"[^{WRITTEN_AS_IS}]")
ESCAPES = {
    "\x00": "0",
    "\x07": "a",
    "\x08": "b",
    "\t": "t",
    "\n": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\r": "r",
    "\x1b": "e",
    "\x85": "N",
    "\u2028": "L",
    "\u2029": "P",
}
DECIMAL = precompiled.pattern(r"^-?[0-9]+\.[0-9]+$")
_resolvers = (VersionedResolver(version=(1, 2)), VersionedResolver(version=(1, 1)))


class Unsupported(Exception):
    """A value this writer does not handle: the caller uses ruamel.yaml."""


# the first characters for which a resolver knows an implicit type (y, n, digits, ., ~, …): a
# plain scalar starting with any other (a Han character, most of a notice) is a string at once
_TYPED_FIRST = frozenset(k for r in _resolvers for k in r.versioned_resolver if k is not None)
_ANY_FIRST = any(None in r.versioned_resolver for r in _resolvers)


COLON_SPACE = precompiled.pattern(r":(?= |$)")  # a colon a mapping would take for its own
FLOW_INDICATOR = precompiled.pattern(r"[,\[\]{}:?]")


def _resolves_to_str(text: str) -> bool:
    if not _ANY_FIRST and text[:1] not in _TYPED_FIRST:
        return True
    return _resolvers_say_str(text)


@lru_cache(maxsize=4096)
def _resolvers_say_str(text: str) -> bool:
    """Asked again and again for the same ids (`1`, `1.2`): ~9 µs an answer from ruamel."""
    return all(r.resolve(ScalarNode, text, (True, False)) == STR for r in _resolvers)


def scalar(value: Any, flow: bool) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        raise Unsupported
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and DECIMAL.match(repr(value)):
        return repr(value)
    if not isinstance(value, str):
        raise Unsupported
    if "\n" in value or not _printable(value):
        return escaped(value)
    if _plain(value, flow):
        return value
    if "'" in value:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"'{value}'"


def _printable(text: str) -> bool:
    """PRINTABLE.match, answered by str.isprintable for most texts: a character Python calls
    printable is one of PRINTABLE's (its gaps are control, separator, surrogate, BOM and
    noncharacter code points, none printable), and isprintable costs a tenth of the regex."""
    return text.isprintable() or PRINTABLE.match(text) is not None


def escaped(text: str) -> str:
    """`text` double-quoted, every character that is not printable escaped (YAML 1.1 and 1.2)."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + NOT_PRINTABLE.sub(lambda m: _escape(m.group()), text) + '"'


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in ESCAPES:
        return "\\" + ESCAPES[ch]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _plain(text: str, flow: bool) -> bool:
    """Whether the emitter writes `text` plain: its indicator rules (YAML 1.2), then resolver."""
    if text.isalnum():  # (a word, a keyword: no indicator, space or colon for the rules below)
        return _resolves_to_str(text)
    if not text or text.startswith(("---", "...")) or text[0] == " " or text[-1] == " ":
        return False
    first = text[0]  # (the rest searched from 1 on: a copy of it cost as much as a search)
    colon = ":" in text and COLON_SPACE.search(text, 1) is not None
    if first in "#,[]{}&*!|>'\"%@`" or " #" in text or colon:
        return False
    followed = len(text) == 1 or text[1] == " "
    if first == "-" and followed:
        return False
    # (a reader takes `{k: ?x}` for a complex key; libyaml rejects any colon or ? in a plain
    # flow scalar)
    if flow and (first in "?:" or FLOW_INDICATOR.search(text, 1) is not None):
        return False
    if not flow and first in "?:" and followed:
        return False
    return _resolves_to_str(text)


def _literal(text: str, indent: int) -> str:
    """Paragraphs as a literal block; text a block cannot hold as it is, double-quoted."""
    lines = text.split("\n")
    if any(not line or line != line.strip() or not _printable(line) for line in lines):
        return escaped(text)
    pad = " " * indent
    return "|-\n" + "\n".join(pad + line for line in lines)


def _flow(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v, True) for v in value) + "]"
    return "{" + ", ".join(f"{k}: {scalar(v, True)}" for k, v in value.items()) + "}"


def _leaf(value: Any) -> bool:
    items = value if isinstance(value, list) else value.values()
    return all(not isinstance(v, (list, dict)) for v in items)


def _mapping(
    data: dict[str, Any], indent: int, out: list[str], first_prefix: str | None = None
) -> None:
    pad = " " * indent
    for n, (key, value) in enumerate(data.items()):
        lead = first_prefix if first_prefix is not None and n == 0 else pad
        if isinstance(value, (list, dict)):
            if not value:
                out.append(f"{lead}{key}: {'[]' if isinstance(value, list) else '{}'}")
            elif _leaf(value):
                out.append(f"{lead}{key}: {_flow(value)}")
            elif isinstance(value, dict):
                out.append(f"{lead}{key}:")
                _mapping(value, indent + 2, out)
            else:
                out.append(f"{lead}{key}:")
                _sequence(value, indent + 2, out)
        elif isinstance(value, str) and "\n" in value:
            out.append(f"{lead}{key}: {_literal(value, indent + 2)}")
        else:
            out.append(f"{lead}{key}: {scalar(value, False)}")


def _sequence(items: list[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item and not _leaf(item):
            _mapping(item, indent + 2, out, first_prefix=pad + "- ")
        elif isinstance(item, (dict, list)):
            out.append(
                f"{pad}- {_flow(item) if item else ('{}' if isinstance(item, dict) else '[]')}"
            )
        else:
            out.append(f"{pad}- {scalar(item, False)}")


def dump(data: dict[str, Any]) -> str | None:
    """The YAML of `data`, or None where only ruamel.yaml knows how to write it."""
    out: list[str] = []
    try:
        _mapping(data, 0, out)
    except Unsupported:
        return None
    return "\n".join(out) + "\n"
