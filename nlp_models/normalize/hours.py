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


def _time(i: int) -> str:
    return (
        rf"(?:(?P<noon{i}>noon|midi|midnight|minuit)|(?P<h{i}>2[0-4]|[01]?\d)(?!\d)"
        rf"(?:(?P<sep{i}>:|\s?h\s?|\.(?=[0-5]\d))(?P<m{i}>[0-5]\d)?)?"
        rf"\s*(?P<ap{i}>[ap]\.?\s?m\.?(?![A-Za-z])|(?i:am|pm)(?![A-Za-z]))?)"
    )


_SCHEDULE = re.compile(
    rf"(?<![\d.,:])(?:(?:from|de)\s+)?{_time(1)}\s*(?:-+|to|until|till|a|au|jusqu'?\s*a)\s*"
    rf"{_time(2)}",
    _I,
)
# Day counts and break lengths are small: a short word list keeps these regexes cheap to build.
_SMALL = (
    r"one|two|three|four|five|six|seven|fifteen|thirty|forty-five|un|une|deux|trois|quatre"
    r"|cinq|six|sept|quinze|trente|quarante-cinq"
)
_DAY_NAMES = {
    "monday": 0,
    "mon": 0,
    "lundi": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "mardi": 1,
    "wednesday": 2,
    "wed": 2,
    "mercredi": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "jeudi": 3,
    "friday": 4,
    "fri": 4,
    "vendredi": 4,
    "saturday": 5,
    "sat": 5,
    "samedi": 5,
    "sunday": 6,
    "sun": 6,
    "dimanche": 6,
}
_DAYN = "|".join(sorted(_DAY_NAMES, key=len, reverse=True))
_DAYS = re.compile(
    rf"(?<![A-Za-z])(?:(?:du|from)\s+)?(?P<d1>{_DAYN})\.?\s*(?:-+|to|through|thru|au|a)\s*"
    rf"(?P<d2>{_DAYN})\.?(?![A-Za-z])"
    rf"|(?P<weekdays>weekdays|en\s+semaine)"
    rf"|(?:(?P<nd>[1-7](?:[.,]5)?)|(?P<nw>{_SMALL}))\s*(?:days?|jours?)\s*"
    rf"(?:a|per|/|each|every|par)\s*(?:week|semaine)",
    _I,
)
_DURATION = re.compile(
    rf"(?P<half>half[\s-](?:an[\s-])?hour|demi[\s-]heure)"
    rf"|(?P<n>\d{{1,3}}(?:[.,]\d{{1,2}})?|(?<![A-Za-z])(?:{_SMALL}|an?|d'une)(?![A-Za-z]))"
    rf"\s*[\s-]?\s*"
    rf"(?P<u>hours?|hrs?|h|minutes?|mins?|heures?)(?![A-Za-z])",
    _I,
)
_UNPAID = re.compile(r"unpaid|non[\s-](?:remuner|pay)ee?s?|non\s+payee?s?", _I)
_BREAK_WORD = re.compile(r"lunch|meal|break|pause|repas|diner|dejeuner", _I)


# Cheap scans for where the full patterns can match (see _text.windows); run on lower case.
_UNIT_TRIGGER = re.compile(r"h(?<![a-z]h)(?:ours?|rs?|eures?|res?)?(?![a-z])")
_CLOCK_TRIGGER = re.compile(r"\d(?::\d\d|\s?h|\s?[ap]\.?\s?m(?![a-z]))|noon|midi|midnight|minuit")
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


def _days_near(work: str, start: int, end: int) -> tuple[float | None, int, int]:
    """Days per week stated within a short window around [start, end); with its span."""
    best: re.Match[str] | None = None
    for m in _DAYS.finditer(work, max(0, start - 50), min(len(work), end + 60)):
        if best is None or abs(m.start() - end) < abs(best.start() - end):
            best = m
    if best is None:
        return None, start, end
    if best["weekdays"]:
        days: float | None = 5.0
    elif best["d1"]:
        d1 = _DAY_NAMES[best["d1"].lower()]
        d2 = _DAY_NAMES[best["d2"].lower()]
        days = float((d2 - d1) % 7 + 1)
    else:
        days = _value(best, "n")
    if days is None or not 0 < days <= 7:
        return None, start, end
    return days, min(start, best.start()), max(end, best.end())


