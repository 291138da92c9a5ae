"""`gkparse diff OLD NEW`: what changed from one plan to the next. Reading and comparing are
diff.py's, the rendering diffrender.py's; here, the arguments, the output and the exit status
(0 the same, 1 they differ, 2 an error, as diff(1)).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import click

from .console import fail, stdout_is_terminal, warn, write_stdout
from .emit import to_json, to_yaml
from .inputs import Size, TooLarge, doc_name, show
from .options import STDIN, common, read_once, rule_sources
from .rules import Rules, load_rules
from .writing import save


def use_colour(option: bool | None, to_file: bool = False) -> bool:
    """--color/--no-color if given; else colour on a terminal (not into a file -o names),
    unless NO_COLOR is set (no-color.org)."""
    if option is not None:
        return option
    return not to_file and stdout_is_terminal() and not os.environ.get("NO_COLOR")


@click.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "yaml", "json"]),
    default="text",
    show_default=True,
    help="Output format: text for a terminal, markdown for a page, yaml or json for a program.",
)
@click.option(
    "--width",
    type=click.IntRange(min=0),
    default=None,
    help="Wrap the text report's lines at this many columns, 0 not at all "
    "[default: the terminal's width; 80 when there is none].",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=None,
    help="Similarity (0-1) from which two tasks are one task changed, not one removed and "
    "one added [default: 0.35].",
)
@click.option(
    "--color/--no-color",
    "colour",
    default=None,
    help="Colour the text report [default: when stdout is a terminal and NO_COLOR is unset].",
)
@common("diff")
def diff_command(
    old: str,
    new: str,
    fmt: str,
    width: int | None,
    threshold: float | None,
    colour: bool | None,
    output: str | None,
    rule_files: tuple[str, ...],
    max_size: Size,
    verbose: bool,
) -> None:
    """What changed from plan OLD to plan NEW (each a notice text or a gkparse YAML/JSON;
    '-' for one of them: standard input): the header first, then the tasks added, removed
    and changed.

    Exit status: 0 the two are the same (header and tasks), 1 they differ, 2 an error.
    """
    from .diff import THRESHOLD, compare, differs

    paths = read_once((old, new))
    rules = load_rules(rule_sources(rule_files, paths))
    docs = [_load(path, rules, max_size, verbose) for path in paths]
    names = (doc_name(old), doc_name(new))
    report = compare(*docs, threshold=threshold or THRESHOLD, names=names)
    to_file = output not in (None, "-")
    text = _render(report, fmt, width, use_colour(colour, to_file))
    if not to_file:
        write_stdout(text)
    elif not save(show(output or ""), Path(output or ""), text, _given(paths)):
        sys.exit(2)
    sys.exit(1 if differs(report) else 0)


def _load(path: str, rules: Rules, max_size: Size, verbose: bool) -> dict[str, Any]:
    """One side read (a notice parsed, or a document loaded); unreadable: exit 2."""
    from .diff import load

    try:
        data = load(path, rules, max_size)
    except (OSError, ValueError, TooLarge) as exc:
        fail(show(path), " ".join((getattr(exc, "strerror", None) or str(exc)).split()))
        sys.exit(2)
    except RecursionError:
        fail(show(path), "structure too deep to read")
        sys.exit(2)
    if verbose:
        from .docread import warnings_of

        for warning in warnings_of(data):
            warn(show(path), warning)
    return data


def _render(report: dict[str, Any], fmt: str, width: int | None, colour: bool) -> str:
    from .diffrender import render_markdown, render_text

    if fmt == "json":
        return to_json(report)
    if fmt == "yaml":
        return to_yaml(report)
    if fmt == "markdown":
        return render_markdown(report)
    columns = shutil.get_terminal_size((80, 24)).columns if width is None else width
    return render_text(report, colour, columns)


def _given(paths: tuple[str, ...]) -> dict[Path, str]:
    """The files among `paths` (not `-`), which no output may overwrite."""
    return {Path(p).resolve(): p for p in paths if p != STDIN}
