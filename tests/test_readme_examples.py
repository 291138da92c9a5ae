"""The README's examples of the command line are what the commands print today: a parser
change that alters them fails here, and tools/readme_examples.py rewrites them with it."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import readme_examples as examples  # noqa: E402

IN_README = examples.blocks(examples.README.read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", examples.EXAMPLES, ids=[e.name for e in examples.EXAMPLES])
def test_the_readme_shows_what_the_command_prints(example):
    assert example.name in IN_README, f"README.md has no <!-- example {example.name} --> block"
    today = examples.block(example, examples.output(example))
    stale = f"README.md's example {example.name} is stale: run `{examples.COMMAND}`"
    assert IN_README[example.name] == today, stale


def test_every_example_in_the_readme_is_one_the_tool_writes():
    assert sorted(IN_README) == sorted(e.name for e in examples.EXAMPLES)


def test_an_example_is_cut_to_its_head_and_the_part_it_names():
    text = "a\nb\nc\n~ header x\nd\n~ task y\n  its diff\n"
    cut = examples.Example("x", (), head=2, tail_from=r"~ (?!header)")
    assert examples.shown(cut, text) == ["a", "b", "…", "~ task y", "  its diff"]
    assert examples.shown(examples.Example("x", (), head=7), text) == text.splitlines()
    assert examples.shown(examples.Example("x", (), head=3), text) == ["a", "b", "c", "…"]


def test_a_folded_example_is_a_collapsed_block_of_rendered_markdown():
    folded = examples.Example("x", ("diff", "a b.txt", "c.txt"), folded=True)
    assert examples.block(folded, "## A → B\n") == (
        "<details>\n<summary><code>gkparse diff 'a b.txt' c.txt</code></summary>\n\n"
        "## A → B\n\n</details>\n"
    )
