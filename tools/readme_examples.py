"""The README's examples of the command line, written from what the commands print today.

Each example is the part of README.md between `<!-- example NAME -->` and `<!-- /example -->`:
the command and its output, whole or cut (its first lines, `…`, and its last part). A parser
change that alters an output makes tests/test_readme_examples.py fail; then

    .venv/bin/python tools/readme_examples.py

rewrites every example from the current code (`--check`: only say which are stale, exit 1).
Read the new lines before committing them, as for a golden.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
COMMAND = ".venv/bin/python tools/readme_examples.py"
MARK = re.compile(r"<!-- example (?P<name>[\w-]+) -->\n(?P<body>.*?)<!-- /example -->", re.S)


@dataclass(frozen=True, slots=True)
class Example:
    """One command whose output the README shows."""

    name: str
    args: tuple[str, ...]
    """gkparse's arguments, run from the top of the repository."""
    head: int | None = None
    """Show only the first lines (None: the whole output) …"""
    tail_from: str | None = None
    """… and, after a `…`, the lines from the first that matches this pattern to the end."""
    folded: bool = False
    """Markdown output, shown rendered in a collapsed block; else a code block after `$ `."""


EXAMPLES = (
    Example(
        "diff-text",
        (
            "diff",
            "--width",
            "100",
            "samples/000_925fe35bfe309422.txt",
            "samples/003_442a6289a2cea330.txt",
        ),
        head=14,
        tail_from=r"~ (?!header)",  # the tasks changed, after the header's changes
    ),
    Example(
        "diff-markdown",
        ("diff", "--format", "markdown", "tests/dev/gold/255.txt", "tests/corpus/059.txt"),
        folded=True,
    ),
)


def output(example: Example) -> str:
    """What the command prints today (no colour, whatever the terminal)."""
    env = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "gkparse", *example.args]
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=300)
    if proc.returncode not in (0, 1):  # (diff: 1 when the two differ)
        raise SystemExit(f"gkparse {shlex.join(example.args)}: {proc.stderr.decode()}")
    return proc.stdout.decode("utf-8")


def shown(example: Example, text: str) -> list[str]:
    """The lines of the output the README shows."""
    lines = text.splitlines()
    if example.head is None or len(lines) <= example.head:
        return lines
    rest = lines[example.head :]
    tail: list[str] = []
    if example.tail_from is not None:
        start = next((i for i, s in enumerate(rest) if re.match(example.tail_from, s)), len(rest))
        tail = rest[start:]
    return lines[: example.head] + ["…"] + tail


def block(example: Example, text: str) -> str:
    """The README's text for an example, between its marks."""
    command = shlex.join(("gkparse", *example.args))
    lines = shown(example, text)
    if example.folded:
        summary = f"<summary><code>{command}</code></summary>"
        return "\n".join(["<details>", summary, "", *lines, "", "</details>", ""])
    return "\n".join(["```", f"$ {command}", *lines, "```", ""])


def rewritten(readme: str, outputs: dict[str, str]) -> str:
    """The README with each example's block made from `outputs` (by name)."""

    def replace(match: re.Match[str]) -> str:
        example = by_name(match["name"])
        body = block(example, outputs[example.name])
        return f"<!-- example {example.name} -->\n{body}<!-- /example -->"

    return MARK.sub(replace, readme)


def blocks(readme: str) -> dict[str, str]:
    """Each example's block as the README has it, by name."""
    return {m["name"]: m["body"] for m in MARK.finditer(readme)}


def by_name(name: str) -> Example:
    for example in EXAMPLES:
        if example.name == name:
            return example
    raise SystemExit(f"README.md: <!-- example {name} --> is none of EXAMPLES")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only say which examples are stale")
    args = parser.parse_args()
    readme = README.read_text(encoding="utf-8")
    have = blocks(readme)
    missing = [e.name for e in EXAMPLES if e.name not in have]
    if missing:
        raise SystemExit(f"README.md has no <!-- example NAME --> for {', '.join(missing)}")
    outputs = {e.name: output(e) for e in EXAMPLES}
    stale = [e.name for e in EXAMPLES if have[e.name] != block(e, outputs[e.name])]
    if args.check:
        for name in stale:
            print(f"README.md: example {name} is not what the command prints today")
        return 1 if stale else 0
    README.write_text(rewritten(readme, outputs), encoding="utf-8")
    print(f"README.md: {len(stale)} example(s) rewritten: {', '.join(stale) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
