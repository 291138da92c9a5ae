"""Task fields beyond single cases: the plan's year, running text, keywords.

Each responsibility and deadline form has its cases in tests/cases/tasks/, run by
tests/test_cases.py.
"""

from __future__ import annotations

from gkparse import parse
from gkparse.keywords import keywords


def task_of(body: str, year: str = "2023"):
    doc = parse(f"{year}年某区政务公开工作要点\n一、总体要求\n{body}", keywords=False)
    return doc.tasks[0]


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
