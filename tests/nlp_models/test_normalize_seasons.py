"""Seasonal periods: the same months each year over a run of years (own words)."""

from __future__ import annotations

from datetime import date

import pytest

from nlp_models.normalize.seasons import find_seasons
from nlp_models.parse import parse_document
from tests.nlp_models.parse_helpers import text_doc


@pytest.mark.parametrize(
    ("text", "first", "last", "n"),
    [
        ("picked for us June to September each year 2020-2023.", (2020, 6, 1), (2023, 9, 30), 4),
        ("every season from 2018 to 2019, May through October", (2018, 5, 1), (2019, 10, 31), 2),
        ("groomed trails November to March every year 2021–2023", (2021, 11, 1), (2024, 3, 31), 3),
    ],
)
def test_seasons(text: str, first: tuple, last: tuple, n: int) -> None:
    (found,) = find_seasons(text)
    assert len(found.seasons) == n
    assert found.seasons[0].start == date(*first) and found.seasons[-1].end == date(*last)


def test_no_season_without_a_run_of_years() -> None:
    assert find_seasons("We open from April to November each year.") == []
    assert find_seasons("from April 2021 to November 2024") == []


ORCHARD = """Hollis Ridge Orchards Ltd.
1840 Middle Dyke Road, Centreville, NS B0P 1J0 · (902) 555-0177

January 20, 2025

To whom it may concern,

Nadia Petrov has worked on our farm as a fruit picker for the seasons June to October each
year 2022-2024, about 45 hours a week, at $16.50 an hour. The orchard closes for the winter.

Sincerely,
Alan Hollis, Owner
"""


def test_a_seasonal_letter_states_one_position_per_season() -> None:
    positions = parse_document(text_doc(ORCHARD)).fields.positions
    assert [(p.start.value, p.end.value) for p in positions] == [
        (date(2022, 6, 1), date(2022, 10, 31)),
        (date(2023, 6, 1), date(2023, 10, 31)),
        (date(2024, 6, 1), date(2024, 10, 31)),
    ]
    assert {p.title.value for p in positions} == {"fruit picker"}
    assert {p.hours_per_week.value for p in positions} == {45}
