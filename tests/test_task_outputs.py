"""`gkparse tasks --xlsx` and `--ics`, through the command line, read back by their own readers:
openpyxl for the workbook, the icalendar package (an RFC 5545 parser) for the calendar."""

from __future__ import annotations

import datetime
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from gkparse import cli
from gkparse.cli import main
from gkparse.ical import escape, fold

# a plan written for these tests: ten tasks under 二、, so that an id reads 2.10, and a dated
# deadline on the tenth (the units and the deadline as a 政务公开 plan writes them)
PLAN = (
    """关于印发《某区2023年政务公开工作要点》的通知
某府办〔2023〕7号
各街道办事处，区政府各部门：
现将《某区2023年政务公开工作要点》印发给你们，请认真贯彻落实。
某区人民政府办公室
2023年3月1日
某区2023年政务公开工作要点
一、总体要求
（一）指导思想
坚持以人民为中心，全面推进政务公开。
二、重点任务
"""
    + "".join(
        f"（{n}）公开{field}信息\n及时公开{field}领域信息。责任单位：区{unit}\n"
        for n, field, unit in [
            ("一", "财政", "财政局"),
            ("二", "项目", "发改委"),
            ("三", "规划", "规划资源局"),
            ("四", "招投标", "住建委"),
            ("五", "执法", "司法局"),
            ("六", "教育", "教育局"),
            ("七", "医疗", "卫健委"),
            ("八", "就业", "人社局"),
            ("九", "环保", "生态环境局"),
        ]
    )
    + """（十）更新政务公开目录
2023年6月30日前完成基层政务公开标准目录的更新，并在政府网站公布。牵头单位：区政府办公室；责任单位：区政务服务中心、区大数据中心
"""
)


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plan,2023;a\\b.txt"  # , ; \ in the name: escaped in the calendar
    path.write_text(PLAN, encoding="utf-8")
    return path


def invoke(*args: str):
    return CliRunner().invoke(main, ["tasks", "-j", "1", *args])


def test_the_workbook_keeps_ids_as_text_and_deadlines_as_dates(tmp_path, plan):
    book = tmp_path / "tasks.xlsx"
    result = invoke("--xlsx", str(book), str(plan))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""  # the table went to the workbook only
    sheet = openpyxl.load_workbook(book).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == cli.TASK_COLUMNS
    records = [dict(zip(rows[0], row)) for row in rows[1:]]
    assert [r["task_id"] for r in records] == ["1.1", *(f"2.{n}" for n in range(1, 11))]
    tenth = records[-1]
    assert tenth["task_id"] == "2.10"  # not the number 2.1
    assert tenth["deadline_date"] == datetime.datetime(2023, 6, 30)  # a date, not text
    assert tenth["deadline_text"] == "2023年6月30日前"
    assert tenth["year"] == 2023
    assert tenth["lead"] == "区政府办公室"
    assert tenth["responsible"] == "区政府办公室；区政务服务中心；区大数据中心"
    assert tenth["doc_number"] == "某府办〔2023〕7号"
    assert records[0]["deadline_date"] is None  # no deadline: an empty cell
    cells = {c.column_letter + str(c.row): c for row in sheet.iter_rows() for c in row}
    at = cli.TASK_COLUMNS.index("task_id")
    ids = [row[at] for row in sheet.iter_rows(min_row=2)]
    assert all(c.data_type == "s" and c.number_format == "@" for c in ids)
    dates = [row[cli.TASK_COLUMNS.index("deadline_date")] for row in sheet.iter_rows()]
    assert dates[-1].is_date
    assert sheet.freeze_panes == "A2"  # the header row stays in view
    assert all(cells[f"{c}1"].font.bold for c in "ABC")
    widths = {
        name: sheet.column_dimensions[c.column_letter].width
        for name, c in zip(cli.TASK_COLUMNS, sheet[1])
    }
    assert widths["task_id"] < widths["plan_title"] < widths["text"] <= 100
    assert widths["plan_title"] >= 2 * len("某区2023年政务公开工作要点") - 4  # Han: two widths


