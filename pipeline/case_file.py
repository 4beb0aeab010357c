"""`case.toml`: the consultant's knowledge about the case (DESIGN §2.1), not a document."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pipeline.exit_codes import BadInput

CASE_FILE = "case.toml"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Claim(_Model):
    employer: str
    title: str | None = None
    noc: str | None = None  # 5-digit NOC 2021, or 4-digit NOC 2016 (converted later)
    start: dt.date | None = None
    end: dt.date | None = None
    hours_per_week: float | None = None


class LanguageTest(_Model):
    test: str
    date: dt.date | None = None
    speaking: float
    listening: float
    reading: float
    writing: float


class Waiver(_Model):
    rule: str
    reason: str = Field(min_length=3)  # a waiver without a written reason is refused


class CaseFile(_Model):
    applicant: str | None = None
    application_date: dt.date | None = None
    ita_date: dt.date | None = None
    programs: tuple[str, ...] = ("CEC", "FSW", "CRS", "CBS")
    study_permit_holder: bool | None = None
    sp_app_date: dt.date | None = None
    claims: tuple[Claim, ...] = Field(default=(), alias="claims")
    language: dict[str, LanguageTest] = Field(default_factory=dict)
    waive: tuple[Waiver, ...] = ()


class CaseFileError(BadInput):
    """case.toml exists but cannot be used; the message says where and why."""


def read_case_file(folder: Path) -> CaseFile | None:
    path = folder / CASE_FILE
    if not path.is_file():
        return None
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        return CaseFile.model_validate(raw)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"{path}: not valid TOML: {exc}") from exc
    except ValidationError as exc:
        raise CaseFileError(f"{path}: {exc}") from exc
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot be read: {exc}") from exc
