"""Keywords of a task: TF-IDF over a segmentation with jieba's full dictionary, nouns only.

The segmenter is rjieba (jieba-rs) with jieba's whole dictionary, segmenting as jieba does but
some thirty times faster; a process gives it each text's words from a table prepared at build
time (segdict.py: rules/segdict.bin, read-only) rather than building the whole dictionary when
it starts. No cache file is read or written anywhere: jieba's own cache, a file of a predictable
name in the shared temp directory, let anyone who could write there change the keywords. The
government terms of rules/userdict.txt are merged into the table (or added to the whole
dictionary, once per process). A keyword is a word of the dictionary (never a
run of characters the HMM glued together: 局起, 市发), a noun, and no unit's name; the text is
matched in simplified characters and each keyword written back as printed. IDF weights come from
rules/words.txt (see tools/build_wordlist.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from . import precompiled, segdict
from .hanzi import simplify

if TYPE_CHECKING:
    from .state import State

TOP_K = 8
DEFAULT_IDF = 11.9548  # the median IDF of jieba's table, as tools/build_wordlist.py prints it
MIN_LEN = 2
# nouns, names and idioms: what a task is about (verbs like 加强, 推进 say how, not what);
# `nt` (organisations: 国务院, 发改委) names who, not what
NOUNS = frozenset({"n", "nz", "vn", "ns", "nr", "nrt", "nrfg", "l", "i", "j", "eng"})
NOT_A_TERM = precompiled.pattern(r"^[\d\p{P}\p{S}A-Za-z]+$|^\d|[年月日号]$|^[^\p{Han}]")
# the last words of an agency's name: a word ending so (人社局, 网信办) is a unit, no keyword
AGENCY_END = precompiled.pattern(r"(?:局|委|办|厅|署|部门|办公室|委员会|政府|中心|小组)$")


@lru_cache(maxsize=1)
def _segmenter(userdict: Path) -> segdict.Segmenter:
    """rjieba with the user dictionary added, given each text's words from the prepared table
    when it was built with this user dictionary (see segdict.py)."""
    table = userdict.with_name("segdict.bin")
    return segdict.Segmenter(
        segdict.table(table) if segdict.current(table, userdict) else None, userdict
    )


class _Tokenizer:
    """The part of jieba's Tokenizer that `gkparse diff` uses, over the same segmenter."""

    def __init__(self) -> None:
        self.userdict: Path | None = None

    def load_userdict(self, path: str) -> None:
        self.userdict = Path(path)

    def lcut(self, text: str) -> list[str]:
        from .rules import builtin_dir

        return list(_segmenter(self.userdict or builtin_dir() / "userdict.txt").cut(text))


def _import_jieba() -> Any:
    """What diff.py asks of jieba, served by the cache-less segmenter (never jieba itself)."""
    return SimpleNamespace(Tokenizer=_Tokenizer, setLogLevel=lambda level: None)


class _Weights(dict[str, float]):
    """Each word's IDF, looked up once (a subscript costs a sort key a third of a method call)."""

    def __init__(self, find: Callable[[str], float]) -> None:
        super().__init__()
        self.find = find

    def __missing__(self, word: str) -> float:
        weight = self[word] = self.find(word)
        return weight