def test_the_workbook_is_the_same_bytes_every_run_and_runs_no_formula(tmp_path):
    notice = tmp_path / "=HYPERLINK(1).txt"  # a name a spreadsheet would run
    notice.write_text(PLAN, encoding="utf-8")
    first, second = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    assert invoke("--no-keywords", "--xlsx", str(first), str(notice)).exit_code == 0
    assert invoke("--no-keywords", "--xlsx", str(second), str(notice)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    sheet = openpyxl.load_workbook(first).active
    cell = sheet["A2"]
    assert cell.value == str(notice) and cell.data_type == "s"  # text, no formula


def test_the_workbook_holds_what_xml_cannot_and_refuses_an_input_or_a_terminal(tmp_path):
    notice = tmp_path / "a.txt"
    notice.write_text(PLAN.replace("全面推进政务公开", "全面推进\x0b政务公开\x07"), "utf-8")
    book = tmp_path / "a.xlsx"
    assert invoke("--xlsx", str(book), str(notice)).exit_code == 0
    text = openpyxl.load_workbook(book).active["I2"].value
    assert text == "坚持以人民为中心，全面推进政务公开。"
    kept = notice.read_bytes()
    clash = invoke("--xlsx", str(notice), str(notice))
    assert clash.exit_code == 1 and notice.read_bytes() == kept
    assert "overwrite the input" in clash.stderr
    assert invoke("--xlsx", "-", str(notice)).exit_code == 2
    assert invoke("--xlsx", str(book), "--ics", str(book), str(notice)).exit_code == 2


def test_the_csv_still_goes_where_o_says_beside_the_workbook(tmp_path, plan):
    table, book = tmp_path / "t.csv", tmp_path / "t.xlsx"
    result = invoke("-o", str(table), "--xlsx", str(book), str(plan))
    assert result.exit_code == 0 and result.stdout == ""
    assert table.read_text(encoding="utf-8-sig").count("\n") == 12  # the header and 11 tasks
    assert book.exists()


def unfold(raw: bytes) -> list[str]:
    """RFC 5545 §3.1: a CRLF followed by a space or tab continues the line."""
    text = raw.decode("utf-8")
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def test_the_calendar_has_one_all_day_event_a_dated_deadline(tmp_path, plan):
    ics = tmp_path / "tasks.ics"
    result = invoke("--ics", str(ics), str(plan))
    assert result.exit_code == 0, result.stderr
    raw = ics.read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert max(len(line) for line in raw.split(b"\r\n")) > 60  # long lines were folded
    raw.decode("utf-8")  # folding never cuts a character in two
    lines = unfold(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 1  # nine tasks have no deadline
    assert "DTSTART;VALUE=DATE:20230630" in lines and "DTEND;VALUE=DATE:20230701" in lines
    assert "DTSTAMP:20230301T000000Z" in lines  # the notice's date, not the time of the run
    assert "SUMMARY:更新政务公开目录" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "牵头单位：区政府办公室\\n" in description
    assert "责任单位：区政府办公室；区政务服务中心；区大数据中心\\n" in description
    assert "完成时限：2023年6月30日前\\n" in description
    assert f"文件：{tmp_path}/plan\\,2023\\;a\\\\b.txt" in description

    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(raw)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime.date(2023, 6, 30)
    assert event.decoded("DTEND") == datetime.date(2023, 7, 1)
    assert str(event["SUMMARY"]) == "更新政务公开目录"
    text = str(event["DESCRIPTION"])
    assert f"文件：{plan}" in text.splitlines()  # , ; \ read back as they were
    assert text.endswith(
        "2023年6月30日前完成基层政务公开标准目录的更新，并在政府网站公布。"
        "牵头单位：区政府办公室；责任单位：区政务服务中心、区大数据中心"
    )


def test_the_calendar_is_deterministic_and_its_uids_unique(tmp_path, plan):
    runs = []
    for n in range(2):
        ics = tmp_path / f"{n}.ics"
        # the same plan twice: one event; the samples' dated deadlines: one each
        args = ["--no-keywords", "--ics", str(ics), str(plan), str(plan), *map(str, SAMPLES)]
        assert invoke(*args).exit_code == 0
        runs.append(ics.read_bytes())
    assert runs[0] == runs[1]
    lines = unfold(runs[0])
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(uids) == len(set(uids)) == lines.count("BEGIN:VEVENT") > 1
    starts = [line for line in lines if line.startswith("DTSTART")]
    assert starts == sorted(starts)  # by date


def test_the_calendar_on_standard_output():
    result = invoke("--ics", "-", str(SAMPLES[0]))
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


@pytest.mark.parametrize(
    "text, value",
    [
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("一行\n二行\r\n三行", "一行\\n二行\\n三行"),
        ("响铃\x07与\x00空", "响铃与空"),
        ("制表\t留下", "制表\t留下"),
    ],
)
def test_text_is_escaped_as_rfc_5545_says(text, value):
    assert escape(text) == value


def test_folding_counts_octets_and_never_splits_a_character():
    line = "DESCRIPTION:" + "政务公开" * 30
    folded = fold(line).encode("utf-8")
    parts = folded.split(b"\r\n")[:-1]
    assert all(len(p) <= 75 for p in parts) and len(parts) > 1
    assert all(p.startswith(b" ") for p in parts[1:])
    assert b"".join(p[1:] if i else p for i, p in enumerate(parts)).decode() == line


def test_a_cell_over_excels_limit_is_cut_with_a_warning(tmp_path):
    notice = tmp_path / "long.txt"
    notice.write_text(PLAN.replace("全面推进政务公开。", "全面推进政务公开。" * 4000), "utf-8")
    book = tmp_path / "long.xlsx"
    result = invoke("--no-keywords", "--xlsx", str(book), str(notice))
    assert result.exit_code == 0
    assert result.stderr == (
        f"gkparse: {book}: warning: 1 cell(s) cut to 32,767 characters, Excel's limit\n"
    )
    text = openpyxl.load_workbook(book).active["I2"].value
    assert len(text) == 32_767 and text.endswith("…")
