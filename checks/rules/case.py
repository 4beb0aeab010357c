"""Case-level checks: waivers that name no rule."""

from __future__ import annotations

from collections.abc import Iterator

from checks.context import Context
from checks.findings import Severity
from checks.models import Program
from checks.registry import Hit, find_rule, rule


@rule(
    "EV001",
    "case.unknown_waiver",
    Severity.WARNING,
    programs=tuple(Program),
    cites=[],
    summary="A waiver in case.toml names no known rule",
    what="Each `[[waive]]` entry names an existing rule ID or slug.",
    why="A mistyped waiver silently waives nothing.",
    example='rule = "letter.missing_mail"',
    fix="Correct the rule ID or slug (see `evidence rules`).",
)
def unknown_waiver(ctx: Context) -> Iterator[Hit]:
    for w in ctx.case.waivers:
        if find_rule(w.rule) is None:
            yield Hit(f"The waiver for {w.rule!r} names no known rule; it waives nothing.")
