"""The report of `gkparse diff`, through the command line: the header first, who does an added or
removed task and by when, lines wrapped to a width, the pairing threshold, the inputs named, a
side without tasks, Markdown, and the shipped JSON Schema that every report validates against."""

from __future__ import annotations

import itertools
import json
import unicodedata

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import CORPUS, SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkparse.cli import main
from gkparse.diff import compare
from gkparse.diffheader import FIELDS
from gkparse.schema import diff_schema

# two years of one office's plan, written for these tests: task 1.1 the same, 1.2 reworded,
# 1.3 of 2022 (a lead unit, a deadline) dropped and a new 1.3 (a unit, a deadline) in 2023
HEAD = """关于印发《某区{year}年政务公开工作要点》的通知
某府办〔{year}〕{number}号
各街道办事处，区政府各部门：
现将《某区{year}年政务公开工作要点》印发给你们，请认真贯彻落实。
某区人民政府办公室
{date}
某区{year}年政务公开工作要点
一、重点任务
（一）公开财政预决算信息
按规定在政府网站集中公开部门预算、决算和“三公”经费，接受社会监督。责任单位：区财政局
"""
OLD = HEAD.format(year=2022, number=5, date="2022年3月15日") + (
    "（二）做好政策解读\n"
    "出台重要政策时同步发布解读材料，采用图表、视频等形式增强解读效果。责任单位：区政府办公室\n"
    "（三）开展政府开放日活动\n"
    "组织市民走进政府机关，了解行政决策过程，全年不少于两次。"
    "牵头单位：区政府办公室；责任单位：区民政局。2022年11月30日前完成。\n"
)
NEW = HEAD.format(year=2023, number=7, date="2023年3月1日") + (
    "（二）做好政策解读\n"
    "出台重要政策时同步发布解读材料，运用图解、短视频等多种形式提升解读的针对性和实效。"
    "责任单位：区政府办公室\n"
    "（三）推进公共数据开放\n"
    "编制公共数据开放目录，依法有序开放交通、气象等领域数据集。"
    "责任单位：区大数据中心。2023年9月30日前完成。\n"
)
# a notice that hands down no plan: no numbered task
LETTER = """关于调整某区政务公开工作领导小组成员的通知
某府办〔2023〕9号
各街道办事处，区政府各部门：
因工作需要，现对区政务公开工作领导小组成员进行调整，请各单位做好衔接。
某区人民政府办公室
2023年5月8日
"""


