"""The JSON report: a stable, versioned contract (DESIGN §4); `evidence schema` prints it."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from checks.findings import Finding
from checks.programs import Experience
from extractors.models import ErrorKind, ReadMethod
from nlp_models.noc.models import ClaimedCode, CopyReport, NocCandidate
from nlp_models.parsed import Fields

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CaseInfo(_Model):
    folder: str
    applicant: str | None = None
    as_of: dt.date = Field(description="the date the case is assessed at (application date)")
    programs: tuple[str, ...]


class DocumentError(_Model):
    kind: ErrorKind
    message: str


class DocumentReport(_Model):
    path: str = Field(description="relative to the case folder")
    sha256: str | None
    size: int
    media_type: str | None = None
    kind: str = "unknown"
    language: str | None = None
    pages: int = 0
    read: ReadMethod
    ocr_confidence: float | None = None
    rotated_pages: tuple[int, ...] = ()
    error: DocumentError | None = None
    duplicate_of: str | None = None
    fields: Fields | None = None  # the parsed fields, each with its quote (nlp_models/parsed.py)
    # One file holding several documents: the file lists its parts, each part names its file.
    parts: tuple[str, ...] = ()
    part_of: str | None = None


class Pay(_Model):
    amount: float
    currency: str | None
    period: str | None


class NocReport(_Model):
    """The NOC picture of one position: what was claimed, what the duties match, how well."""

    claimed: ClaimedCode | None = None
    candidates: tuple[NocCandidate, ...] = ()  # best first, with duty-by-duty matches
    abstain: bool = False
    abstain_reason: str | None = None
    claimed_candidate: NocCandidate | None = None
    copied: CopyReport | None = None
    # P(the best code is right) at this score and margin (measured on O*NET occupations).
    confidence: float | None = Field(default=None, ge=0, le=1)
    duties_assessed: bool = True  # False: French duties, not aligned with the English NOC text


class PositionReport(_Model):
    id: str
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    is_current: bool = False
    hours_per_week: float | None = None
    pay: Pay | None = None
    duties: tuple[str, ...] = ()
    noc: NocReport | None = None
    sources: tuple[str, ...] = ()


class EmploymentReport(_Model):
    employer_id: str
    name: str
    name_variants: tuple[str, ...] = ()
    address: str | None = None
    country: str | None = None
    positions: tuple[PositionReport, ...] = ()
    sources: tuple[str, ...] = ()


class StudyTermReport(_Model):
    institution: str
    start: dt.date
    end: dt.date
    status: str
    delivery: str | None = None
    source: str | None = None


class TimelineWeek(_Model):
    """One ISO week of the hours ledger, for the timeline picture."""

    week_start: dt.date
    hours: dict[str, float]  # by position id
    cap: float  # the weekly credit cap in force that week
    credited: float  # all jobs' hours credited under that cap


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    tool_version: str
    case: CaseInfo
    documents: tuple[DocumentReport, ...]
    employments: tuple[EmploymentReport, ...] = ()
    study_terms: tuple[StudyTermReport, ...] = ()
    experience: dict[str, Experience] = Field(default_factory=dict)  # cec, fsw, foreign, cbs, …
    findings: tuple[Finding, ...] = ()  # most severe first
    timeline: tuple[TimelineWeek, ...] = ()
    seconds: float = 0.0
