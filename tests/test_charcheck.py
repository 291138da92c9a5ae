"""Every input character is in the output: tools/charcheck.py, the independent check, over every
sample and corpus text in the repository, and over the shared pool where it stands beside the
checkout (as CI has it); and what keeps them there, metadata.as_printed and metadata.dropped."""

from __future__ import annotations

import sys

import pytest
from conftest import CORPUS, ROOT, SAMPLES

from gkparse import parse
from gkparse.emit import document_to_dict

sys.path.insert(0, str(ROOT / "tools"))
import charcheck  # noqa: E402

POOL = sorted((ROOT.parent / "shared" / "corpus" / "pool").glob("*.txt"))
TEXTS = SAMPLES + CORPUS + POOL


@pytest.mark.parametrize("path", TEXTS, ids=[f"{p.parent.name}/{p.stem}" for p in TEXTS])
def test_every_input_character_is_in_the_output(path):
    result = charcheck.check(path)
    assert result.ok, charcheck.describe(result, verbose=True)


NOTICE = """索引号：QF-2023-003 发布机构：某某县人民政府
关于印发2023年政务公开工作要点的通知
各科室,各村:
现将《2023年政务公开工作要点》印发给你们，请认真贯彻落实。
某某县人民政府
2023年3月1日
## 一、推进决策公开
(一)完善目录。制定并公开重大决策事项目录，6月底前完成。
责任单位：县政府办、县司法局
(二)推进新鄉(xiāng)政务公开。
"""


def _data() -> dict:
    return document_to_dict(parse(NOTICE, name="x.txt", keywords=False))


def test_what_fields_hold_in_another_form_is_kept_as_printed():
    assert _data()["metadata"]["as_printed"] == [
        {"line": 1, "field": "metadata.index_number", "text": "索引号：QF-2023-003"},
        {"line": 1, "field": "metadata.publisher", "text": "发布机构：某某县人民政府"},
        {"line": 3, "field": "header.recipients", "text": "各科室,各村:"},
        {"line": 6, "field": "header.date", "text": "2023年3月1日"},
        {"line": 8, "field": "task 1.1", "text": "(一)完善目录。"},
        {"line": 9, "field": "task 1.1", "text": "责任单位：县政府办、县司法局"},
        # the pinyin is in dropped: the line's text without it
        {"line": 10, "field": "task 1.2", "text": "（二）推进新鄉政务公开。"},
    ]


def test_junk_cut_from_inside_a_line_is_dropped():
    assert _data()["metadata"]["dropped"] == [
        {"line": 7, "text": "##"},
        {"line": 10, "text": "(xiāng)"},
    ]


def test_a_line_cut_into_fields_that_lost_its_rules_is_kept_whole():
    text = "索引号： | QF-2023-003 | 发布机构： | 某某县人民政府 |\n关于印发工作要点的通知\n"
    data = document_to_dict(parse(text, name="x.txt", keywords=False))
    assert {"line": 1, "text": text.splitlines()[0]} == {
        k: v for k, v in data["metadata"]["as_printed"][0].items() if k != "field"
    }
    assert charcheck.compare(text, data)[0] == {}


def test_the_check_finds_a_lost_character():
    data = _data()
    data["metadata"]["as_printed"] = [e for e in data["metadata"]["as_printed"] if e["line"] != 6]
    data["tasks"][0]["text"] = data["tasks"][0]["text"].replace("重大", "")
    missing, lines = charcheck.compare(NOTICE, data)
    # 2023年3月1日 as ISO loses 年月日, but 年 and 月 are made up for by copies elsewhere (the
    # plan title holds 2023年, the deadline 6月底前): a multiset misses what a copy replaces
    assert missing == {"日": 1, "重": 1, "大": 1}
    assert lines == {"日": [6], "重": [8], "大": [8]}


def test_computed_values_do_not_hide_a_loss():
    """A task's keywords and the warnings repeat the text; the check does not count them."""
    data = _data()
    data["tasks"][0]["text"] = data["tasks"][0]["text"].replace("事项", "")
    data["tasks"][0]["keywords"] = ["事项"]
    data["metadata"]["warnings"] = ["事项"]
    assert charcheck.compare(NOTICE, data)[0] == {"事": 1, "项": 1}
