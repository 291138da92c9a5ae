"""The evaluation set is well formed, and the evaluation command scores what it says it scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from gkparse.eval import HEADER_FIELDS, evaluate, main, marker_key

GOLD = Path(__file__).with_name("eval") / "gold"
LABELS = sorted(GOLD.glob("*.yaml"))
DEV = sorted((Path(__file__).with_name("dev") / "gold").glob("*.yaml"))
HTML_LABELS = sorted(Path(__file__).with_name("eval_html").glob("*.yaml"))


def test_forty_labels_each_beside_its_text():
    assert len(LABELS) == 40
    assert all(p.with_suffix(".txt").exists() for p in LABELS)


def test_the_sets_do_not_overlap():
    assert not {p.stem for p in LABELS} & {p.stem for p in DEV}


@pytest.mark.parametrize(
    "path", LABELS + DEV, ids=[f"{p.parent.parent.name}/{p.stem}" for p in LABELS + DEV]
)
def test_label_is_well_formed(path):
    gold = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert gold["id"] == path.stem and path.with_suffix(".txt").exists()
    assert set(HEADER_FIELDS) <= set(gold["header"])
    if path in LABELS:
        assert "reader 2" in gold["checked"]  # read by a second reader
    previous = 0
    for level, marker, title in gold["outline"] or []:
        assert isinstance(marker, str) and marker_key(marker)[0] != "unknown", marker
        assert 1 <= level <= previous + 1, (marker, level)  # nesting opens one level at a time
        assert title is None or isinstance(title, (str, list))
        previous = level


def test_html_labels_each_beside_its_page():
    assert len(HTML_LABELS) == 15
    assert all(p.with_suffix(".html").exists() for p in HTML_LABELS)
    assert not {p.stem for p in HTML_LABELS} & {p.stem for p in LABELS + DEV}


@pytest.mark.parametrize("path", HTML_LABELS, ids=[f"eval_html/{p.stem}" for p in HTML_LABELS])
def test_html_label_is_well_formed(path):
    gold = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert gold["id"] == path.stem and "read twice" in gold["checked"]
    assert set(HEADER_FIELDS) <= set(gold["header"])
    previous = 0
    for level, marker, title in gold["outline"] or []:
        assert isinstance(marker, str) and marker_key(marker)[0] != "unknown", marker
        assert 1 <= level <= previous + 1, (marker, level)
        assert title is None or isinstance(title, (str, list))
        previous = level


@pytest.mark.parametrize(
    "marker, key",
    [
        ("一、", ("chinese", 1)),
        ("（十二）", ("chinese_paren", 12)),
        ("㈢", ("chinese_paren", 3)),
        ("3.", ("arabic", 3)),
        ("12、", ("arabic", 12)),
        ("⒋", ("arabic", 4)),
        ("（2）", ("arabic_paren", 2)),
        ("⑵", ("arabic_paren", 2)),
        ("④", ("circled", 4)),
        ("第十一条", ("article", 11)),
        ("第二章", ("chapter", 2)),
    ],
)
def test_marker_keys(marker, key):
    assert marker_key(marker) == key


NOTICE = """关于印发2023年政务公开工作要点的通知
各科室：
现将《2023年政务公开工作要点》印发给你们，请认真贯彻落实。
某某县人民政府办公室
2023年3月1日
一、推进决策公开
（一）完善目录。制定并公开重大决策事项目录。（县政府办牵头）
（二）扩大参与。邀请公众参与决策。
二、加强保障
各科室要明确分工，落实责任。
"""


def _label(
    tmp_path: Path,
    outline: str,
    responsible: str = "{}",
    title: str = "关于印发2023年政务公开工作要点的通知",
) -> Path:
    (tmp_path / "001.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "001.yaml").write_text(
        f"""id: '001'
header:
  title: {title}
  doc_number: null
  issuer: 某某县人民政府办公室
  date: '2023-03-01'
  recipients: [各科室]
  plan_title: 2023年政务公开工作要点
