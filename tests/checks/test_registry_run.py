"""The registry's contract, waivers, evidence on findings, and the purity of `checks`."""

import re
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

import checks
from checks.citations import CITATIONS
from checks.findings import Severity
from checks.models import Case, Program, Waiver
from checks.registry import all_rules, find_rule
from checks.run import run_checks
from tests.checks.builders import case, letter

CATALOGUE = [
    "document.unreadable",
    "document.duplicate",
    "document.ocr",
    "document.low_confidence",
    "document.french",
    "document.translation_required",
    "letter.no_letterhead",
    "letter.missing_contact",
    "letter.missing_signatory",
    "letter.missing_signatory_title",
    "letter.missing_title",
    "letter.missing_dates",
    "letter.missing_hours",
    "letter.hours_not_numeric",
    "letter.missing_salary",
    "letter.missing_benefits",
    "letter.missing_duties",
    "letter.undated",
    "letter.claims_after_letter_date",
    "letter.multiple_positions",
    "consistency.employer_name",
    "consistency.employer_address",
    "consistency.job_title",
    "consistency.dates",
    "consistency.hours",
    "consistency.salary",
    "paystub.gap",
    "paystub.sample_coverage",
    "hours.weekly_cap",
    "hours.below_1560",
    "hours.undetermined",
    "hours.no_canadian_work",
    "hours.period_under_12_months",
    "hours.outside_window",
    "hours.eligibility_lapses",
    "student.fulltime_work_excluded",
    "student.offcampus_cap_exceeded",
    "student.remote_foreign_employer",
    "student.unauthorized_work",
    "employment.self_employed",
    "employment.unpaid",
    "employment.outside_canada_for_canadian_employer",
    "noc.teer_not_skilled",
    "noc.claimed_mismatch",
    "noc.duties_lower_teer",
    "noc.lead_statement_not_covered",
    "noc.low_duty_coverage",
    "noc.duties_copied",
    "noc.2016_code",
    "permit.not_covering_work",
    "permit.employer_mismatch",
    "letter.missing_email",
]


def test_design_catalogue_is_implemented() -> None:
    slugs = {r.spec.slug for r in all_rules()}
    assert set(CATALOGUE) <= slugs
    assert any(s.startswith("pgwp.") for s in slugs)


def test_ids_and_slugs_are_unique_and_well_formed() -> None:
    rules = all_rules()
    assert len({r.spec.id for r in rules}) == len({r.spec.slug for r in rules}) == len(rules)
    for r in rules:
        assert re.fullmatch(r"EV\d{3}", r.spec.id)
        assert re.fullmatch(r"[a-z]+\.[a-z0-9_]+", r.spec.slug)
        doc = r.spec.doc
        assert doc.what and doc.why and doc.example and doc.fix and r.spec.summary
        assert all(c in CITATIONS for c in r.spec.citations)
        assert r.spec.programs


def test_families_group_ids() -> None:
    families = {r.spec.slug.split(".")[0]: r.spec.id[2] for r in all_rules()}
    assert families["letter"] == "1" and families["student"] == "3" and families["noc"] == "4"
    assert families["document"] == "8" and families["consistency"] == "5"


def test_find_rule_by_id_or_slug() -> None:
    assert find_rule("ev104") is find_rule("letter.missing_email")
    assert find_rule("letter.nonexistent") is None


def test_disputed_rules_never_exceed_warning() -> None:
    for r in all_rules():
        if r.spec.disputed:
            assert r.spec.max_severity.rank <= Severity.WARNING.rank


def test_waiver_keeps_the_finding_and_clears_the_exit_code() -> None:
    base = case(letters=(letter(phone=None),))
    r = run_checks(base)
    assert r.exit_code == 1
    waived = base.model_copy(
        update={
            "waivers": (
                Waiver(rule="letter.missing_contact", reason="employer confirmed by phone"),
            )
        }
    )
    r = run_checks(waived)
    (f,) = r.by_slug("letter.missing_contact")
    assert f.waived and f.waiver_reason == "employer confirmed by phone"
    assert not f.counts_for_exit
    assert r.exit_code == 0


def test_waiver_by_id_works_too() -> None:
    r = run_checks(
        case(letters=(letter(phone=None),), waivers=(Waiver(rule="EV103", reason="known"),))
    )
    assert r.by_slug("letter.missing_contact")[0].waived


@pytest.mark.parametrize("reason", ["", "   "])
def test_waiver_needs_a_written_reason(reason: str) -> None:
    with pytest.raises(ValidationError):
        Waiver(rule="letter.missing_email", reason=reason)


def test_findings_quote_their_evidence() -> None:
    r = run_checks(case(letters=(letter(signatory_title=None),)))
    (f,) = r.by_slug("letter.missing_signatory_title")
    assert f.evidence[0].quote == "Jane Doe" and f.evidence[0].page == 1
    assert f.documents == ("letters/acme.pdf",)
    assert f.citation == "R-LTR-3" and f.sources[0].startswith("https://")


def test_findings_are_sorted_by_severity() -> None:
    r = run_checks(case(letters=(letter(letterhead=False, email=None),)))
    ranks = [f.severity.rank for f in r.findings]
    assert ranks == sorted(ranks, reverse=True)


def test_case_validates_references() -> None:
    with pytest.raises(ValidationError, match="unknown employer"):
        Case(application_date=date(2025, 1, 1), positions=({"id": "p", "employer": "ghost"},))


def test_experience_is_reported_for_every_program() -> None:
    r = run_checks(case(programs=(Program.CEC,)))
    assert set(r.experience) == {"cec", "fsw", "foreign", "cbs", "crs_can"}
    assert r.as_of == date(2025, 5, 12)


def test_result_serialises_to_json() -> None:
    r = run_checks(case())
    assert '"slug":"hours.summary"' in r.model_dump_json()


def test_checks_is_pure() -> None:
    """No file or network I/O and no clock in checks/: the as-of date is an input."""
    root = Path(checks.__file__).parent
    forbidden = re.compile(
        r"\bopen\(|date\.today|datetime\.now|\bos\.|import os|requests|urllib|socket|Path\("
    )
    for src in root.rglob("*.py"):
        text = src.read_text(encoding="utf-8")
        assert not forbidden.search(text), src
