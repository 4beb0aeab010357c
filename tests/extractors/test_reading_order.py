"""Reading order of text-layer pages drawn here with reportlab: a side-bar letterhead, a table
with a wrapped cell, a label/value form. Real PDFs through the real extractor."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

from extractors.extract import extract


def _pdf(draw) -> bytes:
    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=LETTER, invariant=1)
    c.setFont("Helvetica", 10)
    draw(c)
    c.save()
    return buffer.getvalue()


def _lines(data: bytes) -> list[str]:
    return extract(data).pages[0].text.splitlines()


def test_side_bar_letterhead_is_read_as_its_own_column() -> None:
    side = ["Larkspur Tooling", "Partnership", "88 Mill Lane", "Sheffield S1 2AB", "England"]
    body = [
        "To the officer reviewing this file,",
        "we employed Tomasz Wren as a Tool Setter from",
        "May 2019 until August 2024, thirty-nine hours",
        "each week, at a salary of GBP 31,200 a year.",
        "He set up presses and checked first-off parts.",
    ]

    def draw(c) -> None:
        for i, text in enumerate(side):
            c.drawString(50, 720 - 14 * i, text)
        for i, text in enumerate(body):
            c.drawString(230, 720 - 14 * i, text)

    lines = _lines(_pdf(draw))
    assert lines[: len(side)] == side  # the side bar first, whole
    assert lines[len(side) : len(side) + len(body)] == body  # then the letter's sentences


def test_wrapped_table_cell_stays_in_its_row_and_column() -> None:
    def draw(c) -> None:
        for x, head in ((50, "From"), (150, "To"), (250, "Role"), (420, "Weekly hours")):
            c.drawString(x, 700, head)
        row = ((50, "2018-02-05"), (150, "2020-06-30"), (420, "37.5"))
        for x, cell in row:
            c.drawString(x, 680, cell)
        c.drawString(250, 686, "Junior Estimating")  # a cell wrapped over two lines
        c.drawString(250, 674, "Technician")
        c.drawString(50, 640, "His work in both roles was thorough and on time.")

    lines = _lines(_pdf(draw))
    assert lines[0].split("\t") == ["From", "To", "Role", "Weekly hours"]
    assert lines[1].split("\t") == [
        "2018-02-05",
        "2020-06-30",
        "Junior Estimating Technician",
        "37.5",
    ]
    assert lines[2] == "His work in both roles was thorough and on time."


def test_form_labels_stay_beside_their_values() -> None:
    pairs = [
        ("Employee name", "Ines Varga"),
        ("Job title", "Bookkeeper"),
        ("Hire date", "2021-10-04"),
    ]

    def draw(c) -> None:
        for i, (label, value) in enumerate(pairs):
            c.drawString(50, 700 - 16 * i, label)
            c.drawString(220, 700 - 16 * i, value)

    assert [ln.split("\t") for ln in _lines(_pdf(draw))] == [list(p) for p in pairs]
