"""Seasonal work: the same months each year over a run of years ("for the seasons April to
November each year 2021-2024", "every year from 2019 to 2022, May through October"). Fishing,
farming, tourism and construction letters state periods this way; each season is a period of
its own, and the months between are not worked."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from nlp_models.normalize._date_patterns import month_of
from nlp_models.normalize._text import clean

_MONTH = r"(?P<{0}>[A-Za-z]{{3,10}})\.?"
_TO = r"\s*(?:-|–|—|to|through|thru|until|till|a|au|à)\s*"
_YEARS = r"(?P<y1>(?:19|20)\d\d)" + _TO + r"(?P<y2>(?:19|20)\d\d)"
_EACH = r"(?:of\s+)?(?:each|every)\s+(?:year|season)"
_PATTERNS = (
    # "April to November each year 2021-2024", "May-October every season from 2019 to 2022"
    re.compile(
        _MONTH.format("m1") + _TO + _MONTH.format("m2") + r",?\s+" + _EACH
        + r",?\s+(?:(?:from|in|of|between)\s+)?" + _YEARS,
        re.I,
    ),
    # "each year from 2019 to 2022, May through October"
    re.compile(
        _EACH + r",?\s+(?:(?:from|between)\s+)?" + _YEARS + r",?\s+(?:from\s+)?"
        + _MONTH.format("m1") + _TO + _MONTH.format("m2"),
        re.I,
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Season:
    start: date
    end: date  # the last day of the end month


@dataclass(frozen=True)
class SeasonsMatch:
    start: int  # offsets of the words that state the seasons
    end: int
    text: str
    seasons: tuple[Season, ...]


def find_seasons(text: str) -> list[SeasonsMatch]:
    """Every statement of seasons in `text`, each with its seasons in order."""
    work = clean(text)
    out: list[SeasonsMatch] = []
    for rx in _PATTERNS:
        for m in rx.finditer(work):
            first, last = month_of(m["m1"]), month_of(m["m2"])
            y1, y2 = int(m["y1"]), int(m["y2"])
            if first is None or last is None or not 0 <= y2 - y1 <= 30:
                continue
            seasons = tuple(_season(y, first, last) for y in range(y1, y2 + 1))
            out.append(SeasonsMatch(m.start(), m.end(), text[m.start() : m.end()], seasons))
    return sorted(out, key=lambda s: s.start)


def _season(year: int, first: int, last: int) -> Season:
    # A season over New Year ("November to March") ends in the next year.
    end_year = year + 1 if last < first else year
    return Season(
        date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])
    )
