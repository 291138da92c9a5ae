"""The units a section names for itself, as the views of tasks read them: `gkparse tasks` (its
columns, `--unit`, the calendar) and `gkparse diff`; and gkparse YAML/JSON given to `tasks`.

PLAN is made up for these tests (no notice of the corpus names units for a whole section
without other trouble): 一、 names its lead in its heading, （二） its units in its text, and
one task names its own. The expected values below are read off PLAN by hand.
"""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import openpyxl
from click.testing import CliRunner
from conftest import SAMPLES

from gkparse import cli
from gkparse.cli import main
from gkparse.schema import diff_schema

PLAN = """关于印发《某市2024年营商环境工作要点》的通知
某政办〔2024〕3号
各区人民政府，市政府各部门：
现将《某市2024年营商环境工作要点》印发给你们，请认真贯彻落实。
某市人民政府办公室
2024年2月1日
某市2024年营商环境工作要点
一、优化政务服务（市政府办牵头）
（一）推进一网通办
1.扩大网上办理事项范围，推动高频事项全程网办。
2.2024年6月30日前上线政务服务移动端。责任单位：市大数据局
（二）规范行政审批
全面清理审批中的隐性门槛。责任单位：市行政审批局、市司法局
1.清理审批前置条件和中介服务事项。
2.推行告知承诺制，公布承诺事项清单。责任单位：市行政审批局
二、加强事中事后监管
（一）推行信用监管
1.建立企业信用档案，实施分级分类监管。责任单位：市市场监管局
"""
SECTION_COLUMNS = ["section_lead", "section_responsible", "section_support"]


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, [*args], input=input)


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def write(tmp_path, text: str = PLAN, name: str = "plan.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_each_task_has_the_units_of_its_sections_apart_from_its_own(tmp_path):
    result = run("tasks", "--no-keywords", str(write(tmp_path)))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.removeprefix("\ufeff").split("\n")[0].split(",") == [
        *cli.TASK_COLUMNS,
        *SECTION_COLUMNS,
    ]
    rows = {r["task_id"]: r for r in table(result.stdout)}
    section = {k: [rows[k][c] for c in SECTION_COLUMNS] for k in rows}
    assert section == {
        "1.1.1": ["市政府办", "市政府办", ""],  # 一、's lead, also its first responsible
        "1.1.2": ["市政府办", "市政府办", ""],
        "1.2.1": ["市政府办", "市政府办；市行政审批局；市司法局", ""],  # 一、 then （二）
        "1.2.2": ["市政府办", "市政府办；市行政审批局；市司法局", ""],
        "2.1.1": ["", "", ""],  # 二、 names none
    }
    own = {k: rows[k]["responsible"] for k in rows}  # what the tasks say, nothing added
    assert own == {
        "1.1.1": "",
        "1.1.2": "市大数据局",
        "1.2.1": "",
        "1.2.2": "市行政审批局",
        "2.1.1": "市市场监管局",
    }


def test_unit_finds_the_tasks_of_a_section_that_names_it(tmp_path):
    plan = str(write(tmp_path))

    def ids(unit: str) -> list[str]:
        result = run("tasks", "--no-keywords", "--unit", unit, plan)
        assert result.exit_code == 0, result.stderr
        return [r["task_id"] for r in table(result.stdout)]

    assert ids("市政府办公室") == ["1.1.1", "1.1.2", "1.2.1", "1.2.2"]  # 一、, by its key
    assert ids("市司法局") == ["1.2.1", "1.2.2"]  # （二）'s text
    assert ids("市行政审批局") == ["1.2.1", "1.2.2"]  # 1.2.2 once, named twice
    assert ids("市大数据局") == ["1.1.2"]
    assert ids("市市场监管局") == ["2.1.1"]


def test_a_table_without_such_sections_keeps_its_columns(tmp_path):
    result = run("tasks", "--no-keywords", str(SAMPLES[1]))
    assert result.exit_code == 0, result.stderr
    header = result.stdout.removeprefix("\ufeff").split("\n")[0]
    assert header.split(",") == cli.TASK_COLUMNS


def test_the_workbook_and_the_calendar_say_the_sections_units(tmp_path):
    plan, book = str(write(tmp_path)), tmp_path / "t.xlsx"
    result = run("tasks", "--no-keywords", "--xlsx", str(book), "--ics", "-", plan)
    assert result.exit_code == 0, result.stderr
    header = [c.value for c in openpyxl.load_workbook(book).active[1]]
    assert header == [*cli.TASK_COLUMNS, *SECTION_COLUMNS]
    calendar = result.stdout.replace("\r\n", "\n").replace("\n ", "")  # unfolded
    assert calendar.count("BEGIN:VEVENT") == 1  # 1.1.2's 2024年6月30日前
    assert "所在章节牵头单位：市政府办\\n所在章节责任单位：市政府办\\n" in calendar
    assert "责任单位：市大数据局\\n所在章节" in calendar


def edited(text: str) -> str:
    """PLAN with （二）'s units changed: 市司法局 out, 市财政局 in; no task changed."""
    before = "责任单位：市行政审批局、市司法局"
    assert text.count(before) == 1
    return text.replace(before, "责任单位：市行政审批局、市财政局")


def test_diff_reports_a_change_of_a_sections_units_on_its_tasks(tmp_path):
    old, new = write(tmp_path), write(tmp_path, edited(PLAN), "new.txt")
    result = run("diff", "--format", "json", str(old), str(new))
    assert result.exit_code == 1, result.stderr  # they differ
    report = json.loads(result.stdout)
    jsonschema.validate(report, diff_schema(), cls=jsonschema.Draft202012Validator)
    assert report["summary"]["responsibility"] == 2
    assert report["summary"]["unchanged"] == 3
    changed = {c["new"]: c for c in report["changed"]}
    assert sorted(changed) == ["1.2.1", "1.2.2"]
    for c in changed.values():
        assert c["kinds"] == ["responsibility"]
        assert c["section_units"] == {"added": ["市财政局"], "removed": ["市司法局"]}
        assert "responsible" not in c  # the tasks' own units did not change
    text = run("diff", "--width", "0", "--no-color", str(old), str(new)).stdout
    assert "2 responsibility changed" in text
    assert text.count("    section units: +市财政局 -市司法局\n") == 2
    markdown = run("diff", "--format", "markdown", str(old), str(new)).stdout
    assert markdown.count("  - section units: +市财政局 -市司法局\n") == 2


def test_diff_says_the_sections_units_of_a_task_added(tmp_path):
    old = write(tmp_path, PLAN.split("（二）")[0] + "二、加强事中事后监管\n")
    new = write(tmp_path, name="new.txt")
    result = run("diff", "--format", "json", str(old), str(new))
    report = json.loads(result.stdout)
    jsonschema.validate(report, diff_schema(), cls=jsonschema.Draft202012Validator)
    added = {t["id"]: t for t in report["added"]}
    assert added["1.2.1"]["section_units"] == ["市政府办", "市行政审批局", "市司法局"]
    assert "section_units" not in added["2.1.1"]  # only when there are some
    text = run("diff", "--width", "0", "--no-color", str(old), str(new)).stdout
    assert "    section units: 市政府办；市行政审批局；市司法局\n" in text


def test_tasks_reads_gkparse_yaml_and_json_as_the_documents_they_are(tmp_path):
    plan = write(tmp_path)
    for fmt in ("yaml", "json"):
        out = tmp_path / f"plan.{fmt}"
        done = run("--no-keywords", "--format", fmt, "-o", str(out), str(plan))
        assert done.exit_code == 0, done.stderr
    for sample in (plan, SAMPLES[1]):  # a made-up plan and a real one
        yaml_file = tmp_path / "sample.yaml"
        assert run("--no-keywords", "-o", str(yaml_file), str(sample)).exit_code == 0
        from_text = run("tasks", "--no-keywords", str(sample))
        from_yaml = run("tasks", str(yaml_file))
        assert from_yaml.exit_code == 0, from_yaml.stderr
        rows = table(from_yaml.stdout)
        assert rows and all(r.pop("file") == str(yaml_file) for r in rows)
        assert rows == [
            {k: v for k, v in r.items() if k != "file"} for r in table(from_text.stdout)
        ]
    json_rows = table(run("tasks", "--unit", "市司法局", str(tmp_path / "plan.json")).stdout)
    assert [r["task_id"] for r in json_rows] == ["1.2.1", "1.2.2"]
    piped = run("tasks", "-", input=(tmp_path / "plan.yaml").read_text(encoding="utf-8"))
    assert piped.exit_code == 0, piped.stderr
    assert [r["task_id"] for r in table(piped.stdout)] == [
        "1.1.1",
        "1.1.2",
        "1.2.1",
        "1.2.2",
        "2.1.1",
    ]


def test_a_yaml_that_is_no_gkparse_document_is_refused_by_name(tmp_path):
    plan = write(tmp_path)
    other = tmp_path / "config.yaml"
    other.write_text("a: 1\n", encoding="utf-8")
    broken = tmp_path / "broken.yml"
    broken.write_text("schema: gkparse/1\nsections: [\n", encoding="utf-8")
    result = run("tasks", "--no-keywords", str(other), str(plan), str(broken))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"gkparse: {other}: not a gkparse/1 document"
    assert lines[1].startswith(f"gkparse: {broken}: not valid YAML")
    assert len(table(result.stdout)) == 5  # the notice between them is still read


def test_a_hand_edited_document_with_wrong_fields_is_refused(tmp_path):
    plan = write(tmp_path)
    out = tmp_path / "plan.yaml"
    assert run("--no-keywords", "-o", str(out), str(plan)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    for before, after, field in [
        ("    responsible: [市政府办]", "    responsible: 市政府办", "responsible"),
        ("    keywords: []\n", "    keywords: 5\n", "keywords"),
    ]:
        assert before in text
        out.write_text(text.replace(before, after, 1), encoding="utf-8")
        result = run("tasks", str(out))
        assert result.exit_code == 1 and result.stdout.removeprefix("\ufeff").count("\n") == 1
        assert result.stderr.startswith(f"gkparse: {out}: not a gkparse/1 document")
        assert field in result.stderr and "Traceback" not in result.stderr


def test_tasks_reads_every_document_of_json_lines_and_of_a_yaml_stream(tmp_path):
    plan = write(tmp_path)
    lines = tmp_path / "all.jsonl"
    done = run("--no-keywords", "--format", "jsonl", "-o", str(lines), str(plan), str(SAMPLES[1]))
    assert done.exit_code == 0, done.stderr
    from_lines = table(run("tasks", str(lines)).stdout)
    from_texts = table(run("tasks", "--no-keywords", str(plan), str(SAMPLES[1])).stdout)
    assert len(from_lines) == len(from_texts) > 5
    assert [r["task_id"] for r in from_lines] == [r["task_id"] for r in from_texts]
    single = tmp_path / "plan.yaml"
    assert run("--no-keywords", "-o", str(single), str(plan)).exit_code == 0
    stream = tmp_path / "two.yaml"
    stream.write_text(single.read_text("utf-8") + "---\n" + single.read_text("utf-8"), "utf-8")
    assert len(table(run("tasks", str(stream)).stdout)) == 10
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    refused = run("tasks", str(empty))
    assert refused.exit_code == 1
    assert refused.stderr == f"gkparse: {empty}: holds no document\n"
    two = run("diff", str(stream), str(single))
    assert two.exit_code == 2  # diff compares one document with one
    assert two.stderr == f"gkparse: {stream}: holds 2 documents; diff compares one with one\n"


def test_a_document_read_back_obeys_no_keywords_and_verbose(tmp_path):
    plan = SAMPLES[1]
    out = tmp_path / "sample.yaml"
    assert run("-o", str(out), str(plan)).exit_code == 0
    kept = table(run("tasks", str(out)).stdout)
    assert any(r["keywords"] for r in kept)  # the document's own keywords
    dropped = table(run("tasks", "--no-keywords", str(out)).stdout)
    assert not any(r["keywords"] for r in dropped)
    said = run("tasks", "-v", str(plan)).stderr
    assert said and run("tasks", "-v", str(out)).stderr == said.replace(str(plan), str(out))


def test_diff_reports_a_change_of_lead_or_support_alone(tmp_path):
    """A helper added (配合单位) changes no responsible unit: the change is still reported, as
    is a lead that becomes an ordinary responsible unit."""
    old_text = PLAN.replace(
        "1.建立企业信用档案，实施分级分类监管。责任单位：市市场监管局",
        "1.建立企业信用档案，实施分级分类监管。牵头单位：市市场监管局；责任单位：市发改委",
    )
    new_text = old_text.replace(
        "牵头单位：市市场监管局；责任单位：市发改委",
        "责任单位：市市场监管局、市发改委；配合单位：市税务局",
    )
    old, new = write(tmp_path, old_text), write(tmp_path, new_text, "new.txt")
    result = run("diff", "--format", "json", str(old), str(new))
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, diff_schema(), cls=jsonschema.Draft202012Validator)
    assert report["summary"]["responsibility"] == 1
    (change,) = report["changed"]
    assert "responsibility" in change["kinds"]  # (reworded too: the labels are in its text)
    assert change["lead"] == {"added": [], "removed": ["市市场监管局"]}
    assert change["support"] == {"added": ["市税务局"], "removed": []}
    assert "responsible" not in change  # the same two units, lead or not
    text = run("diff", "--width", "0", "--no-color", str(old), str(new)).stdout
    assert "    lead: +∅ -市市场监管局\n" in text
    assert "    support: +市税务局 -∅\n" in text
