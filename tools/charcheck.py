"""Is every character of the input somewhere in gkparse's output? An independent check.

It knows nothing of how gkparse parses: it reads the input text and the output mapping (the data
`gkparse FILE` writes as YAML) and, for each input, compares the multiset of the input's
characters with the multiset of the characters of the output's strings. A character the input
holds more often than the output is missing.

What is compared, on both sides alike:
- Unicode NFKC: full-width forms count as their half-width ones (`（` as `(`, `：` as `:`, `１` as
  `1`), the repair of punctuation the SPEC documents (`,` → `，` beside Chinese text);
- traditional characters as simplified (OpenCC's character table, as gkparse matches them);
- no white space, control or format characters (spaces, tabs, U+3000, form feeds, BOM,
  zero-width and bidi marks): nothing a reader sees, and the SPEC lets gkparse mend spacing;
  nor U+FFFD, which stands for bytes no character could be read from.

The output's strings are every value and every key, except what gkparse computes rather than
copies from the input (counting it would hide a lost character behind a made-up one):
`schema`, `metadata.source`, `metadata.warnings`, node ids (`id`, a task's `section`), the
keywords of a task (jieba's terms, repeats of its text), and the schema's own key names.
Numbers (`line`, `level`, `year`) are no strings and are not counted.

Why a multiset, not each line as a sequence: the schema takes a line apart by design (a
heading's marker, title and text are three fields; a 责任单位 line becomes a list of units), so
a line's characters are not found in one string in order. A document-wide multiset is blind
only where a lost character is made up for by a copy of the same character elsewhere (the plan
title is a copy of part of the title), so it misses little and never reports a false loss.

    python tools/charcheck.py FILE_OR_DIR...      # one line per text with missing characters
    python tools/charcheck.py -v FILE...           # and the input lines where each one stands
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gkparse import parse_file
from gkparse.emit import document_to_dict
from gkparse.hanzi import simplify
from gkparse.schema import schema

# values gkparse computes, by path (`[]` stands for any list index)
COMPUTED = {
    "schema",
    "metadata.source",
    "metadata.warnings",
    "sections[].id",
    "sections[].sections[].id",
    "tasks[].id",
    "tasks[].section",
    "tasks[].keywords",
}
SKIP_CATEGORIES = {"Zs", "Zl", "Zp", "Cc", "Cf"}
SUFFIXES = (".txt", ".md")


@dataclass
class Result:
    path: Path
    missing: Counter[str]
    lines: dict[str, list[int]] = field(default_factory=dict)
    """Each missing character: the input lines that hold it."""

    @property
    def ok(self) -> bool:
        return not self.missing


def norm(text: str) -> str:
    """The characters compared: NFKC, simplified, no spaces, controls or format characters."""
    text = simplify(unicodedata.normalize("NFKC", text))
    return "".join(
        ch for ch in text if ch != "\ufffd" and unicodedata.category(ch) not in SKIP_CATEGORIES
    )


@lru_cache(maxsize=1)
def schema_keys() -> frozenset[str]:
    """Every property name the JSON Schema declares: the schema's words, not the input's."""
    keys: set[str] = set()
    stack: list[Any] = [schema()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            keys.update(node.get("properties", {}))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(keys)


def strings(data: Any, path: str = "") -> Iterator[str]:
    """Every key and string value of the output but the computed ones."""
    if path in COMPUTED:
        return
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in schema_keys():
                yield key
            yield from strings(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for item in data:
            yield from strings(item, f"{path}[]")


def compare(text: str, data: dict[str, Any]) -> tuple[Counter[str], dict[str, list[int]]]:
    """(characters of `text` missing from `data`, with their counts; the lines holding each)."""
    have = Counter(norm("".join(strings(data))))
    missing = Counter(norm(text)) - have
    where: dict[str, list[int]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        for ch in set(norm(line)) & set(missing):
            where.setdefault(ch, []).append(number)
    return missing, where


def check(path: Path) -> Result:
    doc = parse_file(path, keywords=False)  # task keywords are computed and not counted
    data = document_to_dict(doc)
    encoding = data["metadata"]["source"]["encoding"] or "utf-8"
    text = path.read_bytes().decode(encoding, errors="replace")
    missing, where = compare(text, data)
    return Result(path, missing, where)


def inputs(args: list[str]) -> list[Path]:
    paths: list[Path] = []
    for arg in map(Path, args):
        found = sorted(p for p in arg.iterdir() if p.suffix in SUFFIXES) if arg.is_dir() else [arg]
        paths += found
    return paths


def describe(result: Result, verbose: bool) -> str:
    shown = " ".join(f"{ch}×{n}" if n > 1 else ch for ch, n in sorted(result.missing.items()))
    out = [f"{result.path}: {sum(result.missing.values())} missing: {shown}"]
    if verbose:
        lines = result.path.read_bytes().decode("utf-8", errors="replace").splitlines()
        for ch in sorted(result.missing):
            for number in result.lines.get(ch, [])[:3]:
                out.append(f"  {ch} line {number}: {lines[number - 1].strip()[:100]}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="notice texts (.txt, .md) or folders of them")
    parser.add_argument("-v", "--verbose", action="store_true", help="show the input lines")
    parser.add_argument("--json", action="store_true", help="one JSON object per text")
    args = parser.parse_args(argv)
    failed = 0
    for path in inputs(args.paths):
        result = check(path)
        failed += not result.ok
        if args.json:
            print(json.dumps({"file": str(path), "missing": result.missing}, ensure_ascii=False))
        elif not result.ok:
            print(describe(result, args.verbose))
    print(f"{failed} text(s) with missing characters", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
