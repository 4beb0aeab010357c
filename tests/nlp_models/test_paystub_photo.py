"""A pay statement read by OCR: amounts go to the column they stand under (own words, rendered
and read by the real Tesseract)."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extractors.extract import extract
from fixtures.scans import render_pages
from nlp_models.parse import parse_document

# (label, hours, rate, current, year to date): the total row has no rate, the holiday row
# only a year-to-date amount. Read in order, the total's current amount would be the rate and
# its year-to-date the period's gross.
ROWS = [
    ("Regular pay", "40.00", "27.5000", "1,100.00", "19,800.00"),
    ("Overtime", "4.00", "41.2500", "165.00", "495.00"),
    ("Stat holiday", "", "", "", "880.00"),
    ("Total earnings", "44.00", "", "1,265.00", "21,175.00"),
]
X = (72, 150, 190, 245, 300)  # left edge of each column, in points


def _statement_png() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawString(72, 720, "Fenwick Harbour Supply Ltd.   EARNINGS STATEMENT")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 700, "Employee: Dana Whitlock     Pay period: 2025-03-02 to 2025-03-15")
    for x, head in zip(X, ("Earnings", "Hours", "Rate", "Current", "Year to date"), strict=True):
        pdf.drawString(x, 670, head)
    for i, row in enumerate(ROWS):
        for x, cell in zip(X, row, strict=True):
            pdf.drawString(x, 650 - 18 * i, cell)
    pdf.drawString(72, 560, "Net pay  1,012.40")
    pdf.showPage()
    pdf.save()
    (image,) = render_pages(buffer.getvalue(), dpi=300)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(300, 300))
    return out.getvalue()


def test_a_blank_cell_shifts_no_amount_into_the_next_column() -> None:
    doc = extract(_statement_png())
    (row,) = parse_document(doc).fields.rows
    assert row.gross.value == 1265.00
    assert row.ytd_gross.value == 21175.00
    assert row.hours.value == 44.0
    # "Employee: Dana Whitlock  Pay period: ..." on one line: the name ends at the next label.
    assert parse_document(doc).fields.payee.value == "Dana Whitlock"
