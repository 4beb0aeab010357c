"""Hours per week from numbers, words, ranges, schedules and words-only statements."""

import pytest

from nlp_models.normalize import find_hours, parse_hours

# text, value, per_week, period
NUMERIC = [
    ("37.5 hours per week", 37.5, 37.5, "week"),
    ("40 hrs/wk", 40, 40, "week"),
    ("37,5 heures par semaine", 37.5, 37.5, "week"),
    ("twenty hours a week", 20, 20, "week"),
    ("trente-cinq heures par semaine", 35, 35, "week"),
    ("thirty-seven and a half hours per week", 37.5, 37.5, "week"),
    ("forty (40) hours per week", 40, 40, "week"),
    ("40 (forty) hours per week", 40, 40, "week"),
    ("a 40-hour work week", 40, 40, "week"),
    ("80 hours bi-weekly", 80, 40, "biweekly"),
    ("8 hours a day, 5 days a week", 8, 40, "day"),
    ("temps plein, 40 h/sem", 40, 40, "week"),
    ("Hours per week: 40", 40, 40, "week"),
    ("Heures par semaine : 37,5", 37.5, 37.5, "week"),
    ("1,560 hours", 1560, None, None),
]


@pytest.mark.parametrize(("text", "value", "per_week", "period"), NUMERIC)
def test_numeric_hours(text: str, value: float, per_week: float | None, period: str | None) -> None:
    got = parse_hours(text)
    assert got is not None and not got.text_only
    assert (got.value, got.per_week, got.period) == (value, per_week, period)
    assert text[got.start : got.end] == got.text


def test_ranges_keep_min_and_max() -> None:
    for text in ("20–40 hours per week", "between 20 and 40 hours a week", "entre 20 et 40 heures"):
        got = parse_hours(text)
        assert got is not None
        assert (got.is_range, got.min, got.max, got.value) == (True, 20, 40, 20), text


def test_bounds() -> None:
    up = parse_hours("up to 20 hours per week")
    least = parse_hours("at least 30 hours per week")
    assert up is not None and (up.bound, up.min, up.max) == ("up_to", None, 20)
    assert least is not None and (least.bound, least.min, least.max) == ("at_least", 30, None)


LABELS = [
    ("full-time", "full-time"),
    ("Full time permanent position", "full-time"),
    ("part-time position", "part-time"),
    ("as required", "as-required"),
    ("à temps plein", "full-time"),
    ("temps partiel", "part-time"),
    ("selon les besoins", "as-required"),
    ("on call", "on-call"),
]


@pytest.mark.parametrize(("text", "label"), LABELS)
def test_text_only_hours(text: str, label: str) -> None:
    got = parse_hours(text)
    assert got is not None
    assert (got.text_only, got.label, got.value) == (True, label, None)


# text, per week, unpaid break per day
SCHEDULES = [
    ("8:00am to 5:00pm, Monday to Friday", 45, None),
    ("8:00am to 5:00pm, Monday to Friday, with a one-hour unpaid lunch break", 40, 1),
    ("9h à 17h du lundi au vendredi", 40, None),
    ("Monday through Friday from 9:00 a.m. to 5:30 p.m. with a 30-minute unpaid lunch", 40, 0.5),
    (
        "de 8 h 30 à 16 h 30, du lundi au vendredi, pause repas non rémunérée de 30 minutes",
        37.5,
        0.5,
    ),
    ("22:00 to 06:00, Sunday to Thursday", 40, None),
    ("7 a.m. - 3 p.m., Mon-Sat", 48, None),
]


@pytest.mark.parametrize(("text", "per_week", "unpaid"), SCHEDULES)
def test_schedules(text: str, per_week: float, unpaid: float | None) -> None:
    got = parse_hours(text)
    assert got is not None and got.from_schedule
    assert (got.per_week, got.unpaid_break_hours) == (per_week, unpaid)


def test_schedule_without_days_is_per_day() -> None:
    got = parse_hours("14h-22h")
    assert got is not None and (got.value, got.period, got.per_week) == (8, "day", None)


def test_money_is_not_hours() -> None:
    assert parse_hours("$37.50 per hour") is None


def test_find_hours_in_letter_prefers_number_over_overlapping_label() -> None:
    text = "She works full-time, 37.5 hours per week. Earlier she was part-time."
    found = find_hours(text)
    assert [(h.text, h.value, h.label) for h in found] == [
        ("full-time", None, "full-time"),
        ("37.5 hours per week", 37.5, None),
        ("part-time", None, "part-time"),
    ]
