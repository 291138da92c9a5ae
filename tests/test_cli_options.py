"""The options the commands share (one definition: the same name, help and default on every
command that takes them) and `-` wherever a file is read, through the real command line."""

from __future__ import annotations

import csv
import io

import click
import pytest
from conftest import GOLDEN, SAMPLES
from ruamel.yaml import YAML
from test_cli import on_terminal, run

from gkparse.cli import main

SAMPLE, OTHER = SAMPLES[0], SAMPLES[3]
# a junk rule that drops the text of task 1.1 of SAMPLE (坚持以习近平新时代…, its line 11)
NO_GUIDANCE = "junk:\n  - {id: no_guidance, pattern: '坚持以习近平.*'}\n".encode()
SHARED = ("--rules", "--jobs", "--max-size", "--hidden", "--no-keywords", "--quiet", "--verbose")
LEFT_OUT = {  # what makes no sense for a command (README's Use section says the same)
    "diff": {"--jobs", "--hidden", "--no-keywords", "--quiet"},  # two files, no batch
    "rules": set(SHARED) - {"--rules"},  # parses nothing
}


def _option(command: str, name: str) -> click.Option | None:
    params = main.commands[command].params
    return next((p for p in params if isinstance(p, click.Option) and name in p.opts), None)


@pytest.mark.parametrize("name", SHARED + ("--output",))
def test_a_shared_option_is_the_same_on_every_command(name):
    """Same names, help, default and type wherever an option is taken; left out only where
    it makes no sense (and --output of `gkparse` also takes a folder: its help says so)."""
    commands = ("parse", "tasks", "diff", "rules")
    found = {c: _option(c, name) for c in commands if name not in LEFT_OUT.get(c, ())}
    if name == "--output":
        found = {c: found[c] for c in ("tasks", "diff")}
        assert _option("parse", "-o") is not None and "DIR" in (_option("parse", "-o").help or "")
        assert _option("rules", name) is None
    assert all(found.values()), found
    first = next(iter(found.values()))
    for option in found.values():
        assert (option.opts, option.secondary_opts, option.help) == (
            first.opts,
            first.secondary_opts,
            first.help,
        )
        assert (option.default, type(option.type), option.multiple, option.is_flag) == (
            first.default,
            type(first.type),
            first.multiple,
            first.is_flag,
        )
    for command, left_out in LEFT_OUT.items():
        if name in left_out:
            assert _option(command, name) is None


def _table(stdout: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(stdout.decode("utf-8-sig"), newline="")))


def test_tasks_takes_the_batch_options(tmp_path):
    """-v prints each file's warnings apart from failures; --hidden walks .folders;
    --max-size refuses a file; --jobs gives the same table."""
    (tmp_path / "in" / ".old").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "in" / ".old" / "b.txt").write_bytes(OTHER.read_bytes())
    args = ("tasks", "--no-keywords", "-q")
    plain = run(*args, "in", cwd=tmp_path)
    assert plain.returncode == 0 and plain.stderr == b""
    assert {row[0] for row in _table(plain.stdout)[1:]} == {"in/a.txt"}
    hidden = run(*args, "--hidden", "-j", "2", "in", cwd=tmp_path)
    assert {row[0] for row in _table(hidden.stdout)[1:]} == {"in/a.txt", "in/.old/b.txt"}
    assert run(*args, "--hidden", "-j", "1", "in", cwd=tmp_path).stdout == hidden.stdout
    verbose = run(*args, "-v", "in/a.txt", cwd=tmp_path)
    assert verbose.returncode == 0
    lines = verbose.stderr.decode().splitlines()
    assert lines and all(x.startswith("gkparse: in/a.txt: warning: ") for x in lines)
    assert "half-width punctuation restored" in lines[0]  # (sample 000 has ASCII commas)
    small = run(*args, "--max-size", "1K", "in/a.txt", cwd=tmp_path)
    assert small.returncode == 1
    assert small.stderr.decode().splitlines() == [
        "gkparse: in/a.txt: larger than --max-size 1K; skipped"
    ]


def test_tasks_ends_a_batch_on_a_terminal_with_the_summary_line_unless_quiet(tmp_path):
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "b.txt").write_bytes(OTHER.read_bytes())
    args = ["tasks", "-o", "t.csv", "--no-keywords", "a.txt", "b.txt", "gone.txt"]
    status, screen = on_terminal(args, tmp_path)
    # each sample has one warning (half-width punctuation restored), see the goldens
    assert status == 1
    assert screen.strip().splitlines()[-1] == "gkparse: 3 files, 1 failed, 2 warnings"
    status, screen = on_terminal([*args, "-q"], tmp_path)
    assert status == 1 and screen.strip().splitlines() == ["gkparse: gone.txt: no such file"]
    assert len(_table((tmp_path / "t.csv").read_bytes())) > 1


def test_tasks_reads_standard_input_named_or_piped():
    """`tasks -` and a pipe with no FILE: the same table, its file column `-` (no formula,
    so no `'` before it)."""
    named = run("tasks", "--no-keywords", "-", stdin=SAMPLE.read_bytes())
    piped = run("tasks", "--no-keywords", stdin=SAMPLE.read_bytes())
    assert named.returncode == 0 and named.stdout == piped.stdout
    rows = _table(named.stdout)
    assert len(rows) == 1 + 15 and {row[0] for row in rows[1:]} == {"-"}  # 15 tasks: golden


