"""The ledger and the programs computed from it, on both sides of each threshold and date."""

from datetime import date, timedelta

import pytest

from checks.findings import Severity
from checks.models import (
    LanguageResult,
    NocCandidate,
    NocInfo,
    Permit,
    PermitType,
    PositionStatement,
    Program,
    StudyStatus,
    StudyTerm,
)
from checks.run import run_checks
from tests.checks.builders import case, employer, letter, position, stub, weeks

APP = date(2025, 5, 12)


def one_job(start: date, end: date | None, hours: float | None = 30, **kw) -> tuple:
    return (position(start=start, end=end, hours=hours, **kw),)


# --- CEC: 1,559 / 1,560 hours ---


@pytest.mark.parametrize(("hours", "status"), [(1559 / 52, "not_met"), (30, "met")])
def test_cec_threshold_1559_1560(hours: float, status: str) -> None:
    r = run_checks(case(one_job(*weeks(date(2023, 1, 2), 52), hours=hours)))
    cec = r.experience["cec"]
    assert cec.status == status
    assert cec.qualifying_hours == pytest.approx(52 * hours)
    below = r.by_slug("hours.below_1560")
    assert bool(below) == (status == "not_met")
    if below:
        assert below[0].severity is Severity.BLOCKER
        assert "1,559" in below[0].message and "short of 1,560" in below[0].message


def test_cec_date_met_is_the_day_after_the_1560th_hour() -> None:
    r = run_checks(case(one_job(*weeks(date(2023, 1, 2), 52))))
    assert r.experience["cec"].date_met == date(2023, 12, 30)
    assert r.experience["cec"].fte_years == pytest.approx(1.0)


# --- weekly cap: 30 / 31 hours ---


@pytest.mark.parametrize(("hours", "capped"), [(30, False), (31, True)])
def test_weekly_cap_30_31(hours: float, capped: bool) -> None:
    r = run_checks(case(one_job(*weeks(date(2023, 1, 2), 52), hours=hours)))
    assert r.experience["cec"].qualifying_hours == pytest.approx(1560)
    found = r.by_slug("hours.weekly_cap")
    assert bool(found) == capped
    if capped:
        assert found[0].severity is Severity.INFO
        assert "52 week(s)" in found[0].message and "52 h above" in found[0].message


def test_two_simultaneous_jobs_count_once() -> None:
    start, end = weeks(date(2023, 1, 2), 26)
    jobs = (
        position("a", start=start, end=end, hours=25),
        position("b", start=start, end=end, hours=25),
    )
    r = run_checks(case(jobs))
    assert r.experience["cec"].qualifying_hours == pytest.approx(26 * 30)
    assert r.ledger.weeks[0].hours == 50 and r.ledger.weeks[0].cap == 30
    assert r.credited.sum_in(start, start + timedelta(days=7)) == pytest.approx(30)


def test_year_compressed_into_40_weeks() -> None:
    r = run_checks(case(one_job(*weeks(date(2023, 1, 2), 40), hours=40)))
    (f,) = r.by_slug("hours.period_under_12_months")
    assert f.severity is Severity.ERROR and "1,600 hours" in f.message
    r = run_checks(case(one_job(*weeks(date(2023, 1, 2), 52), hours=40)))
    assert not r.by_slug("hours.period_under_12_months")


# --- half-open windows, 29 February, month precision ---


@pytest.mark.parametrize(("day", "counted"), [(date(2022, 5, 11), 0.0), (date(2022, 5, 12), 6.0)])
def test_cec_window_start_is_inclusive(day: date, counted: float) -> None:
    r = run_checks(case(one_job(day, day, hours=30)))
    assert r.experience["cec"].window.start == date(2022, 5, 12)
    assert r.experience["cec"].qualifying_hours == pytest.approx(counted)


def test_application_date_itself_is_outside_the_window() -> None:
    r = run_checks(case(one_job(APP, APP, hours=30), letters=(letter(letter_date=APP),)))
    assert r.experience["cec"].qualifying_hours == 0
    assert r.ledger.weeks == ()


