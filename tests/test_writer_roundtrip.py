"""The writers' round trip: any string of any code points reads back exactly, from YAML and JSON.

Hypothesis draws from every general category of Unicode (controls, format characters, line and
paragraph separators, private use, unassigned, non-characters such as U+FFFF), not only the
characters the samples hold. Surrogates are left out: they are not characters, and no decoded
input holds one (a file name that is not UTF-8 is shown with escapes, see test_cli_hostile.py).
"""

from __future__ import annotations

import json
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from gkparse import parse
from gkparse.emit import document_to_dict, to_json, to_yaml

READERS = {"yaml-1.2 (pure)": YAML(typ="safe", pure=True), "libyaml (yaml 1.1)": YAML(typ="safe")}
CATEGORIES = sorted({unicodedata.category(chr(c)) for c in range(0x110000)} - {"Cs"})
ANY = st.characters(categories=CATEGORIES)
TEXT = st.text(ANY, max_size=40)
# the characters an adversarial pass found to break the writers
HOSTILE = ["\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\ufeff", "\uffff", "\x1b", "\x7f", "\x9f"]


def shaped(value: str, other: str) -> dict:
    """`value` in every place of the document's shape: plain, in flow lists and mappings, in a
    literal block of paragraphs, in a list of mappings."""
    return {
        "a": value,
        "b": [value, other],
        "c": {"k": value, "j": other},
        "d": [{"e": value, "f": [other, value]}],
        "g": f"{value}\n{other}",
        "h": f"第一段\n{value}\n第三段",
    }


def reads_back(data: dict) -> None:
    text = to_yaml(data)
    raw = text.encode("utf-8")  # what a file holds: it must be writable as UTF-8
    for name, reader in READERS.items():
        assert reader.load(raw.decode("utf-8")) == data, name
    assert json.loads(to_json(data).encode("utf-8")) == data


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
@example("?x", "x")
@example("a\x0bb", "c\x0bd")
@example("\x85", "x\x85y")
@example("\u2028", "a\u2029b")
@example("\uffff", "\x9f")
@example(" ", "\t")
@example("a\r\nb", "\r")
@example("\n", "\n\n")
def test_any_string_reads_back_exactly(value, other):
    reads_back(shaped(value, other))


def test_every_category_is_drawn():
    assert len(CATEGORIES) == 29  # every general category but Cs


def test_each_hostile_character_reads_back_in_every_place():
    for ch in HOSTILE:
        reads_back(shaped(f"x{ch}y", ch))
        reads_back(shaped(ch, f"{ch}z"))


def test_a_word_line_break_in_a_task_gives_valid_yaml():
    text = "关于印发工作要点的通知\n一、总体要求\n（一）指导思想\n坚持以人民为中心。\x0b强化督查。\n第二段落。\u2028第三段。\n"
    data = document_to_dict(parse(text, keywords=False))
    reads_back(data)


def test_every_character_python_calls_printable_the_writer_writes_as_it_is():
    """fastyaml._printable asks str.isprintable before its pattern: that is only right if each
    such character is one of the pattern's."""
    from gkparse.fastyaml import PRINTABLE

    printable = "".join(ch for ch in map(chr, range(0x110000)) if ch.isprintable())
    assert PRINTABLE.match(printable)
