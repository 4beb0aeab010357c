"""Self-service HR forms and payroll statements laid out as labelled cells, in our own words:
the rate's period on its own line, labelled weekly hours, a help line's opening hours, tabbed
addresses and a pay period given by its two ends."""

from __future__ import annotations

from nlp_models.parse import parse_document
from tests.nlp_models.parse_helpers import text_doc

FORM = """Harbourline Staffing Portal\tEmployment & Income Verification
Date Generated:\t03/14/2025
Employer Name:\tBrightwater Valve Services, LLC
Employer Address:\t1180 Channel Street, Galveston, TX 77550
Employee Name:\tMarisol Quintero
Job Title:\tMaintenance Planner
Hire Date:\t02/11/2021
Employment Status:\tActive
Scheduled Hours:\t38
Base Rate:\t$31.40
Rate Type:\tHourly
Pay Frequency:\tWeekly
This record was produced automatically and carries no signature.
Questions: Payroll Help Desk, 1-877-555-0110 (Mon-Fri 8 a.m. - 5 p.m. CT)
"""

STATEMENT = """BRIGHTWATER VALVE SERVICES, LLC\tPeriod Beginning:\t02/23/2025
1180 CHANNEL STREET\tPeriod Ending:\t03/01/2025
GALVESTON, TX 77550\tPay Date:\t03/07/2025
Earnings\tRate\tHours\tThis Period
Regular\t31.40\t38.00\t1,193.20
Gross Pay\t\t\t1,193.20
Net Pay\t\t\t951.62
"""


def test_a_rate_type_line_gives_the_rate_its_period() -> None:
    (p,) = parse_document(text_doc(FORM)).fields.positions
    assert (p.pay.value.amount, p.pay.value.period) == (31.40, "hour")


def test_labelled_weekly_hours_win_over_a_help_lines_opening_hours() -> None:
    (p,) = parse_document(text_doc(FORM)).fields.positions
    assert p.hours_per_week.value == 38.0
    assert p.hours_per_week.where.quote == "38"


def test_opening_hours_of_a_help_line_are_not_a_work_schedule() -> None:
    without_label = FORM.replace("Scheduled Hours:\t38\n", "")
    (p,) = parse_document(text_doc(without_label)).fields.positions
    assert p.hours_per_week is None


def test_a_tabbed_address_keeps_the_street_cell_only() -> None:
    fields = parse_document(text_doc(FORM)).fields
    assert fields.employer.address.value.street == "1180 Channel Street"
    stub = parse_document(text_doc(STATEMENT)).fields
    assert stub.employer.address.value.street == "1180 CHANNEL STREET"


def test_a_pay_period_given_by_its_two_labelled_ends() -> None:
    (row,) = parse_document(text_doc(STATEMENT)).fields.rows
    assert (row.period_start.value.isoformat(), row.period_end.value.isoformat()) == (
        "2025-02-23",
        "2025-03-01",
    )
    assert row.pay_date.value.isoformat() == "2025-03-07"


OFFER = """Tidewater Analytics Inc.
88 Harbour Road, Dartmouth, NS B2Y 3Z1 · 902-555-0170

February 3, 2024

Dear Ms. Okonjo,

Re: Offer of Employment

We are pleased to offer you the position of Data Engineer. Your employment will begin on
Tuesday, March 5, 2024. Your regular hours will be 37.5 hours per week and your annual salary
will be $78,000.00. You have told us you hold a post-graduation work permit valid until
October 2026; please keep us informed of its renewal.

Yours sincerely,
Priya Natarajan
Director, Talent
"""


def test_an_offer_starts_on_a_date_written_with_its_weekday() -> None:
    (p,) = parse_document(text_doc(OFFER)).fields.positions
    assert p.start.value.isoformat() == "2024-03-05"


def test_a_permits_validity_is_not_the_end_of_the_job() -> None:
    (p,) = parse_document(text_doc(OFFER)).fields.positions
    assert p.end is None
    assert p.hours_per_week.value == 37.5


def test_an_fte_before_the_labelled_hours_is_not_the_hours() -> None:
    form = FORM.replace(
        "Scheduled Hours:\t38", "FTE / Standard hours\t: 1.00 / 37.50 hours per week"
    )
    (p,) = parse_document(text_doc(form)).fields.positions
    assert p.hours_per_week.value == 37.5


def test_office_hours_of_the_employee_are_still_hours() -> None:
    letter = OFFER.replace(
        "Your regular hours will be 37.5 hours per week and your",
        "Office hours are 8 hours a day, Monday to Friday, and your",
    )
    (p,) = parse_document(text_doc(letter)).fields.positions
    assert p.hours_per_week.value == 40.0


VERIFICATION = """Bayview Logistics Ltd. · People Services · 604-555-0181
EMPLOYMENT VERIFICATION
Employee name\tTomasz Wieczorek
Position\tDispatch Coordinator
Date of hire\t2021-03-08
Termination date\tN/A – currently employed
Scheduled hours\t40
Base salary\t$61,500.00 annually
Duties
Schedules daily pickups for a fleet of 30 trucks; assigns loads to drivers and
tracks them by GPS; resolves delays with customers and warehouses;
keeps the dispatch log and reports late deliveries each week.
Verified by:
HR Generalist, People Services
"""


def test_a_duties_paragraph_of_clauses_under_its_heading() -> None:
    (p,) = parse_document(text_doc(VERIFICATION)).fields.positions
    assert [d.value for d in p.duties] == [
        "Schedules daily pickups for a fleet of 30 trucks",
        "assigns loads to drivers and tracks them by GPS",
        "resolves delays with customers and warehouses",
        "keeps the dispatch log and reports late deliveries each week",
    ]


def test_a_termination_date_of_na_means_still_employed() -> None:
    (p,) = parse_document(text_doc(VERIFICATION)).fields.positions
    assert p.is_current.value is True and p.end is None


WRAPPED_STUB = """Birchwood Bistro Ltd.
410 Osborne Street, Winnipeg, MB R3L 2A2
Pay Stub
Pay Period: Mar 2, 2025 - Mar 15,
2025
Pay Date: Mar 21, 2025
Pay\tHours\tRate\tCurrent\tYTD
Hourly Wage\t64.00\t19.50\t1,248.00\t3,744.00
CPP\t68.80\t206.40
Net Pay\t1,041.27
"""


def test_a_pay_period_that_wraps_onto_the_next_line() -> None:
    (row,) = parse_document(text_doc(WRAPPED_STUB)).fields.rows
    assert (row.period_start.value.isoformat(), row.period_end.value.isoformat()) == (
        "2025-03-02",
        "2025-03-15",
    )