def test_rules_from_standard_input_on_every_command(tmp_path):
    """`--rules -`: the rule file read from standard input once, used by every worker."""
    table = run("tasks", "--tsv", "--no-keywords", "--rules", "-", str(SAMPLE), stdin=NO_GUIDANCE)
    assert table.returncode == 0, table.stderr
    first = table.stdout.decode().splitlines()[1].split("\t")
    assert first[5:9] == ["1.1", "总体要求", "指导思想", ""]  # its text dropped by the rule
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "b.txt").write_bytes(SAMPLE.read_bytes())
    parsed = run("-j", "2", "-q", "--rules", "-", "a.txt", "b.txt", cwd=tmp_path, stdin=NO_GUIDANCE)
    assert parsed.returncode == 0, parsed.stderr
    for name in ("a.yaml", "b.yaml"):  # (each parsed by its own worker)
        data = YAML(typ="safe").load((tmp_path / name).read_text(encoding="utf-8"))
        assert [d["line"] for d in data["metadata"]["dropped"]] == [11]
        assert data["metadata"]["dropped"][0]["text"].startswith("坚持以习近平新时代")
    golden = str(GOLDEN / f"{SAMPLE.stem}.yaml")
    assert run("diff", golden, str(SAMPLE)).returncode == 0  # the same without the rule
    changed = run("diff", "--width", "0", "--rules", "-", golden, str(SAMPLE), stdin=NO_GUIDANCE)
    assert changed.returncode == 1
    assert "~ reworded  1.1 -> 1.1 指导思想" in changed.stdout.decode()
    listed = run("rules", "--rules", "-", stdin=NO_GUIDANCE)
    assert "junk.no_guidance\t<stdin>" in listed.stdout.decode().splitlines()
    assert run("rules", "--check", "-", stdin=NO_GUIDANCE).stdout == b"-: ok\n"
    bad = run("rules", "--check", "-", stdin=b"junk: 3\n")
    assert bad.returncode == 1
    assert bad.stderr.decode().strip() == "gkparse: <stdin>: junk: must be a list of rules"
    refused = run("--rules", "-", str(SAMPLE), stdin=b"junk: 3\n")
    assert refused.returncode == 2 and b"<stdin>: junk: must be a list of rules" in refused.stderr
    binary = run("tasks", "--rules", "-", str(SAMPLE), stdin=b"\xff\xfe\x00junk")
    assert binary.returncode == 2 and b"<stdin>: a rule file must be UTF-8" in binary.stderr


@pytest.mark.parametrize(
    "args, reason",
    [
        (["-", "-"], "'-' given twice: standard input can be read only once"),
        (["tasks", "-", "-"], "'-' given twice: standard input can be read only once"),
        (["diff", "-", "-"], "'-' given twice: standard input can be read only once"),
        (["--rules", "-", "-"], "--rules - and another '-' would both read standard input"),
        (["tasks", "--rules", "-", "-"], "--rules - and another '-' would both read"),
        (["diff", "--rules", "-", "-", "x.txt"], "--rules - and another '-' would both read"),
        (["rules", "--rules", "-", "--check", "-"], "--rules - and another '-' would both"),
        (["--rules", "-", "--rules", "-", "x.txt"], "--rules - given twice"),
    ],
    ids=[
        "parse",
        "tasks",
        "diff",
        "rules-and-input",
        "tasks-rules",
        "diff-rules",
        "check",
        "twice",
    ],
)
def test_standard_input_is_read_once(args, reason):
    """Two readers of standard input: a usage error (exit 2) naming both, before any read."""
    proc = run(*args, stdin=SAMPLE.read_bytes())
    assert proc.returncode == 2 and proc.stdout == b""
    assert reason in proc.stderr.decode()


def test_diff_takes_output_rules_max_size_and_verbose(tmp_path):
    """-o FILE writes the report there (never over an input), --max-size refuses an input
    (exit 2), -v prints each input's warnings."""
    report = tmp_path / "changes.md"
    proc = run("diff", "-v", "--format", "markdown", "-o", str(report), str(SAMPLE), str(OTHER))
    assert proc.returncode == 1 and proc.stdout == b""
    assert report.read_text(encoding="utf-8").startswith(
        "## 青浦区练塘镇2023年政务公开工作要点 → 2022年嘉定区国资委政务公开工作要点\n"
    )
    warned = proc.stderr.decode().splitlines()
    assert [x.split(": warning: ")[0] for x in warned] == [
        f"gkparse: {SAMPLE}",
        f"gkparse: {OTHER}",
    ]
    assert run("diff", "-o", "-", str(SAMPLE), str(OTHER)).stdout.startswith(b"--- ")
    kept = (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    over = run("diff", "-o", "a.txt", "a.txt", str(OTHER), cwd=tmp_path)
    assert over.returncode == 2 and (tmp_path / "a.txt").stat().st_size == kept
    assert b"output would overwrite the input" in over.stderr
    large = run("diff", "--max-size", "1K", str(SAMPLE), str(OTHER))
    assert large.returncode == 2
    assert large.stderr.decode() == f"gkparse: {SAMPLE}: larger than --max-size 1K; skipped\n"
    piped = run("diff", "--max-size", "1K", "-", str(OTHER), stdin=SAMPLE.read_bytes())
    assert piped.returncode == 2 and b"gkparse: -: larger than --max-size 1K" in piped.stderr
