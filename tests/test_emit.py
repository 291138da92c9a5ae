"""The YAML writer: what it writes reads back as the same data in YAML 1.2 and 1.1 readers."""

from __future__ import annotations

import jsonschema
import pytest
from conftest import CORPUS, SAMPLES
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from gkparse import parse, parse_file
from gkparse.emit import document_to_dict, ruamel_yaml, to_yaml
from gkparse.fastyaml import dump
from gkparse.schema import schema

ALL = SAMPLES + CORPUS
READERS = {"yaml-1.2 (pure)": YAML(typ="safe", pure=True), "libyaml (yaml 1.1)": YAML(typ="safe")}


def reads_back(text: str, data: dict) -> None:
    for name, reader in READERS.items():
        assert reader.load(text) == data, name


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_every_notice_is_written_by_the_fast_writer_and_reads_back(path):
    data = document_to_dict(parse_file(path, keywords=False))
    fast = dump(data)
    assert fast is not None
    reads_back(fast, data)


@pytest.mark.parametrize(
    "value",
    [
        "1.1",
        "2023-03-30",
        "null",
        "true",
        "on",
        "yes",
        "08:57",
        "1:20",
        "- x",
        "a: b",
        "a #b",
        "'quoted'",
        "x'y",
        'x"y',
        "[1]",
        "#",
        "",
        " lead",
        "trail ",
        "…",
        "12345热线",
        "3.6.1",
        "~",
        "0x1F",
        "1e3",
        "a,b",
        "a:b",
        "?x",
        "@x",
        "%x",
        "保存成功",
    ],
)
def test_tricky_scalars_read_back(value):
    data = {
        "a": value,
        "b": [value, "x"],
        "c": {"k": value},
        "d": [{"e": value, "f": ["y"]}],
        "g": f"{value}\n第二段",
    }
    reads_back(to_yaml(data), data)


def test_layout_is_ruamel_yaml_where_no_caution_applies():
    data = {
        "a": "政务公开",
        "b": ["xa", "yb"],
        "c": [{"id": "1.1", "t": "标题", "s": []}],
        "d": None,
        "e": "一\n二",
        "f": {"k": 1},
    }
    assert dump(data) == ruamel_yaml(data)


@given(st.text(min_size=1, max_size=12))
def test_the_first_character_shortcut_agrees_with_the_resolvers(text):
    """A plain scalar whose first character no resolver knows is a string: the writer's
    shortcut gives what ruamel's resolvers give."""
    from ruamel.yaml.nodes import ScalarNode

    from gkparse import fastyaml

    slow = all(
        r.resolve(ScalarNode, text, (True, False)) == fastyaml.STR for r in fastyaml._resolvers
    )
    assert fastyaml._resolves_to_str(text) == slow


def test_a_section_names_its_units_only_when_it_has_some():
    """Units named for a whole section are written under it, valid by the schema; a section
    that names none has no such keys (the output of every other notice is unchanged)."""
    text = (
        "2023年某县政务公开工作要点\n一、主要任务\n"
        "（一）做好政策解读。按要求开展解读。责任单位：县政府办、县融媒体中心\n"
        "1.开展解读。\n2.回应关切。\n"
    )
    data = document_to_dict(parse(text, keywords=False))
    jsonschema.validate(data, schema())
    top = data["sections"][0]
    assert "responsible" not in top
    inner = top["sections"][0]
    assert inner["responsible"] == ["县政府办", "县融媒体中心"]
    assert (inner["lead"], inner["support"]) == ([], [])
    assert list(inner)[-1] == "sections"