@pytest.fixture
def plans(tmp_path):
    (tmp_path / "2022.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "2023.txt").write_text(NEW, encoding="utf-8")
    return str(tmp_path / "2022.txt"), str(tmp_path / "2023.txt")


def diff(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["diff", *args], env=env)


def report(*args: str) -> dict:
    result = diff("--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_header_changes_come_first_and_name_the_fields(plans):
    data = report(*plans)
    changes = {h["field"]: (h["old"], h["new"]) for h in data["header"]}
    assert changes["doc_number"] == ("某府办〔2022〕5号", "某府办〔2023〕7号")
    assert changes["date"] == ("2022-03-15", "2023-03-01")
    assert changes["plan_title"] == ("某区2022年政务公开工作要点", "某区2023年政务公开工作要点")
    assert changes["year"] == (2022, 2023)
    assert "issuer" not in changes and "recipients" not in changes  # the same in both
    assert data["summary"]["header"] == len(data["header"])
    text = diff("--width", "0", *plans).stdout.splitlines()
    first_task = next(n for n, line in enumerate(text) if line.startswith(("+ ", "- ")))
    header = [n for n, line in enumerate(text) if line.startswith("~ header")]
    assert header and max(header) < first_task
    assert "~ header   doc_number: 某府办〔2022〕5号 -> 某府办〔2023〕7号" in text


def test_added_and_removed_tasks_say_who_and_by_when(plans):
    data = report(*plans)
    (added,) = data["added"]
    (removed,) = data["removed"]
    assert (added["title"], added["responsible"]) == ("推进公共数据开放", ["区大数据中心"])
    assert added["deadlines"] == [{"text": "2023年9月30日前", "date": "2023-09-30"}]
    assert (removed["title"], removed["lead"]) == ("开展政府开放日活动", ["区政府办公室"])
    assert removed["responsible"] == ["区政府办公室", "区民政局"]
    assert removed["deadlines"] == [{"text": "2022年11月30日前", "date": "2022-11-30"}]
    text = diff("--width", "0", *plans).stdout.splitlines()
    at = text.index("+ added    1.3 推进公共数据开放")
    assert text[at + 1 : at + 3] == [
        "    responsible: 区大数据中心",
        "    deadlines: 2023年9月30日前 (2023-09-30)",
    ]
    at = text.index("- removed  1.3 开展政府开放日活动")
    assert text[at + 1] == "    lead: 区政府办公室"
    assert text[at + 2] == "    responsible: 区政府办公室；区民政局"


def columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_width_wraps_every_line_and_keeps_every_character(plans):
    wide = diff("--width", "0", *plans).stdout
    assert max(map(columns, wide.splitlines())) > 100  # the word diff of 1.2 on one line
    for width in (3, 40, 72):
        narrow = diff("--width", str(width), *plans).stdout
        assert max(map(columns, narrow.splitlines())) <= width
        assert "".join(narrow.split()) == "".join(wide.split())  # cut, nothing lost
    # by default, the terminal's width (COLUMNS, as shutil reads it)
    default = diff(*plans, env={"COLUMNS": "50"}).stdout
    assert max(map(columns, default.splitlines())) <= 50
    assert default == diff("--width", "50", *plans).stdout


def test_colour_survives_wrapping(plans):
    out = diff("--color", "--width", "30", *plans).stdout
    assert "\x1b[31m[-" in out and "\x1b[32m{+" in out
    assert all(line.count("\x1b[") % 2 == 0 for line in out.splitlines())  # each closed


def test_threshold_decides_what_is_one_task_changed(plans):
    default = report(*plans)
    assert default["threshold"] == 0.35
    assert [(c["old"], c["kinds"]) for c in default["changed"]] == [("1.2", ["reworded"])]
    similarity = default["changed"][0]["similarity"]
    strict = report("--threshold", str(round(similarity + 0.01, 3)), *plans)
    assert strict["changed"] == [] and strict["summary"]["added"] == 2
    assert {t["id"] for t in strict["removed"]} == {"1.2", "1.3"}
    loose = report("--threshold", "0.01", *plans)
    assert loose["summary"]["added"] == loose["summary"]["removed"] == 0  # 1.3 paired with 1.3
    assert diff("--threshold", "0", *plans).exit_code == 2
    assert diff("--threshold", "1.5", *plans).exit_code == 2


def test_the_report_names_its_inputs(plans, tmp_path):
    data = report(*plans)
    assert data["schema"] == "gkparse-diff/1"
    assert data["old"] == {
        "path": plans[0],
        "source": plans[0],  # the notice's metadata.source.file: the path as given
        "title": "某区2022年政务公开工作要点",
        "doc_number": "某府办〔2022〕5号",
        "tasks": 3,
    }
    assert data["new"]["path"] == plans[1] and data["new"]["tasks"] == 3
    piped = CliRunner().invoke(
        main, ["diff", "--format", "yaml", "-", plans[1]], input=OLD.encode("utf-8")
    )
    assert piped.exit_code == 1
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(piped.stdout)
    assert data["old"]["path"] == "-" and data["old"]["source"] in (None, "-")  # standard input
    assert data["new"]["path"] == plans[1] and data["new"]["source"] == plans[1]


def test_a_side_without_tasks_is_said_and_its_header_still_compared(plans, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    data = report(str(letter), plans[1])
    assert data["old"]["tasks"] == 0
    assert data["notes"] == [f"{letter} has no tasks: only the headers are compared"]
    assert {"doc_number", "date", "title"} <= {h["field"] for h in data["header"]}
    assert data["summary"]["added"] == 3
    text = diff("--width", "0", str(letter), plans[1]).stdout
    assert f"({letter} has no tasks: only the headers are compared)" in text
    # two notices without tasks: no longer "the same" when their headers differ
    other = tmp_path / "other.txt"
    other.write_text(LETTER.replace("〔2023〕9号", "〔2023〕12号"), encoding="utf-8")
    both = diff("--format", "json", str(letter), str(other))
    assert both.exit_code == 1
    data = json.loads(both.stdout)
    assert len(data["notes"]) == 2
    assert data["header"] == [
        {"field": "doc_number", "old": "某府办〔2023〕9号", "new": "某府办〔2023〕12号"}
    ]
    assert diff(str(letter), str(letter)).exit_code == 0  # the same: exit 0, and said why
    assert "has no tasks" in diff("--width", "0", str(letter), str(letter)).stdout


def test_markdown_for_a_person(plans, tmp_path):
    out = diff("--format", "markdown", *plans).stdout
    lines = out.splitlines()
    assert lines[0] == "## 某区2022年政务公开工作要点 → 某区2023年政务公开工作要点"
    assert "| 文号 doc\\_number | 某府办〔2022〕5号 | 某府办〔2023〕7号 |" in lines
    assert lines.index("### Header") < lines.index("### Added (1)") < lines.index("### Removed (1)")
    assert (
        "- **1.3** 推进公共数据开放 · responsible: 区大数据中心 · "
        "deadlines: 2023年9月30日前 (2023-09-30)"
    ) in lines
    changed = lines[lines.index("### Changed (1)") + 2 :]
    assert changed[0] == "- **1.2** 做好政策解读 (reworded)"
    assert "<del>采用图表</del><ins>运用图解</ins>" in changed[1]
    assert "\x1b" not in out and "[-" not in out
    # the input's own marks are shown, not obeyed: a | would cut a table's row
    odd = tmp_path / "a|b_*c*.txt"
    odd.write_text(OLD, encoding="utf-8")
    table = diff("--format", "markdown", str(odd), plans[1]).stdout
    row = next(line for line in table.splitlines() if line.startswith("| file |"))
    assert "a\\|b\\_\\*c\\*.txt" in row and row.count(" | ") == 2


def validate(data: dict) -> None:
    jsonschema.validate(data, diff_schema(), cls=jsonschema.Draft202012Validator)


def test_the_shipped_schema_is_a_schema_and_knows_the_fields():
    schema = diff_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    fields = schema["properties"]["header"]["items"]["properties"]["field"]["enum"]
    assert fields == [*FIELDS, "year"]
    printed = CliRunner().invoke(main, ["schema", "--diff"])
    assert json.loads(printed.stdout) == schema


PAIRS = list(itertools.pairwise(SAMPLES)) + list(itertools.pairwise(CORPUS[:8]))


@pytest.mark.parametrize("old, new", PAIRS, ids=[f"{a.stem}-{b.stem}" for a, b in PAIRS])
def test_every_report_of_real_plans_validates(old, new):
    for fmt in ("json", "yaml"):
        result = diff("--format", fmt, str(old), str(new))
        assert result.exit_code in (0, 1), result.output
        if fmt == "json":
            validate(json.loads(result.stdout))
        else:
            from ruamel.yaml import YAML

            validate(YAML(typ="safe").load(result.stdout))


def test_every_report_of_made_cases_validates(plans, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    for args in [plans, (str(letter), plans[0]), (plans[0], str(letter)), (str(letter),) * 2]:
        validate(report(*args))
    validate(report("--threshold", "0.9", *plans))


def test_the_bounded_alignment_note_validates(monkeypatch):
    from gkparse import diff as module
    from gkparse.diff import load

    monkeypatch.setattr(module, "EXHAUSTIVE", 0)
    data = compare(load(str(SAMPLES[0])), load(str(SAMPLES[3])))
    assert data["notes"] and data["notes"][-1].startswith("large plans")
    validate(data)


units = st.lists(
    st.sampled_from(["区财政局", "区政府办公室", "区大数据中心"]), max_size=2, unique=True
)
texts = st.sampled_from(["公开预算信息", "做好政策解读工作", "推进数据开放", "", "加强培训"])
tasks = st.fixed_dictionaries(
    {
        "section": st.just("1"),
        "title": st.one_of(st.none(), texts),
        "text": st.one_of(st.none(), texts),
        "lead": units,
        "responsible": units,
        "support": units,
        "deadlines": st.lists(
            st.fixed_dictionaries(
                {
                    "text": st.sampled_from(["年底前", "6月30日前"]),
                    "date": st.one_of(st.none(), st.just("2023-06-30")),
                }
            ),
            max_size=2,
        ),
    }
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "doc_number": st.one_of(st.none(), st.sampled_from(["某府〔2023〕1号", "某府〔2022〕3号"])),
        "date": st.one_of(st.none(), st.just("2023-03-01")),
        "recipients": st.lists(st.sampled_from(["各街道", "各部门"]), max_size=2),
    },
)
documents = st.builds(
    lambda header, year, items: {
        "schema": "gkparse/1",
        "header": header,
        "metadata": {"year": year, "source": {"file": "x.txt"}},
        "sections": [{"id": "1", "title": "重点任务", "sections": []}],
        "tasks": [{"id": f"1.{n + 1}", **t} for n, t in enumerate(items)],
    },
    headers,
    st.one_of(st.none(), st.sampled_from([2022, 2023])),
    st.lists(tasks, max_size=4),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, documents, st.floats(min_value=0.05, max_value=1))
def test_every_report_validates(old, new, threshold):
    data = compare(old, new, threshold=threshold)
    validate(data)
    assert data["summary"]["added"] == len(data["added"])
    assert data["summary"]["header"] == len(data["header"])


def test_a_long_header_field_changes_as_a_word_diff():
    cover = (
        "为贯彻落实《国务院办公厅关于印发{}年政务公开工作要点的通知》精神，"
        "经区政府同意，现将工作要点印发给你们，请结合实际认真组织实施。"
    )
    old, new = (
        {"schema": "gkparse/1", "header": {"cover": cover.format(y)}, "sections": [], "tasks": []}
        for y in (2022, 2023)
    )
    (change,) = compare(old, new)["header"]
    assert change["field"] == "cover" and change["old"] == cover.format(2022)
    assert "[-2022-]{+2023+}" in change["diff"] and "…" in change["diff"]
    validate(compare(old, new))
