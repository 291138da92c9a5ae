"""Where `gkparse`'s outputs go: beside each input, into the folder -o names (the tree of a
folder argument mirrored under it), into the one file -o names, or to standard output.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .inputs import Input


def names_a_file(output: str) -> bool:
    """-o names the output file itself when it ends like one and is no folder."""
    suffix = Path(output).suffix.lower()
    return suffix in (".yaml", ".yml", ".json", ".jsonl") and not Path(output).is_dir()


def target(item: Input, output: str | None, suffix: str) -> Path | None:
    """Where an input's document goes; None for standard output (also for a stream such as
    /dev/stdin, which has no folder to write beside, unless -o names one). Under -o DIR, a file
    found in a folder argument keeps its place in that folder's tree."""
    if output == "-" or item.path is None or (item.stream and not output):
        return None
    if not output:
        return item.path.with_name(item.path.stem + suffix)
    if names_a_file(output):  # `-o notice.yaml notice.txt`, as pandoc takes it
        return Path(output)
    place = item.under if item.under is not None else Path(item.path.name)
    return Path(output) / place.with_name(place.stem + suffix)


def targets(inputs: list[Input], output: str | None, suffix: str) -> dict[int, Path | None]:
    """The output of each input, by id (None: standard output): inputs whose outputs would share
    a name (`dup.txt` beside `dup.md`; `a/page.txt` and `b/page.txt` given with -o DIR) keep
    their own suffix in it (`dup.txt.yaml`); an output still shared is nobody's (left out)."""
    out = {id(i): target(i, output, suffix) for i in inputs}
    given = {i.path.resolve() for i in inputs if i.path is not None}  # writing.save refuses those
    real = {k: t.resolve() for k, t in out.items() if t is not None}  # (resolved once each)

    def shared() -> set[Path]:
        counts = Counter(real.values())
        return {p for p, n in counts.items() if n > 1 and p not in given}

    twice = shared()
    for i in inputs:
        t = out[id(i)]
        if t is not None and i.path is not None and real[id(i)] in twice:
            out[id(i)] = t.with_name(i.path.name + suffix)
            real[id(i)] = out[id(i)].resolve()
    still = shared()
    return {k: t for k, t in out.items() if t is None or real[k] not in still}


def clash(inputs: list[Input], output: str | None, suffix: str, item: Input) -> str:
    """Why `item` has no output (targets left it out): the output and the other inputs of it."""
    mine = target(item, output, suffix)
    if mine is None:
        return "its output's name is another input's too; skipped"
    others = [
        i.name
        for i in inputs
        if i is not item and (t := target(i, output, suffix)) and t.resolve() == mine.resolve()
    ]
    if item.name in others:
        return f"given twice, its output {mine} would be written twice: skipped"
    return f"{mine} would also be the output of {', '.join(others)}: skipped"
