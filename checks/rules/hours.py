"""Hours and windows (R-HOURS, R-WIN), category-based selection (R-CBS) and CRS (R-CRS)."""

from __future__ import annotations

from collections.abc import Iterator

from checks import params
from checks.context import Context
from checks.dates import DAY, months_between, shift_years
from checks.findings import Severity
from checks.models import Program
from checks.programs import Experience, cec_eligible, credit_series
from checks.registry import Hit, rule

W, E, B, INFO = Severity.WARNING, Severity.ERROR, Severity.BLOCKER, Severity.INFO


def _h(x: float) -> str:
    return f"{x:,.0f}" if abs(x - round(x)) < 0.05 else f"{x:,.1f}"


def _window(exp: Experience) -> str:
    return f"[{exp.window.start}, {exp.window.end})" if exp.window else ""


@rule(
    "EV201",
    "hours.below_1560",
    B,
    programs=[Program.CEC],
    cites=["R-WIN-1", "R-HOURS-1"],
    summary="CEC: fewer than 1,560 qualifying hours in the 3 years before applying",
    what="Counts qualifying Canadian hours (30 h/week cap; no full-time study, self-employment, "
    "unpaid or unauthorised work) in the half-open window [application date - 3 years, "
    "application date), and at the invitation date when one is given.",
    why="CEC requires one year (1,560 h) of skilled Canadian work in the 3 years before applying, "
    "met at the ITA and at e-APR (R-WIN-1).",
    example="1,559 qualifying hours in the window.",
    fix="Wait until the threshold is met (see the date given), or add the missing evidence for "
    "hours that were not counted.",
)
def below_1560(ctx: Context) -> Iterator[Hit]:
    if not ctx.selected(Program.CEC):
        return
    exp = ctx.experience["cec"]
    need = exp.threshold_hours - exp.qualifying_hours
    when = ""
    if exp.date_met_projected and exp.date_met:
        when = (
            f" At the current average of {_h(exp.weekly_average or 0)} h/week it would be "
            f"met on {exp.date_met} (~{exp.months_needed} months)."
        )
    if exp.status == "not_met" and need <= 0:
        yield Hit(
            f"CEC: {_h(exp.qualifying_hours)} qualifying hours in {_window(exp)}. "
            + " ".join(exp.notes)
        )
    elif exp.status == "not_met":
        extra = "; ".join(exp.notes)
        yield Hit(
            f"CEC: {_h(exp.qualifying_hours)} qualifying hours in {_window(exp)}, "
            f"{_h(max(need, 0))} short of {_h(exp.threshold_hours)}."
            f"{when}{' ' + extra if extra else ''}"
        )
    elif exp.status == "indeterminate":
        yield Hit(
            f"CEC: cannot decide: {_h(exp.qualifying_hours)} hours certainly qualify and "
            f"up to {_h(exp.possible_hours)} may, in {_window(exp)}; some facts (hours, "
            "NOC, pay, place of work) are missing.",
            severity=W,
        )


@rule(
    "EV202",
    "hours.weekly_cap",
    INFO,
    programs=[Program.CEC, Program.FSW, Program.CRS],
    cites=["R-HOURS-2"],
    summary="Hours above 30 a week were not counted",
    what="Reports weeks whose hours, across all jobs, exceed the 30-hour weekly credit.",
    why="Only 30 hours a week count, however many jobs or overtime (R-HOURS-2).",
    example="Two jobs of 25 h/week held at the same time: 50 h worked, 30 credited.",
    fix="Nothing to fix: overtime and simultaneous jobs do not speed up the count.",
)
def weekly_cap(ctx: Context) -> Iterator[Hit]:
    cap = ctx.param("weekly_credit_cap")
    over = [w for w in ctx.ledger.weeks if sum(j.creditable_hours for j in w.jobs) > cap + 1e-9]
    if over:
        lost = sum(sum(j.creditable_hours for j in w.jobs) - cap for w in over)
        yield Hit(
            f"{len(over)} week(s) exceed {cap} h (first {over[0].week}); {_h(lost)} h above "
            "the weekly cap were not counted."
        )


