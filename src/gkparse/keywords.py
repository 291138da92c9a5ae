"""Keywords of a task: TF-IDF over jieba's segmentation, nouns only, government terms whole.

jieba's own dictionary costs most of a second in every process; gkparse loads a cut of it built
for government text (rules/words.txt, see tools/build_wordlist.py) plus the
user dictionary of government terms, once per process and only when a task needs keywords.
jieba's log goes to stderr, never to stdout where YAML may be going.
"""

from __future__ import annotations

import bisect
import logging
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:
    from .state import State

TOP_K = 8
DEFAULT_IDF = 11.9548  # the median IDF of jieba's table, as tools/build_wordlist.py prints it
MIN_LEN = 2
# nouns, names and idioms: what a task is about (verbs like 加强, 推进 say how, not what)
NOUNS = frozenset({"n", "nz", "vn", "nt", "ns", "nr", "nrt", "nrfg", "l", "i", "j", "eng"})
NOT_A_TERM = regex.compile(r"^[\d\p{P}\p{S}A-Za-z]+$|^\d|[年月日号]$|^[^\p{Han}]")
# a word outside the dictionary that the HMM cut across a function word: 检查和, 及区
FUNCTION_EDGE = regex.compile(r"[和的与及等]$|^[和的与及等由]")


def _import_jieba() -> Any:
    """jieba without pkg_resources: jieba imports it only to open its own data files, and falls
    back to a plain open() when it is missing; the import alone costs 80 ms of every start."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    saved = sys.modules.get("pkg_resources")
    # makes `import pkg_resources` fail
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if saved is None:
            del sys.modules["pkg_resources"]
        else:
            sys.modules["pkg_resources"] = saved
    return jieba


def _head(line: str) -> str:
    return line[: line.find(" ") + 1]


class Model:
    """jieba's tokenizer on the government word list, and each word's part of speech and IDF."""

    def __init__(self, rules_dir: Path) -> None:
        jieba = _import_jieba()
        jieba.setLogLevel(logging.WARNING)
        words = rules_dir / "words.txt"
        self.tokenizer = jieba.Tokenizer(dictionary=str(words))
        self.tokenizer.load_userdict(str(rules_dir / "userdict.txt"))
        self.lines = words.read_text(
            encoding="utf-8"
        ).splitlines()  # sorted: looked up by bisection
        self.user = {
            line.split()[0]: "n"
            for line in (rules_dir / "userdict.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()
        }

    def entry(self, word: str) -> tuple[str | None, float]:
        """(part of speech, IDF) of a word; (None, the median IDF) for a word jieba's HMM found."""
        i = bisect.bisect_left(self.lines, word + " ", key=_head)
        if i < len(self.lines) and self.lines[i].startswith(word + " "):
            _, _, pos, idf = self.lines[i].split(" ")
            return pos, DEFAULT_IDF if idf == "-" else float(idf)
        return self.user.get(word), DEFAULT_IDF

    def is_term(self, word: str, stopwords: frozenset[str]) -> bool:
        if len(word) < MIN_LEN or word in stopwords or NOT_A_TERM.search(word):
            return False
        pos = self.entry(word)[0]
        if pos is None:  # a word jieba found by its HMM: a name or a term, unless cut badly
            return not FUNCTION_EDGE.search(word)
        return pos in NOUNS


@lru_cache(maxsize=4)
def model(rules_dir: Path) -> Model:
    return Model(rules_dir)


def keywords(text: str, rules_dir: Path, stopwords: frozenset[str]) -> list[str]:
    """Up to eight terms of `text`, most characteristic first; one text gives one list."""
    if not text.strip():
        return []
    m = model(rules_dir)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, word in enumerate(m.tokenizer.lcut(text)):
        if m.is_term(word, stopwords):
            counts[word] += 1
            first.setdefault(word, i)
    ranked = sorted(counts, key=lambda w: (-counts[w] * m.entry(w)[1], first[w]))
    # 政务 says less than the 政务舆情 beside it
    kept = [
        w
        for w in ranked[: TOP_K * 2]
        if not (len(w) == 2 and any(w in other and w != other for other in ranked[: TOP_K * 2]))
    ]
    return kept[:TOP_K]


def run(state: State) -> None:
    """Stage `keywords`: the terms of each task's own words (its units left out)."""
    rules = state.rules
    for task in state.doc.tasks:
        words = rules.unit_phrases["closing_parens"].sub(
            "", "\n".join(filter(None, [task.title, task.text]))
        )
        task.keywords = keywords(words, rules.userdict.parent, rules.stopwords)
