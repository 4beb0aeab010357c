"""Student work: off-campus limits on both sides of each date and cohort, breaks, exclusions."""

from datetime import date, timedelta

import pytest

from checks.findings import Severity
from checks.models import (
    Permit,
    PermitType,
    Program,
    ScheduledBreak,
    StudyProgram,
    StudyStatus,
    StudyTerm,
)
from checks.run import run_checks
from tests.checks.builders import case, employer, position, stub, weeks

FT, PT = StudyStatus.FULL_TIME, StudyStatus.PART_TIME
SLUG = "student.offcampus_cap_exceeded"


def term(start: date, end: date, status: StudyStatus = FT, **kw) -> StudyTerm:
    return StudyTerm(institution="Seneca", start=start, end=end, status=status, **kw)


def student_case(jobs, terms, sp_app: date | None = date(2024, 1, 15), **kw):
    kw.setdefault("application_date", date(2026, 1, 5))
    kw.setdefault("letters", ())
    return case(
        jobs,
        study_permit_holder=True,
        sp_app_date=sp_app,
        study_terms=terms,
        programs=(Program.CEC, Program.SP),
        **kw,
    )


def one_day(day: date, hours: float, sp_app: date | None = date(2024, 1, 15)):
    """Off-campus work of `hours` on a single day, in a full-time term around it."""
    p = position(start=day, end=day, hours=None, letter=None)
    t = term(day - timedelta(days=60), day + timedelta(days=60))
    return student_case((p,), (t,), sp_app=sp_app, pay_records=(stub("p1", day, day, hours),))


def severities(c) -> list[Severity]:
    return [f.severity for f in run_checks(c).by_slug(SLUG)]


@pytest.mark.parametrize(
    ("day", "hours", "expected"),
    [
        (date(2024, 11, 7), 20, []),
        (date(2024, 11, 7), 21, [Severity.WARNING]),  # 1 Sep - 7 Nov: IRCC had announced 24 h
        (date(2024, 11, 7), 24, [Severity.WARNING]),
        (date(2024, 11, 7), 25, [Severity.ERROR]),
        (date(2024, 11, 8), 20, []),
        (date(2024, 11, 8), 24, [Severity.INFO]),  # registered 8 Nov, announced 15 Nov
        (date(2024, 11, 8), 25, [Severity.ERROR]),
        (date(2024, 11, 18), 24, []),
        (date(2024, 11, 18), 25, [Severity.ERROR]),
        (date(2024, 6, 12), 20, []),
        (date(2024, 6, 12), 21, [Severity.ERROR]),
    ],
)
def test_offcampus_limit_by_work_date(day: date, hours: float, expected: list[Severity]) -> None:
    assert severities(one_day(day, hours)) == expected


def test_week_split_at_the_end_of_the_waiver() -> None:
    # Week of 29 Apr 2024: no cap on 29-30 Apr for the waiver cohort, 20 h on 1-3 May.
    start, end = weeks(date(2024, 4, 29), 1)
    t = (term(date(2024, 1, 8), date(2024, 8, 16)),)
    for hpw, expected in ((40, [Severity.ERROR]), (30, [])):
        c = student_case(
            (position(start=start, end=end, hours=hpw, letter=None),), t, sp_app=date(2022, 9, 1)
        )
        found = run_checks(c).by_slug(SLUG)
        assert [f.severity for f in found] == expected
        if found:
            assert "from 2024-05-01: 24 h (limit 20)" in found[0].message


@pytest.mark.parametrize(
    ("monday", "sp_app", "expected"),
    [
        (date(2022, 12, 5), date(2022, 10, 7), []),
        (date(2022, 12, 5), date(2022, 10, 8), [Severity.WARNING]),  # D3: cohort split disputed
        (date(2022, 12, 5), None, [Severity.WARNING]),  # cohort unknown
        (date(2024, 1, 8), date(2023, 12, 7), []),
        (date(2024, 1, 8), date(2023, 12, 8), [Severity.ERROR]),
        (date(2022, 11, 7), date(2022, 10, 7), [Severity.ERROR]),  # before 15 Nov 2022
        (date(2024, 4, 22), date(2022, 10, 7), []),
        (date(2024, 5, 6), date(2022, 10, 7), [Severity.ERROR]),
    ],
)
def test_waiver_cohorts(monday: date, sp_app: date | None, expected: list[Severity]) -> None:
    start, end = weeks(monday, 1)
    t = (term(monday - timedelta(days=30), monday + timedelta(days=30)),)
    c = student_case((position(start=start, end=end, hours=40, letter=None),), t, sp_app=sp_app)
    assert severities(c) == expected


