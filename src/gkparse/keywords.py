"""Keywords of a task: TF-IDF over jieba's segmentation, nouns only, government terms whole.

jieba's own dictionary costs most of a second in every process; gkparse loads a cut of it built
for government text (rules/words.txt and rules/idf.txt, see tools/build_wordlist.py) plus the
user dictionary of government terms, once per process and only when a task needs keywords.
jieba's log goes to stderr, never to stdout where YAML may be going.
"""

from __future__ import annotations

import logging
import statistics
from collections import Counter
from functools import lru_cache
from pathlib import Path

import regex

TOP_K = 8
MIN_LEN = 2
# nouns, names and idioms: what a task is about (verbs like 加强, 推进 say how, not what)
NOUNS = frozenset({"n", "nz", "vn", "nt", "ns", "nr", "nrt", "nrfg", "l", "i", "j", "eng"})
NOT_A_TERM = regex.compile(r"^[\d\p{P}\p{S}A-Za-z]+$|^\d|[年月日号]$|^[^\p{Han}]")


class Model:
    def __init__(self, rules_dir: Path) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        words = rules_dir / "words.txt"
        self.tokenizer = jieba.Tokenizer(dictionary=str(words))
        self.tokenizer.load_userdict(str(rules_dir / "userdict.txt"))
        self.pos: dict[str, str] = {}
        for path in (words, rules_dir / "userdict.txt"):
            for line in path.read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if len(parts) == 3:
                    self.pos[parts[0]] = parts[2]
        self.idf = {w: float(v) for w, _, v in (line.partition(" ") for line in (rules_dir / "idf.txt").read_text(encoding="utf-8").splitlines())}
        self.default_idf = statistics.median(self.idf.values())

    def is_term(self, word: str, stopwords: frozenset[str]) -> bool:
        if len(word) < MIN_LEN or word in stopwords or NOT_A_TERM.search(word):
            return False
        pos = self.pos.get(word)
        return pos is None or pos in NOUNS  # a word jieba found by its HMM is a name or a term


@lru_cache(maxsize=4)
def model(rules_dir: Path) -> Model:
    return Model(rules_dir)


def keywords(text: str, rules_dir: Path, stopwords: frozenset[str]) -> list[str]:
    """Up to eight terms of `text`, most characteristic first; the same text gives the same terms."""
    if not text.strip():
        return []
    m = model(rules_dir)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, word in enumerate(m.tokenizer.lcut(text)):
        if m.is_term(word, stopwords):
            counts[word] += 1
            first.setdefault(word, i)
    ranked = sorted(counts, key=lambda w: (-counts[w] * m.idf.get(w, m.default_idf), first[w]))
    # 政务 says less than the 政务舆情 beside it
    kept = [w for w in ranked[: TOP_K * 2] if not (len(w) == 2 and any(w in other and w != other for other in ranked[: TOP_K * 2]))]
    return kept[:TOP_K]
