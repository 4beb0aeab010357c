"""Dates, open ends and periods, read from realistic English and French wording."""

from datetime import date

import pytest

from nlp_models.normalize import (
    find_date_ranges,
    find_dates,
    find_present,
    infer_day_first,
    parse_date,
    parse_present,
)

# text, country, expected value, precision, ambiguous
CASES = [
    ("March 3rd, 2023", None, date(2023, 3, 3), "day", False),
    ("3 mars 2023", None, date(2023, 3, 3), "day", False),
    ("2023-03-03", None, date(2023, 3, 3), "day", False),
    ("10th day of March 2025", None, date(2025, 3, 10), "day", False),
    ("Signed this tenth day of March, 2025", None, date(2025, 3, 10), "day", False),
    ("1er février 2022", None, date(2022, 2, 1), "day", False),
    ("le 15 août 2021", None, date(2021, 8, 15), "day", False),
    ("Sept. 15, 2019", None, date(2019, 9, 15), "day", False),
    ("Aug 29/22", "CA", date(2022, 8, 29), "day", False),  # month, day / two-digit year
    ("Jan 4/23", None, date(2023, 1, 4), "day", False),
    ("15-Sep-19", None, date(2019, 9, 15), "day", False),
    ("Monday, March 3, 2023", None, date(2023, 3, 3), "day", False),
    ("31 décembre 2020", None, date(2020, 12, 31), "day", False),
    ("13/04/2023", "CA", date(2023, 4, 13), "day", False),
    ("04/13/2023", "CA", date(2023, 4, 13), "day", False),
    ("03/04/2023", "US", date(2023, 3, 4), "day", False),
    ("03/04/2023", "IN", date(2023, 4, 3), "day", False),
    ("03/04/2023", "CA", date(2023, 4, 3), "day", True),
    ("03.04.23", "DE", date(2023, 4, 3), "day", False),
    ("June 2021", None, date(2021, 6, 1), "month", False),
    ("juin 2021", None, date(2021, 6, 1), "month", False),
    ("2021-06", None, date(2021, 6, 1), "month", False),
    ("06/2021", None, date(2021, 6, 1), "month", False),
    ("Ju1y 2O23", None, date(2023, 7, 1), "month", False),
    ("2019", None, date(2019, 1, 1), "year", False),
]


@pytest.mark.parametrize(("text", "country", "value", "precision", "ambiguous"), CASES)
def test_parse_date_corpus(
    text: str, country: str | None, value: date, precision: str, ambiguous: bool
) -> None:
    got = parse_date(text, country=country)
    assert got is not None
    assert (got.value, got.precision, got.ambiguous) == (value, precision, ambiguous)
    assert text[got.start : got.end] == got.text


def test_span_quotes_exact_words_inside_sentence() -> None:
    text = "This letter, dated March 3rd, 2023, confirms"
    got = parse_date(text)
    assert got is not None and got.text == "March 3rd, 2023"
    assert (got.start, got.end) == (19, 34)


def test_invalid_calendar_dates_are_rejected() -> None:
    assert parse_date("31/02/2023") is None
    assert parse_date("February 30, 2023") is None


def test_month_precision_last_day() -> None:
    got = parse_date("February 2024")
    assert got is not None and got.last_day == date(2024, 2, 29)


def test_prefer_overrides_country() -> None:
    got = parse_date("03/04/2023", country="US", prefer="DMY")
    assert got is not None and got.value == date(2023, 4, 3) and got.order == "DMY"


def test_document_context_decides_order_for_canada() -> None:
    doc = "Letter dated 25/06/2023. Employed from 03/04/2019 to 02/05/2023."
    assert infer_day_first([doc], "CA") is True
    found = find_dates(doc, country="CA")
    assert [d.value for d in found] == [date(2023, 6, 25), date(2019, 4, 3), date(2023, 5, 2)]
    assert not any(d.ambiguous for d in found)


def test_infer_day_first_fallbacks() -> None:
    assert infer_day_first(["06/25/2023"], "CA") is False
    assert infer_day_first(["03/04/2023"], "CA") is None
    assert infer_day_first(["03/04/2023"], "US") is False
    assert infer_day_first(["03/04/2023"], "FR") is True
    assert infer_day_first([], None) is None


