"""Saved web pages in (html.py): the text a reader sees, a block a line, table rows as cells."""

from pathlib import Path

import pytest

from gkparse import parse_bytes, parse_file
from gkparse.emit import document_to_dict, to_yaml
from gkparse.html import html_to_text, looks_like_html

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