def test_window_from_29_february() -> None:
    app = date(2024, 2, 29)
    start, end = date(2021, 2, 27), date(2021, 2, 28)  # a weekend: stub hours spread over it
    c = case(
        one_job(start, end, hours=None),
        application_date=app,
        pay_records=(stub("p1", start, end, hours=12),),
    )
    r = run_checks(c)
    assert r.experience["cec"].window.start == date(2021, 2, 28)
    assert r.experience["cec"].qualifying_hours == pytest.approx(6)  # 28 Feb only


def test_month_only_dates_are_credited_conservatively() -> None:
    p = position(
        start=date(2022, 1, 1),
        end=date(2022, 12, 1),
        start_precision="month",
        end_precision="month",
    )
    r = run_checks(case((p,)))
    span = r.ledger.span("p1")
    assert (span.start, span.end) == (date(2022, 2, 1), date(2022, 11, 30))
    assert r.by_slug("letter.imprecise_dates")[0].severity is Severity.WARNING


def test_hours_after_the_letter_date_are_not_credited() -> None:
    p = position(start=date(2024, 1, 1), end=None)
    r = run_checks(case((p,), letters=(letter(letter_date=date(2024, 6, 30)),)))
    assert r.ledger.span("p1").end == date(2024, 6, 30)


# --- sliding window: date met and lapse (R-WIN-6) ---


@pytest.mark.parametrize(
    ("app", "status"), [(date(2024, 1, 4), "met"), (date(2024, 1, 5), "not_met")]
)
def test_cec_lapses_when_the_first_day_leaves_the_window(app: date, status: str) -> None:
    c = case(
        one_job(*weeks(date(2021, 1, 4), 52)),
        application_date=app,
        letters=(letter(letter_date=date(2022, 1, 10)),),
    )
    cec = run_checks(c).experience["cec"]
    assert cec.status == status
    assert cec.date_met == date(2022, 1, 1)
    assert cec.date_lapses == date(2024, 1, 5)


def test_lapsed_before_application_warns() -> None:
    c = case(
        one_job(*weeks(date(2021, 1, 4), 52)),
        application_date=date(2024, 6, 3),
        letters=(letter(letter_date=date(2022, 1, 10)),),
    )
    (f,) = run_checks(c).by_slug("hours.eligibility_lapses")
    assert f.severity is Severity.WARNING and "lapsed on 2024-01-05" in f.message


def test_cec_must_also_be_met_at_the_ita() -> None:
    job = one_job(*weeks(date(2021, 1, 4), 52))
    lt = (letter(letter_date=date(2022, 1, 10)),)
    assert (
        run_checks(case(job, application_date=date(2022, 6, 1), letters=lt))
        .experience["cec"]
        .status
        == "met"
    )
    r = run_checks(
        case(job, application_date=date(2022, 6, 1), ita_date=date(2021, 12, 15), letters=lt)
    )
    assert r.experience["cec"].status == "not_met"
    assert "ITA" in r.by_slug("hours.below_1560")[0].message


def test_months_needed_at_the_current_average() -> None:
    p = position(start=date(2025, 2, 10), end=None, hours=15, is_current=True)
    r = run_checks(case((p,), letters=(letter(letter_date=date(2025, 5, 9)),)))
    cec = r.experience["cec"]
    assert cec.qualifying_hours == pytest.approx(195)
    assert cec.weekly_average == pytest.approx(15)
    assert cec.date_met_projected and cec.date_met == date(2027, 2, 6)
    assert cec.months_needed == pytest.approx(20.9, abs=0.05)


# --- FSW continuity ---


def test_fsw_one_continuous_year_in_one_noc() -> None:
    fsw = run_checks(case(one_job(*weeks(date(2020, 1, 6), 52)))).experience["fsw"]
    assert fsw.status == "met" and fsw.noc == "21231" and fsw.points == 9


