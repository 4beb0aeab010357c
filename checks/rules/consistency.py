"""Consistency across documents (R-PAY-3..5, R-HOURS-6, R-FLAG-3, R-FLAG-7)."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz, utils

from checks.context import Context
from checks.findings import Severity
from checks.models import PermitType, Program
from checks.pay_math import annual, differs, stub_annual_gross, stub_weekly_hours
from checks.registry import Hit, rule

EE = (Program.CEC, Program.FSW, Program.FST, Program.CRS, Program.CBS)
W = Severity.WARNING


def _similar(a: str, b: str, threshold: int) -> bool:
    return fuzz.token_set_ratio(a, b, processor=utils.default_process) >= threshold


@rule(
    "EV501",
    "consistency.employer_name",
    W,
    programs=EE,
    cites=["R-PAY-3", "R-FLAG-3"],
    summary="Documents name the employer differently",
    what="The employer's name is the same (or a linked legal/trade pair) on the letter, contract, "
    "pay stubs, tax slips and permits.",
    why="Officers verify employers; unexplained name differences raise doubts (R-PAY-3).",
    example="Letter from 'Redwood Peak Services, LLC'; stubs from 'RP Holdings Inc.'.",
    fix="Explain the relationship (trade name, parent company, rename) with a document or LOE.",
)
def employer_name(ctx: Context) -> Iterator[Hit]:
    for emp in ctx.case.employers:
        base = emp.name.value
        names = [(v.name, v.quote, v.linked) for v in emp.name_variants]
        names += [
            (r.employer_name.value, r.employer_name.quote, False)
            for r in ctx.case.pay_records
            if r.employer == emp.id and r.employer_name is not None
        ]
        odd = [(n, q) for n, q, linked in names if not linked and not _similar(n, base, 90)]
        seen: set[str] = set()
        for name, quote in odd:
            if name in seen:
                continue
            seen.add(name)
            yield Hit(
                f"Employer named {name!r} in one document and {base!r} elsewhere.",
                documents=tuple(
                    d
                    for d in (
                        quote.document if quote else None,
                        emp.name.quote.document if emp.name.quote else None,
                    )
                    if d
                ),
                evidence=(emp.name.quote, quote),
                subject=emp.id,
            )


@rule(
    "EV502",
    "consistency.employer_address",
    W,
    programs=EE,
    cites=["R-PAY-3", "R-FLAG-3"],
    summary="Documents give different employer addresses",
    what="The employer's address agrees across documents.",
    why="Differing addresses need explaining (R-PAY-3).",
    example="Letter: 12 King St W, Toronto; contract: 900 Bay St, Toronto.",
    fix="Explain (office move, head office vs branch) in an LOE.",
)
def employer_address(ctx: Context) -> Iterator[Hit]:
    for emp in ctx.case.employers:
        if emp.address is None:
            continue
        for v in emp.address_variants:
            if not _similar(v.value, emp.address.value, 85):
                yield Hit(
                    f"Address {v.value!r} differs from {emp.address.value!r}.",
                    evidence=(emp.address.quote, v.quote),
                    subject=emp.id,
                )


@rule(
    "EV503",
    "consistency.job_title",
    W,
    programs=EE,
    cites=["R-FLAG-3"],
    summary="Documents give different job titles for the same position",
    what="The position's title agrees across the letter, contract and other documents.",
    why="Inconsistent titles cast doubt on the claimed occupation (R-FLAG-3, R-SKILL-4).",
    example="Letter: 'Senior Analyst'; contract: 'Data Entry Clerk'.",
    fix="Explain promotions or title changes, or list them as separate positions.",
)
def job_title(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.title is None:
            continue
        for s in p.statements:
            if s.title is not None and not _similar(s.title.value, p.title.value, 80):
                yield Hit(
                    f"{ctx.label(p)}: {s.document} calls it {s.title.value!r}.",
                    documents=(*ctx.documents(p), s.document),
                    evidence=(p.title.quote, s.title.quote),
                    subject=p.id,
                )


@rule(
    "EV504",
    "consistency.dates",
    W,
    programs=EE,
    cites=["R-FLAG-7"],
    summary="Documents give different dates for the same position",
    what="Start and end dates agree across documents, and fall within the permit naming the "
    "employer.",
    why="Conflicting dates undermine the claimed period (R-FLAG-7).",
    example="Letter: from 2022-03-01; contract: from 2022-06-15.",
    fix="Ask for corrected documents or explain the difference (e.g. probation, contract renewal).",
)
def dates(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        for s in p.statements:
            for name, mine, theirs in (("start", p.start, s.start), ("end", p.end, s.end)):
                if mine is not None and theirs is not None and mine.value != theirs.value:
                    yield Hit(
                        f"{ctx.label(p)}: {name} date {mine.value} in the letter, "
                        f"{theirs.value} in {s.document}.",
                        documents=(*ctx.documents(p), s.document),
                        evidence=(mine.quote, theirs.quote),
                        subject=p.id,
                    )
    for permit in ctx.case.permits:
        if permit.type is not PermitType.WORK_EMPLOYER_SPECIFIC or permit.employer_named is None:
            continue
        for p in ctx.case.positions:
            if p.start is None or not _similar(
                permit.employer_named.value, ctx.employer_name(p), 90
            ):
                continue
            if p.start.value < permit.valid_from:
                yield Hit(
                    f"{ctx.label(p)}: starts {p.start.value}, before the employer-specific "
                    f"permit's validity ({permit.valid_from}).",
                    subject=p.id,
                    evidence=(p.start.quote, permit.quote),
                )


@rule(
    "EV505",
    "consistency.hours",
    W,
    programs=EE,
    cites=["R-HOURS-6"],
    summary="Hours on pay records or other documents differ from the letter by more than 10 %",
    what="Average weekly hours on pay stubs (and hours in contracts) against the letter's hours.",
    why="Actual hours on pay records outrank the letter's nominal hours; the lower figure is "
    "credited (R-HOURS-6, tool policy [UNC]).",
    example="Letter: 40 h/week; stubs average 28 h/week.",
    fix="Ask the employer to correct the letter, or explain the difference (leave, part-time "
    "periods).",
)
def hours(ctx: Context) -> Iterator[Hit]:
    tol = ctx.param("hours_mismatch_tolerance")
    for p in ctx.case.positions:
        if p.hours_per_week is None:
            continue
        letter = p.hours_per_week.value
        records = ctx.pay_records(p)
        stub = stub_weekly_hours(records)
        if stub is not None and differs(stub, letter, tol):
            yield Hit(
                f"{ctx.label(p)}: pay records average {stub:.1f} h/week, the letter says "
                f"{letter:g}; the lower figure is credited.",
                documents=(*ctx.documents(p), *dict.fromkeys(r.document for r in records)),
                evidence=(p.hours_per_week.quote, *(r.quote for r in records[:2])),
                subject=p.id,
            )
        for s in p.statements:
            if s.hours_per_week is not None and differs(s.hours_per_week.value, letter, tol):
                yield Hit(
                    f"{ctx.label(p)}: {s.document} gives {s.hours_per_week.value:g} h/week, "
                    f"the letter {letter:g}.",
                    documents=(*ctx.documents(p), s.document),
                    evidence=(p.hours_per_week.quote, s.hours_per_week.quote),
                    subject=p.id,
                )


@rule(
    "EV506",
    "consistency.salary",
    W,
    programs=EE,
    cites=["R-PAY-4"],
    summary="Salary differs across documents by more than 15 %",
    what="The letter's annual salary against other documents' pay and pay-stub gross annualised.",
    why="Salary inconsistencies need explaining (R-PAY-4, tool policy [UNC]).",
    example="Letter: CAD 72,000 a year; stubs: CAD 1,500 biweekly (CAD 39,000 a year).",
    fix="Explain raises, bonuses or part-time periods; ask for corrected documents.",
)
def salary(ctx: Context) -> Iterator[Hit]:
    tol = ctx.param("salary_mismatch_tolerance")
    for p in ctx.case.positions:
        if p.pay is None:
            continue
        hpw = p.hours_per_week.value if p.hours_per_week else None
        mine = annual(p.pay.value, hpw)
        if mine is None or mine == 0:
            continue
        cur = p.pay.value.currency
        records = ctx.pay_records(p)
        stub = stub_annual_gross(records, cur)
        if stub is not None and differs(stub, mine, tol):
            yield Hit(
                f"{ctx.label(p)}: pay stubs annualise to {cur} {stub:,.0f}, the letter "
                f"gives {cur} {mine:,.0f} a year.",
                documents=(*ctx.documents(p), *dict.fromkeys(r.document for r in records)),
                evidence=(p.pay.quote, *(r.quote for r in records[:2])),
                subject=p.id,
            )
        for s in p.statements:
            if s.pay is None or s.pay.value.currency != cur:
                continue
            theirs = annual(s.pay.value, hpw)
            if theirs is not None and differs(theirs, mine, tol):
                yield Hit(
                    f"{ctx.label(p)}: {s.document} gives {cur} {theirs:,.0f} a year, the "
                    f"letter {cur} {mine:,.0f}.",
                    documents=(*ctx.documents(p), s.document),
                    evidence=(p.pay.quote, s.pay.quote),
                    subject=p.id,
                )
