"""Titles from numbered section headings, and term contracts listed in a table below one, in our
own words (a university's employment history)."""

from __future__ import annotations

from nlp_models.parse import parse_document
from tests.nlp_models.parse_helpers import text_doc

HISTORY = """Lakehead Ridge College
Faculty Relations Office, 955 Oliver Road, Thunder Bay, ON P7B 5E1 · 807-555-0142

March 3, 2025

To whom it may concern,

This confirms the appointments held by Ms. Amara Oduya in our School of Business.

1. Course Instructor
Ms. Oduya taught under per-course contracts; there is no appointment between contracts.
Term\tContract period\tCourse\tAssigned hours
Fall 2023\tSep 5/23 – Dec 15/23\tACCT 1101\t135 h
Winter 2024\tJan 8/24 – Apr 19/24\tACCT 2201\t135 h

Ms. Oduya has not held a contract with the College since 19 April 2024.

Yours truly,
Renée Talbot
Manager, Faculty Relations
"""


def test_term_contracts_under_a_numbered_heading_take_its_title() -> None:
    positions = parse_document(text_doc(HISTORY)).fields.positions
    assert [
        (p.title.value, p.start.value.isoformat(), p.end.value.isoformat()) for p in positions
    ] == [
        ("Course Instructor", "2023-09-05", "2023-12-15"),
        ("Course Instructor", "2024-01-08", "2024-04-19"),
    ]


def test_a_numbered_paragraph_is_not_a_heading() -> None:
    text = HISTORY.replace("1. Course Instructor\n", "1. Terms. The contracts below were paid.\n")
    positions = parse_document(text_doc(text)).fields.positions
    assert all(p.title is None or p.title.value != "Terms" for p in positions)
