"""Category-based selection (R-CBS) and CRS points (R-CRS)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.context import Context
from checks.dates import shift_years
from checks.findings import Severity
from checks.models import Program
from checks.registry import Hit, rule
from checks.rules.hours import fmt_hours, fmt_window

W, E, B, INFO = Severity.WARNING, Severity.ERROR, Severity.BLOCKER, Severity.INFO


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
    version = f"requirement {exp.requirement}" if exp.requirement else "no requirement"
    if exp.status == "not_met":
        yield Hit(
            f"CBS ({version}): best single-NOC experience {fmt_hours(exp.qualifying_hours)} h "
            f"(NOC {exp.noc or 'none'}) in {fmt_window(exp)}; not enough for the round of "
            f"{exp.anchor}." + (" The 2026 requirements are [UNC]." if exp.uncertain else ""),
            disputed=exp.uncertain,
        )
    elif exp.status == "indeterminate":
        yield Hit("CBS: cannot decide; NOC or hours missing for some positions.", severity=W)
    elif exp.equivalence_reading:
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
    dv = ctx.policy.dated("cbs_categories", anchor)
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
        f"Foreign experience: {fmt_hours(exp.qualifying_hours)} h ({exp.fte_years:.2f} FTE years) "
        f"in {fmt_window(exp)}; transferability points {exp.points} "
        f"(before caps {exp.points_before_caps})."
    )
    if exp.disputed_hours:
        msg += (
            f" {fmt_hours(exp.disputed_hours)} h of remote work from Canada for a foreign employer "
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