def _duration_hours(m: re.Match[str]) -> float | None:
    if m["half"]:
        return 0.5
    raw = m["n"].lower()
    if raw in ("a", "an", "une", "d'une"):
        n: float | None = 1.0
    elif raw[0].isdigit():
        got = parse_decimal(raw)
        n = float(got) if got is not None else None
    else:
        n = words_to_number(raw)
    if n is None:
        return None
    return n / 60 if m["u"].lower().startswith("min") else n


def _unpaid_break(work: str, start: int, end: int) -> tuple[float | None, int, int]:
    """A stated unpaid break near a schedule: (hours, span start, span end)."""
    lo, hi = max(0, start - 60), min(len(work), end + 120)
    for kw in _UNPAID.finditer(work, lo, hi):
        near_lo, near_hi = max(lo, kw.start() - 45), min(hi, kw.end() + 45)
        if _BREAK_WORD.search(work, near_lo, near_hi) is None:
            continue
        best: re.Match[str] | None = None
        for d in _DURATION.finditer(work, near_lo, near_hi):
            if best is None or abs(d.start() - kw.start()) < abs(best.start() - kw.start()):
                best = d
        if best is None:
            continue
        hours = _duration_hours(best)
        if hours is None or not 0 < hours <= 2:
            continue
        word = _BREAK_WORD.search(work, kw.end(), near_hi)
        last = max(end, best.end(), kw.end(), word.end() if word else 0)
        return hours, min(start, best.start(), kw.start()), last
    return None, start, end


def _clock(m: re.Match[str], i: int) -> tuple[float, bool] | None:
    """(hour of day, had am/pm) for time i of a schedule match."""
    noon = m[f"noon{i}"]
    if noon:
        return (12.0 if noon.lower() in ("noon", "midi") else 24.0), True
    h = int(m[f"h{i}"])
    minutes = int(m[f"m{i}"] or 0)
    ap = (m[f"ap{i}"] or "").lower().replace(".", "").replace(" ", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 24:
        return None
    return h + minutes / 60, bool(ap)


def _is_clock(m: re.Match[str], i: int) -> bool:
    return bool(m[f"noon{i}"] or m[f"ap{i}"] or m[f"sep{i}"])


def _schedule(text: str, work: str, m: re.Match[str]) -> HoursMatch | None:
    if not (_is_clock(m, 1) and _is_clock(m, 2)):
        return None
    t1, t2 = _clock(m, 1), _clock(m, 2)
    if t1 is None or t2 is None:
        return None
    (start_h, ap1), (end_h, ap2) = t1, t2
    if end_h <= start_h:
        # "8:30 - 4:30" without am/pm is an afternoon end; otherwise the shift crosses midnight.
        end_h = end_h + 12 if not (ap1 or ap2) and end_h + 12 > start_h else end_h + 24
    daily = end_h - start_h
    if not 0 < daily <= 16:
        return None
    days, s, e = _days_near(work, m.start(), m.end())
    brk, s, e = _unpaid_break(work, s, e)
    if brk is not None:
        daily -= brk
    value = round(daily * days, 2) if days else round(daily, 2)
    period: HoursPeriod = "week" if days else "day"
    return HoursMatch(
        start=s,
        end=e,
        text=text[s:e],
        value=value,
        min=value,
        max=value,
        is_range=False,
        bound=None,
        period=period,
        per_week=value if days else None,
        text_only=False,
        label=None,
        from_schedule=True,
        days_per_week=days,
        unpaid_break_hours=brk,
    )


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
        days, s, e = _days_near(work, s, e)
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
    for m in finditer_in(_SCHEDULE, work, windows(work, _CLOCK_TRIGGER, 20, 30, on=low)):
        got = _schedule(text, work, m)
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
    return kept


def parse_hours(text: str) -> HoursMatch | None:
    """The first numeric statement of hours in `text`, else the first words-only one."""
    found = find_hours(text)
    for h in found:
        if not h.text_only:
            return h
    return found[0] if found else None
