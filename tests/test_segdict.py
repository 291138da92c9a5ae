"""The prepared dictionary table (segdict.py) segments exactly as rjieba's whole dictionary."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from gkparse import segdict
from gkparse.hanzi import simplify
from gkparse.rules import builtin_dir

ROOT = Path(__file__).resolve().parents[1]
USERDICT = builtin_dir() / "userdict.txt"
TABLE = builtin_dir() / "segdict.bin"
# every text the repository holds, and the shared corpus where it stands beside the checkout
FOLDERS = [ROOT / "samples", ROOT / "tests" / "corpus", ROOT / "tests" / "dev" / "corpus"]
FOLDERS += [ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus" / "pool"]
TEXTS = sorted(p for folder in FOLDERS if folder.is_dir() for p in folder.glob("*.txt"))


@pytest.fixture(scope="module")
def both() -> tuple[segdict.Segmenter, object]:
    table = segdict.Segmenter(segdict.Table(TABLE), USERDICT)
    table.switch = float("inf")  # never the whole dictionary: the table's own results
    return table, segdict.whole(USERDICT)


def test_the_table_was_built_with_this_user_dictionary():
    """tools/build_segdict.py rebuilds it: python tools/build_segdict.py."""
    sha = hashlib.sha256(USERDICT.read_bytes()).hexdigest()
    assert segdict.Table(TABLE).userdict_sha == sha
    assert segdict.current(TABLE, USERDICT)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_tags_and_words_as_the_whole_dictionary(both, path):
    table, whole = both
    text = path.read_text(encoding="utf-8", errors="replace")
    for piece in (simplify(text), text):  # keywords read simplified text; diff reads as written
        tags = table.tag(piece)
        assert tags == whole.tag(piece)
        assert table.cut(piece) == whole.cut(piece)
        assert all(table.has_word(w) == whole.has_word(w) for w, _ in tags)
        known = {w: t for w, t in tags if whole.has_word(w)}
        assert table.tags_of({w for w, _ in tags}, piece) == known


def test_words_never_seen_are_dictionary_words_or_not_as_in_the_whole(both):
    table, whole = both
    for word in ("政务公开", "依申请公开", "中华人民共和国", "局起", "社局", "一", "𠀀", "B超", ""):
        assert table.has_word(word) == whole.has_word(word), word


def test_a_text_holding_the_padding_word_is_segmented_with_the_whole_dictionary():
    fresh = segdict.Segmenter(segdict.Table(TABLE), USERDICT)
    text = f"做好政务公开{segdict.PAD}工作"
    assert fresh.tag(text) == segdict.whole(USERDICT).tag(text)


def test_rjieba_still_imports_after_gkparse_loaded_its_extension():
    """segdict loads rjieba's extension without its __init__ (which builds the dictionary); a
    later `import rjieba` must reuse it (a PyO3 module is initialised once a process)."""
    import subprocess
    import sys

    code = (
        "from gkparse import segdict; segdict.jieba_class().empty()\n"
        "import rjieba; print(rjieba.cut('政务公开工作'))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "政务" in proc.stdout


def test_a_missing_or_damaged_table_means_the_whole_dictionary(tmp_path):
    for content in (None, b"", b"not a table\n"):
        path = tmp_path / "segdict.bin"
        if content is not None:
            path.write_bytes(content)
        assert not segdict.current(path, USERDICT)


@pytest.mark.parametrize("path", TEXTS[:12], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_table_finds_every_dictionary_word_of_a_text(both, path):
    """words_in searches a slot's text for the words of the text: it finds each word of the
    text that the whole dictionary holds, and no other."""
    _, whole = both
    table = segdict.Table(TABLE)
    text = simplify(path.read_text(encoding="utf-8", errors="replace"))[:3000]
    found = {w: (f, t) for w, f, t in table.words_in(text)}
    words = {text[i:j] for i in range(len(text)) for j in range(i + 1, min(i + 20, len(text)) + 1)}
    assert set(found) == {w for w in words if whole.has_word(w) and " " not in w}


@pytest.mark.parametrize("path", TEXTS[:12], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_dictionary_words_part_of_speech_from_the_table_or_from_rjieba(both, path):
    """tags_of: the table's part of speech (used even after the switch) is rjieba's, and a
    segmenter without a table gives rjieba's tags of the text."""
    table, whole = both
    without = segdict.Segmenter(None, USERDICT)
    text = simplify(path.read_text(encoding="utf-8", errors="replace"))
    words = set(table.cut(text))
    expected = {w: t for w, t in whole.tag(text) if whole.has_word(w)}
    assert table.tags_of(words, text) == expected
    assert without.tags_of(set(without.cut(text)), text) == expected


def test_a_word_looked_up_once_is_found_as_entry_finds_it():
    table = segdict.Table(TABLE)
    text = simplify(TEXTS[0].read_text(encoding="utf-8", errors="replace"))[:400] + " 作 5 𠀀"
    pieces = {text[i:j] for i in range(len(text)) for j in range(i, min(i + 8, len(text)) + 1)}
    assert any(table.lookup(piece) for piece in pieces)
    assert all(table.lookup(piece) == table.entry(piece) for piece in pieces)
