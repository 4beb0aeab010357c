"""Sliding windows over a credit series: when a threshold is met, when it lapses as the window
slides with no more hours (R-WIN-6), and when it would be met at the current pace (R-HOURS-3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from checks.credit import Series
from checks.dates import DAY, months_between, shift_years


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


def sliding_timing(
    series: Series, as_of: date, years: int, threshold: float, avg_weeks: int
) -> Timing:
    """When the threshold is (or was, or would be at the average of the last `avg_weeks` weeks)
    met in a window of `years` before the anchor, and when it lapses with no more hours."""
    avg = series.sum_in(as_of - timedelta(weeks=avg_weeks), as_of) / avg_weeks
    if not series.days:
        return Timing(None, None, False, None, avg)
    streaks = _streaks(series, as_of, years, threshold)
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


def _streaks(
    series: Series, as_of: date, years: int, threshold: float
) -> list[tuple[date, date | None]]:
    """Each stretch of anchor dates on which the threshold is met: [met from, lapses on)."""
    first = series.days[0] + DAY
    horizon = shift_years(max(as_of, series.days[-1]), years) + timedelta(days=2)
    streaks: list[tuple[date, date | None]] = []
    d, on = first, False
    while d <= horizon:
        now = met_on(series, d, years, threshold)
        if now and not on:
            streaks.append((d, None))
        elif on and not now:
            streaks[-1] = (streaks[-1][0], d)
        on = now
        d += DAY
    return streaks


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
