"""Exit codes are a contract (DESIGN §4), as ocrmypdf's are."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.report import Report


class ExitCode(IntEnum):
    OK = 0  # no blocker or error findings
    FINDINGS = 1  # at least one finding at error or blocker severity
    BAD_INPUT = 2  # bad arguments, or the input folder cannot be read
    MISSING_DEPENDENCY = 3  # a dependency the run needed is missing (e.g. tesseract)
    INTERNAL = 4  # a bug: please report it


EXIT_CODE_HELP = (
    "Exit codes: 0 no blocker or error findings; 1 findings at error or above; "
    "2 bad arguments or unreadable input folder; 3 a missing dependency the run needed "
    "(e.g. tesseract); 4 internal error."
)


def report_exit_code(report: Report) -> ExitCode:
    """How `evidence audit` exits for a report (and a batch for each case)."""
    if any(d.error is not None and d.error.kind == "ocr_unavailable" for d in report.documents):
        return ExitCode.MISSING_DEPENDENCY
    if any(f.counts_for_exit for f in report.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK
