"""Pay evidence (R-PAY-1, R-PAY-2, R-PAY-6)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checks.context import Context
from checks.dates import DAY, months_between
from checks.findings import Severity
from checks.ledger import work_country
from checks.models import Deduction, Program
from checks.pay_cadence import stub_series
from checks.pay_math import annual, differs
from checks.registry import Hit, rule

EE = (Program.CEC, Program.FSW, Program.FST, Program.CRS, Program.CBS)
W, INFO = Severity.WARNING, Severity.INFO
STATUTORY = {
    Deduction.INCOME_TAX,
    Deduction.CPP,
    Deduction.QPP,
    Deduction.EI,
    Deduction.OTHER_STATUTORY,
}


@rule(
    "EV601",
    "paystub.gap",
    W,
    programs=EE,
    cites=["R-PAY-1"],
    summary="A pay period is missing from a run of consecutive stubs",
    what="Infers the pay cadence (weekly, bi-weekly, semi-monthly, monthly) from the stubs; when "
    "most stubs follow one another, names the periods missing between two of them. A sample of "
    "stubs months apart is not a gap (see `paystub.sample_coverage`).",
    why="Pay stubs support the letter (R-PAY-1); a hole in a series the applicant sent in full "
    "invites questions.",
    example="Bi-weekly stubs for January-June and September-December; July-August missing.",
    fix="Ask for the missing pay stubs, or a payroll summary for the period.",
)
def paystub_gap(ctx: Context) -> Iterator[Hit]:
    min_days = ctx.param("paystub_gap_days")
    for p in ctx.case.positions:
        records = ctx.pay_records(p)
        if not records or ctx.ledger.span(p.id) is None:
            continue
        series = stub_series(records, ctx.param("paystub_series_share"))
        holes = [m for m in series.missing if (m.end - m.start).days + 1 >= min_days]
        if not holes or series.cadence is None:
            continue
        shown = ", ".join(f"{m.start} to {m.end} ({m.periods} period(s))" for m in holes[:5])
        yield Hit(
            f"{ctx.label(p)}: {len(records)} {series.cadence.name} stubs run in sequence, but "
            f"none covers {shown}"
            + (f" and {len(holes) - 5} more" if len(holes) > 5 else "")
            + ".",
            documents=ctx.documents(p),
            subject=p.id,
        )


@rule(
    "EV607",
    "paystub.sample_coverage",
    INFO,
    programs=EE,
    cites=["R-PAY-1"],
    summary="How much of a position the pay stubs on file cover",
    what="The stubs' cadence and the share of the credited period they cover.",
    why="A sample of stubs corroborates the letter (R-PAY-1); the letter carries the period.",
    example="3 bi-weekly stubs cover 6 weeks of a 38-month position.",
    fix="Nothing to fix; add more stubs or a payroll summary if the officer may doubt the period.",
)
def sample_coverage(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        records = ctx.pay_records(p)
        span = ctx.ledger.span(p.id)
        if not records or span is None:
            continue
        series = stub_series(records, ctx.param("paystub_series_share"))
        months = months_between(span.start, span.end + DAY)
        cad = f"{series.cadence.name} " if series.cadence else ""
        yield Hit(
            f"{ctx.label(p)}: {len(records)} {cad}stub(s) cover {series.covered_days / 7:.0f} "
            f"week(s) of a {months:.0f}-month period.",
            documents=tuple(dict.fromkeys(r.document for r in records)),
            subject=p.id,
        )


@rule(
    "EV602",
    "pay.no_pay_records",
    W,
    programs=EE,
    cites=["R-PAY-1"],
    summary="No pay records for a position",
    what="Each position has some pay records (stubs, payroll, T4).",
    why="Pay stubs should be included if the applicant has them (R-PAY-1); not fatal alone.",
    example="A reference letter with no stubs, T4 or bank deposits.",
    fix="Add pay stubs (or T4 slips / payroll records) for the period.",
)
def no_pay_records(ctx: Context) -> Iterator[Hit]:
    slips = {s.employer for s in ctx.case.tax_slips if s.employer}
    for p in ctx.case.positions:
        if not ctx.pay_records(p) and p.employer not in slips and ctx.ledger.span(p.id):
            yield Hit(
                f"{ctx.label(p)}: no pay records on file.", documents=ctx.documents(p), subject=p.id
            )


@rule(
    "EV603",
    "pay.no_deductions",
    W,
    programs=[Program.CEC, Program.CRS],
    cites=["R-PAY-6"],
    summary="Canadian pay stubs without statutory deductions",
    what="Canadian stubs show income tax, CPP/QPP or EI withheld.",
    why="No statutory deductions suggests contractor status or off-payroll pay (R-PAY-6, "
    "heuristic [UNC]; feeds R-SELF-3).",
    example="Stubs showing gross = net every period.",
    fix="Ask the employer to explain the pay arrangement; add T4 slips.",
)
def no_deductions(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if work_country(ctx.case, p) != "CA":
            continue
        read = [r for r in ctx.pay_records(p) if r.deductions is not None]
        if read and all(not (set(r.deductions or ()) & STATUTORY) for r in read):
            yield Hit(
                f"{ctx.label(p)}: {len(read)} Canadian pay record(s) show no income tax, "
                "CPP/QPP or EI withheld.",
                documents=tuple(dict.fromkeys(r.document for r in read)),
                evidence=tuple(r.quote for r in read[:2]),
                subject=p.id,
            )


@rule(
    "EV604",
    "pay.t4_mismatch",
    W,
    programs=[Program.CEC, Program.CRS],
    cites=["R-PAY-2"],
    summary="T4 income inconsistent with the letter's salary",
    what="T4 box 14 for the employer and year against the letter salary for the months worked "
    "that year (tolerance configurable).",
    why="T4s are optional and not conclusive, but should match the period and pay (R-PAY-2).",
    example="Letter: CAD 60,000/year all of 2023; T4 2023: CAD 31,000.",
    fix="Explain the difference (unpaid leave, start date, raise) or correct the letter.",
)
def t4_mismatch(ctx: Context) -> Iterator[Hit]:
    tol = ctx.param("salary_mismatch_tolerance")
    for slip in ctx.case.tax_slips:
        if slip.kind != "T4" or slip.employment_income is None or slip.employer is None:
            continue
        for p in ctx.case.positions:
            span = ctx.ledger.span(p.id)
            if p.employer != slip.employer or p.pay is None or span is None:
                continue
            yearly = annual(p.pay.value, p.hours_per_week.value if p.hours_per_week else None)
            start = max(span.start, date(slip.tax_year, 1, 1))
            end = min(span.end, date(slip.tax_year, 12, 31))
            if yearly is None or end < start:
                continue
            expected = yearly * ((end - start).days + 1) / 365
            if differs(slip.employment_income, expected, tol):
                yield Hit(
                    f"{ctx.label(p)}: T4 {slip.tax_year} shows {slip.employment_income:,.0f}"
                    f"; the letter's salary implies about {expected:,.0f} for that year.",
                    documents=(*ctx.documents(p), slip.document),
                    evidence=(p.pay.quote, slip.quote),
                    subject=p.id,
                )
