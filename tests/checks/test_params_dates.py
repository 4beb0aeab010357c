"""Dated parameters and date arithmetic: both sides of every effective date."""

from datetime import date

import pytest

from checks import params
from checks.dates import Window, month_end_before, month_start_after, shift_years, years_before


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        ("offcampus_weekly_cap", date(2024, 11, 7), 20),
        ("offcampus_weekly_cap", date(2024, 11, 8), 24),
        ("offcampus_weekly_cap", date(2022, 11, 14), 20),
        ("noc_version", date(2022, 11, 15), "2016"),
        ("noc_version", date(2022, 11, 16), "2021"),
        ("crs_job_offer_points", date(2025, 3, 24), True),
        ("crs_job_offer_points", date(2025, 3, 25), False),
        ("coop_permit_required", date(2026, 3, 31), True),
        ("coop_permit_required", date(2026, 4, 1), False),
        ("one_year_hours", date(2025, 5, 12), 1560),
        ("weekly_credit_cap", date(2025, 5, 12), 30),
        ("cec_window_years", date(2025, 5, 12), 3),
        ("fsw_window_years", date(2025, 5, 12), 10),
    ],
)
def test_value_at_picks_the_value_in_force(name: str, day: date, expected: object) -> None:
    assert params.value_at(name, day) == expected


def test_cbs_requirement_switches_on_18_february_2026() -> None:
    assert params.value_at("cbs_experience", date(2026, 2, 17))["version"] == "v2023"
    assert params.value_at("cbs_experience", date(2026, 2, 18))["version"] == "v2026"
    assert params.value_at("cbs_experience", date(2023, 5, 31))["hours"] == 780
    with pytest.raises(LookupError):
        params.value_at("cbs_experience", date(2023, 5, 30))


def test_offcampus_waiver_runs_15_nov_2022_to_30_apr_2024() -> None:
    assert params.dated_value_at("offcampus_waiver", date(2022, 11, 14)) is None
    assert params.dated_value_at("offcampus_waiver", date(2022, 11, 15)) is not None
    assert params.dated_value_at("offcampus_waiver", date(2024, 4, 30)) is not None
    assert params.dated_value_at("offcampus_waiver", date(2024, 5, 1)) is None


def test_every_value_has_a_source_confidence_and_rule() -> None:
    for p in params.parameters().values():
        assert p.values, p.name
        for v in p.values:
            assert v.source and v.confidence and v.rules, p.name
            assert all(r.startswith("R-") for r in v.rules), p.name


def test_uncertain_values_are_marked() -> None:
    assert params.dated_value_at("cbs_experience", date(2026, 3, 1)).uncertain
    assert not params.dated_value_at("offcampus_weekly_cap", date(2025, 1, 1)).uncertain


def test_change_dates_of_the_offcampus_cap() -> None:
    assert params.change_dates("offcampus_weekly_cap") == (date(2024, 11, 8),)


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2024, 2, 29), -3, date(2021, 2, 28)),
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2025, 3, 1), -1, date(2024, 3, 1)),
        (date(2025, 5, 12), -3, date(2022, 5, 12)),
        (date(2023, 12, 31), -10, date(2013, 12, 31)),
    ],
)
def test_shift_years_handles_29_february(day: date, years: int, expected: date) -> None:
    assert shift_years(day, years) == expected


def test_windows_are_half_open() -> None:
    w = years_before(date(2025, 5, 12), 3)
    assert w == Window(start=date(2022, 5, 12), end=date(2025, 5, 12))
    assert date(2022, 5, 12) in w
    assert date(2022, 5, 11) not in w
    assert date(2025, 5, 11) in w
    assert date(2025, 5, 12) not in w


@pytest.mark.parametrize(
    ("day", "after", "before"),
    [
        (date(2021, 1, 15), date(2021, 2, 1), date(2020, 12, 31)),
        (date(2021, 12, 31), date(2022, 1, 1), date(2021, 11, 30)),
        (date(2024, 3, 1), date(2024, 4, 1), date(2024, 2, 29)),
        (date(2023, 3, 31), date(2023, 4, 1), date(2023, 2, 28)),
    ],
)
def test_month_edges(day: date, after: date, before: date) -> None:
    assert month_start_after(day) == after
    assert month_end_before(day) == before
