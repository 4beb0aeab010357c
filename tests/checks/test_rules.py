"""Every registered rule, on both sides: a case where it fires (with its severity) and a case
where it stays quiet. The last test checks that the table covers the whole registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from checks.findings import Severity
from checks.models import (
    Case,
    Claim,
    Credential,
    DocumentSummary,
    Fact,
    LanguageResult,
    NameVariant,
    NocCandidate,
    NocInfo,
    PayRecord,
    Permit,
    PermitType,
    PositionStatement,
    Program,
    Quote,
    StudyProgram,
    StudyStatus,
    StudyTerm,
    TaxSlip,
    TranslationPackage,
    UnreadFact,
    Waiver,
)
from checks.registry import all_rules
from checks.run import run_checks
from tests.checks.builders import LETTER, case, employer, letter, position, stub, weeks

B, E, W, INFO = Severity.BLOCKER, Severity.ERROR, Severity.WARNING, Severity.INFO
YEAR = weeks(date(2023, 1, 2), 52)  # 52 Mon-Fri weeks: 1,560 h at 30 h/week
ALL = (Program.CEC, Program.FSW, Program.CRS, Program.CBS, Program.SP, Program.PGWP)


def job(**kw) -> Case:
    """One position (30 h/week for 52 weeks unless overridden) with case-level `case_*` kw."""
    case_kw = {k[5:]: v for k, v in kw.items() if k.startswith("case_")}
    pos_kw = {k: v for k, v in kw.items() if not k.startswith("case_")}
    pos_kw.setdefault("start", YEAR[0])
    pos_kw.setdefault("end", YEAR[1])
    pos_kw.setdefault("hours", 30)
    return case((position(**pos_kw),), **case_kw)


def biweekly(*periods: int) -> tuple[PayRecord, ...]:
    """Bi-weekly stubs of position p1, numbered from the first period of YEAR."""
    first = YEAR[0]
    return tuple(
        stub("p1", first + timedelta(days=14 * k), first + timedelta(days=14 * k + 13))
        for k in periods
    )


def _unread(field: str, words: str) -> UnreadFact:
    return UnreadFact(field=field, quote=Quote(document=LETTER, page=1, text=words))


def with_letter(**kw) -> Case:
    return case(letters=(letter(**kw),))


def blank_position(field: str) -> Case:
    c = job()
    p = c.positions[0].model_copy(update={field: None})
    return c.model_copy(update={"positions": (p,)})


def lang(level: int, when: date) -> LanguageResult:
    return LanguageResult(
        test="CELPIP-G",
        test_date=when,
        speaking=level,
        listening=level,
        reading=level,
        writing=level,
    )


def doc(**kw) -> Case:
    return case(documents=(DocumentSummary(path="scan.pdf", **kw),))


def pgwp_case(**kw) -> Case:
    """A graduate: program completed 2024-04-30; study permit to 2024-05-31; CEC job after."""
    sp_kw = {k[3:]: v for k, v in kw.items() if k.startswith("sp_")}
    other = {k: v for k, v in kw.items() if not k.startswith("sp_")}
    program_kw = dict(
        id="prog",
        institution="Seneca",
        credential=Credential.COLLEGE,
        start=date(2022, 9, 6),
        length_months=20,
        completion_date=date(2024, 4, 30),
    )
    program = StudyProgram(**(program_kw | sp_kw))
    terms = other.pop(
        "terms",
        (
            StudyTerm(
                institution="Seneca",
                start=date(2022, 9, 6),
                end=date(2024, 4, 26),
                status=StudyStatus.FULL_TIME,
            ),
        ),
    )
    permits = other.pop(
        "permits",
        (
            Permit(
                id="study",
                type=PermitType.STUDY,
                valid_from=date(2022, 8, 1),
                valid_to=date(2024, 5, 31),
                off_campus_authorized=True,
            ),
            Permit(
                id="pgwp",
                type=PermitType.PGWP,
                valid_from=date(2024, 9, 1),
                valid_to=date(2027, 8, 31),
                applied_on=other.pop("applied", date(2024, 5, 20)),
            ),
        ),
    )
    p = position(start=date(2024, 6, 3), end=date(2025, 4, 25), hours=30)
    other.setdefault("programs", ALL)
    other.setdefault("language", (lang(7, date(2024, 3, 1)),))
    return case((p,), study_programs=(program,), study_terms=terms, permits=permits, **other)


def cbs_2026(hours: float) -> Case:
    """A 2026 round; 52 weeks in one NOC inside the 3 years before it."""
    return job(
        hours=hours,
        start=date(2024, 6, 3),
        end=weeks(date(2024, 6, 3), 52)[1],
        case_ita_date=date(2026, 2, 18),
        case_application_date=date(2026, 3, 2),
        case_letters=(letter(letter_date=date(2026, 1, 30)),),
    )


def selfemp(signals=(), **kw) -> Case:
    return job(self_employment_signals=signals, **kw)


@dataclass(frozen=True)
class Example:
    slug: str
    fires: Callable[[], Case]
    severity: Severity
    quiet: Callable[[], Case] | None = None
    text: str = ""  # a fragment the message must contain


EXAMPLES = [
    # case
    Example(
        "case.unknown_waiver",
        lambda: case(waivers=(Waiver(rule="letter.missing_mail", reason="typo"),)),
        W,
        lambda: case(waivers=(Waiver(rule="letter.missing_email", reason="phoned"),)),
        "letter.missing_mail",
    ),
    # letter
    Example("letter.no_letterhead", lambda: with_letter(letterhead=False), E),
    Example("letter.missing_employer_name", lambda: with_letter(employer_legal_name=None), E),
    Example("letter.missing_contact", lambda: with_letter(phone=None), E, text="telephone"),
    Example("letter.missing_email", lambda: with_letter(email=None), W),
    Example(
        "letter.free_mail",
        lambda: with_letter(email="acme.hr@gmail.com"),
        W,
        lambda: with_letter(email="acme.hr@gmail.com", website=None),
        "gmail.com",
    ),
    Example("letter.missing_signatory", lambda: with_letter(signatory_name=None), E),
    Example("letter.missing_signatory_title", lambda: with_letter(signatory_title=None), E),
    Example(
        "letter.missing_signature",
        lambda: with_letter(signature="none"),
        E,
        lambda: with_letter(signature="digital"),
    ),
    Example("letter.missing_signature", lambda: with_letter(signature="typed"), W),
    Example(
        "letter.signatory_relation",
        lambda: with_letter(signatory_relation="self"),
        B,
        lambda: with_letter(signatory_relation="supervisor"),
        "self-attestation",
    ),
    Example("letter.signatory_relation", lambda: with_letter(signatory_relation="other"), W),
    Example(
        "letter.missing_applicant",
        lambda: with_letter(applicant_name=None),
        E,
        lambda: with_letter(applicant_name="CARTER, Emily"),
    ),
    Example("letter.missing_applicant", lambda: with_letter(applicant_name="John Smith"), W),
    Example("letter.missing_title", lambda: job(title=None), E),
    Example("letter.missing_dates", lambda: blank_position("start"), E),
    Example("letter.imprecise_dates", lambda: job(start_precision="month"), W),
    Example(
        "letter.current_status_unstated",
        lambda: blank_position("end").model_copy(
            update={
                "positions": (
                    blank_position("end").positions[0].model_copy(update={"is_current": None}),
                )
            }
        ),
        W,
        lambda: blank_position("end").model_copy(
            update={
                "positions": (
                    blank_position("end")
                    .positions[0]
                    .model_copy(update={"is_current": Fact[bool](value=True)}),
                )
            }
        ),
    ),
    Example(
        "letter.missing_hours",
        lambda: job(hours=None),
        E,
        lambda: job(hours=None, hours_text="full-time"),
    ),
    Example(
        "letter.hours_not_numeric",
        lambda: job(hours=None, hours_text="full-time"),
        E,
        text="'full-time'",
    ),
    Example(
        "letter.hours_not_numeric",
        lambda: job(hours=20, hours_per_week_max=40),
        W,
        lambda: job(hours=20, hours_per_week_max=20),
        "minimum",
    ),
    Example("letter.missing_salary", lambda: job(pay=None), E, lambda: job(benefits=None)),
    Example("letter.missing_benefits", lambda: job(benefits=None), W, lambda: job(pay=None)),
    Example("letter.missing_duties", lambda: job(duties=()), E),
    Example("letter.undated", lambda: with_letter(letter_date=None), W),
    Example(
        "parse.unread_field",
        lambda: with_letter(address=None, unread=(_unread("address", "52, rue des Verriers"),)),
        W,
        lambda: with_letter(address=None),
        '"52, rue des Verriers"',
    ),
    Example(
        "parse.unread_field",
        lambda: job(pay=None, unread=(_unread("salary", "Salário: R$ 9.800,00"),)),
        W,
        lambda: job(pay=None),
        "the salary",
    ),
    Example(
        "letter.claims_after_letter_date",
        lambda: job(case_letters=(letter(letter_date=date(2023, 12, 28)),)),
        E,
        lambda: job(case_letters=(letter(letter_date=date(2023, 12, 29)),)),
    ),
    Example(
        "letter.stale_current",
        lambda: job(end=None, case_letters=(letter(letter_date=date(2024, 11, 1)),)),
        W,
        lambda: job(end=None, case_letters=(letter(letter_date=date(2024, 11, 20)),)),
        "[UNC",
    ),
    Example(
        "letter.multiple_positions",
        lambda: case(
            (
                position("a", *weeks(date(2022, 1, 3), 30), hours=30),
                position("b", *weeks(date(2022, 8, 1), 60), hours=30),
            )
        ),
        INFO,
    ),
    Example("letter.no_letter", lambda: job(letter=None), B),
    Example(
        "letter.no_letter",
        lambda: job(
            letter=None,
            case_pay_records=(stub("p1", *weeks(date(2023, 1, 2), 2)),),
            case_documents=(DocumentSummary(path="loe.pdf", kind="explanation_letter"),),
        ),
        W,
    ),
    Example(
        "letter.claimed_position_missing",
        lambda: case(claims=(Claim(employer="Globex Inc.", title="Developer"),)),
        E,
        lambda: case(claims=(Claim(employer="Acme Software", title="Software Developer"),)),
    ),
    # hours and windows
    Example("hours.below_1560", lambda: job(hours=1559 / 52), B, lambda: job(hours=30)),
    # hours unread, yet even at the 30 h cap 51 weeks stay below 1,560 h: a claim, not a doubt
    Example(
        "hours.below_1560",
        lambda: job(hours=None, end=weeks(date(2023, 1, 2), 51)[1]),
        B,
        lambda: job(hours=None),
        "at most 1,530",
    ),
    Example(
        "hours.undetermined",
        lambda: job(hours=None),
        W,
        lambda: job(hours=None, end=weeks(date(2023, 1, 2), 51)[1]),
        "hours per week",
    ),
    Example(
        "hours.no_canadian_work",
        lambda: job(work_country="GB"),
        INFO,
        lambda: job(work_country="CA", hours=1559 / 52),
        "outside Canada",
    ),
    Example("hours.weekly_cap", lambda: job(hours=31), INFO, lambda: job(hours=30)),
    Example(
        "hours.period_under_12_months",
        lambda: job(start=date(2023, 1, 2), end=weeks(date(2023, 1, 2), 40)[1], hours=40),
        E,
        lambda: job(hours=40),
    ),
    Example(
        "hours.outside_window",
        lambda: job(start=date(2022, 5, 2)),
        INFO,
        lambda: job(start=date(2022, 5, 12)),
    ),
    Example(
        "hours.eligibility_lapses",
        lambda: job(
            start=date(2021, 1, 4),
            end=date(2021, 12, 31),
            case_application_date=date(2024, 6, 3),
            case_letters=(letter(letter_date=date(2022, 1, 10)),),
        ),
        W,
        lambda: job(hours=20),
        "lapsed on 2024-01-05",
    ),
    Example("hours.fsw_no_continuous_year", lambda: job(hours=29), B, lambda: job(hours=30)),
    Example(
        "hours.gap",
        lambda: case(
            (
                position("a", *weeks(date(2021, 1, 4), 20), hours=30),
                position("b", *weeks(date(2021, 10, 4), 60), hours=30),
            )
        ),
        INFO,
        lambda: case(
            (
                position("a", *weeks(date(2021, 1, 4), 20), hours=30),
                position("b", *weeks(date(2021, 7, 5), 60), hours=30),
            )
        ),
    ),
    Example("hours.summary", lambda: job(), INFO, lambda: job(case_programs=(Program.SP,))),
    Example(
        "cbs.experience_not_met", lambda: cbs_2026(1559 / 52), W, lambda: cbs_2026(30), "[UNC]"
    ),
    Example(
        "cbs.category_not_valid",
        lambda: job(case_cbs_category="transport", case_ita_date=date(2025, 3, 3)),
        E,
        lambda: job(case_cbs_category="transport", case_ita_date=date(2025, 2, 26)),
    ),
    Example("cbs.no_base_program", lambda: job(hours=20), B, lambda: job(hours=30)),
    Example("crs.foreign_points", lambda: job(), INFO, lambda: job(case_programs=(Program.CEC,))),
    Example(
        "crs.language_expired",
        lambda: case(language=(lang(9, date(2023, 5, 12)),)),
        E,
        lambda: case(language=(lang(9, date(2023, 5, 13)),)),
    ),
    Example(
        "crs.job_offer_points",
        lambda: case(claims_job_offer_points=True, profile_date=date(2025, 3, 25)),
        E,
        lambda: case(claims_job_offer_points=True, profile_date=date(2025, 3, 24)),
    ),
    # students
    Example(
        "student.fulltime_work_excluded",
        lambda: job(
            case_study_terms=(
                StudyTerm(
                    institution="Seneca",
                    start=YEAR[0],
                    end=date(2023, 4, 28),
                    status=StudyStatus.FULL_TIME,
                ),
            )
        ),
        B,
        lambda: job(
            case_study_terms=(
                StudyTerm(
                    institution="Seneca",
                    start=YEAR[0],
                    end=date(2023, 4, 28),
                    status=StudyStatus.PART_TIME,
                ),
            )
        ),
    ),
    Example(
        "student.offcampus_cap_exceeded",
        lambda: job(
            hours=21,
            start=date(2024, 6, 3),
            end=date(2024, 6, 7),
            case_study_permit_holder=True,
            case_study_terms=(
                StudyTerm(
                    institution="Seneca",
                    start=date(2024, 5, 6),
                    end=date(2024, 8, 16),
                    status=StudyStatus.FULL_TIME,
                ),
            ),
        ),
        E,
        lambda: job(
            hours=20,
            start=date(2024, 6, 3),
            end=date(2024, 6, 7),
            case_study_permit_holder=True,
            case_study_terms=(
                StudyTerm(
                    institution="Seneca",
                    start=date(2024, 5, 6),
                    end=date(2024, 8, 16),
                    status=StudyStatus.FULL_TIME,
                ),
            ),
        ),
    ),
    Example(
        "student.remote_foreign_employer",
        lambda: job(
            employer="us",
            work_country="CA",
            remote=True,
            case_employers=(employer(), employer("us", "Globex", country="US")),
        ),
        W,
        lambda: job(
            employer="us",
            work_country="US",
            remote=True,
            case_employers=(employer(), employer("us", "Globex", country="US")),
        ),
        "disputed",
    ),
    Example(
        "student.unauthorized_work",
        lambda: job(
            start=date(2024, 8, 26),
            end=date(2024, 8, 30),
            case_study_permit_holder=True,
            case_study_terms=(
                StudyTerm(
                    institution="Seneca",
                    start=date(2024, 9, 3),
                    end=date(2024, 12, 20),
                    status=StudyStatus.FULL_TIME,
                ),
            ),
        ),
        E,
        lambda: job(
            start=date(2024, 9, 2),
            end=date(2024, 9, 6),
            hours=20,
            case_study_permit_holder=True,
            case_study_terms=(
                StudyTerm(
                    institution="Seneca",
                    start=date(2024, 9, 2),
                    end=date(2024, 12, 20),
                    status=StudyStatus.FULL_TIME,
                ),
            ),
        ),
    ),
    # NOC
    Example(
        "noc.teer_not_skilled", lambda: job(noc="64100"), B, lambda: job(noc="63200"), "TEER 4"
    ),
    Example(
        "noc.claimed_mismatch",
        lambda: (
            job(noc=None, noc_info=None)
            if False
            else job(noc=None).model_copy(
                update={
                    "positions": (
                        job(noc=None)
                        .positions[0]
                        .model_copy(
                            update={
                                "noc": NocInfo(
                                    claimed={"value": "21231"},
                                    candidates=(NocCandidate(code="22220", teer=2, score=0.8),),
                                )
                            }
                        ),
                    )
                }
            )
        ),
        W,
        lambda: job(noc=None).model_copy(
            update={
                "positions": (
                    job(noc=None)
                    .positions[0]
                    .model_copy(
                        update={
                            "noc": NocInfo(
                                claimed={"value": "21231"},
                                candidates=(NocCandidate(code="21231", teer=1, score=0.8),),
                            )
                        }
                    ),
                )
            }
        ),
    ),
    Example("noc.undetermined", lambda: job(noc=None), W, lambda: job()),
]


def with_noc(**noc_kw) -> Callable[[], Case]:
    def build() -> Case:
        c = job(noc=None)
        info = NocInfo(**noc_kw)
        return c.model_copy(
            update={"positions": (c.positions[0].model_copy(update={"noc": info}),)}
        )

    return build


EXAMPLES += [
    Example(
        "noc.duties_lower_teer",
        with_noc(claimed="21231", candidates=(NocCandidate(code="22220", teer=2),)),
        W,
        with_noc(claimed="21231", candidates=(NocCandidate(code="21231", teer=1),)),
    ),
    Example(
        "noc.duties_lower_teer",
        with_noc(candidates=(NocCandidate(code="14100", teer=4),), title_teer=0),
        W,
    ),
    Example(  # the duties match other unit groups better: an error
        "noc.lead_statement_not_covered",
        with_noc(
            claimed="21231",
            lead_statement_covered=False,
            candidates=tuple(NocCandidate(code=c, teer=5) for c in ("65100", "65102", "64100")),
        ),
        E,
        with_noc(claimed="21231", lead_statement_covered=True),
    ),
    Example(  # the claimed group is among the best matches: only the wording test failed
        "noc.lead_statement_not_covered",
        with_noc(
            claimed="21231",
            lead_statement_covered=False,
            candidates=(NocCandidate(code="21231", teer=1), NocCandidate(code="21232", teer=1)),
        ),
        W,
    ),
    Example(  # no candidates at all (nothing to compare with): only a warning
        "noc.lead_statement_not_covered",
        with_noc(claimed="21231", lead_statement_covered=False),
        W,
    ),
    Example(  # at most a warning: the threshold is disputed (D5) and measured by wording
        "noc.low_duty_coverage",
        with_noc(claimed="21231", duty_coverage=0.49),
        W,
        with_noc(claimed="21231", duty_coverage=0.70),
    ),
    Example("noc.low_duty_coverage", with_noc(claimed="21231", duty_coverage=0.5), W),
    Example("noc.low_duty_coverage", with_noc(claimed="21231", duty_coverage=0.69), W),
    Example(
        "noc.duties_copied",
        with_noc(claimed="21231", copied_share=0.5),
        W,
        with_noc(claimed="21231", copied_share=0.49),
        "Mehfooz",
    ),
    Example(
        "noc.duties_copied",
        with_noc(claimed="21231", copied_share=1.0, employer_specific_detail=False),
        E,
    ),
    Example(
        "noc.duties_copied",
        with_noc(claimed="21231", copied_share=1.0, employer_specific_detail=True),
        W,
    ),
    Example(
        "noc.2016_code",
        lambda: job(
            noc="2174",
            case_application_date=date(2022, 11, 16),
            case_letters=(letter(letter_date=date(2022, 11, 1)),),
            start=date(2021, 1, 4),
            end=date(2022, 10, 28),
        ),
        W,
        lambda: job(
            noc="2174",
            case_application_date=date(2022, 11, 15),
            case_letters=(letter(letter_date=date(2022, 11, 1)),),
            start=date(2021, 1, 4),
            end=date(2022, 10, 28),
        ),
    ),
    # consistency
    Example(
        "consistency.employer_name",
        lambda: case(employers=(employer(name_variants=(NameVariant(name="RP Holdings Inc."),)),)),
        W,
        lambda: case(
            employers=(
                employer(name_variants=(NameVariant(name="RP Holdings Inc.", linked=True),)),
            )
        ),
        "RP Holdings",
    ),
    Example(
        "consistency.employer_address",
        lambda: case(employers=(employer(address_variants=("900 Bay St, Toronto",)),)),
        W,
        lambda: case(employers=(employer(address_variants=("100 King St. W., Toronto",)),)),
    ),
    Example(
        "consistency.job_title",
        lambda: job(
            statements=(PositionStatement(document="contract.pdf", title="Data Entry Clerk"),)
        ),
        W,
        lambda: job(
            statements=(PositionStatement(document="contract.pdf", title="Software Developer II"),)
        ),
    ),
    Example(
        "consistency.dates",
        lambda: job(
            statements=(PositionStatement(document="contract.pdf", start=date(2023, 3, 1)),)
        ),
        W,
        lambda: job(statements=(PositionStatement(document="contract.pdf", start=YEAR[0]),)),
    ),
    Example(
        "consistency.hours",
        lambda: job(
            hours=40, case_pay_records=(stub("p1", date(2023, 1, 2), date(2023, 1, 6), hours=35.9),)
        ),
        W,
        lambda: job(
            hours=40, case_pay_records=(stub("p1", date(2023, 1, 2), date(2023, 1, 6), hours=36),)
        ),
        "lower figure",
    ),
    Example(
        "consistency.salary",
        lambda: job(
            case_pay_records=(stub("p1", date(2023, 1, 2), date(2023, 1, 6), hours=30, gross=1300),)
        ),
        W,
        lambda: job(
            case_pay_records=(stub("p1", date(2023, 1, 2), date(2023, 1, 6), hours=30, gross=1308),)
        ),
    ),
    # pay
    Example(
        "paystub.gap",
        # bi-weekly stubs 0-2 and 5-7 of a run: periods 3 and 4 are missing inside it
        lambda: job(case_pay_records=biweekly(0, 1, 2, 5, 6, 7)),
        W,
        # three stubs months apart are a sample, not a series with holes
        lambda: job(case_pay_records=biweekly(0, 8, 16)),
        "2023-02-13 to 2023-03-12 (2 period(s))",
    ),
    Example(
        "paystub.sample_coverage",
        lambda: job(case_pay_records=biweekly(0, 8, 16)),
        INFO,
        lambda: job(),
        "3 bi-weekly stub(s) cover 6 week(s)",
    ),
    Example(
        "pay.no_pay_records",
        lambda: job(),
        W,
        lambda: job(case_pay_records=(stub("p1", *weeks(date(2023, 1, 2), 2), hours=60),)),
    ),
    Example(
        "pay.no_deductions",
        lambda: job(
            case_pay_records=(stub("p1", *weeks(date(2023, 1, 2), 2), hours=60, deductions=()),)
        ),
        W,
        lambda: job(
            case_pay_records=(stub("p1", *weeks(date(2023, 1, 2), 2), hours=60, deductions=None),)
        ),
    ),
    Example(
        "pay.t4_mismatch",
        lambda: job(
            case_tax_slips=(
                TaxSlip(
                    document="t4.pdf",
                    kind="T4",
                    tax_year=2023,
                    employer="acme",
                    employment_income=60000,
                ),
            )
        ),
        W,
        lambda: job(
            case_tax_slips=(
                TaxSlip(
                    document="t4.pdf",
                    kind="T4",
                    tax_year=2023,
                    employer="acme",
                    employment_income=78000,
                ),
            )
        ),
    ),
    # authorisation and PGWP
    Example(
        "permit.not_covering_work",
        lambda: job(
            case_permits=(
                Permit(
                    id="w",
                    type=PermitType.WORK_OPEN,
                    valid_from=date(2023, 1, 1),
                    valid_to=date(2023, 12, 28),
                ),
            )
        ),
        E,
        lambda: job(
            case_permits=(
                Permit(
                    id="w",
                    type=PermitType.WORK_OPEN,
                    valid_from=date(2023, 1, 1),
                    valid_to=date(2023, 12, 29),
                ),
            )
        ),
    ),
    Example(
        "permit.employer_mismatch",
        lambda: job(
            case_permits=(
                Permit(
                    id="w",
                    type=PermitType.WORK_EMPLOYER_SPECIFIC,
                    valid_from=date(2023, 1, 1),
                    valid_to=date(2024, 1, 1),
                    employer_named="Maple Foods Ltd.",
                ),
            )
        ),
        E,
        lambda: job(
            case_permits=(
                Permit(
                    id="w",
                    type=PermitType.WORK_EMPLOYER_SPECIFIC,
                    valid_from=date(2023, 1, 1),
                    valid_to=date(2024, 1, 1),
                    employer_named="Acme Software Ltd",
                ),
            )
        ),
    ),
    Example(
        "pgwp.program_too_short",
        lambda: pgwp_case(sp_length_months=7.9),
        E,
        lambda: pgwp_case(sp_length_months=8),
    ),
    Example(
        "pgwp.part_time_session",
        lambda: pgwp_case(
            terms=(
                StudyTerm(
                    institution="Seneca",
                    start=date(2023, 1, 9),
                    end=date(2023, 4, 28),
                    status=StudyStatus.PART_TIME,
                ),
            )
        ),
        W,
        lambda: pgwp_case(
            terms=(
                StudyTerm(
                    institution="Seneca",
                    start=date(2023, 1, 9),
                    end=date(2023, 4, 28),
                    is_final=True,
                    status=StudyStatus.PART_TIME,
                ),
            )
        ),
    ),
    Example(
        "pgwp.distance_learning",
        lambda: pgwp_case(sp_distance_share=0.6, sp_start=date(2024, 9, 1)),
        E,
        lambda: pgwp_case(sp_distance_share=0.5),
    ),
    Example(
        "pgwp.distance_learning",
        lambda: pgwp_case(sp_distance_share=0.6, sp_start=date(2024, 8, 31)),
        W,
        text="COVID",
    ),
    Example(
        "pgwp.late_application",
        lambda: pgwp_case(pgwp_app_date=date(2024, 10, 28)),
        E,
        lambda: pgwp_case(pgwp_app_date=date(2024, 10, 27)),
        "181 days",
    ),
    Example(
        "pgwp.second_permit",
        lambda: pgwp_case(
            permits=(
                Permit(
                    id="a",
                    type=PermitType.PGWP,
                    valid_from=date(2021, 1, 1),
                    valid_to=date(2022, 1, 1),
                ),
                Permit(
                    id="b",
                    type=PermitType.PGWP,
                    valid_from=date(2024, 9, 1),
                    valid_to=date(2027, 8, 31),
                ),
            )
        ),
        E,
    ),
    Example(
        "pgwp.186w_unavailable",
        lambda: pgwp_case(applied=date(2024, 6, 1)),
        E,
        lambda: pgwp_case(applied=date(2024, 5, 31)),
        "study permit expired",
    ),
    Example(
        "pgwp.language",
        lambda: pgwp_case(applied=date(2024, 11, 1), language=(lang(4, date(2024, 3, 1)),)),
        W,
        lambda: pgwp_case(applied=date(2024, 10, 31), language=(lang(4, date(2024, 3, 1)),)),
    ),
    Example(
        "pgwp.port_of_entry",
        lambda: pgwp_case(
            permits=(
                Permit(
                    id="p",
                    type=PermitType.PGWP,
                    valid_from=date(2024, 6, 21),
                    valid_to=date(2027, 6, 20),
                    issued_at_port_of_entry=True,
                ),
            )
        ),
        W,
        lambda: pgwp_case(
            permits=(
                Permit(
                    id="p",
                    type=PermitType.PGWP,
                    valid_from=date(2024, 6, 20),
                    valid_to=date(2027, 6, 19),
                    issued_at_port_of_entry=True,
                ),
            )
        ),
    ),
    # documents
    Example(
        "document.unreadable",
        lambda: doc(error="encrypted", read="failed"),
        E,
        lambda: doc(read="text"),
    ),
    Example("document.unreadable", lambda: doc(error="unsupported"), W),
    Example(
        "document.duplicate",
        lambda: doc(duplicate_of="a.pdf", duplicate_reason="same_bytes"),
        INFO,
        lambda: doc(read="text"),
    ),
    Example(
        "document.duplicate", lambda: doc(duplicate_of="a.pdf", duplicate_reason="same_text"), W
    ),
    Example(
        "document.ocr", lambda: doc(read="ocr", ocr_confidence=0.9), INFO, lambda: doc(read="text")
    ),
    Example(
        "document.low_confidence",
        lambda: doc(read="ocr", ocr_confidence=0.69),
        W,
        lambda: doc(read="ocr", ocr_confidence=0.70),
    ),
    Example("document.french", lambda: doc(language="fr"), INFO, lambda: doc(language="en")),
    Example(
        "document.translation_required",
        lambda: doc(language="es"),
        E,
        lambda: doc(
            language="es",
            translation=TranslationPackage(
                translation_document="scan.en.pdf",
                affidavit_present=True,
                certified_copy_present=True,
            ),
        ),
    ),
    Example(
        "document.translation_required",
        lambda: doc(
            language="es",
            translation=TranslationPackage(
                translation_document="scan.en.pdf",
                translator_name="Maria Carter",
                translator_certified_in_canada=True,
                certified_copy_present=True,
            ),
        ),
        W,
        text="family",
    ),
    # employment
    Example(
        "employment.self_employed",
        lambda: job(relationship="self_employed"),
        B,
        lambda: job(relationship="contractor"),
    ),
    Example(
        "employment.self_employed",
        lambda: case(
            (
                position("a", *YEAR, hours=30, relationship="self_employed"),
                position("b", *weeks(date(2024, 1, 1), 52), hours=30),
            )
        ),
        INFO,
    ),
    Example(
        "employment.possible_self_employment",
        lambda: selfemp(("gst_hst_number", "invoices_by_applicant")),
        W,
        lambda: selfemp(("gst_hst_number",)),
    ),
    Example(
        "employment.possible_self_employment",
        lambda: selfemp(("gst_hst_number", "invoices_by_applicant", "tools_by_worker")),
        W,
        text="count only as possible",
    ),
    Example(
        "employment.self_employment_evidence",
        lambda: job(relationship="self_employed"),
        B,
        lambda: job(
            relationship="self_employed",
            case_documents=(
                DocumentSummary(path="reg.pdf", kind="business_registration"),
                DocumentSummary(path="noa.pdf", kind="noa"),
                DocumentSummary(path="client.pdf", kind="client_letter"),
            ),
        ),
    ),
    Example(
        "employment.self_employment_evidence",
        lambda: job(
            relationship="self_employed",
            case_documents=(DocumentSummary(path="reg.pdf", kind="business_registration"),),
        ),
        E,
        text="proof of self-employment income",
    ),
    Example(
        "employment.unpaid",
        lambda: job(relationship="volunteer"),
        B,
        lambda: job(relationship="employee"),
    ),
    Example("employment.unpaid", lambda: job(pay_kind="in_kind"), E),
    Example(
        "employment.no_pay_evidence",
        lambda: job(pay=None),
        E,
        lambda: job(pay=None, case_pay_records=(stub("p1", *weeks(date(2023, 1, 2), 2)),)),
    ),
    Example("employment.stipend", lambda: job(pay_kind="stipend"), W, lambda: job(pay_kind="wage")),
    Example(
        "employment.outside_canada_for_canadian_employer",
        lambda: job(work_country="PT"),
        E,
        lambda: job(work_country="CA"),
        "PT",
    ),
    Example(
        "employment.remote_foreign_evidence",
        lambda: job(
            employer="us",
            work_country="CA",
            remote=True,
            case_employers=(employer(), employer("us", "Globex", country="US")),
        ),
        E,
        lambda: job(
            employer="us",
            work_country="CA",
            remote=True,
            sources=("contract.pdf",),
            case_employers=(employer(), employer("us", "Globex", country="US")),
            case_documents=(
                DocumentSummary(path="contract.pdf", kind="contract"),
                DocumentSummary(path="loe.pdf", kind="explanation_letter"),
            ),
            case_pay_records=(
                stub("p1", *weeks(date(2023, 1, 2), 2)).model_copy(update={"employer": "us"}),
            ),
        ),
        "letter of explanation",
    ),
]


@pytest.mark.parametrize("ex", EXAMPLES, ids=lambda ex: f"{ex.slug}-{ex.severity}")
def test_rule_fires(ex: Example) -> None:
    found = [f for f in run_checks(ex.fires()).by_slug(ex.slug) if f.severity is ex.severity]
    assert found, f"{ex.slug} did not fire at {ex.severity}"
    f = found[0]
    assert f.fix and f.message
    assert f.citation or f.slug.startswith("case.")  # case.* rules check case.toml, not IRCC law
    assert ex.text in f.message


@pytest.mark.parametrize("ex", [e for e in EXAMPLES if e.quiet], ids=lambda ex: ex.slug)
def test_rule_quiet(ex: Example) -> None:
    assert ex.quiet is not None
    assert run_checks(ex.quiet()).by_slug(ex.slug) == []


@pytest.mark.parametrize(
    ("slug", "absent", "unread"),
    [
        ("letter.missing_contact", lambda: with_letter(address=None),
         lambda: with_letter(address=None, unread=(_unread("address", "69009 LYON"),))),
        ("letter.missing_email", lambda: with_letter(email=None),
         lambda: with_letter(email=None, unread=(_unread("email", "rh [at] firma.mx"),))),
        ("letter.missing_signatory", lambda: with_letter(signatory_name=None),
         lambda: with_letter(signatory_name=None, unread=(_unread("signatory", "Marnie"),))),
        ("letter.undated", lambda: with_letter(letter_date=None),
         lambda: with_letter(letter_date=None, unread=(_unread("letter_date", "le 3/IX/25"),))),
        ("letter.missing_hours", lambda: job(hours=None),
         lambda: job(hours=None, unread=(_unread("hours", "jornada de 48 horas"),))),
        ("letter.missing_salary", lambda: job(pay=None),
         lambda: job(pay=None, unread=(_unread("salary", "R$ 9.800,00 mensais"),))),
    ],
)  # fmt: skip
def test_an_unread_fact_is_not_called_missing(slug: str, absent, unread) -> None:
    assert run_checks(absent()).by_slug(slug), f"{slug} should fire when the fact is absent"
    assert run_checks(unread()).by_slug(slug) == []
    assert run_checks(unread()).by_slug("parse.unread_field")


def test_every_registered_rule_has_examples() -> None:
    registered = {r.spec.slug for r in all_rules()}
    assert registered == {ex.slug for ex in EXAMPLES}
    quiet = {ex.slug for ex in EXAMPLES if ex.quiet}
    assert registered - quiet <= {
        "letter.missing_title",
        "letter.missing_dates",
        "letter.no_letterhead",
        "letter.missing_employer_name",
        "letter.missing_contact",
        "letter.missing_email",
        "letter.missing_signatory",
        "letter.missing_signatory_title",
        "letter.imprecise_dates",
        "letter.missing_salary",
        "letter.missing_duties",
        "letter.undated",
        "letter.multiple_positions",
        "letter.no_letter",
        "pgwp.second_permit",
        "noc.claimed_mismatch",
    }


def test_clean_case_has_no_error() -> None:
    c = job(case_pay_records=(stub("p1", *YEAR, hours=1560, gross=80000),))
    r = run_checks(c)
    assert [f.slug for f in r.findings if f.severity.rank >= W.rank] == []
    assert r.exit_code == 0