def test_on_campus_and_remote_foreign_work_are_exempt() -> None:
    start, end = weeks(date(2025, 2, 3), 4)
    t = (term(date(2025, 1, 6), date(2025, 4, 25)),)
    on_campus = position(start=start, end=end, hours=35, letter=None, on_campus=True)
    assert severities(student_case((on_campus,), t)) == []
    emps = (employer(), employer("us", "Globex Inc.", country="US"))
    remote = position(
        start=start, end=end, hours=35, letter=None, employer="us", work_country="CA", remote=True
    )
    r = run_checks(student_case((remote,), t, employers=emps))
    assert r.by_slug(SLUG) == []
    (f,) = r.by_slug("student.remote_foreign_employer")
    assert f.severity is Severity.WARNING and f.disputed
    assert "not counted against the off-campus limit" in f.message


def breaks_case(after_status: StudyStatus, hpw: float = 40, extra_break_days: int = 0):
    fall = term(date(2024, 9, 3), date(2024, 12, 20))
    winter = term(date(2025, 1, 6), date(2025, 4, 25), after_status)
    brk = ScheduledBreak(institution="Seneca", start=date(2024, 12, 21), end=date(2025, 1, 5))
    start, end = date(2024, 12, 23), date(2025, 1, 3)
    return student_case(
        (position(start=start, end=end, hours=hpw, letter=None),),
        (fall, winter),
        scheduled_breaks=(brk,),
    )


def test_scheduled_break_between_full_time_sessions_has_no_cap() -> None:
    r = run_checks(breaks_case(FT))
    assert r.by_slug(SLUG) == []
    (f,) = r.by_slug("student.fulltime_work_excluded")
    assert f.severity is Severity.WARNING and "[UNC]" in f.message


def test_break_without_full_time_study_after_it_is_a_session() -> None:
    assert severities(breaks_case(PT)) == [Severity.ERROR]


@pytest.mark.parametrize(("day_offset", "expected"), [(147, []), (150, [Severity.ERROR])])
def test_only_the_first_150_days_of_back_to_back_breaks_qualify(day_offset, expected) -> None:
    # Breaks from Fri 15 Dec 2023: day 149 is Sun 12 May 2024, so the ISO weeks split cleanly.
    before = term(date(2023, 9, 5), date(2023, 12, 14))
    after = term(date(2024, 9, 3), date(2024, 12, 20))
    b1 = ScheduledBreak(institution="Seneca", start=date(2023, 12, 15), end=date(2024, 4, 30))
    b2 = ScheduledBreak(institution="Seneca", start=date(2024, 5, 1), end=date(2024, 9, 2))
    day = date(2023, 12, 15) + timedelta(days=day_offset)  # 147: Fri 10 May; 150: Mon 13 May
    p = position(start=day, end=day, hours=None, letter=None)
    c = student_case(
        (p,), (before, after), scheduled_breaks=(b1, b2), pay_records=(stub("p1", day, day, 30),)
    )
    assert severities(c) == expected


def test_fulltime_study_exclusion_info_when_cec_is_met_anyway() -> None:
    study_job = position("s", *weeks(date(2023, 1, 2), 10), hours=20, letter=None)
    main_job = position("m", *weeks(date(2023, 6, 5), 60), hours=30, letter=None)
    t = (term(date(2022, 12, 1), date(2023, 4, 28)),)
    r = run_checks(student_case((study_job, main_job), t, application_date=date(2025, 5, 12)))
    (f,) = r.by_slug("student.fulltime_work_excluded")
    assert f.severity is Severity.INFO and "200 h" in f.message
    assert r.experience["cec"].status == "met"


# --- unauthorised student work ---