def test_find_dates_skips_bare_years_unless_asked() -> None:
    text = "In 2019 she moved; on 5 May 2020 she started."
    assert [d.text for d in find_dates(text)] == ["5 May 2020"]
    assert [d.text for d in find_dates(text, include_years=True)] == ["2019", "5 May 2020"]


RANGES = [
    ("from March 2020 to present", date(2020, 3, 1), None, "to present"),
    ("du 3 mars 2021 au 30 juin 2023", date(2021, 3, 3), date(2023, 6, 30), None),
    ("2018 - 2020", date(2018, 1, 1), date(2020, 1, 1), None),
    ("January 2019 – à ce jour", date(2019, 1, 1), None, "à ce jour"),
    ("May 2019 - Current", date(2019, 5, 1), None, "Current"),
    ("June 15, 2019 to date", date(2019, 6, 15), None, "to date"),
    ("01/08/2017 to 14/06/2019", date(2017, 8, 1), date(2019, 6, 14), None),
    ("depuis le 1er mai 2022", date(2022, 5, 1), None, None),
    ("2020-01-06 jusqu'à présent", date(2020, 1, 6), None, "jusqu'à présent"),
]


@pytest.mark.parametrize(("text", "start", "end", "present"), RANGES)
def test_find_date_ranges(text: str, start: date, end: date | None, present: str | None) -> None:
    (got,) = find_date_ranges(text)
    assert got.start_date.value == start
    assert (got.end_date.value if got.end_date else None) == end
    assert (got.end_present.text if got.end_present else None) == present
    assert got.open_end is (end is None)


def test_present_words_and_language() -> None:
    found = find_present("currently employed; jusqu'à présent; actuellement; à ce jour")
    assert [(p.text, p.lang) for p in found] == [
        ("currently", "en"),
        ("jusqu'à présent", "fr"),
        ("actuellement", "fr"),
        ("à ce jour", "fr"),
    ]
    got = parse_present("She is presently... no: she works here to date.")
    assert got is not None and got.text == "to date"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("São Paulo, 14 de março de 2025.", date(2025, 3, 14)),
        ("Zapopan, Jalisco, a 12 de septiembre de 2025.", date(2025, 9, 12)),
        ("desde el 15 de enero de 2018", date(2018, 1, 15)),
        ("admitido em 1º de dezembro de 2019", date(2019, 12, 1)),  # not "10 de dezembro"
        ("Recife, 3 de fevereiro de 2020", date(2020, 2, 3)),
        ("el 4 de diciembre de 2022", date(2022, 12, 4)),
    ],
)
def test_spanish_and_portuguese_dates(text: str, value: date) -> None:
    (found,) = find_dates(text)
    assert found.value == value


def test_english_words_are_not_iberian_month_abbreviations() -> None:
    assert find_dates("we set 2023 targets; it sold out 2024, two years ago 2021") == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("de 02/05/2016 até 28/02/2025", date(2016, 5, 2), date(2025, 2, 28)),
        ("del 1 de enero de 2019 al 31 de marzo de 2021", date(2019, 1, 1), date(2021, 3, 31)),
        ("desde 15 de enero de 2018 hasta 3 de mayo de 2020", date(2018, 1, 15), date(2020, 5, 3)),
    ],
)
def test_spanish_and_portuguese_periods(text: str, start: date, end: date) -> None:
    (found,) = find_date_ranges(text)
    assert (found.start_date.value, found.end_date.value) == (start, end)


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("She has worked with us since 20 December 2023.", True),
        ("He has not held an appointment with us since 20 December 2023.", False),
        ("She hasn't worked for us since June 2021.", False),
        ("Il n'est plus à notre emploi depuis le 3 mars 2023.", False),
        ("He has been employed full-time, not part-time, since May 2022.", True),
    ],
)
def test_a_negated_since_is_no_open_period(text: str, opens: bool) -> None:
    assert bool(find_date_ranges(text)) == opens
