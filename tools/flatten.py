"""Write a labelled set again with its texts flattened, as crawlers that lose line breaks do, to
measure how the parser holds up on one-line pages (the labels stay right: GOLD.md labels what the
notice says, not where its lines break).

    python tools/flatten.py tests/dev/gold /tmp/flat/pool --mode whole
    python -m gkparse.eval /tmp/flat/pool --no-misses

Modes: `whole` joins every non-blank line with nothing between; `spaced` joins them with a space;
`body` keeps the page's lines down to the labelled title's line and joins the rest with nothing.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from ruamel.yaml import YAML


def flattened(text: str, title: str, mode: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if mode == "spaced":
        return " ".join(lines)
    if mode == "whole":
        return "".join(lines)
    # body: a title line found by its first characters (spaces aside); else the first line
    head = title[:8]
    k = next((i for i, line in enumerate(lines) if head and head in line.replace(" ", "")), 0)
    rest = "".join(lines[k + 1 :])
    return "\n".join(lines[: k + 1] + ([rest] if rest else []))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("labels", type=Path, help="a folder of NNN.yaml labels beside NNN.txt")
    parser.add_argument("out", type=Path, help="the folder to write (labels copied beside)")
    parser.add_argument("--mode", choices=("whole", "spaced", "body"), default="whole")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for label in sorted(args.labels.glob("*.yaml")):
        gold = YAML(typ="safe").load(label.read_text(encoding="utf-8")) or {}
        title = (gold.get("header") or {}).get("title") or ""
        text = label.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
        target = args.out / label.with_suffix(".txt").name
        target.write_text(flattened(text, title, args.mode) + "\n", encoding="utf-8")
        shutil.copy(label, args.out / label.name)


if __name__ == "__main__":
    main()
