"""What every rule sees: the case, its ledger and computed experience, and small lookups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from checks import params
from checks.dates import years_before
from checks.ledger import Ledger, build_ledger
from checks.models import Case, DocKind, PayRecord, Position, Program
from checks.programs import (
    Eligible,
    Experience,
    ProgramKey,
    cec_check,
    cec_eligible,
    compute_all,
    credit_series,
)


@dataclass(frozen=True)
class Context:
    case: Case

    @property
    def as_of(self) -> date:
        return self.case.application_date

    @cached_property
    def ledger(self) -> Ledger:
        return build_ledger(self.case)

    @cached_property
    def experience(self) -> dict[ProgramKey, Experience]:
        return compute_all(self.case, self.ledger)

    def selected(self, *programs: Program) -> bool:
        return any(p in self.case.programs for p in programs)

    def param(self, name: str, on: date | None = None):
        return params.value_at(name, on or self.as_of)

    # --- lookups ---

    def employer_name(self, p: Position) -> str:
        return self.case.employer(p.employer).name.value

    def label(self, p: Position) -> str:
        title = p.title.value if p.title else "untitled position"
        return f"{title} at {self.employer_name(p)}"

    def documents(self, p: Position) -> tuple[str, ...]:
        docs = ([p.letter] if p.letter else []) + list(p.sources)
        return tuple(dict.fromkeys(docs))

    def positions_in_letter(self, document: str) -> list[Position]:
        return [p for p in self.case.positions if p.letter == document]

    def pay_records(self, p: Position) -> list[PayRecord]:
        return [r for r in self.case.pay_records if r.position == p.id]

    def has_kind(self, *kinds: DocKind) -> bool:
        return any(d.kind in kinds for d in self.case.documents)

    def docs_of_kind(self, *kinds: DocKind) -> list[str]:
        return [d.path for d in self.case.documents if d.kind in kinds]

    # --- counterfactuals for "needed to reach the threshold" ---

    def cec_hours(self, eligible: Eligible = cec_eligible) -> float:
        """Sure CEC hours in the CEC window under another eligibility predicate."""
        years = self.param("cec_window_years")
        w = years_before(self.as_of, years)
        series = credit_series(
            self.ledger, eligible, self.param("weekly_credit_cap"), unknown_counts=False
        )
        return series.sum_in(w.start, w.end)

    def needed_for_cec(self, *ignore: str) -> bool:
        """CEC is not met, but would be if the named exclusions (see `cec_check`) were lifted."""
        if not self.selected(Program.CEC) or self.experience["cec"].status == "met":
            return False
        lifted = frozenset(ignore)
        return self.cec_hours(lambda job: cec_check(job, lifted)) >= self.param("one_year_hours")
