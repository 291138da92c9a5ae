"""Unit names normalised for lookup (units.key): one unit however a plan shortens its name."""

from __future__ import annotations

import pytest

from gkparse.units import key

SAME = [
    ("市政府办公室", "市政府办"),
    ("市人民政府办公室", "市政府办"),
    ("市发展和改革委员会", "市发改委"),
    ("区人力资源和社会保障局", "区人社局"),
    ("住房城乡建设部", "住房和城乡建设部"),
    ("市政府辦公室", "市政府办"),
    ("各街道(功能区)", "各街道（功能区）"),
]
APART = [("市政府办", "区政府办"), ("市财政局", "市统计局"), ("市委办", "市政府办")]


@pytest.mark.parametrize("a, b", SAME)
def test_forms_of_one_name_have_one_key(rules, a, b):
    assert key(rules, a) == key(rules, b)


@pytest.mark.parametrize("a, b", APART)
def test_other_units_keep_other_keys(rules, a, b):
    assert key(rules, a) != key(rules, b)
