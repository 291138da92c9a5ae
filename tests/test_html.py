"""Saved web pages in (html.py): the text a reader sees, a block a line, table rows as cells."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gkparse import parse_bytes, parse_file
from gkparse.emit import document_to_dict, to_yaml
from gkparse.html import html_to_text, looks_like_html, read_page

PAGES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html"

NOTICE = """<!DOCTYPE html><html><head><title>页面</title><script>var x = "一、不是标题";</script>
<style>p {color: red}</style></head><body>
<table><tr><td><table>
<tr><td>索引号：</td><td>000014349/2019-00007</td><td>发文字号：</td><td>国发〔2019〕5号</td></tr>
<tr><td>成文日期：</td><td>2019年01月27日</td></tr>
</table></td></tr></table>
<div><p>国务院关于做好政务公开工作的通知</p>
<p>各省、自治区、直辖市人民政府：</p><p>现将有关事项通知如下。</p>
<p>一、总体要求</p><p>（一）完善制度。到2023.03.30</p><p>前完成。</p></div>
</body></html>"""


def test_blocks_are_lines_and_table_rows_are_cells():
    lines = html_to_text(NOTICE).splitlines()
    assert lines[:2] == [
        "索引号： | 000014349/2019-00007 | 发文字号： | 国发〔2019〕5号 |",
        "成文日期： | 2019年01月27日 |",
    ]
    assert "（一）完善制度。到2023.03.30" in lines  # the digits before </p> are kept
    assert not any("不是标题" in line or "color" in line for line in lines)


def test_a_page_parses_like_a_text():
    doc = parse_bytes(NOTICE.encode("utf-8"), name="notice.html", keywords=False)
    assert doc.header.title == "国务院关于做好政务公开工作的通知"
    assert doc.header.doc_number == "国发〔2019〕5号" and doc.header.date == "2019-01-27"
    assert [n.marker for n in doc.walk()] == ["一、", "（一）"]
    assert "<" not in to_yaml(document_to_dict(doc))


def test_html_on_standard_input_is_sniffed():
    assert looks_like_html(NOTICE) and not looks_like_html("关于印发<工作要点>的通知")
    doc = parse_bytes(NOTICE.encode("utf-8"), name=None, keywords=False)
    assert doc.header.title == "国务院关于做好政务公开工作的通知"


@pytest.mark.skipif(not PAGES.is_dir(), reason="the shared corpus is not beside the repository")
@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")) if PAGES.is_dir() else [])
def test_every_saved_page_of_the_corpus(page):
    doc = parse_file(page, keywords=False)
    assert doc.header.title and doc.header.title.startswith("国务院")
    assert doc.header.doc_number and len(doc.walk()) >= 10
    assert "<" not in to_yaml(document_to_dict(doc))


# Pages of other templates, made by hand on the shapes of real ones (short synthetic text): a
# 信息公开 detail page (metadata table, article in div#zoom.TRS_Editor), a plain article page whose
# body no known container names (found by density), a 任务分解表 converted from Word.
TEMPLATES = Path(__file__).resolve().parent / "pages"


def gkparse_json(page: Path) -> tuple[dict, str]:
    """The document the real command line makes of a page, and its text."""
    proc = subprocess.run(
        [sys.executable, "-m", "gkparse", "-o", "-", "--format", "json", "--no-keywords", page],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    return doc, json.dumps(doc, ensure_ascii=False)


def page_lines(page: Path) -> list[str]:
    """The lines the HTML reader hands the parser (the parser's own tests check that each of
    them lands in one place of the output)."""
    return html_to_text(page.read_text(encoding="utf-8")).splitlines()


def test_a_disclosure_page_gives_its_metadata_table_and_its_article_only():
    doc, out = gkparse_json(TEMPLATES / "xxgk_detail.html")
    header, meta = doc["header"], doc["metadata"]
    assert header["title"] == "关于印发《XX区2023年政务公开工作要点》的通知"
    assert header["doc_number"] == "X政办发〔2023〕8号" and header["date"] == "2023-03-20"
    assert (meta["index_number"], meta["publisher"], meta["published"], meta["disclosure"]) == (
        "11330101002493201M/2023-00015",
        "XX区人民政府办公室",
        "2023-03-24",
        "主动公开",
    )
    assert [s["title"] for s in doc["sections"]] == ["加强政策发布解读", "夯实公开工作基础"]
    assert "(#zoom)" in meta["warnings"][0]
    for chrome in ("当前位置", "政府信息公开指南", "搜索", "分享到", "打印本页", "相关文章"):
        assert chrome not in out
    assert "2022年" not in out and "网站标识码" not in out and "12345678" not in out
    assert page_lines(TEMPLATES / "xxgk_detail.html") == [
        "索引号 | 11330101002493201M/2023-00015 | 发布机构 | XX区人民政府办公室 |",
        "文号 | X政办发〔2023〕8号 | 成文日期 | 2023-03-20 |",
        "发布日期 | 2023-03-24 | 公开方式 | 主动公开 |",
        "名称 | 关于印发《XX区2023年政务公开工作要点》的通知 |",
        "关于印发《XX区2023年政务公开工作要点》的通知",  # the heading before the article
        "字号：大 中 小 打印",  # a metadata label: the parser's junk rules drop it
        "各街道办事处，区政府各部门：",
        "现将《XX区2023年政务公开工作要点》印发给你们，请认真贯彻落实。",
        "XX区人民政府办公室",
        "2023年3月20日",
        "XX区2023年政务公开工作要点",
        "为做好2023年政务公开工作，制定本要点。",
        "一、加强政策发布解读",
        "（一）规范政策发布。及时公开规范性文件。（责任单位：区司法局）",
        "（二）深化政策解读。做好解读材料同步发布。",
        "（责任单位：区政府办公室，各街道办事处）",
        "二、夯实公开工作基础",
        "（一）完善公开目录。2023年6月底前完成目录更新。",
        "（二）加强平台建设。",
        "附件：政务公开工作任务清单.docx",  # after the article, outside it
    ]
    assert doc["metadata"]["source"]["lines"] == 20


def test_a_plain_article_page_is_found_by_its_densest_block():
    doc, out = gkparse_json(TEMPLATES / "article.html")
    assert doc["metadata"]["published"] == "2023-02-15 10:30"  # the line under the heading
    assert "(density)" in doc["metadata"]["warnings"][0]
    assert [n["title"] for n in doc["tasks"] + doc["sections"]] != []
    for chrome in ("无障碍", "您现在的位置", "公示公告", "上一篇", "下一篇", "扫一扫", "版权所有"):
        assert chrome not in out
    assert page_lines(TEMPLATES / "article.html") == [
        "XX镇关于做好2023年安全生产工作的通知",  # the heading before the article
        "发布时间：2023-02-15 10:30　来源：XX镇应急办　浏览次数：128",
        "各村（社区），镇属各单位：",
        "为切实做好2023年安全生产工作，现将有关事项通知如下：",
        "一、压实安全责任",
        "各村（社区）要落实属地管理责任，逐级签订责任书。",
        "二、开展隐患排查",
        "1.聚焦重点行业领域，开展拉网式排查。",
        "2.建立隐患台账，做到整改闭环。",
        "三、强化应急值守",
        "节假日期间严格执行24小时值班制度。",
        "XX镇人民政府",
        "2023年2月15日",
    ]
    assert doc["metadata"]["source"]["lines"] == 13


def test_a_task_table_reaches_the_parser_as_rows():
    """Each row of a 任务分解表 (cells of Word paragraphs) is one line of cells: its task, units
    and time limit read from their columns."""
    lines = html_to_text((TEMPLATES / "task_table.html").read_text(encoding="utf-8")).splitlines()
    assert lines == [
        "XX县2023年政务公开工作任务分解表",
        "序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |",
        "1 | 加强政策解读，做好政策问答。 重要政策同步发布解读材料。 | 县政府办 | 各乡镇人民政府 | "
        "2023年6月底前 |",
        "2 | 推进基层政务公开标准化规范化。 | 县司法局 |  | 持续推进 |",  # the empty cell kept
        "3 | 更新政府信息公开指南。 | 县政府办 | 县直各部门 各乡镇人民政府 | 2023年12月底前 |",
    ]
    doc, out = gkparse_json(TEMPLATES / "task_table.html")
    tasks = doc["tasks"]
    assert [(t["marker"], t["line"]) for t in tasks] == [
        ("1", 3),
        ("2", 4),
        ("3", 5),
    ]  # a row a line
    assert tasks[0]["title"].startswith("加强政策解读") and tasks[0]["lead"] == ["县政府办"]
    assert tasks[0]["responsible"] == ["县政府办", "各乡镇人民政府"]
    assert tasks[2]["responsible"] == ["县政府办", "县直各部门", "各乡镇人民政府"]
    assert [[d["text"] for d in t["deadlines"]] for t in tasks] == [
        ["2023年6月底前"],
        ["持续推进"],
        ["2023年12月底前"],
    ]
    assert "首页" not in out and "备案号" not in out


def test_a_sidebar_content_block_is_not_taken_for_the_article():
    """A known container name that holds few of the page's sentences (a sidebar's .content)
    is passed over: the article is found by density, nothing of it lost."""
    page = (
        "<html><body><div class='content'><a href='#'>通知公告</a> <a href='#'>政策文件</a>"
        "<a href='#'>政策解读文章列表</a></div><div class='main'><div class='txt'>"
        "<p>各镇（街道）：</p><p>一、总体要求</p><p>坚持问题导向，统筹推进各项工作。</p>"
        "<p>二、工作措施</p><p>完善制度，强化督查，确保落实。</p></div></div></body></html>"
    )
    page_read = read_page(page)
    assert page_read.body == "density"
    assert page_read.text.splitlines() == [
        "各镇（街道）：",
        "一、总体要求",
        "坚持问题导向，统筹推进各项工作。",
        "二、工作措施",
        "完善制度，强化督查，确保落实。",
    ]


def test_the_metadata_table_of_a_page_in_traditional_characters_is_kept():
    """A site that shows a notice in traditional characters prints its metadata labels so too
    (索引號, 發布機構): they are the rules' labels all the same, kept around the article.
    Synthetic: pool 234's page dressed by tools/dress.py --mode page."""
    page = (
        "<html><body><div class='nav'><a href='/'>網站首頁</a></div>"
        "<table><tr><th>索引號</th><td>107384427/2016-00584</td>"
        "<th>發布機構</th><td>盤山縣人民政府辦公室</td></tr>"
        "<tr><th>文號</th><td></td><th>成文日期</th><td>2016-09-08</td></tr></table>"
        "<div id='zoom'><p>各鎮人民政府，縣政府各有關部門：</p>"
        "<p>為做好我縣創建國家衛生城市工作，現對工作任務再次進行細化分解。</p></div></body></html>"
    )
    assert read_page(page).text.splitlines()[:2] == [
        "索引號 | 107384427/2016-00584 | 發布機構 | 盤山縣人民政府辦公室 |",
        "文號 |  | 成文日期 | 2016-09-08 |",
    ]