class Model:
    """The segmenter, and each word's IDF (rules/words.txt, sorted: looked up by bisection)."""

    def __init__(self, rules_dir: Path) -> None:
        self.seg = _segmenter(rules_dir / "userdict.txt")
        # its bytes, bisected by lines in place: splitting its 52,000 lines cost 12 ms a start,
        # decoding its 1 MB 6 ms (UTF-8 sorts as the characters it encodes)
        self.text = (rules_dir / "words.txt").read_bytes()
        # answers kept: a notice's tasks ask about the same few hundred words again and again
        self.weights = _Weights(self._idf)
        self.terms: dict[frozenset[str], dict[str, bool]] = {}

    def _idf(self, word: str) -> float:
        key = (word + " ").encode("utf-8", "surrogatepass")
        line = self._first_line_from(key)
        if line.startswith(key):
            value = line.rsplit(b" ", 1)[1]
            return DEFAULT_IDF if value == b"-" else float(value)
        return DEFAULT_IDF

    def _first_line_from(self, key: bytes) -> bytes:
        """The first line of words.txt not sorting before `key` ('' if none): a bisection over
        the lines in the string (they sort as their words do: a space sorts before any
        character of a word)."""
        text = self.text
        lo, hi = 0, len(text)  # line starts (or the end): lines before lo sort before key
        while lo < hi:
            mid = (lo + hi) // 2
            start = text.rfind(b"\n", 0, mid) + 1
            end = text.find(b"\n", mid)
            end = len(text) if end < 0 else end
            if text[start:end] < key:
                lo = end + 1
            else:
                hi = start
        end = text.find(b"\n", lo)
        return text[lo : len(text) if end < 0 else end]

    def known_terms(self, stopwords: frozenset[str]) -> dict[str, bool]:
        """Whether a word is a term, for each word met so far: a word is tested once a process
        (a notice's tasks hold the same few hundred again and again)."""
        return self.terms.setdefault(stopwords, {})

    def learn(self, words: list[str], text: str, stopwords: frozenset[str]) -> dict[str, bool]:
        """known_terms, with every word of `words` (`text` cut) in it."""
        known = self.known_terms(stopwords)
        new = set(words).difference(known)
        tags = self.seg.tags_of(new, text)
        for word in new:
            known[word] = word in tags and self.is_term(word, tags[word], stopwords)
        return known

    def is_term(self, word: str, pos: str, stopwords: frozenset[str]) -> bool:
        # the cheap tests first: most words are no noun
        if pos not in NOUNS or len(word) < MIN_LEN or word in stopwords:
            return False
        if NOT_A_TERM.search(word) or AGENCY_END.search(word):
            return False
        return bool(self.seg.has_word(word))  # a dictionary word, not the HMM's guess


@lru_cache(maxsize=4)
def model(rules_dir: Path) -> Model:
    return Model(rules_dir)


def prepare_batch(rules_dir: Path) -> None:
    """Build what a long batch's keywords need (the whole dictionary) now, in the process that
    forks the workers: they share it instead of building one each (~140 ms of CPU a worker)."""
    model(rules_dir).seg.use_whole()


def keywords(text: str, rules_dir: Path, stopwords: frozenset[str]) -> list[str]:
    """Up to eight terms of `text` (simplified), most characteristic first."""
    if not text.strip():
        return []
    m = model(rules_dir)
    # cut, not tagged: tagging costs twice as much, and only a dictionary word's part of speech
    # counts, which is its own wherever it stands (see Segmenter.tags_of)
    words = m.seg.cut(text)
    known = m.known_terms(stopwords)
    # each term's count, the terms in the order they first stand (counted in C: a word at a
    # time in Python cost a notice ~0.2 ms)
    try:
        counts = Counter(filter(known.__getitem__, words))
    except KeyError:  # a word never met: all of this text's are learnt at once
        counts = Counter(filter(m.learn(words, text, stopwords).__getitem__, words))
    # (a stable sort: terms of equal weight stay in the order they first stand)
    weights = m.weights
    ranked = sorted(counts, key=lambda w: -counts[w] * weights[w])[: TOP_K * 2]
    # 政务 says less than the 政务舆情 beside it (the longer terms searched as one text: a term
    # is a dictionary word, never holding the newline that parts them)
    longer = "\n".join(w for w in ranked if len(w) > 2)
    kept = [w for w in ranked if not (len(w) == 2 and w in longer)]
    return kept[:TOP_K]


def run(state: State) -> None:
    """Stage `keywords`: the terms of each task's own words (its units left out), in the
    characters the notice prints."""
    rules, back = state.rules, state.restore
    folder = rules.userdict.parent
    for task in state.doc.tasks:
        words = rules.unit_phrases["closing_parens"].sub(
            "", "\n".join(filter(None, [task.title, task.text]))
        )
        units = set(map(simplify, task.responsible + task.lead + task.support))
        found = [w for w in keywords(simplify(words), folder, rules.stopwords) if w not in units]
        task.keywords = [w.translate(back) for w in found] if back else found
