"""`evidence rules [RULE]`: list the rule registry, or explain one rule (as `ruff rule` does)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from checks.citations import CITATIONS
from checks.registry import Rule, all_rules, find_rule
from pipeline.exit_codes import BadInput


def _table(rules: tuple[Rule, ...]) -> Table:
    table = Table(title="evidence rules", show_lines=False)
    table.add_column("ID", no_wrap=True)
    table.add_column("slug", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("programs")
    table.add_column("summary")
    for r in rules:
        s = r.spec
        sev = s.max_severity.value + (" [UNC]" if s.disputed else "")
        table.add_row(
            s.id, s.slug, escape(sev), ", ".join(p.value for p in s.programs), escape(s.summary)
        )
    return table


def _explain(console: Console, r: Rule) -> None:
    s = r.spec
    console.print(f"[bold]{s.id}[/bold] {s.slug} — {escape(s.summary)}")
    console.print(
        f"Family: {s.family}. Default severity: {s.severity.value}"
        + (" (capped at warning: rests on [UNC]/[DISPUTED] sources)" if s.disputed else "")
        + f". Programs: {', '.join(p.value for p in s.programs)}."
    )
    for heading, text in (
        ("What it checks", s.doc.what),
        ("Why it matters", s.doc.why),
        ("Example", s.doc.example),
        ("How to fix", s.doc.fix),
    ):
        console.print(f"\n[bold]## {heading}[/bold]")
        console.print(escape(text))
    if s.citations:
        console.print("\n[bold]## Citations[/bold]")
        for cid in s.citations:
            c = CITATIONS[cid]
            console.print(f"{cid}: {escape(c.title)}")
            for src in c.sources:
                console.print(
                    f"  - {src.url} {escape('[' + ' '.join(src.confidence) + ']')}", soft_wrap=True
                )


def rules_command(
    rule: Annotated[
        str | None,
        typer.Argument(help="A rule ID (EV101) or slug (letter.no_letterhead) to explain."),
    ] = None,
) -> None:
    """List every rule, or explain one with its docs and citations."""
    console = Console()
    if rule is None:
        console.print(_table(all_rules()))
        return
    found = find_rule(rule)
    if found is None:
        raise BadInput(f"unknown rule {rule!r}. Run `evidence rules` for the list.")
    _explain(console, found)
