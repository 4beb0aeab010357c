"""Assembly: parsed documents and case.toml become one Case the checks can run on."""

from __future__ import annotations

import datetime as dt

from checks.models import Relationship
from checks.run import run_checks
from extractors.models import ReadMethod
from nlp_models.parsed import (
    Address,
    ContractFields,
    Found,
    LetterFields,
    Money,
    ParsedDocument,
    Party,
    PayStubFields,
    PayStubRow,
    Position,
    Signatory,
    Unread,
    Where,
)
from pipeline.assemble.case import CaseDocument, assemble_case, claimed_code
from pipeline.audit import match_nocs
from pipeline.case_file import CaseFile, Claim
from pipeline.report import DocumentReport
from tests.conftest import SHARED_NOC


def found(value, page: int = 1, quote: str | None = None) -> Found:
    text = quote or str(value)
    return Found(value=value, where=Where(page=page, start=0, end=len(text), quote=text))


def doc(path: str, kind: str, fields) -> CaseDocument:
    report = DocumentReport(path=path, sha256="0" * 64, size=1, read=ReadMethod.TEXT, pages=1)
    parsed = ParsedDocument(
        kind=kind, kind_confidence=0.9, language="en", fields=fields, parser="t"
    )
    return CaseDocument(report=report, parsed=parsed)


EMPLOYER = Party(
    legal_name=found("Redwood Peak Services Ltd."),
    address=found(
        Address(
            street="1450 Marine Drive",
            city="North Vancouver",
            province="BC",
            postal_code="V7P 1T3",
            country="CA",
        )
    ),
    phone=found("+16045550147"),
    email=found("hr@redwoodpeak-services.ca"),
    website=found("www.redwoodpeak-services.ca"),
)

LETTER = LetterFields(
    employer=EMPLOYER,
    letterhead=True,
    applicant=found("Emily Carter"),
    signatory=Signatory(name=found("Daniel Okafor"), title=found("Human Resources Manager")),
    letter_date=found(dt.date(2025, 4, 28), quote="April 28, 2025"),
    positions=(
        Position(
            title=found("IT Support Specialist I"),
            start=found(dt.date(2021, 9, 13)),
            end=found(dt.date(2023, 3, 31)),
            hours_per_week=found(37.5),
            pay=found(Money(amount=52650, currency="CAD", period="year"), quote="$52,650 per year"),
            duties=(found("Answer staff requests for help with laptops and accounts"),),
        ),
        Position(
            title=found("IT Support Specialist II"),
            start=found(dt.date(2023, 4, 1)),
            is_current=found(True, quote="to present"),
            hours_per_week=found(37.5),
            pay=found(Money(amount=62400, currency="CAD", period="year")),
        ),
    ),
)

CONTRACT = ContractFields(
    employer=Party(
        legal_name=found("REDWOOD PEAK SERVICES LTD"), website=found("redwoodpeak-services.ca")
    ),
    relationship_type=found("employee"),
    positions=(
        Position(
            title=found("IT Support Specialist 1"),
            start=found(dt.date(2021, 9, 13)),
            hours_per_week=found(30.0),
        ),
    ),
)

STUBS = PayStubFields(
    employer=Party(legal_name=found("Redwood Peak Services")),
    payee=found("Emily Carter"),
    currency="CAD",
    rows=(
        PayStubRow(
            period_start=found(dt.date(2024, 11, 18)),
            period_end=found(dt.date(2024, 12, 1)),
            hours=found(67.5),
            gross=found(2160.0),
            cpp=found(120.51),
            ei=found(35.86),
            income_tax=found(362.88),
        ),
    ),
)


def _case():
    case_file = CaseFile(
        applicant="Emily Carter",
        claims=(
            Claim(employer="Redwood Peak Services", title="IT Support Specialist II", noc="22220"),
        ),
    )
    documents = [
        doc("contract.docx", "contract", CONTRACT),
        doc("letter.pdf", "reference_letter", LETTER),
        doc("stubs.pdf", "pay_stub", STUBS),
    ]
    return case_file, assemble_case(dt.date(2025, 5, 12), case_file, documents)


def test_one_employer_from_three_spellings_with_every_variant_kept() -> None:
    _file, case = _case()
    assert len(case.employers) == 1
    employer = case.employers[0]
    assert employer.name.value == "Redwood Peak Services Ltd."  # the letter's, read first
    assert {v.name for v in employer.name_variants} == {
        "Redwood Peak Services Ltd.",
        "REDWOOD PEAK SERVICES LTD",
        "Redwood Peak Services",
    }
    assert employer.country.value == "CA"
    assert set(employer.sources) == {"letter.pdf", "contract.docx", "stubs.pdf"}


def test_letter_positions_with_the_contract_as_a_statement() -> None:
    _file, case = _case()
    first, second = case.positions
    assert (first.title.value, second.title.value) == (
        "IT Support Specialist I",
        "IT Support Specialist II",
    )
    assert first.letter == second.letter == "letter.pdf"
    assert [s.document for s in first.statements] == ["contract.docx"]
    assert first.statements[0].hours_per_week.value == 30.0  # the disagreement the checks see
    assert first.relationship.value == Relationship.EMPLOYEE
    assert second.is_current.value is True and second.end is None
    assert first.pay.quote.text == "$52,650 per year"


