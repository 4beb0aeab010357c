"""Stage 5: documents and `case.toml` become one `Case` for the checks (DESIGN §2.5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from checks.models import (
    Case,
    Claim,
    DocKind,
    DocumentSummary,
    LanguageResult,
    Letter,
    PayRecord,
    Permit,
    Position,
    Program,
    Relationship,
    StudyProgram,
    StudyTerm,
    TaxSlip,
    Waiver,
)
from nlp_models.parsed import (
    ContractFields,
    Language,
    LetterFields,
    ParsedDocument,
    PayStubFields,
    PermitFields,
    TaxSlipFields,
    TranscriptFields,
)
from nlp_models.parsed import (
    DocKind as ParsedKind,
)
from pipeline.assemble.employers import EmployerBook, name_key
from pipeline.assemble.positions import (
    letter_record,
    position_record,
    relationship_fact,
    same_position,
    statement,
)
from pipeline.assemble.records import pay_records, permit, study_records, tax_slip
from pipeline.assemble.same_content import same_content
from pipeline.case_file import CaseFile
from pipeline.report import DocumentReport

# The parser's kinds → the role each plays as evidence for the checks: every parsed kind maps
# (a test holds it); employment statements in e-mails and HR prints count as references, offer
# letters as contracts; tax slips are refined by their slip type.
KINDS: dict[ParsedKind, DocKind] = {
    ParsedKind.REFERENCE_LETTER: DocKind.REFERENCE_LETTER,
    ParsedKind.HR_EMAIL: DocKind.REFERENCE_LETTER,
    ParsedKind.EMPLOYMENT_RECORD: DocKind.REFERENCE_LETTER,
    ParsedKind.CONTRACT: DocKind.CONTRACT,
    ParsedKind.OFFER_LETTER: DocKind.CONTRACT,
    ParsedKind.PAY_STUB: DocKind.PAY_STUB,
    ParsedKind.TRANSCRIPT: DocKind.TRANSCRIPT,
    ParsedKind.ENROLMENT_OR_COMPLETION_LETTER: DocKind.ENROLMENT_LETTER,
    ParsedKind.STUDY_PERMIT: DocKind.STUDY_PERMIT,
    ParsedKind.WORK_PERMIT: DocKind.WORK_PERMIT,
    ParsedKind.INVOICE: DocKind.INVOICE,
    ParsedKind.TAX_SLIP: DocKind.TAX_SLIP,
    ParsedKind.BANK_STATEMENT: DocKind.BANK_STATEMENT,
    ParsedKind.BUNDLE: DocKind.OTHER,  # never assembled itself: its parts are
    ParsedKind.OTHER: DocKind.OTHER,
    ParsedKind.UNKNOWN: DocKind.OTHER,
}
OFFICIAL = (Language.EN, Language.FR)
# Parsed kinds that state positions the way a reference letter does.
_STATEMENTS = {"reference_letter", "hr_email", "employment_record"}


@dataclass(frozen=True)
class CaseDocument:
    report: DocumentReport
    parsed: ParsedDocument | None


@dataclass
class _Collect:
    letters: list[Letter]
    positions: list[Position]
    pay: list[PayRecord]
    slips: list[TaxSlip]
    programs: list[StudyProgram]
    terms: list[StudyTerm]
    permits: list[Permit]


def assemble_case(as_of: dt.date, case_file: CaseFile, documents: Sequence[CaseDocument]) -> Case:
    book = EmployerBook()
    out = _Collect([], [], [], [], [], [], [])
    twins = same_content(documents)
    readable = [
        d
        for d in documents
        if d.parsed is not None and d.report.duplicate_of is None and d.report.path not in twins
    ]
    # Letters first: they define the positions; contracts then attach to them. Within a kind,
    # English and French first: IRCC reads a translation, so it defines the position that the
    # original (in another language) restates.
    order = {"reference_letter": 0, "hr_email": 1, "employment_record": 2}
    readable.sort(
        key=lambda d: (
            order.get(
                d.parsed.kind.value,
                3 if getattr(d.parsed.fields, "form", "") == "contract" else 4,
            ),
            d.parsed.language not in OFFICIAL,
        )
    )
    for doc in readable:
        _collect(doc, book, out, case_file.applicant)
    return Case(
        application_date=as_of,
        applicant=case_file.applicant,
        ita_date=case_file.ita_date,
        programs=tuple(Program(p) for p in case_file.programs),
        study_permit_holder=case_file.study_permit_holder,
        sp_app_date=case_file.sp_app_date,
        claims=tuple(Claim(**c.model_dump()) for c in case_file.claims),
        language=tuple(_language(case_file)),
        waivers=tuple(Waiver(rule=w.rule, reason=w.reason) for w in case_file.waive),
        documents=_client_letters(
            tuple(_summary(d, twins.get(d.report.path)) for d in documents), out.positions
        ),
        employers=book.employers(),
        letters=tuple(out.letters),
        positions=tuple(out.positions),
        pay_records=tuple(_link_pay(out.pay, out.positions)),
        tax_slips=tuple(out.slips),
        study_programs=tuple(out.programs),
        study_terms=tuple(out.terms),
        permits=tuple(out.permits),
    )


def _collect(doc: CaseDocument, book: EmployerBook, out: _Collect, applicant: str | None) -> None:
    path, fields = doc.report.path, doc.parsed.fields
    if isinstance(fields, LetterFields) and doc.parsed.kind in _STATEMENTS:
        official = doc.parsed.language in OFFICIAL
        _collect_letter(path, doc.parsed.kind, fields, book, out, applicant, official)
    elif isinstance(fields, ContractFields):
        _collect_contract(path, fields, book, out)
    elif isinstance(fields, PayStubFields):
        employer = book.resolve(path, fields.employer)
        out.pay += pay_records(path, employer, fields)
    elif isinstance(fields, TaxSlipFields):
        slip = tax_slip(path, book.resolve(path, fields.employer), fields)
        if slip is not None:
            out.slips.append(slip)
    elif isinstance(fields, TranscriptFields):
        program, terms = study_records(path, f"S{len(out.programs) + 1}", fields)
        if program is not None:
            out.programs.append(program)
        out.terms += terms
    elif isinstance(fields, PermitFields):
        found = permit(path, f"W{len(out.permits) + 1}", fields)
        if found is not None:
            out.permits.append(found)


def _same(out: _Collect, employer: str, parsed) -> Position | None:
    """A position already collected for this employer that `parsed` restates."""
    return next(
        (p for p in out.positions if p.employer == employer and same_position(p, parsed)), None
    )


def _restated(match: Position, path: str, parsed, **update) -> Position:
    return match.model_copy(
        update={
            "statements": (*match.statements, statement(path, parsed)),
            "sources": (*match.sources, path),
            **update,
        }
    )


def _collect_letter(
    path: str,
    kind: str,
    fields: LetterFields,
    book: EmployerBook,
    out: _Collect,
    applicant: str | None,
    official: bool = True,
) -> None:
    employer = book.resolve(path, fields.employer)
    if employer is None:
        return
    letter = letter_record(path, employer, fields, applicant)
    if kind != "reference_letter":
        # An HR e-mail or a system print is not expected on letterhead.
        letter = letter.model_copy(update={"letterhead": None})
    out.letters.append(letter)
    country = book.country(employer)
    for parsed in fields.positions:
        # The e-mail and the HR print beside a letter restate its position; so does a letter in
        # a language IRCC does not read, beside its translation.
        restates = kind != "reference_letter" or not official
        match = _same(out, employer, parsed) if restates else None
        if match is not None:
            out.positions[out.positions.index(match)] = _restated(match, path, parsed)
            continue
        pid = f"P{len(out.positions) + 1}"
        out.positions.append(position_record(pid, path, employer, parsed, path, country))


def _collect_contract(path: str, fields: ContractFields, book: EmployerBook, out: _Collect) -> None:
    employer = book.resolve(path, fields.employer)
    if employer is None:
        return
    relationship = relationship_fact(path, fields)
    country = book.country(employer)
    for parsed in fields.positions:
        match = _same(out, employer, parsed)
        if match is None:
            pid = f"P{len(out.positions) + 1}"
            out.positions.append(
                position_record(pid, path, employer, parsed, None, country, relationship)
            )
            continue
        relation = match.relationship or relationship
        out.positions[out.positions.index(match)] = _restated(
            match, path, parsed, relationship=relation
        )


def _client_letters(
    summaries: tuple[DocumentSummary, ...], positions: list[Position]
) -> tuple[DocumentSummary, ...]:
    """A letter vouching for self-employed or contract work is a client's letter (third-party
    evidence of services, R-SELF-1), not an employer's reference letter."""
    independent = {Relationship.SELF_EMPLOYED, Relationship.CONTRACTOR}
    clients = {
        p.letter for p in positions if p.relationship and p.relationship.value in independent
    }
    return tuple(
        d.model_copy(update={"kind": DocKind.CLIENT_LETTER}) if d.path in clients else d
        for d in summaries
    )


