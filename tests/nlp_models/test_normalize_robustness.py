"""The normalisers never raise, whatever the text: random, adversarial, very long, OCR noise."""

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

import nlp_models.normalize as N

FINDERS: list[Callable[[str], object]] = [
    N.find_dates,
    N.find_date_ranges,
    N.find_present,
    N.find_money,
    N.find_hours,
    N.find_addresses,
    N.find_countries,
    N.find_regions,
    N.find_postal_codes,
    N.find_phones,
    N.find_emails,
    N.find_websites,
    N.parse_date,
    N.parse_money,
    N.parse_hours,
    N.parse_address,
    N.parse_country,
    N.parse_region,
    N.parse_phone,
    N.parse_email,
    N.parse_website,
    lambda t: N.infer_day_first([t], "CA"),
]

# Pieces of real documents, to make random text land near the patterns' edges.
PIECES = [
    "March",
    "mars",
    "3rd",
    "1er",
    "2023",
    "2O23",
    "Ju1y",
    "/",
    "-",
    ".",
    ",",
    " ",
    "\n",
    "$",
    "€",
    "R$",
    "Rs.",
    "CAD",
    "9,60,000",
    "3O,OOO",
    "12.500,00",
    "hours",
    "heures",
    "per week",
    "par semaine",
    "8:00am",
    "to",
    "à",
    "Monday",
    "vendredi",
    "unpaid lunch",
    "ON",
    "K1A 0B1",
    "+1",
    "(416)",
    "555-0199",
    "@",
    "gmail.com",
    "www.",
    "İ",
    "ß",
    "\u00a0",
    "\u202f",
    "٣",
    "twenty",
    "trente-cinq",
    "present",
    "à ce jour",
    "1'250.50",
    "½",
    "\x00",
    "😀",
]


def _check(text: str) -> None:
    for f in FINDERS:
        f(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_random_unicode_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_document_like_noise_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_spans_quote_the_input(text: str) -> None:
    for finder in (N.find_dates, N.find_money, N.find_hours, N.find_phones, N.find_addresses):
        for m in finder(text):
            assert text[m.start : m.end] == m.text  # type: ignore[attr-defined]


def test_very_long_inputs_are_fast_and_safe() -> None:
    for text in ("9" * 50_000, "1," * 20_000, "March " * 5_000, "$" * 10_000 + "1" * 10_000):
        _check(text)


def test_ocr_noise_values() -> None:
    d = N.parse_date("Ju1y 2O23")
    m = N.parse_money("3O,OOO USD")
    assert d is not None and (d.value.year, d.value.month) == (2023, 7)
    assert m is not None and m.amount == 30000
