"""Category-based selection (R-CBS): experience in one eligible NOC before the round date, under
the requirement version in force on that date (v2023: 6 continuous months full-time; v2026:
12 months, read as 1,560 h [UNC])."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from checks.credit import Series, credit
from checks.dates import Window, years_before
from checks.eligibility import CEC, Eligibility, Tri
from checks.fsw import continuous_runs
from checks.ledger import JobWeek, Ledger
from checks.models import Case
from checks.params import Policy
from checks.programs import AnchorKind, Experience, Status
from checks.windows import sliding_timing


@dataclass(frozen=True)
class _Best:
    hours: float = 0.0
    noc: str | None = None
    series: Series | None = None
    met_strict: bool = False
    met_equivalent: bool = False


def _base(canadian_only: bool) -> Eligibility:
    def facts(job: JobWeek) -> Iterable[tuple[str, Tri]]:
        yield "remote_foreign", None if job.remote_foreign else True  # R-FOR-3, disputed
        if canadian_only:
            yield "abroad", job.canadian
            yield "cec", CEC(job)
        else:
            yield "unpaid", job.paid
            yield "not_skilled", job.skilled

    return Eligibility("CBS", facts)


def _search(
    ledger: Ledger, codes: list[str], base: Eligibility, w: Window, req: dict, policy: Policy
) -> _Best:
    """The NOC with the most hours, and whether any NOC meets the requirement."""
    best = _Best()
    strict = equivalent = False
    for code in codes:
        series = credit(ledger, base.within_noc(code), unknown_counts=False).credited
        hours = series.sum_in(w.start, w.end)
        if hours > best.hours:
            best = _Best(hours, code, series)
        if req["version"] == "v2023":
            weekly = _weekly(series, w)
            strict |= _longest_streak(weekly, _full_time(policy)) >= req["weeks"]
            runs = continuous_runs(series.within(w.start, w.end), code, 0, req["hours"])
            equivalent |= any(r.crossed for r in runs)
        else:
            strict |= hours >= req["hours"] - 1e-9
    return _Best(best.hours, best.noc, best.series, strict, equivalent)


def cbs(case: Case, ledger: Ledger, policy: Policy) -> Experience:
    anchor = case.ita_date or case.application_date
    kind: AnchorKind = "ita_date" if case.ita_date else "application_date"
    rule = policy.dated("cbs_experience", anchor)
    if rule is None:  # no category rounds yet on that date
        return Experience(
            program="cbs",
            status="not_met",
            anchor=anchor,
            anchor_kind=kind,
            threshold_hours=0,
            qualifying_hours=0,
            possible_hours=0,
            fte_years=0,
        )
    req = rule.value
    years = policy.value("cbs_window_years", anchor)
    w = years_before(anchor, years)
    categories = policy.value("cbs_categories", anchor)
    category = case.cbs_category
    allowed: set[str] | None = None
    canadian_only = False
    if category and category in categories:
        allowed = set(categories[category]) or None
        canadian_only = category.endswith("_canadian_experience")
    codes = sorted(
        {j.noc for j in ledger.jobs() if j.noc and (allowed is None or j.noc in allowed)}
    )
    best = _search(ledger, codes, _base(canadian_only), w, req, policy)
    threshold = float(req["hours"])
    unknown = bool(ledger.undated) or any(j.noc is None for j in ledger.jobs())
    equivalence = not best.met_strict and best.met_equivalent
    status: Status = (
        "met" if best.met_strict or equivalence else ("indeterminate" if unknown else "not_met")
    )
    date_met = lapses = months = None
    if req["version"] == "v2026" and best.series is not None:
        avg_weeks = policy.value("current_average_weeks", anchor)
        timing = sliding_timing(best.series, anchor, years, threshold, avg_weeks)
        date_met, lapses, months = timing.date_met, timing.date_lapses, timing.months_needed
    return Experience(
        program="cbs",
        status=status,
        anchor=anchor,
        anchor_kind=kind,
        threshold_hours=threshold,
        qualifying_hours=round(best.hours, 2),
        possible_hours=round(best.hours, 2),
        fte_years=round(best.hours / float(policy.value("one_year_hours", anchor)), 3),
        window=w,
        date_met=date_met,
        date_lapses=lapses,
        months_needed=months if status != "met" else None,
        noc=best.noc,
        uncertain=rule.uncertain or req["version"] == "v2026" or equivalence,
        requirement=req["version"],
        equivalence_reading=equivalence,
    )


def _full_time(policy: Policy) -> Callable[[date, float], bool]:
    """Full-time by the threshold in force in that week (a work-date parameter)."""
    return lambda week, h: h >= policy.value("full_time_weekly_hours", week) - 1e-9


def _weekly(series: Series, w: Window) -> list[tuple[date, float]]:
    weeks: dict[date, float] = defaultdict(float)
    for d, v in zip(series.days, series.values, strict=True):
        if d in w:
            weeks[d - timedelta(days=d.weekday())] += v
    return sorted(weeks.items())


def _longest_streak(weekly: list[tuple[date, float]], ok: Callable[[date, float], bool]) -> int:
    best = cur = 0
    prev: date | None = None
    for ws, h in weekly:
        full = ok(ws, h)
        if full and prev is not None and ws - prev == timedelta(weeks=1) and cur:
            cur += 1
        elif full:
            cur = 1
        else:
            cur = 0
        prev = ws
        best = max(best, cur)
    return best
