"""Exit codes are a contract (DESIGN §4), as ocrmypdf's are.

Each user-facing exception type carries its code (`EvidenceError` subclasses, as ocrmypdf's
`ExitCodeException`s do); `exit_code_for` is the one mapping from an exception to a code, used by
the CLI boundary for every command and by `evidence batch` for each case.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, ClassVar

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


class EvidenceError(Exception):
    """A failure the user can act on; its message says what to do."""

    exit_code: ClassVar[ExitCode] = ExitCode.INTERNAL


class BadInput(EvidenceError):
    exit_code = ExitCode.BAD_INPUT


class MissingDependency(EvidenceError):
    exit_code = ExitCode.MISSING_DEPENDENCY


def exit_code_for(exc: BaseException) -> ExitCode:
    """The contract's code for an exception: its own, an unreadable input (2), else a bug (4)."""
    if isinstance(exc, EvidenceError):
        return exc.exit_code
    if isinstance(exc, PermissionError | FileNotFoundError | NotADirectoryError):
        return ExitCode.BAD_INPUT
    return ExitCode.INTERNAL


def report_exit_code(report: Report) -> ExitCode:
    """How `evidence audit` exits for a report (and a batch for each case)."""
    if any(d.error is not None and d.error.kind == "ocr_unavailable" for d in report.documents):
        return ExitCode.MISSING_DEPENDENCY
    if any(f.counts_for_exit for f in report.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK
