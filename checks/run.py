"""Run every registered rule over a Case: `run_checks(case) -> CheckResult`."""

from __future__ import annotations

from datetime import date

from pydantic import SkipValidation

from checks.citations import CITATIONS
from checks.context import Context
from checks.credit import Credit
from checks.findings import Evidence, Finding, Severity
from checks.ledger import Ledger
from checks.models import Case, Frozen, Waiver
from checks.params import Policy, default_policy
from checks.programs import Experience, ProgramKey
from checks.registry import Hit, Rule, all_rules, find_rule


class CheckResult(Frozen):
    as_of: date
    findings: tuple[Finding, ...]
    experience: dict[ProgramKey, Experience]
    ledger: Ledger
    credited: SkipValidation[
        Credit
    ]  # every creditable hour under the weekly cap in force (the timeline's lane)

    @property
    def exit_code(self) -> int:
        """0: no unwaived error or blocker; 1: at least one (DESIGN §4)."""
        return 1 if any(f.counts_for_exit for f in self.findings) else 0

    def by_slug(self, slug: str) -> list[Finding]:
        return [f for f in self.findings if f.slug == slug]


def _finding(r: Rule, hit: Hit, waivers: dict[str, Waiver]) -> Finding:
    spec = r.spec
    severity = hit.severity or spec.severity
    disputed = spec.disputed or hit.disputed
    if disputed:
        severity = severity.at_most(Severity.WARNING)
    cites = tuple(dict.fromkeys((*spec.citations, *hit.extra_citations)))
    sources = tuple(dict.fromkeys(s.url for c in cites for s in CITATIONS[c].sources))
    evidence = tuple(dict.fromkeys(Evidence.of(q) for q in hit.evidence if q is not None))
    documents = tuple(dict.fromkeys((*hit.documents, *(e.document for e in evidence))))
    waiver = waivers.get(spec.id)
    return Finding(
        rule=spec.id,
        slug=spec.slug,
        severity=severity,
        message=hit.message,
        programs=tuple(p.value for p in (hit.programs or spec.programs)),
        documents=documents,
        evidence=evidence,
        citation="; ".join(cites),
        sources=sources,
        fix=hit.fix or spec.doc.fix,
        subject=hit.subject,
        disputed=disputed,
        waived=waiver is not None,
        waiver_reason=waiver.reason if waiver else None,
    )


def run_checks(case: Case, policy: Policy | None = None) -> CheckResult:
    """Build the ledger, compute experience per program and run every rule, as of
    `case.application_date`, under `policy` (default: the project's). Pure: no I/O, no clock."""
    ctx = Context(case, policy or default_policy())
    waivers: dict[str, Waiver] = {}
    for w in case.waivers:
        r = find_rule(w.rule)
        if r is not None:
            waivers[r.spec.id] = w
    findings = [_finding(r, hit, waivers) for r in all_rules() for hit in r.check(ctx)]
    findings.sort(key=lambda f: (-f.severity.rank, f.rule))
    return CheckResult(
        as_of=case.application_date,
        findings=tuple(findings),
        experience=ctx.experience,
        ledger=ctx.ledger,
        credited=ctx.work_credit,
    )
