"""Build rules/words.txt: the part of jieba's dictionary gkparse needs, with IDF weights.

jieba's full dictionary (349k words) costs most of a second to load in every process. Keywords
of government plans need the common words (for segmentation) and the nouns (to be keywords):
this keeps the words whose jieba frequency is at least MIN_FREQ and every word of the government
user dictionary, one line each, `word freq pos idf`, sorted: jieba reads the first two columns as
its dictionary, and gkparse looks a word's part of speech and IDF up by bisection, without
building a table at every start.

    python tools/build_wordlist.py     # with jieba installed; rewrites rules/words.txt
"""

from __future__ import annotations

from pathlib import Path

import jieba

MIN_FREQ = 50
RULES = Path(__file__).resolve().parents[1] / "rules"


def main() -> None:
    base = Path(jieba.__file__).parent
    user = {line.split()[0] for line in (RULES / "userdict.txt").read_text(encoding="utf-8").splitlines() if line.strip()}
    idf = dict(line.split(" ") for line in (base / "analyse" / "idf.txt").read_text(encoding="utf-8").splitlines())
    kept: dict[str, str] = {}
    for line in (base / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq, pos = line.split(" ")
        if int(freq) >= MIN_FREQ or word in user:
            kept[word] = f"{word} {freq} {pos} {float(idf[word]):.4f}" if word in idf else f"{word} {freq} {pos} -"
    lines = sorted(kept.values(), key=lambda line: line.split(" ", 1)[0] + " ")
    (RULES / "words.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    weights = sorted(float(v) for v in idf.values())
    print(f"{len(kept)} words, {sum(1 for w in kept if w in idf)} with an IDF weight; median IDF {weights[len(weights) // 2]:.4f} (keywords.DEFAULT_IDF)")


if __name__ == "__main__":
    main()
