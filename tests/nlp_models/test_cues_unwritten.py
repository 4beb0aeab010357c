"""General cues for text no fixture author wrote: titles after any introducer, employment
structure for kinds, FTE shares, bare schedules, currency names that are not ISO codes.
Sentences are this file's own, in wordings the generator never uses."""

from __future__ import annotations

import pytest

from nlp_models.normalize import country_currency, find_hours, find_money
from nlp_models.parse.kind_structure import email_headers, employment_statement, pay_families
from nlp_models.parse.titles import find_title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Since 2020 she holds the position of Senior Payroll Coordinator in our Regina office.",
         "Senior Payroll Coordinator"),
        ("He was taken on by the depot as a forklift operator on a casual basis.",
         "forklift operator"),
        ("Elle occupe le poste de préposée aux bénéficiaires au sein du CHSLD.",
         "préposée aux bénéficiaires"),
        ("Trabajó con el cargo de Analista de Costos desde 2017.", "Analista de Costos"),
        ("We retained her as Lead Sommelier\nfrom March 2022.", "Lead Sommelier"),
    ],
)  # fmt: skip
def test_title_after_an_introducer(text: str, title: str) -> None:
    found = find_title(text, 0, len(text))
    assert found is not None and found.text == title


@pytest.mark.parametrize(
    "text",
    [
        "She has been with us on a permanent, full-time basis since 2019.",
        "As a result, he was employed as per the agreement.",
        "He worked as a subcontractor of Ridgeback Fabrication Ltd.",
    ],
)
def test_no_title_from_employment_type_words_or_companies(text: str) -> None:
    found = find_title(text, 0, len(text))
    assert found is None or found.text not in ("permanent", "full-time basis", "result")
    assert found is None or "Ltd" not in found.text


def test_employment_structure_without_any_known_heading() -> None:
    letter = "Hi all. Our shop took on Priya Nair in 2021 and she worked with us from June 2021."
    assert employment_statement(letter)
    assert not employment_statement("Thank you for your order of 12 units from our catalogue.")


def test_email_headers_need_a_sender_or_recipient() -> None:
    assert email_headers("From: HR <hr@firm.example>\nTo: Ana <ana@mail.example>\nSubject: x") >= 3
    assert email_headers("Subject: Reference for Ana\nDate: 2024-05-02\n\nTo whom") == 0


def test_pay_statement_families_in_spanish() -> None:
    recibo = (
        "Percepciones\tImporte\nSueldo\t18,400.00\nDeducciones\tImporte\nISR\t2,210.50\n"
        "IMSS\t512.30\nNeto a pagar\t15,677.20\nPeriodo 01/03/2025 al 15/03/2025"
    )
    assert pay_families(recibo) >= 4
    assert pay_families("Her monthly gross salary is 4,000.00.") < 3


@pytest.mark.parametrize(
    ("text", "per_week"),
    [
        ("She works a 0.6 FTE share of our standard week of 37.5 hours.", 22.5),
        ("Shifts run Mon–Fri 8–4 at the warehouse.", 40.0),
        ("He is scheduled Tuesdays to Thursdays, 7:00 a.m. to 3:00 p.m.", 24.0),
    ],
)
def test_hours_from_shares_and_schedules(text: str, per_week: float) -> None:
    assert [h.per_week for h in find_hours(text) if h.per_week] == [per_week]


def test_a_bare_range_that_is_a_year_span_is_not_a_schedule() -> None:
    assert [h for h in find_hours("From Monday to Friday 2019-2021") if h.per_week] == []


def test_currency_names_that_are_no_iso_code() -> None:
    (m,) = find_money("Monthly salary: RMB 12,000")
    assert (m.amount, m.currency) == (12000, "CNY")
    assert country_currency("NG") == "NGN" and country_currency("BR") == "BRL"
    assert country_currency(None) is None
