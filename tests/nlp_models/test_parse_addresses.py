"""Addresses outside Canada and the US (normalize.places extension) and letterhead clean-up."""

from __future__ import annotations

import pytest

from nlp_models.normalize import parse_address
from nlp_models.parse.parties import clean_street


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "No. 14, Second Main Road, Guindy Industrial Estate, Chennai - 600032, Tamil Nadu, "
            "India",
            (
                "No. 14, Second Main Road, Guindy Industrial Estate",
                "Chennai",
                "Tamil Nadu",
                "600032",
                "IN",
            ),
        ),
        (
            "12 rue de la Paix, 75002 Paris, France",
            ("12 rue de la Paix", "Paris", None, "75002", "FR"),
        ),
        (
            "Rua Augusta, 1500, São Paulo - SP, 01304-001, Brasil",
            ("Rua Augusta, 1500", "São Paulo", "SP", "01304-001", "BR"),
        ),
        (
            "Plot 12, Adeola Odeku Street, Victoria Island, Lagos, Nigeria",
            ("Plot 12, Adeola Odeku Street, Victoria Island", "Lagos", None, None, "NG"),
        ),
    ],
)
def test_foreign_addresses(text: str, expected: tuple) -> None:
    got = parse_address(text)
    assert got is not None
    assert (got.street, got.city, got.region, got.postal_code, got.country) == expected


@pytest.mark.parametrize(
    ("street", "clean"),
    [
        ("4 \\ 318 Lakeshore Road East", "318 Lakeshore Road East"),  # a logo read by OCR
        ("A4 42 Ridgeway Avenue", "42 Ridgeway Avenue"),
        ("Office of the Registrar - 5685 Leeds Street", "5685 Leeds Street"),
        ("12 3rd Avenue", "12 3rd Avenue"),
        ("1450 Marine Drive, Suite 300", "1450 Marine Drive, Suite 300"),
    ],
)
def test_clean_street(street: str, clean: str) -> None:
    assert clean_street(street) == clean
