"""Keywords of a task with jieba's TF-IDF, government terms kept whole by a user dictionary.

jieba's dictionary costs most of a second to load: it is imported here only, loaded once per
process, and never for a document without tasks. Its log goes to stderr, never to stdout where
YAML may be going.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

TOP_K = 8
# nouns, names and idioms: what a task is about (verbs like 加强, 推进 say how, not what)
NOUNS = ("n", "nz", "vn", "nt", "ns", "nr", "l", "i", "eng")
MIN_LEN = 2
NOT_A_TERM = regex.compile(r"^[\d\p{P}\p{S}A-Za-z]+$|^\d|[年月日号]$")


@lru_cache(maxsize=4)
def _extractor(userdict: Path) -> Any:
    import jieba
    import jieba.analyse
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(userdict))
    extractor = jieba.analyse.TFIDF()
    extractor.tokenizer = tokenizer
    extractor.postokenizer = jieba.posseg.POSTokenizer(tokenizer)
    return extractor


def keywords(text: str, userdict: Path, stopwords: frozenset[str]) -> list[str]:
    """Up to eight terms of `text`, most characteristic first; the same text gives the same terms."""
    if not text.strip():
        return []
    extractor = _extractor(userdict)
    out: list[str] = []
    for word in extractor.extract_tags(text, topK=TOP_K * 3, allowPOS=NOUNS):
        if len(word) < MIN_LEN or word in stopwords or NOT_A_TERM.search(word):
            continue
        out.append(word)
    # 政务 says less than the 政务舆情 beside it
    out = [w for w in out if not (len(w) == 2 and any(w in other and w != other for other in out))]
    return out[:TOP_K]
