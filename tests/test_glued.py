"""Header elements run together on one line are cut apart (header/glued.py), and a line a crawler
flattened keeps the words a PDF spaced out (unflatten.py). Strings from the corpus."""

from gkparse.header.glued import glued_at
from gkparse.model import Segment
from gkparse.rules import load_rules
from gkparse.unflatten import unflatten

RULES = load_rules()


def test_a_tables_header_row_after_the_plan_title_is_cut_off():
    # corpus/068.txt:10, after the mark 附件
    text = "2022年全区政务公开工作主要任务分解表工作任务工作要求牵头单位配合/责任单位"
    assert text[: glued_at(RULES, text)] == "2022年全区政务公开工作主要任务分解表"


def test_a_header_row_spaced_out_is_cut_off_too():
    # corpus/059.txt:10
    text = "2018年政务公开工作主要任务分解表工 作 任 务牵头单位责 任 单 位工 作 要 求"
    assert text[: glued_at(RULES, text)] == "2018年政务公开工作主要任务分解表"


def test_the_attachment_mark_before_its_title():
    text = "附件2022年全区政务公开工作主要任务分解表"  # corpus/068.txt:10
    assert text[: glued_at(RULES, text)] == "附件"
    assert glued_at(RULES, "附件：1.工作方案") is None  # a 附件说明 list is read as one


def test_words_a_pdf_spaced_out_stay_whole_in_a_long_line():
    # corpus/059.txt:10: a crawled line whose spaces are line breaks, but for 工 作 任 务
    text = (
        "2018年5月18日 （此件主动公开） 2018年政务公开工作主要任务分解表工 作 任 务牵头单位责 任 单 位工 作 要 求"
        + "。" * 300
    )
    pieces = [s.text for s in unflatten(RULES, Segment(10, text, text))]
    assert pieces[:2] == ["2018年5月18日", "（此件主动公开）"]
    assert pieces[2].startswith(
        "2018年政务公开工作主要任务分解表工 作 任 务牵头单位责 任 单 位工 作 要 求"
    )
    assert len(pieces) == 3
