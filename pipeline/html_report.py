"""The HTML report for people: one self-contained file (inline CSS and SVG, nothing fetched), which
also prints well. `timeline(report)` lays out the picture as plain data; the template draws it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jinja2

from checks.programs import Experience
from checks.registry import RuleDoc, find_rule
from nlp_models.noc.calibration import in_words
from pipeline.files import write_atomic
from pipeline.present import (
    STATUS_WORDS,
    by_severity,
    count_words,
    day,
    hours,
    mask,
    program_items,
    severity_counts,
    verdict_facts,
)
from pipeline.report import Report

TEMPLATES = Path(__file__).parent / "templates"

# Timeline geometry (SVG user units; the picture scales to the page width).
WIDTH = 1000
LABEL_W = 230
PLOT_W = WIDTH - LABEL_W - 20
LANE_H = 40
TOP = 50
MAX_WEEKLY = 50.0  # hours at full lane height; more is clipped (the number is in the tooltip)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    cls: str
    title: str


@dataclass(frozen=True)
class Marker:
    x: float
    label: str
    cls: str


@dataclass(frozen=True)
class Lane:
    y: float
    label: str
    sublabel: str


@dataclass
class Timeline:
    width: int = WIDTH
    height: int = 0
    lanes: list[Lane] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    window: Rect | None = None
    plot_x: int = LABEL_W
    plot_w: int = PLOT_W
    empty: bool = True


def _window_program(report: Report) -> tuple[str, Experience] | None:
    """The program whose window the picture shows: CEC's 3 years when assessed, else the first."""
    items = [(label, e) for _k, label, e in program_items(report.experience) if e.window]
    return items[0] if items else None


def _span(report: Report) -> tuple[dt.date, dt.date] | None:
    dates: list[dt.date] = [report.case.as_of]
    for emp in report.employments:
        for p in emp.positions:
            dates += [d for d in (p.start, p.end) if d]
    for t in report.study_terms:
        dates += [t.start, t.end]
    dates += [w.week_start for w in report.timeline]
    chosen = _window_program(report)
    if chosen:
        exp = chosen[1]
        assert exp.window is not None
        dates += [exp.window.start, exp.window.end]
        dates += [d for d in (exp.date_met, exp.date_lapses) if d]
    if len(dates) < 2:
        return None
    start, end = min(dates), max(dates)
    start = dt.date(start.year, 1, 1)
    end = dt.date(end.year + 1, 1, 1)
    return start, end


def _runs(weeks: list[tuple[dt.date, float]]) -> list[tuple[dt.date, dt.date, float]]:
    """Consecutive weeks with equal hours merged into [start, end) runs: a small SVG."""
    runs: list[tuple[dt.date, dt.date, float]] = []
    for start, h in sorted(weeks):
        end = start + dt.timedelta(weeks=1)
        if runs and runs[-1][1] == start and abs(runs[-1][2] - h) < 0.01:
            runs[-1] = (runs[-1][0], end, h)
        else:
            runs.append((start, end, h))
    return runs


@dataclass
class _Plot:
    """Dates to x positions, and weekly-hour bars, on one timeline."""

    tl: Timeline
    t0: dt.date
    days: int

    def x(self, d: dt.date) -> float:
        return round(LABEL_W + PLOT_W * (d - self.t0).days / self.days, 2)

    def bars(self, y: float, runs: list[tuple[dt.date, dt.date, float]], cls: str, what: str):
        base = y + LANE_H - 4
        for start, end, h in runs:
            if h > 0:
                height = min(h, MAX_WEEKLY) * (LANE_H - 8) / MAX_WEEKLY
                title = f"{what}: {h:g} h/week, {start} – {end - dt.timedelta(days=1)}"
                width = self.x(end) - self.x(start)
                self.tl.rects.append(Rect(self.x(start), base - height, width, height, cls, title))


