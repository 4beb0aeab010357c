"""Working hours: "37.5 hours per week", "twenty hours a week", "20–40 hours", "full-time",
"8:00am to 5:00pm, Monday to Friday", "9h à 17h du lundi au vendredi".

A schedule counts gross hours (end minus start) unless the document states an unpaid break; no
lunch is assumed, because the letter is the evidence and assumptions would change the hours.
"""

from __future__ import annotations

import re
from typing import Literal

from nlp_models.normalize._numbers import WORD_NUMBER, parse_decimal, words_to_number
from nlp_models.normalize._text import (
    clean,
    finditer_in,
    lower,
    match_at,
    token_starts,
    windows,
)
from nlp_models.normalize.models import HoursLabel, HoursMatch, HoursPeriod
from nlp_models.normalize.schedules import SCHEDULE, days_near, schedule

_I = re.IGNORECASE


def _num(name: str) -> str:
    # Digits ("37.5", "37,5", "1,560"), words ("thirty-seven and a half"), or both
    # ("forty (40)", "40 (forty)").
    return (
        rf"(?:(?P<{name}d>\d{{1,2}}[, ]\d{{3}}(?!\d)|\d{{1,4}}(?:[.,]\d{{1,2}})?(?![\d]))"
        r"(?:\s*\([A-Za-z][A-Za-z -]{2,40}\))?"
        rf"|(?P<{name}w>{WORD_NUMBER})(?:\s*\(\s*(?P<{name}p>\d{{1,3}}(?:[.,]\d{{1,2}})?)\s*\))?)"
    )


_UNIT = r"(?:hours?|hrs?\.?|h(?![A-Za-z0-9])|heures?|hres?)(?![A-Za-z])"
_HOURS_PERIODS: list[tuple[HoursPeriod, str]] = [
    (
        "biweekly",
        r"bi-?weekly|(?:every|per)\s+(?:two|2)\s+weeks|per\s+(?:two|2)-week\s+period"
        r"|(?:aux|toutes\s+les)\s+(?:deux|2)\s+semaines|par\s+quinzaine|fortnightly"
        r"|(?:per|a|every)\s+fortnight",
    ),
    ("semimonthly", r"semi-?monthly|twice\s+(?:a|per)\s+month"),
    (
        "week",
        r"(?:per|a|an|/|each|every|in\s+a|par|a\s+la)\s*(?:calendar\s+)?(?:week|wk|semaine|sem)s?\b"
        r"|weekly|/\s*w\b|hebdomadaires?|(?:work\s*)?week(?![A-Za-z])",
    ),
    (
        "day",
        r"(?:per|a|/|each|every|par)\s*(?:work\s*)?(?:day|shift|jour|quart)\b|daily"
        r"|quotidiennes?",
    ),
    ("month", r"(?:per|a|/|each|every|par)\s*(?:month|mois)\b|monthly|mensuelles?"),
    ("year", r"(?:per|a|/|each|every|par)\s*(?:year|an|annee)\b|annually|yearly"),
]
_PERIOD = (
    r"\s*,?\s*(?:(?:of\s+(?:paid\s+)?work|worked|de\s+travail|travaillees)\s*)?(?:"
    + "|".join(f"(?P<{p}>{rx})" for p, rx in _HOURS_PERIODS)
    + r")(?![A-Za-z])"
)
_BOUND = (
    r"(?:(?P<upto>up\s+to|maximum(?:\s+of)?|max\.?|no\s+more\s+than|not\s+more\s+than"
    r"|not\s+to\s+exceed|jusqu'?\s*a|un\s+maximum\s+de|au\s+plus)"
    r"|(?P<atleast>at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?|no\s+less\s+than"
    r"|not\s+less\s+than|au\s+moins|un\s+minimum\s+de))\s+"
)
_NB = r"(?<![$€£₹\d.,A-Za-z])"

_RANGE = re.compile(
    rf"{_NB}(?:(?:between|entre)\s+)?{_num('a')}\s*(?:{_UNIT})?\s*(?:-+|to|and|et|or|ou|a)\s*"
    rf"{_num('b')}\s*-?\s*{_UNIT}(?:{_PERIOD})?",
    _I,
)
# A table cell or form field: "Hours per week: 40", "Heures par semaine : 37,5".
_LABELLED = re.compile(
    rf"(?<![A-Za-z])(?:hours|heures)(?:\s+(?:worked|travaillees))?(?P<week>\s*(?:per|/|par)\s*"
    rf"(?:week|semaine))?\s*[:=]\s*{_num('a')}(?:\s*{_UNIT})?",
    _I,
)
_SINGLE = re.compile(rf"{_NB}(?:{_BOUND})?{_num('a')}\s*-?\s*{_UNIT}(?:{_PERIOD})?", _I)

