"""Pay arithmetic: annualising salaries and pay-stub gross, weekly hours from stubs."""

from __future__ import annotations

from checks.dates import weekdays_between
from checks.models import Pay, PayPeriod, PayRecord

PER_YEAR = {
    PayPeriod.WEEK: 52,
    PayPeriod.BIWEEK: 26,
    PayPeriod.SEMIMONTH: 24,
    PayPeriod.MONTH: 12,
    PayPeriod.YEAR: 1,
}


def annual(pay: Pay, hours_per_week: float | None) -> float | None:
    if pay.period is PayPeriod.HOUR:
        return None if hours_per_week is None else pay.amount * hours_per_week * 52
    return pay.amount * PER_YEAR[pay.period]


def _weekdays(records: list[PayRecord]) -> int:
    return sum(max(1, weekdays_between(r.period_start, r.period_end)) for r in records)


def stub_weekly_hours(records: list[PayRecord]) -> float | None:
    with_hours = [r for r in records if r.hours is not None]
    if not with_hours:
        return None
    return sum(r.hours or 0.0 for r in with_hours) / _weekdays(with_hours) * 5


def stub_annual_gross(records: list[PayRecord], currency: str) -> float | None:
    with_gross = [r for r in records if r.gross is not None and r.currency == currency]
    if not with_gross:
        return None
    return sum(r.gross or 0.0 for r in with_gross) / _weekdays(with_gross) * 260


def differs(a: float, b: float, tolerance: float) -> bool:
    """Relative difference above `tolerance`, measured against the larger figure."""
    top = max(abs(a), abs(b))
    return top > 0 and abs(a - b) / top > tolerance + 1e-12
