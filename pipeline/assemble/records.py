"""Pay stubs, tax slips, transcripts and permits as the checks read them."""

from __future__ import annotations

from checks.models import (
    Credential,
    Deduction,
    Delivery,
    Fact,
    PayRecord,
    Permit,
    PermitType,
    StudyProgram,
    StudyStatus,
    StudyTerm,
    TaxSlip,
)
from nlp_models.parsed import PayStubFields, PermitFields, TaxSlipFields, TranscriptFields
from pipeline.assemble.quotes import fact, quote, value

_PERMITS = {
    "study": PermitType.STUDY,
    "work-open": PermitType.WORK_OPEN,
    "work-employer-specific": PermitType.WORK_EMPLOYER_SPECIFIC,
    "pgwp": PermitType.PGWP,
    "co-op": PermitType.COOP,
}
_DEGREE_WORDS = ("bachelor", "master", "doctor", "phd", "baccalauréat", "maîtrise", "doctorat")


def pay_records(document: str, employer: str | None, fields: PayStubFields) -> list[PayRecord]:
    name = fact(document, fields.employer.legal_name)
    records = []
    for row in fields.rows:
        if row.period_start is None or row.period_end is None:
            continue  # a row without its period cannot cover any day
        deductions = tuple(
            kind
            for kind, found in (
                (Deduction.CPP, row.cpp),
                (Deduction.EI, row.ei),
                (Deduction.INCOME_TAX, row.income_tax),
            )
            if found is not None and found.value > 0
        )
        read_deductions = any(f is not None for f in (row.cpp, row.ei, row.income_tax))
        records.append(
            PayRecord(
                document=document,
                employer=employer,
                employer_name=name,
                period_start=row.period_start.value,
                period_end=row.period_end.value,
                pay_date=value(row.pay_date),
                hours=value(row.hours),
                gross=value(row.gross),
                currency=fields.currency or "CAD",
                deductions=deductions if read_deductions else None,
                quote=quote(document, row.gross or row.period_start),
            )
        )
    return records


def tax_slip(document: str, employer: str | None, fields: TaxSlipFields) -> TaxSlip | None:
    if fields.slip is None or fields.tax_year is None:
        return None
    return TaxSlip(
        document=document,
        kind=fields.slip.value,
        tax_year=fields.tax_year.value,
        employer=employer,
        employment_income=value(fields.employment_income),
        fees_for_services=value(fields.fees_for_services),
        quote=quote(document, fields.employment_income or fields.fees_for_services),
    )


def study_records(
    document: str, program_id: str, fields: TranscriptFields
) -> tuple[StudyProgram | None, list[StudyTerm]]:
    institution = value(fields.institution.legal_name) or "unknown institution"
    program_name = value(fields.program)
    terms = []
    for term in fields.terms:
        if term.start is None or term.end is None or term.status is None:
            continue
        delivery = None
        if term.delivery is not None:
            delivery = (
                Delivery.DISTANCE if term.delivery.value == "distance" else Delivery.IN_PERSON
            )
        terms.append(
            StudyTerm(
                institution=institution,
                program=program_name,
                start=term.start.value,
                end=term.end.value,
                status=StudyStatus.FULL_TIME
                if term.status.value == "full-time"
                else StudyStatus.PART_TIME,
                delivery=delivery,
                quote=quote(document, term.status),
            )
        )
    if terms:
        last = max(terms, key=lambda t: t.end)
        terms = [t.model_copy(update={"is_final": t is last}) for t in terms]
    credential = value(fields.credential) or ""
    program = StudyProgram(
        id=program_id,
        institution=institution,
        credential=Credential.UNIVERSITY_DEGREE
        if any(w in credential.lower() for w in _DEGREE_WORDS)
        else Credential.COLLEGE
        if credential
        else Credential.OTHER,
        start=min((t.start for t in terms), default=None),
        completion_date=value(fields.completion_date),
        document=document,
    )
    return program, terms


def permit(document: str, permit_id: str, fields: PermitFields) -> Permit | None:
    if fields.permit_type is None or fields.valid_from is None or fields.valid_to is None:
        return None
    conditions = "; ".join(c.value for c in fields.conditions)
    return Permit(
        id=permit_id,
        document=document,
        type=_PERMITS[fields.permit_type.value],
        valid_from=fields.valid_from.value,
        valid_to=fields.valid_to.value,
        employer_named=fact(document, fields.employer_named),
        occupation_named=fact(document, fields.occupation_named),
        off_campus_authorized=value(fields.off_campus_authorized),
        conditions=Fact(value=conditions, quote=quote(document, fields.conditions[0]))
        if conditions
        else None,
        quote=quote(document, fields.valid_to),
    )
