"""A per-week parameter that changes mid-window: each week is credited under its own cap, in the
ledger, the programs and the rules (the HTML timeline: tests/pipeline/test_reports_html.py)."""

from __future__ import annotations

from datetime import date, timedelta
from importlib import resources

import pytest

from checks.params import Policy, load_policy
from checks.run import run_checks
from tests.checks.builders import case, position, weeks

CHANGE = date(2024, 1, 1)  # a Monday
START, END = weeks(date(2023, 7, 3), 52)  # 26 weeks before the change, 26 after


def cap_change_policy() -> Policy:
    """The project's policy with the weekly credit cap lowered from 30 to 20 h on CHANGE."""
    text = resources.files("checks.params").joinpath("policy.toml").read_text("utf-8")
    old = "[[weekly_credit_cap.values]]\nvalue = 30\n"
    assert old in text
    new = (
        f"[[weekly_credit_cap.values]]\nvalue = 30\nend = {CHANGE}\n"
        'rules = ["R-HOURS-2"]\nsource = "a test policy"\nconfidence = ["UNC"]\n'
        f"[[weekly_credit_cap.values]]\nvalue = 20\nstart = {CHANGE}\n"
    )
    return load_policy(text.replace(old, new))


def _result(policy: Policy | None):
    return run_checks(case((position(start=START, end=END, hours=40),)), policy)


def test_the_ledger_records_the_cap_in_force_each_week() -> None:
    ledger = _result(cap_change_policy()).ledger
    caps = {w.week_start: w.cap for w in ledger.weeks}
    assert caps[CHANGE - timedelta(days=7)] == 30 and caps[CHANGE] == 20
    assert sorted(set(caps.values())) == [20, 30]
    assert sum(1 for c in caps.values() if c == 30) == 26


def test_each_week_is_credited_under_its_own_cap() -> None:
    changed = _result(cap_change_policy())
    week = timedelta(days=7)
    assert changed.credited.sum_in(CHANGE - week, CHANGE) == pytest.approx(30)
    assert changed.credited.sum_in(CHANGE, CHANGE + week) == pytest.approx(20)
    cec = changed.experience["cec"]
    assert cec.qualifying_hours == pytest.approx(26 * 30 + 26 * 20)
    assert cec.over_cap_hours == pytest.approx(26 * 10 + 26 * 20)
    assert _result(None).experience["cec"].qualifying_hours == pytest.approx(52 * 30)


def test_the_weekly_cap_finding_names_both_caps() -> None:
    (f,) = _result(cap_change_policy()).by_slug("hours.weekly_cap")
    assert f.message.startswith("52 week(s) exceed 20-30 h (first 2023-W27); 780 h above")
