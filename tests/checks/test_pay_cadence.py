"""Pay cadence and stub series: a sample of stubs is not a gap."""

from calendar import monthrange
from datetime import date

from checks.pay_cadence import cadence, stub_series
from tests.checks.builders import stub


def semi_monthly(*halves: tuple[int, int, int]) -> list:
    out = []
    for y, m, half in halves:
        start = date(y, m, 1 if half == 1 else 16)
        end = date(y, m, 15 if half == 1 else monthrange(y, m)[1])
        out.append(stub("p1", start, end))
    return out


def test_semi_monthly_told_from_bi_weekly_by_start_days() -> None:
    stubs = semi_monthly((2025, 1, 1), (2025, 1, 2), (2025, 2, 1), (2025, 2, 2))
    assert cadence(stubs).name == "semi-monthly"
    shifted = [
        stub("p1", date(2025, 1, 6), date(2025, 1, 19)),
        stub("p1", date(2025, 1, 20), date(2025, 2, 2)),
    ]
    assert cadence(shifted).name == "bi-weekly"


def test_monthly_series_with_one_month_missing() -> None:
    months = [1, 2, 3, 5, 6]
    stubs = [stub("p1", date(2024, m, 1), date(2024, m, monthrange(2024, m)[1])) for m in months]
    s = stub_series(stubs, 0.5)
    assert s.cadence.name == "monthly" and s.is_series
    assert [(m.start, m.end, m.periods) for m in s.missing] == [
        (date(2024, 4, 1), date(2024, 4, 30), 1)
    ]


def test_weekend_between_periods_is_adjacent() -> None:
    # weekly periods Monday-Friday: the weekend between them is not a missing period
    stubs = [stub("p1", date(2025, 3, d), date(2025, 3, d + 4)) for d in (3, 10, 17, 24)]
    s = stub_series(stubs, 0.5)
    assert s.cadence.name == "weekly" and s.is_series and s.missing == ()


def test_two_stubs_never_make_a_series() -> None:
    stubs = [
        stub("p1", date(2025, 3, 1), date(2025, 3, 14)),
        stub("p1", date(2025, 5, 10), date(2025, 5, 23)),
    ]
    s = stub_series(stubs, 0.5)
    assert not s.is_series and s.missing == () and s.covered_days == 28
