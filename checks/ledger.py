"""The hours ledger: per ISO week and position, hours worked and the facts that decide which
program may count them (DESIGN §2 step 6).

Hours are spread over the weekdays a position covers (hours per week / 5 each); pay-record hours,
where a stub covers a day, are spread over the weekdays of its pay period (R-HOURS-6: actual hours
outrank the letter). `daily` holds hours worked; `creditable` the lower of letter and stub figures.
Days are kept (Monday..Sunday) so that half-open windows and mid-week rule changes cut exactly.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from operator import attrgetter
from typing import Literal

from rapidfuzz import fuzz, utils

from checks.dates import DAY, days, iso_week, monday, month_end_before, month_start_after
from checks.models import (
    Case,
    Frozen,
    PayKind,
    PayRecord,
    Permit,
    PermitType,
    Position,
    Precision,
    Relationship,
    StudyStatus,
)
from checks.occupation import claim_contradicted, is_skilled, position_code, tied_skill
from checks.params import Policy
from checks.stated_terms import contract_hours

Session = Literal["session", "break", "none"]
WEEK = 7


class Span(Frozen):
    """The days of a position the ledger credits (inclusive), and why they were cut."""

    position: str
    start: date
    end: date
    notes: tuple[str, ...] = ()


class JobWeek(Frozen):
    week: str
    week_start: date
    position: str
    employer: str
    daily: tuple[float, ...]  # hours worked, Monday..Sunday
    creditable: tuple[float, ...]  # lower of letter and pay-record hours (R-HOURS-6)
    upper: tuple[float, ...]  # higher of the two: what counts on the other reading [UNC]
    authorised: tuple[bool | None, ...]  # per day; None: not assessable (no permits, not in Canada)
    hours_known: bool
    canadian: bool | None  # work physically in Canada
    employer_canadian: bool | None
    remote_foreign: bool  # in Canada, remotely, for an employer outside Canada
    on_campus: bool
    coop: bool
    session: Session
    fulltime_student: bool
    parttime_student: bool
    final_session: bool
    break_between_fulltime: bool
    paid: bool | None
    self_employed: bool | None  # True: declared; None: suspected from R-SELF-3 signals [UNC]
    skilled: bool | None
    noc: str | None

    @property
    def hours(self) -> float:
        return sum(self.daily)

    @property
    def creditable_hours(self) -> float:
        return sum(self.creditable)

    def day(self, i: int) -> date:
        return self.week_start + timedelta(days=i)

    def facts_key(self) -> tuple:
        """Every field but the week and its day-by-day figures: what an eligibility may decide on,
        so one verdict serves each week of a position whose facts do not change."""
        return _fact_values(self)


_DAY_FIELDS = {"week", "week_start", "daily", "creditable", "upper", "authorised", "hours_known"}
_fact_values = attrgetter(*(f for f in JobWeek.model_fields if f not in _DAY_FIELDS))


class WeekRow(Frozen):
    week: str
    week_start: date
    jobs: tuple[JobWeek, ...]
    hours: float
    cap: float  # the weekly credit cap in force that week (R-HOURS-2), applied by `credit`


class Ledger(Frozen):
    weeks: tuple[WeekRow, ...]
    spans: tuple[Span, ...]
    unknown_hours: tuple[str, ...]  # positions whose hours cannot be computed
    undated: tuple[str, ...]  # positions without a start date

    def jobs(self) -> list[JobWeek]:
        return [j for w in self.weeks for j in w.jobs]

    def span(self, position: str) -> Span | None:
        return next((s for s in self.spans if s.position == position), None)


# --- spans --------------------------------------------------------------------------------------


def position_span(case: Case, p: Position) -> Span | None:
    if p.start is None:
        return None
    notes: list[str] = []
    start = p.start.value
    if p.start_precision is Precision.MONTH:
        start = month_start_after(start)
        notes.append("start given as month only: credited from the first day of the next month")
    letter = case.letter(p.letter) if p.letter else None
    letter_date = letter.letter_date.value if letter and letter.letter_date else None
    if p.end is not None:
        end = p.end.value
        if p.end_precision is Precision.MONTH:
            end = month_end_before(end)
            notes.append("end given as month only: credited to the last day of the month before")
    else:
        end = letter_date or case.application_date - DAY
    if letter_date is not None and end > letter_date:
        end = letter_date
        notes.append(f"cut at the letter date {letter_date.isoformat()}")
    if end >= case.application_date:
        end = case.application_date - DAY
        notes.append("cut at the day before the application date")
    if end < start:
        return None
    return Span(position=p.id, start=start, end=end, notes=tuple(notes))


# --- hours --------------------------------------------------------------------------------------


def _stub_daily(records: list[PayRecord]) -> dict[date, float]:
    out: dict[date, float] = {}
    for r in records:
        if r.hours is None:
            continue
        period = list(days(r.period_start, r.period_end))
        workdays = [d for d in period if d.weekday() < 5] or period
        for d in workdays:
            out[d] = out.get(d, 0.0) + r.hours / len(workdays)
    return out


# --- study status -------------------------------------------------------------------------------


class _Study:
    """Per-day study status from terms and scheduled breaks (R-STU-1, R-OFFC-6)."""

    def __init__(self, case: Case, policy: Policy) -> None:
        self.ft: set[date] = set()
        self.pt: set[date] = set()
        self.final: set[date] = set()
        self.valid_break: set[date] = set()
        self.declared_break: set[date] = set()  # invalid break days are treated as session days
        terms = sorted(case.study_terms, key=lambda t: t.start)
        for t in terms:
            target = self.ft if t.status is StudyStatus.FULL_TIME else self.pt
            for d in days(t.start, t.end):
                target.add(d)
                if t.is_final:
                    self.final.add(d)
        for start, end in _merged_breaks(case):
            self.declared_break.update(days(start, end))
            before = [t for t in terms if t.end < start]
            after = [t for t in terms if t.start > end]
            if not before or not after:
                continue  # no work in a break before the first session (R-OFFC-6)
            if before[-1].status is not StudyStatus.FULL_TIME:
                continue
            if after[0].status is not StudyStatus.FULL_TIME:
                continue
            max_days = policy.value("scheduled_break_max_days", start)  # set by the work date
            limit = start + timedelta(days=max_days - 1)
            for d in days(start, min(end, limit)):
                self.valid_break.add(d)

    def week(self, week_start: date) -> tuple[Session, bool, bool, bool, bool]:
        wdays = [week_start + timedelta(days=i) for i in range(WEEK)]
        ft = any(d in self.ft for d in wdays)
        pt = any(d in self.pt for d in wdays) and not ft
        final = any(d in self.final for d in wdays)
        if ft or pt:
            return "session", ft, pt, final, False
        if any(d in self.declared_break and d not in self.valid_break for d in wdays):
            return "session", False, False, False, False  # R-OFFC-6: not a qualifying break
        if any(d in self.valid_break for d in wdays):
            return "break", False, False, False, True
        return "none", False, False, False, False


def _merged_breaks(case: Case) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for b in sorted(case.scheduled_breaks, key=lambda b: b.start):
        if merged and b.start <= merged[-1][1] + DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b.end))
        else:
            merged.append((b.start, b.end))
    return merged


# --- authorisation ------------------------------------------------------------------------------


def same_employer(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(a, b, processor=utils.default_process) >= 90


def pgwp_app_date(case: Case) -> date | None:
    if case.pgwp_app_date is not None:
        return case.pgwp_app_date
    return next((p.applied_on for p in case.permits if p.type is PermitType.PGWP), None)


def _permit_valid(permit: Permit, d: date, as_of: date) -> bool:
    if permit.valid_from <= d <= permit.valid_to:
        return True
    maintained = (
        permit.extension_filed_on is not None and permit.extension_filed_on <= permit.valid_to
    )
    return maintained and permit.valid_to < d <= (permit.maintained_until or as_of)


def authorised_on(case: Case, p: Position, employer_name: str, d: date, policy: Policy) -> bool:
    """R-AUTH-1..4: is work for this position on day `d` covered by a permit in the file?"""
    for permit in case.permits:
        if not _permit_valid(permit, d, case.application_date):
            continue
        if permit.type in (PermitType.WORK_OPEN, PermitType.PGWP):
            return True
        if permit.type is PermitType.WORK_EMPLOYER_SPECIFIC:
            named = permit.employer_named
            if named is None or same_employer(named.value, employer_name):
                return True
        if permit.type is PermitType.COOP and p.coop:
            return True
        if permit.type is PermitType.STUDY:
            if p.coop:
                if not policy.value("coop_permit_required", d):
                    return True
            elif p.on_campus or permit.off_campus_authorized is not False:
                return True
    return _covered_by_186w(case, d)


def _covered_by_186w(case: Case, d: date) -> bool:
    """R-AUTH-4: after completing the program, while a PGWP applied for in time is pending."""
    applied = pgwp_app_date(case)
    if applied is None or d < applied:
        return False
    completed = [sp.completion_date for sp in case.study_programs if sp.completion_date]
    if not completed or min(completed) > applied:
        return False
    study_permits = [x for x in case.permits if x.type is PermitType.STUDY]
    if not any(applied <= x.valid_to for x in study_permits):
        return False
    pgwp = [x for x in case.permits if x.type is PermitType.PGWP]
    approved = min((x.valid_from for x in pgwp), default=None)
    return approved is None or d < approved


# --- the ledger ---------------------------------------------------------------------------------


def is_paid(p: Position) -> bool | None:
    rel = p.relationship.value if p.relationship else None
    if rel in (Relationship.VOLUNTEER, Relationship.UNPAID_INTERN):
        return False
    if p.pay_kind is PayKind.IN_KIND:
        return False
    if p.pay is not None:
        return p.pay.value.amount > 0
    return None


def self_employment_signal_count(case: Case, p: Position) -> int:
    signals = {s.value for s in p.self_employment_signals}
    stubs = [r for r in case.pay_records if r.position == p.id and r.deductions is not None]
    if stubs and all(not _statutory(r) for r in stubs) and _country(case, p) == "CA":
        signals.add("no_statutory_deductions")
    if any(
        s.kind == "T4A" and s.fees_for_services and s.employer == p.employer for s in case.tax_slips
    ):
        signals.add("t4a_fees")
    return len(signals)


def _statutory(r: PayRecord) -> bool:
    return any(
        d.value in {"income_tax", "cpp", "qpp", "ei", "other_statutory"} for d in r.deductions or ()
    )


def is_self_employed(case: Case, p: Position, policy: Policy) -> bool | None:
    """True when declared; None when only R-SELF-3 signals suggest it (an [UNC] analogy)."""
    if p.relationship is not None and p.relationship.value is Relationship.SELF_EMPLOYED:
        return True
    limit = policy.value("self_employment_signals")["error"]
    return None if self_employment_signal_count(case, p) >= limit else False


def _country(case: Case, p: Position) -> str | None:
    """Where the work was physically done: stated, else the employer's country unless remote."""
    if p.work_country is not None:
        return p.work_country.value.upper()
    if p.remote:
        return None
    employer = case.employer(p.employer)
    return employer.country.value.upper() if employer.country else None