_LABELS: list[tuple[HoursLabel, str]] = [
    ("full-time", r"full[\s-]?time|(?:a\s+)?temps\s+(?:plein|complet)|plein\s+temps"),
    ("part-time", r"part[\s-]?time|(?:a\s+)?temps\s+partiel"),
    (
        "as-required",
        r"as\s+(?:and\s+when\s+)?(?:required|needed)|when\s+required|as-needed"
        r"|selon\s+les\s+besoins|au\s+besoin",
    ),
    ("on-call", r"on[\s-]call|sur\s+appel"),
    ("casual", r"casual(?:\s+basis)?|occasionnel(?:le)?"),
    (
        "variable",
        r"(?:variable|flexible)\s+hours|hours\s+vary|horaires?\s+variables?"
        r"|heures\s+variables",
    ),
]
_LABEL = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(f"(?P<{k.replace('-', '_')}>{rx})" for k, rx in _LABELS) + ")"
    r"(?![A-Za-z])",
    _I,
)


# Cheap scans for where the full patterns can match (see _text.windows); run on lower case.
_UNIT_TRIGGER = re.compile(r"h(?<![a-z]h)(?:ours?|rs?|eures?|res?)?(?![a-z])")
# A range of days is a trigger too: "Monday–Friday 9–5" has no other mark of a schedule.
_CLOCK_TRIGGER = re.compile(
    r"\d(?::\d\d|\s?h|\s?[ap]\.?\s?m(?![a-z]))|noon|midi|midnight|minuit|friday|vendredi|\bfri\b"
)
_LABEL_TRIGGER = re.compile(
    r"(?:time|temps|requi|need|besoin|call|appel|casual|occasion|variab|flexib|vary)"
)


def _value(m: re.Match[str], name: str) -> float | None:
    digits = m.group(f"{name}d")
    if digits is not None:
        got = parse_decimal(digits.replace(" ", ","))
        return float(got) if got is not None else None
    paren = m.groupdict().get(f"{name}p")
    if paren is not None:
        got = parse_decimal(paren)
        return float(got) if got is not None else None
    word = m.group(f"{name}w")
    return words_to_number(word) if word else None


def _period(m: re.Match[str]) -> HoursPeriod | None:
    for name, _ in _HOURS_PERIODS:
        if m.groupdict().get(name):
            return name
    return None


_PER_WEEK: dict[str, float] = {
    "week": 1.0,
    "biweekly": 0.5,
    "semimonthly": 24 / 52,
    "month": 12 / 52,
    "year": 1 / 52,
}


def _numeric(text: str, work: str, m: re.Match[str], is_range: bool) -> HoursMatch | None:
    a = _value(m, "a")
    b = _value(m, "b") if is_range else None
    if a is None or (is_range and (b is None or b <= a)):
        return None
    period = _period(m)
    upper = b if is_range else a
    if upper is None or upper <= 0 or upper > (10_000 if period in (None, "year") else 744):
        return None
    bound: Literal["up_to", "at_least"] | None = None
    if not is_range and m.groupdict().get("upto"):
        bound = "up_to"
    elif not is_range and m.groupdict().get("atleast"):
        bound = "at_least"
    s, e = m.start(), m.end()
    days: float | None = None
    per_week: float | None = None
    if period == "day":
        days, s, e = days_near(work, s, e)
        if days is not None:
            per_week = round(a * days, 2)
    elif period is not None:
        per_week = round(a * _PER_WEEK[period], 2)
    lo = None if bound == "up_to" else a
    hi = b if is_range else (None if bound == "at_least" else a)
    return HoursMatch(
        start=s,
        end=e,
        text=text[s:e],
        value=a,
        min=lo,
        max=hi,
        is_range=is_range,
        bound=bound,
        period=period,
        per_week=per_week,
        text_only=False,
        label=None,
        from_schedule=False,
        days_per_week=days,
        unpaid_break_hours=None,
    )


def _label(text: str, m: re.Match[str]) -> HoursMatch:
    label: HoursLabel = next(k for k, _ in _LABELS if m.group(k.replace("-", "_")))
    return HoursMatch(
        start=m.start(),
        end=m.end(),
        text=text[m.start() : m.end()],
        value=None,
        min=None,
        max=None,
        is_range=False,
        bound=None,
        period=None,
        per_week=None,
        text_only=True,
        label=label,
        from_schedule=False,
        days_per_week=None,
        unpaid_break_hours=None,
    )


