"""The input of the checks: one applicant's `Case`, as the pipeline assembles it from documents.

Conventions:
- Dates are `datetime.date`. Position, term, break and permit ranges are INCLUSIVE of their end
  date (the last day worked / of the term / of validity, as documents state them). Windows computed
  by the checks are half-open `[start, end)`.
- Country codes are ISO 3166-1 alpha-2 (`"CA"`), languages ISO 639-1 (`"en"`, `"fr"`).
- Every fact a finding may quote is a `Fact` (value + optional `Quote`). A bare value is accepted
  where a `Fact` is expected (it is wrapped without a quote), which keeps hand-built cases short.
- Cross references are by id: `Position.employer` -> `Employer.id`, `Position.letter` ->
  `Letter.document`, `PayRecord.position` -> `Position.id`; the Case validates them.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# How a file was read and why it could not be: the readers' own vocabulary, not a copy of it.
from checks.vocabulary import (
    Credential,
    Deduction,
    Delivery,
    DocKind,
    PayKind,
    PayPeriod,
    PermitType,
    Precision,
    Program,
    Relationship,
    SelfEmploymentSignal,
    SignatoryRelation,
    SignatureKind,
    StudyStatus,
)
from extractors.models import ErrorKind, ReadMethod


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Quote(Frozen):
    """Words on a page that prove a fact."""

    document: str
    page: int | None = None
    text: str


T = TypeVar("T")


class Fact(Frozen, Generic[T]):
    value: T
    quote: Quote | None = None

    @model_validator(mode="before")
    @classmethod
    def _wrap_bare_value(cls, data: Any) -> Any:
        if isinstance(data, dict) and "value" in data:
            return data
        if isinstance(data, Fact):
            return {"value": data.value, "quote": data.quote}
        return {"value": data}


# --- case facts ---------------------------------------------------------------------------------


class Claim(Frozen):
    """What the applicant claims for one position (case.toml `[[claims]]`)."""

    employer: str
    title: str | None = None
    noc: str | None = None
    start: date | None = None
    end: date | None = None
    hours_per_week: float | None = None


class LanguageResult(Frozen):
    """CLB per ability (convert test scores to CLB before building the Case)."""

    role: Literal["first", "second"] = "first"
    test: str
    test_date: date
    speaking: int = Field(ge=0, le=12)
    listening: int = Field(ge=0, le=12)
    reading: int = Field(ge=0, le=12)
    writing: int = Field(ge=0, le=12)

    @property
    def min_clb(self) -> int:
        return min(self.speaking, self.listening, self.reading, self.writing)


class Waiver(Frozen):
    rule: str  # rule ID ("EV103") or slug ("letter.missing_email")
    reason: str

    @field_validator("reason")
    @classmethod
    def _reason_written(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("a waiver needs a written reason")
        return v.strip()


# --- documents ----------------------------------------------------------------------------------


class TranslationPackage(Frozen):
    """R-DOC-1: what accompanies a document that is neither English nor French."""

    translation_document: str | None = None
    translator_name: str | None = None
    translator_certified_in_canada: bool = False
    affidavit_present: bool = False
    certified_copy_present: bool = False


class DocumentSummary(Frozen):
    path: str
    kind: DocKind = DocKind.OTHER  # its role as evidence
    parsed_kind: str | None = None  # the parser's kind (e.g. hr_email), kept: nothing is lost
    language: str | None = None
    read: ReadMethod | None = None
    pages: int | None = None
    ocr_confidence: float | None = Field(default=None, ge=0, le=1)  # mean word confidence, 0-1
    error: ErrorKind | None = None
    error_detail: str | None = None
    duplicate_of: str | None = None
    duplicate_reason: Literal["same_bytes", "same_text"] | None = None
    translation: TranslationPackage | None = None
    parse_failure: str | None = None  # "ExceptionClass: message" when the parser failed on it
    part_of: str | None = None  # the file this document is a part of ("FILE#pages=3-6")

    @property
    def files(self) -> tuple[str, ...]:
        """Its name, and the file it is a part of when it is one (what a finding cites)."""
        return (self.path, self.part_of) if self.part_of else (self.path,)


# --- employment ---------------------------------------------------------------------------------


class NameVariant(Frozen):
    name: str
    quote: Quote | None = None
    linked: bool = False  # a legal/trade name pair shown to be the same business


class Employer(Frozen):
    id: str
    name: Fact[str]
    name_variants: tuple[NameVariant, ...] = ()
    address: Fact[str] | None = None
    address_variants: tuple[Fact[str], ...] = ()
    country: Fact[str] | None = None
    sources: tuple[str, ...] = ()


class UnreadFact(Frozen):
    """A fact the page shows signs of stating that the parser could not read (neither stated
    nor absent): completeness rules stay quiet about it and `parse.unread_field` quotes it."""

    field: str  # "address", "phone", "email", "letter_date", "signatory", "hours", "salary"
    quote: Quote | None = None


class Letter(Frozen):
    """One reference letter: the letter-level fields of R-LTR-1..4 and R-LTR-6."""

    document: str
    employer: str
    letterhead: bool | None = None
    employer_legal_name: Fact[str] | None = None
    address: Fact[str] | None = None
    phone: Fact[str] | None = None
    email: Fact[str] | None = None
    website: Fact[str] | None = None
    applicant_name: Fact[str] | None = None
    signatory_name: Fact[str] | None = None
    signatory_title: Fact[str] | None = None
    signatory_relation: SignatoryRelation | None = None
    signature: SignatureKind | None = None  # None: not determined
    letter_date: Fact[date] | None = None
    unread: tuple[UnreadFact, ...] = ()

    def is_unread(self, field: str) -> bool:
        return any(u.field == field for u in self.unread)


class Pay(Frozen):
    amount: float = Field(ge=0)
    currency: str = "CAD"
    period: PayPeriod = PayPeriod.YEAR


class NocCandidate(Frozen):
    code: str
    title: str = ""
    teer: int | None = None
    score: float = 0.0
    matched_duties: int = 0


class NocInfo(Frozen):
    """What the NOC matcher (or the intake form) says about one position."""

    claimed: Fact[str] | None = None
    claimed_2021: str | None = None  # the claimed 4-digit NOC 2016 code converted, if known
    candidates: tuple[NocCandidate, ...] = ()  # best first
    abstain: bool = False
    # The codes the matcher could not choose between (a near tie): the code is unknown, but
    # when they share a TEER band the skill level is not (checks.occupation.tied_skill).
    tied: tuple[str, ...] = ()
    duty_coverage: float | None = Field(default=None, ge=0, le=1)
    lead_statement_covered: bool | None = None
    copied_share: float | None = Field(default=None, ge=0, le=1)
    copied_duties: tuple[Quote, ...] = ()
    employer_specific_detail: bool | None = None
    title_teer: int | None = None  # TEER the job title alone suggests
    # The best unit groups by the duties alone, best first (R-SKILL-4: the duties decide).
    duty_candidates: tuple[NocCandidate, ...] = ()


class PositionStatement(Frozen):
    """The same position as another document (contract, offer, permit) states it."""

    document: str
    title: Fact[str] | None = None
    start: Fact[date] | None = None
    end: Fact[date] | None = None
    hours_per_week: Fact[float] | None = None
    pay: Fact[Pay] | None = None


class Position(Frozen):
    id: str
    employer: str
    letter: str | None = None
    sources: tuple[str, ...] = ()
    title: Fact[str] | None = None
    start: Fact[date] | None = None
    start_precision: Precision = Precision.DAY
    end: Fact[date] | None = None  # inclusive; None with is_current=True means "present"
    end_precision: Precision = Precision.DAY
    is_current: Fact[bool] | None = None
    hours_per_week: Fact[float] | None = None  # a range is given as its minimum ...
    hours_per_week_max: float | None = None  # ... and its maximum
    hours_text: Fact[str] | None = None  # "full-time", "as required"
    pay: Fact[Pay] | None = None
    pay_kind: PayKind | None = None
    benefits: Fact[str] | None = None
    duties: tuple[Fact[str], ...] = ()
    work_country: Fact[str] | None = None  # where the work was physically done
    remote: bool = False
    relationship: Fact[Relationship] | None = None
    self_employment_signals: tuple[Fact[SelfEmploymentSignal], ...] = ()
    on_campus: bool = False
    coop: bool = False
    coop_mandatory: bool | None = None
    coop_share_of_program: float | None = None
    noc: NocInfo | None = None
    statements: tuple[PositionStatement, ...] = ()
    unread: tuple[UnreadFact, ...] = ()  # hours or salary seen on the page, not read

    def is_unread(self, field: str) -> bool:
        return any(u.field == field for u in self.unread)


class PayRecord(Frozen):
    document: str
    employer: str | None = None
    employer_name: Fact[str] | None = None
    position: str | None = None
    period_start: date
    period_end: date  # inclusive
    pay_date: date | None = None
    hours: float | None = Field(default=None, ge=0)
    gross: float | None = Field(default=None, ge=0)
    currency: str = "CAD"
    deductions: tuple[Deduction, ...] | None = None  # None: the stub was not read for deductions
    quote: Quote | None = None


class TaxSlip(Frozen):
    document: str
    kind: Literal["T4", "T4A", "NOA"]
    tax_year: int
    employer: str | None = None
    employment_income: float | None = None  # T4 box 14
    fees_for_services: float | None = None  # T4A box 048
    quote: Quote | None = None


# --- study and permits --------------------------------------------------------------------------


class StudyProgram(Frozen):
    id: str
    institution: str
    credential: Credential = Credential.OTHER
    start: date | None = None
    length_months: float | None = None
    completion_date: date | None = None
    distance_share: float | None = Field(default=None, ge=0, le=1)
    curriculum_licensing: bool = False
    document: str | None = None


class StudyTerm(Frozen):
    institution: str
    program: str | None = None
    start: date
    end: date  # inclusive
    status: StudyStatus
    is_final: bool = False
    delivery: Delivery | None = None
    in_canada: bool | None = None
    quote: Quote | None = None


class ScheduledBreak(Frozen):
    institution: str
    start: date
    end: date  # inclusive
    quote: Quote | None = None


class Permit(Frozen):
    id: str
    document: str | None = None
    type: PermitType
    valid_from: date
    valid_to: date  # inclusive
    employer_named: Fact[str] | None = None
    occupation_named: Fact[str] | None = None
    off_campus_authorized: bool | None = None
    conditions: Fact[str] | None = None
    extension_filed_on: date | None = None  # maintained status (R-AUTH-3)
    maintained_until: date | None = None  # decision date, if known
    applied_on: date | None = None  # for a PGWP: pgwp_app_date
    issued_at_port_of_entry: bool | None = None
    quote: Quote | None = None


# --- the case -----------------------------------------------------------------------------------


class Case(Frozen):
    application_date: date  # the as-of date: every computation is made as of this date
    applicant: str | None = None
    ita_date: date | None = None
    profile_date: date | None = None
    programs: tuple[Program, ...] = (Program.CEC, Program.FSW, Program.CRS, Program.CBS)
    cbs_category: str | None = None
    study_permit_holder: bool | None = None
    sp_app_date: date | None = None
    pgwp_app_date: date | None = None
    accompanying_spouse: bool = False
    claims_job_offer_points: bool = False
    claims: tuple[Claim, ...] = ()
    language: tuple[LanguageResult, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    documents: tuple[DocumentSummary, ...] = ()
    employers: tuple[Employer, ...] = ()
    letters: tuple[Letter, ...] = ()
    positions: tuple[Position, ...] = ()
    pay_records: tuple[PayRecord, ...] = ()
    tax_slips: tuple[TaxSlip, ...] = ()
    study_programs: tuple[StudyProgram, ...] = ()
    study_terms: tuple[StudyTerm, ...] = ()
    scheduled_breaks: tuple[ScheduledBreak, ...] = ()
    permits: tuple[Permit, ...] = ()

    @model_validator(mode="after")
    def _references_resolve(self) -> Case:
        employers = {e.id for e in self.employers}
        if len(employers) != len(self.employers):
            raise ValueError("employer ids must be unique")
        positions = {p.id for p in self.positions}
        if len(positions) != len(self.positions):
            raise ValueError("position ids must be unique")
        letters = {lt.document for lt in self.letters}
        for p in self.positions:
            if p.employer not in employers:
                raise ValueError(f"position {p.id!r}: unknown employer {p.employer!r}")
            if p.letter is not None and p.letter not in letters:
                raise ValueError(f"position {p.id!r}: unknown letter {p.letter!r}")
        for lt in self.letters:
            if lt.employer not in employers:
                raise ValueError(f"letter {lt.document!r}: unknown employer {lt.employer!r}")
        for r in self.pay_records:
            if r.position is not None and r.position not in positions:
                raise ValueError(f"pay record in {r.document!r}: unknown position {r.position!r}")
            if r.employer is not None and r.employer not in employers:
                raise ValueError(f"pay record in {r.document!r}: unknown employer {r.employer!r}")
        return self

    def employer(self, employer_id: str) -> Employer:
        return next(e for e in self.employers if e.id == employer_id)

    def letter(self, document: str) -> Letter | None:
        return next((lt for lt in self.letters if lt.document == document), None)
