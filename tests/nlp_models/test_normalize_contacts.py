"""Phones (E.164 and country), e-mail addresses with free-mail detection, web sites."""

import pytest

from nlp_models.normalize import (
    find_emails,
    find_phones,
    find_websites,
    parse_email,
    parse_phone,
    parse_website,
    registrable_domain,
    same_organisation,
)

PHONES = [
    ("(416) 555-0199", "CA", "+14165550199", "CA", None),
    ("Tel: 416.555.0100", "CA", "+14165550100", "CA", None),
    ("+1 415 555 0123 ext. 12", None, "+14155550123", "US", "12"),
    ("Mobile: +91 98765 43210", None, "+919876543210", "IN", None),
    ("+234 803 123 4567", None, "+2348031234567", "NG", None),
    ("Tél. : 514-555-0142 poste 12", "CA", "+15145550142", "CA", "12"),
    ("+44 20 7946 0958", None, "+442079460958", "GB", None),
    ("0049 30 901820", "CA", "+4930901820", "DE", None),
    ("022 2653 1234", "IN", "+912226531234", "IN", None),
    ("+63 2 8123 4567", None, "+63281234567", "PH", None),
]


@pytest.mark.parametrize(("text", "country", "e164", "region", "ext"), PHONES)
def test_parse_phone(
    text: str, country: str | None, e164: str, region: str, ext: str | None
) -> None:
    got = parse_phone(text, country=country)
    assert got is not None
    assert (got.e164, got.region, got.extension) == (e164, region, ext)
    assert text[got.start : got.end] == got.text


def test_dates_and_ids_are_not_phones() -> None:
    assert find_phones("Date 2023-03-03, SIN 123 456 789, amount 9,60,000") == []


EMAILS = [
    ("HR@RedwoodPeak.com", "hr@redwoodpeak.com", False, None),
    ("j.doe@gmail.com", "j.doe@gmail.com", True, "gmail"),
    ("raj_k@yahoo.co.in", "raj_k@yahoo.co.in", True, "yahoo"),
    ("boss@videotron.ca", "boss@videotron.ca", True, "videotron"),
    ("marie@hotmail.fr", "marie@hotmail.fr", True, "hotmail"),
    ("jobs@outlook.com", "jobs@outlook.com", True, "outlook"),
    ("paie@desjardins.com", "paie@desjardins.com", False, None),
    ("info@acme.co.uk.", "info@acme.co.uk", False, None),
]


@pytest.mark.parametrize(("text", "address", "free", "provider"), EMAILS)
def test_parse_email(text: str, address: str, free: bool, provider: str | None) -> None:
    got = parse_email(text)
    assert got is not None
    assert (got.address, got.free_mail, got.provider) == (address, free, provider)


def test_websites_and_domains() -> None:
    text = "Web: www.redwoodpeak.com, https://acme.co.uk/careers, acme.ca. B.Sc. e.g. file.pdf"
    found = find_websites(text)
    assert [(w.text, w.domain) for w in found] == [
        ("www.redwoodpeak.com", "redwoodpeak.com"),
        ("https://acme.co.uk/careers", "acme.co.uk"),
        ("acme.ca", "acme.ca"),
    ]
    assert registrable_domain("hr.mail.acme.com.au") == "acme.com.au"


def test_email_matches_site() -> None:
    site = parse_website("www.redwoodpeak.com")
    mail = parse_email("hr@mail.redwoodpeak.com")
    other = find_emails("x@gmail.com")[0]
    assert site is not None and mail is not None
    assert same_organisation(mail, site) is True
    assert same_organisation(other, site) is False