def timeline(report: Report) -> Timeline:
    """Lanes for study terms, each position's weekly hours and the credited hours; the program
    window shaded; the dates the threshold is met and lapses, and the as-of date, marked."""
    tl = Timeline()
    span = _span(report)
    if span is None:
        return tl
    t0, t1 = span
    plot = _Plot(tl, t0, (t1 - t0).days)
    y = _study_lane(report, plot, TOP)
    y = _position_lanes(report, plot, y)
    if report.timeline:
        tl.lanes.append(Lane(y, "Credited", "all jobs, capped per week"))
        credited = _runs([(w.week_start, w.credited) for w in report.timeline])
        plot.bars(y, credited, "credit", "credited")
        y += LANE_H
    _window_and_markers(report, plot, y)
    for year in range(t0.year, t1.year):  # t1 is 1 January after the last date: no label
        tl.ticks.append((plot.x(dt.date(year, 1, 1)), str(year)))
    tl.height = y + 30 + 16 * len(tl.markers)
    tl.empty = not tl.rects
    return tl


def _study_lane(report: Report, plot: _Plot, y: float) -> float:
    if not report.study_terms:
        return y
    plot.tl.lanes.append(Lane(y, "Study", "full-time dark, part-time light"))
    for t in report.study_terms:
        cls = "study-ft" if t.status.replace("-", "_") == "full_time" else "study-pt"
        end = t.end + dt.timedelta(days=1)
        title = f"{t.institution}: {t.status.replace('_', '-')} {t.start} – {t.end}"
        x0 = plot.x(t.start)
        plot.tl.rects.append(Rect(x0, y + 6, plot.x(end) - x0, LANE_H - 12, cls, title))
    return y + LANE_H


def _position_lanes(report: Report, plot: _Plot, y: float) -> float:
    weekly: dict[str, list[tuple[dt.date, float]]] = {}
    for w in report.timeline:
        for pid, h in w.hours.items():
            weekly.setdefault(pid, []).append((w.week_start, h))
    for emp in report.employments:
        for p in emp.positions:
            sub = emp.name + (f" · {p.hours_per_week:g} h/week" if p.hours_per_week else "")
            plot.tl.lanes.append(Lane(y, p.title or "position", sub))
            if p.id in weekly:
                runs = _runs(weekly[p.id])
            elif p.start and p.hours_per_week:  # no ledger yet: the letter's hours, flat
                end = p.end or report.case.as_of
                runs = [(p.start, end + dt.timedelta(days=1), p.hours_per_week)]
            else:
                runs = []
            cls = "job-foreign" if emp.country and emp.country != "CA" else "job"
            plot.bars(y, runs, cls, p.title or "")
            y += LANE_H
    return y


def _window_and_markers(report: Report, plot: _Plot, bottom: float) -> None:
    tl, x = plot.tl, plot.x
    chosen = _window_program(report)
    if chosen:
        label, exp = chosen
        assert exp.window is not None
        w = exp.window
        tl.window = Rect(
            x(w.start),
            TOP - 22,
            x(w.end) - x(w.start),
            bottom - TOP + 22,
            "window",
            f"{label} window {w.start} → {w.end}",
        )
        if exp.date_met:
            word = "would reach" if exp.date_met_projected else "reaches"
            text = f"{word} {hours(exp.threshold_hours)} {exp.date_met}"
            tl.markers.append(Marker(x(exp.date_met), text, "met"))
        if exp.date_lapses:
            tl.markers.append(Marker(x(exp.date_lapses), f"lapses {exp.date_lapses}", "lapse"))
    tl.markers.append(Marker(x(report.case.as_of), f"as of {report.case.as_of}", "asof"))


@cache
def rule_doc(rule_id: str) -> RuleDoc | None:
    found = find_rule(rule_id)
    return found.spec.doc if found else None


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(mask=mask, hours=hours, day=day)
    return env


def render_html(report: Report) -> str:
    """The whole report as one HTML page."""
    chosen = _window_program(report)
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            programs=[
                (label, exp, STATUS_WORDS[exp.status], verdict_facts(exp))
                for _k, label, exp in program_items(report.experience)
            ],
            groups=by_severity(report.findings),
            counts=count_words(severity_counts(report.findings)),
            timeline=timeline(report),
            window_label=chosen[0] if chosen else None,
            rule_doc=rule_doc,
            confidence_words=in_words,
        )
    )


def write_html(report: Report, path: Path) -> None:
    """Write the HTML report atomically (a report is whole or absent)."""
    write_atomic(path, render_html(report))
