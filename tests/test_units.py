"""Unit tests that are more than one input and one output.

Single-line cases (numerals, dates, 文号, unit lists, clean_line) are case tables in
tests/cases/, run by tests/test_cases.py.
"""

from __future__ import annotations

from gkparse.normalize import mend_spaces


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
