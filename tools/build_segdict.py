"""Build rules/segdict.bin: jieba's whole dictionary with the user dictionary merged, as a table.

rjieba builds jieba's dictionary (349,046 words) when it is imported: ~130 ms of every start. A
text's segmentation depends only on the dictionary's words found in the text and on the total of
all frequencies, so gkparse (segdict.py) looks up in this read-only table the words of each text
and gives only those to an empty rjieba, whose total it keeps equal to the whole dictionary's.

The user dictionary's words (rules/userdict.txt) enter with the frequency and part of speech rjieba
gives them when they are added to the whole dictionary (a word without a frequency gets
rjieba's suggested one), so the table must be rebuilt when userdict.txt changes (a test checks).

Format: a header line `gkparse-segdict 1 SLOTS TOTAL SHA256-OF-USERDICT\n`; SLOTS pairs of
little-endian u32 (offset, length) into the data; the data, UTF-8 lines `word freq tag`. A word's
slot is crc32 of its first two characters (of itself, if one character) modulo SLOTS.

    pip install -e '.[tools]' && python tools/build_segdict.py   # rewrites rules/segdict.bin
"""

from __future__ import annotations

import hashlib
import sys
import zlib
from array import array
from pathlib import Path

import jieba
import rjieba

SLOTS = 1 << 17
RULES = Path(__file__).resolve().parents[1] / "rules"


def main() -> None:
    table: dict[str, tuple[int, str]] = {}
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split(" ")
        table[word] = (int(freq), tag)
        assert rjieba.has_word(word), f"rjieba's dictionary lacks {word}: not jieba's"
    userdict = RULES / "userdict.txt"
    for line in userdict.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            continue
        word = parts[0]  # as keywords._segmenter adds it
        freq = rjieba.add_word(
            word, int(parts[1]) if len(parts) > 1 else None, parts[2] if len(parts) > 2 else "n"
        )
        # rjieba keeps the part of speech of a word it has (it changes only the frequency)
        tag = table[word][1] if word in table else (parts[2] if len(parts) > 2 else "n")
        table[word] = (freq, tag)
        tags = rjieba.tag(word)
        assert len(tags) != 1 or tags[0] == (word, tag), f"{word}: {tags}, expected {tag}"
    buckets: list[list[str]] = [[] for _ in range(SLOTS)]
    for word, (freq, tag) in table.items():
        buckets[zlib.crc32(word[:2].encode("utf-8")) % SLOTS].append(f"{word} {freq} {tag}\n")
    index, data, offset = array("I"), bytearray(), 0
    for bucket in buckets:
        chunk = "".join(bucket).encode("utf-8")
        index.extend((offset, len(chunk)))
        data += chunk
        offset += len(chunk)
    if sys.byteorder != "little":
        index.byteswap()
    total = sum(freq for freq, _ in table.values())
    sha = hashlib.sha256(userdict.read_bytes()).hexdigest()
    header = f"gkparse-segdict 1 {SLOTS} {total} {sha}\n".encode("ascii")
    (RULES / "segdict.bin").write_bytes(header + index.tobytes() + bytes(data))
    print(
        f"{len(table)} words, total frequency {total}, {len(header) + len(index) * 4 + len(data)} bytes"
    )


if __name__ == "__main__":
    main()
