"""jieba's dictionary read as a table: rjieba given only the words of the text it segments.

`import rjieba` builds jieba's whole dictionary (~130 ms, most of a cold start). A text's
segmentation depends only on the dictionary's words found in it (the route's candidates, the
HMM's test of a run of single characters, each word's part of speech) and on the total of all
frequencies. So the words of each text are looked up in rules/segdict.bin (read-only, built by
tools/build_segdict.py, the user dictionary merged) and added to an empty rjieba, and a padding
word no text holds keeps its total that of the whole dictionary: the same segmentation, the same
tags, for a few milliseconds. tests/test_segdict.py compares it with the whole dictionary.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import mmap
import sys
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

# a word no notice holds (two noncharacters): its frequency makes up the dictionary's total
PAD = "\ufdd0\ufdd1"
Entry = tuple[str, int, str]
"""A dictionary word, its frequency and its part of speech."""
SWITCH = (
    60_000  # characters segmented with the table before the whole dictionary pays (~20 notices)
)
Pair = tuple[Entry | None, str, bool]


def jieba_class() -> Any:
    """rjieba's Jieba, without rjieba/__init__.py (which builds the default dictionary)."""
    loaded = sys.modules.get("rjieba.rjieba")
    if loaded is not None:
        return loaded.Jieba
    spec = importlib.util.find_spec("rjieba")  # finds the package without running it
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    path = next(
        folder / name
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
        if (folder / (name := "rjieba" + suffix)).is_file()
    )
    loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(path))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    # a later `import rjieba` reuses it (a PyO3 module is initialised once a process)
    sys.modules["rjieba.rjieba"] = module
    return module.Jieba


class Table:
    """rules/segdict.bin: a word's entry is found by the crc32 of its first two characters."""

    def __init__(self, path: Path) -> None:
        # mapped, not read: a start touches only the pages of its words (reading all 6 MB cost
        # ~4 ms), and the processes of a batch share them
        with path.open("rb") as file:
            blob = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        end = blob.find(b"\n") + 1
        _, version, slots, total, self.userdict_sha = blob[:end].decode("ascii").split()
        assert version == "1", f"{path}: unknown version {version}"
        self.slots, self.total = int(slots), int(total)
        view = memoryview(blob)
        self.index = view[end : end + 8 * self.slots].cast("I")
        self.data = view[end + 8 * self.slots :]
        self.singles: dict[str, Entry | None] = {}
        self.pairs: dict[str, Pair] = {}
        self.longer: dict[str, Entry | None] = {}

    def _lines(self, key: str) -> str:
        """The lines of the slot of `key` (the words beginning with the two characters `key`, or
        which are `key`, one character; and others of the same slot), each after a newline."""
        slot = zlib.crc32(key.encode("utf-8")) % self.slots
        offset, length = self.index[2 * slot], self.index[2 * slot + 1]
        return "\n" + bytes(self.data[offset : offset + length]).decode("utf-8")

    @staticmethod
    def _find(lines: str, word: str) -> Entry | None:
        """The entry of `word` among the `lines` of its slot (found by searching the text, not
        by parsing every line: a slot may hold hundreds of words, a notice asks for 2,000)."""
        at = lines.find(f"\n{word} ") + 1
        if not at:
            return None
        w, freq, tag = lines[at : lines.find("\n", at)].split(" ")
        return (w, int(freq), tag) if w == word else None

    def _single(self, char: str) -> Entry | None:
        if char not in self.singles:
            self.singles[char] = self._find(self._lines(char), char)
        return self.singles[char]

    def _pair(self, key: str) -> Pair:
        """The word `key` if it is one, the lines of its slot, and whether a longer word begins
        with `key`."""
        pair = self.pairs.get(key)
        if pair is None:
            lines = self._lines(key)
            begins = lines.count("\n" + key)  # most pairs of characters of a text begin no word
            exact = self._find(lines, key) if begins else None
            pair = self.pairs[key] = (exact, lines, begins > (exact is not None))
        return pair

    def _longer(self, lines: str, word: str) -> Entry | None:
        if word not in self.longer:
            self.longer[word] = self._find(lines, word)
        return self.longer[word]

    def lookup(self, word: str) -> Entry | None:
        """entry(), keeping nothing: for a word asked once, after the switch."""
        return self._find(self._lines(word[:2]), word) if word else None

    def entry(self, word: str) -> Entry | None:
        """The dictionary's entry for `word`, if it is a word."""
        if len(word) < 2:
            return self._single(word) if word else None
        exact, lines, longer = self._pair(word[:2])
        if len(word) == 2:
            return exact
        return self._longer(lines, word) if longer else None

    def words_in(self, text: str) -> list[Entry]:
        """Every dictionary word that occurs in `text` (some more than once)."""
        found = [e for e in map(self._single, set(text)) if e]
        size = len(text)
        for key in {text[i : i + 2] for i in range(size - 1)}:
            exact, lines, longer = self._pair(key)
            if exact:
                found.append(exact)
            at = text.find(key) if longer else -1
            while at >= 0:  # each place the pair stands: the longer words starting there
                for end in range(at + 3, size + 1):
                    if "\n" + text[at:end] not in lines:
                        break  # no word begins so: none longer does either
                    entry = self._longer(lines, text[at:end])
                    if entry:
                        found.append(entry)
                at = text.find(key, at + 1)
        return found


