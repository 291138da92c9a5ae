"""The pipeline: its stages in order over one State, each adding its own part; rules shared
between parses hold no per-document state."""

from __future__ import annotations

import pytest
from conftest import SAMPLES

from gkparse import load_rules, parse, pipeline
from gkparse.emit import document_to_dict, to_yaml
from gkparse.state import State

NOTICE = """关于印发2023年政务公开工作要点的通知
索引号：QF1201000-2023-003
各科室：
现将《2023年政务公开工作要点》印发给你们，请认真贯彻落实。
某某县人民政府办公室
2023年3月1日
一、推进决策公开
(一)完善目录。制定并公开重大决策事项目录，6月底前完成。（县政府办牵头）
分享到：
"""


def _state(text: str = NOTICE) -> State:
    return State(text, load_rules(), {"file": "x.txt", "sha256": "0", "encoding": "utf-8"})


def test_stages_in_order():
    names = [s.name for s in pipeline.STAGES]
    assert names == [
        "lines",
        "tokens",
        "page",
        "tables",
        "header",
        "body",
        "fields",
        "check",
        "restore",
        "printed",
        "keywords",
        "source",
    ]


def test_each_stage_adds_its_part():
    state = _state()
    seen = {}
    for stage in pipeline.STAGES:
        stage.run(state)
        doc = state.doc
        seen[stage.name] = {
            "segments": len(doc.segments),
            "tokens": len(state.tokens),
            "notice": len(state.notice),
            "body": len(state.body),
            "title": doc.header.title,
            "roots": len(doc.roots),
            "units": list(doc.tasks[0].responsible) if doc.roots else None,
            "warnings": len(doc.metadata.warnings),
            "keywords": list(doc.tasks[0].keywords) if doc.roots else None,
            "source": dict(doc.metadata.source),
        }
    assert seen["lines"]["segments"] == 9 and seen["lines"]["tokens"] == 0
    assert seen["tokens"]["tokens"] == 9 and seen["tokens"]["notice"] == 0
    assert seen["page"]["notice"] == 7  # 索引号 and 分享到 are the page's
    assert (
        seen["header"]["title"] == "关于印发2023年政务公开工作要点的通知"
        and seen["header"]["body"] == 2
    )
    assert seen["body"]["roots"] == 1 and seen["body"]["units"] == []
    assert seen["fields"]["units"] == ["县政府办"]
    assert seen["fields"]["warnings"] == 0 and seen["check"]["warnings"] > 0
    assert seen["restore"]["keywords"] == [] and seen["keywords"]["keywords"]
    assert seen["keywords"]["source"] == {} and seen["source"]["source"]["lines"] == 9


def test_keywords_false_skips_the_keywords_stage():
    text = SAMPLES[0].read_text(encoding="utf-8")
    skipped = pipeline.run(_state(text), skip=("keywords",))
    direct = parse(text, name="x.txt", keywords=False)
    assert all(not t.keywords for t in skipped.tasks)
    assert document_to_dict(skipped)["tasks"] == document_to_dict(direct)["tasks"]


def test_an_unknown_stage_is_an_error():
    with pytest.raises(ValueError, match="no such stage: keyword"):
        pipeline.run(_state(), skip=("keyword",))


def test_timeouts_belong_to_the_parse_that_had_them(tmp_path, monkeypatch):
    monkeypatch.setattr("gkparse.rules.RULE_TIMEOUT", 0.01)
    path = tmp_path / "evil.yaml"
    path.write_text("junk:\n  - {id: evil, pattern: '(?:a|aa)+$'}\n", encoding="utf-8")
    rules = load_rules((str(path),))
    evil = parse(
        "关于印发工作要点的通知\n" + "a" * 60 + "b\n一、总体要求", rules=rules, keywords=False
    )
    clean = parse("关于印发工作要点的通知\n一、总体要求", rules=rules, keywords=False)
    assert any("junk.evil timed out" in w for w in evil.metadata.warnings)
    assert not any("timed out" in w for w in clean.metadata.warnings)


def test_the_same_rules_give_the_same_output_in_any_order():
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES[:3]]
    first = [to_yaml(document_to_dict(parse(t, keywords=False))) for t in texts]
    again = [to_yaml(document_to_dict(parse(t, keywords=False))) for t in reversed(texts)]
    assert first == list(reversed(again))
