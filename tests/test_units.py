"""Single-line cases of the pieces that read numbers, dates, 文号 and unit lists."""

from __future__ import annotations

import pytest

from gkparse.dates import parse_date_line
from gkparse.elements import doc_number, split_units
from gkparse.normalize import clean_line, mend_spaces
from gkparse.numerals import chinese


@pytest.mark.parametrize("text, expected", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零三", 103), ("二三", None), ("网", None)])
def test_chinese_numerals(text, expected):
    assert chinese(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2023.03.30", "2023-03-30"),
        ("2019年8月19日", "2019-08-19"),
        ("2023816", "2023-08-16"),
        ("2022年09月30日", "2022-09-30"),
        ("2024年04月06日 16:40", "2024-04-06"),
        ("二O一一年5月16日", "2011-05-16"),
        ("2023 年 7 月 3 日", "2023-07-03"),
        ("2023年2月30日", None),
        ("政务公开", None),
    ],
)
def test_dates(text, expected):
    assert parse_date_line(text)[0] == expected


def test_compact_date_ambiguity_is_flagged():
    assert parse_date_line("2023111") == ("2023-01-11", True)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("邛府办函202314", "邛府办函〔2023〕14号"),
        ("练府〔2023〕15号", "练府〔2023〕15号"),
        ("黑政办发201835号", "黑政办发〔2018〕35号"),
        ("武政办[2014]180号", "武政办〔2014〕180号"),
        ("邹政办字〔2019〕33 号", "邹政办字〔2019〕33号"),
        ("2019年槐荫区政务公开工作要点", None),
        ("各街道办事处", None),
    ],
)
def test_doc_numbers(rules, text, expected):
    assert doc_number(rules, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("各社区委员会，各村、居委会、企事业单位，机关各科室：", ["各社区委员会", "各村、居委会", "企事业单位", "机关各科室"]),
        ("机关各部门、镇属各企事业单位、各居民区：", ["机关各部门", "镇属各企事业单位", "各居民区"]),
        ("各镇人民政府，各街道办事处，市级各部门，有关单位：", ["各镇人民政府", "各街道办事处", "市级各部门", "有关单位"]),
    ],
)
def test_recipients_split(rules, text, expected):
    assert split_units(rules, text) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("(一)指导思想", "（一）指导思想"),
        ("各街道办事处,区政府各部门:", "各街道办事处，区政府各部门："),
        ("### **三、深化政民互动和公众参与**", "三、深化政民互动和公众参与"),
        ("  • 邛崃市人民政府办公室关于印发", "邛崃市人民政府办公室关于印发"),
        ("2023.03.30", "2023.03.30"),
        ("发布时间:2022-09-30 14:17", "发布时间：2022-09-30 14:17"),
    ],
)
def test_clean_line(raw, expected):
    assert clean_line(raw)[0] == expected


def test_mend_spaces_keeps_latin_words_apart():
    assert mend_spaces("编制淞南镇 2023 年度目录，于 3 月 31 日前公开") == "编制淞南镇2023年度目录，于3月31日前公开"
    assert mend_spaces("通过 OA 备案系统") == "通过 OA 备案系统"


def test_banner_elements_of_gb_9704():
    from gkparse import parse

    doc = parse("000123\n机密★1年\n特急\n某市人民政府文件\n签发人：张三\n某政发〔2023〕1号\n关于做好某项工作的通知\n各区人民政府：\n现将有关事项通知如下。\n一、总体要求\n（一）做好工作。", keywords=False)
    h = doc.header
    assert (h.copy_number, h.secrecy, h.urgency, h.signer) == ("000123", "机密★1年", "特急", "张三")
    assert h.issuer == "某市人民政府" and h.doc_number == "某政发〔2023〕1号" and h.title == "关于做好某项工作的通知"


def test_attachment_list_after_the_body_is_not_a_task():
    # corpus 065: 附件说明 after the last item, its second entry on a line of its own
    from gkparse import parse

    doc = parse("2023年工作方案\n一、工作要求\n（一）加强领导。各村要高度重视。\n附件：1.2023年度信息采集表\n2.《信息采集表》填表说明", keywords=False)
    assert doc.header.attachments == ["2023年度信息采集表", "《信息采集表》填表说明"]
    assert [t.id for t in doc.tasks] == ["1.1"] and doc.tasks[0].text == "各村要高度重视。"