def test_a_page_read_whole_leaves_out_its_lists_of_links():
    """A page whose article no block holds is read whole, but for the lines that are nothing
    but links (navigation, a side bar of other notices' titles, related articles): no line of a
    notice is a link's text alone; an attachment's link stays. Synthetic: the page shape of
    tools/dress.py --mode page around a text whose paragraphs stand in the page's body."""
    page = (
        "<html><body><ul><li><a href='/1'>关于做好2023年防汛抗旱工作的通知</a></li>"
        "<li><a href='/2'>首页</a></li></ul>"
        "<p>某县政务公开工作要点</p><p>各乡镇人民政府，县直各部门：</p>"
        "<p>一、总体要求，坚持公开为常态。</p><p>附件：<a href='/f.docx'>任务清单.docx</a></p>"
        "<p><a href='/f2.docx'>分工表.docx</a></p></body></html>"
    )
    read = read_page(page)
    assert read.body is None and read.left_out == 2
    assert read.text.splitlines() == [
        "某县政务公开工作要点",
        "各乡镇人民政府，县直各部门：",
        "一、总体要求，坚持公开为常态。",
        "附件：任务清单.docx",
        "分工表.docx",
    ]


def test_a_merged_cell_of_a_table_is_every_row_it_spans():
    """A task table prints a unit shared by rows in a row once, in a cell that spans them
    (rowspan): a reader sees it in each of those rows, so each row's line holds it in its
    column. Synthetic: a dev text's items as a table, tools/dress.py --mode table."""
    page = (
        "<html><body><div id='zoom'><p>某县2023年政务公开工作任务分解表</p><table>"
        "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>责任单位</td><td>完成时限</td></tr>"
        "<tr><td>1</td><td>规范政策发布。</td><td rowspan='2'>县政府办</td><td>各乡镇</td>"
        "<td>持续推进</td></tr>"
        "<tr><td>2</td><td>深化政策解读。</td><td>县司法局</td><td>6月底前</td></tr>"
        "</table></div></body></html>"
    )
    assert read_page(page).text.splitlines()[2:] == [
        "1 | 规范政策发布。 | 县政府办 | 各乡镇 | 持续推进 |",
        "2 | 深化政策解读。 | 县政府办 | 县司法局 | 6月底前 |",
    ]
    doc = parse_bytes(page.encode("utf-8"), name="table.html", keywords=False)
    assert [t.responsible for t in doc.tasks] == [["县政府办", "各乡镇"], ["县政府办", "县司法局"]]


