"""The command line: arguments, files, exit codes. All parsing is the library's (gkparse.parse).

`gkparse FILE...` parses; `gkparse tasks|rules|schema|diff …` are subcommands, each in its own
module (cli_tasks, cli_diff, cli_rules, cli_schema). A first argument that is not a
subcommand's name is a file, so `gkparse notice.txt` needs no `parse`. Where outputs go is
targets.py's, how they are written writing.py's.
"""

from __future__ import annotations

import json
import os  # noqa: F401 (tests patch os.replace through cli)
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .batch import Job, Settings, results
from .cli_diff import diff_command, use_colour
from .cli_rules import rules_command
from .cli_schema import schema_command
from .cli_tasks import tasks_command
from .console import fail, guarded
from .emit import to_json
from .inputs import Input, SizeType, expand, show
from .options import Batch, common, rule_sources, stdin_args
from .tally import start
from .targets import clash, names_a_file, targets
from .tasktable import TASK_COLUMNS, csv_cell
from .writing import UMASK, Stream, is_direct, save, write_atomic

__all__ = [
    "TASK_COLUMNS",
    "UMASK",
    "Input",
    "Job",
    "Settings",
    "SizeType",
    "csv_cell",
    "expand",
    "main",
    "results",
    "use_colour",
    "write_atomic",
]


class DefaultGroup(click.Group):
    """A group whose default command is `parse`: `gkparse FILE` = `gkparse parse FILE`."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        return guarded(lambda: super(DefaultGroup, self).main(*args, **kwargs))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and sys.stdin is not None and not sys.stdin.isatty():
            args = ["parse"]  # `cat notice.txt | gkparse` (options.stdin_args reads the pipe)
        elif args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["parse", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gkparse")
def main() -> None:
    """Parse Chinese government notices (通知) into structured YAML.

    \b
    gkparse FILE...            one YAML beside each input (see `gkparse parse --help`)
    gkparse tasks FILE...      one CSV row per task across all inputs
    gkparse diff OLD NEW       what changed from one plan to the next
    gkparse rules [--check F]  the active rules, or validate a rule file
    gkparse schema             the JSON Schema of the output
    """


for _command in (tasks_command, diff_command, rules_command, schema_command):
    main.add_command(_command)


@main.command("parse")
@click.argument("files", nargs=-1)
@click.option(
    "-o",
    "--output",
    "--output-dir",
    "output_dir",
    metavar="DIR",
    help="Write outputs into DIR (created if missing), or FILE.yaml|.json|.jsonl for one "
    "input or a jsonl stream; '-' for standard output, and a device or FIFO (/dev/null) "
    "as standard output.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json", "jsonl"]),
    default="yaml",
    show_default=True,
    help="Output format; jsonl: every document one JSON line of one stream (stdout or -o FILE).",
)
@common("parse")
def parse_command(
    files: tuple[str, ...],
    output_dir: str | None,
    fmt: str,
    batch: Batch,
) -> None:
    """Parse each notice FILE (a folder: its *.txt, *.md, *.html, *.htm, *.docx; '-': standard
    input, also when no FILE is given and standard input is a pipe)."""
    files = stdin_args(files)
    rules = rule_sources(batch.rule_files, files)
    device = _device(output_dir)
    output = "-" if device else output_dir  # a device takes what standard output would
    stream = fmt == "jsonl"  # one stream of JSON lines: standard output or the file -o names
    if stream and output and output != "-" and not names_a_file(output):
        raise click.UsageError("--format jsonl writes one stream: stdout, or -o FILE.jsonl")
    fmt = "json" if stream else fmt
    inputs, work, tally = start(files, rules, fmt, batch)
    # no output may land on an input, its own or another's (`gkparse a.txt a.yaml`)
    taken = {item.path.resolve(): item.name for item in inputs if item.path and not item.stream}
    suffix = ".json" if fmt == "json" else ".yaml"
    if output and names_a_file(output) and len(inputs) > 1 and not stream:
        raise click.UsageError(f"-o {output} names one file: give one input, or a folder")
    places = {id(i): None for i in inputs} if stream else targets(inputs, output, suffix)
    into = Path(output) if stream and output and output != "-" else None
    lines: list[str] = []  # the stream's lines, when they go to the file -o names
    out = _stream(device)
    to_screen = into is None and None in places.values() and out.on_terminal()
    first_out = True
    for item, text in tally.documents(inputs, work, batch.jobs, to_screen):
        name = show(item.name)
        if id(item) not in places:
            tally.fail(name, clash(inputs, output, suffix, item))
            continue
        target = places[id(item)]
        if target is None:
            if fmt == "json":  # JSON Lines: one document a line, for jq -c and streams
                text = to_json(json.loads(text), lines=True)
            if into is not None:
                lines.append(text)
                continue
            if not out.write(name, ("---\n" if not first_out and fmt == "yaml" else "") + text):
                tally.failed += 1
            first_out = False
            continue
        if not save(name, target, text, taken):
            tally.failed += 1
    out.close()
    if into is not None and not save(show(str(into)), into, "".join(lines), taken):
        tally.failed += 1
    tally.end()


def _device(output: str | None) -> Path | None:
    """The device or FIFO -o names (/dev/null), written directly: no folder, no file of ours."""
    if output is None or output == "-" or not is_direct(Path(output)):
        return None
    return Path(output)


def _stream(device: Path | None) -> Stream:
    """Standard output, or the device or FIFO -o names, opened once; exit 1 if it cannot be."""
    try:
        return Stream(device)
    except OSError as exc:
        fail(show(str(device)), f"cannot write: {exc.strerror}")
        sys.exit(1)
