"""Signature blocks as forms print them: a "Verified by:" head, the title above the name (own
words)."""

from __future__ import annotations

from nlp_models.parse import parse_document
from tests.nlp_models.parse_helpers import text_doc

FORM = """Harbourline Transit Authority
220 Quay Street, Victoria, BC V8W 1B4 · 250-555-0190 · records@harbourline.example

EMPLOYMENT CONFIRMATION
Date issued: 2025-02-14

Employee name      Ravi Menon
Position           Fleet Maintenance Planner
Date of hire       2021-06-07
Scheduled hours    40 hours per week
Base salary        $71,500.00 annually

Certified by:
Senior Payroll Advisor, Finance
Marguerite Olsen
250-555-0190 · m.olsen@harbourline.example
"""

LETTER = """Dear Sir or Madam,

Ravi Menon has worked for Harbourline Transit Authority as a Fleet Maintenance Planner since
June 7, 2021, 40 hours per week.

Sincerely,
Marguerite Olsen
Senior Payroll Advisor
"""


def test_a_title_printed_above_the_name_is_the_signatory_title() -> None:
    sig = parse_document(text_doc(FORM)).fields.signatory
    assert sig.name.value == "Marguerite Olsen"
    assert sig.title.value.startswith("Senior Payroll Advisor")
    assert sig.contact.value == "m.olsen@harbourline.example"


def test_the_usual_order_is_kept() -> None:
    sig = parse_document(text_doc(LETTER)).fields.signatory
    assert (sig.name.value, sig.title.value) == ("Marguerite Olsen", "Senior Payroll Advisor")


CAPITALS = """KESTREL FREIGHT SERVICES PVT. LTD.
Plot 12, MIDC Road, Pune 411019, India

CERTIFICATE OF SERVICE

This certifies that MR. ANIL R. DESHMUKH was employed by us as a Logistics Executive from
03/01/2019 to 28/02/2023, working 48 hours per week.

(signed)
PRIYA S. KULKARNI, Manager - Human Resources
priya.kulkarni@kestrel.example
"""


def test_a_name_in_capitals_with_initials_and_a_name_with_its_role_on_one_line() -> None:
    fields = parse_document(text_doc(CAPITALS)).fields
    assert fields.applicant.value == "ANIL R. DESHMUKH"
    sig = fields.signatory
    assert sig.name.value == "PRIYA S. KULKARNI"
    assert sig.title.value == "Manager - Human Resources"
    assert sig.contact.value == "priya.kulkarni@kestrel.example"
