"""An audit as a flat list of named stages (as ocrmypdf lays out its pipeline):
discover → read (extract + parse) → assemble → match NOC → check → report."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from extractors.models import ReadMethod
from extractors.settings import ExtractionSettings
from pipeline.cache import TRANSIENT_ERRORS, ResultCache, extraction_key
from pipeline.case_file import CaseFile, read_case_file
from pipeline.discover import Found, discover
from pipeline.extract_stage import Reading, Stores, read_all
from pipeline.fingerprint import code_fingerprint
from pipeline.report import (
    CaseInfo,
    DocumentError,
    DocumentReport,
    EmploymentReport,
    NocReport,
    Pay,
    PositionReport,
    Report,
    StudyTermReport,
    TimelineWeek,
)

if TYPE_CHECKING:
    from checks.models import Case
    from checks.run import CheckResult
    from pipeline.assemble.case import CaseDocument


class AuditOptions(BaseModel):
    """Validated before any work starts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    folder: Path
    as_of: dt.date | None = None
    jobs: int = Field(default=2, ge=1, le=64)
    use_cache: bool = True
    noc_data: Path | None = None
    read_only: bool = False  # an inventory: how each document reads; no parsing, NOC or checks


def audit(options: AuditOptions, on_progress: Callable[[int, int], None] | None = None) -> Report:
    case_file = read_case_file(options.folder) or CaseFile()
    return audit_folder(options, case_file, on_progress)


def audit_letter(file: Path, noc: str | None, options: AuditOptions) -> Report:
    """A one-document case for `evidence letter`: the letter alone, every position claimed as
    `noc` when given. The file is copied into a private folder; the original is never touched."""
    with tempfile.TemporaryDirectory(prefix="evidence-letter-") as tmp:
        folder = Path(tmp)
        shutil.copyfile(file, folder / file.name)
        report = audit_folder(options.model_copy(update={"folder": folder}), CaseFile(), None, noc)
    case = report.case.model_copy(update={"folder": str(file)})
    return report.model_copy(update={"case": case})


def audit_folder(
    options: AuditOptions,
    case_file: CaseFile,
    on_progress: Callable[[int, int], None] | None = None,
    claim_all: str | None = None,
) -> Report:
    started = time.perf_counter()
    settings = ExtractionSettings()
    as_of = options.as_of or case_file.application_date or dt.date.today()
    found = discover(options.folder, settings.max_bytes)
    key = report_key(options, case_file, as_of, found, claim_all, settings)
    reports = ResultCache("report", Report, "report") if options.use_cache else None
    if reports is not None and (cached := reports.get(key)) is not None:
        return cached.model_copy(update={"seconds": round(time.perf_counter() - started, 3)})
    report = _audit_found(options, case_file, as_of, found, settings, on_progress, claim_all)
    if reports is not None and not any(
        d.error is not None and d.error.kind in TRANSIENT_ERRORS for d in report.documents
    ):
        reports.put(key, report)
    return report.model_copy(update={"seconds": round(time.perf_counter() - started, 3)})


