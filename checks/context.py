"""What every rule sees: the case, its ledger and computed experience, and small lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from checks.credit import Credit, credit
from checks.dates import years_before
from checks.eligibility import ANY_WORK, CEC, FSW, Eligibility
from checks.ledger import Ledger, build_ledger, pgwp_app_date
from checks.models import Case, DocKind, PayRecord, Position, Program
from checks.params import Policy, default_policy
from checks.programs import Experience, ProgramKey, compute_all


@dataclass(frozen=True)
class Context:
    case: Case
    base_policy: Policy = field(default_factory=default_policy)

    @property
    def as_of(self) -> date:
        return self.case.application_date

    @cached_property
    def policy(self) -> Policy:
        """The parameters, each read at the case's date of the kind that governs it."""
        c = self.case
        return self.base_policy.with_dates(
            app_date=c.application_date,
            ita_date=c.ita_date,
            profile_date=c.profile_date,
            sp_app_date=c.sp_app_date,
            pgwp_app_date=pgwp_app_date(c),
        )

    @cached_property
    def ledger(self) -> Ledger:
        return build_ledger(self.case, self.policy)

    @cached_property
    def experience(self) -> dict[ProgramKey, Experience]:
        return compute_all(self.case, self.ledger, self.policy)

    @cached_property
    def cec_credit(self) -> Credit:
        """Sure CEC credit over the whole ledger (any window can be summed from it)."""
        return credit(self.ledger, CEC, unknown_counts=False)

    @cached_property
    def fsw_credit(self) -> Credit:
        return credit(self.ledger, FSW, unknown_counts=False)

    @cached_property
    def work_credit(self) -> Credit:
        """Every creditable hour of every job, under the weekly cap in force each week."""
        return credit(self.ledger, ANY_WORK, unknown_counts=False)

    def selected(self, *programs: Program) -> bool:
        return any(p in self.case.programs for p in programs)

    def param(self, name: str, on: date | None = None):
        """A parameter at the day that governs it: a work-date parameter needs `on`."""
        return self.policy.value(name, on)

    # --- lookups ---

    def employer_name(self, p: Position) -> str:
        return self.case.employer(p.employer).name.value

    def label(self, p: Position) -> str:
        title = p.title.value if p.title else "untitled position"
        return f"{title} at {self.employer_name(p)}"

    def documents(self, p: Position) -> tuple[str, ...]:
        docs = ([p.letter] if p.letter else []) + list(p.sources)
        return tuple(dict.fromkeys(docs))

    def written_letter(self, document: str) -> bool:
        """Whether the statement is a letter an employer wrote, not an HR e-mail or an HR
        system's print: only a letter is expected to carry letterhead and contact details."""
        kinds = {d.path: d.parsed_kind for d in self.case.documents}
        return kinds.get(document) not in ("hr_email", "employment_record")

    def positions_in_letter(self, document: str) -> list[Position]:
        return [p for p in self.case.positions if p.letter == document]

    def positions_stated_in(self, document: str) -> list[Position]:
        """Positions the document states, whether or not it is their main letter (an HR
        history listing the earlier job whose own letter is a cover letter)."""
        return [p for p in self.case.positions if p.letter == document or document in p.sources]

    def pay_records(self, p: Position) -> list[PayRecord]:
        return [r for r in self.case.pay_records if r.position == p.id]

    def has_kind(self, *kinds: DocKind) -> bool:
        return any(d.kind in kinds for d in self.case.documents)

    def docs_of_kind(self, *kinds: DocKind) -> list[str]:
        return [d.path for d in self.case.documents if d.kind in kinds]

    # --- counterfactuals for "needed to reach the threshold" ---

    def cec_hours(self, eligible: Eligibility = CEC) -> float:
        """Sure hours in the CEC window under another eligibility."""
        w = years_before(self.as_of, self.param("cec_window_years"))
        done = self.cec_credit if eligible == CEC else None  # the usual case: computed once
        return (done or credit(self.ledger, eligible, unknown_counts=False)).sum_in(w.start, w.end)

    def needed_for_cec(self, *exclusions: str) -> bool:
        """CEC is not met, but would be if the named exclusions (`eligibility.REASONS` keys)
        were lifted."""
        if not self.selected(Program.CEC) or self.experience["cec"].status == "met":
            return False
        return self.cec_hours(CEC.lifting(*exclusions)) >= self.param("one_year_hours")