@rule(
    "EV203",
    "hours.period_under_12_months",
    E,
    programs=[Program.CEC, Program.FSW],
    cites=["R-HOURS-4", "R-HOURS-2"],
    summary="A year of hours claimed in under 12 months",
    what="Hours reaching 1,560 only by working more than 30 h/week over less than 52 weeks.",
    why="A year of experience cannot be compressed into less than 12 months (R-HOURS-4).",
    example="1,600 hours worked in 40 weeks at 40 h/week.",
    fix="Count only 30 h/week; the year is reached after 52 weeks of full-time work.",
)
def period_under_12_months(ctx: Context) -> Iterator[Hit]:
    jobs = [j for j in ctx.ledger.jobs() if j.paid is not False]
    worked = [j.day(i) for j in jobs for i, h in enumerate(j.creditable) if h > 0]
    if not worked:
        return
    raw = sum(j.creditable_hours for j in jobs)
    threshold = ctx.param("one_year_hours")
    capped = sum(w.credited for w in ctx.ledger.weeks)
    span = (max(worked) - min(worked)).days + 1
    year_days = 7 * threshold / ctx.param("weekly_credit_cap")  # 52 weeks
    if raw >= threshold and capped < threshold and span < year_days:
        yield Hit(
            f"{_h(raw)} hours were worked in {span} days (< 52 weeks); at 30 h/week only "
            f"{_h(capped)} count: the year is not complete."
        )


@rule(
    "EV204",
    "hours.outside_window",
    INFO,
    programs=[Program.CEC],
    cites=["R-WIN-1", "R-WIN-6"],
    summary="Hours worked before the CEC window do not count",
    what="Reports qualifying Canadian hours that fall before the start of the 3-year window.",
    why="CEC counts only the 3 years before the application (R-WIN-1).",
    example="A job from 2019 to 2021 with an application in 2025.",
    fix="Nothing to fix; only recent experience counts.",
)
def outside_window(ctx: Context) -> Iterator[Hit]:
    if not ctx.selected(Program.CEC):
        return
    exp = ctx.experience["cec"]
    if exp.window is None:
        return
    series = credit_series(
        ctx.ledger, cec_eligible, ctx.param("weekly_credit_cap"), unknown_counts=False
    )
    before = series.sum_in(series.days[0], exp.window.start) if series.days else 0.0
    if before > 0:
        yield Hit(
            f"{_h(before)} qualifying hours were worked before {exp.window.start}, outside "
            "the 3-year CEC window."
        )


@rule(
    "EV205",
    "hours.eligibility_lapses",
    W,
    programs=[Program.CEC, Program.CBS],
    cites=["R-WIN-6"],
    summary="Eligibility lapses (or lapsed) as the window slides",
    what="The date on which the threshold stops being met if no more hours are added.",
    why="Early months drop out of the 3-year window; eligibility can expire before an invitation "
    "or application (R-WIN-6).",
    example="1,560 h met on 2024-06-01 from a job that ended in 2022: lapses in 2025.",
    fix="Apply before the lapse date, or add qualifying hours.",
)
def eligibility_lapses(ctx: Context) -> Iterator[Hit]:
    for key, program in (("cec", Program.CEC), ("cbs", Program.CBS)):
        if not ctx.selected(program):
            continue
        exp = ctx.experience[key]
        if exp.date_lapses is None or exp.date_met is None or exp.date_met_projected:
            continue
        name = key.upper()
        if exp.date_lapses <= exp.anchor:
            yield Hit(
                f"{name}: the threshold was met from {exp.date_met} but lapsed on "
                f"{exp.date_lapses}, before the {exp.anchor_kind.replace('_', ' ')} "
                f"{exp.anchor}.",
                programs=(program,),
                disputed=exp.uncertain,
            )
        else:
            yield Hit(
                f"{name}: met since {exp.date_met}; with no further hours it lapses on "
                f"{exp.date_lapses}.",
                severity=INFO,
                programs=(program,),
            )


@rule(
    "EV206",
    "hours.fsw_no_continuous_year",
    B,
    programs=[Program.FSW],
    cites=["R-HOURS-7", "R-WIN-2"],
    summary="FSW: no continuous year in one NOC within 10 years",
    what="Looks for a run of 1,560 credited hours in one NOC, with no gap longer than the "
    "vacation allowance, within [application date - 10 years, application date).",
    why="FSW needs one year of continuous paid work in the primary occupation (R-HOURS-7, "
    "R-WIN-2).",
    example="8 months as a developer, a 4-month gap, then 6 more months.",
    fix="Document a continuous year in one occupation (e.g. explain gaps as paid leave).",
)
def fsw_no_continuous_year(ctx: Context) -> Iterator[Hit]:
    if not ctx.selected(Program.FSW):
        return
    exp = ctx.experience["fsw"]
    if exp.status == "not_met":
        note = f" {'; '.join(exp.notes)}." if exp.notes else ""
        best = f" Longest run: {_h(exp.qualifying_hours)} h in NOC {exp.noc}." if exp.noc else ""
        yield Hit(f"FSW: no continuous year of 1,560 h in one NOC in {_window(exp)}.{best}{note}")
    elif exp.status == "indeterminate":
        yield Hit("FSW: cannot decide: some positions lack hours, dates or a NOC.", severity=W)


