"""The letter's own date: stated, not before the end of the work it vouches for, and recent for a
current job (R-LTR-6, R-DOC-6)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.context import Context
from checks.dates import months_between
from checks.registry import Hit, rule
from checks.rules.common import EE, E, W, letter_hit, position_hit


@rule(
    "EV119",
    "letter.undated",
    W,
    programs=EE,
    cites=["R-LTR-6"],
    summary="Letter is not dated",
    what="The letter carries its date of issue.",
    why="A letter cannot vouch for time after its own date (R-LTR-6); without a date the officer "
    "cannot tell what it covers.",
    example="A signed letter with no date anywhere.",
    fix="Ask the employer to date the letter.",
)
def undated(ctx: Context) -> Iterator[Hit]:
    for lt in ctx.case.letters:
        if lt.letter_date is None and not lt.is_unread("letter_date"):
            yield letter_hit(lt, "The letter is not dated.")


@rule(
    "EV120",
    "letter.claims_after_letter_date",
    E,
    programs=EE,
    cites=["R-LTR-6"],
    summary="Claimed experience runs past the letter's date",
    what="The experience a letter vouches for ends on or before the letter's date.",
    why="A letter cannot vouch for time after its own date; only hours up to it count (R-LTR-6).",
    example="A letter dated 1 March 2024 saying the job ends on 30 June 2024.",
    fix="Ask for a new letter dated after the end of the claimed period.",
)
def claims_after_letter_date(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        lt = ctx.case.letter(p.letter) if p.letter else None
        if lt is None or lt.letter_date is None or p.end is None:
            continue
        if p.end.value > lt.letter_date.value:
            yield position_hit(
                ctx,
                p,
                f"{ctx.label(p)}: the claimed end date {p.end.value} is after the letter "
                f"date {lt.letter_date.value}; only hours up to the letter date count.",
                evidence=(p.end.quote, lt.letter_date.quote),
            )


@rule(
    "EV121",
    "letter.stale_current",
    W,
    programs=EE,
    cites=["R-DOC-6"],
    summary="Current-job letter is old at the application date [UNC]",
    what="A letter for the current job is recent at the application date.",
    why="No official maximum age exists; consultants keep current-job letters recent so they "
    "confirm status near the e-APR (R-DOC-6, [UNC]).",
    example="A 'currently employed' letter dated 10 months before the application.",
    fix="Ask the employer for an updated letter.",
    disputed=True,
)
def stale_current(ctx: Context) -> Iterator[Hit]:
    months = ctx.param("current_letter_max_age_months")
    for lt in ctx.case.letters:
        if lt.letter_date is None:
            continue
        current = [
            p
            for p in ctx.positions_in_letter(lt.document)
            if p.end is None and (p.is_current is None or p.is_current.value)
        ]
        age = months_between(lt.letter_date.value, ctx.as_of)
        if current and age > months:
            yield letter_hit(
                lt,
                f"The letter for a current job is {age:.1f} months old at the application "
                f"date (over {months}) [UNC: consultant practice].",
                disputed=True,
                evidence=(lt.letter_date.quote,),
            )
