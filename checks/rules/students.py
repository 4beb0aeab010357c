"""Student work: full-time study exclusion (R-STU-1), off-campus limits (R-OFFC), remote work for
a foreign employer (R-STU-5, R-FOR-3), unauthorised student work (R-OFFC-7, R-STU-7)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from checks.context import Context
from checks.eligibility import CEC
from checks.findings import Severity
from checks.ledger import JobWeek
from checks.models import Permit, PermitType, Position, Program, StudyStatus
from checks.params import Policy
from checks.registry import Hit, rule
from checks.rules.common import position_hit, remote_foreign_gaps

W, E, B, INFO = Severity.WARNING, Severity.ERROR, Severity.BLOCKER, Severity.INFO


def _study_permit_holder(ctx: Context) -> bool:
    if ctx.case.study_permit_holder is not None:
        return ctx.case.study_permit_holder
    return any(p.type is PermitType.STUDY for p in ctx.case.permits)


def _in_cec_window(ctx: Context, d: date) -> bool:
    w = ctx.experience["cec"].window
    return w is not None and d in w


def _evidence(ctx: Context, jobs: list[JobWeek], full_time: bool = True) -> tuple[str, ...]:
    """The documents behind a student finding: each position's letter and sources, then the
    transcripts or enrolment letters that show the overlapping terms (full-time ones, or any)."""
    ids = {j.position for j in jobs}
    docs = [d for p in ctx.case.positions if p.id in ids for d in ctx.documents(p)]
    if jobs:
        first = min(j.week_start for j in jobs)
        last = max(j.week_start for j in jobs)
        docs += [
            t.quote.document
            for t in ctx.case.study_terms
            if t.quote is not None
            and (not full_time or t.status is StudyStatus.FULL_TIME)
            and t.start <= last + timedelta(days=6)
            and t.end >= first
        ]
    return tuple(dict.fromkeys(docs))


def _hours_in_window(ctx: Context, jobs: list[JobWeek]) -> float:
    return sum(
        h
        for j in jobs
        for i, h in enumerate(j.creditable)
        if h > 0 and _in_cec_window(ctx, j.day(i))
    )


@rule(
    "EV301",
    "student.fulltime_work_excluded",
    B,
    programs=[Program.CEC, Program.CRS],
    cites=["R-STU-1"],
    summary="Work during full-time study does not count for CEC/CRS Canadian experience",
    what="Canadian work weeks that overlap a full-time academic session are excluded; weeks in a "
    "scheduled break between full-time sessions are excluded by default [UNC].",
    why="IRPR 87.1(3)(a) and the Ministerial Instructions exclude periods of full-time study "
    "(R-STU-1; Help Centre Q394).",
    example="A 20 h/week job held during two full-time college semesters.",
    fix="Nothing to fix for those weeks; count the hours worked after studies ended (e.g. on a "
    "PGWP).",
)
def fulltime_work_excluded(ctx: Context) -> Iterator[Hit]:
    jobs = ctx.ledger.jobs()
    study = [j for j in jobs if j.fulltime_student and CEC.lifting("study")(j) is not False]
    breaks = [j for j in jobs if j.break_between_fulltime and CEC.lifting("break")(j)]
    h_study, h_break = _hours_in_window(ctx, study), _hours_in_window(ctx, breaks)
    if h_study > 0:
        needed = ctx.needed_for_cec("study")
        yield Hit(
            f"{h_study:,.0f} h of Canadian work during full-time study were excluded from "
            "CEC" + (" — without them CEC is not met." if needed else "."),
            severity=B if needed else INFO,
            subject=study[0].position,
            documents=_evidence(ctx, study),
        )
    if h_break > 0:
        yield Hit(
            f"{h_break:,.0f} h worked in scheduled breaks between full-time sessions were "
            "excluded by default; their treatment for CEC is unconfirmed [UNC].",
            severity=W,
            disputed=True,
            subject=breaks[0].position,
            documents=_evidence(ctx, breaks),
        )
    pt = [j for j in jobs if j.parttime_student and j.canadian and not j.remote_foreign]
    if pt and _study_permit_holder(ctx):
        yield Hit(
            "Some Canadian work was done during part-time study on a study permit; it is "
            "counted (the regulation excludes full-time study only), but Help Centre Q377 "
            "words the exclusion more widely (D4).",
            severity=INFO,
            disputed=True,
            subject=pt[0].position,
        )


# --- off-campus weekly limit --------------------------------------------------------------------


@dataclass(frozen=True)
class Regime:
    cap: float
    waiver: str  # "none" | "lifted" | "unknown" | "disputed"
    soft_upto: float | None
    soft_over: float | None
    soft_severity: str | None
    soft_why: str


def regime_on(policy: Policy, d: date, sp_app_date: date | None) -> Regime:
    """The off-campus rule in force on day `d` (R-OFFC-1..5, D2, D3)."""
    cap = float(policy.value("offcampus_weekly_cap", d))
    waiver = "none"
    dv = policy.dated("offcampus_waiver", d)
    if dv is not None:
        if sp_app_date is None:
            waiver = "unknown"
        else:
            cohorts = sorted(dv.value, key=lambda c: c["sp_app_received_by"])
            cohort = next((c for c in cohorts if sp_app_date <= c["sp_app_received_by"]), None)
            if cohort is not None:
                if d >= cohort["from"]:
                    waiver = "lifted"
                elif "disputed_before" in cohort and d < cohort["disputed_before"]:
                    waiver = "disputed"
    soft = policy.dated("offcampus_soft_zones", d)
    sv = soft.value if soft else {}
    return Regime(
        cap, waiver, sv.get("upto"), sv.get("over"), sv.get("severity"), sv.get("why", "")
    )


def _judge(hours: float, r: Regime) -> tuple[Severity, str] | None:
    if r.waiver == "lifted":
        return None
    if hours <= r.cap + 1e-9:
        if r.soft_over is not None and hours > r.soft_over + 1e-9 and r.soft_severity == "info":
            return INFO, f"within the {r.cap:g} h cap, but {r.soft_why}"
        return None
    if r.waiver == "unknown":
        return W, (
            "the study-permit application date is unknown, so whether the 2022-24 "
            "waiver lifted the cap cannot be told"
        )
    if r.waiver == "disputed":
        return W, "the waiver's start for this cohort is disputed (D3)"
    if r.soft_upto is not None and hours <= r.soft_upto + 1e-9 and r.soft_severity == "warning":
        return W, r.soft_why
    return E, ""


@rule(
    "EV302",
    "student.offcampus_cap_exceeded",
    E,
    programs=[Program.SP, Program.CEC, Program.PGWP],
    cites=["R-OFFC-8", "R-OFFC-1", "R-OFFC-2", "R-OFFC-3", "R-OFFC-4", "R-OFFC-5", "R-OFFC-6"],
    summary="Off-campus hours above the weekly limit in an academic session",
    what="Sums off-campus hours (all jobs; not on-campus work, not remote work for a foreign "
    "employer, not valid scheduled breaks) per ISO week and compares them with the limit in force "
    "on the days worked: 20 h to 14 Nov 2022, no cap for the 2022-24 waiver cohorts, 20 h from 1 "
    "May 2024, 24 h from 8 Nov 2024. A week split by a change is judged per part.",
    why="Exceeding the limit breaks study-permit conditions (IRPR 186(v)) and makes 186(w) "
    "unavailable while a PGWP is pending (R-OFFC-8, R-AUTH-4).",
    example="25 h worked off campus in the session week of 18 Nov 2024.",
    fix="Check the hours on pay records; if they are right, get legal advice before filing.",
)
def offcampus_cap_exceeded(ctx: Context) -> Iterator[Hit]:
    if not _study_permit_holder(ctx):
        return
    by_sev: dict[Severity, list[str]] = {}
    notes: dict[Severity, str] = {}
    over: dict[Severity, list[JobWeek]] = {}
    for week in ctx.ledger.weeks:
        jobs = [
            j
            for j in week.jobs
            if j.session == "session" and not j.on_campus and j.canadian and not j.remote_foreign
        ]
        if not jobs:
            continue
        segments: list[tuple[Regime, float, date]] = []
        for i in range(7):
            d = jobs[0].day(i)
            r = regime_on(ctx.policy, d, ctx.case.sp_app_date)
            h = sum(j.daily[i] for j in jobs)
            if segments and segments[-1][0] == r:
                segments[-1] = (r, segments[-1][1] + h, segments[-1][2])
            else:
                segments.append((r, h, d))
        for r, h, first in segments:
            verdict = _judge(h, r)
            if verdict:
                sev, why = verdict
                label = week.week if len(segments) == 1 else f"{week.week} from {first}"
                by_sev.setdefault(sev, []).append(f"{label}: {h:g} h (limit {r.cap:g})")
                notes.setdefault(sev, why)
                over.setdefault(sev, []).extend(jobs)
    for sev, weeks in by_sev.items():
        shown = "; ".join(weeks[:6]) + (f"; and {len(weeks) - 6} more" if len(weeks) > 6 else "")
        why = f" Lower severity: {notes[sev]}." if notes[sev] else ""
        yield Hit(
            f"Off-campus hours above the weekly limit in {len(weeks)} week(s): {shown}.{why}",
            severity=sev,
            disputed=sev is W,
            documents=_evidence(ctx, over[sev], full_time=False),
        )


@rule(
    "EV303",
    "student.remote_foreign_employer",
    W,
    programs=[Program.CRS, Program.CBS, Program.SP],
    cites=["R-FOR-3", "R-STU-5"],
    disputed=True,
    summary="Remote work from Canada for a foreign employer [DISPUTED]",
    what="Work done physically in Canada, remotely, for an employer outside Canada.",
    why="Whether it counts as foreign experience is disputed (R-FOR-3, D1). For a study-permit "
    "holder it does not count against the off-campus limit (R-STU-5).",
    example="A student in Toronto working 35 h/week remotely for a US company.",
    fix="Supply the contract showing the employer's country, payroll records from abroad, an "
    "explanation letter and proof the role does not serve the Canadian market.",
)
def remote_foreign_employer(ctx: Context) -> Iterator[Hit]:
    remote = {j.position for j in ctx.ledger.jobs() if j.remote_foreign}
    for p in ctx.case.positions:
        if p.id not in remote:
            continue
        missing = [
            *remote_foreign_gaps(ctx, p),
            "proof the role does not serve the Canadian market",
        ]
        sp = (
            " As a study-permit holder these hours are not counted against the off-campus limit."
            if _study_permit_holder(ctx)
            else ""
        )
        yield Hit(
            f"{ctx.label(p)}: remote work from Canada for an employer outside Canada; "
            "classing it as foreign experience is disputed (R-FOR-3), so it is not "
            f"counted as foreign or Canadian.{sp} Missing: {'; '.join(missing)}.",
            documents=ctx.documents(p),
            subject=p.id,
        )


@rule(
    "EV304",
    "student.unauthorized_work",
    E,
    programs=[Program.SP, Program.CEC],
    cites=["R-OFFC-7", "R-STU-7"],
    summary="Student work outside the study permit's conditions",
    what="Off-campus work before the program started or while part-time (not in the final "
    "session), and co-op work without the needed co-op permit (before 1 Apr 2026), when no work "
    "permit covers it.",
    why="Off-campus work needs full-time study in a started program (R-OFFC-7); co-op work "
    "needed a co-op permit before 1 Apr 2026 (R-STU-7).",
    example="Off-campus work from 1 August; classes start on 5 September.",
    fix="Check dates against the enrolment letter and permits; get legal advice before filing.",
)
def unauthorized_work(ctx: Context) -> Iterator[Hit]:
    if not _study_permit_holder(ctx):
        return
    positions = {p.id: p for p in ctx.case.positions}
    program_start = _program_start(ctx)
    found = _unauthorised_work(ctx, positions, program_start)
    reasons = [
        *(
            (pid, f"off-campus work from {d}, before the program started on {program_start}", None)
            for pid, d in found.early.items()
        ),
        *(
            (
                pid,
                f"off-campus work while studying part-time (not the final session), from {w}",
                None,
            )
            for pid, w in found.parttime.items()
        ),
        *((pid, f"co-op work from {d}: {why}", sev) for pid, (d, sev, why) in found.coop.items()),
    ]
    for pid, why, sev in reasons:
        p = positions[pid]
        yield position_hit(ctx, p, f"{ctx.label(p)}: {why}.", severity=sev)


@dataclass
class _Unauthorised:
    """The first unauthorised day (or week) of each position, by reason."""

    early: dict[str, date] = field(default_factory=dict)  # off campus before the program started
    parttime: dict[str, str] = field(default_factory=dict)  # off campus while part-time (a week)
    coop: dict[str, tuple[date, Severity, str]] = field(default_factory=dict)  # co-op conditions


def _program_start(ctx: Context) -> date | None:
    starts = [sp.start for sp in ctx.case.study_programs if sp.start]
    starts += [t.start for t in ctx.case.study_terms]
    return min(starts) if starts else None


def _covered(permits: list[Permit], d: date) -> bool:
    return any(p.valid_from <= d <= p.valid_to for p in permits)


def _unauthorised_work(
    ctx: Context, positions: dict[str, Position], program_start: date | None
) -> _Unauthorised:
    """Canadian student work on days no work permit covers, that the study permit does not allow."""
    work_types = (PermitType.WORK_OPEN, PermitType.PGWP, PermitType.WORK_EMPLOYER_SPECIFIC)
    work_permits = [p for p in ctx.case.permits if p.type in work_types]
    found = _Unauthorised()
    for j in ctx.ledger.jobs():
        if not j.canadian or j.remote_foreign:
            continue
        for i, h in enumerate(j.daily):
            d = j.day(i)
            if h <= 0 or _covered(work_permits, d):
                continue
            if j.coop:
                problem = _coop_problem(ctx, positions[j.position], d)
                if problem:
                    found.coop.setdefault(j.position, (d, *problem))
            elif j.on_campus:  # allowed by the study permit itself
                continue
            elif program_start and d < program_start:
                found.early.setdefault(j.position, d)
            elif j.parttime_student and not j.final_session:
                found.parttime.setdefault(j.position, j.week)
    return found


def _coop_problem(ctx: Context, p: Position, d: date) -> tuple[Severity, str] | None:
    """Why co-op work on day `d` breaks the study permit's conditions (R-STU-7), if it does."""
    if ctx.param("coop_permit_required", d):
        coop_permits = [x for x in ctx.case.permits if x.type is PermitType.COOP]
        return None if _covered(coop_permits, d) else (E, "no co-op work permit")
    if p.coop_mandatory is False or (p.coop_share_of_program or 0) > ctx.param(
        "coop_max_share_of_program", d
    ):
        return W, "the placement must be mandatory and at most 50 % of the program"
    return None
