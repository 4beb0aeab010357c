"""What a reference letter says of each position: its title, dates, hours, salary, benefits and
duties (R-LTR-5, R-LTR-6, R-LTR-7, R-LTR-8)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from checks.context import Context
from checks.models import Position
from checks.registry import Hit, rule
from checks.rules.common import EE, E, W, position_hit
from checks.stated_terms import contract_hours


def _lacking(ctx: Context, lacks: Callable[[Position], bool], message: str) -> Iterator[Hit]:
    """A hit for each position in a letter that `lacks` something: "<position>: <message>"."""
    for p in ctx.case.positions:
        if p.letter and lacks(p):
            yield position_hit(ctx, p, f"{ctx.label(p)}: {message}")


@rule(
    "EV111",
    "letter.missing_title",
    E,
    programs=EE,
    cites=["R-LTR-5"],
    summary="Position without a job title",
    what="Each position in the letter has a job title.",
    why="IRCC asks for every position held, each with its title (R-LTR-5).",
    example="'She worked with us from 2021 to 2024 in our IT team.'",
    fix="Ask for the job title of each position held.",
)
def missing_title(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.letter and p.title is None:
            yield position_hit(ctx, p, f"A position at {ctx.employer_name(p)} has no job title.")


@rule(
    "EV112",
    "letter.missing_dates",
    E,
    programs=EE,
    cites=["R-LTR-5", "R-LTR-8"],
    summary="Position without a start date",
    what="Each position gives the date it started (and ended, unless current).",
    why="Hours cannot be counted without dates (R-LTR-5, R-LTR-8).",
    example="'Worked as an analyst for several years.'",
    fix="Ask for exact start and end dates (day, month, year) of each position.",
)
def missing_dates(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.start is None:
            yield position_hit(
                ctx, p, f"{ctx.label(p)}: no start date; its hours cannot be counted."
            )


@rule(
    "EV113",
    "letter.imprecise_dates",
    W,
    programs=EE,
    cites=["R-LTR-8"],
    summary="Dates given as month and year only",
    what="Dates are precise to the day.",
    why="With month-only dates, hours are credited conservatively: from the first day of the "
    "next month to the last day of the month before the end month (R-LTR-8).",
    example="'From March 2021 to June 2023.'",
    fix="Ask for exact dates (day, month, year).",
)
def imprecise_dates(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.start is not None and "month" in (p.start_precision, p.end_precision):
            span = ctx.ledger.span(p.id)
            credited = f" Credited {span.start} to {span.end}." if span else ""
            yield position_hit(
                ctx,
                p,
                f"{ctx.label(p)}: dates give only month and year.{credited}",
                evidence=(p.start.quote, p.end.quote if p.end else None),
            )


@rule(
    "EV114",
    "letter.current_status_unstated",
    W,
    programs=EE,
    cites=["R-LTR-6"],
    summary="No end date and no statement that the job is current",
    what="A position without an end date says it is the current job.",
    why="IRCC asks for the job status if it is the current job (R-LTR-6).",
    example="'Employed since 12 May 2021 as…' with no 'currently employed'.",
    fix="Ask the employer to state that the applicant is still employed (or the end date).",
)
def current_status_unstated(ctx: Context) -> Iterator[Hit]:
    return _lacking(
        ctx,
        lambda p: p.start is not None and p.end is None and p.is_current is None,
        "no end date and the letter does not say the job is current; credited up to the letter "
        "date.",
    )


@rule(
    "EV115",
    "letter.missing_hours",
    E,
    programs=EE,
    cites=["R-LTR-5"],
    summary="Position without hours per week",
    what="Each position states the hours worked per week.",
    why="Hours per week are needed to count 1,560 hours (R-LTR-5, R-HOURS-1).",
    example="A letter giving title, dates and salary, but nothing about hours.",
    fix="Ask for the number of hours worked per week for each position.",
)
def missing_hours(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if not p.letter or p.hours_per_week is not None or p.hours_text is not None:
            continue
        if p.is_unread("hours"):
            continue
        message = f"{ctx.label(p)}: the letter does not give hours per week."
        found = contract_hours(p)
        if found is not None:
            hours, document = found
            message += (
                f" {document} states {hours.value:g} h a week for the same position; the "
                "hours are counted from it meanwhile."
            )
        yield position_hit(ctx, p, message)


@rule(
    "EV116",
    "letter.hours_not_numeric",
    E,
    programs=EE,
    cites=["R-LTR-7"],
    summary="Hours given as words ('full-time') or as a range",
    what="Hours per week are a number; a range is credited at its minimum.",
    why="'Full-time' alone cannot be turned into hours (R-LTR-7).",
    example="'She worked full-time.' / '20-40 hours per week.'",
    fix="Ask for the exact number of hours per week.",
)
def hours_not_numeric(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.hours_per_week is None and p.hours_text is not None:
            yield position_hit(
                ctx,
                p,
                f"{ctx.label(p)}: hours are given as {p.hours_text.value!r}, not a "
                "number per week; they cannot be counted.",
                evidence=(p.hours_text.quote,),
            )
        elif (
            p.hours_per_week is not None
            and p.hours_per_week_max is not None
            and (p.hours_per_week_max > p.hours_per_week.value)
        ):
            yield position_hit(
                ctx,
                p,
                f"{ctx.label(p)}: hours are a range ({p.hours_per_week.value:g}-"
                f"{p.hours_per_week_max:g} h/week); the minimum is credited.",
                severity=W,
                evidence=(p.hours_per_week.quote,),
            )


@rule(
    "EV117",
    "letter.missing_salary",
    E,
    programs=EE,
    cites=["R-LTR-5"],
    summary="Position without salary",
    what="Each position gives the salary.",
    why="IRCC asks for the annual salary (R-LTR-5); pay also shows the work was paid (R-PAID-1).",
    example="A letter with duties and hours but no pay.",
    fix="Ask for the annual salary (or hourly rate) of each position.",
)
def missing_salary(ctx: Context) -> Iterator[Hit]:
    return _lacking(
        ctx,
        lambda p: p.pay is None and not p.is_unread("salary"),
        "the letter does not give the salary.",
    )


@rule(
    "EV125",
    "letter.missing_benefits",
    W,
    programs=EE,
    cites=["R-LTR-5"],
    summary="Position with a salary but no benefits",
    what="Each position gives its benefits beside the salary.",
    why="IRCC asks for the annual salary plus benefits (R-LTR-5); a missing benefits line is a "
    "warning, not a missing salary.",
    example="'Her annual salary is $62,000.' with nothing on benefits.",
    fix="Ask the employer to add the benefits (or to say there are none).",
)
def missing_benefits(ctx: Context) -> Iterator[Hit]:
    return _lacking(
        ctx,
        lambda p: p.pay is not None and p.benefits is None,
        "the letter does not mention benefits.",
    )


@rule(
    "EV118",
    "letter.missing_duties",
    E,
    programs=EE,
    cites=["R-LTR-5"],
    summary="Position without duties",
    what="Each position lists its main duties and responsibilities.",
    why="The duties decide the NOC (R-LTR-5, R-SKILL-2).",
    example="'He was our Software Developer.' with no duties.",
    fix="Ask for a list of the main duties actually performed in each position.",
)
def missing_duties(ctx: Context) -> Iterator[Hit]:
    return _lacking(ctx, lambda p: not p.duties, "the letter lists no duties.")
