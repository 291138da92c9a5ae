"""Build rules/words.txt and rules/idf.txt: the part of jieba's dictionary gkparse needs.

jieba's full dictionary (349k words) costs most of a second to load in every process. Keywords
of government plans need the common words (for segmentation) and the nouns (to be keywords):
this keeps the words whose jieba frequency is at least MIN_FREQ, every word of the government
user dictionary, and their IDF weights, in jieba's own file formats.

    python tools/build_wordlist.py     # with jieba installed; rewrites rules/words.txt, rules/idf.txt
"""

from __future__ import annotations

from pathlib import Path

import jieba

MIN_FREQ = 50
RULES = Path(__file__).resolve().parents[1] / "rules"


def main() -> None:
    base = Path(jieba.__file__).parent
    user = {line.split()[0] for line in (RULES / "userdict.txt").read_text(encoding="utf-8").splitlines() if line.strip()}
    kept: dict[str, str] = {}
    for line in (base / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq, pos = line.split(" ")
        if int(freq) >= MIN_FREQ or word in user:
            kept[word] = f"{word} {freq} {pos}"
    idf = {}
    for line in (base / "analyse" / "idf.txt").read_text(encoding="utf-8").splitlines():
        word, weight = line.split(" ")
        if word in kept or word in user:
            idf[word] = weight
    (RULES / "words.txt").write_text("\n".join(kept.values()) + "\n", encoding="utf-8")
    (RULES / "idf.txt").write_text("".join(f"{w} {v}\n" for w, v in sorted(idf.items())), encoding="utf-8")
    print(f"{len(kept)} words, {len(idf)} IDF weights")


if __name__ == "__main__":
    main()
