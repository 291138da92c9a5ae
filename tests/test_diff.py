"""`gkparse diff` on real plans: two samples, and a sample against a copy with known edits."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import ROOT, SAMPLES

from gkparse.cli import main

QIONGLAI = ROOT / "samples" / "001_88b92ad053bea4e2.txt"


def edited_copy(tmp_path):
    text = QIONGLAI.read_text(encoding="utf-8")
    lines = text.split("\n")
    # removed: 四、(三)围绕工作重点深入开展调研 and its 责任单位 line
    removed = lines[83:86]
    assert removed[0].startswith("(三)围绕工作重点深入开展调研")
    del lines[83:86]
    # moved: 四、(一)统筹政务公开和安全保密 becomes 三、(四)
    moved = lines[75:78]
    assert moved[0].startswith("(一)统筹政务公开和安全保密")
    del lines[75:78]
    moved[0] = moved[0].replace("(一)", "(四)", 1)
    at = lines.index("责任单位政府办、市行政审批局") + 1
    lines[at:at] = ["", *moved]
    lines = [
        line.replace("(二)加强督促考核和工作培训", "(一)加强督促考核和工作培训") for line in lines
    ]
    # added: a task in 二、
    at = lines.index("责任单位:市行政审批局") + 1
    lines[at:at] = [
        "",
        "(四)推进公共数据开放。编制公共数据开放目录，建立数据开放平台，依法有序开放交通、气象、市场监管等领域数据集。",
        "",
        "责任单位市大数据中心",
    ]
    text = "\n".join(lines)
    # reworded: 三、(二)
    old = "鼓励主办单位发布制作原创类政务信息,提高原创信息发布比例"
    assert old in text
    text = text.replace(old, "支持主办单位制作发布原创政务信息,逐步提高原创比例")
    # responsibility changed: 三、(一)
    old = "并及时更新监管系统备案信息。\n\n责任单位市行政审批局\n"
    assert text.count(old) == 1
    text = text.replace(old, "并及时更新监管系统备案信息。\n\n责任单位市行政审批局、市委网信办\n")
    path = tmp_path / "edited.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_known_edits_are_each_reported_once(tmp_path):
    result = CliRunner().invoke(
        main, ["diff", str(QIONGLAI), str(edited_copy(tmp_path)), "--format", "json"]
    )
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    assert report["summary"] == {
        "header": 0,
        "added": 1,
        "removed": 1,
        "reworded": 1,
        "moved": 1,
        "responsibility": 1,
        "deadline": 0,
        "unchanged": 9,
    }
    assert [a["title"] for a in report["added"]] == ["推进公共数据开放"]
    assert [r["title"] for r in report["removed"]] == ["围绕工作重点深入开展调研"]
    kinds = {c["title"]: c["kinds"] for c in report["changed"]}
    assert kinds == {
        "加强账号内容生产及内容审核": ["reworded"],
        "统筹政务公开和安全保密": ["moved"],
        "严格账号运营管理": ["responsibility"],
    }
    unit = next(c for c in report["changed"] if c["kinds"] == ["responsibility"])
    assert unit["responsible"] == {"added": ["市委网信办"], "removed": []}
    reworded = next(c for c in report["changed"] if c["kinds"] == ["reworded"])
    assert "{+支持+}" in reworded["diff"] and "[-鼓励-]" in reworded["diff"]


def test_a_plan_equals_itself_and_its_yaml(tmp_path):
    CliRunner().invoke(main, [str(QIONGLAI), "-o", str(tmp_path), "--no-keywords", "-j", "1"])
    result = CliRunner().invoke(
        main, ["diff", "--width", "0", str(QIONGLAI), str(tmp_path / f"{QIONGLAI.stem}.yaml")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2].startswith("0 header changed, 0 added, 0 removed")


def test_two_different_samples():
    old, new = SAMPLES[0], SAMPLES[4]
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "yaml"])
    assert result.exit_code == 1
    assert "summary:" in result.output and "added:" in result.output


def test_bad_input_is_exit_2(tmp_path):
    bogus = tmp_path / "x.yaml"
    bogus.write_text("a: 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(bogus), str(QIONGLAI)])
    assert result.exit_code == 2


def test_diff_reads_standard_input_and_honours_no_color():
    """`-` is standard input (a notice or a gkparse document); NO_COLOR turns colour off even
    where it would be on."""
    text = open(SAMPLES[0], encoding="utf-8").read()
    same = CliRunner().invoke(main, ["diff", "-", str(SAMPLES[0])], input=text)
    assert same.exit_code == 0 and "15 unchanged" in same.output
    doc = CliRunner().invoke(main, ["-o", "-", str(SAMPLES[0])]).output
    again = CliRunner().invoke(main, ["diff", str(SAMPLES[0]), "-"], input=doc)
    assert again.exit_code == 0


def test_no_color_turns_colour_off_on_a_terminal(monkeypatch):
    from gkparse import cli

    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli.use_colour(None) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli.use_colour(None) is False
    assert cli.use_colour(True) is True
