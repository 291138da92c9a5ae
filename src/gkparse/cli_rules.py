"""`gkparse rules`: the active rules and the file each comes from, or `--check FILE`: whether a
rule file loads (its error named by file, rule and reason; exit 1)."""

from __future__ import annotations

import sys

import click

from .options import STDIN, common, rule_sources, stdin_rules
from .rules import RuleError, load_rules


@click.command("rules")
@click.option(
    "--check", "check", metavar="FILE", help="Validate a rule file and exit ('-': standard input)."
)
@common("rules")
def rules_command(check: str | None, rule_files: tuple[str, ...]) -> None:
    """List the active rules and the file each comes from, or --check a rule file."""
    if not check:
        for key, source in sorted(load_rules(rule_sources(rule_files, ())).sources.items()):
            click.echo(f"{key}\t{source}")
        return
    rule_sources(rule_files, (check,))  # (its checks: `-` read once)
    try:
        load_rules((stdin_rules() if check == STDIN else check,))
    except RuleError as exc:
        click.echo(f"gkparse: {exc}", err=True)
        sys.exit(1)
    click.echo(f"{check}: ok")