def test_pay_records_belong_to_the_position_covering_their_period() -> None:
    _file, case = _case()
    (record,) = case.pay_records
    assert record.position == case.positions[1].id  # Nov 2024 is in the second position
    assert record.employer == case.employers[0].id
    assert set(record.deductions) == {"cpp", "ei", "income_tax"}


def test_letter_facts_and_the_signatory_relation() -> None:
    _file, case = _case()
    (letter,) = case.letters
    assert letter.letterhead is True
    assert letter.signatory_relation == "hr"
    assert letter.letter_date.value == dt.date(2025, 4, 28)
    assert letter.letter_date.quote.text == "April 28, 2025"


def test_claimed_noc_is_found_by_employer_and_title() -> None:
    case_file, _assembled = _case()
    assert (
        claimed_code(case_file, "Redwood Peak Services Ltd.", "IT Support Specialist II") == "22220"
    )
    assert claimed_code(case_file, "Maple Crest Dental Clinic Inc.", "Dental assistant") is None


def test_the_assembled_case_runs_through_noc_matching_and_the_checks() -> None:
    case_file, case = _case()
    case, reports = match_nocs(case, case_file, SHARED_NOC)
    first, second = case.positions
    assert second.noc.claimed.value == "22220"  # from case.toml, by employer and title
    assert first.noc.candidates and first.noc.candidates[0].teer is not None
    assert set(reports) == {first.id, second.id}
    result = run_checks(case)
    slugs = {f.slug for f in result.findings}
    assert "consistency.hours" in slugs  # letter 37.5 h vs contract 30 h: beyond 10 %
    assert "letter.multiple_positions" in slugs


def test_unread_facts_reach_the_checks_and_an_amount_without_period_is_unread_salary() -> None:
    # The parser read "3 150 euros" with no period, and saw an address it could not read.
    first = LETTER.positions[0].model_copy(
        update={"pay": found(Money(amount=3150, currency="EUR", period=None), quote="3 150 euros")}
    )
    fields = LETTER.model_copy(
        update={
            "employer": EMPLOYER.model_copy(update={"address": None}),
            "positions": (first, LETTER.positions[1]),
            "unread": (Unread(field="address", seen=found("69002 LYON")),),
        }
    )
    case = assemble_case(
        dt.date(2025, 5, 12), CaseFile(), [doc("letter.pdf", "reference_letter", fields)]
    )
    (letter,) = case.letters
    assert [(u.field, u.quote.text) for u in letter.unread] == [("address", "69002 LYON")]
    p = case.positions[0]
    assert p.pay is None and [(u.field, u.quote.text) for u in p.unread] == [
        ("salary", "3 150 euros")
    ]
    slugs = [f.slug for f in run_checks(case).findings]
    assert "parse.unread_field" in slugs
    assert "letter.missing_contact" not in slugs and "letter.missing_salary" not in slugs


def test_a_letter_and_its_scan_are_one_document_read_twice() -> None:
    scan = doc("letter_scan.jpg", "reference_letter", LETTER)
    scan = CaseDocument(
        report=scan.report.model_copy(update={"read": ReadMethod.OCR}), parsed=scan.parsed
    )
    other = LETTER.model_copy(update={"letter_date": found(dt.date(2025, 5, 2))})
    documents = [
        scan,
        doc("letter.pdf", "reference_letter", LETTER),
        doc("b.pdf", "reference_letter", other),
    ]
    case = assemble_case(dt.date(2025, 5, 12), CaseFile(), documents)
    by_path = {d.path: d for d in case.documents}
    # The text-read copy is the original; a letter with another date is another letter.
    assert by_path["letter_scan.jpg"].duplicate_of == "letter.pdf"
    assert by_path["letter_scan.jpg"].duplicate_reason == "same_text"
    assert by_path["b.pdf"].duplicate_of is None and by_path["letter.pdf"].duplicate_of is None
    dup = [f for f in run_checks(case).findings if f.slug == "document.duplicate"]
    assert [f.severity.value for f in dup] == ["warning"]


def test_every_parsed_kind_has_its_evidence_kind() -> None:
    from nlp_models.parsed import DocKind as ParsedKind
    from pipeline.assemble.case import KINDS

    assert set(KINDS) == set(ParsedKind)  # no parsed kind falls through to `other` by default


def test_the_parsed_kind_is_kept_beside_the_evidence_kind() -> None:
    _file, case = _case()
    kinds = {d.path: (d.parsed_kind, d.kind.value) for d in case.documents}
    assert kinds == {
        "contract.docx": ("contract", "contract"),
        "letter.pdf": ("reference_letter", "reference_letter"),
        "stubs.pdf": ("pay_stub", "pay_stub"),
    }
