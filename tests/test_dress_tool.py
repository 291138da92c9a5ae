"""tools/dress.py: labelled texts dressed as the web pages crawlers save (issues 13 and 16)."""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

import gkparse
from gkparse.html import read_page

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("dress", ROOT / "tools" / "dress.py")
DRESS = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(DRESS)

TEXT = "关于印发某方案的通知\n某府办〔2023〕1号\n各街道：\n现将方案印发。\n一、总体要求\n（一）做好工作。（责任单位：区政府办、区司法局）\n"
LABELS = """id: '001'
header:
  title: 关于印发某方案的通知
  doc_number: 某府办〔2023〕1号
  issuer: null
  date: '2023-03-30'
  recipients: [各街道]
  plan_title: 某方案
outline:
  - [1, 一、, 总体要求]
  - [2, （一）, [做好工作, null]]
responsible:
  一、/（一）: [区政府办, 区司法局]
"""


def dress(tmp_path: Path, mode: str, *extra: str) -> Path:
    labels = tmp_path / "in"
    labels.mkdir(exist_ok=True)
    (labels / "001.txt").write_text(TEXT, encoding="utf-8")
    (labels / "001.yaml").write_text(LABELS, encoding="utf-8")
    out = tmp_path / (mode + "".join(extra))
    cmd = [sys.executable, str(ROOT / "tools" / "dress.py"), str(labels), str(out), "--mode", mode]
    subprocess.run([*cmd, *extra], check=True, timeout=60)
    return out


def test_page_puts_every_line_in_a_site_template_with_the_labels_in_its_metadata(tmp_path):
    out = dress(tmp_path, "page")
    page = (out / "001.html").read_text(encoding="utf-8")
    assert (out / "001.yaml").read_text(encoding="utf-8") == LABELS
    read = "".join(read_page(page).text.split())  # the page as gkparse's HTML reader reads it
    for line in TEXT.splitlines():  # every line is on the page (perhaps cut in two paragraphs)
        assert "".join(line.split()) in read
    assert page.count("ICP") + page.count("联系我们") >= 1  # a footer
    doc = gkparse.parse_file(out / "001.html")  # gkparse's HTML reader finds the notice again
    assert doc.header.title == "关于印发某方案的通知"


def test_clutter_glues_a_label_to_the_title_line_and_keeps_the_rest(tmp_path):
    text = (dress(tmp_path, "clutter", "--only", "title_pipe") / "001.txt").read_text("utf-8")
    first, *rest = text.splitlines()
    assert first.endswith("关于印发某方案的通知") and first.startswith("标")
    assert rest == TEXT.splitlines()[1:]


def test_table_rows_are_the_labelled_items_with_their_units(tmp_path):
    out = dress(tmp_path, "table")
    page = (out / "001.html").read_text(encoding="utf-8")
    labels = YAML(typ="safe").load((out / "001.yaml").read_text(encoding="utf-8"))
    assert "序号" in page and "责任单位" in page and "区司法局" in page
    assert labels["header"]["title"] == "关于印发某方案的通知"
    rows = [o for o in labels["outline"] if o[1] == "1"]
    assert rows and rows[0][2] == ["做好工作", None]
    assert list(labels["responsible"].values()) == [["区政府办", "区司法局"]]


def test_the_same_command_writes_the_same_bytes(tmp_path):
    one = dress(tmp_path, "page")
    again = (one / "001.html").read_bytes()
    (one / "001.html").unlink()
    assert (dress(tmp_path, "page") / "001.html").read_bytes() == again


def test_the_metadata_table_holds_the_labels_values_and_nothing_made_up():
    header = {"title": "关于印发某方案的通知", "issuer": None, "date": "2023-03-30"}
    table = DRESS.meta_table(random.Random(1), header)
    assert "<th>成文日期</th><td>2023-03-30</td>" in table  # the value from the labels
    assert "<th>发布机构</th><td></td>" in table  # the issuer's label is null: left empty


def test_a_merged_cell_is_left_out_of_the_rows_it_spans():
    grid = [["1", "甲", "区政府办"], "二、某节", ["2", "乙", "区政府办"], ["3", "丙", "区政府办"]]
    rows = [DRESS.table_row(grid, k, [2], 3) for k in range(4)]
    assert rows[0] == "<tr><td>1</td><td>甲</td><td>区政府办</td></tr>"  # a section row between
    assert rows[2] == '<tr><td>2</td><td>乙</td><td rowspan="2">区政府办</td></tr>'
    assert rows[3] == "<tr><td>3</td><td>丙</td></tr>"
