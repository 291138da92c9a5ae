"""`gkparse diff` under attack: a bad document is exit 2 and one line, and time stays bounded.

Exit 1 means "the plans differ" to a script, so an error must never be exit 1 (issue 15).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLES

from gkparse.diff import compare, load, match, word_diff

SAMPLE = SAMPLES[0]


def diff(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "gkparse", "diff", *args], capture_output=True, cwd=cwd, timeout=300)


BAD = {
    "malformed": "schema: gkparse/1\ntasks: [\n",
    "missing-keys": "schema: gkparse/1\n",
    "task-missing-keys": "schema: gkparse/1\nsections: []\ntasks:\n  - {id: '1'}\n",
    "wrong-types": "schema: gkparse/1\nsections: 5\ntasks: {a: 1}\n",
    "python-tag": "schema: gkparse/1\nx: !!python/object/apply:os.system ['true']\n",
    "header-not-a-mapping": "schema: gkparse/1\nheader: [1]\nsections: []\ntasks: []\n",
    "header-field-wrong-type": "schema: gkparse/1\nheader: {title: {a: 1}}\nsections: []\ntasks: []\n",
    "year-wrong-type": "schema: gkparse/1\nmetadata: {year: [2023]}\nsections: []\ntasks: []\n",
    "units-wrong-type": "schema: gkparse/1\nsections: []\ntasks:\n  - {id: '1', section: null, title: null, text: null, responsible: [1], deadlines: []}\n",
    "two-documents": "schema: gkparse/1\nsections: []\ntasks: []\n---\nschema: gkparse/1\nsections: []\ntasks: []\n",
}


@pytest.mark.parametrize("body", list(BAD.values()), ids=list(BAD))
def test_a_bad_document_is_exit_2_and_one_line(tmp_path, body):
    (tmp_path / "bad.yaml").write_text(body, encoding="utf-8")
    proc = diff("bad.yaml", str(SAMPLE), cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    assert err.startswith("gkparse: bad.yaml: ")


def test_gkparse_own_multi_document_output_says_so(tmp_path):
    out = subprocess.run([sys.executable, "-m", "gkparse", "-o", "-", "--no-keywords", str(SAMPLES[0]), str(SAMPLES[1])], capture_output=True, timeout=120).stdout
    (tmp_path / "both.yaml").write_bytes(out)
    proc = diff("both.yaml", str(SAMPLE), cwd=tmp_path)
    assert proc.returncode == 2
    assert "documents" in proc.stderr.decode()


def test_diff_reads_a_document_with_hostile_characters(tmp_path):
    text = "关于印发工作要点的通知\n一、总体要求\n（一）指导思想\n坚持以人民为中心。\x0b强化督查。\u2028第二句。\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert subprocess.run([sys.executable, "-m", "gkparse", "a.txt", "--no-keywords"], cwd=tmp_path, timeout=120).returncode == 0
    proc = diff("a.yaml", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


def _plan(n: int, seed: int) -> dict:
    """A plan of n tasks of distinct words (the alignment's worst case: no task alike)."""
    import random

    rnd = random.Random(seed)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    tasks = []
    for i in range(n):
        words = "".join(rnd.choice(han) for _ in range(60))
        tasks.append({"id": f"1.{i + 1}", "section": "1", "title": words[:8], "text": words, "responsible": [], "deadlines": []})
    return {"schema": "gkparse/1", "sections": [{"id": "1", "title": "工作", "sections": []}], "tasks": tasks}


def test_alignment_of_large_plans_is_bounded():
    old, new = _plan(3000, 1), _plan(3000, 2)
    start = time.perf_counter()
    report = compare(old, new)
    elapsed = time.perf_counter() - start
    assert report["summary"]["added"] + report["summary"]["removed"] + len(report["changed"]) > 0
    assert elapsed < 60, elapsed


def test_identical_large_plans_match_every_task():
    plan = _plan(2000, 3)
    report = compare(plan, plan)
    assert report["summary"]["unchanged"] == 2000


def test_word_diff_of_two_long_texts_is_bounded():
    import random

    rnd = random.Random(4)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    a = "".join(rnd.choice(han) for _ in range(200_000))
    b = "".join(rnd.choice(han) for _ in range(200_000))
    start = time.perf_counter()
    out = word_diff("共同开头。" + a + "共同结尾。", "共同开头。" + b + "共同结尾。")
    assert time.perf_counter() - start < 30
    assert out.startswith("共同开头") or out.startswith("…")
    assert "[-" in out and "{+" in out


def test_the_bounded_alignment_finds_the_pairs_of_real_plans(monkeypatch):
    """On two real plans, scoring only the candidates finds the pairs scoring every pair does."""
    from gkparse import diff as module

    old, new = module.items(load(str(SAMPLES[0]))), module.items(load(str(SAMPLES[3])))
    exhaustive = [(a.id, b.id) for a, b, _ in match(old, new)]
    monkeypatch.setattr(module, "EXHAUSTIVE", 0)
    assert module.bounded(old, new)
    assert [(a.id, b.id) for a, b, _ in match(old, new)] == exhaustive
    assert exhaustive  # the samples share tasks