@rule(
    "EV207",
    "hours.gap",
    INFO,
    programs=[Program.CEC, Program.FSW],
    cites=["R-HOURS-8", "R-FLAG-4"],
    summary="Gap of more than 3 months between positions",
    what="Reports gaps between consecutive positions longer than the configured months.",
    why="CEC needs no continuity, but unexplained gaps draw questions (R-HOURS-8, R-FLAG-4); "
    "FSW needs a continuous year (R-HOURS-7).",
    example="One job ends in January 2022, the next starts in September 2022.",
    fix="Explain the gap (study, leave, job search) in a letter of explanation if asked.",
)
def gap(ctx: Context) -> Iterator[Hit]:
    months = ctx.param("gap_info_months")
    spans = sorted(ctx.ledger.spans, key=lambda s: s.start)
    reach = None
    for s in spans:
        if reach is not None and months_between(reach, s.start) > months:
            yield Hit(
                f"No work between {reach + DAY} and {s.start - DAY} "
                f"({months_between(reach, s.start):.1f} months).",
                subject=s.position,
            )
        reach = s.end if reach is None else max(reach, s.end)


@rule(
    "EV208",
    "hours.summary",
    INFO,
    programs=[Program.CEC, Program.FSW, Program.CRS, Program.CBS],
    cites=["R-HOURS-1", "R-HOURS-3", "R-WIN-3"],
    summary="Qualifying hours, FTE years and dates per program",
    what="States the computed experience per selected program.",
    why="Total creditable hours, FTE years (hours / 1,560) and months still needed at the "
    "current weekly average (R-HOURS-1, R-HOURS-3).",
    example="CEC: 1,200 h (0.77 FTE years); ~7 months more at 20 h/week.",
    fix="Nothing to fix.",
)
def summary(ctx: Context) -> Iterator[Hit]:
    selected = {
        "cec": (Program.CEC, "CEC"),
        "fsw": (Program.FSW, "FSW"),
        "crs_can": (Program.CRS, "CRS Canadian experience"),
        "foreign": (Program.CRS, "CRS foreign experience"),
        "cbs": (Program.CBS, "Category-based selection"),
    }
    for key, (program, name) in selected.items():
        if not ctx.selected(program):
            continue
        exp = ctx.experience[key]
        parts = [
            f"{name}: {exp.status.replace('_', ' ')}; {_h(exp.qualifying_hours)} h "
            f"({exp.fte_years:.2f} FTE years) in {_window(exp)}"
        ]
        if exp.date_met:
            parts.append(f"{'would be met' if exp.date_met_projected else 'met'} on {exp.date_met}")
        if exp.months_needed is not None:
            parts.append(
                f"~{exp.months_needed} months more at {_h(exp.weekly_average or 0)} h/week"
            )
        if exp.points is not None:
            parts.append(f"{exp.points} {'grid' if key == 'fsw' else 'CRS'} points")
        if exp.uncertain:
            parts.append("[UNC]")
        yield Hit("; ".join(parts) + ".", programs=(program,))


# --- category-based selection -------------------------------------------------------------------


@rule(
    "EV210",
    "cbs.experience_not_met",
    B,
    programs=[Program.CBS],
    cites=["R-CBS-2", "R-CBS-3"],
    summary="Category-based selection: occupation experience not met on the round date",
    what="v2023 (rounds before 18 Feb 2026): 6 continuous months full-time in one eligible NOC in "
    "3 years; v2026: 12 months (read as 1,560 h [UNC]) in one NOC, not necessarily continuous.",
    why="Category rounds require recent experience in a single eligible occupation (R-CBS-2/3).",
    example="A 2026 round; 1,400 h in the category NOC in the 3 years before it.",
    fix="Check the category's current requirements on canada.ca; add hours or evidence.",
)
def cbs_experience(ctx: Context) -> Iterator[Hit]:
    if not ctx.selected(Program.CBS):
        return
    exp = ctx.experience["cbs"]
    version = exp.notes[0] if exp.notes else ""
    if exp.status == "not_met":
        yield Hit(
            f"CBS ({version}): best single-NOC experience {_h(exp.qualifying_hours)} h "
            f"(NOC {exp.noc or 'none'}) in {_window(exp)}; not enough for the round of "
            f"{exp.anchor}." + (" The 2026 requirements are [UNC]." if exp.uncertain else ""),
            disputed=exp.uncertain,
        )
    elif exp.status == "indeterminate":
        yield Hit("CBS: cannot decide; NOC or hours missing for some positions.", severity=W)
    elif exp.uncertain and "equivalence" in " ".join(exp.notes):
        yield Hit(
            "CBS: met only by reading part-time hours as equivalent [UNC].",
            severity=W,
            disputed=True,
        )


