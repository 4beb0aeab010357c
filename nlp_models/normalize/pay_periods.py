"""Pay periods and bases around an amount: "per year", "/hr", "bi-weekly", "par mois",
"annual salary", "gross"/"net"; and an amount per year for comparing pay stated per hour, week,
month or year."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal, NamedTuple

from nlp_models.normalize.models import MoneyMatch, PayPeriod

_PERIODS: list[tuple[PayPeriod, str]] = [
    (
        "biweekly",
        r"bi-?weekly|every\s+(?:two|2)\s+weeks|per\s+(?:two|2)\s+weeks|fortnightly"
        r"|(?:per|a|every)\s+fortnight|(?:aux|toutes\s+les)\s+(?:deux|2)\s+semaines"
        r"|bihebdomadaire|par\s+quinzaine",
    ),
    (
        "semimonthly",
        r"semi-?monthly|twice\s+(?:a|per)\s+month|twice\s+monthly|bimensuel(?:le)?"
        r"|deux\s+fois\s+par\s+mois",
    ),
    (
        "hour",
        r"(?:per|an|a|each|every)\s+(?:hour|hr)\b|/\s*(?:hour|hr|h|heure)\b|hourly"
        r"|(?:de\s+|par\s+|a\s+)?l'heure|par\s+heure|p/?h\b",
    ),
    ("day", r"(?:per|a|each)\s+day\b|/\s*(?:day|jour)\b|daily|par\s+jour|quotidien(?:ne)?"),
    (
        "week",
        r"(?:per|a|each|every)\s+(?:week|wk)\b|/\s*(?:week|wk|sem(?:aine)?)\b|weekly"
        r"|par\s+semaine|hebdomadaire",
    ),
    (
        "month",
        r"(?:per|a|each|every)\s+(?:month|mth|mo)\b|/\s*(?:month|mth|mo|mois)\b|monthly"
        r"|par\s+mois|mensuel(?:le(?:ment)?)?",
    ),
    (
        "year",
        r"(?:per|a|each|every)\s+(?:year|yr|annum)\b|/\s*(?:year|yr|an|annee|annum)\b|yearly"
        r"|annually|annual|p\.\s?a\.|pa\b|par\s+an(?:nee)?\b|annuel(?:le(?:ment)?)?|LPA\b",
    ),
]
PERIOD_AFTER = re.compile(
    r"(?i:\s*(?:\(?(?P<code>(?-i:[A-Z]{3}))\)?|(?P<basis>gross|brut|bruts|net|nets)|before\s+"
    # a translator's note in square brackets ("R$ 9,800.00 [BRL 9,800.00] per month")
    r"(?:taxes|tax|deductions)|avant\s+(?:impots|deductions)|,|\)|\[[^\]\n]{0,40}\])\s*)*\s*(?:"
    + "|".join(f"(?P<{p}>{rx})" for p, rx in _PERIODS)
    + r")(?![A-Za-z])",
)
_BASIS_AFTER = re.compile(r"\s*(?i:(?P<basis>gross|brut|bruts|net|nets))(?![A-Za-z])")
_PERIOD_BEFORE = re.compile(
    r"(?i:(?P<hour>hourly|taux\s+horaire|salaire\s+horaire)|(?P<year>annual|yearly|"
    r"salaire\s+annuel|remuneration\s+annuelle|per\s+annum)|(?P<month>monthly|salaire\s+mensuel)"
    r"|(?P<biweekly>bi-?weekly)|(?P<week>weekly|salaire\s+hebdomadaire))"
    r"(?P<basis>\s+(?:gross|brut|net))?[^\d\n$€£]{0,30}$"
)
_BASIS_BEFORE = re.compile(r"(?i:(?P<basis>gross|brut|net))[^\d\n$€£]{0,25}$")


class PeriodReading(NamedTuple):
    period: PayPeriod | None
    basis: Literal["gross", "net"] | None
    code: str | None  # an ISO code written between the amount and its period ("72,000 CAD / yr")
    end: int  # the end of the amount with what was read after it


def _period_from(m: re.Match[str]) -> PayPeriod | None:
    for name, _ in _PERIODS:
        if m.groupdict().get(name):
            return name
    return None


def _basis(word: str | None) -> Literal["gross", "net"] | None:
    if not word:
        return None
    return "net" if word.strip().lower().startswith("net") else "gross"


def read_period(work: str, start: int, end: int, *, lpa: bool = False) -> PeriodReading:
    """The period and basis of the amount at work[start:end]: written after it, else before it
    ("annual salary: $72,000"). "LPA" (lakhs per annum) is yearly unless a period follows a
    basis word."""
    period, basis, code, end = _read_after(work, end, lpa)
    window_start = max(0, start - 60)
    if period is None:
        before = _PERIOD_BEFORE.search(work, window_start, start)
        if before is not None:
            period = _period_from(before)
            basis = basis or _basis(before["basis"])
    if basis is None:
        bb = _BASIS_BEFORE.search(work, max(0, start - 30), start)
        if bb is not None:
            basis = _basis(bb["basis"])
    return PeriodReading(period, basis, code, end)


def _read_after(work: str, end: int, lpa: bool) -> PeriodReading:
    """The period, basis and currency code written right after the amount ending at `end`."""
    period: PayPeriod | None = "year" if lpa else None
    basis: Literal["gross", "net"] | None = None
    after = PERIOD_AFTER.match(work, end)
    if after is not None:
        period = period or _period_from(after)
        basis = _basis(after["basis"])
        end = after.end()
        b = _BASIS_AFTER.match(work, end)
        if b is not None and basis is None:
            basis, end = _basis(b["basis"]), b.end()
        return PeriodReading(period, basis, after["code"], end)
    # "72,000 gross per year": a basis word, then the period.
    b = _BASIS_AFTER.match(work, end)
    if b is not None:
        basis = _basis(b["basis"])
        after_b = PERIOD_AFTER.match(work, b.end())
        if after_b is not None:
            period = _period_from(after_b)
            end = after_b.end()
        else:
            end = b.end()
    return PeriodReading(period, basis, None, end)


# Periods per year, for comparing pay stated per hour, week, month or year.
PERIODS_PER_YEAR: dict[PayPeriod, float] = {
    "day": 260.0,
    "week": 52.0,
    "biweekly": 26.0,
    "semimonthly": 24.0,
    "month": 12.0,
    "year": 1.0,
}


def annual_amount(money: MoneyMatch, *, hours_per_week: float | None = None) -> Decimal | None:
    """The amount per year (an hourly rate needs the weekly hours); None without a period."""
    if money.period is None:
        return None
    if money.period == "hour":
        if hours_per_week is None:
            return None
        return money.amount * Decimal(str(hours_per_week)) * 52
    return money.amount * Decimal(str(PERIODS_PER_YEAR[money.period]))