def test_fsw_year_split_across_two_nocs_is_not_met() -> None:
    a = position("a", *weeks(date(2020, 1, 6), 26), hours=30, noc="21231")
    b = position("b", *weeks(date(2020, 7, 6), 26), hours=30, noc="21211")
    r = run_checks(case((a, b)))
    assert r.experience["fsw"].status == "not_met"
    (f,) = r.by_slug("hours.fsw_no_continuous_year")
    assert f.severity is Severity.BLOCKER and "several NOCs" in f.message


@pytest.mark.parametrize(("gap_weeks", "status"), [(2, "met"), (3, "not_met")])
def test_fsw_gap_allowance(gap_weeks: int, status: str) -> None:
    from datetime import timedelta

    s1, e1 = weeks(date(2020, 1, 6), 26)
    s2 = s1 + timedelta(weeks=26 + gap_weeks)
    a = position("a", s1, e1, hours=30)
    b = position("b", *weeks(s2, 26), hours=30)
    assert run_checks(case((a, b))).experience["fsw"].status == status


def test_fsw_counts_work_during_full_time_study_cec_does_not() -> None:
    start, end = weeks(date(2023, 1, 2), 52)
    term = StudyTerm(institution="Seneca", start=start, end=end, status=StudyStatus.FULL_TIME)
    r = run_checks(case(one_job(start, end), study_terms=(term,)))
    assert r.experience["fsw"].status == "met"
    assert r.experience["cec"].qualifying_hours == 0
    (f,) = r.by_slug("student.fulltime_work_excluded")
    assert f.severity is Severity.BLOCKER and "1,560 h" in f.message


# --- category-based selection: v2023 / v2026 by round date ---


@pytest.mark.parametrize(
    ("ita", "n_weeks", "status"),
    [
        (date(2026, 2, 17), 26, "met"),
        (date(2026, 2, 17), 25, "not_met"),
        (date(2026, 2, 18), 26, "not_met"),
        (date(2026, 2, 18), 52, "met"),
    ],
)
def test_cbs_requirement_by_round_date(ita: date, n_weeks: int, status: str) -> None:
    c = case(
        one_job(*weeks(date(2025, 1, 6), n_weeks)),
        application_date=date(2026, 3, 2),
        ita_date=ita,
        letters=(letter(letter_date=date(2026, 1, 30)),),
    )
    r = run_checks(c)
    assert r.experience["cbs"].status == status
    found = r.by_slug("cbs.experience_not_met")
    assert bool(found) == (status == "not_met")
    if found:  # the 2026 details are [UNC]: at most a warning
        expected = Severity.BLOCKER if ita < date(2026, 2, 18) else Severity.WARNING
        assert found[0].severity is expected
        assert found[0].disputed == (expected is Severity.WARNING)


def test_cbs_category_validity_by_round_date() -> None:
    job = one_job(*weeks(date(2024, 1, 8), 52))
    ok = case(
        job,
        ita_date=date(2025, 2, 26),
        cbs_category="agriculture",
        application_date=date(2025, 3, 3),
        letters=(letter(letter_date=date(2025, 1, 6)),),
    )
    assert not run_checks(ok).by_slug("cbs.category_not_valid")
    late = ok.model_copy(
        update={"ita_date": date(2026, 2, 18), "application_date": date(2026, 3, 2)}
    )
    (f,) = run_checks(late).by_slug("cbs.category_not_valid")
    assert f.severity is Severity.ERROR


# --- CRS foreign experience ---


def clb(level: int, when: date = date(2025, 1, 20)) -> LanguageResult:
    return LanguageResult(
        test="CELPIP-G",
        test_date=when,
        speaking=level,
        listening=level,
        reading=level,
        writing=level,
    )


