"""Pay-stub layouts other payroll systems print: fixed-width text exports, two headers in one
cell, overtime and holiday rows, premiums on hours already counted, space-grouped amounts.
The stubs are this file's own wording, in layouts the fixture generator never writes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp_models.normalize._numbers import parse_decimal
from nlp_models.parse import parse_document
from tests.nlp_models.parse_helpers import text_doc


def _row(text: str):
    parsed = parse_document(text_doc(text))
    assert parsed.kind == "pay_stub", parsed.kind_cues
    return parsed.fields.rows[0]


@pytest.mark.parametrize(
    ("token", "value"),
    [("1.234,56", Decimal("1234.56")), ("1 234,56", Decimal("1234.56")),
     ("3,60,000.00", Decimal("360000.00")), ("75.00 24.60", None), ("60.00 46.13", None),
     ("12.5,00", None)],
)  # fmt: skip
def test_grouping_then_a_decimal_mark_but_not_two_cells_run_together(token, value) -> None:
    assert parse_decimal(token) == value


def test_fixed_width_export_reads_each_amount_under_its_header() -> None:
    stub = (
        "MARIGOLD TELESERVICES CORP.\n"
        "PAY STATEMENT   Period 03/01/2025 to 03/15/2025   Pay date: 03/20/2025\n"
        "Employee : DELA CRUZ, JOANNA\n"
        "EARNINGS                         HRS        AMOUNT\n"
        "Basic salary                   80.00     16,400.00\n"
        "Night premium 10%              80.00      1,640.00\n"
        "GROSS PAY                                18,040.00\n"
        "NET PAY                                  15,102.77\n"
    )
    row = _row(stub)
    # The premium is paid on the same 80 hours; the gross is an amount, not hours.
    assert row.hours.value == 80
    assert row.gross.value == 18040


def test_overtime_and_holiday_rows_add_hours_and_a_shift_differential_does_not() -> None:
    stub = (
        "Harbour Lane Veterinary Inc.\nEARNINGS STATEMENT\n"
        "Period start: 2025-04-06\nPeriod end: 2025-04-19\nPay date: 2025-04-25\n"
        "Earnings\tHours\tRate\tAmount\n"
        "REG Regular\t60.00\t26.10\t1,566.00\n"
        "OT1 Overtime 1.5x\t4.00\t39.15\t156.60\n"
        "STAT Good Friday\t7.50\t26.10\t195.75\n"
        "Evening shift diff\t20.00\t2.00\t40.00\n"
        "Gross pay\t\t\t1,958.35\nNet pay\t\t\t1,480.12\n"
    )
    assert _row(stub).hours.value == pytest.approx(71.5)


def test_two_headers_in_one_cell_and_a_space_grouped_total() -> None:
    stub = (
        "Norwood Freightways Ltd.\nSTATEMENT OF EARNINGS\n"
        "Period: 2025-06-01 - 2025-06-15   Pay date: 2025-06-20\n"
        "EARNINGS HRS/UNITS\tRATE\tCURRENT\tYTD\n"
        "Regular Salary\t86.67\t31.1500\t2,699.77\t29,697.47\n"
        "Net pay\t2,001.10\n"
    )
    row = _row(stub)
    assert row.hours.value == pytest.approx(86.67)
    assert row.rate.value == pytest.approx(31.15)