def work_country(case: Case, p: Position) -> str | None:
    return _country(case, p)


def _week_row(week_start: date, jobs: list[JobWeek], policy: Policy) -> WeekRow:
    return WeekRow(
        week=iso_week(week_start),
        week_start=week_start,
        jobs=tuple(jobs),
        hours=sum(j.hours for j in jobs),
        cap=float(policy.value("weekly_credit_cap", week_start)),
    )


def build_ledger(case: Case, policy: Policy) -> Ledger:
    study = _Study(case, policy)
    spans: list[Span] = []
    unknown: list[str] = []
    undated: list[str] = []
    by_week: dict[date, list[JobWeek]] = defaultdict(list)
    for p in case.positions:
        span = position_span(case, p)
        if span is None:
            if p.start is None:
                undated.append(p.id)
            continue
        spans.append(span)
        employer = case.employer(p.employer)
        stubs = _stub_daily([r for r in case.pay_records if r.position == p.id])
        # The letter's hours, else those an offer or contract for the same position states.
        weekly = p.hours_per_week or (found[0] if (found := contract_hours(p)) else None)
        letter_rate = weekly.value / 5 if weekly is not None else None
        known = letter_rate is not None or bool(stubs)
        if not known:
            unknown.append(p.id)
        country = _country(case, p)
        canadian = None if country is None else country == "CA"
        emp_country = employer.country.value.upper() if employer.country else None
        employer_canadian = None if emp_country is None else emp_country == "CA"
        remote_foreign = bool(canadian and p.remote and emp_country not in (None, "CA"))
        check_auth = bool(case.permits) and canadian is True and not remote_foreign
        code = position_code(p)
        skilled = is_skilled(code, policy) if code is not None else tied_skill(p, policy)
        if skilled and claim_contradicted(p, policy):
            # The duties describe TEER 4/5 work (noc.teer_not_skilled): as described, not
            # skilled; a letter describing skilled duties would change that.
            skilled = False
        paid = is_paid(p)
        self_emp = is_self_employed(case, p, policy)
        week_start = monday(span.start)
        while week_start <= span.end:
            worked, credit, upper, auth = [], [], [], []
            for i in range(WEEK):
                d = week_start + timedelta(days=i)
                on = span.start <= d <= span.end
                letter = letter_rate if on and d.weekday() < 5 else 0.0
                stub = stubs.get(d) if on else None
                if stub is not None:
                    worked.append(stub)
                    credit.append(min(stub, letter) if letter_rate is not None else stub)
                    upper.append(max(stub, letter) if letter_rate is not None else stub)
                else:
                    worked.append(letter or 0.0)
                    credit.append(letter or 0.0)
                    # unknown hours: the most a weekday could add is its share of the cap
                    most = (
                        policy.value("weekly_credit_cap", d) / 5
                        if not known and on and d.weekday() < 5
                        else 0.0
                    )
                    upper.append(letter or most)
                auth.append(
                    authorised_on(case, p, employer.name.value, d, policy)
                    if check_auth and on and worked[-1] > 0
                    else None
                )
            session, ft, pt, final, brk = study.week(week_start)
            if any(worked) or not known:
                by_week[week_start].append(
                    JobWeek(
                        week=iso_week(week_start),
                        week_start=week_start,
                        position=p.id,
                        employer=p.employer,
                        daily=tuple(worked),
                        creditable=tuple(credit),
                        upper=tuple(upper),
                        authorised=tuple(auth),
                        hours_known=known,
                        canadian=canadian,
                        employer_canadian=employer_canadian,
                        remote_foreign=remote_foreign,
                        on_campus=p.on_campus,
                        coop=p.coop,
                        session=session,
                        fulltime_student=ft,
                        parttime_student=pt,
                        final_session=final,
                        break_between_fulltime=brk,
                        paid=paid,
                        self_employed=self_emp,
                        skilled=skilled,
                        noc=code,
                    )
                )
            week_start += timedelta(days=WEEK)
    weeks = tuple(_week_row(ws, jobs, policy) for ws, jobs in sorted(by_week.items()))
    return Ledger(
        weeks=weeks, spans=tuple(spans), unknown_hours=tuple(unknown), undated=tuple(undated)
    )
