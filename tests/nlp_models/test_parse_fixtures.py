"""The parser on the generated fixture documents (text layer, DOCX): fields match the truth."""

from __future__ import annotations

import datetime as dt

from nlp_models.parse import PARSER_VERSION, parse_document
from nlp_models.parsed import DocKind, Language


def test_reference_letter_on_letterhead(extracted, truth) -> None:
    parsed = parse_document(extracted("carter_clean", "reference_letter_redwood.pdf"))
    want = truth("carter_clean")["documents"]["reference_letter_redwood.pdf"]["fields"]
    assert parsed.kind == DocKind.REFERENCE_LETTER and parsed.kind_confidence >= 0.9
    assert parsed.language == Language.EN and parsed.parser == PARSER_VERSION
    f = parsed.fields
    assert f.form == "letter" and f.letterhead is True
    assert f.employer.legal_name.value == want["employer"]["legal_name"]
    assert f.employer.address.value.postal_code == "V7P 1T3"
    assert f.employer.phone.value == "+16045550147"
    assert f.applicant.value == "Emily Carter"
    assert (f.signatory.name.value, f.signatory.title.value) == (
        "Daniel Okafor",
        "Human Resources Manager",
    )
    assert f.signatory.name.where.page == 2  # the signature block is on page 2
    assert f.letter_date.value == dt.date(2025, 4, 28)
    assert [p.title.value for p in f.positions] == [p["title"] for p in want["positions"]]
    first, second = f.positions
    assert (first.start.value, first.end.value) == (dt.date(2021, 9, 13), dt.date(2023, 3, 31))
    assert second.end is None and second.is_current.value is True
    assert first.hours_per_week.value == 37.5
    assert (second.pay.value.amount, second.pay.value.currency, second.pay.value.period) == (
        62400.0,
        "CAD",
        "year",
    )
    assert [d.value for d in second.duties] == want["positions"][1]["duties"]


def test_provenance_quotes_the_page_text(extracted) -> None:
    doc = extracted("carter_clean", "reference_letter_redwood.pdf")
    f = parse_document(doc).fields
    for found in (
        f.employer.legal_name,
        f.letter_date,
        f.positions[0].pay,
        f.positions[1].duties[0],
    ):
        w = found.where
        page = doc.pages[w.page - 1]
        assert page.text[w.start : w.end] == w.quote
        assert w.bbox is not None and w.bbox.x0 < w.bbox.x1  # boxes from the text layer's words
    assert f.positions[0].pay.where.quote.startswith("$52,650.00 per year")


def test_french_letter(extracted) -> None:
    parsed = parse_document(extracted("french", "lettre_reference.pdf"))
    f = parsed.fields
    assert parsed.language == Language.FR and parsed.kind == DocKind.REFERENCE_LETTER
    assert f.employer.legal_name.value == "Boulangerie Saint-Laurent inc."
    assert f.employer.address.value.province == "QC"
    assert f.applicant.value == "Lucas Moreau"
    assert f.letter_date.value == dt.date(2025, 3, 14)
    (pos,) = f.positions
    assert pos.title.value == "boulanger-pâtissier"
    assert pos.start.value == dt.date(2022, 1, 3) and pos.is_current.value
    assert pos.hours_per_week.value == 40
    assert pos.pay.value.amount == 49920 and pos.pay.value.period == "year"
    assert pos.benefits.value == "assurance collective et quatre semaines de vacances payées"
    assert len(pos.duties) == 5


def test_contract_docx(extracted) -> None:
    parsed = parse_document(extracted("carter_clean", "employment_contract.docx"))
    f = parsed.fields
    assert parsed.kind == DocKind.CONTRACT and f.form == "contract"
    assert f.relationship_type.value == "employee"  # "not an independent contractor" is negated
    assert f.signed_date.value == dt.date(2021, 8, 30)
    assert f.applicant.value == "Emily Carter"
    assert f.signatory.name.value == "Daniel Okafor"
    (pos,) = f.positions
    assert pos.title.value == "IT Support Specialist I"
    assert pos.start.value == dt.date(2021, 9, 13)
    assert len(pos.duties) == 5 and pos.duties[0].value.startswith("Answer staff requests")


def test_pay_history_table(extracted, truth) -> None:
    parsed = parse_document(extracted("carter_clean", "paystubs_2024-2025.pdf"))
    want = truth("carter_clean")["documents"]["paystubs_2024-2025.pdf"]["fields"]
    f = parsed.fields
    assert parsed.kind == DocKind.PAY_STUB and f.currency == "CAD"
    assert (f.payee.value, f.employee_id.value) == ("Emily Carter", "RP-10482")
    assert len(f.rows) == len(want["rows"])
    for row, exp in zip(f.rows, want["rows"], strict=True):
        assert row.period_start.value.isoformat() == exp["period_start"]
        assert (row.gross.value, row.net.value, row.ytd_gross.value) == (
            exp["gross"],
            exp["net"],
            exp["ytd_gross"],
        )
        assert (row.cpp.value, row.ei.value, row.income_tax.value) == (
            exp["cpp"],
            exp["ei"],
            exp["income_tax"],
        )


def test_transcript(extracted) -> None:
    parsed = parse_document(extracted("carter_clean", "transcript_coastline.pdf"))
    f = parsed.fields
    assert parsed.kind == DocKind.TRANSCRIPT
    assert (f.program.value, f.credential.value) == ("Computer Systems Technology", "Diploma")
    assert f.completion_date.value == dt.date(2021, 4, 30)
    assert [t.term.value for t in f.terms][:2] == ["Fall 2019", "Winter 2020"]
    summer = f.terms[2]
    assert (summer.status.value, summer.delivery.value) == ("part-time", "distance")


def test_notes_are_other(extracted) -> None:
    parsed = parse_document(extracted("carter_clean", "case_notes.txt"))
    assert parsed.kind == DocKind.OTHER and parsed.fields is None
