"""Property tests: notices rendered from a known structure, with random damage, parse back.

Each generated notice has a header, an outline of random depth and numbering styles, bodies
inline or on their own lines, junk lines and damage (half-width brackets, page breaks, CRLF,
encodings). Whatever is generated: no exception, every line in exactly one place, the outline
parsed back, output valid against the schema and byte-identical on a second run.
"""

from __future__ import annotations

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_invariants import norm, placed

from gkparse import parse_bytes
from gkparse.emit import document_to_dict, to_yaml
from gkparse.schema import schema

CN = "一二三四五六七八九十"
STYLES = [  # one numbering style per level, as notices use them
    lambda n: f"{CN[n - 1]}、",
    lambda n: f"（{CN[n - 1]}）",
    lambda n: f"{n}.",
    lambda n: f"（{n}）",
]
HALF = {"（": "(", "）": ")"}
WORDS = ["政务公开", "信息发布", "政策解读", "平台建设", "依申请公开", "政务新媒体", "标准目录", "公众参与", "保密审查", "考核评估", "基层治理", "数据开放"]
JUNK = ["保存成功", "微信扫一扫", "字号：大 中 小", "扫码使用手机浏览本页内容", "- 3 -", "打印本页"]

phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map("".join)
sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=8).map(lambda ws: "加强" + "，".join(ws) + "工作。")


@st.composite
def outline(draw, depth: int, level: int = 0) -> list[tuple[str, list]]:
    """[(title, children)] for one list of headings."""
    count = draw(st.integers(1, 4 if level else 3))
    items = []
    for _ in range(count):
        children = draw(outline(depth, level + 1)) if level + 1 < depth and draw(st.booleans()) else []
        items.append((draw(phrase), children))
    return items


@st.composite
def notice(draw):
    depth = draw(st.integers(1, 4))
    tree = draw(outline(depth))
    lines: list[str] = []
    expected: list[tuple[str, str, str | None]] = []  # (id, marker, title) of each task
    if draw(st.booleans()):
        lines += ["关于印发2023年某区政务公开工作要点的通知", "某府办〔2023〕7号", "各街道办事处，区政府各部门：",
                  "《2023年某区政务公开工作要点》已经区政府同意，现印发给你们，请认真贯彻执行。", "某区人民政府办公室", "2023年3月1日", "2023年某区政务公开工作要点"]
    lines.append(draw(sentence))  # preamble

    def emit(items, level, prefix):
        for n, (title, children) in enumerate(items, 1):
            marker = STYLES[level](n)
            ident = f"{prefix}{n}"
            inline = draw(st.booleans())
            body = draw(sentence)
            printed = marker if not draw(st.booleans()) else "".join(HALF.get(c, c) for c in marker)
            if children:
                lines.append(printed + title)
                emit(children, level + 1, ident + ".")
            else:
                lines.extend([f"{printed}{title}。{body}"] if inline else [printed + title, body])
                expected.append((ident, marker, title))
            if draw(st.integers(0, 9)) == 0:
                lines.append(draw(st.sampled_from(JUNK)))

    emit(tree, 0, "")
    text = ("\r\n" if draw(st.booleans()) else "\n").join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    return text.encode(encoding), expected, lines


SETTINGS = settings(max_examples=int(__import__("os").environ.get("GKPARSE_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(notice())
def test_generated_notices_parse_back(case):
    data, expected, lines = case
    doc = parse_bytes(data, keywords=False)
    got = [(t.id, t.marker, t.title) for t in doc.tasks]
    assert got == expected
    out = document_to_dict(doc)
    jsonschema.validate(out, schema())
    assert to_yaml(out) == to_yaml(document_to_dict(parse_bytes(data, keywords=False)))
    nonblank = [i for i, line in enumerate(lines, 1) if line.strip()]
    assert sorted({s.line for s in doc.segments}) == nonblank
    for seg in doc.segments:
        where = placed(out, seg.owner)
        text = norm(seg.text)
        if where is not None and text:
            assert any(text[k:] in norm(where) for k in range(min(len(text), 7))), (seg.line, seg.owner)


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise_anything_but_not_text(data):
    from gkparse import NotText

    try:
        doc = parse_bytes(data, keywords=False)
    except NotText:
        return
    jsonschema.validate(document_to_dict(doc), schema())
    assert all(s.owner for s in doc.segments)


@SETTINGS
@given(st.lists(st.sampled_from(list("一二三、（）()1234.．。，：:各部门关于印发通知政务公开年月日\n ") + JUNK), max_size=300).map("".join))
def test_arbitrary_notice_like_text(text):
    from gkparse import NotText

    try:
        doc = parse_bytes(text.encode("utf-8"), keywords=False)
    except NotText:
        assert not text.strip()
        return
    jsonschema.validate(document_to_dict(doc), schema())
    assert all(s.owner for s in doc.segments)


def test_a_batch_killed_midway_leaves_outputs_complete_or_absent(tmp_path):
    """Kill a real batch while it writes; every YAML left behind must be a whole document."""
    import signal
    import subprocess
    import sys
    import time

    from conftest import CORPUS, SAMPLES
    from ruamel.yaml import YAML

    src = tmp_path / "in"
    src.mkdir()
    for i in range(300):
        p = (SAMPLES + CORPUS)[i % len(SAMPLES + CORPUS)]
        (src / f"{i:04d}_{p.name}").write_bytes(p.read_bytes())
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "gkparse", "-q", "--no-keywords", "-j", "1", "-o", str(out), str(src)])
    deadline = time.time() + 60
    while time.time() < deadline and not (out.exists() and len(list(out.iterdir())) > 20):
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = list(out.iterdir())
    assert written, "the batch was killed before it wrote anything"
    assert len([p for p in written if p.suffix == ".yaml"]) < 300, "the batch finished before it was killed"
    for path in written:
        if path.suffix == ".yaml":
            data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
            assert data["schema"] == "gkparse/1" and "closing" in data
