"""What a batch is asked to do and what it gives back: options, one row per case, the batch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline.exit_codes import ExitCode

STATE_DIR = ".batch"
PROGRAM_COLUMNS = ("cec", "fsw", "crs_can", "foreign", "cbs")
SEVERITY_COLUMNS = ("blocker", "error", "warning", "info")
TOP_FINDINGS = 3
CaseStatus = Literal["ok", "findings", "bad_input", "missing_dependency", "failed", "timeout"]
STATUS = {
    ExitCode.OK: "ok",
    ExitCode.FINDINGS: "findings",
    ExitCode.BAD_INPUT: "bad_input",
    ExitCode.MISSING_DEPENDENCY: "missing_dependency",
    ExitCode.INTERNAL: "failed",
}
DONE = (ExitCode.OK, ExitCode.FINDINGS)  # finished cases; anything else is retried on resume


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BatchOptions(_Model):
    cases_dir: Path
    out: Path
    jobs: int = Field(default=1, ge=1, le=64)
    html: bool = False
    timeout: float = Field(default=900.0, gt=0)  # seconds per case
    as_of: dt.date | None = None
    use_cache: bool = True
    resume: bool = True
    # None: the local process pool. "local:N": a Dask LocalCluster of N workers. Otherwise the
    # address of a running dask.distributed scheduler ("tcp://host:8786").
    scheduler: str | None = None

    @field_validator("scheduler")
    @classmethod
    def _scheduler(cls, value: str | None) -> str | None:
        if value is None or not value.startswith("local:"):
            if value is not None and ":" not in value:
                raise ValueError(f"{value!r} is neither local:N nor a scheduler address host:port")
            return value
        n = value.removeprefix("local:")
        if not n.isdigit() or not 1 <= int(n) <= 64:
            raise ValueError(f"{value!r}: local:N takes N from 1 to 64 workers")
        return value


class CaseResult(_Model):
    """One row of the summary."""

    case: str
    status: CaseStatus
    exit_code: int
    verdicts: dict[str, str] = Field(default_factory=dict)  # program -> met/not_met/indeterminate
    counts: dict[str, int] = Field(default_factory=dict)  # severity -> findings (not waived)
    top_findings: tuple[str, ...] = ()
    documents: int = 0
    seconds: float = 0.0
    error: str | None = None
    resumed: bool = False  # skipped: unchanged since a finished run


class BatchResult(_Model):
    results: tuple[CaseResult, ...]
    seconds: float
    # Peak resident memory (MB) of each process that audited cases: one per case with the local
    # pool, one per worker on Dask. Not in the summaries: it differs from run to run.
    peak_rss_mb: dict[str, float] = Field(default_factory=dict)

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode(max((r.exit_code for r in self.results), default=ExitCode.OK))