def test_work_before_the_program_starts() -> None:
    prog = StudyProgram(id="sp", institution="Seneca", start=date(2024, 9, 3))
    t = (term(date(2024, 9, 3), date(2024, 12, 20)),)
    early = position(start=date(2024, 8, 26), end=date(2024, 8, 30), hours=20, letter=None)
    (f,) = run_checks(student_case((early,), t, study_programs=(prog,))).by_slug(
        "student.unauthorized_work"
    )
    assert f.severity is Severity.ERROR and "2024-08-26" in f.message
    ok = position(start=date(2024, 9, 3), end=date(2024, 9, 6), hours=20, letter=None)
    assert not run_checks(student_case((ok,), t, study_programs=(prog,))).by_slug(
        "student.unauthorized_work"
    )


@pytest.mark.parametrize(("final", "fires"), [(False, True), (True, False)])
def test_off_campus_work_while_part_time(final: bool, fires: bool) -> None:
    t = (
        term(date(2024, 9, 3), date(2024, 12, 20)),
        term(date(2025, 1, 6), date(2025, 4, 25), PT, is_final=final),
    )
    p = position("p1", *weeks(date(2025, 2, 3), 2), hours=15, letter=None)
    assert bool(run_checks(student_case((p,), t)).by_slug("student.unauthorized_work")) == fires


@pytest.mark.parametrize(
    ("monday", "coop_permit", "mandatory", "expected"),
    [
        (date(2026, 3, 2), False, True, [Severity.ERROR]),
        (date(2026, 3, 2), True, True, []),
        (date(2026, 4, 6), False, True, []),
        (date(2026, 4, 6), False, False, [Severity.WARNING]),
    ],
)
def test_coop_authorisation_changes_on_1_april_2026(monday, coop_permit, mandatory, expected):
    start, end = weeks(monday, 2)
    t = (term(monday - timedelta(days=40), monday + timedelta(days=40)),)
    p = position(start=start, end=end, hours=35, letter=None, coop=True, coop_mandatory=mandatory)
    permits = [
        Permit(
            id="sp",
            type=PermitType.STUDY,
            valid_from=date(2025, 1, 1),
            valid_to=date(2027, 1, 1),
            off_campus_authorized=True,
        )
    ]
    if coop_permit:
        permits.append(
            Permit(
                id="coop",
                type=PermitType.COOP,
                valid_from=date(2025, 1, 1),
                valid_to=date(2027, 1, 1),
            )
        )
    c = student_case((p,), t, permits=tuple(permits), application_date=date(2026, 6, 1))
    found = run_checks(c).by_slug("student.unauthorized_work")
    assert [f.severity for f in found] == expected


@pytest.mark.parametrize(("share", "expected"), [(0.5, []), (0.51, [Severity.WARNING])])
def test_coop_placement_share_of_program_from_april_2026(share: float, expected) -> None:
    monday = date(2026, 4, 6)
    t = (term(monday - timedelta(days=40), monday + timedelta(days=40)),)
    p = position(
        "p1",
        *weeks(monday, 2),
        hours=35,
        letter=None,
        coop=True,
        coop_mandatory=True,
        coop_share_of_program=share,
    )
    c = student_case((p,), t, application_date=date(2026, 6, 1))
    assert [f.severity for f in run_checks(c).by_slug("student.unauthorized_work")] == expected


def test_student_findings_name_the_letter_and_the_transcript() -> None:
    transcript = {"document": "transcript.pdf", "text": "Fall 2024 Full-time"}
    job = position(
        "s", *weeks(date(2024, 9, 2), 10), hours=26, letter=None, sources=("letter.pdf",)
    )
    terms = (
        term(date(2024, 9, 3), date(2024, 12, 13), quote=transcript),
        term(date(2025, 5, 5), date(2025, 8, 15), quote={**transcript, "text": "Summer 2025"}),
    )
    r = run_checks(student_case((job,), terms, application_date=date(2025, 5, 12)))
    (excluded,) = r.by_slug("student.fulltime_work_excluded")
    assert excluded.documents == ("letter.pdf", "transcript.pdf")
    over = r.by_slug(SLUG)
    assert over and all(f.documents == ("letter.pdf", "transcript.pdf") for f in over)
    elsewhere = position(
        "s", *weeks(date(2024, 1, 8), 10), hours=26, letter=None, sources=("letter.pdf",)
    )
    r = run_checks(student_case((elsewhere,), terms[1:], application_date=date(2025, 5, 12)))
    assert not r.by_slug("student.fulltime_work_excluded")  # no term overlaps: nothing cited
