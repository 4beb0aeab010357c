"""Wording shared by the reports people read (terminal, HTML, letter check): program names, the
one-line verdict, findings grouped by severity, and masking of identity numbers in quotes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from checks.findings import Finding, Severity
from checks.programs import Experience

PROGRAM_LABELS = {
    "cec": "CEC",
    "fsw": "FSW",
    "crs_can": "CRS Canadian",
    "foreign": "CRS foreign",
    "cbs": "Category-based",
}
STATUS_WORDS = {"met": "met", "not_met": "not met", "indeterminate": "undecided"}
STATUS_MARKS = {"met": "✔", "not_met": "✘", "indeterminate": "?"}
SEVERITY_ORDER = (Severity.BLOCKER, Severity.ERROR, Severity.WARNING, Severity.INFO)

# A SIN (9 digits, optionally grouped 3-3-3) or a passport number after the word "passport":
# never shown whole (DESIGN §7). The last three characters stay so a person can tell two apart.
_SIN = re.compile(r"(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{3})(?![\d-])")
_PASSPORT = re.compile(
    r"(?i)(passport(?:\s+(?:no\.?|number|#))?[\s:#]*)([A-Z0-9]{3,6})([A-Z0-9]{3})\b"
)


def mask(text: str) -> str:
    """Mask SIN and passport numbers in text quoted from a document."""
    text = _SIN.sub(lambda m: f"***{m[2]}***{m[2]}{m[4]}", text)
    return _PASSPORT.sub(lambda m: m[1] + "*" * len(m[2]) + m[3], text)


def program_items(experience: dict[str, Experience]) -> list[tuple[str, str, Experience]]:
    """(key, label, experience) in a fixed, readable order; unknown keys last."""
    order = list(PROGRAM_LABELS)
    keys = sorted(experience, key=lambda k: (order.index(k) if k in order else len(order), k))
    return [(k, PROGRAM_LABELS.get(k, k.upper()), experience[k]) for k in keys]


def hours(value: float) -> str:
    return f"{value:,.1f} h".replace(".0 h", " h")


def day(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def verdict_facts(exp: Experience) -> list[str]:
    """The facts after the status in a one-line verdict: hours, window, when met, when it lapses."""
    facts: list[str] = []
    if exp.threshold_hours:
        facts.append(f"{hours(exp.qualifying_hours)} of {hours(exp.threshold_hours)}")
    if exp.status == "indeterminate" and exp.possible_hours > exp.qualifying_hours + 0.05:
        facts.append(f"up to {hours(exp.possible_hours)} if unknown facts qualify")
    if exp.window is not None:
        facts.append(f"window {exp.window.start} → {exp.window.end}")
    if exp.date_met is not None:
        word = "would be met" if exp.date_met_projected else "met"
        facts.append(f"{word} {exp.date_met}")
    if exp.date_lapses is not None:
        facts.append(f"lapses {exp.date_lapses}")
    if exp.months_needed:
        facts.append(f"{exp.months_needed:g} more months needed")
    if exp.points is not None:
        facts.append(f"{exp.points} points")
    if exp.noc:
        facts.append(f"NOC {exp.noc}")
    return facts


def by_severity(findings: Iterable[Finding]) -> list[tuple[Severity, list[Finding]]]:
    """Findings grouped most severe first; waived findings go last within their group."""
    groups: dict[Severity, list[Finding]] = {s: [] for s in SEVERITY_ORDER}
    for f in findings:
        groups[f.severity].append(f)
    return [(s, sorted(fs, key=lambda f: (f.waived, f.rule))) for s, fs in groups.items() if fs]


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {s.value: 0 for s in SEVERITY_ORDER}
    for f in findings:
        if not f.waived:
            counts[f.severity.value] += 1
    return counts


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def count_words(counts: dict[str, int]) -> list[str]:
    """["1 error", "9 warnings", "11 info"]: non-zero counts, most severe first."""
    return [f"{n} {s}" + ("s" if n != 1 and s != "info" else "") for s, n in counts.items() if n]
