"""Programs computed from the ledger: CEC, FSW, CRS (Canadian and foreign), category-based
selection. Each gives an `Experience`: status, hours, window, the date the threshold is met and the
date it lapses as the window slides (R-WIN-6), months still needed, points.

Two sums are kept: `sure` counts only weeks whose every deciding fact is known to qualify,
`possible` also counts weeks where a fact is unknown. met: sure >= threshold; not_met: possible <
threshold (and no position has unknown hours); otherwise indeterminate.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from checks import params
from checks.dates import DAY, Window, months_between, shift_years, years_before
from checks.ledger import JobWeek, Ledger
from checks.models import Case, Frozen

Status = Literal["met", "not_met", "indeterminate"]
ProgramKey = Literal["cec", "fsw", "foreign", "cbs", "crs_can"]
Tri = bool | None
Eligible = Callable[[JobWeek], Tri]


class Experience(Frozen):
    program: ProgramKey
    status: Status
    anchor: date  # the date that governs the window
    anchor_kind: Literal["application_date", "ita_date"] = "application_date"
    threshold_hours: float
    qualifying_hours: float
    possible_hours: float
    fte_years: float
    window: Window | None = None
    date_met: date | None = None
    date_met_projected: bool = False  # at the current weekly average, from the as-of date on
    date_lapses: date | None = None  # first date it is no longer met, if no more hours are added
    months_needed: float | None = None
    weekly_average: float | None = None
    points: int | None = None  # CRS points (foreign: transferability; crs_can: core) / FSW grid
    points_before_caps: int | None = None
    noc: str | None = None
    disputed_hours: float = 0.0
    uncertain: bool = False  # the requirement itself rests on [UNC]/[DISPUTED] ground
    notes: tuple[str, ...] = ()


# --- daily credit series ------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    """Credited hours per day (sorted), with prefix sums for half-open window sums."""

    days: tuple[date, ...]
    values: tuple[float, ...]
    prefix: tuple[float, ...]

    @classmethod
    def of(cls, per_day: dict[date, float]) -> Series:
        ds = tuple(sorted(d for d, v in per_day.items() if v > 0))
        vs = tuple(per_day[d] for d in ds)
        acc, prefix = 0.0, [0.0]
        for v in vs:
            acc += v
            prefix.append(acc)
        return cls(ds, vs, tuple(prefix))

    def total(self) -> float:
        return self.prefix[-1]

    def sum_in(self, start: date, end: date) -> float:
        """Hours credited on days in [start, end)."""
        return self.prefix[bisect_left(self.days, end)] - self.prefix[bisect_left(self.days, start)]

    def extended(self, start: date, per_week: float, until: date) -> Series:
        per_day = dict(zip(self.days, self.values, strict=True))
        d = start
        while d < until:
            if d.weekday() < 5:
                per_day[d] = per_day.get(d, 0.0) + per_week / 5
            d += DAY
        return Series.of(per_day)


def credit_series(
    ledger: Ledger, eligible: Eligible, cap: float, *, unknown_counts: bool
) -> Series:
    """Apply `eligible` per job-week (unknown facts, and the higher of letter and stub hours, count
    only if `unknown_counts`), drop days not authorised, cap each ISO week at `cap` across the
    jobs kept (R-HOURS-2) and spread the credit back over the days in proportion."""
    per_day: dict[date, float] = defaultdict(float)
    for week in ledger.weeks:
        kept: list[tuple[date, float]] = []
        for job in week.jobs:
            ok = eligible(job)
            if ok is False or (ok is None and not unknown_counts):
                continue
            hours_by_day = job.upper if unknown_counts else job.creditable
            for i, hours in enumerate(hours_by_day):
                if hours > 0 and job.authorised[i] is not False:
                    kept.append((job.day(i), hours))
        total = sum(h for _, h in kept)
        if total <= 0:
            continue
        scale = min(cap, total) / total
        for d, h in kept:
            per_day[d] += h * scale
    return Series.of(per_day)


def all_of(*facts: Tri) -> Tri:
    if any(f is False for f in facts):
        return False
    return None if any(f is None for f in facts) else True


# --- sliding windows ----------------------------------------------------------------------------


def met_on(series: Series, anchor: date, years: int, threshold: float) -> bool:
    """Threshold met in the window [anchor - years, anchor)."""
    return series.sum_in(shift_years(anchor, -years), anchor) >= threshold - 1e-9


@dataclass(frozen=True)
class Timing:
    date_met: date | None
    date_lapses: date | None
    projected: bool
    months_needed: float | None
    weekly_average: float | None


def sliding_timing(series: Series, as_of: date, years: int, threshold: float) -> Timing:
    """When the threshold is (or was, or would be at the current pace) met in a window of `years`
    before the anchor, and when it lapses as the window slides with no more hours (R-WIN-6)."""
    avg_weeks = params.value_at("current_average_weeks", as_of)
    avg = series.sum_in(as_of - timedelta(weeks=avg_weeks), as_of) / avg_weeks
    if not series.days:
        return Timing(None, None, False, None, avg)
    first = series.days[0] + DAY
    horizon = shift_years(max(as_of, series.days[-1]), years) + timedelta(days=2)
    streaks: list[tuple[date, date | None]] = []  # [met from, lapses on)
    d, on = first, False
    while d <= horizon:
        now = met_on(series, d, years, threshold)
        if now and not on:
            streaks.append((d, None))
        elif on and not now:
            streaks[-1] = (streaks[-1][0], d)
        on = now
        d += DAY
    current = [s for s in streaks if s[0] <= as_of and (s[1] is None or s[1] > as_of)]
    if current:
        return Timing(current[0][0], current[0][1], False, None, avg)
    projected = _projection(series, as_of, years, threshold, avg)
    months = projected[1] if projected else None
    past = [s for s in streaks if s[0] <= as_of]
    if past:  # met once, lapsed since: report that streak
        return Timing(past[-1][0], past[-1][1], False, months, avg)
    if projected:
        return Timing(projected[0], None, True, months, avg)
    return Timing(None, None, False, None, avg)


def _projection(
    series: Series, as_of: date, years: int, threshold: float, avg: float
) -> tuple[date, float] | None:
    """First anchor date on or after `as_of` at which the threshold is met if the current weekly
    average continues (R-HOURS-3), and the months from `as_of` to it."""
    if avg <= 0:
        return None
    until = shift_years(as_of, years + 1)
    future = series.extended(as_of, avg, until)
    d = as_of
    while d < until:
        if met_on(future, d, years, threshold):
            return d, round(months_between(as_of, d), 1)
        d += DAY
    return None


# --- eligibility predicates ---------------------------------------------------------------------


def cec_check(job: JobWeek, ignore: frozenset[str] = frozenset()) -> Tri:
    """R-WIN-1/R-WIN-4 with R-STU-1, R-SELF-2, R-PAID-1/2, R-FOR-4, R-AUTH-1 (day-level), R-SKILL-1.
    Facts that rest on [UNC]/[DISPUTED] ground give None (counted only as `possible`): remote work
    for a foreign employer (R-FOR-3), work in a scheduled break between full-time sessions (U4),
    self-employment suggested only by R-SELF-3 signals. `ignore` lifts named exclusions, to ask
    whether an exclusion is what breaks the threshold."""
    if job.fulltime_student and "study" not in ignore:
        return False
    if job.self_employed is True and "self_employed" not in ignore:
        return False
    canadian = job.canadian
    if "outside_canada" in ignore and job.canadian is False and job.employer_canadian:
        canadian = True
    paid = True if "unpaid" in ignore else job.paid
    disputed = (
        (job.remote_foreign and "remote_foreign" not in ignore)
        or (job.break_between_fulltime and "break" not in ignore)
        or (job.self_employed is None and "self_employed" not in ignore)
    )
    return all_of(canadian, paid, job.skilled, None if disputed else True)


def cec_eligible(job: JobWeek) -> Tri:
    return cec_check(job)


def fsw_eligible(job: JobWeek) -> Tri:
    """R-HOURS-7, R-STU-2: paid, skilled; students and self-employment not excluded."""
    if job.remote_foreign:
        return None  # classification disputed (R-FOR-3)
    return all_of(job.paid, job.skilled)


def foreign_eligible(job: JobWeek) -> Tri:
    """R-WIN-5, R-STU-4: paid skilled work physically outside Canada."""
    if job.remote_foreign:
        return False  # reported apart as disputed hours
    outside = None if job.canadian is None else not job.canadian
    return all_of(outside, job.paid, job.skilled)


def remote_foreign_eligible(job: JobWeek) -> Tri:
    return all_of(job.remote_foreign, job.paid, job.skilled)


# --- program computations -----------------------------------------------------------------------


def _status(sure: float, possible: float, threshold: float, unknown: bool) -> Status:
    if sure >= threshold - 1e-9:
        return "met"
    if possible < threshold - 1e-9 and not unknown:
        return "not_met"
    return "indeterminate"


def _cap(as_of: date) -> float:
    return float(params.value_at("weekly_credit_cap", as_of))


def _one_year(as_of: date) -> float:
    return float(params.value_at("one_year_hours", as_of))


def window_experience(
    key: ProgramKey,
    ledger: Ledger,
    eligible: Eligible,
    anchor: date,
    years: int,
    *,
    anchor_kind: Literal["application_date", "ita_date"] = "application_date",
    notes: Iterable[str] = (),
) -> tuple[Experience, Series]:
    cap, threshold = _cap(anchor), _one_year(anchor)
    sure = credit_series(ledger, eligible, cap, unknown_counts=False)
    possible = credit_series(ledger, eligible, cap, unknown_counts=True)
    w = years_before(anchor, years)
    s_hours = sure.sum_in(w.start, w.end)
    p_hours = possible.sum_in(w.start, w.end)
    timing = sliding_timing(sure, anchor, years, threshold)
    # Unknown hours need no flag: the possible series credits them at the weekly cap, a true
    # upper bound. A position without a start date could count anywhere.
    status = _status(s_hours, p_hours, threshold, bool(ledger.undated))
    exp = Experience(
        program=key,
        status=status,
        anchor=anchor,
        anchor_kind=anchor_kind,
        threshold_hours=threshold,
        qualifying_hours=round(s_hours, 2),
        possible_hours=round(p_hours, 2),
        fte_years=round(s_hours / threshold, 3),
        window=w,
        date_met=timing.date_met,
        date_met_projected=timing.projected,
        date_lapses=timing.date_lapses,
        months_needed=timing.months_needed if status != "met" else None,
        weekly_average=round(timing.weekly_average, 2) if timing.weekly_average else None,
        notes=tuple(notes),
    )
    return exp, sure


def cec(case: Case, ledger: Ledger) -> Experience:
    years = params.value_at("cec_window_years", case.application_date)
    exp, sure = window_experience("cec", ledger, cec_eligible, case.application_date, years)
    # R-WIN-1: minimum entry criteria must also be met at the invitation.
    ita = case.ita_date
    if (
        ita is not None
        and exp.status == "met"
        and not met_on(sure, ita, years, exp.threshold_hours)
    ):
        at_ita = sure.sum_in(shift_years(ita, -years), ita)
        note = f"Met at the application date but not at the ITA date {ita} ({at_ita:,.0f} h)."
        exp = exp.model_copy(update={"status": "not_met", "notes": (*exp.notes, note)})
    return exp


def crs_canadian(case: Case, ledger: Ledger) -> Experience:
    as_of = case.application_date
    years = params.value_at("crs_canadian_window_years", as_of)
    exp, _ = window_experience("crs_can", ledger, cec_eligible, as_of, years)
    full_years = min(5, math.floor(exp.qualifying_hours / exp.threshold_hours + 1e-9))
    table = params.value_at("crs_canadian_points", as_of)
    row = table["spouse" if case.accompanying_spouse else "single"]
    points = row[full_years - 1] if full_years >= 1 else 0
    return exp.model_copy(
        update={"points": points, "uncertain": True, "notes": ("CRS core points are [UNC]",)}
    )


def _bucket(years: int) -> str | None:
    return None if years < 1 else ("one_two" if years <= 2 else "three_plus")


def foreign(case: Case, ledger: Ledger, canadian_years: int) -> Experience:
    as_of = case.application_date
    years = params.value_at("crs_foreign_window_years", as_of)
    exp, _ = window_experience("foreign", ledger, foreign_eligible, as_of, years)
    w = exp.window
    assert w is not None
    disputed = credit_series(ledger, remote_foreign_eligible, _cap(as_of), unknown_counts=False)
    full_years = math.floor(exp.qualifying_hours / exp.threshold_hours + 1e-9)
    bucket = _bucket(full_years)
    notes = list(exp.notes)
    lang_points = can_points = 0
    if bucket:
        first = next((r for r in case.language if r.role == "first"), None)
        if first is None:
            notes.append("no first-language result: language combination not scored")
        else:
            table = params.value_at("crs_foreign_x_language", as_of)
            level = "clb9" if first.min_clb >= 9 else ("clb7" if first.min_clb >= 7 else None)
            lang_points = table[level][bucket] if level else 0
        table = params.value_at("crs_foreign_x_canadian", as_of)
        can_level = None if canadian_years < 1 else ("can1" if canadian_years == 1 else "can2")
        can_points = table[can_level][bucket] if can_level else 0
    before = lang_points + can_points
    cap = params.value_at("crs_caps", as_of)["foreign_combinations"]
    return exp.model_copy(
        update={
            "points": min(before, cap),
            "points_before_caps": before,
            "disputed_hours": round(disputed.sum_in(w.start, w.end), 2),
            "notes": tuple(notes),
        }
    )


# --- FSW: one continuous year in one NOC --------------------------------------------------------


@dataclass(frozen=True)
class Run:
    noc: str | None
    start: date
    end: date  # last day with credit
    hours: float
    crossed: date | None  # day the run's credit reached one year
    latest_start: date | None  # start of the run's last one-year stretch


def continuous_runs(series: Series, noc: str | None, gap_weeks: int, threshold: float) -> list[Run]:
    """Split credited days into runs with no gap longer than `gap_weeks` weeks (R-HOURS-7)."""
    runs: list[list[int]] = []
    for i, d in enumerate(series.days):
        if runs and (d - series.days[runs[-1][-1]]).days <= 7 * (gap_weeks + 1):
            runs[-1].append(i)
        else:
            runs.append([i])
    out = []
    for idx in runs:
        vals = [series.values[i] for i in idx]
        ds = [series.days[i] for i in idx]
        acc, crossed = 0.0, None
        for d, v in zip(ds, vals, strict=True):
            acc += v
            if crossed is None and acc >= threshold - 1e-9:
                crossed = d
        back, latest = 0.0, None
        for d, v in zip(reversed(ds), reversed(vals), strict=True):
            back += v
            if back >= threshold - 1e-9:
                latest = d
                break
        out.append(Run(noc, ds[0], ds[-1], acc, crossed, latest))
    return out


def fsw(case: Case, ledger: Ledger) -> Experience:
    as_of = case.application_date
    years = params.value_at("fsw_window_years", as_of)
    cap, threshold = _cap(as_of), _one_year(as_of)
    gap = params.value_at("vacation_weeks_per_52", as_of)
    w = years_before(as_of, years)
    codes = sorted({j.noc for j in ledger.jobs() if j.noc is not None})
    runs: list[Run] = []
    for code in codes:

        def in_noc(job: JobWeek, code: str = code) -> Tri:
            return fsw_eligible(job) if job.noc == code else False

        series = credit_series(ledger, in_noc, cap, unknown_counts=False)
        clipped = Series.of(
            {d: v for d, v in zip(series.days, series.values, strict=True) if d in w}
        )
        runs += continuous_runs(clipped, code, gap, threshold)
    qualifying = [r for r in runs if r.crossed is not None]
    best = max(runs, key=lambda r: r.hours, default=None)
    all_skilled = credit_series(ledger, fsw_eligible, cap, unknown_counts=False)
    skilled_hours = all_skilled.sum_in(w.start, w.end)
    possible = credit_series(ledger, fsw_eligible, cap, unknown_counts=True).sum_in(w.start, w.end)
    hours_unknown = bool(ledger.undated)
    noc_unknown = any(j.noc is None and fsw_eligible(j) is not False for j in ledger.jobs())
    if qualifying:
        status: Status = "met"
    elif (
        hours_unknown
        or (noc_unknown and possible >= threshold)
        or _possible_run(ledger, codes, w, cap, gap, threshold)
    ):
        # A needed fact is missing, or a year is reached on the facts that are only possible
        # (the higher of letter and stub hours [UNC], a doubtful NOC): not decidable (DESIGN §4).
        status = "indeterminate"
    else:
        status = "not_met"
    notes = []
    if not qualifying and skilled_hours >= threshold:
        notes.append(
            "a year only across several NOCs or with breaks: FSW needs one continuous year"
        )
    years_exp = math.floor(skilled_hours / threshold + 1e-9)
    grid = params.value_at("fsw_points", as_of)
    points = max((pts for min_years, pts in grid if years_exp >= min_years), default=0)
    lapses = None
    if qualifying:
        latest = max(r.latest_start for r in qualifying if r.latest_start)
        lapses = shift_years(latest, years) + DAY
    chosen = min(qualifying, key=lambda r: r.crossed or date.max) if qualifying else best
    return Experience(
        program="fsw",
        status=status,
        anchor=as_of,
        threshold_hours=threshold,
        qualifying_hours=round(chosen.hours if chosen else 0.0, 2),
        possible_hours=round(possible, 2),
        fte_years=round(skilled_hours / threshold, 3),
        window=w,
        date_met=(chosen.crossed + DAY) if chosen and chosen.crossed else None,
        date_lapses=lapses,
        points=points,
        noc=chosen.noc if chosen else None,
        notes=tuple(notes),
    )


def _possible_run(
    ledger: Ledger, codes: list[str], w: Window, cap: float, gap: int, threshold: float
) -> bool:
    """A continuous year in one NOC when facts that are only possible are counted too."""
    for code in codes:

        def in_noc(job: JobWeek, code: str = code) -> Tri:
            return fsw_eligible(job) if job.noc == code else False

        series = credit_series(ledger, in_noc, cap, unknown_counts=True)
        clipped = Series.of(
            {d: v for d, v in zip(series.days, series.values, strict=True) if d in w}
        )
        if any(r.crossed for r in continuous_runs(clipped, code, gap, threshold)):
            return True
    return False


# --- category-based selection -------------------------------------------------------------------


def cbs(case: Case, ledger: Ledger) -> Experience:
    anchor = case.ita_date or case.application_date
    kind: Literal["application_date", "ita_date"] = (
        "ita_date" if case.ita_date else "application_date"
    )
    notes: list[str] = []
    if case.ita_date is None:
        notes.append("no round date: assessed at the application date")
    rule = params.dated_value_at("cbs_experience", anchor)
    if rule is None:
        return Experience(
            program="cbs",
            status="not_met",
            anchor=anchor,
            anchor_kind=kind,
            threshold_hours=0,
            qualifying_hours=0,
            possible_hours=0,
            fte_years=0,
            notes=("no category-based selection before 31 May 2023",),
        )
    req = rule.value
    years = params.value_at("cbs_window_years", anchor)
    cap = _cap(anchor)
    w = years_before(anchor, years)
    categories = params.value_at("cbs_categories", anchor)
    category = case.cbs_category
    allowed: set[str] | None = None
    canadian_only = False
    if category and category in categories:
        allowed = set(categories[category]) or None
        canadian_only = category.endswith("_canadian_experience")

    def base(job: JobWeek) -> Tri:
        if job.remote_foreign:
            return None  # R-FOR-3, disputed
        if canadian_only:
            return all_of(job.canadian, cec_eligible(job))
        return all_of(job.paid, job.skilled)

    codes = sorted(
        {j.noc for j in ledger.jobs() if j.noc and (allowed is None or j.noc in allowed)}
    )
    full_time = params.value_at("full_time_weekly_hours", anchor)
    best: tuple[float, str | None, Series | None] = (0.0, None, None)
    met_strict = met_equiv = False
    for code in codes:

        def in_noc(job: JobWeek, code: str = code) -> Tri:
            return base(job) if job.noc == code else False

        series = credit_series(ledger, in_noc, cap, unknown_counts=False)
        hours = series.sum_in(w.start, w.end)
        if hours > best[0]:
            best = (hours, code, series)
        if req["version"] == "v2023":
            weekly = _weekly(series, w)
            if _longest_streak(weekly, lambda h: h >= full_time - 1e-9) >= req["weeks"]:
                met_strict = True
            clipped = Series.of(
                {d: v for d, v in zip(series.days, series.values, strict=True) if d in w}
            )
            if any(r.crossed for r in continuous_runs(clipped, code, 0, req["hours"])):
                met_equiv = True
        elif hours >= req["hours"] - 1e-9:
            met_strict = True
    threshold = float(req["hours"])
    unknown = bool(ledger.undated) or any(j.noc is None for j in ledger.jobs())
    uncertain = rule.uncertain or req["version"] == "v2026"
    if met_strict:
        status: Status = "met"
    elif met_equiv:
        status = "met"
        uncertain = True
        notes.append("met only on the part-time equivalence reading [UNC]")
    else:
        status = "indeterminate" if unknown else "not_met"
    date_met = lapses = None
    months = None
    if req["version"] == "v2026" and best[2] is not None:
        timing = sliding_timing(best[2], anchor, years, threshold)
        date_met, lapses, months = timing.date_met, timing.date_lapses, timing.months_needed
    return Experience(
        program="cbs",
        status=status,
        anchor=anchor,
        anchor_kind=kind,
        threshold_hours=threshold,
        qualifying_hours=round(best[0], 2),
        possible_hours=round(best[0], 2),
        fte_years=round(best[0] / _one_year(anchor), 3),
        window=w,
        date_met=date_met,
        date_lapses=lapses,
        months_needed=months if status != "met" else None,
        noc=best[1],
        uncertain=uncertain,
        notes=(f"requirement {req['version']}", *notes),
    )


def _weekly(series: Series, w: Window) -> list[tuple[date, float]]:
    weeks: dict[date, float] = defaultdict(float)
    for d, v in zip(series.days, series.values, strict=True):
        if d in w:
            weeks[d - timedelta(days=d.weekday())] += v
    return sorted(weeks.items())


def _longest_streak(weekly: list[tuple[date, float]], ok: Callable[[float], bool]) -> int:
    best = cur = 0
    prev: date | None = None
    for ws, h in weekly:
        if ok(h) and prev is not None and ws - prev == timedelta(weeks=1) and cur:
            cur += 1
        elif ok(h):
            cur = 1
        else:
            cur = 0
        prev = ws
        best = max(best, cur)
    return best


def compute_all(case: Case, ledger: Ledger) -> dict[ProgramKey, Experience]:
    crs_can = crs_canadian(case, ledger)
    can_years = math.floor(crs_can.qualifying_hours / crs_can.threshold_hours + 1e-9)
    return {
        "cec": cec(case, ledger),
        "fsw": fsw(case, ledger),
        "foreign": foreign(case, ledger, can_years),
        "cbs": cbs(case, ledger),
        "crs_can": crs_can,
    }