def _link_pay(records: list[PayRecord], positions: list[Position]) -> list[PayRecord]:
    """Each pay record belongs to the position at its employer whose dates cover its period."""
    linked = []
    for record in records:
        candidates = [p for p in positions if p.employer == record.employer]
        covering = [p for p in candidates if _covers(p, record.period_start)]
        chosen = covering[0] if covering else (candidates[0] if len(candidates) == 1 else None)
        linked.append(record.model_copy(update={"position": chosen.id if chosen else None}))
    return linked


def _covers(position: Position, day: dt.date) -> bool:
    start = position.start.value if position.start else dt.date.min
    end = position.end.value if position.end else dt.date.max
    return start <= day <= end


def _summary(doc: CaseDocument, twin: str | None = None) -> DocumentSummary:
    report, parsed = doc.report, doc.parsed
    kind = DocKind.OTHER
    if parsed is not None:
        kind = KINDS[parsed.kind]
        if isinstance(parsed.fields, TaxSlipFields) and parsed.fields.slip is not None:
            kind = DocKind(parsed.fields.slip.value.lower())
    error = report.error
    return DocumentSummary(
        path=report.path,
        kind=kind,
        parsed_kind=parsed.kind.value if parsed else None,
        language=parsed.language.value if parsed else None,
        read=report.read,
        pages=report.pages or None,
        ocr_confidence=report.ocr_confidence / 100 if report.ocr_confidence is not None else None,
        error=error.kind if error else None,
        parse_failure=(
            f"{parsed.failure.error}: {parsed.failure.message}"
            if parsed is not None and parsed.failure is not None
            else None
        ),
        error_detail=error.message if error else None,
        duplicate_of=report.duplicate_of or twin,
        duplicate_reason="same_bytes" if report.duplicate_of else ("same_text" if twin else None),
        part_of=report.part_of,
    )


def _language(case_file: CaseFile) -> list[LanguageResult]:
    results = []
    for role, test in case_file.language.items():
        if test.date is None or role not in ("first", "second"):
            continue  # CLB points need the test date (results expire after two years)
        results.append(
            LanguageResult(
                role=role,
                test=test.test,
                test_date=test.date,
                speaking=int(test.speaking),
                listening=int(test.listening),
                reading=int(test.reading),
                writing=int(test.writing),
            )
        )
    return results


def claimed_code(case_file: CaseFile, employer_name: str, title: str | None) -> str | None:
    """The NOC the applicant claims for this position, from case.toml's [[claims]]."""
    best, best_score = None, 0.0
    for claim in case_file.claims:
        if not claim.noc:
            continue
        score = fuzz.token_set_ratio(name_key(claim.employer), name_key(employer_name))
        if claim.title and title:
            score = (score + fuzz.token_set_ratio(claim.title.lower(), title.lower())) / 2
        if score > best_score:
            best, best_score = claim.noc, score
    return best if best_score >= 80 else None
