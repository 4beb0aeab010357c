"""The batch's summaries: `summary.csv` (one row per case) and `summary.jsonl`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.batch.models import PROGRAM_COLUMNS, SEVERITY_COLUMNS, CaseResult
from pipeline.files import write_atomic


def summary_row(r: CaseResult) -> dict[str, str | int | float]:
    row: dict[str, str | int | float] = {
        "case": r.case,
        "status": r.status,
        "exit_code": r.exit_code,
    }
    for key in PROGRAM_COLUMNS:
        row[key] = r.verdicts.get(key, "")
    for key in SEVERITY_COLUMNS:
        row[key] = r.counts.get(key, 0)
    row["top_findings"] = "; ".join(r.top_findings)
    row["documents"] = r.documents
    row["seconds"] = r.seconds
    row["resumed"] = int(r.resumed)
    row["failure"] = r.error or ""
    return row


def write_summaries(out: Path, results: tuple[CaseResult, ...]) -> None:
    buffer = io.StringIO()
    columns = list(summary_row(CaseResult(case="", status="ok", exit_code=0)))
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for r in results:
        writer.writerow(summary_row(r))
    write_atomic(out / "summary.csv", buffer.getvalue())
    lines = "".join(r.model_dump_json() + "\n" for r in results)
    write_atomic(out / "summary.jsonl", lines)
