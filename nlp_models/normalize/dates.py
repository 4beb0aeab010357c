"""Dates in English and French, numeric dates with DD/MM vs MM/DD decided from context, open ends.

Dates and periods are found here; the patterns (`_date_patterns`), the day-first decision
(`date_order`) and the open-end words (`open_ends`) have their own modules, whose public names are
re-exported here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from nlp_models.normalize._date_patterns import (
    MONTH_TRIGGER,
    NAMED,
    NUM_TRIGGER,
    ORDINAL_WORDS,
    PATTERNS,
    YEAR_ONLY,
    YEAR_TRIGGER,
    make_date,
    month_of,
    year_of,
)
from nlp_models.normalize._text import clean, finditer_in, lower, match_at, token_starts, windows
from nlp_models.normalize.date_order import (
    BOTH_ORDERS_COUNTRIES,
    MDY_COUNTRIES,
    country_day_first,
    day_first_for,
    infer_day_first,
    resolve_numeric,
)
from nlp_models.normalize.models import DateMatch, DateOrder, DateRangeMatch, PresentMatch
from nlp_models.normalize.open_ends import find_present, parse_present, present_at

_RANGE_JOIN = re.compile(
    r"\s*(?:-+|(?:up\s*(?:to|until|till)|to|until|till|through|thru|and|au|a|et"
    r"|jusqu'?\s*(?:a|au)|ate|hasta|al)(?![A-Za-z]))"  # "até" and "hasta", "al": folded
    r"\s*(?:le\s+|the\s+|l')?",
    re.IGNORECASE,
)
_LEAD = re.compile(r"\s*(?:-+\s*)?")
_SINCE = re.compile(r"(?:since|depuis(?:\s+le)?)\s+$", re.IGNORECASE)
# "has not held an appointment since 20 December 2023", "n'est plus employé depuis": the date
# is when the work stopped, not an open period that starts there.
_NEGATED_SINCE = re.compile(
    r"(?:\b(?:has|have|had|is|was|were|did|does)\s+not|\bno\s+longer|\bnever|n['’]t|"
    r"\bn['’]\w+\s+plus|\bne\s+\w+\s+plus)\b[^.;\n]{0,60}$",
    re.IGNORECASE,
)


def _candidates(
    text: str, work: str, day_first: bool | None, include_years: bool
) -> list[DateMatch]:
    found: list[DateMatch] = []
    # Month-name dates: the full patterns are tried only at the month word (month first) and
    # at the few tokens before it (day first, "10th day of March").
    months = [m.start() for m in MONTH_TRIGGER.finditer(lower(work))]
    day_starts: set[int] = set()
    for p in months:
        day_starts.update(token_starts(work, p - 30, p))
    numeric = windows(work, NUM_TRIGGER, 12, 14)
    for kind, pat in PATTERNS:
        if kind in NAMED:
            hits = match_at(pat, work, sorted(day_starts) if kind == "DMY" else months)
        else:
            hits = finditer_in(pat, work, numeric)
        for m in hits:
            made = _from_match(kind, m, text, day_first)
            if made is not None:
                found.append(made)
    if include_years:
        for m in finditer_in(YEAR_ONLY, work, windows(work, YEAR_TRIGGER, 2, 3)):
            found.append(
                DateMatch(
                    start=m.start(),
                    end=m.end(),
                    text=text[m.start() : m.end()],
                    value=date(int(m["year"]), 1, 1),
                    precision="year",
                    numeric=True,
                    order=None,
                    ambiguous=False,
                )
            )
    # Longest match first at each position, then drop overlaps.
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMatch] = []
    last_end = -1
    for d in found:
        if d.start >= last_end:
            kept.append(d)
            last_end = d.end
    return kept


def _from_match(kind: str, m: re.Match[str], text: str, day_first: bool | None) -> DateMatch | None:
    g = m.groupdict()
    order: DateOrder | None = None
    ambiguous = False
    numeric = kind in ("YMD", "YM", "NUM", "MYNUM")
    precision: Literal["day", "month", "year"] = "day"
    if kind == "NUM":
        resolved = resolve_numeric(int(g["a"]), int(g["b"]), day_first)
        if resolved is None:
            return None
        day, month, order, ambiguous = resolved
        value = make_date(year_of(g["y"]), month, day)
    else:
        year = year_of(g["year"])
        month = int(g["mon"]) if numeric else month_of(g["mon"])
        if month is None or not 1 <= month <= 12:
            return None
        if kind in ("MY", "YM", "MYNUM"):
            precision = "month"
            value = make_date(year, month, 1)
        else:
            if g.get("dayw"):
                day = ORDINAL_WORDS.get(re.sub(r"[ -]+", "-", g["dayw"].lower()))
                if day is None:
                    day = ORDINAL_WORDS.get(g["dayw"].lower())
            else:
                day = int(g["day"])
            if day is None:
                return None
            value = make_date(year, month, day)
        if kind == "YMD":
            order = "YMD"
    if value is None:
        return None
    return DateMatch(
        start=m.start(),
        end=m.end(),
        text=text[m.start() : m.end()],
        value=value,
        precision=precision,
        numeric=numeric,
        order=order,
        ambiguous=ambiguous,
    )


def find_dates(
    text: str,
    *,
    country: str | None = None,
    prefer: Literal["DMY", "MDY"] | None = None,
    include_years: bool = False,
) -> list[DateMatch]:
    """Every date in `text`, in order, with spans.

    Numeric dates are read in one order for the whole text: `prefer` if given, else the order the
    text's own unambiguous numeric dates show, else the country's convention. Bare years
    ("2019") are only returned with `include_years`, as they are mostly not dates.
    """
    if not text:
        return []
    work = clean(text)
    return _candidates(text, work, day_first_for(work, country, prefer), include_years)


def parse_date(
    text: str,
    *,
    country: str | None = None,
    prefer: Literal["DMY", "MDY"] | None = None,
) -> DateMatch | None:
    """The first date in `text` (a bare year only if there is nothing more precise)."""
    found = find_dates(text, country=country, prefer=prefer, include_years=True)
    for d in found:
        if d.precision != "year":
            return d
    if not found:
        return None
    # A bare year only when nothing in the text tried to be a fuller date ("February 30, 2023"
    # is not "2023").
    work = clean(text)
    if NUM_TRIGGER.search(work) or any(
        month_of(m.group(0)) for m in re.finditer(r"[A-Za-z015]{3,9}", work)
    ):
        return None
    return found[0]


def find_date_ranges(
    text: str,
    *,
    country: str | None = None,
    prefer: Literal["DMY", "MDY"] | None = None,
) -> list[DateRangeMatch]:
    """Periods: "March 2020 to present", "du 3 mars 2021 au 30 juin 2023", "2018 - 2020",
    "since May 2022" / "depuis le 1er mai 2022" (an open end)."""
    if not text:
        return []
    work = clean(text)
    dates = _candidates(text, work, day_first_for(work, country, prefer), include_years=True)
    out: list[DateRangeMatch] = []
    i = 0
    while i < len(dates):
        d = dates[i]
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        if d.precision != "year":
            # "June 2019 to date", "2020 - jusqu'à présent": the open end right after the date.
            lead = _LEAD.match(work, d.end)
            present = present_at(work, text, lead.end()) if lead else None
            if present is not None and present.text.lower() not in ("date", "now"):
                out.append(_range(text, d, None, present, d.start, present.end))
                i += 1
                continue
        join = _RANGE_JOIN.match(work, d.end)
        # A bare year only pairs with another bare year ("2018 - 2020"), never opens a range.
        if (
            join is not None
            and nxt is not None
            and nxt.start == join.end()
            and (d.precision == "year") == (nxt.precision == "year")
        ):
            out.append(_range(text, d, nxt, None, d.start, nxt.end))
            i += 2
            continue
        if join is not None and d.precision != "year":
            present = present_at(work, text, join.end())
            if present is not None:
                out.append(_range(text, d, None, present, d.start, present.end))
                i += 1
                continue
        since = _SINCE.search(work, max(0, d.start - 20), d.start)
        if since is not None and _NEGATED_SINCE.search(
            work, max(0, since.start() - 70), since.start()
        ):
            since = None
        if since is not None and d.precision != "year":
            out.append(_range(text, d, None, None, since.start(), d.end))
        i += 1
    return out


def _range(
    text: str,
    start: DateMatch,
    end: DateMatch | None,
    present: PresentMatch | None,
    s: int,
    e: int,
) -> DateRangeMatch:
    return DateRangeMatch(
        start=s,
        end=e,
        text=text[s:e],
        start_date=start,
        end_date=end,
        end_present=present,
        open_end=end is None,
    )


__all__ = [
    "BOTH_ORDERS_COUNTRIES",
    "MDY_COUNTRIES",
    "country_day_first",
    "find_date_ranges",
    "find_dates",
    "find_present",
    "infer_day_first",
    "parse_date",
    "parse_present",
]
