"""The speed-ups that stand in for a slower, plainer computation give its answer exactly.

Each fast path here is checked against the computation it replaces, on texts chosen to reach the
cases it must fall back on (combining marks after a full-width form, controls, U+FFFD, spaces
of every kind) and on arbitrary text.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gkparse import gluedrows, hanzi, keywords, normalize, parse_file, printed
from gkparse.hanzi import simplify
from gkparse.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"

# the reference: what printed.compared computed before its fast paths
UNSEEN = regex.compile(r"[\p{Z}\p{Cc}\p{Cf}\ufffd]+")


def slow_compared(text: str, fold: bool = True) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = simplify(text) if fold else text
    return UNSEEN.sub("", text)


HARD = [
    "（一）加强组织领导，落实责任：",
    "Ａ\u0300，(",  # a full-width letter composes with the mark after it
    "，\u0301（\u0308）",  # marks after the forms replaced first
    "e\u0301 \u3000x\u00a0y",
    "发展\u200b改革\u00ad委员会\ufffd",
    "線\tline\x85end\u2028",
    "ｶﾞ ｷﾞ ㈱ ① ㍻ ﬁ",
    "國務院辦公廳",
    "",
]


def test_compared_gives_the_plain_computation_on_hard_cases():
    for text in HARD:
        for fold in (True, False):
            assert printed.compared(text, fold) == slow_compared(text, fold), text


def test_nfkc_is_unicodedata_nfkc():
    for text in HARD:
        assert printed.nfkc(text) == unicodedata.normalize("NFKC", text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0xFFFF), max_size=40))
def test_compared_gives_the_plain_computation_on_any_text(text):
    assert printed.nfkc(text) == unicodedata.normalize("NFKC", text)
    assert printed.compared(text) == slow_compared(text)
    assert printed.compared(text, False) == slow_compared(text, False)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"，（）：；？！\u3000\u00a0 \u0301\u0308\u200bＡa发發。"]), max_size=30
    )
)
def test_compared_on_full_width_forms_beside_marks(chars):
    text = "".join(chars)
    assert printed.compared(text) == slow_compared(text)


def slow_keywords(text: str, rules_dir, stopwords) -> list[str]:
    """keywords.keywords as it was written first: a word at a time, ties by first place."""
    m = keywords.model(rules_dir)
    words = m.seg.cut(text)
    known = m.learn(words, text, stopwords)
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, word in enumerate(words):
        if known[word]:
            counts[word] = counts.get(word, 0) + 1
            first.setdefault(word, i)
    ranked = sorted(counts, key=lambda w: (-counts[w] * m._idf(w), first[w]))[:16]
    longer = [w for w in ranked if len(w) > 2]
    kept = [w for w in ranked if not (len(w) == 2 and any(w in other for other in longer))]
    return kept[:8]


def test_keywords_rank_as_the_plain_loop_on_every_sample_task():
    rules = load_rules()
    texts = ["数据 数据 平台 平台 平台建设 公开 公开 标准 标准 目录"]  # ties of weight and count
    for path in sorted((ROOT / "samples").glob("*.txt")) + sorted(CORPUS.glob("*.txt")):
        for task in parse_file(path, keywords=False).tasks:
            texts.append(simplify("\n".join(filter(None, [task.title, task.text]))))
    assert len(texts) > 200
    for text in texts:
        expected = slow_keywords(text, rules.userdict.parent, rules.stopwords)
        assert keywords.keywords(text, rules.userdict.parent, rules.stopwords) == expected, text


def test_the_quick_traditional_test_answers_as_the_set():
    traditional = sorted(hanzi.traditional())
    beyond = [c for c in traditional if c > "\uffff"]
    finder = hanzi._Finder()
    finder.asked = hanzi.SWITCH  # the next question compiles the quick test
    texts = ["", "国务院办公厅", "國務院", "a" * 50, "𠀀𠀁", *beyond[:5], "国" + beyond[-1]]
    texts += ["政务" + c for c in traditional[::37]]
    for text in texts:
        assert finder(text) == (not hanzi.traditional().isdisjoint(text)), text
    assert finder.bmp is not None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x3000, max_codepoint=0x2FFFF), max_size=30))
def test_the_quick_traditional_test_on_any_text(text):
    finder = hanzi._Finder()
    finder.asked = hanzi.SWITCH + 1
    assert finder(text) == (not hanzi.traditional().isdisjoint(text))


def test_no_marker_only_where_no_outline_rule_matches():
    rules = load_rules()
    texts = [
        "一、总体要求",
        "（二）工作目标",
        "1.加强",
        "第三章 附则",
        "㈠ 项",
        "⑴ 项",
        "⒈ 项",
        "① 项",
    ]
    texts += ["十二、", "（1）", "12.2023年", "总体要求", "", "2023年3月30日", "一是加强"]
    for path in sorted((ROOT / "samples").glob("*.txt")) + sorted(CORPUS.glob("*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    markers = 0
    for text in texts:
        matched = any(rule.pattern.match(text) for rule in rules.outline)
        assert rules.no_marker(text) == (not matched), text
        markers += matched
    assert markers > 100


def test_no_marker_is_never_sure_with_a_users_outline_rule(tmp_path):
    user = tmp_path / "user.yaml"
    user.write_text(
        "outline:\n  - {id: mine, pattern: '甲(?P<num>[0-9]+)', numeral: arabic, "
        "kind: mine, marker: '甲{num}'}\n",
        encoding="utf-8",
    )
    rules = load_rules((user,))
    assert not rules.no_marker("总体要求")  # (its rules are asked one by one)


# rules/junk.yaml's patterns as first written, where they were rewritten to fail sooner
JUNK_AS_WRITTEN = {
    "download": r"下载(?:文档|后继续阅读)|当前文档共\d+页.{0,40}"
    r"|\S{0,40}\s*\d+\s*页\s*[\d.]+\s*[KM]B\s*下载文档",
    "template_site": r".*(?:本站|我们的客服).*(?:范文|参考|咨询).*",
}
JUNK_PIECES = ["本站", "我们的客服", "范文", "参考", "咨询", "下载文档", "下载", "当前文档共", "页"]
JUNK_PIECES += [" ", "\n", "3", "12", ".", "KB", "MB", "文", "档", "欢迎", "。", "x"]


def test_rewritten_junk_rules_match_what_they_matched():
    rules = dict(load_rules().junk)
    texts = ["本站提供范文", "欢迎来到我们的客服中心咨询", "本站\n参考", "范文本站", "我们的客服"]
    texts += ["下载文档", "当前文档共12页，下载", "报告 12 页 3.5 MB 下载文档", "1\n页1KB下载文档"]
    texts += ["工作方案.docx 12页 35KB 下载文档x", "下载文档下载文档"]
    for path in sorted((ROOT / "samples").glob("*.txt")) + sorted(CORPUS.glob("*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    for rule_id, written in JUNK_AS_WRITTEN.items():
        old = regex.compile(written)
        for text in texts:
            assert bool(rules[rule_id].fullmatch(text)) == bool(old.fullmatch(text)), text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(JUNK_PIECES), max_size=12).map("".join))
def test_rewritten_junk_rules_on_texts_of_their_words(text):
    rules = dict(load_rules().junk)
    for rule_id, written in JUNK_AS_WRITTEN.items():
        assert bool(rules[rule_id].fullmatch(text)) == bool(regex.fullmatch(written, text)), text


def test_invisible_characters_are_none_of_a_printable_line():
    invisible = [chr(c) for c in range(0x110000) if normalize.INVISIBLE.match(chr(c))]
    assert len(invisible) >= 15 and not any(ch.isprintable() for ch in invisible)
    for raw in ["政务\u200b公开", "\ufeff一、总体要求", "\u3000\u3000加强", "a\u00adb", "plain"]:
        assert normalize.visible(raw) == normalize.INVISIBLE.sub("", raw)


def test_strip_spaces_skips_only_texts_without_a_space():
    spaces = [chr(c) for c in range(0x110000) if normalize.SPACES.match(chr(c))]
    assert " " in spaces and "\u3000" in spaces and "\t" in spaces
    assert not any(ch.isprintable() for ch in spaces if ch != " ")
    for text in ["2023 年", "通\u3000知", "发布\t时间", "发布时间", "a\u2028b", "", "一、总体要求"]:
        assert normalize.strip_spaces(text) == normalize.SPACES.sub("", text)


def slow_inside_word(words: tuple[str, ...], text: str, e: int) -> bool:
    """gluedrows._inside_word as it was written first: each place a word could start."""
    for w in words:
        for k in range(len(w)):
            if text.startswith(w, e - k) and e - k + len(w) > e:
                return True
    return False


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["省", "直", "各", "部门", "实验区", "管委会", "乡镇", "街道", "办"]),
        max_size=12,
    ),
    st.integers(1, 30),
)
def test_inside_word_as_each_place_was_tested(pieces, e):
    words = gluedrows._words(load_rules())
    text = "".join(pieces)
    assert gluedrows._inside_word(words, text, e) == slow_inside_word(words, text, e)
