"""Build rules/words.txt: the IDF weight of each word gkparse's keywords may rank.

Segmentation uses jieba's whole dictionary (rjieba builds it in memory); keywords then rank the
nouns by TF-IDF, and this list carries jieba's IDF for the words whose jieba frequency is at
least MIN_FREQ and every word of the government user dictionary (other words get the median),
one line each, `word freq pos idf`, sorted: gkparse looks a word up by bisection, without
building a table at every start.

    pip install -e '.[tools]' && python tools/build_wordlist.py   # rewrites rules/words.txt
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