def find_hours(text: str) -> list[HoursMatch]:
    """Every statement of hours in `text`: numbers, ranges, schedules and words only."""
    if not text:
        return []
    work = clean(text)
    found: list[tuple[int, HoursMatch]] = []
    # Rank breaks ties between readings of the same words: schedule > range > single > label.
    low = lower(work)
    for m in finditer_in(SCHEDULE, work, windows(work, _CLOCK_TRIGGER, 20, 30, on=low)):
        got = schedule(text, work, m)
        if got is not None:
            found.append((0, got))
    # Numbers of hours end in a unit word: try the full patterns only at the tokens just
    # before each unit.
    starts: set[int] = set()
    for u in _UNIT_TRIGGER.finditer(low):
        starts.update(token_starts(work, u.start() - 70, u.start() + 1))
    ordered = sorted(starts)
    for m in match_at(_RANGE, work, ordered):
        got = _numeric(text, work, m, True)
        if got is not None:
            found.append((1, got))
    for pattern in (_SINGLE, _LABELLED):
        for m in match_at(pattern, work, ordered):
            got = _numeric(text, work, m, False)
            if got is not None:
                found.append((2, got))
    for m in finditer_in(_LABEL, work, windows(work, _LABEL_TRIGGER, 25, 25, on=low)):
        found.append((3, _label(text, m)))
    found.sort(key=lambda x: (x[1].start, x[0], -(x[1].end - x[1].start)))
    kept: list[HoursMatch] = []
    last_end = -1
    for _, h in found:
        if h.start >= last_end:
            kept.append(h)
            last_end = h.end
        elif kept and h.end > last_end and not h.text_only and kept[-1].text_only:
            # A number beats a label it overlaps ("part-time, 20 hours").
            kept[-1] = h
            last_end = h.end
    return _fte(text, work, kept)


# "0.8 FTE", "FTE: 0.80", "0,6 full-time equivalent": a share of the employer's full-time week.
_FTE = re.compile(
    r"(?<![\d.,])(?P<a>0?[.,]\d{1,2})\s*(?:FTE|full[\s-]time\s+equivalent)(?![A-Za-z])"
    r"|(?:FTE|full[\s-]time\s+equivalent)\s*[:=]?\s*(?P<b>0?[.,]\d{1,2})(?![\d])",
    _I,
)


_WEEK_WORD = re.compile(r"week|semaine|woche|semana", _I)


def _weekly(work: str, h: HoursMatch) -> float | None:
    """A full-time week's hours: per week, or a bare number in a sentence about the week
    ("the regular full-time working week is 40 hours")."""
    if h.per_week is not None:
        return h.per_week if h.per_week >= 30 else None
    near = _WEEK_WORD.search(work, max(0, h.start - 60), h.end + 30)
    if h.period is None and h.value is not None and 30 <= h.value <= 48 and near:
        return h.value
    return None


def _fte(text: str, work: str, kept: list[HoursMatch]) -> list[HoursMatch]:
    """An FTE share beside the full-time week it is a share of ("0.8 FTE of our standard
    40-hour week") gives the hours of the person: the week stated is the employer's, not
    theirs. An FTE without a stated week gives nothing (no week is assumed)."""
    for f in _FTE.finditer(work):
        share = parse_decimal((f["a"] or f["b"]).replace(",", "."))
        if share is None or not 0 < float(share) < 1:
            continue
        near = [
            h for h in kept
            if abs(h.start - f.start()) <= 200 and _weekly(work, h) is not None
        ]  # fmt: skip
        if not near:
            continue
        weeks = [h.per_week for h in kept if abs(h.start - f.start()) <= 200 and h.per_week]
        if any(abs(float(share) * w - v) <= 0.5 for w in weeks for v in weeks if v < w):
            # "0.8 FTE, which is 30 hours per week (full time is 37.5)": the person's hours
            # are stated already.
            continue
        full = min(near, key=lambda h: abs(h.start - f.start()))
        value = round(float(share) * _weekly(work, full), 2)  # type: ignore[operator]
        s, e = min(f.start(), full.start), max(f.end(), full.end)
        derived = full.model_copy(
            update={"start": s, "end": e, "text": text[s:e], "value": value, "min": value,
                    "max": value, "per_week": value, "period": "week"}
        )  # fmt: skip
        kept = [derived if h is full else h for h in kept]
    return kept


def parse_hours(text: str) -> HoursMatch | None:
    """The first numeric statement of hours in `text`, else the first words-only one."""
    found = find_hours(text)
    for h in found:
        if not h.text_only:
            return h
    return found[0] if found else None
