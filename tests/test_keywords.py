"""Keywords: words of the dictionary, never a unit's name, never read from a planted cache."""

from __future__ import annotations

import hashlib
import marshal
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from gkparse import parse
from gkparse.hanzi import simplify
from gkparse.keywords import model
from gkparse.rules import builtin_dir

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "001_88b92ad053bea4e2.txt"
TASK = "2023年某市政务公开工作要点\n一、总体要求\n（一）做好公开。{}\n"


def keywords_of(text: str) -> list[str]:
    return parse(TASK.format(text)).tasks[0].keywords


def test_keywords_are_dictionary_words():
    """jieba's HMM glues characters it does not know into 'words' (市人社局起草 gave 社局, 局起):
    a keyword is a word of the dictionary or of the user dictionary."""
    seg = model(builtin_dir()).seg
    for task in parse(SAMPLE.read_text(encoding="utf-8")).tasks:
        assert all(seg.has_word(k) for k in task.keywords), task.keywords


def test_unit_names_are_no_keywords():
    found = keywords_of("市发改委、市人社局起草就业创业政策解读材料，做好就业创业政策信息公开。")
    assert not [k for k in found if k.endswith(("局", "委", "办"))], found
    assert "就业创业" in found or "政策解读" in found, found


def test_traditional_text_gives_the_keywords_of_its_simplified_form_as_printed():
    text = "（一）深化政務公開。做好政策解讀和信息發佈，提升政務公開質量。"
    written = parse("二〇二三年政務公開工作要點\n一、總體要求\n" + text).tasks[0].keywords
    simple = parse(simplify("二〇二三年政務公開工作要點\n一、總體要求\n" + text)).tasks[0].keywords
    assert [simplify(k) for k in written] == simple and "政策解讀" in written, (simple, written)


def test_no_cache_file_is_read_or_written_in_the_temp_directory(tmp_path):
    """jieba kept its dictionary cache under a predictable name in the shared temp directory:
    anyone who could write there chose the keywords. A planted file is not read, and no file
    is written there."""
    words = str(builtin_dir() / "words.txt")  # the name jieba gave the cache of the cut list
    named = f"jieba.u{hashlib.md5(words.encode('utf-8', 'replace')).hexdigest()}.cache"
    planted = {name: marshal.dumps(({"政": 1}, 1)) for name in ("jieba.cache", named)}
    for name, data in planted.items():
        (tmp_path / name).write_bytes(data)
    env = {**os.environ, "TMPDIR": str(tmp_path), "TMP": str(tmp_path), "TEMP": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-m", "gkparse", "-q", "-o", "-", str(SAMPLE)],
        capture_output=True,
        env=env,
        check=True,
    )
    assert b"keywords: [" in proc.stdout
    clean = subprocess.run(
        [sys.executable, "-m", "gkparse", "-q", "-o", "-", str(SAMPLE)],
        capture_output=True,
        env={**os.environ, "TMPDIR": tempfile.mkdtemp()},
        check=True,
    )
    assert proc.stdout == clean.stdout
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == planted
    assert "jieba" not in proc.stderr.decode()


def test_wordlist_sorted_as_lines() -> None:
    """Model._idf bisects the raw lines: they must sort as their words do."""
    from gkparse.rules import builtin_dir

    lines = (builtin_dir() / "words.txt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    assert lines == sorted(lines, key=lambda line: line.split(" ", 1)[0] + " ")


def test_idf_found_for_every_listed_word_and_default_for_others() -> None:
    """The bisection over the lines of the file's bytes finds what a list bisection found."""
    import bisect

    from gkparse.keywords import DEFAULT_IDF

    m = model(builtin_dir())
    lines = m.text.decode("utf-8").splitlines()
    for line in lines:
        word, *_, value = line.split(" ")
        assert m._idf(word) == (DEFAULT_IDF if value == "-" else float(value)), line
    for word in ("", "不是词语的", "一一一", "\uffff", "齐齐"):
        i = bisect.bisect_left(lines, word + " ")
        listed = i < len(lines) and lines[i].startswith(word + " ")
        assert listed or m._idf(word) == DEFAULT_IDF, word
