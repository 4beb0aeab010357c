"""An audit as a flat list of named stages (as ocrmypdf lays out its pipeline)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from extractors.models import ExtractedDocument, ReadMethod
from extractors.settings import ExtractionSettings
from pipeline.cache import ExtractionCache
from pipeline.case_file import CaseFile, read_case_file
from pipeline.discover import Found, discover
from pipeline.extract_stage import extract_all
from pipeline.report import CaseInfo, DocumentError, DocumentReport, Report


class AuditOptions(BaseModel):
    """Validated before any work starts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    folder: Path
    as_of: dt.date | None = None
    jobs: int = Field(default=2, ge=1, le=64)
    use_cache: bool = True


def audit(options: AuditOptions, on_progress: Callable[[int, int], None] | None = None) -> Report:
    started = time.perf_counter()
    settings = ExtractionSettings()
    case_file = read_case_file(options.folder) or CaseFile()
    found = discover(options.folder, settings.max_bytes)
    extracted = extract_documents(options, found, settings, on_progress)
    documents = tuple(
        document_report(item, extracted.get(item.duplicate_of or item.path)) for item in found
    )
    return Report(
        tool_version=version("evidence"),
        case=case_info(options, case_file),
        documents=documents,
        seconds=round(time.perf_counter() - started, 3),
    )


def extract_documents(
    options: AuditOptions,
    found: list[Found],
    settings: ExtractionSettings,
    on_progress: Callable[[int, int], None] | None,
) -> dict[str, ExtractedDocument]:
    total = sum(1 for f in found if f.error is None and f.duplicate_of is None)
    done = 0

    def tick(_path: str) -> None:
        nonlocal done
        done += 1
        if on_progress:
            on_progress(done, total)

    cache = ExtractionCache(settings) if options.use_cache else None
    return extract_all(options.folder, found, settings, options.jobs, cache, tick)


def case_info(options: AuditOptions, case_file: CaseFile) -> CaseInfo:
    # The application date governs every dated rule; today's date is only the fallback.
    as_of = options.as_of or case_file.application_date or dt.date.today()
    return CaseInfo(
        folder=str(options.folder),
        applicant=case_file.applicant,
        as_of=as_of,
        programs=case_file.programs,
    )


def document_report(item: Found, doc: ExtractedDocument | None) -> DocumentReport:
    if item.error is not None or doc is None:
        error = item.error
        return DocumentReport(
            path=item.path,
            sha256=item.sha256,
            size=item.size,
            read=ReadMethod.FAILED,
            error=DocumentError(kind=error.kind, message=error.message) if error else None,
            duplicate_of=item.duplicate_of,
        )
    page_errors = [p.error for p in doc.pages if p.error is not None]
    error = doc.error or (page_errors[0] if page_errors else None)
    return DocumentReport(
        path=item.path,
        sha256=item.sha256,
        size=item.size,
        media_type=doc.media_type,
        pages=len(doc.pages),
        read=doc.read,
        ocr_confidence=doc.ocr_confidence,
        rotated_pages=tuple(p.number for p in doc.pages if p.rotation),
        error=DocumentError(kind=error.kind, message=error.message) if error else None,
        duplicate_of=item.duplicate_of,
    )
