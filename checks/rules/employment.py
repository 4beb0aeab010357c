"""Employment type: self-employment (R-SELF), unpaid work (R-PAID), place of work (R-FOR-4)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.context import Context
from checks.findings import Severity
from checks.ledger import is_self_employed, self_employment_signal_count, work_country
from checks.models import DocKind, PayKind, Program, Relationship
from checks.registry import Hit, rule
from checks.rules.common import remote_foreign_gaps

EE = (Program.CEC, Program.FSW, Program.FST, Program.CRS, Program.CBS)
W, E, B, INFO = Severity.WARNING, Severity.ERROR, Severity.BLOCKER, Severity.INFO


@rule(
    "EV901",
    "employment.self_employed",
    B,
    programs=[Program.CEC, Program.CRS],
    cites=["R-SELF-2", "R-SELF-3"],
    summary="Canadian self-employment does not count for CEC or CRS Canadian experience",
    what="Canadian periods declared self-employed are excluded from CEC and CRS Canadian hours "
    "(periods only suggested by signals: see employment.possible_self_employment).",
    why="IRPR 87.1(3)(b) and the Ministerial Instructions exclude self-employment (R-SELF-2; Help "
    "Centre Q377).",
    example="A freelance designer in Vancouver invoicing clients.",
    fix="Count only employee periods; self-employment may still count for FSW with R-SELF-1 proof.",
)
def self_employed(ctx: Context) -> Iterator[Hit]:
    if not ctx.selected(Program.CEC, Program.CRS):
        return
    hit = [
        p
        for p in ctx.case.positions
        if work_country(ctx.case, p) == "CA" and is_self_employed(ctx.case, p, ctx.policy) is True
    ]
    if not hit:
        return
    needed = ctx.needed_for_cec("self_employed")
    for p in hit:
        yield Hit(
            f"{ctx.label(p)}: self-employment in Canada is excluded from CEC and CRS "
            "Canadian experience" + (" — and CEC is not met without it." if needed else "."),
            severity=B if needed else INFO,
            documents=ctx.documents(p),
            subject=p.id,
        )


@rule(
    "EV902",
    "employment.possible_self_employment",
    W,
    programs=[Program.CEC, Program.CRS],
    cites=["R-SELF-3"],
    summary="Signs that claimed employment is really self-employment",
    what="Counts R-SELF-3 signals: T4A fees instead of a T4, invoices by the applicant, GST/HST "
    "number, stubs without deductions, contractor contract, subcontracting, own tools, payee is "
    "the applicant's company. Two or more: warning; from three the period's CEC hours count only "
    "as possible (status indeterminate). Thresholds are the tool's own.",
    why="IRCC's TRPR instructions list these indicators (R-SELF-3), applied to CEC by analogy "
    "[UNC]; self-employment is excluded from CEC (R-SELF-2).",
    example="A 'consultant' contract, invoices and a GST number for a claimed employee job.",
    fix="Ask for T4s, stubs with deductions and an employment contract, or reclassify the period.",
)
def possible_self_employment(ctx: Context) -> Iterator[Hit]:
    levels = ctx.param("self_employment_signals")
    for p in ctx.case.positions:
        if p.relationship is not None and p.relationship.value is Relationship.SELF_EMPLOYED:
            continue
        n = self_employment_signal_count(ctx.case, p)
        if n >= levels["warning"]:
            names = ", ".join(s.value.value for s in p.self_employment_signals) or "derived"
            hours = (
                " Its CEC hours count only as possible until this is resolved."
                if n >= levels["error"]
                else ""
            )
            yield Hit(
                f"{ctx.label(p)}: {n} self-employment signals ({names}) [UNC: R-SELF-3 applied "
                f"by analogy].{hours}",
                disputed=True,
                documents=ctx.documents(p),
                evidence=tuple(s.quote for s in p.self_employment_signals),
                subject=p.id,
            )


@rule(
    "EV903",
    "employment.self_employment_evidence",
    E,
    programs=[Program.FSW, Program.CRS],
    cites=["R-SELF-1"],
    summary="Self-employment claimed without the required proof",
    what="Self-employed periods come with proof of business ownership, of self-employment income, "
    "and third-party documents describing the services and payments.",
    why="IRCC's document requirements for self-employment (R-SELF-1); self-declared duties and "
    "affidavits are not proof.",
    example="A self-written 'reference letter' for one's own business.",
    fix="Add business registration, tax returns/invoices with deposits, and client letters or "
    "contracts with amounts.",
)
def self_employment_evidence(ctx: Context) -> Iterator[Hit]:
    kinds = {d.kind for d in ctx.case.documents}
    for p in ctx.case.positions:
        if p.relationship is None or p.relationship.value is not Relationship.SELF_EMPLOYED:
            continue
        missing = []
        if DocKind.BUSINESS_REGISTRATION not in kinds:
            missing.append("proof of business ownership")
        if not kinds & {DocKind.NOA, DocKind.INVOICE, DocKind.BANK_STATEMENT, DocKind.T4A}:
            missing.append("proof of self-employment income")
        if not kinds & {DocKind.CLIENT_LETTER, DocKind.CONTRACT}:
            missing.append("third-party documents describing the services and payments")
        if len(missing) == 3:
            yield Hit(
                f"{ctx.label(p)}: self-employment supported only by self-authored statements.",
                severity=B,
                documents=ctx.documents(p),
                subject=p.id,
            )
        elif missing:
            yield Hit(
                f"{ctx.label(p)}: self-employment lacks {', '.join(missing)}.",
                documents=ctx.documents(p),
                subject=p.id,
            )


@rule(
    "EV904",
    "employment.unpaid",
    B,
    programs=EE,
    cites=["R-PAID-2", "R-PAID-3"],
    summary="Volunteer, unpaid or in-kind work does not count",
    what="Periods that are volunteer work, unpaid internships, paid nothing, or paid only in kind.",
    why="Work means paid work (IRPR 73(2)); volunteer work and unpaid internships do not count "
    "(R-PAID-2); payment in kind is not wages (R-PAID-3).",
    example="A 6-month unpaid internship.",
    fix="Exclude the period; only paid work counts.",
)
def unpaid(ctx: Context) -> Iterator[Hit]:
    needed = ctx.needed_for_cec("unpaid")
    for p in ctx.case.positions:
        rel = p.relationship.value if p.relationship else None
        if p.pay_kind is PayKind.IN_KIND:
            yield Hit(
                f"{ctx.label(p)}: paid in kind only; not wages, the period is excluded.",
                severity=E,
                documents=ctx.documents(p),
                subject=p.id,
            )
        elif rel in (Relationship.VOLUNTEER, Relationship.UNPAID_INTERN) or (
            p.pay is not None and p.pay.value.amount == 0
        ):
            yield Hit(
                f"{ctx.label(p)}: unpaid work is excluded"
                + (" — and CEC is not met without it." if needed else "."),
                severity=B if needed else INFO,
                documents=ctx.documents(p),
                subject=p.id,
                evidence=(p.relationship.quote if p.relationship else None,),
            )


@rule(
    "EV905",
    "employment.no_pay_evidence",
    E,
    programs=EE,
    cites=["R-PAID-1"],
    summary="No evidence that the work was paid",
    what="Each position shows pay: a salary in the letter or pay records.",
    why="Only paid work (wages or commission) counts (R-PAID-1).",
    example="A letter with no salary, and no stubs or T4s.",
    fix="Add the salary to the letter, or supply pay stubs / T4 slips.",
)
def no_pay_evidence(ctx: Context) -> Iterator[Hit]:
    slips = {s.employer for s in ctx.case.tax_slips if s.employer}
    for p in ctx.case.positions:
        rel = p.relationship.value if p.relationship else None
        if rel in (Relationship.VOLUNTEER, Relationship.UNPAID_INTERN, Relationship.SELF_EMPLOYED):
            continue
        if p.pay is None and not ctx.pay_records(p) and p.employer not in slips:
            yield Hit(
                f"{ctx.label(p)}: no salary and no pay records: nothing shows the work was paid.",
                documents=ctx.documents(p),
                subject=p.id,
            )


@rule(
    "EV906",
    "employment.stipend",
    W,
    programs=EE,
    cites=["R-PAID-4"],
    summary="Pay described as a stipend or scholarship [UNC]",
    what="Positions paid by stipend, fellowship or scholarship.",
    why="Whether these count as wages is unconfirmed (R-PAID-4).",
    example="A graduate research assistantship paid as a stipend.",
    fix="Ask for evidence of employment income (T4, stubs with deductions).",
    disputed=True,
)
def stipend(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.pay_kind is PayKind.STIPEND:
            yield Hit(
                f"{ctx.label(p)}: paid as a stipend; whether that is wages is unconfirmed [UNC].",
                documents=ctx.documents(p),
                subject=p.id,
                disputed=True,
            )


@rule(
    "EV907",
    "employment.outside_canada_for_canadian_employer",
    E,
    programs=[Program.CEC, Program.CRS],
    cites=["R-FOR-4"],
    summary="Work for a Canadian employer done outside Canada is not Canadian experience",
    what="Periods where a Canadian employer's work was done physically outside Canada.",
    why="Canadian experience must be gained in Canada (R-FOR-4, R-AUTH-5).",
    example="A Toronto company's developer working from Lisbon for a year.",
    fix="Count those weeks as foreign experience (if skilled and paid), not Canadian.",
)
def outside_canada(ctx: Context) -> Iterator[Hit]:
    needed = ctx.needed_for_cec("outside_canada")
    for p in ctx.case.positions:
        emp = ctx.case.employer(p.employer)
        country = work_country(ctx.case, p)
        if emp.country and emp.country.value.upper() == "CA" and country not in (None, "CA"):
            yield Hit(
                f"{ctx.label(p)}: a Canadian employer, but the work was done in {country}; "
                "those weeks are not Canadian experience"
                + (" — and CEC is not met without them." if needed else "."),
                severity=E if needed else INFO,
                documents=ctx.documents(p),
                subject=p.id,
                evidence=(p.work_country.quote if p.work_country else None,),
            )


@rule(
    "EV908",
    "employment.remote_foreign_evidence",
    E,
    programs=[Program.CRS, Program.CBS, Program.FSW],
    cites=["R-FOR-3"],
    summary="Remote work from Canada for a foreign employer without its supporting evidence",
    what="When remote work from Canada for an employer outside Canada could be claimed as foreign "
    "experience (CRS, CBS or FSW selected): a contract showing the employer's country, payroll or "
    "payment records from abroad, and a letter of explanation are on file.",
    why="Whatever the answer to the disputed classification (R-FOR-3, D1), a claim needs this "
    "evidence; rules.md marks each missing item an ERROR under every reading (§0.2).",
    example="A US company's letter for a student working remotely from Toronto, and nothing else.",
    fix="Add the employment contract, the foreign payroll or payment records and a letter of "
    "explanation; add proof that the role does not serve the Canadian market.",
)
def remote_foreign_evidence(ctx: Context) -> Iterator[Hit]:
    if not ctx.selected(Program.CRS, Program.CBS, Program.FSW):
        return
    remote = {j.position for j in ctx.ledger.jobs() if j.remote_foreign}
    for p in ctx.case.positions:
        if p.id not in remote:
            continue
        missing = remote_foreign_gaps(ctx, p)
        if missing:
            yield Hit(
                f"{ctx.label(p)}: remote work from Canada for an employer outside Canada is "
                f"missing {'; '.join(missing)} (and proof the role does not serve the Canadian "
                "market).",
                documents=ctx.documents(p),
                subject=p.id,
            )
