"""Responsibility and deadline forms, each with a real line from the samples or the corpus."""

from __future__ import annotations

import pytest

from gkparse import parse
from gkparse.keywords import keywords


def task_of(body: str, year: str = "2023"):
    doc = parse(f"{year}年某区政务公开工作要点\n一、总体要求\n{body}", keywords=False)
    return doc.tasks[0]


@pytest.mark.parametrize(
    "lines, responsible, lead",
    [
        # sample 001: the colon lost by the scrape
        ("（一）规范依申请公开。严格落实规范。\n责任单位市政府办、市行政审批局", ["市政府办", "市行政审批局"], []),
        # sample 001: with the colon
        ("（一）着力推进政府网站信息化。参照学习。\n责任单位:市行政审批局", ["市行政审批局"], []),
        # corpus 015: a closing parenthesis with labels
        ("（一）建设完成政府信息公开平台\n县政府门户网站要参照市政府门户网站建设政府信息公开平台。(牵头单位:县机关运行保障中心;责任单位:县政府各部门)", ["县机关运行保障中心", "县政府各部门"], ["县机关运行保障中心"]),
        # corpus 036: a closing parenthesis with roles, the comma lost
        ("（一）推进法治政府建设。做好行政执法公示。（县司法局牵头各行政机关负责）", ["县司法局", "各行政机关"], ["县司法局"]),
        # SPEC: （市政府办牵头，各区政府负责）
        ("（一）做好公开。按要求公开。（市政府办牵头，各区政府负责）", ["市政府办", "各区政府"], ["市政府办"]),
        # a leading unit
        ("（一）市政府办：负责统筹协调全市政务公开工作。", ["市政府办"], []),
        # a label line that names the lead units
        ("（一）做好解读。开展解读。\n牵头单位：市发改委\n配合单位：市财政局、市人社局", ["市发改委", "市财政局", "市人社局"], ["市发改委"]),
    ],
    ids=["label-no-colon", "label-colon", "parens-labelled", "parens-roles-glued", "parens-roles", "leading-unit", "lead-label"],
)
def test_responsible(lines, responsible, lead):
    task = task_of(lines)
    assert task.responsible == responsible
    assert task.lead == lead
    # a responsibility line is part of its task, not of its text
    assert not any(line.startswith(("责任单位", "牵头单位", "配合单位")) for line in (task.text or "").splitlines())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("多元化解读比例不低于50%20238月底前实现现行有效规范性文件统一查询。", [("20238月底前", "2023-08-31")]),  # sample 001
        ("编制目录，于 3 月 31 日前向社会公开。", [("3月31日前", "2023-03-31")]),  # sample 004
        ("3 月底前完成对本单位不予公开和依申请公开政府信息的审查评估。", [("3月底前", "2023-03-31")]),  # sample 004
        ("年底前法定主动公开内容全部公开到位。", [("年底前", "2023-12-31")]),  # corpus 015
        ("2018年10月底前编制完成清单。", [("2018年10月底前", "2018-10-31")]),  # corpus 059
        ("2022年6月底前，制定完成公开事项。", [("2022年6月底前", "2022-06-30")]),  # corpus 004
        ("决策出台后的 10 个工作日内，向社会公开意见的收集、采纳情况。", [("10个工作日内", None)]),  # sample 004
        ("形成每季度督查、每半年评估的常态化督导体系。", [("每季度", None), ("每半年", None)]),  # sample 002
        ("2018年12月31日之前已完成转制的企业免征。", [("2018年12月31日之前", "2018-12-31")]),  # corpus 055
        ("12月10日前，各村需组织干部进村入户。", [("12月10日前", "2023-12-10")]),  # corpus 065
        ("上半年完成专项检查。", [("上半年", "2023-06-30")]),
        ("一季度末前完成部署。", [("一季度末前", "2023-03-31")]),
    ],
)
def test_deadlines(text, expected):
    task = task_of(f"（一）做好公开。{text}")
    assert [(d.text, d.date) for d in task.deadlines] == expected


def test_deadline_year_comes_from_the_plan():
    assert task_of("（一）做好公开。年底前完成。", year="2019").deadlines[0].date == "2019-12-31"


def test_numbers_in_running_text_stay_as_written():
    task = task_of("（一）推进一网通办。一是全面推行一网通办，二是深化12345热线。")
    assert "一网通办" in task.title + task.text and "1网通办" not in task.text


def test_keywords_keep_government_terms_whole_and_are_stable(rules):
    text = "严格落实政务公开保密审查，做好依申请公开和政务新媒体管理，提升12345热线办理质效。"
    words = keywords(text, rules.userdict.parent, rules.stopwords)
    assert {"政务公开", "依申请公开", "政务新媒体", "12345热线"} & set(words)
    assert 3 <= len(words) <= 8
    assert not any(w.isdigit() or w in rules.stopwords for w in words)
    assert words == keywords(text, rules.userdict.parent, rules.stopwords)
