"""Encodings: a BOM first, then strict UTF-8, then strict GB18030, then a detector."""

from __future__ import annotations

import codecs

import pytest
from conftest import SAMPLES

from gkparse import parse_bytes
from gkparse.emit import document_to_dict, to_yaml

TEXT = SAMPLES[0].read_text(encoding="utf-8")


def body(data: bytes) -> dict:
    out = document_to_dict(parse_bytes(data, name="x.txt"))
    out["metadata"].pop("source")
    return out


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
    ids=["utf-8", "bom", "gb18030", "gbk", "utf-16", "crlf"],
)
def test_every_encoding_gives_the_same_document(data, encoding):
    doc = parse_bytes(data, name="x.txt")
    assert doc.metadata.source["encoding"] == encoding
    assert body(data) == body(TEXT.encode("utf-8"))


def test_short_gbk_text_is_not_misdetected():
    data = "关于印发工作要点的通知\n一、总体要求".encode("gbk")
    assert parse_bytes(data).header.title == "关于印发工作要点的通知"


def test_invalid_bytes_become_a_warning_not_an_error():
    data = TEXT.encode("utf-8")[:50] + b"\xff\xfe\xfa" + TEXT.encode("utf-8")[50:]
    doc = parse_bytes(data, name="x.txt")
    assert any("U+FFFD" in w or "encoding" in w for w in doc.metadata.warnings)
    assert to_yaml(document_to_dict(doc))


def test_traditional_text_is_matched_but_written_as_printed():
    doc = parse_bytes("上海市人民政府印發《關于本市加強政務誠信建設的實施意見》的通知\n滬府發〔2017〕92號\n一、總體要求\n（一）指導思想".encode("utf-8"))
    assert doc.header.doc_number == "滬府發〔2017〕92號"
    data = document_to_dict(doc)
    assert data["header"]["doc_number"] == "滬府發〔2017〕92號"
    assert data["sections"][0]["title"] == "總體要求"


def test_pinyin_annotations_are_removed_with_a_warning():
    doc = parse_bytes("新鄉(xiāng)市人民政府辦公室關于印發(fā)實施方案的通知\n一、目標要求".encode("utf-8"))
    assert document_to_dict(doc)["header"]["title"] == "新鄉市人民政府辦公室關于印發實施方案的通知"
    assert any("pinyin" in w for w in doc.metadata.warnings)
