"""Postal codes, provinces and states, countries and address lines."""

import pytest

from nlp_models.normalize import (
    find_addresses,
    find_countries,
    find_regions,
    parse_address,
    parse_country,
    parse_postal_code,
    parse_region,
)

ADDRESSES = [
    (
        "123 Main Street, Toronto, ON M5V 2T6",
        ("123 Main Street", "Toronto", "ON", "M5V 2T6", "CA"),
    ),
    (
        "1000 rue Sherbrooke Ouest, Montréal (Québec) H3A 3G4",
        ("1000 rue Sherbrooke Ouest", "Montréal", "QC", "H3A 3G4", "CA"),
    ),
    (
        "500 Market St, San Francisco, CA 94105, USA",
        ("500 Market St", "San Francisco", "CA", "94105", "US"),
    ),
    (
        "10180 101 St NW\nEdmonton, Alberta T5J 3S4\nCanada",
        ("10180 101 St NW", "Edmonton", "AB", "T5J 3S4", "CA"),
    ),
    ("Plot 12, Admiralty Way, Lekki, Lagos, Nigeria", (None, "Lagos", None, None, "NG")),
    ("45 MG Road, Bengaluru 560001, India", ("45 MG Road", "Bengaluru", None, "560001", "IN")),
    ("Vancouver, B.C.", (None, "Vancouver", "BC", None, "CA")),
    ("Halifax, Nouvelle-Écosse", (None, "Halifax", "NS", None, "CA")),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSES)
def test_parse_address(text: str, expected: tuple) -> None:
    got = parse_address(text)
    assert got is not None
    street, city, region, postal, country = expected
    if street is not None:
        assert got.street == street
    assert (got.city, got.region, got.postal_code, got.country) == (city, region, postal, country)


POSTAL = [
    ("K1A 0B1", "K1A 0B1", "ON"),
    ("k1a0b1", "K1A 0B1", "ON"),
    ("H3A-3G4", "H3A 3G4", "QC"),
    ("X0A 0H0", "X0A 0H0", "NU"),
    ("X1A 2P5", "X1A 2P5", "NT"),
    ("V6B 1A1", "V6B 1A1", "BC"),
    ("K1A OB1", "K1A 0B1", "ON"),
]


@pytest.mark.parametrize(("text", "value", "region"), POSTAL)
def test_canadian_postal_codes(text: str, value: str, region: str) -> None:
    got = parse_postal_code(text)
    assert got is not None and (got.value, got.region, got.country) == (value, region, "CA")


def test_zip_only_after_a_state() -> None:
    got = parse_postal_code("Austin, TX 78701-1234")
    assert got is not None and (got.value, got.region, got.country) == ("78701-1234", "TX", "US")
    assert parse_postal_code("Invoice 78701") is None


REGIONS = [
    ("ON", "ON", "CA"),
    ("Ontario", "ON", "CA"),
    ("Colombie-Britannique", "BC", "CA"),
    ("Île-du-Prince-Édouard", "PE", "CA"),
    ("P.E.I.", "PE", "CA"),
    ("Terre-Neuve-et-Labrador", "NL", "CA"),
    ("Territoires du Nord-Ouest", "NT", "CA"),
    ("Sask.", "SK", "CA"),
    ("Texas", "TX", "US"),
    ("New York", "NY", "US"),
]


@pytest.mark.parametrize(("text", "code", "country"), REGIONS)
def test_parse_region(text: str, code: str, country: str) -> None:
    got = parse_region(text)
    assert got is not None and (got.code, got.country) == (code, country)


def test_two_letter_codes_need_address_context() -> None:
    assert [r.code for r in find_regions("ON BEHALF OF THE COMPANY")] == []
    assert [r.code for r in find_regions("Ottawa, ON")] == ["ON"]


COUNTRIES = [
    ("India", "IN"),
    ("Inde", "IN"),
    ("États-Unis", "US"),
    ("U.S.A.", "US"),
    ("United Kingdom", "GB"),
    ("Royaume-Uni", "GB"),
    ("UAE", "AE"),
    ("Émirats arabes unis", "AE"),
    ("Philippines", "PH"),
    ("South Korea", "KR"),
    ("Corée du Sud", "KR"),
    ("Côte d'Ivoire", "CI"),
    ("Viet Nam", "VN"),
    ("Allemagne", "DE"),
    ("Nigeria", "NG"),
    ("IND", "IN"),
    ("fr", "FR"),
]


@pytest.mark.parametrize(("text", "alpha2"), COUNTRIES)
def test_parse_country(text: str, alpha2: str) -> None:
    got = parse_country(text)
    assert got is not None and got.alpha2 == alpha2


def test_find_countries_spans_and_case() -> None:
    text = "Worked in the Philippines and in india, then moved to Canada."
    found = find_countries(text)
    assert [(c.text, c.alpha2) for c in found] == [("Philippines", "PH"), ("Canada", "CA")]
    assert all(text[c.start : c.end] == c.text for c in found)


def test_find_addresses_in_letter() -> None:
    text = (
        "REDWOOD PEAK SERVICES\n500 Market St, San Francisco, CA 94105\n"
        "Branch: 1 Front Street West, Toronto, ON M5J 2X5, Canada\n"
    )
    found = find_addresses(text)
    assert [(a.city, a.region, a.country) for a in found] == [
        ("San Francisco", "CA", "US"),
        ("Toronto", "ON", "CA"),
    ]
