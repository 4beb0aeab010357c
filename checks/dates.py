"""Explicit date arithmetic: half-open windows, year shifts that respect 29 February."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from checks.models import Frozen

DAY = timedelta(days=1)
DAYS_PER_MONTH = 365.25 / 12


class Window(Frozen):
    """A half-open date range [start, end)."""

    start: date
    end: date

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.start <= d < self.end


def shift_years(d: date, years: int) -> date:
    """The same calendar day `years` later (negative: earlier); 29 February falls back to 28."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February in a non-leap target year
        return d.replace(year=d.year + years, day=28)


def years_before(anchor: date, years: int) -> Window:
    """The window [anchor - years, anchor)."""
    return Window(start=shift_years(anchor, -years), end=anchor)


def month_start_after(d: date) -> date:
    """First day of the month after `d`'s month."""
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def month_end_before(d: date) -> date:
    """Last day of the month before `d`'s month."""
    return d.replace(day=1) - DAY


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def days(start: date, end_inclusive: date) -> Iterator[date]:
    d = start
    while d <= end_inclusive:
        yield d
        d += DAY


def weekdays_between(start: date, end_inclusive: date) -> int:
    return sum(1 for d in days(start, end_inclusive) if d.weekday() < 5)


def months_between(start: date, end: date) -> float:
    return (end - start).days / DAYS_PER_MONTH