def foreign_case(n_weeks: int, level: int, canadian_weeks: int = 0):
    emps = (employer(), employer("infy", "Infy Pvt Ltd", country="IN"))
    jobs = [position("f", *weeks(date(2016, 1, 4), n_weeks), employer="infy", letter=None)]
    if canadian_weeks:
        jobs.append(position("c", *weeks(date(2022, 5, 16), canadian_weeks)))
    return case(tuple(jobs), employers=emps, language=(clb(level),))


@pytest.mark.parametrize(
    ("n_weeks", "level", "canadian", "points", "before"),
    [
        (52, 9, 0, 25, 25),
        (52, 8, 0, 13, 13),
        (51, 9, 0, 0, 0),
        (156, 9, 0, 50, 50),
        (156, 9, 104, 50, 100),
        (52, 7, 52, 26, 26),
        (52, 6, 52, 13, 13),
    ],
)
def test_crs_foreign_transferability(n_weeks, level, canadian, points, before) -> None:
    r = run_checks(foreign_case(n_weeks, level, canadian))
    foreign = r.experience["foreign"]
    assert (foreign.points, foreign.points_before_caps) == (points, before)
    capped = [f for f in r.by_slug("crs.foreign_points") if f.severity is Severity.WARNING]
    assert bool(capped) == (before > points)


# --- authorisation: permit boundaries ---


@pytest.mark.parametrize(
    ("valid_to", "uncovered"), [(date(2023, 12, 29), 0), (date(2023, 12, 28), 1)]
)
def test_permit_valid_to_is_inclusive(valid_to: date, uncovered: int) -> None:
    permit = Permit(
        id="wp", type=PermitType.WORK_OPEN, valid_from=date(2023, 1, 1), valid_to=valid_to
    )
    r = run_checks(case(one_job(*weeks(date(2023, 1, 2), 52)), permits=(permit,)))
    found = r.by_slug("permit.not_covering_work")
    assert len(found) == uncovered
    assert r.experience["cec"].qualifying_hours == pytest.approx(1560 - 6 * uncovered)


def test_maintained_status_covers_work_after_expiry() -> None:
    permit = Permit(
        id="wp",
        type=PermitType.WORK_OPEN,
        valid_from=date(2023, 1, 1),
        valid_to=date(2023, 6, 30),
        extension_filed_on=date(2023, 6, 1),
    )
    r = run_checks(case(one_job(*weeks(date(2023, 1, 2), 52)), permits=(permit,)))
    assert not r.by_slug("permit.not_covering_work")
    late = permit.model_copy(update={"extension_filed_on": date(2023, 7, 1)})
    assert run_checks(case(one_job(*weeks(date(2023, 1, 2), 52)), permits=(late,))).by_slug(
        "permit.not_covering_work"
    )


def test_closed_permit_for_another_employer() -> None:
    permit = Permit(
        id="wp",
        type=PermitType.WORK_EMPLOYER_SPECIFIC,
        valid_from=date(2023, 1, 1),
        valid_to=date(2024, 12, 31),
        employer_named="Maple Foods Ltd.",
    )
    r = run_checks(case(one_job(*weeks(date(2023, 1, 2), 52)), permits=(permit,)))
    (f,) = r.by_slug("permit.employer_mismatch")
    assert f.severity is Severity.ERROR and "Maple Foods" in f.message
    ok = Permit(
        id="wp",
        type=PermitType.WORK_EMPLOYER_SPECIFIC,
        valid_from=date(2023, 1, 1),
        valid_to=date(2024, 12, 31),
        employer_named="ACME SOFTWARE LTD",
    )
    assert not run_checks(case(one_job(*weeks(date(2023, 1, 2), 52)), permits=(ok,))).by_slug(
        "permit.employer_mismatch"
    )


def test_programs_not_selected_raise_no_program_findings() -> None:
    r = run_checks(case(one_job(*weeks(date(2023, 1, 2), 10)), programs=(Program.FSW,)))
    assert not r.by_slug("hours.below_1560")
    assert r.by_slug("hours.fsw_no_continuous_year")


# --- unconfirmed facts make the status indeterminate, not failed ---


