"""The output of a rule: a `Finding`, with its evidence, citation and fix."""

from __future__ import annotations

from enum import StrEnum

from checks.models import Frozen, Quote


class Severity(StrEnum):
    BLOCKER = "blocker"
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def at_most(self, ceiling: Severity) -> Severity:
        return self if self.rank <= ceiling.rank else ceiling


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2, Severity.BLOCKER: 3}


class Evidence(Frozen):
    document: str
    page: int | None = None
    quote: str

    @classmethod
    def of(cls, q: Quote) -> Evidence:
        return cls(document=q.document, page=q.page, quote=q.text)


class Finding(Frozen):
    rule: str  # "EV101"
    slug: str  # "letter.no_letterhead"
    severity: Severity
    message: str
    programs: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    citation: str  # rules.md IDs, "R-LTR-1; R-LTR-2"
    sources: tuple[str, ...] = ()  # URLs behind the citation
    fix: str = ""
    subject: str | None = None  # the position, employer, letter or document concerned
    disputed: bool = False  # rests on [UNC]/[DISPUTED] ground: never above WARNING
    waived: bool = False
    waiver_reason: str | None = None

    @property
    def counts_for_exit(self) -> bool:
        """Error or blocker, not waived: the audit exits 1 (DESIGN §4)."""
        return not self.waived and self.severity.rank >= Severity.ERROR.rank
