"""The one credit computation: which hours of the ledger a program counts, each week under the
weekly cap in force that week (R-HOURS-2).

`credit(ledger, eligible, unknown_counts=...)` keeps the job-weeks `eligible` accepts, drops days
not authorised, caps each ISO week at the ledger's cap for that week (looked up by the work date
when the ledger was built) across the jobs kept, and spreads the credit back over the days in
proportion. Its result says what was credited, what the cap removed and what each exclusion
removed, per day, so any window can be summed; programs, rules and reports read it and never
recompute hours.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from checks.dates import DAY
from checks.eligibility import Eligibility, Tri
from checks.ledger import Ledger

WEEK_DAYS = 7


@dataclass(frozen=True)
class Series:
    """Hours per day (sorted), with prefix sums for half-open window sums."""

    days: tuple[date, ...]
    values: tuple[float, ...]
    prefix: tuple[float, ...]

    @classmethod
    def of(cls, per_day: Mapping[date, float]) -> Series:
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
        """Hours on days in [start, end)."""
        return self.prefix[bisect_left(self.days, end)] - self.prefix[bisect_left(self.days, start)]

    def within(self, start: date, end: date) -> Series:
        """Only the days in [start, end)."""
        return Series.of(
            {d: v for d, v in zip(self.days, self.values, strict=True) if start <= d < end}
        )

    def extended(self, start: date, per_week: float, until: date) -> Series:
        """Add `per_week` hours a week, over weekdays, from `start` to `until` (a projection)."""
        per_day = dict(zip(self.days, self.values, strict=True))
        d = start
        while d < until:
            if d.weekday() < 5:
                per_day[d] = per_day.get(d, 0.0) + per_week / 5
            d += DAY
        return Series.of(per_day)


EMPTY = Series.of({})


@dataclass(frozen=True)
class CappedWeek:
    week_start: date
    hours: float  # the eligible hours of all jobs that week
    cap: float  # the weekly cap in force that week


@dataclass(frozen=True)
class Credit:
    credited: Series
    over_cap: Series  # hours of eligible work above each week's cap, per day
    capped_weeks: tuple[CappedWeek, ...]
    # reason -> (days, hours) of each job-week not counted; summed into Series only when read,
    # since most callers (FSW and CBS per NOC) read the credit alone.
    excluded_weeks: Mapping[str, list[tuple[tuple[date, ...], tuple[float, ...]]]] = field(
        default_factory=dict
    )

    @cached_property
    def excluded(self) -> dict[str, Series]:
        """Reason -> hours not counted, per day."""
        out: dict[str, Series] = {}
        for reason, weeks in self.excluded_weeks.items():
            per_day: dict[date, float] = defaultdict(float)
            for ds, hours in weeks:
                for d, h in zip(ds, hours, strict=True):
                    per_day[d] += h
            out[reason] = Series.of(per_day)
        return out

    def sum_in(self, start: date, end: date) -> float:
        return self.credited.sum_in(start, end)

    def excluded_in(self, start: date, end: date) -> dict[str, float]:
        out = {k: round(s.sum_in(start, end), 2) for k, s in self.excluded.items()}
        return {k: v for k, v in out.items() if v > 0}


def credit(ledger: Ledger, eligible: Eligibility, *, unknown_counts: bool) -> Credit:
    """Credit the job-weeks `eligible` accepts. With `unknown_counts`, facts that are only
    possible count too, with the higher of letter and stub hours (an upper bound)."""
    credited: dict[date, float] = defaultdict(float)
    over: dict[date, float] = defaultdict(float)
    excluded: dict[str, list] = defaultdict(list)
    capped: list[CappedWeek] = []
    # The verdict depends on a job-week's facts, not on its days: decided once per set of facts
    # (a ledger of many positions and years repeats a few sets thousands of times).
    verdicts: dict[tuple, tuple[Tri, str | None]] = {}
    for week in ledger.weeks:
        week_days = tuple(week.week_start + timedelta(days=i) for i in range(WEEK_DAYS))
        kept: list[tuple[date, float]] = []
        for job in week.jobs:
            key = job.facts_key()
            verdict = verdicts.get(key)
            if verdict is None:
                verdict = verdicts[key] = eligible.decide(job)
            ok, reason = verdict
            hours_by_day = job.upper if unknown_counts else job.creditable
            if ok is False or (ok is None and not unknown_counts):
                excluded[reason or "undecided"].append((week_days, hours_by_day))
                continue
            refused = [0.0] * WEEK_DAYS
            for i, (d, hours, authorised) in enumerate(
                zip(week_days, hours_by_day, job.authorised, strict=True)
            ):
                if hours <= 0:
                    continue
                if authorised is False:
                    refused[i] = hours
                else:
                    kept.append((d, hours))
            if any(refused):
                excluded["unauthorised"].append((week_days, tuple(refused)))
        total = sum(h for _, h in kept)
        if total <= 0:
            continue
        scale = min(week.cap, total) / total  # R-HOURS-2: the cap in force that week
        if total > week.cap + 1e-9:
            capped.append(CappedWeek(week.week_start, total, week.cap))
        for d, h in kept:
            credited[d] += h * scale
            over[d] += h * (1 - scale)
    return Credit(
        credited=Series.of(credited),
        over_cap=Series.of(over),
        capped_weeks=tuple(capped),
        excluded_weeks=dict(excluded),
    )