def test_three_self_employment_signals_make_cec_indeterminate() -> None:
    signals = ("gst_hst_number", "invoices_by_applicant", "tools_by_worker")
    r = run_checks(case(one_job(*weeks(date(2023, 1, 2), 52), self_employment_signals=signals)))
    cec = r.experience["cec"]
    assert (cec.status, cec.qualifying_hours, cec.possible_hours) == ("indeterminate", 0, 1560)
    assert r.by_slug("hours.below_1560") == []
    assert "employee or self-employed" in r.by_slug("hours.undetermined")[0].message
    assert r.by_slug("employment.self_employed") == []


def test_stub_hours_below_the_letter_are_credited_low_but_letter_is_possible() -> None:
    start, end = weeks(date(2023, 1, 2), 52)
    c = case(one_job(start, end, hours=30), pay_records=(stub("p1", start, end, hours=1300),))
    cec = run_checks(c).experience["cec"]
    assert cec.qualifying_hours == pytest.approx(1300)
    assert cec.possible_hours == pytest.approx(1560)
    assert cec.status == "indeterminate"


def test_a_capped_week_is_credited_in_proportion_to_each_job() -> None:
    start, end = weeks(date(2023, 1, 2), 1)
    r = run_checks(case((position("a", start, end, hours=30), position("b", start, end, hours=15))))
    (week,) = r.ledger.weeks
    assert week.week == "2023-W01" and week.cap == 30 and week.hours == 45
    assert r.credited.credited.total() == pytest.approx(30)
    assert r.credited.over_cap.total() == pytest.approx(15)
    assert r.experience["cec"].over_cap_hours == pytest.approx(15)
    assert all(j.canadian and j.paid and j.skilled and j.session == "none" for j in week.jobs)


# --- a near tie between codes: the code is unknown, the skill level may not be ---


@pytest.mark.parametrize(
    ("tied", "status", "hours"),
    [
        (("11101", "10010"), "met", 1560),  # TEER 1 or 0: skilled either way
        (("14400", "13201"), "indeterminate", 0),  # TEER 4 or 3: the tie crosses the line
        ((), "indeterminate", 0),  # abstained for another reason (a weak best score)
    ],
)
def test_tied_codes_on_one_side_of_the_skilled_line_count(
    tied: tuple[str, ...], status: str, hours: float
) -> None:
    noc = NocInfo(
        abstain=True,
        tied=tied,
        candidates=tuple(NocCandidate(code=c, teer=int(c[1]), score=0.4) for c in tied),
    )
    (job,) = one_job(*weeks(date(2023, 1, 2), 52), noc=None)
    r = run_checks(case((job.model_copy(update={"noc": noc}),)))
    cec = r.experience["cec"]
    assert cec.status == status
    assert cec.qualifying_hours == pytest.approx(hours)
    found = r.by_slug("noc.undetermined")
    assert len(found) == 1
    assert ("11101 or 10010 equally" in found[0].message) == bool(status == "met")


# --- hours the letter leaves out but the signed offer states ---


@pytest.mark.parametrize(
    ("offers", "hours"),
    [
        ((40,), 1560),  # the offer's 40 h, capped at 30 a week
        ((40, 40), 1560),  # offer and contract agree
        ((40, 35), 0),  # they disagree: no number to count
        ((), 0),  # nothing states the hours
    ],
)
def test_hours_from_an_offer_when_the_letter_gives_none(offers: tuple, hours: float) -> None:
    statements = tuple(
        PositionStatement(document=f"offer{i}.pdf", hours_per_week={"value": h, "quote": None})
        for i, h in enumerate(offers)
    )
    r = run_checks(case(one_job(*weeks(date(2023, 1, 2), 52), hours=None, statements=statements)))
    assert r.experience["cec"].qualifying_hours == pytest.approx(hours)
    (missing,) = r.by_slug("letter.missing_hours")
    assert ("offer0.pdf states 40 h a week" in missing.message) == (hours > 0)
