"""Consistency across documents (R-PAY-3..5, R-HOURS-6, R-FLAG-3, R-FLAG-7)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from checks.context import Context
from checks.findings import Severity
from checks.models import PayRecord, PermitType, Position, PositionStatement, Program, Quote
from checks.pay_math import annual, differs, stub_annual_gross, stub_weekly_hours
from checks.registry import Hit, rule
from checks.rules.common import claim_shows, similar

EE = (Program.CEC, Program.FSW, Program.FST, Program.CRS, Program.CBS)
W = Severity.WARNING


def _statement_hit(
    ctx: Context,
    p: Position,
    s: PositionStatement,
    message: str,
    evidence: tuple[Quote | None, ...],
) -> Hit:
    """Another document (`s`) states position `p` otherwise than the letter."""
    return Hit(
        f"{ctx.label(p)}: {message}",
        documents=(*ctx.documents(p), s.document),
        evidence=evidence,
        subject=p.id,
    )


def _against_letter(
    ctx: Context,
    p: Position,
    *,
    tolerance: float,
    mine: float,
    quote: Quote | None,
    from_records: Callable[[list[PayRecord]], float | None],
    stated: list[tuple[PositionStatement, float, Quote | None]],
    texts: tuple[str, str],
    **words: str,
) -> Iterator[Hit]:
    """Where the pay records' figure (`from_records`), or another document's (`stated`), differs
    from the letter's (`mine`) by more than `tolerance`: one check for hours and salary. `texts`
    word the two cases, from {mine}, {theirs}, {doc} and the extra `words`."""
    on_records_text, stated_text = texts
    records = ctx.pay_records(p)
    on_records = from_records(records)
    if on_records is not None and differs(on_records, mine, tolerance):
        yield Hit(
            f"{ctx.label(p)}: " + on_records_text.format(mine=mine, theirs=on_records, **words),
            documents=(*ctx.documents(p), *dict.fromkeys(r.document for r in records)),
            evidence=(quote, *(r.quote for r in records[:2])),
            subject=p.id,
        )
    for s, theirs, their_quote in stated:
        if differs(theirs, mine, tolerance):
            text = stated_text.format(mine=mine, theirs=theirs, doc=s.document, **words)
            yield _statement_hit(ctx, p, s, text, (quote, their_quote))


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
        odd = [(n, q) for n, q, linked in names if not linked and not similar(n, base, 90)]
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
            if not similar(v.value, emp.address.value, 85):
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
            if s.title is not None and not similar(s.title.value, p.title.value, 80):
                yield _statement_hit(
                    ctx,
                    p,
                    s,
                    f"{s.document} calls it {s.title.value!r}.",
                    (p.title.quote, s.title.quote),
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
                    yield _statement_hit(
                        ctx,
                        p,
                        s,
                        f"{name} date {mine.value} in the letter, {theirs.value} in {s.document}.",
                        (mine.quote, theirs.quote),
                    )
    for permit in ctx.case.permits:
        if permit.type is not PermitType.WORK_EMPLOYER_SPECIFIC or permit.employer_named is None:
            continue
        for p in ctx.case.positions:
            if p.start is None or not similar(
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
    what="Average weekly hours on pay stubs (and hours in contracts) against the letter's hours; "
    "and the hours a claim in case.toml gives against the documents' hours.",
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
        yield from _against_letter(
            ctx,
            p,
            tolerance=tol,
            mine=p.hours_per_week.value,
            quote=p.hours_per_week.quote,
            from_records=stub_weekly_hours,
            stated=[
                (s, s.hours_per_week.value, s.hours_per_week.quote)
                for s in p.statements
                if s.hours_per_week is not None
            ],
            texts=(
                "pay records average {theirs:.1f} h/week, the letter says {mine:g}; the lower "
                "figure is credited.",
                "{doc} gives {theirs:g} h/week, the letter {mine:g}.",
            ),
        )
        yield from _claimed_hours(ctx, p, tol)


def _claimed_hours(ctx: Context, p: Position, tolerance: float) -> Iterator[Hit]:
    """A claim's hours are what the applicant says, not evidence: only the documents' hours are
    counted, so a claim that states other hours is pointed out."""
    assert p.hours_per_week is not None
    mine = p.hours_per_week.value
    for claim in ctx.case.claims:
        theirs = claim.hours_per_week
        if theirs is None or not claim_shows(ctx, claim, p) or not differs(mine, theirs, tolerance):
            continue
        yield Hit(
            f"{ctx.label(p)}: the claim in case.toml gives {theirs:g} h/week, the documents "
            f"{mine:g}; the documents' hours are counted.",
            documents=ctx.documents(p),
            subject=p.id,
            evidence=(p.hours_per_week.quote,),
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
        stated = [
            (s, theirs, s.pay.quote)
            for s in p.statements
            if s.pay is not None and s.pay.value.currency == cur
            if (theirs := annual(s.pay.value, hpw)) is not None
        ]
        yield from _against_letter(
            ctx,
            p,
            tolerance=tol,
            mine=mine,
            quote=p.pay.quote,
            from_records=partial(stub_annual_gross, currency=cur),
            stated=stated,
            texts=(
                "pay stubs annualise to {cur} {theirs:,.0f}, the letter gives {cur} {mine:,.0f} "
                "a year.",
                "{doc} gives {cur} {theirs:,.0f} a year, the letter {cur} {mine:,.0f}.",
            ),
            cur=cur,
        )
