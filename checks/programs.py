"""Programs computed from the ledger: CEC, FSW, CRS (Canadian and foreign), category-based
selection. Each gives an `Experience`: status, hours, window, the date the threshold is met and the
date it lapses as the window slides (R-WIN-6), months still needed, points.

Two sums are kept: `sure` counts only weeks whose every deciding fact is known to qualify,
`possible` also counts weeks where a fact is unknown. met: sure >= threshold; not_met: possible <
threshold (and no position has unknown hours); otherwise indeterminate. Hours come from
`checks.credit.credit`, the one place the weekly cap is applied.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Literal

from pydantic import Field

from checks.credit import Credit, credit
from checks.dates import Window, shift_years, years_before
from checks.eligibility import CEC, FOREIGN, REASONS, REMOTE_FOREIGN, Eligibility
from checks.ledger import Ledger
from checks.models import Case, Frozen
from checks.params import Policy
from checks.windows import met_on, sliding_timing

Status = Literal["met", "not_met", "indeterminate"]
ProgramKey = Literal["cec", "fsw", "foreign", "cbs", "crs_can"]
AnchorKind = Literal["application_date", "ita_date"]


class Experience(Frozen):
    program: ProgramKey
    status: Status
    anchor: date  # the date that governs the window
    anchor_kind: AnchorKind = "application_date"
    threshold_hours: float
    qualifying_hours: float
    possible_hours: float
    fte_years: float
    window: Window | None = None
    date_met: date | None = None
    date_met_projected: bool = False  # at the current weekly average, from the as-of date on
    date_lapses: date | None = None  # first date it is no longer met, if no more hours are added
    months_needed: float | None = None
    weekly_average: float | None = None
    points: int | None = None  # CRS points (foreign: transferability; crs_can: core) / FSW grid
    points_before_caps: int | None = None
    noc: str | None = None
    disputed_hours: float = 0.0
    uncertain: bool = False  # the requirement itself rests on [UNC]/[DISPUTED] ground
    # What the computation used and left out, for rules and reports (never parsed from notes):
    requirement: str | None = None  # the dated requirement version applied (CBS: v2023, v2026)
    equivalence_reading: bool = False  # met only by reading part-time hours as equivalent [UNC]
    over_cap_hours: float = 0.0  # eligible hours in the window above the weekly cap in force
    excluded_hours: dict[str, float] = Field(
        default_factory=dict
    )  # exclusion (eligibility.REASONS key) -> hours
    hours_at_ita: float | None = None  # CEC: met at the application date but not at the ITA
    language_scored: bool = True  # foreign: False when no first-language result was given
    split_year: bool = False  # FSW: a year only across several NOCs or with breaks
    notes: tuple[str, ...] = ()  # the above in words, for people (`explain`)


def explain(exp: Experience) -> Experience:
    """The typed facts of an experience in words, for the report."""
    notes: list[str] = []
    if exp.program == "cbs":
        if exp.requirement is None:
            notes.append("no category-based selection on this date")
        else:
            notes.append(f"requirement {exp.requirement}")
        if exp.anchor_kind == "application_date":
            notes.append("no round date: assessed at the application date")
        if exp.equivalence_reading:
            notes.append("met only on the part-time equivalence reading [UNC]")
    if exp.hours_at_ita is not None:
        notes.append(
            f"Met at the application date but not at the ITA date ({exp.hours_at_ita:,.0f} h)."
        )
    if exp.program == "crs_can" and exp.uncertain:
        notes.append("CRS core points are [UNC]")
    if not exp.language_scored:
        notes.append("no first-language result: language combination not scored")
    if exp.split_year:
        notes.append(
            "a year only across several NOCs or with breaks: FSW needs one continuous year"
        )
    if exp.over_cap_hours > 0.5:
        notes.append(f"{exp.over_cap_hours:,.0f} h above the weekly cap not counted")
    for reason, hours in exp.excluded_hours.items():
        if hours > 0.5 and reason in REASONS:
            notes.append(f"{hours:,.0f} h excluded: {REASONS[reason]}")
    return exp.model_copy(update={"notes": tuple(notes)})


# --- status and windows -------------------------------------------------------------------------


def status_of(sure: float, possible: float, threshold: float, unknown: bool) -> Status:
    if sure >= threshold - 1e-9:
        return "met"
    if possible < threshold - 1e-9 and not unknown:
        return "not_met"
    return "indeterminate"


def window_experience(
    key: ProgramKey,
    ledger: Ledger,
    eligible: Eligibility,
    anchor: date,
    years: int,
    policy: Policy,
    *,
    anchor_kind: AnchorKind = "application_date",
) -> tuple[Experience, Credit]:
    threshold = float(policy.value("one_year_hours", anchor))
    sure = credit(ledger, eligible, unknown_counts=False)
    possible = credit(ledger, eligible, unknown_counts=True)
    w = years_before(anchor, years)
    s_hours = sure.sum_in(w.start, w.end)
    p_hours = possible.sum_in(w.start, w.end)
    avg_weeks = policy.value("current_average_weeks", anchor)
    timing = sliding_timing(sure.credited, anchor, years, threshold, avg_weeks)
    # Unknown hours need no flag: the possible credit counts them at the weekly cap, a true
    # upper bound. A position without a start date could count anywhere.
    status = status_of(s_hours, p_hours, threshold, bool(ledger.undated))
    exp = Experience(
        program=key,
        status=status,
        anchor=anchor,
        anchor_kind=anchor_kind,
        threshold_hours=threshold,
        qualifying_hours=round(s_hours, 2),
        possible_hours=round(p_hours, 2),
        fte_years=round(s_hours / threshold, 3),
        window=w,
        date_met=timing.date_met,
        date_met_projected=timing.projected,
        date_lapses=timing.date_lapses,
        months_needed=timing.months_needed if status != "met" else None,
        weekly_average=round(timing.weekly_average, 2) if timing.weekly_average else None,
        over_cap_hours=round(sure.over_cap.sum_in(w.start, w.end), 2),
        excluded_hours=sure.excluded_in(w.start, w.end),
    )
    return exp, sure


# --- CEC and CRS --------------------------------------------------------------------------------


def cec(case: Case, ledger: Ledger, policy: Policy) -> Experience:
    years = policy.value("cec_window_years")
    exp, sure = window_experience("cec", ledger, CEC, case.application_date, years, policy)
    # R-WIN-1: minimum entry criteria must also be met at the invitation.
    ita = case.ita_date
    if (
        ita is not None
        and exp.status == "met"
        and not met_on(sure.credited, ita, years, exp.threshold_hours)
    ):
        at_ita = sure.sum_in(shift_years(ita, -years), ita)
        exp = exp.model_copy(update={"status": "not_met", "hours_at_ita": round(at_ita, 2)})
    return exp


def crs_canadian(case: Case, ledger: Ledger, policy: Policy) -> Experience:
    as_of = case.application_date
    years = policy.value("crs_canadian_window_years")
    exp, _ = window_experience("crs_can", ledger, CEC, as_of, years, policy)
    full_years = min(5, math.floor(exp.qualifying_hours / exp.threshold_hours + 1e-9))
    table = policy.value("crs_canadian_points")
    row = table["spouse" if case.accompanying_spouse else "single"]
    points = row[full_years - 1] if full_years >= 1 else 0
    return exp.model_copy(update={"points": points, "uncertain": True})


def _bucket(years: int) -> str | None:
    return None if years < 1 else ("one_two" if years <= 2 else "three_plus")


def foreign(case: Case, ledger: Ledger, canadian_years: int, policy: Policy) -> Experience:
    as_of = case.application_date
    years = policy.value("crs_foreign_window_years")
    exp, _ = window_experience("foreign", ledger, FOREIGN, as_of, years, policy)
    w = exp.window
    assert w is not None
    disputed = credit(ledger, REMOTE_FOREIGN, unknown_counts=False)
    full_years = math.floor(exp.qualifying_hours / exp.threshold_hours + 1e-9)
    bucket = _bucket(full_years)
    lang_points = can_points = 0
    language_scored = True
    if bucket:
        first = next((r for r in case.language if r.role == "first"), None)
        if first is None:
            language_scored = False
        else:
            table = policy.value("crs_foreign_x_language")
            level = "clb9" if first.min_clb >= 9 else ("clb7" if first.min_clb >= 7 else None)
            lang_points = table[level][bucket] if level else 0
        table = policy.value("crs_foreign_x_canadian")
        can_level = None if canadian_years < 1 else ("can1" if canadian_years == 1 else "can2")
        can_points = table[can_level][bucket] if can_level else 0
    before = lang_points + can_points
    cap = policy.value("crs_caps")["foreign_combinations"]
    return exp.model_copy(
        update={
            "points": min(before, cap),
            "points_before_caps": before,
            "disputed_hours": round(disputed.sum_in(w.start, w.end), 2),
            "language_scored": language_scored,
        }
    )


def compute_all(case: Case, ledger: Ledger, policy: Policy) -> dict[ProgramKey, Experience]:
    from checks.cbs import cbs
    from checks.fsw import fsw

    crs_can = crs_canadian(case, ledger, policy)
    can_years = math.floor(crs_can.qualifying_hours / crs_can.threshold_hours + 1e-9)
    results: dict[ProgramKey, Experience] = {
        "cec": cec(case, ledger, policy),
        "fsw": fsw(case, ledger, policy),
        "foreign": foreign(case, ledger, can_years, policy),
        "cbs": cbs(case, ledger, policy),
        "crs_can": crs_can,
    }
    return {k: explain(v) for k, v in results.items()}
