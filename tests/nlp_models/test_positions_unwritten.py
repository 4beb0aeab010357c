"""Positions as other authors write them: a promotion inside one stated period, details given
apart from the position they belong to, terms stated once for both positions, a title with no
period, a client's letter about a subcontractor; and the employer's country from how it is
registered. The letters are this file's own wording, unlike the fixture generator's."""

from __future__ import annotations

from datetime import date

import pytest

from nlp_models.normalize import find_hours
from nlp_models.normalize.places import find_postal_codes
from nlp_models.normalize.registries import registry_country
from nlp_models.parse import parse_document
from tests.nlp_models.parse_helpers import text_doc


def _positions(letter: str):
    parsed = parse_document(text_doc(letter))
    assert parsed.fields is not None, parsed.kind
    return parsed.fields.positions


_PROMOTED = """KESTREL AUDIT SERVICES PVT. LTD.
41 Residency Road, Bengaluru 560025, Karnataka, India

12-03-2025

TO WHOM IT MAY CONCERN

This is to certify that Mr. Arvind Rao has been with Kestrel Audit Services Pvt. Ltd. from
05-06-2017 till date. He joined us as Audit Assistant and was promoted to the position of
Audit Supervisor with effect from 01-10-2020, the role he holds as on date.
As Audit Assistant, he vouched expense ledgers and prepared bank reconciliations.
In his present role as Audit Supervisor, his responsibilities include:
- planning statutory audit engagements for manufacturing clients
- reviewing working papers prepared by a team of six assistants
He works 48 hours per week. His present salary is Rs. 9,20,000 per annum.

For Kestrel Audit Services Pvt. Ltd.
Meera Iyer
Manager - Human Resources
"""


def test_a_promotion_splits_the_stated_period_and_each_position_keeps_its_details() -> None:
    first, second = sorted(_positions(_PROMOTED), key=lambda p: p.start.value)
    assert first.title.value == "Audit Assistant"
    assert (first.start.value, first.end.value) == (date(2017, 6, 5), date(2020, 9, 30))
    assert second.title.value == "Audit Supervisor"
    assert second.start.value == date(2020, 10, 1) and second.is_current.value is True
    # The sentences opening on each title carry that position's duties, wherever they stand.
    assert any("working papers" in d.value for d in second.duties)
    assert not any("working papers" in d.value for d in first.duties)
    assert second.hours_per_week.value == 48 and first.hours_per_week is None


_BOTH = """Lakeview Millwork Ltd.
88 Dock Street, Thunder Bay, ON P7B 1A1

May 2, 2025

To whom it may concern:

Ana Costa joined Lakeview Millwork Ltd. on April 4, 2022 as a Finishing Technician and was
promoted to Production Planner effective January 8, 2024, her position today.
In both positions her schedule has been Monday to Friday, 7:00 a.m. to 3:30 p.m. with a
30-minute unpaid break.

Regards,
Colin Reyes, Plant Manager
"""


def test_terms_stated_for_both_positions_apply_to_each() -> None:
    first, second = sorted(_positions(_BOTH), key=lambda p: p.start.value)
    assert first.title.value == "Finishing Technician" and first.end.value == date(2024, 1, 7)
    assert second.title.value == "Production Planner"
    assert first.hours_per_week.value == second.hours_per_week.value == 40


_NO_PERIOD = """Salt Marsh Bakery
14 Quay Road, Lunenburg, NS B0J 2C0

June 9, 2025

To whoever reads this,

Priya was one of our best bakers. She shaped and baked the morning bread, about 30 hours a
week, at $19.25 an hour. I would hire her again tomorrow.

Warm regards,
Hal Brennan, Owner
"""


def test_a_title_with_no_period_is_an_undated_position_read_from_the_whole_letter() -> None:
    (p,) = _positions(_NO_PERIOD)
    assert p.title is not None and p.title.value.lower().startswith("baker")
    assert p.start is None
    assert p.hours_per_week.value == 30 and p.pay.value.amount == 19.25


_SUBCONTRACT = """Ridgeline Fabrication Inc.
900 Quarry Road, Red Deer, AB T4N 5E2

August 1, 2025

Re: welding work by Tomas Ruiz

Tomas first came in to work for our shop on February 6, 2023 and is still with us. He is not
on our payroll: he works through his own business and invoices us at $64.00 per hour, about
25 hours a week.

Dana Whitfield, Operations Manager
"""


def test_a_clients_letter_about_a_subcontractor_is_self_employment_from_a_start_date() -> None:
    (p,) = _positions(_SUBCONTRACT)
    assert p.start.value == date(2023, 2, 6) and p.is_current.value is True
    assert p.relationship.value == "self_employed"


@pytest.mark.parametrize(
    ("text", "country"),
    [("CNPJ 11.222.333/0001-44", "BR"), ("RCS Nantes 512 004 118 - SIRET 512 004 118 00027", "FR"),
     ("COMERCIALIZADORA DEL BAJÍO, S.A. DE C.V.", "MX"), ("Orchid Textiles Pvt. Ltd.", "IN"),
     ("Andes Maderas Ltda.", "BR"), ("Maple Leaf Foods Inc.", None)],
)  # fmt: skip
def test_country_from_how_the_company_is_registered(text: str, country: str | None) -> None:
    found = registry_country(text, "en")
    assert (found.country if found else None) == country