def report_key(
    options: AuditOptions,
    case_file: CaseFile,
    as_of: dt.date,
    found: list[Found],
    claim_all: str | None,
    settings: ExtractionSettings,
) -> str:
    """Everything a report depends on: the files' contents, case.toml, the date, the options,
    the NOC data and the tool's own code. A second audit of an unchanged folder is then served
    whole from the cache."""
    from pipeline.noc_data import resolve_data_dir

    noc_dir = resolve_data_dir(options.noc_data)
    noc_files = (
        sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in noc_dir.iterdir())
        if noc_dir.is_dir()
        else []
    )
    payload = json.dumps(
        {
            "options": options.model_dump(mode="json", exclude={"jobs", "use_cache"}),
            "case_file": case_file.model_dump(mode="json"),
            "as_of": as_of.isoformat(),
            "claim_all": claim_all,
            "files": [
                (f.path, f.sha256, f.size, f.duplicate_of, f.error and f.error.kind) for f in found
            ],
            "noc": [str(noc_dir), noc_files],
            "extraction": extraction_key(settings),
            "code": code_fingerprint(),
            "version": version("evidence"),
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _audit_found(
    options: AuditOptions,
    case_file: CaseFile,
    as_of: dt.date,
    found: list[Found],
    settings: ExtractionSettings,
    on_progress: Callable[[int, int], None] | None,
    claim_all: str | None,
) -> Report:
    readings = read_documents(options, found, settings, on_progress)
    info = CaseInfo(
        folder=str(options.folder),
        applicant=case_file.applicant,
        as_of=as_of,
        programs=case_file.programs,
    )
    if options.read_only:
        return Report(
            tool_version=version("evidence"),
            case=info,
            documents=tuple(
                document_report(item, readings.get(item.duplicate_of or item.path))
                for item in found
            ),
        )
    # Assembly and the checks load here: a read-only inventory never needs them.
    from checks.run import run_checks
    from pipeline.assemble.case import CaseDocument, assemble_case

    files: list[DocumentReport] = []  # what the report lists: every file, and each part
    documents: list[CaseDocument] = []  # what is assembled: the documents, a bundle's parts
    for item in found:
        reading = readings.get(item.duplicate_of or item.path)
        report = document_report(item, reading)
        if reading is None or reading.parsed is None or not reading.parsed.parts:
            files.append(report)
            parsed = reading.parsed if reading else None
            documents.append(CaseDocument(report=report, parsed=parsed))
            continue
        parts = bundle_parts(item, reading)
        files += [report.model_copy(update={"parts": tuple(p.report.path for p in parts)})]
        files += [p.report for p in parts]
        documents += parts
    case = assemble_case(as_of, case_file, documents)
    case, nocs = match_nocs(case, case_file, options.noc_data, claim_all)
    result = run_checks(case)
    return Report(
        tool_version=version("evidence"),
        case=info,
        documents=tuple(files),
        employments=employment_reports(case, nocs),
        study_terms=tuple(
            StudyTermReport(
                institution=t.institution,
                start=t.start,
                end=t.end,
                status=t.status.value,
                delivery=t.delivery.value if t.delivery else None,
                source=t.quote.document if t.quote else None,
            )
            for t in case.study_terms
        ),
        experience=dict(result.experience),
        findings=result.findings,
        timeline=timeline(result),
    )


def read_documents(
    options: AuditOptions,
    found: list[Found],
    settings: ExtractionSettings,
    on_progress: Callable[[int, int], None] | None,
) -> dict[str, Reading]:
    total = sum(1 for f in found if f.error is None and f.duplicate_of is None)
    done = 0

    def tick(_path: str) -> None:
        nonlocal done
        done += 1
        if on_progress:
            on_progress(done, total)

    stores = Stores.for_settings(settings) if options.use_cache else None
    parse = not options.read_only
    return read_all(options.folder, found, settings, options.jobs, stores, tick, parse)


def match_nocs(
    case: Case, case_file: CaseFile, noc_data: Path | None, claim_all: str | None = None
) -> tuple[Case, dict[str, NocReport]]:
    """Each position's duties against NOC 2021. The index loads only when there are positions."""
    if not case.positions:
        return case, {}
    from pipeline.assemble.case import claimed_code
    from pipeline.assemble.noc import match_noc
    from pipeline.noc_data import load_index

    index = load_index(noc_data)
    names = {e.id: e.name.value for e in case.employers}
    languages = {d.path: d.language or "en" for d in case.documents}
    positions, reports = [], {}
    for position in case.positions:
        title = position.title.value if position.title else None
        claimed = claim_all or claimed_code(case_file, names.get(position.employer, ""), title)
        language = languages.get(position.letter or position.sources[0], "en")
        matched = match_noc(index, position, claimed, language)
        if matched is None:
            positions.append(position)
            continue
        info, reports[position.id] = matched
        positions.append(position.model_copy(update={"noc": info}))
    return case.model_copy(update={"positions": tuple(positions)}), reports


def employment_reports(case: Case, nocs: dict[str, NocReport]) -> tuple[EmploymentReport, ...]:
    out = []
    for employer in case.employers:
        positions = tuple(
            PositionReport(
                id=p.id,
                title=p.title.value if p.title else None,
                start=p.start.value if p.start else None,
                end=p.end.value if p.end else None,
                is_current=bool(p.is_current and p.is_current.value),
                hours_per_week=p.hours_per_week.value if p.hours_per_week else None,
                pay=Pay(
                    amount=p.pay.value.amount,
                    currency=p.pay.value.currency,
                    period=p.pay.value.period.value,
                )
                if p.pay
                else None,
                duties=tuple(d.value for d in p.duties),
                noc=nocs.get(p.id),
                sources=p.sources,
            )
            for p in case.positions
            if p.employer == employer.id
        )
        out.append(
            EmploymentReport(
                employer_id=employer.id,
                name=employer.name.value,
                name_variants=tuple(v.name for v in employer.name_variants),
                address=employer.address.value if employer.address else None,
                country=employer.country.value if employer.country else None,
                positions=positions,
                sources=employer.sources,
            )
        )
    return tuple(out)


def timeline(result: CheckResult) -> tuple[TimelineWeek, ...]:
    """Each ledger week: hours per position, the cap in force and the hours credited under it."""
    week = dt.timedelta(days=7)
    credited = result.credited.credited
    return tuple(
        TimelineWeek(
            week_start=row.week_start,
            hours={job.position: round(job.hours, 2) for job in row.jobs},
            cap=row.cap,
            credited=round(credited.sum_in(row.week_start, row.week_start + week), 2),
        )
        for row in result.ledger.weeks
    )


def bundle_parts(item: Found, reading: Reading) -> list[CaseDocument]:
    """The documents one file holds, each under its own name ("FILE#pages=3-6")."""
    from nlp_models.parse.bundles import part_name
    from pipeline.assemble.case import CaseDocument

    assert reading.parsed is not None
    out = []
    for part, summary in zip(reading.parsed.parts, reading.part_summaries, strict=True):
        one = Reading(summary=summary, parsed=part.document)
        report = document_report(item, one).model_copy(
            update={"path": part_name(item.path, part.first, part.last), "part_of": item.path}
        )
        out.append(CaseDocument(report=report, parsed=part.document))
    return out


def document_report(item: Found, reading: Reading | None) -> DocumentReport:
    if item.error is not None or reading is None:
        error = item.error
        return DocumentReport(
            path=item.path,
            sha256=item.sha256,
            size=item.size,
            read=ReadMethod.FAILED,
            error=DocumentError(kind=error.kind, message=error.message) if error else None,
            duplicate_of=item.duplicate_of,
        )
    summary, parsed = reading.summary, reading.parsed
    error = summary.error
    return DocumentReport(
        path=item.path,
        sha256=item.sha256,
        size=item.size,
        media_type=summary.media_type,
        kind=parsed.kind.value if parsed else "unknown",
        language=parsed.language.value if parsed else None,
        pages=summary.pages,
        read=summary.read,
        ocr_confidence=summary.ocr_confidence,
        rotated_pages=summary.rotated_pages,
        error=DocumentError(kind=error.kind, message=error.message) if error else None,
        duplicate_of=item.duplicate_of,
        fields=parsed.fields if parsed else None,
    )
