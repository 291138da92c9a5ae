"""Hostile input: each gives a clear message or a document with warnings, in bounded time."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from collections import Counter

import pytest
import regex
from conftest import SAMPLES

from gkparse import NotText, parse, parse_bytes
from gkparse.emit import document_to_dict, to_yaml
from gkparse.rules import counting_timeouts, load_rules

SAMPLE = SAMPLES[0].read_bytes()


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "gkparse", *args], input=stdin, capture_output=True, timeout=300)


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notice.txt", "关于印发的通知")
    return out.getvalue()


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty file"), (b" \n\t\r\n  \n", "no text"), (png(), "PNG"), (zip_bytes(), "ZIP"), (bytes(range(256)) * 40, "binary")],
    ids=["empty", "whitespace", "png", "zip", "random-binary"],
)
def test_not_a_text_is_a_clear_message(tmp_path, data, reason):
    with pytest.raises(NotText, match=reason):
        parse_bytes(data)
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    proc = run(str(path), "-o", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert proc.stderr.decode().startswith(f"gkparse: {path}: ") and reason in proc.stderr.decode()
    assert b"Traceback" not in proc.stderr
    assert not (tmp_path / "out" / "bad.yaml").exists()


def test_nul_bytes_are_removed_with_a_warning():
    data = SAMPLE[:100] + b"\x00\x00" + SAMPLE[100:]
    doc = parse_bytes(data)
    assert any("NUL" in w for w in doc.metadata.warnings)
    assert doc.header.doc_number == "练府〔2023〕15号"


def test_invalid_utf8_in_the_middle_stays_utf8():
    cut = SAMPLE.index("二、".encode())
    doc = parse_bytes(SAMPLE[:cut] + b"\xff\xfe" + SAMPLE[cut:])
    assert doc.metadata.source["encoding"] == "utf-8"
    assert any("invalid UTF-8" in w for w in doc.metadata.warnings)
    assert [t.id for t in doc.tasks][:3] == ["1.1", "1.2", "2.3"]


def test_not_a_notice_english_readme():
    doc = parse_bytes(b"# Project\n\nThis is a README.\n\n1. Install it.\n2. Run it.\n")
    assert "no Chinese text: this does not look like a notice" in doc.metadata.warnings
    assert to_yaml(document_to_dict(doc))


def test_ten_thousand_numbered_items():
    text = "2023年工作要点\n一、任务\n" + "".join(f"{i}. 第{i}项工作，按时完成。\n" for i in range(1, 10001))
    start = time.perf_counter()
    doc = parse(text, keywords=False)
    assert time.perf_counter() - start < 30
    assert len(doc.tasks) == 10000 and doc.tasks[-1].id == "1.10000"


def test_deep_numbering_does_not_recurse_or_crash():
    styles = ["{}、", "（{}）", "{}.", "（{}）"]
    chinese = "一二三四五六七八九十"
    lines = []
    for depth in range(100):
        n = chinese[depth % 10] if depth % 2 == 0 else str(depth % 10 + 1)
        lines.append(styles[depth % 4].format(n) + f"第{depth}层")
    doc = parse("\n".join(lines), keywords=False)
    assert to_yaml(document_to_dict(doc))
    assert {s.owner is not None for s in doc.segments} == {True}


def test_a_five_million_character_line():
    line = ("为深入贯彻落实工作要求，进一步做好政务公开工作，" * 210_000)[:5_000_000]
    start = time.perf_counter()
    doc = parse("关于印发工作要点的通知\n" + line, keywords=False)
    assert time.perf_counter() - start < 60
    assert sum(len(s.text) for s in doc.segments) >= 5_000_000


def test_a_50_mb_notice(tmp_path):
    body = SAMPLE.split("一、".encode(), 1)[1]
    data = SAMPLE + b"\n" + ("一、".encode() + body + b"\n") * (50_000_000 // len(body))
    path = tmp_path / "big.txt"
    path.write_bytes(data)
    start = time.perf_counter()
    proc = run(str(path), "-o", str(tmp_path), "--no-keywords", "-j", "1")
    assert proc.returncode == 0, proc.stderr.decode()[-500:]
    assert time.perf_counter() - start < 240
    assert (tmp_path / "big.yaml").stat().st_size > 40_000_000


# One long line per built-in pattern family, built to make a careless pattern backtrack.
STRESS = {
    "repeated punctuation": "：" * 200_000,
    "numerals": "一、" * 100_000,
    "brackets": "（一）" * 100_000,
    "digits": "1." * 100_000 + "2023年" * 50_000,
    "labels": "索引号：发布机构：" * 50_000,
    "unit names": "市政府办、" * 100_000,
    "dates": "2023年12月31日前" * 50_000,
    "spaces": "政 务 公 开 " * 100_000,
    "colons and units": "各部门：" * 100_000,
    "parentheses": "（牵头单位：" * 50_000 + "）" * 50_000,
}


@pytest.mark.parametrize("text", list(STRESS.values()), ids=list(STRESS))
def test_no_built_in_pattern_is_quadratic(text):
    start = time.perf_counter()
    parse("关于印发工作要点的通知\n一、总体要求\n（一）做好公开。" + text, keywords=False)
    # linear parses take under 10 s on a quiet machine (brackets, the slowest); a quadratic one
    # takes many minutes: the bound leaves room for a loaded machine
    assert time.perf_counter() - start < 60


def test_a_rule_built_to_backtrack_forever_times_out(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("junk:\n  - {id: evil, pattern: '(?:a|aa)+$'}\n", encoding="utf-8")
    rules = load_rules((str(path),))
    start = time.perf_counter()
    doc = parse("关于印发工作要点的通知\n" + "a" * 60 + "b\n一、总体要求", rules=rules, keywords=False)
    assert time.perf_counter() - start < 30
    assert any("junk.evil timed out" in w for w in doc.metadata.warnings)


def _stress_text(pattern: str, size: int = 100_000) -> str:
    """A long line made of the characters a pattern looks for, in the order it names them."""
    chars = [c for c in regex.sub(r"\\[pPdDsSwW](?:\{[^}]*\})?", "", pattern) if not c.isspace() and c not in "()[]{}?*+|^$\\.:=<>!P"]
    chars = chars or ["一"]
    return ("".join(chars) * (size // len(chars) + 1))[:size]


def test_every_built_in_pattern_is_fast_on_a_long_line_of_its_own_characters():
    rules = load_rules()
    slow = []
    for guarded in rules.patterns():
        text = _stress_text(guarded.pattern.pattern)
        timeouts: Counter[str] = Counter()
        start = time.perf_counter()
        with counting_timeouts(timeouts):
            for method in ("match", "search", "fullmatch"):
                getattr(guarded, method)(text)
            guarded.finditer(text[:20_000])
        elapsed = time.perf_counter() - start
        if elapsed > 2 or timeouts:
            slow.append((guarded.where, round(elapsed, 2), dict(timeouts)))
    assert not slow


def test_a_task_table_of_five_thousand_rows():
    cells = ["工作任务", "具体要求", "责任科室", "时限要求"]
    for i in range(1, 5001):
        cells += [f"任务名称{i}", str(i), f"具体要求内容第{i}项，认真落实。", "办公室", "年底前"]
    start = time.perf_counter()
    doc = parse("\n".join(cells), keywords=False)
    assert time.perf_counter() - start < 60
    assert [t.marker for t in doc.tasks] == [str(i) for i in range(1, 5001)]
    assert doc.tasks[-1].title == "任务名称5000" and doc.tasks[-1].responsible == ["办公室"]


# --- damage a download or a conversion does (issue 15) ---

PLAN = "关于印发工作要点的通知\n练府〔2023〕15号\n各村委会：\n一、总体要求\n（一）指导思想\n坚持以人民为中心。\n（二）工作目标\n全面提升。\n二、主要任务\n（一）加强公开\n做好公开。\n"


def test_a_digit_before_a_closing_paragraph_tag_is_kept():
    doc = parse("关于印发工作要点的通知\n练府〔2023〕15号\n2023.03.30</p>\n一、总体要求\n（一）指导思想\n覆盖率达到100</p>\n", keywords=False)
    assert doc.header.date == "2023-03-30"
    assert "达到100" in doc.tasks[0].text and "达到10" + "0" in doc.tasks[0].text
    assert any("HTML" in w for w in doc.metadata.warnings)


@pytest.mark.parametrize("mark", ["\f", "\v", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2069", "\u061c"])
def test_a_page_break_or_bidi_mark_does_not_hide_a_heading(mark):
    text = "".join(mark + line + "\n" for line in PLAN.splitlines())
    doc = parse(text, keywords=False)
    assert [t.id for t in doc.tasks] == ["1.1", "1.2", "2.1"]
    assert doc.header.doc_number == "练府〔2023〕15号"


def test_full_width_digits_in_the_header():
    doc = parse("关于印发工作要点的通知\n练府〔２０２３〕１５号\n２０２３．０３．３０\n一、总体要求\n（一）指导思想\n坚持。\n", keywords=False)
    assert doc.header.doc_number == "练府〔2023〕15号"
    assert doc.header.date == "2023-03-30"
    assert doc.metadata.year == 2023
    assert any("full-width digits" in w for w in doc.metadata.warnings)


def test_markdown_cleaner_keeps_blanks_and_powers():
    doc = parse("关于印发工作要点的通知\n一、总体要求\n（一）**指导思想**\n请于____年__月前报送，规模2**10字节。\n", keywords=False)
    assert doc.tasks[0].title == "指导思想"
    assert "____年__月" in doc.tasks[0].text and "2**10" in doc.tasks[0].text
    assert any("Markdown" in w for w in doc.metadata.warnings)


BIG5 = "關於印發《練塘鎮2023年政務公開工作要點》的通知\n各村委會：\n一、總體要求\n（一）指導思想\n堅持以習近平新時代中國特色社會主義思想為指導，全面貫徹黨的二十大精神。\n（二）工作目標\n進一步提升政務公開質量，推進決策公開。\n"


def test_big5_is_read_as_big5_with_a_warning():
    doc = parse_bytes(BIG5.encode("big5"))
    assert doc.metadata.source["encoding"] == "big5"
    assert doc.header.title.startswith("關於印發")
    assert any("Big5" in w for w in doc.metadata.warnings)
    assert [t.id for t in doc.tasks] == ["1.1", "1.2"]


def test_gb18030_stays_gb18030():
    text = SAMPLE.decode("utf-8")
    doc = parse_bytes(text.encode("gb18030"))
    assert doc.metadata.source["encoding"] == "gb18030"
    assert doc.header.doc_number == "练府〔2023〕15号"


# --- known, in modules owned elsewhere at the time of issue 15 (strict: they fail once fixed) ---


def test_the_time_of_day_of_page_metadata_is_kept():
    doc = parse("关于印发工作要点的通知\n发布时间: 2023-11-03 08:57\n一、总体要求\n（一）指导思想\n坚持。\n", keywords=False)
    assert "08:57" in to_yaml(document_to_dict(doc))


def test_no_usable_temp_directory():
    """Nothing is cached or written in a temporary directory (rjieba keeps its dictionary in
    memory); a read-only container parses as well."""
    script = (
        "import tempfile\n"
        "def none(): raise FileNotFoundError(2, 'No usable temporary directory found')\n"
        "tempfile.gettempdir = none\n"
        "import gkparse\n"
        f"print(len(gkparse.parse_file({str(SAMPLES[0])!r}).tasks))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()[-300:]