def test_a_headline_broken_by_a_line_break_is_kept_whole():
    """A long headline broken by <br> (before 关于, or in its middle) is one heading: all its
    lines are kept above the article, not the last alone. Synthetic: pool 222's page dressed by
    tools/dress.py --mode page, seed 2."""
    page = (
        "<html><body><h1 class='article-title'>天水市人民政府办公室<br>关于印发天水市加快數字政府"
        "建設工作實施方案的通知</h1><div id='zoom'><p>各县区人民政府，市政府各部门：</p>"
        "<p>现将《方案》印发给你们，请认真贯彻执行。</p></div></body></html>"
    )
    assert read_page(page).text.splitlines()[:2] == [
        "天水市人民政府办公室",
        "关于印发天水市加快數字政府建設工作實施方案的通知",
    ]


@pytest.mark.parametrize(
    "headline",
    [
        "<div class='biaoti'>{}</div>",
        "<p class='wz_tit'>{}</p>",
        "<table><tr><td class='bt'>{}</td></tr></table>",
        "<div class='detail'>{}</div>",  # no class naming a title: the page's <title> names it
    ],
)
def test_the_headline_is_found_by_the_names_templates_give_it(headline):
    """Templates name the headline's element biaoti (标题), tit, bt…; a page whose article does
    not print the title has it there, and in its <title> (the site's name after _ or -).
    Synthetic: the shapes tools/dress.py --mode page gives a dev text's headline."""
    title = "某县人民政府办公室关于印发某县2023年政务公开工作要点的通知"
    page = (
        f"<html><head><title>{title}_某县人民政府</title></head><body>"
        f"<div class='nav'><a href='/'>首页</a></div>{headline.format(title)}"
        "<div id='zoom'><p>各乡镇人民政府，县直各部门：</p>"
        "<p>现将《某县2023年政务公开工作要点》印发给你们，请认真贯彻落实。</p></div></body></html>"
    )
    assert read_page(page).text.splitlines()[0] == title


def test_a_site_template_is_taught_by_a_rule_file(tmp_path):
    """A container a site's template names (here div#wzcon) is found once a rule file lists it
    under page_containers; without it, the article is found by density."""
    from gkparse.rules import load_rules

    page = (
        "<html><body><div class='nav'><a href='#'>首页</a></div><div id='wzcon'>"
        "<p>各镇（街道）：</p><p>一、总体要求</p><p>坚持问题导向，统筹推进各项工作。</p>"
        "<p>二、工作措施</p><p>完善制度，强化督查，确保落实。</p></div></body></html>"
    )
    assert read_page(page).body == "density"
    rules = tmp_path / "site.yaml"
    rules.write_text("page_containers: ['#wzcon']\n", encoding="utf-8")
    taught = read_page(page, load_rules((str(rules),)))
    assert taught.body == "#wzcon"
    assert taught.text.splitlines()[0] == "各镇（街道）："
