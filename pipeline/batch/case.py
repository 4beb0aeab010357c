"""One case: audit it, write its reports, and turn the report (or the failure) into its row."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline.batch.models import STATUS, TOP_FINDINGS, BatchOptions, CaseResult
from pipeline.batch.state import report_paths
from pipeline.exit_codes import ExitCode, exit_code_for, report_exit_code
from pipeline.files import write_atomic
from pipeline.present import severity_counts
from pipeline.report import Report


def summarise(case: str, report: Report, seconds: float) -> CaseResult:
    code = report_exit_code(report)
    top = [f for f in report.findings if not f.waived and f.severity.value != "info"]
    return CaseResult(
        case=case,
        status=STATUS[code],  # type: ignore[arg-type]
        exit_code=int(code),
        verdicts={k: e.status for k, e in report.experience.items()},
        counts=severity_counts(report.findings),
        top_findings=tuple(f"{f.rule} {f.slug}" for f in top[:TOP_FINDINGS]),
        documents=len(report.documents),
        seconds=round(seconds, 3),
    )


def audit_case(folder: Path, options: BatchOptions) -> CaseResult:
    """Audit one case and write its reports; every failure becomes the case's result."""
    from pipeline.audit import AuditOptions, audit

    started = time.perf_counter()
    case = folder.name
    try:
        audit_options = AuditOptions(
            folder=folder, as_of=options.as_of, jobs=1, use_cache=options.use_cache
        )
        report = audit(audit_options)
        json_path, html_path = report_paths(options.out, case)
        write_atomic(json_path, report.model_dump_json(indent=2))
        if options.html:
            from pipeline.html_report import write_html

            write_html(report, html_path)
        return summarise(case, report, time.perf_counter() - started)
    except Exception as exc:  # one case's failure (bad input, missing data, a bug) is its result
        return failure(case, exit_code_for(exc), f"{type(exc).__name__}: {exc}", started)


def failure(case: str, code: ExitCode, message: str, started: float) -> CaseResult:
    return CaseResult(
        case=case,
        status=STATUS[code],  # type: ignore[arg-type]
        exit_code=int(code),
        error=message[:500],
        seconds=round(time.perf_counter() - started, 3),
    )