@rule(
    "EV211",
    "cbs.category_not_valid",
    E,
    programs=[Program.CBS],
    cites=["R-CBS-4"],
    summary="The claimed category did not exist on the round date",
    what="The case's CBS category is one of the categories open on the round date.",
    why="Categories changed on 27 Feb 2025, 8 Dec 2025 and 18 Feb 2026 (R-CBS-4).",
    example="'agriculture' claimed for a round in March 2026.",
    fix="Correct the category for the round date.",
)
def cbs_category_not_valid(ctx: Context) -> Iterator[Hit]:
    category = ctx.case.cbs_category
    if not ctx.selected(Program.CBS) or not category:
        return
    anchor = ctx.case.ita_date or ctx.as_of
    dv = params.dated_value_at("cbs_categories", anchor)
    if dv is None or category not in dv.value:
        yield Hit(f"Category {category!r} is not open for rounds on {anchor}.")


@rule(
    "EV212",
    "cbs.no_base_program",
    B,
    programs=[Program.CBS],
    cites=["R-CBS-1"],
    summary="No Express Entry program met, so no category round",
    what="A category round needs eligibility under CEC, FSW or FST first.",
    why="Candidates must first be eligible for Express Entry (R-CBS-1).",
    example="CEC and FSW experience both not met.",
    fix="Establish CEC or FSW eligibility first.",
)
def cbs_no_base(ctx: Context) -> Iterator[Hit]:
    if not ctx.selected(Program.CBS):
        return
    cec, fsw = ctx.experience["cec"], ctx.experience["fsw"]
    if cec.status == "not_met" and fsw.status == "not_met":
        yield Hit("Neither CEC nor FSW experience is met, so no category round applies.")


# --- CRS ----------------------------------------------------------------------------------------


@rule(
    "EV220",
    "crs.foreign_points",
    INFO,
    programs=[Program.CRS],
    cites=["R-WIN-5", "R-CRS-1", "R-CRS-2", "R-CRS-3"],
    summary="CRS skill-transferability points from foreign experience",
    what="Foreign FTE years (TEER 0-3, paid, 10 years) combined with first-language CLB and "
    "Canadian years, before and after the 50-point cap.",
    why="Foreign experience earns points only in combination (R-CRS-1..3).",
    example="3 foreign years and CLB 9 in all abilities: 50 points.",
    fix="Nothing to fix.",
)
def crs_foreign_points(ctx: Context) -> Iterator[Hit]:
    if not ctx.selected(Program.CRS):
        return
    exp = ctx.experience["foreign"]
    msg = (
        f"Foreign experience: {_h(exp.qualifying_hours)} h ({exp.fte_years:.2f} FTE years) "
        f"in {_window(exp)}; transferability points {exp.points} "
        f"(before caps {exp.points_before_caps})."
    )
    if exp.disputed_hours:
        msg += (
            f" {_h(exp.disputed_hours)} h of remote work from Canada for a foreign employer "
            "are not counted (disputed, R-FOR-3)."
        )
    yield Hit(msg)
    if (exp.points_before_caps or 0) > (exp.points or 0):
        yield Hit(
            f"Foreign-experience combinations reach {exp.points_before_caps} points but "
            f"are capped at {exp.points}.",
            severity=W,
        )


@rule(
    "EV221",
    "crs.language_expired",
    E,
    programs=[Program.CRS, Program.PGWP],
    cites=["R-CRS-6", "R-DOC-4"],
    summary="Language test result is 2 or more years old at the application date",
    what="Each language result is less than 2 years old at the application date.",
    why="Points based on a result stop counting once it is 2 years old (R-CRS-6, R-DOC-4).",
    example="CELPIP taken 2023-05-12; application 2025-05-12.",
    fix="Retake the test before applying.",
)
def language_expired(ctx: Context) -> Iterator[Hit]:
    years = ctx.param("language_result_validity_years")
    for r in ctx.case.language:
        expires = shift_years(r.test_date, years)
        if expires <= ctx.as_of:
            yield Hit(
                f"{r.test} result of {r.test_date} expired on {expires}, before the "
                f"application date {ctx.as_of}."
            )


@rule(
    "EV222",
    "crs.job_offer_points",
    E,
    programs=[Program.CRS],
    cites=["R-CRS-5"],
    summary="Job-offer points claimed after 25 March 2025",
    what="No CRS points for arranged employment for profiles scored on or after 25 Mar 2025.",
    why="Express Entry stopped awarding job-offer points on 25 Mar 2025 (R-CRS-5).",
    example="A profile updated in April 2025 claiming 50 points for an LMIA job offer.",
    fix="Remove the job-offer points from the score.",
)
def job_offer_points(ctx: Context) -> Iterator[Hit]:
    if not ctx.case.claims_job_offer_points:
        return
    on = ctx.case.profile_date or ctx.as_of
    if not ctx.param("crs_job_offer_points", on):
        yield Hit(
            f"Job-offer points are claimed, but none are awarded for profiles scored on "
            f"{on} (since 2025-03-25)."
        )
