"""Clock schedules: "8:00am to 5:00pm, Monday to Friday", "9h à 17h du lundi au vendredi",
"Mondays to Fridays, 8.00am – 4.00pm", "Monday–Friday 9–5".

A schedule counts gross hours (end minus start) unless the document states an unpaid break; no
lunch is assumed, because the letter is the evidence and assumptions would change the hours.
"""

from __future__ import annotations

import re

from nlp_models.normalize._numbers import parse_decimal, words_to_number
from nlp_models.normalize.models import HoursMatch, HoursPeriod

_I = re.IGNORECASE


def _time(i: int) -> str:
    return (
        rf"(?:(?P<noon{i}>noon|midi|midnight|minuit)|(?P<h{i}>2[0-4]|[01]?\d)(?!\d)"
        rf"(?:(?P<sep{i}>:|\s?h\s?|\.(?=[0-5]\d))(?P<m{i}>[0-5]\d)?)?"
        rf"\s*(?P<ap{i}>[ap]\.?\s?m\.?(?![A-Za-z])|(?i:am|pm)(?![A-Za-z]))?)"
    )


SCHEDULE = re.compile(
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
    rf"(?<![A-Za-z])(?:(?:du|from)\s+)?(?P<d1>{_DAYN})s?\.?\s*(?:-+|to|through|thru|au|a)\s*"
    rf"(?P<d2>{_DAYN})s?\.?(?![A-Za-z])"
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


def _small(m: re.Match[str], name: str) -> float | None:
    digits = m.group(f"{name}d")
    if digits is not None:
        got = parse_decimal(digits)
        return float(got) if got is not None else None
    word = m.group(f"{name}w")
    return words_to_number(word) if word else None


def days_near(work: str, start: int, end: int) -> tuple[float | None, int, int]:
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
        days = _small(best, "n")
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


def schedule(text: str, work: str, m: re.Match[str]) -> HoursMatch | None:
    if not (_is_clock(m, 1) and _is_clock(m, 2)):
        return _bare(text, work, m)
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
    days, s, e = days_near(work, m.start(), m.end())
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


def _bare(text: str, work: str, m: re.Match[str]) -> HoursMatch | None:
    """ "Monday–Friday 9–5": hours without minutes or am/pm are a schedule only beside a range
    of days, a morning start and an afternoon end (anything else may be a count or a date)."""
    if m["noon1"] or m["noon2"] or m["h1"] is None or m["h2"] is None:
        return None
    h1, h2 = int(m["h1"]), int(m["h2"])
    if not (5 <= h1 <= 11 and 1 <= h2 <= 8):
        return None
    days, s, e = days_near(work, m.start(), m.end())
    if days is None or abs(s - m.start()) > 40:
        return None
    value = round((h2 + 12 - h1) * days, 2)
    return HoursMatch(
        start=s, end=e, text=text[s:e], value=value, min=value, max=value, is_range=False,
        bound=None, period="week", per_week=value, text_only=False, label=None,
        from_schedule=True, days_per_week=days, unpaid_break_hours=None,
    )  # fmt: skip
