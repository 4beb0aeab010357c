"""Day first or month first: a country's convention, the order a document's own numeric dates
show, and the reading of one numeric date ("03/04/2023") under that order."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from nlp_models.normalize._date_patterns import NUM_TRIGGER, NUMERIC
from nlp_models.normalize._text import clean, finditer_in, windows

# Countries whose documents write month first; everywhere else writes day first, except
# Canada, where both orders are in use (see infer_day_first).
MDY_COUNTRIES = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "VI", "UM", "BZ"})
BOTH_ORDERS_COUNTRIES = frozenset({"CA"})


def country_day_first(country: str | None) -> bool | None:
    """Convention of a country: True day first, False month first, None unknown or both."""
    if not country:
        return None
    c = country.upper()
    if c in BOTH_ORDERS_COUNTRIES:
        return None
    return c not in MDY_COUNTRIES


def _numeric_votes(text: str) -> tuple[int, int]:
    day_first = month_first = 0
    work = clean(text)
    for m in finditer_in(NUMERIC, work, windows(work, NUM_TRIGGER, 3, 12)):
        a, b = int(m["a"]), int(m["b"])
        if a > 12 and 1 <= b <= 12:
            day_first += 1
        elif b > 12 and 1 <= a <= 12:
            month_first += 1
    return day_first, month_first


def infer_day_first(numeric_dates: Iterable[str], country: str | None = None) -> bool | None:
    """Decide DD/MM (True) or MM/DD (False) for one document.

    `numeric_dates` are the numeric dates of the document (or whole texts; they are scanned). A
    date whose first field is over 12 proves day first, one whose second field is over 12 proves
    month first; the majority wins. Without evidence the country's convention decides; for
    Canada, where both are used, and for an unknown country the answer is None.
    """
    day_first = month_first = 0
    for text in numeric_dates:
        d, m = _numeric_votes(text)
        day_first += d
        month_first += m
    if day_first != month_first:
        return day_first > month_first
    return country_day_first(country)


def resolve_numeric(
    a: int, b: int, day_first: bool | None
) -> tuple[int, int, Literal["DMY", "MDY"], bool] | None:
    """(day, month, order, ambiguous) for the numeric fields a/b, or None if no reading works."""
    dmy_ok = 1 <= b <= 12 and 1 <= a <= 31
    mdy_ok = 1 <= a <= 12 and 1 <= b <= 31
    if dmy_ok and not mdy_ok:
        return a, b, "DMY", False
    if mdy_ok and not dmy_ok:
        return b, a, "MDY", False
    if not dmy_ok:
        return None
    if a == b:
        return a, b, "DMY", False
    if day_first is None:
        # Nothing decided it: read day first (most of the world, and Canadian federal forms)
        # and say so.
        return a, b, "DMY", True
    return (a, b, "DMY", False) if day_first else (b, a, "MDY", False)


def day_first_for(
    work: str, country: str | None, prefer: Literal["DMY", "MDY"] | None
) -> bool | None:
    if prefer is not None:
        return prefer == "DMY"
    return infer_day_first([work], country)