class Segmenter:
    """rjieba over the words of the texts it has seen (see the module's note), until it has
    seen SWITCH characters: a batch then pays once for the whole dictionary, which segments
    with no look-up. The results are the same either way."""

    def __init__(self, table: Table | None, userdict: Path) -> None:
        self.table, self.userdict = table, userdict
        self.entries = table  # kept after the switch: the parts of speech of tags_of
        self.jieba = jieba_class().empty()
        self.added: set[str] = set()
        self.added_total = 0
        self.seen, self.switch = 0, SWITCH
        self.whole: Any = None

    def use_whole(self) -> None:
        """Segment with the whole dictionary from now on (built here if it is not yet)."""
        if self.whole is None:
            self.whole = whole(self.userdict)
            self.table = self.jieba = None  # the whole dictionary segments on its own
            self.added = set()
            table.cache_clear()

    def _prepare(self, text: str) -> Any:
        self.seen += len(text)
        # a text holding PAD (never a notice) would be segmented with it
        if self.whole is None and (self.table is None or self.seen > self.switch or PAD in text):
            self.use_whole()
        if self.whole is not None:
            return self.whole
        new = False
        for word, freq, tag in self.table.words_in(text):  # type: ignore[union-attr]
            if word not in self.added:
                self.jieba.add_word(word, freq, tag)
                self.added.add(word)
                self.added_total += freq
                new = True
        if new:  # rjieba replaces a word's frequency: the total is the whole dictionary's again
            self.jieba.add_word(PAD, self.table.total - self.added_total, "x")  # type: ignore[union-attr]
        return self.jieba

    def tag(self, text: str) -> list[tuple[str, str]]:
        return list(self._prepare(text).tag(text))

    def tags_of(self, words: Iterable[str], text: str) -> dict[str, str]:
        """The part of speech of each of `words` (words of `text`, just cut) that is a dictionary
        word. A dictionary word has its one part of speech wherever it stands: the table says
        it, even after the switch (tagging a text costs twice what cutting it does, and rjieba's
        first tag() ~17 ms of a setup of its own); without a table, rjieba's tags of the text do."""
        if self.entries is not None:
            # (after the switch, each word is asked once a process: nothing kept for it)
            entry = self.entries.entry if self.whole is None else self.entries.lookup
            return {w: e[2] for w in words if (e := entry(w))}
        tagged = dict(self.whole.tag(text))
        return {w: tagged[w] for w in words if self.whole.has_word(w)}

    def cut(self, text: str) -> list[str]:
        return list(self._prepare(text).cut(text))

    def has_word(self, word: str) -> bool:
        """Whether `word` is a dictionary word (or a user dictionary's)."""
        if self.whole is None and self.table is not None:
            return self.table.entry(word) is not None
        return bool(self._prepare("").has_word(word))


def whole(userdict: Path) -> Any:
    """rjieba's default dictionary (jieba's, built in ~130 ms) with the user dictionary added."""
    jieba = jieba_class()()
    for line in userdict.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:  # word, frequency, part of speech (n unless given)
            freq = int(parts[1]) if len(parts) > 1 else None
            jieba.add_word(parts[0], freq, parts[2] if len(parts) > 2 else "n")
    return jieba


@lru_cache(maxsize=1)
def table(path: Path) -> Table:
    return Table(path)


def current(path: Path, userdict: Path) -> bool:
    """Whether the table at `path` was built with this user dictionary."""
    sha = hashlib.sha256(userdict.read_bytes()).hexdigest()
    try:
        return table(path).userdict_sha == sha
    except (OSError, ValueError):  # missing, empty or damaged: the whole dictionary serves
        return False
