"""Dated parameters, read by the date that governs each, and date arithmetic: both sides of every
effective date."""

import tomllib
from datetime import date
from importlib import resources

import pytest

from checks.citations import CITATIONS
from checks.dates import Window, month_end_before, month_start_after, shift_years, years_before
from checks.params import (
    GOVERNING_LABELS,
    PolicyDateError,
    PolicyError,
    default_policy,
    load_policy,
)

POLICY = default_policy()
POLICY_TEXT = resources.files("checks.params").joinpath("policy.toml").read_text("utf-8")


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
def test_the_value_in_force_on_the_day_given(name: str, day: date, expected: object) -> None:
    assert POLICY.value(name, day) == expected


def test_a_work_date_parameter_is_refused_without_the_day() -> None:
    case = POLICY.with_dates(app_date=date(2025, 5, 12))
    with pytest.raises(PolicyDateError, match="day of work"):
        case.value("weekly_credit_cap")
    assert case.value("weekly_credit_cap", date(2025, 5, 5)) == 30


def test_other_parameters_are_read_at_the_case_date_of_their_kind() -> None:
    case = POLICY.with_dates(app_date=date(2025, 5, 12), ita_date=date(2026, 2, 18))
    assert case.value("one_year_hours") == 1560  # app_date
    assert case.value("cbs_experience")["version"] == "v2026"  # ita_date, not the app date
    with pytest.raises(PolicyDateError, match="PGWP application date"):
        case.value("pgwp_apply_within_days")  # no PGWP application date in this case


def test_cbs_requirement_switches_on_18_february_2026() -> None:
    assert POLICY.value("cbs_experience", date(2026, 2, 17))["version"] == "v2023"
    assert POLICY.value("cbs_experience", date(2026, 2, 18))["version"] == "v2026"
    assert POLICY.value("cbs_experience", date(2023, 5, 31))["hours"] == 780
    with pytest.raises(LookupError):
        POLICY.value("cbs_experience", date(2023, 5, 30))


def test_offcampus_waiver_runs_15_nov_2022_to_30_apr_2024() -> None:
    assert POLICY.dated("offcampus_waiver", date(2022, 11, 14)) is None
    assert POLICY.dated("offcampus_waiver", date(2022, 11, 15)) is not None
    assert POLICY.dated("offcampus_waiver", date(2024, 4, 30)) is not None
    assert POLICY.dated("offcampus_waiver", date(2024, 5, 1)) is None


def test_every_parameter_has_unit_label_governing_date_and_checked_citations() -> None:
    for p in POLICY.parameters.values():
        assert p.values and p.unit and p.description, p.name
        assert p.governed_by in GOVERNING_LABELS, p.name
        for v in p.values:
            assert v.source and v.confidence, p.name
            assert v.rules and all(r in CITATIONS for r in v.rules), p.name


def _edited(name: str, key: str, value: object) -> str:
    """The project's policy with one field of one parameter's first value replaced."""
    raw = tomllib.loads(POLICY_TEXT)
    raw[name]["values"][0][key] = value
    lines = []
    for pname, body in raw.items():
        lines.append(f"[{pname}]")
        lines += [f"{k} = {_toml(v)}" for k, v in body.items() if k != "values"]
        for dv in body["values"]:
            lines.append(f"[[{pname}.values]]")
            lines += [f"{k} = {_toml(v)}" for k, v in dv.items()]
    return "\n".join(lines) + "\n"


def _toml(v: object) -> str:
    import json

    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k} = {_toml(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_toml(x) for x in v) + "]"
    return json.dumps(v)


def test_the_policy_round_trips_through_the_test_writer() -> None:
    assert load_policy(_edited("one_year_hours", "value", 1560)).parameters == POLICY.parameters


def test_a_citation_that_rules_md_does_not_hold_is_refused_at_load() -> None:
    with pytest.raises(PolicyError, match=r"unknown citation.*R-HOURS-99"):
        load_policy(_edited("weekly_credit_cap", "rules", ["R-HOURS-99"]))


def test_a_parameter_without_a_unit_is_refused_at_load() -> None:
    text = POLICY_TEXT.replace('unit = "hours/week"', 'unit = ""', 1)
    with pytest.raises(PolicyError, match="unit"):
        load_policy(text)


def test_uncertain_values_are_marked() -> None:
    assert POLICY.dated("cbs_experience", date(2026, 3, 1)).uncertain
    assert not POLICY.dated("offcampus_weekly_cap", date(2025, 1, 1)).uncertain


def test_change_dates_of_the_offcampus_cap() -> None:
    assert POLICY.change_dates("offcampus_weekly_cap") == (date(2024, 11, 8),)


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


def test_every_lookup_without_a_day_is_of_an_application_date_parameter() -> None:
    """A work-date (or round-date, PGWP-date...) parameter read without its day would raise at
    run time on some case: every such lookup in the checks gives the day."""
    import re
    from pathlib import Path

    call = re.compile(r'(?:ctx\.param|policy\.value|policy\.dated)\(\s*"(\w+)"\s*\)')
    root = Path(__file__).resolve().parents[2] / "checks"
    dayless = {m.group(1) for f in root.rglob("*.py") for m in call.finditer(f.read_text())}
    assert dayless  # the pattern still finds the calls
    wrong = {n for n in dayless if POLICY.parameter(n).governed_by != "app_date"}
    assert not wrong, wrong
