"""The JSON report: a stable, versioned contract (DESIGN §4); `evidence schema` prints it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from extractors.models import ErrorKind, ReadMethod

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
    fields: dict[str, Any] = Field(default_factory=dict)


class Evidence(_Model):
    document: str
    page: int | None = None
    quote: str


class ReportFinding(_Model):
    rule: str
    slug: str
    severity: str
    message: str
    documents: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    citation: str = ""
    fix: str = ""
    waived: str | None = None  # the written reason, when case.toml waives it


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    tool_version: str
    case: CaseInfo
    documents: tuple[DocumentReport, ...]
    employments: tuple[dict[str, Any], ...] = ()
    study_terms: tuple[dict[str, Any], ...] = ()
    experience: dict[str, Any] = Field(default_factory=dict)
    findings: tuple[ReportFinding, ...] = ()
    seconds: float = 0.0