outline:
{outline}
responsible: {responsible}
""",
        encoding="utf-8",
    )
    return tmp_path


FULL = """  - [1, 一、, 推进决策公开]
  - [2, （一）, 完善目录]
  - [2, （二）, [扩大参与, null]]
  - [1, 二、, 加强保障]"""


def test_a_right_label_scores_one(tmp_path):
    fig = evaluate(_label(tmp_path, FULL, "{一、/（一）: [县政府办]}")).figures()
    assert fig["header_overall"] == 1.0
    assert fig["outline"]["f1"] == 1.0 and fig["titles"] == 1.0
    assert fig["responsible"] == 1.0 and fig["responsible_items"] == 1


def test_misses_are_counted_and_listed_with_their_document(tmp_path):
    outline = FULL.replace("[1, 二、, 加强保障]", "[1, 二、, 加强保障]\n  - [1, 三、, 落实责任]")
    report = evaluate(
        _label(tmp_path, outline, "{一、/（一）: [县政府办, 县司法局]}", title="别的标题")
    )
    fig = report.figures()
    assert fig["outline"]["recall"] == 0.8 and fig["outline"]["precision"] == 1.0
    assert fig["header"]["title"] == 0.0 and fig["responsible"] == 0.0
    assert any(m.startswith("001:") and "missed heading 三、" in m for m in report.misses)
    assert any("header.title" in m for m in report.misses)


def test_alternatives_count(tmp_path):
    path = _label(tmp_path, FULL, title="别的标题")
    text = (path / "001.yaml").read_text(encoding="utf-8")
    (path / "001.yaml").write_text(
        text.replace(
            "outline:", "  alt:\n    title: [关于印发2023年政务公开工作要点的通知]\noutline:"
        ),
        encoding="utf-8",
    )
    assert evaluate(path).figures()["header"]["title"] == 1.0


def test_command_prints_figures(tmp_path):
    result = CliRunner().invoke(main, [str(_label(tmp_path, FULL))])
    assert result.exit_code == 0, result.output
    assert "outline        P 1.000  R 1.000  F1 1.000" in result.output


def test_a_section_that_lost_its_number_is_no_level(tmp_path):
    """GOLD counts levels over numbered headings: （一） under a title whose 一、 was lost is 1."""
    text = "推进决策公开\n（一）完善目录。制定目录。\n（二）扩大参与。邀请公众。\n加强组织保障\n（三）落实责任。\n"
    (tmp_path / "001.txt").write_text(text, encoding="utf-8")
    (tmp_path / "001.yaml").write_text(
        """id: '001'
header: {title: null, doc_number: null, issuer: null, date: null, recipients: [], plan_title: null}
outline:
  - [1, （一）, 完善目录]
  - [1, （二）, 扩大参与]
  - [1, （三）, 落实责任]
responsible: {}
""",
        encoding="utf-8",
    )
    fig = evaluate(tmp_path).figures()
    assert fig["outline"]["f1"] == 1.0


def test_a_label_beside_an_html_page_is_evaluated(tmp_path):
    """No NNN.txt: the evaluator takes NNN.html beside the label and reads it as a page."""
    path = _label(tmp_path, FULL, "{一、/（一）: [县政府办]}")
    text = (path / "001.txt").read_text(encoding="utf-8")
    (path / "001.txt").unlink()
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines())
    head = "<head><meta charset='utf-8'><title>x</title></head>"
    page = f"<html>{head}<body>{paragraphs}</body></html>"
    (path / "001.html").write_text(page, encoding="utf-8")
    fig = evaluate(path).figures()
    assert fig["outline"]["labelled"] == 4 and fig["responsible_items"] == 1
    assert fig["header"]["title"] == 1.0  # the page was read as HTML, not as text with tags
    assert fig["outline"]["f1"] == 1.0
