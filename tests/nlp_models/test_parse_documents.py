"""The parser on short documents written the way HR offices, schools, CRA and IRCC write them."""

from __future__ import annotations

import datetime as dt

from nlp_models.parse import parse_document
from nlp_models.parse.language import detect_language
from nlp_models.parsed import DocKind, Language
from tests.nlp_models.parse_helpers import text_doc

INDIAN_LETTER = """Bharat Softech Pvt. Ltd.
Plot No. 22, Sector 18, Gurugram - 122015, Haryana, India
Tel: +91 124 455 6789 | hr@bharatsoftech.in

Date: 12/03/2024

EXPERIENCE CERTIFICATE

This is to certify that Ms. Kavya Nair was employed with us from 01/06/2019 to 29/02/2024.
She worked as Senior Software Engineer on a full-time basis (45 hours per week) at a salary of
INR 18,00,000 per annum.
Her key responsibilities included:
• Designing REST services for the payments platform.
• Reviewing code written by junior engineers.
• Preparing release notes and deployment plans.

For Bharat Softech Pvt. Ltd.
Sincerely,
Rohit Malhotra
Head - Human Resources
"""

LABELLED_LETTER = """ACME Manufacturing Inc.
12 Industrial Road, Calgary, AB T2P 1J9

January 15, 2025

TO WHOM IT MAY CONCERN

Employee name: Joseph Adeyemi
Designation: Quality Control Technician
Date of joining: March 1, 2021
Last working day: December 20, 2024

Mr. Adeyemi worked full-time with our company. His duties included inspecting parts,
recording test results and calibrating measuring tools.

Regards,
Linda Chow
Plant Manager
"""

WORK_PERMIT = """WORK PERMIT / PERMIS DE TRAVAIL
Immigration, Refugees and Citizenship Canada
UCI: 1234-5678
Family name: SANTOS
Given name(s): MARIA CLARA
Employer: Pacific Greenhouses Ltd.
Occupation: Greenhouse Supervisor
Date of issue: 2023-05-01
Expiry date: 2025-04-30
Conditions:
NOT VALID FOR EMPLOYMENT IN BUSINESSES RELATED TO THE SEX TRADE
MUST LEAVE CANADA BY 2025-04-30
"""

STUDY_PERMIT = """STUDY PERMIT
Family name: TRAN
Given name(s): MINH
Date of issue: 2022-08-15
Expiry date: 2026-12-31
Conditions:
MAY ACCEPT EMPLOYMENT ON OR OFF CAMPUS IF MEETING ELIGIBILITY CRITERIA
"""

INVOICE = """Dela Cruz Web Studio
45 Queen Street West, Toronto, ON M5H 2M5

INVOICE
Invoice No: INV-2024-017
Invoice date: 2024-07-31
Bill to:
Northwind Traders Corp.
Service period: July 1, 2024 to July 31, 2024
Website maintenance, 40 hours at $65.00 per hour
GST/HST number: 123456789 RT0001
Subtotal 2,600.00
Total due: $2,938.00
"""

T4 = """Canada Revenue Agency
T4
Statement of Remuneration Paid
Year: 2024
Employer's name: Redwood Peak Services Ltd.
Box 10 Province of employment: BC
Box 14 Employment income: 61,230.50
"""


def test_indian_letter_day_first_and_lakh_grouping() -> None:
    parsed = parse_document(text_doc(INDIAN_LETTER))
    f = parsed.fields
    assert parsed.kind == DocKind.REFERENCE_LETTER
    assert f.employer.legal_name.value == "Bharat Softech Pvt. Ltd."
    assert f.employer.address.value.city == "Gurugram"
    assert f.employer.address.value.postal_code == "122015"
    assert f.letter_date.value == dt.date(2024, 3, 12)
    (pos,) = f.positions
    assert pos.title.value == "Senior Software Engineer"
    assert (pos.start.value, pos.end.value) == (dt.date(2019, 6, 1), dt.date(2024, 2, 29))
    assert pos.hours_per_week.value == 45
    assert (pos.pay.value.amount, pos.pay.value.currency) == (1_800_000, "INR")
    assert pos.duties[0].value == "Designing REST services for the payments platform."
    assert f.signatory.name.value == "Rohit Malhotra"


def test_labelled_letter_and_hours_in_words_only() -> None:
    f = parse_document(text_doc(LABELLED_LETTER)).fields
    assert f.applicant.value == "Joseph Adeyemi"
    (pos,) = f.positions
    assert pos.title.value == "Quality Control Technician"
    assert (pos.start.value, pos.end.value) == (dt.date(2021, 3, 1), dt.date(2024, 12, 20))
    assert pos.hours_per_week is None and pos.hours_text.value == "full-time"  # R-LTR-7
    assert [d.value for d in pos.duties] == [
        "inspecting parts",
        "recording test results",
        "calibrating measuring tools",
    ]


def test_work_permit() -> None:
    parsed = parse_document(text_doc(WORK_PERMIT))
    f = parsed.fields
    assert parsed.kind == DocKind.WORK_PERMIT
    assert f.permit_type.value == "work-employer-specific"
    assert f.holder.value == "MARIA CLARA SANTOS"
    assert (f.valid_from.value, f.valid_to.value) == (dt.date(2023, 5, 1), dt.date(2025, 4, 30))
    assert f.employer_named.value == "Pacific Greenhouses Ltd."
    assert f.occupation_named.value == "Greenhouse Supervisor"
    assert any("SEX TRADE" in c.value for c in f.conditions)


def test_study_permit_allows_off_campus_work() -> None:
    parsed = parse_document(text_doc(STUDY_PERMIT))
    assert parsed.kind == DocKind.STUDY_PERMIT
    assert parsed.fields.permit_type.value == "study"
    assert parsed.fields.off_campus_authorized.value is True


def test_invoice() -> None:
    parsed = parse_document(text_doc(INVOICE))
    f = parsed.fields
    assert parsed.kind == DocKind.INVOICE
    assert f.number.value == "INV-2024-017"
    assert f.client.legal_name.value == "Northwind Traders Corp."
    assert (f.period_start.value, f.period_end.value) == (dt.date(2024, 7, 1), dt.date(2024, 7, 31))
    assert (f.amount.value.amount, f.amount.value.currency) == (2938.0, "CAD")
    assert f.gst_hst_number.value == "123456789 RT0001"


def test_t4_slip() -> None:
    parsed = parse_document(text_doc(T4))
    f = parsed.fields
    assert parsed.kind == DocKind.TAX_SLIP
    assert (f.slip.value, f.tax_year.value) == ("T4", 2024)
    assert f.employment_income.value == 61230.50
    assert f.province.value == "BC"
    assert f.employer.legal_name.value == "Redwood Peak Services Ltd."


def test_language() -> None:
    assert (
        detect_language("Nous attestons que Madame Roy est à l'emploi de la société.")[0]
        == Language.FR
    )
    assert (
        detect_language("This letter confirms that she has been employed with us.")[0]
        == Language.EN
    )
    assert (
        detect_language(
            "Por medio de la presente se hace constar que el señor trabaja en la empresa"
        )[0]
        == Language.OTHER
    )