def test_a_french_sas_is_french_only_in_french() -> None:
    assert registry_country("Ateliers Brunel SAS", "fr").country == "FR"
    assert registry_country("Ateliers Brunel SAS", "en") is None


def test_words_are_not_postal_codes_and_ocr_may_garble_one_digit() -> None:
    assert find_postal_codes("siège social") == [] and find_postal_codes("para almoço") == []
    assert [p.value for p in find_postal_codes("Burnaby, BC V5C OH9")] == ["V5C 0H9"]


def test_an_fte_share_whose_hours_are_stated_derives_nothing() -> None:
    text = "at 0.6 FTE, that is 22.5 hours per week (full time here is 37.5 hours per week)"
    assert [h.per_week for h in find_hours(text) if h.per_week] == [22.5, 37.5]
    assert [h.per_week for h in find_hours("0.6 FTE of our 40-hour week")] == [24.0]


_BOTH_PARAGRAPH = """Tidewater Survey Group Ltd.
88 Chain Lake Drive, Halifax, NS B3S 1A2

March 3, 2025

To whom it may concern:

Omar Haddad joined Tidewater Survey Group Ltd. on May 1, 2020 as a Survey Assistant and was
promoted to Survey Technologist effective July 1, 2022, his position today.

Both positions are full-time. His schedule is 7.5 hours a day, Monday to Friday. As Survey
Technologist he now earns $68,000 a year.

Regards,
Lena Ward, Office Manager
"""


def test_terms_that_run_on_after_a_both_positions_sentence_apply_to_each() -> None:
    # The hours follow "Both positions are full-time." in its paragraph; the sentence that
    # names a position ("As Survey Technologist ...") is that position's alone.
    first, second = sorted(_positions(_BOTH_PARAGRAPH), key=lambda p: p.start.value)
    assert first.title.value == "Survey Assistant"
    assert first.hours_per_week.value == second.hours_per_week.value == 37.5
    assert first.pay is None and second.pay.value.amount == 68000


_BOTH_NAMED = """Nilgiri Circuit Works Pvt. Ltd.
42 Industrial Estate Road, Coimbatore 641021, India

EXPERIENCE CERTIFICATE

This is to certify that Mr. Arun Selvam worked with us from 01-07-2018 to 31-05-2023.

1) Apprenticeship
Designation: PCB Assembly Apprentice
Period: 01-07-2018 to 30-06-2019

2) Regular employment
Designation: Electronics Technician
Period: 01-07-2019 to 31-05-2023

Working hours for both the apprenticeship and the permanent position were 8 hours a day,
six days a week, i.e. 48 hours per week.

For Nilgiri Circuit Works Pvt. Ltd.
S. Lakshmi, Manager - HR
"""


def test_terms_for_both_the_x_and_the_y_position_apply_to_each() -> None:
    first, second = sorted(_positions(_BOTH_NAMED), key=lambda p: p.start.value)
    assert (first.title.value, second.title.value) == (
        "PCB Assembly Apprentice",
        "Electronics Technician",
    )
    assert first.hours_per_week.value == second.hours_per_week.value == 48


def test_reporting_ends_a_title_only_when_it_says_to_whom() -> None:
    from nlp_models.parse.titles import find_title

    field = "She joined as Associate - Financial Reporting in our accounting division."
    assert find_title(field, 0, len(field)).text == "Associate - Financial Reporting"
    line = "He works as Payroll Analyst reporting to the Controller."
    assert find_title(line, 0, len(line)).text == "Payroll Analyst"


_WRAPPED = """Harrowgate Cold Storage Ltd.
55 Rimrock Road, Toronto, ON M3J 3C6 · 416-555-0160

October 2, 2025

To whom it may concern,

This letter confirms that Lucia Ferreira has been employed by Harrowgate Cold Storage
Ltd. at our Etobicoke Freezer Warehouse since March 6, 2023. She currently holds the
position of Inventory Control Clerk on a permanent, full-time basis, 40 hours per week.

Sincerely,
Neil Osei, Operations Manager
"""

_LABELLED_SITE = """Employment confirmation

Employee: Lucia Ferreira
Position: Inventory Control Clerk, Etobicoke DC (Building 4)
Start date: March 6, 2023
Hours: 40 per week
"""


def test_the_wrapped_rest_of_a_sentence_is_not_a_title_nor_a_workplace_part_of_one() -> None:
    (wrapped,) = _positions(_WRAPPED)
    assert wrapped.title.value == "Inventory Control Clerk"
    (labelled,) = _positions(_LABELLED_SITE)
    assert labelled.title.value == "Inventory Control Clerk"


_FTE_NOTE = """Employment confirmation

Employee: Ines Barros
Position: Pharmacy Assistant
Start date: 2023-02-06
Status: Casual

Note: FTE 1.0000 = 37.50 hrs/wk. Casual staff hold no FTE; their hours are as scheduled.
"""


def test_the_definition_of_a_full_time_week_is_nobodys_hours() -> None:
    (position,) = _positions(_FTE_NOTE)
    assert position.hours_per_week is None
