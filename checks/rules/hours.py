"""Hours and windows (R-HOURS, R-WIN), category-based selection (R-CBS) and CRS (R-CRS)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.context import Context
from checks.dates import DAY, iso_week, months_between
from checks.eligibility import CEC
from checks.findings import Severity
from checks.models import Program
from checks.programs import Experience
from checks.registry import Hit, rule

W, E, B, INFO = Severity.WARNING, Severity.ERROR, Severity.BLOCKER, Severity.INFO
YEAR_WEEKS = 52  # R-HOURS-4: a year of experience spans at least 12 months


def fmt_hours(x: float) -> str:
    return f"{x:,.0f}" if abs(x - round(x)) < 0.05 else f"{x:,.1f}"


def fmt_window(exp: Experience) -> str:
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
    if not ctx.selected(Program.CEC) or not _canadian_work(ctx):
        return
    exp = ctx.experience["cec"]
    if exp.status != "not_met":
        return  # met, or undecided: `hours.undetermined` says what is missing
    need = exp.threshold_hours - exp.qualifying_hours
    extra = (
        f"Met at the application date but not at the ITA date {ctx.case.ita_date} "
        f"({fmt_hours(exp.hours_at_ita)} h)."
        if exp.hours_at_ita is not None
        else ""
    )
    if need <= 0:
        yield Hit(
            f"CEC: {fmt_hours(exp.qualifying_hours)} qualifying hours in {fmt_window(exp)}. "
            + extra
        )
        return
    when = ""
    if exp.date_met_projected and exp.date_met:
        when = (
            f" At the current average of {fmt_hours(exp.weekly_average or 0)} h/week it would be "
            f"met on {exp.date_met} (~{exp.months_needed} months)."
        )
    bound = ""
    if exp.possible_hours > exp.qualifying_hours + 0.5:
        bound = (
            f" Even counting every undecided week it is at most {fmt_hours(exp.possible_hours)} h."
        )
    yield Hit(
        f"CEC: {fmt_hours(exp.qualifying_hours)} qualifying hours in {fmt_window(exp)}, "
        f"{fmt_hours(max(need, 0))} short of {fmt_hours(exp.threshold_hours)}."
        f"{bound}{when}{' ' + extra if extra else ''}"
    )


def _canadian_work(ctx: Context) -> bool:
    """Some position was, or may have been, worked in Canada: without one CEC has nothing to
    count, and 'short of 1,560 h' would only restate that the work was abroad."""
    return bool(ctx.ledger.undated) or any(j.canadian is not False for j in ctx.ledger.jobs())


def _blocking_facts(ctx: Context, exp: Experience) -> list[str]:
    """Per position, the unknown facts that leave its hours undecided for CEC."""
    facts: dict[str, list[str]] = {}
    for j in ctx.ledger.jobs():
        if exp.window and j.week_start + 6 * DAY < exp.window.start:
            continue
        if CEC(j) is False:
            continue
        missing = facts.setdefault(j.position, [])
        for unknown, what in (
            (not j.hours_known, "hours per week"),
            (j.canadian is None, "place of work"),
            (j.paid is None, "whether it was paid"),
            (j.skilled is None, "NOC/TEER"),
            (j.self_employed is None, "employee or self-employed"),
            (j.remote_foreign, "remote work for a foreign employer (disputed)"),
            (j.break_between_fulltime, "break between full-time terms (disputed)"),
        ):
            if unknown and what not in missing:
                missing.append(what)
    by_id = {p.id: p for p in ctx.case.positions}
    out = [
        f"{ctx.label(by_id[pid])}: {', '.join(what)}"
        for pid, what in facts.items()
        if what and pid in by_id
    ]
    out += [f"{ctx.label(by_id[pid])}: start date" for pid in ctx.ledger.undated if pid in by_id]
    return out


@rule(
    "EV226",
    "hours.undetermined",
    W,
    programs=[Program.CEC],
    cites=["R-WIN-1", "R-HOURS-1"],
    summary="CEC: cannot decide the 1,560 hours; names the facts that block it",
    what="When some deciding fact (hours, place of work, pay, NOC, relationship) is unknown, "
    "gives the hours that surely qualify, the most that could, and the facts missing.",
    why="'Below 1,560 h' is a claim; an undecided count is a request for evidence.",
    example="A letter saying 'full-time' with no hours per week: 0 h sure, up to 4,680 h.",
    fix="Supply the missing facts (usually hours per week in the letter) and audit again.",
)
def undetermined(ctx: Context) -> Iterator[Hit]:
    if not ctx.selected(Program.CEC):
        return
    exp = ctx.experience["cec"]
    if exp.status != "indeterminate":
        return
    facts = _blocking_facts(ctx, exp)
    yield Hit(
        f"CEC: cannot decide: {fmt_hours(exp.qualifying_hours)} h certainly qualify and up to "
        f"{fmt_hours(exp.possible_hours)} h may, in {fmt_window(exp)}."
        + (f" Undecided: {'; '.join(facts)}." if facts else "")
    )


@rule(
    "EV227",
    "hours.no_canadian_work",
    INFO,
    programs=[Program.CEC],
    cites=["R-WIN-1"],
    summary="CEC: every position was worked outside Canada",
    what="CEC counts only work physically done in Canada; when every position is abroad there is "
    "nothing to count.",
    why="A foreign-experience file is assessed under FSW and the CRS, not CEC (R-WIN-1).",
    example="A single position in Manchester, UK.",
    fix="Nothing to fix: see the FSW and foreign-experience lines.",
)
def no_canadian_work(ctx: Context) -> Iterator[Hit]:
    if ctx.selected(Program.CEC) and ctx.ledger.jobs() and not _canadian_work(ctx):
        yield Hit("CEC: every position was worked outside Canada; CEC does not apply.")


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
    weeks = ctx.work_credit.capped_weeks
    if weeks:
        lost = ctx.work_credit.over_cap.total()
        caps = sorted({w.cap for w in weeks})
        cap = (
            fmt_hours(caps[0]) if len(caps) == 1 else f"{fmt_hours(caps[0])}-{fmt_hours(caps[-1])}"
        )
        yield Hit(
            f"{len(weeks)} week(s) exceed {cap} h (first {iso_week(weeks[0].week_start)}); "
            f"{fmt_hours(lost)} h above the weekly cap were not counted."
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
    # The hours CEC would count (FSW when only FSW is claimed), capped week by week.
    credit = ctx.cec_credit if ctx.selected(Program.CEC) else ctx.fsw_credit
    worked = credit.credited.days
    if not worked:
        return
    capped = credit.credited.total()
    raw = capped + credit.over_cap.total()
    threshold = ctx.param("one_year_hours")
    span = (max(worked) - min(worked)).days + 1
    if raw >= threshold and capped < threshold and span < YEAR_WEEKS * 7:
        yield Hit(
            f"{fmt_hours(raw)} hours were worked in {span} days (< {YEAR_WEEKS} weeks); capped "
            f"week by week only {fmt_hours(capped)} count: the year is not complete."
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
    series = ctx.cec_credit.credited
    before = series.sum_in(series.days[0], exp.window.start) if series.days else 0.0
    if before > 0:
        yield Hit(
            f"{fmt_hours(before)} qualifying hours were worked before {exp.window.start}, outside "
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
        note = (
            " A year only across several NOCs or with breaks: FSW needs one continuous year."
            if exp.split_year
            else ""
        )
        best = (
            f" Longest run: {fmt_hours(exp.qualifying_hours)} h in NOC {exp.noc}."
            if exp.noc
            else ""
        )
        yield Hit(
            f"FSW: no continuous year of 1,560 h in one NOC in {fmt_window(exp)}.{best}{note}"
        )
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
            f"{name}: {exp.status.replace('_', ' ')}; {fmt_hours(exp.qualifying_hours)} h "
            f"({exp.fte_years:.2f} FTE years) in {fmt_window(exp)}"
        ]
        if exp.date_met:
            parts.append(f"{'would be met' if exp.date_met_projected else 'met'} on {exp.date_met}")
        if exp.months_needed is not None:
            parts.append(
                f"~{exp.months_needed} months more at {fmt_hours(exp.weekly_average or 0)} h/week"
            )
        if exp.points is not None:
            parts.append(f"{exp.points} {'grid' if key == 'fsw' else 'CRS'} points")
        if exp.uncertain:
            parts.append("[UNC]")
        yield Hit("; ".join(parts) + ".", programs=(program,))
