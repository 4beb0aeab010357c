"""Which job-weeks a program may count: each program's eligibility as named facts.

An `Eligibility` lists, for a job-week, the facts that decide it (True: qualifies, False:
excluded, None: unknown or disputed, counted only as possible). Naming the facts lets the credit
say how many hours each exclusion removed, and lets a counterfactual lift one exclusion by name
("would CEC be met but for full-time study?").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checks.ledger import JobWeek

Tri = bool | None
Facts = Callable[[JobWeek], Iterable[tuple[str, Tri]]]

# What each exclusion is called in a report.
REASONS: dict[str, str] = {
    "study": "full-time study",
    "self_employed": "self-employment",
    "outside_canada": "work outside Canada for a Canadian employer",
    "abroad": "work outside Canada",
    "in_canada": "work in Canada",
    "unpaid": "unpaid work",
    "not_skilled": "not TEER 0-3",
    "remote_foreign": "remote work for a foreign employer",
    "break": "a break between full-time terms",
    "other_noc": "another NOC",
    "unauthorised": "days not covered by a permit",
}


def all_of(*facts: Tri) -> Tri:
    if any(f is False for f in facts):
        return False
    return None if any(f is None for f in facts) else True


@dataclass(frozen=True)
class Eligibility:
    name: str
    facts: Facts
    lifted: frozenset[str] = frozenset()

    def checked(self, job: JobWeek) -> list[tuple[str, Tri]]:
        return [(k, v) for k, v in self.facts(job) if k not in self.lifted]

    def __call__(self, job: JobWeek) -> Tri:
        return all_of(*(v for _, v in self.checked(job)))

    def decide(self, job: JobWeek) -> tuple[Tri, str | None]:
        """The verdict and the first fact that excludes the job-week, in one pass."""
        values = self.checked(job)
        reason = next((k for k, v in values if v is False), None)
        return all_of(*(v for _, v in values)), reason

    def excluded_by(self, job: JobWeek) -> str | None:
        """The first fact that excludes the job-week (a key of REASONS), None if none does."""
        return next((k for k, v in self.checked(job) if v is False), None)

    def lifting(self, *names: str) -> Eligibility:
        """The same test with the named exclusions lifted (a counterfactual)."""
        return Eligibility(self.name, self.facts, self.lifted | frozenset(names))

    def within_noc(self, code: str) -> Eligibility:
        """Only the job-weeks of one NOC (FSW and CBS count one occupation)."""
        inner = self.facts

        def facts(job: JobWeek) -> Iterable[tuple[str, Tri]]:
            yield "other_noc", job.noc == code
            yield from inner(job)

        return Eligibility(f"{self.name} in {code}", facts, self.lifted)


def _cec(job: JobWeek) -> Iterable[tuple[str, Tri]]:
    """R-WIN-1/R-WIN-4 with R-STU-1, R-SELF-2, R-PAID-1/2, R-FOR-4, R-SKILL-1 (days not
    authorised, R-AUTH-1, are dropped by the credit). Facts on [UNC]/[DISPUTED] ground give None:
    remote work for a foreign employer (R-FOR-3), work in a scheduled break between full-time
    sessions (U4), self-employment suggested only by R-SELF-3 signals."""
    yield "study", not job.fulltime_student
    yield "self_employed", None if job.self_employed is None else not job.self_employed
    # R-FOR-4 names work abroad for a Canadian employer apart: it can be lifted on its own
    yield ("outside_canada" if job.employer_canadian else "abroad"), job.canadian
    yield "unpaid", job.paid
    yield "not_skilled", job.skilled
    yield "remote_foreign", None if job.remote_foreign else True
    yield "break", None if job.break_between_fulltime else True


def _fsw(job: JobWeek) -> Iterable[tuple[str, Tri]]:
    """R-HOURS-7, R-STU-2: paid, skilled; students and self-employment not excluded."""
    yield "remote_foreign", None if job.remote_foreign else True  # disputed (R-FOR-3)
    yield "unpaid", job.paid
    yield "not_skilled", job.skilled


def _foreign(job: JobWeek) -> Iterable[tuple[str, Tri]]:
    """R-WIN-5, R-STU-4: paid skilled work physically outside Canada; remote work for a foreign
    employer from Canada is reported apart as disputed hours."""
    yield "remote_foreign", not job.remote_foreign
    yield "in_canada", None if job.canadian is None else not job.canadian
    yield "unpaid", job.paid
    yield "not_skilled", job.skilled


def _remote_foreign(job: JobWeek) -> Iterable[tuple[str, Tri]]:
    yield "remote_foreign", job.remote_foreign
    yield "unpaid", job.paid
    yield "not_skilled", job.skilled


def _creditable(job: JobWeek) -> Iterable[tuple[str, Tri]]:
    return ()


CEC = Eligibility("CEC", _cec)
FSW = Eligibility("FSW", _fsw)
FOREIGN = Eligibility("foreign", _foreign)
REMOTE_FOREIGN = Eligibility("remote foreign", _remote_foreign)
ANY_WORK = Eligibility("any work", _creditable)  # every creditable hour: the weekly cap alone
