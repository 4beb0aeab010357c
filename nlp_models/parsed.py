"""What the parsing stage produces: a document's kind, language and typed fields, each with the
words that prove it.

Field names follow rules.md §1 and the fixture truth (`fixtures/*.truth.json`), so a parsed
document can be compared field by field with what the generator wrote. Every leaf value is a
`Found`: the normalised value plus `Where` it was read (page, character span in that page's text,
box when the source has geometry, and the quoted words).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from extractors.models import BBox

T = TypeVar("T")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DocKind(StrEnum):
    REFERENCE_LETTER = "reference_letter"
    HR_EMAIL = "hr_email"  # an HR department's e-mail confirming employment
    EMPLOYMENT_RECORD = "employment_record"  # an HR system's print of the employment history
    CONTRACT = "contract"
    OFFER_LETTER = "offer_letter"
    PAY_STUB = "pay_stub"
    TRANSCRIPT = "transcript"
    ENROLMENT_OR_COMPLETION_LETTER = "enrolment_or_completion_letter"
    STUDY_PERMIT = "study_permit"
    WORK_PERMIT = "work_permit"
    INVOICE = "invoice"
    TAX_SLIP = "tax_slip"
    BANK_STATEMENT = "bank_statement"
    BUNDLE = "bundle"  # one file holding several documents: see ParsedDocument.parts
    OTHER = "other"
    UNKNOWN = "unknown"  # not parsed (unreadable, or parsing not run)


class Language(StrEnum):
    EN = "en"
    FR = "fr"
    OTHER = "other"


class Where(Frozen):
    """The words that prove a value: page (1-based), span in `Page.text`, box, quote."""

    page: int
    start: int
    end: int
    quote: str
    bbox: BBox | None = None


M = TypeVar("M", bound=BaseModel)


def updated(model: M, **changes: object) -> M:
    """`model` with `changes`, validated: `model_copy(update=...)` would keep a plain `Found` in a
    `Found[str]` field as it is, and pydantic then warns each time the model is serialised."""
    return type(model).model_validate({**dict(model), **changes})


class Found(Frozen, Generic[T]):
    # Parsers build `Found(value=…)` without naming T; revalidating makes each one a `Found[T]`
    # of its field, so the report serialises it without pydantic's type warnings.
    model_config = ConfigDict(frozen=True, extra="forbid", revalidate_instances="always")

    value: T
    where: Where | None = None
    confidence: float = Field(default=1.0, ge=0, le=1)


class Address(Frozen):
    street: str | None = None
    city: str | None = None
    province: str | None = None  # two-letter code for Canada and the US
    postal_code: str | None = None
    country: str | None = None  # ISO 3166 alpha-2


class Party(Frozen):
    """An employer, institution or issuer as the document presents it."""

    legal_name: Found[str] | None = None
    trade_name: Found[str] | None = None
    address: Found[Address] | None = None
    phone: Found[str] | None = None  # E.164
    email: Found[str] | None = None
    website: Found[str] | None = None
    # ISO alpha-2 of where the issuer is: its address, a country named on the page's head or
    # foot, or its phone's international prefix. None when nothing on the page says.
    country: Found[str] | None = None


class Signatory(Frozen):
    name: Found[str] | None = None
    title: Found[str] | None = None
    contact: Found[str] | None = None
    signature: Found[Literal["wet", "digital", "typed", "line"]] | None = None


class Money(Frozen):
    amount: float
    currency: str | None  # ISO 4217; None when the symbol is ambiguous and nothing decides it
    period: Literal["hour", "day", "week", "biweekly", "semimonthly", "month", "year"] | None = None


UnreadField = Literal["address", "phone", "email", "letter_date", "signatory", "hours", "salary"]


class Unread(Frozen):
    """A fact the page shows signs of stating that the parser could not read: "unread", never
    "absent". `seen` quotes the words that show it ("69009 LYON", "Salário: R$ 9.800,00")."""

    field: UnreadField
    seen: Found[str]


class Position(Frozen):
    title: Found[str] | None = None
    start: Found[dt.date] | None = None
    start_precision: Literal["day", "month", "year"] = "day"
    end: Found[dt.date] | None = None
    end_precision: Literal["day", "month", "year"] = "day"
    is_current: Found[bool] | None = None  # "to present", "currently employed"
    hours_per_week: Found[float] | None = None  # the minimum of a range
    hours_per_week_max: float | None = None
    hours_text: Found[str] | None = None  # "full-time" with no number: R-LTR-7
    pay: Found[Money] | None = None
    benefits: Found[str] | None = None
    duties: tuple[Found[str], ...] = ()
    work_location: Found[str] | None = None
    remote: Found[bool] | None = None
    # Only what the letter states outright (R-SELF, R-PAID): employment is the default reading.
    relationship: (
        Found[Literal["self_employed", "contractor", "unpaid_intern", "volunteer"]] | None
    ) = None
    unread: tuple[Unread, ...] = ()  # hours or salary the page states in a form not read


class LetterFields(Frozen):
    """Reference letters and enrolment/completion letters."""

    form: Literal["letter"] = "letter"  # discriminates the Fields union
    employer: Party = Party()
    letterhead: bool = False
    applicant: Found[str] | None = None
    signatory: Signatory = Signatory()
    letter_date: Found[dt.date] | None = None
    positions: tuple[Position, ...] = ()
    unread: tuple[Unread, ...] = ()  # letter-level facts the page states but were not read


class ContractFields(Frozen):
    form: Literal["contract"] = "contract"  # discriminates the Fields union
    employer: Party = Party()
    applicant: Found[str] | None = None
    signatory: Signatory = Signatory()
    relationship_type: Found[Literal["employee", "contractor", "intern", "volunteer"]] | None = None
    signed_date: Found[dt.date] | None = None
    positions: tuple[Position, ...] = ()


class PayStubRow(Frozen):
    period_start: Found[dt.date] | None = None
    period_end: Found[dt.date] | None = None
    pay_date: Found[dt.date] | None = None
    hours: Found[float] | None = None
    rate: Found[float] | None = None
    gross: Found[float] | None = None
    cpp: Found[float] | None = None
    ei: Found[float] | None = None
    income_tax: Found[float] | None = None
    net: Found[float] | None = None
    ytd_gross: Found[float] | None = None


class PayStubFields(Frozen):
    form: Literal["pay_stub"] = "pay_stub"  # discriminates the Fields union
    employer: Party = Party()
    payee: Found[str] | None = None
    employee_id: Found[str] | None = None
    currency: str | None = None
    rows: tuple[PayStubRow, ...] = ()


class StudyTerm(Frozen):
    term: Found[str] | None = None
    start: Found[dt.date] | None = None
    end: Found[dt.date] | None = None
    status: Found[Literal["full-time", "part-time"]] | None = None
    delivery: Found[Literal["in-person", "distance", "hybrid"]] | None = None


class TranscriptFields(Frozen):
    form: Literal["transcript"] = "transcript"  # discriminates the Fields union
    institution: Party = Party()
    applicant: Found[str] | None = None
    student_number: Found[str] | None = None
    program: Found[str] | None = None
    credential: Found[str] | None = None
    issue_date: Found[dt.date] | None = None
    completion_date: Found[dt.date] | None = None
    terms: tuple[StudyTerm, ...] = ()


class PermitFields(Frozen):
    form: Literal["permit"] = "permit"  # discriminates the Fields union
    permit_type: (
        Found[Literal["study", "work-open", "work-employer-specific", "pgwp", "co-op"]] | None
    ) = None
    holder: Found[str] | None = None
    valid_from: Found[dt.date] | None = None
    valid_to: Found[dt.date] | None = None
    conditions: tuple[Found[str], ...] = ()
    employer_named: Found[str] | None = None
    occupation_named: Found[str] | None = None
    off_campus_authorized: Found[bool] | None = None


class InvoiceFields(Frozen):
    form: Literal["invoice"] = "invoice"  # discriminates the Fields union
    issuer: Party = Party()
    client: Party = Party()
    number: Found[str] | None = None
    issue_date: Found[dt.date] | None = None
    period_start: Found[dt.date] | None = None
    period_end: Found[dt.date] | None = None
    amount: Found[Money] | None = None
    gst_hst_number: Found[str] | None = None


class TaxSlipFields(Frozen):
    form: Literal["tax_slip"] = "tax_slip"  # discriminates the Fields union
    slip: Found[Literal["T4", "T4A", "NOA"]] | None = None
    tax_year: Found[int] | None = None
    employer: Party = Party()
    employment_income: Found[float] | None = None  # T4 box 14
    fees_for_services: Found[float] | None = None  # T4A box 048
    province: Found[str] | None = None  # T4 box 10


class Deposit(Frozen):
    date: Found[dt.date] | None = None
    amount: Found[float] | None = None
    payer: Found[str] | None = None


class BankStatementFields(Frozen):
    form: Literal["bank_statement"] = "bank_statement"  # discriminates the Fields union
    bank: Party = Party()
    account_holder: Found[str] | None = None
    currency: str | None = None
    deposits: tuple[Deposit, ...] = ()


Fields = Annotated[
    LetterFields
    | ContractFields
    | PayStubFields
    | TranscriptFields
    | PermitFields
    | InvoiceFields
    | TaxSlipFields
    | BankStatementFields,
    Field(discriminator="form"),
]


class ParseFailure(Frozen):
    """The parser failed on this document: the exception, so that the audit says so."""

    error: str  # the exception's class name
    message: str


class ParsedDocument(Frozen):
    kind: DocKind
    kind_confidence: float = Field(ge=0, le=1)
    language: Language
    fields: Fields | None = None  # None for `other` and `unknown`
    # Why the kind: the cue phrases found for it and the structures seen ("a sentence states
    # employment over a period"), strongest first.
    kind_cues: tuple[str, ...] = ()
    parser: str  # parser version: part of the cache key of anything derived from it
    failure: ParseFailure | None = None  # set when parsing raised: the kind is then `other`
    # A bundle's documents, each parsed on its own (kind `bundle`; fields None).
    parts: tuple[ParsedPart, ...] = ()


class ParsedPart(Frozen):
    """Pages first..last of a bundle (numbers in the file), parsed as one document."""

    first: int = Field(ge=1)
    last: int = Field(ge=1)
    document: ParsedDocument


ParsedDocument.model_rebuild()  # its parts are ParsedDocuments too
