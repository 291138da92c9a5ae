"""The fast YAML writer gives exactly what ruamel.yaml gives, and the YAML reads back."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from conftest import CORPUS, SAMPLES
from gkparse import parse_file
from gkparse.emit import ruamel_yaml, to_yaml
from gkparse.fastyaml import dump

ALL = SAMPLES + CORPUS


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_fast_writer_equals_ruamel(path):
    data = parse_file(path, keywords=False).to_dict()
    fast = dump(data)
    assert fast is not None
    assert fast == ruamel_yaml(data)
    assert YAML(typ="safe").load(fast) == data


@pytest.mark.parametrize(
    "value",
    ["1.1", "2023-03-30", "null", "true", "- x", "a: b", "a #b", "'quoted'", "x'y", "[1]", "#", "", " lead", "trail ", "…", "12345热线", "3.6.1", "~", "on", "0x1F", "1e3", "a,b", "?x", "@x", "%x"],
)
def test_scalars_like_ruamel(value):
    data = {"a": value, "b": [value, "x"], "c": {"k": value}, "d": [{"e": value, "f": ["y"]}]}
    fast = dump(data)
    assert fast is None or fast == ruamel_yaml(data)  # None: the fast writer leaves it to ruamel.yaml
    assert to_yaml(data) == ruamel_yaml(data)
