"""A user edits a plan: a deleted task leaves a gap in numbering that runs across sections."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import SAMPLES

from gkparse import parse
from gkparse.cli import main

PLAN = next(p for p in SAMPLES if p.name.startswith("000_"))  # （一）…（十五） across 一、…五、


def _without_task_ten() -> str:
    lines = PLAN.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(("(十)", "（十）")))
    del lines[at : at + 2]  # the heading (十) and its paragraph
    return "\n".join(lines)


def test_every_remaining_task_is_kept():
    before = [t.marker for t in parse(PLAN.read_text(encoding="utf-8"), keywords=False).tasks]
    after = parse(_without_task_ten(), keywords=False)
    assert [t.marker for t in after.tasks] == [m for m in before if m != "（十）"]
    assert any("numbering gap: （十一）" in w for w in after.metadata.warnings)


def test_diff_reports_exactly_one_removed_task(tmp_path):
    edited = tmp_path / "edited.txt"
    edited.write_text(_without_task_ten(), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--format", "json", str(PLAN), str(edited)])
    report = json.loads(result.output)
    assert result.exit_code == 1
    assert report["summary"]["removed"] == 1 and report["summary"]["added"] == 0
    assert report["summary"]["unchanged"] == 14
    assert report["removed"][0]["title"] == "持续优化政民互动主渠道建设"
