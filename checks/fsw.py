"""FSW: one continuous year (1,560 h) in one NOC within the 10 years before applying
(R-HOURS-7, R-WIN-2), with no gap longer than the vacation allowance."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from checks.credit import Series, credit
from checks.dates import DAY, Window, shift_years, years_before
from checks.eligibility import FSW
from checks.ledger import Ledger
from checks.models import Case
from checks.params import Policy
from checks.programs import Experience, Status


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
    return [_run([series.days[i] for i in idx], [series.values[i] for i in idx], noc, threshold)
            for idx in runs]  # fmt: skip


def _run(ds: list[date], vals: list[float], noc: str | None, threshold: float) -> Run:
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
    return Run(noc, ds[0], ds[-1], acc, crossed, latest)


def noc_runs(
    ledger: Ledger, codes: list[str], w: Window, gap: int, threshold: float, *, possible: bool
) -> list[Run]:
    """The continuous runs of each NOC inside the window."""
    runs: list[Run] = []
    for code in codes:
        series = credit(ledger, FSW.within_noc(code), unknown_counts=possible).credited
        runs += continuous_runs(series.within(w.start, w.end), code, gap, threshold)
    return runs


def fsw(case: Case, ledger: Ledger, policy: Policy) -> Experience:
    as_of = case.application_date
    years = policy.value("fsw_window_years")
    threshold = float(policy.value("one_year_hours"))
    gap = policy.value("vacation_weeks_per_52")
    w = years_before(as_of, years)
    codes = sorted({j.noc for j in ledger.jobs() if j.noc is not None})
    runs = noc_runs(ledger, codes, w, gap, threshold, possible=False)
    qualifying = [r for r in runs if r.crossed is not None]
    best = max(runs, key=lambda r: r.hours, default=None)
    sure = credit(ledger, FSW, unknown_counts=False)
    skilled_hours = sure.sum_in(w.start, w.end)
    possible = credit(ledger, FSW, unknown_counts=True).sum_in(w.start, w.end)
    status = _status(ledger, codes, w, gap, threshold, bool(qualifying), possible)
    years_exp = math.floor(skilled_hours / threshold + 1e-9)
    grid = policy.value("fsw_points")
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
        over_cap_hours=round(sure.over_cap.sum_in(w.start, w.end), 2),
        excluded_hours=sure.excluded_in(w.start, w.end),
        split_year=not qualifying and skilled_hours >= threshold,
    )


def _status(
    ledger: Ledger,
    codes: list[str],
    w: Window,
    gap: int,
    threshold: float,
    qualifying: bool,
    possible: float,
) -> Status:
    if qualifying:
        return "met"
    noc_unknown = any(j.noc is None and FSW(j) is not False for j in ledger.jobs())
    # A needed fact is missing, or a year is reached on the facts that are only possible (the
    # higher of letter and stub hours [UNC], a doubtful NOC): not decidable (DESIGN §4).
    if (
        ledger.undated
        or (noc_unknown and possible >= threshold)
        or any(r.crossed for r in noc_runs(ledger, codes, w, gap, threshold, possible=True))
    ):
        return "indeterminate"
    return "not_met"
