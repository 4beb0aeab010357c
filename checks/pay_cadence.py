"""Pay cadence and stub series: which missing pay periods are gaps and which are a sample.

Applicants send a sample of stubs (three stubs months apart is normal); a gap is a pay period
missing from a run the applicant evidently sent in full. Stubs are a *series* when most
neighbouring stubs are adjacent (the next period starts the day after the last ends, give or
take a weekend); only then are the missing periods between them reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from statistics import median

from checks.dates import DAY
from checks.models import PayRecord

# Inclusive period length in days -> cadence; semi-monthly periods run 13-16 days but start
# on the 1st and 16th, which is how they are told apart from bi-weekly ones.
_WEEKLY, _BIWEEKLY, _SEMI, _MONTHLY = "weekly", "bi-weekly", "semi-monthly", "monthly"
_NOMINAL_DAYS = {_WEEKLY: 7.0, _BIWEEKLY: 14.0, _SEMI: 365.25 / 24, _MONTHLY: 365.25 / 12}
_SLACK_DAYS = 3  # a period that starts within 3 days of the last one's end is adjacent


@dataclass(frozen=True)
class Cadence:
    name: str
    days: float  # nominal length of one pay period


@dataclass(frozen=True)
class Missing:
    start: date
    end: date
    periods: int  # pay periods missing between two stubs


@dataclass(frozen=True)
class StubSeries:
    cadence: Cadence | None
    is_series: bool
    covered_days: int
    missing: tuple[Missing, ...]  # only when `is_series`


def cadence(records: list[PayRecord]) -> Cadence | None:
    if not records:
        return None
    length = median((r.period_end - r.period_start).days + 1 for r in records)
    if length <= 9:
        name = _WEEKLY
    elif length <= 17:
        semi = all(r.period_start.day in (1, 16) for r in records)
        name = _SEMI if semi else _BIWEEKLY
    elif length <= 35:
        name = _MONTHLY
    else:
        return None
    return Cadence(name, _NOMINAL_DAYS[name])


def stub_series(records: list[PayRecord], share: float) -> StubSeries:
    """`share`: the fraction of neighbouring stubs that must be adjacent to make a series."""
    ordered = sorted({(r.period_start, r.period_end) for r in records})
    cad = cadence(records)
    covered = sum((b - a).days + 1 for a, b in ordered)
    if cad is None or len(ordered) < 3:
        return StubSeries(cad, False, covered, ())
    holes: list[Missing] = []
    adjacent = 0
    for (_, prev_end), (start, _) in pairwise(ordered):
        idle = (start - prev_end).days - 1
        if idle <= _SLACK_DAYS:
            adjacent += 1
            continue
        periods = max(1, round(idle / cad.days))
        holes.append(Missing(prev_end + DAY, start - DAY, periods))
    is_series = adjacent / (len(ordered) - 1) >= share
    return StubSeries(cad, is_series, covered, tuple(holes) if is_series else ())
