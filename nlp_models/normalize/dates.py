"""Dates in English and French, numeric dates with DD/MM vs MM/DD decided from context, open ends.

Hand-written regexes rather than dateparser: dateparser costs ~0.3 s to import and ~1 ms per
call, and it cannot find dates inside a longer text with their spans; these patterns cover the
forms employment documents use and run in microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Literal

from nlp_models.normalize._text import (
    clean,
    finditer_in,
    lower,
    match_at,
    ocr_word,
    token_starts,
    windows,
)
from nlp_models.normalize.models import DateMatch, DateOrder, DateRangeMatch, PresentMatch

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "january jan janvier janv",
        "february feb febr fevrier fevr fev",
        "march mar mars",
        "april apr avril avr",
        "may mai",
        "june jun juin",
        "july jul juillet juil",
        "august aug aout",
        "september sep sept septembre",
        "october oct octobre",
        "november nov novembre",
        "december dec decembre",
    ],
    start=1,
):
    for _n in _names.split():
        _MONTHS[_n] = _num

_ORDINAL_WORDS = {
    "first": 1,
    "premier": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
for _i, _u in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"], 1
):
    _ORDINAL_WORDS[f"twenty-{_u}"] = 20 + _i
    _ORDINAL_WORDS[f"twenty {_u}"] = 20 + _i
_ORDINAL_WORDS["thirty-first"] = _ORDINAL_WORDS["thirty first"] = 31


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# Month names also accept OCR digit-for-letter slips ("Ju1y", "0ct"); the word is checked later.
_MON = r"(?P<mon>[A-Za-z015]{3,9})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|re|e|eme)?"
_DAYW = rf"(?P<dayw>{_alt(_ORDINAL_WORDS).replace(' ', '[ -]')})"
_YEAR4 = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d|'\d\d|(?<=[-/])\d\d)(?!\d)"
_NB = r"(?<![A-Za-z0-9])"
_NA = r"(?![A-Za-z])"

_FLAGS = re.IGNORECASE
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # March 3rd, 2023 / Mar. 3 2023 / March 3, '23
    ("MDY", re.compile(rf"{_NB}{_MON}\s*,?\s*{_DAY}{_NA}\s*,?\s*(?:of\s+)?{_YEAR}", _FLAGS)),
    # 3 mars 2023 / 3rd of March, 2023 / 10th day of March 2025 / 03-Mar-2023 / 1er mars 2023
    (
        "DMY",
        re.compile(
            rf"{_NB}(?:{_DAY}|{_DAYW})(?:\s+day)?\s*(?:of\s+|de\s+|[-/.]\s*|\s+)"
            rf"{_MON}\s*(?:,|[-/.]|of\b|de\b)?\s*{_YEAR}",
            _FLAGS,
        ),
    ),
    # March 2023 / Mar-2023 / mars 2023 / March, 2023
    ("MY", re.compile(rf"{_NB}{_MON}\s*(?:,\s*|[-/']|\s+de\s+|\s+of\s+|\s+)?{_YEAR4}", _FLAGS)),
    # 2023-03-03 / 2023/03/03 / 2023.03.03
    (
        "YMD",
        re.compile(
            r"(?<![\d.,/-])(?P<year>(?:1[89]|20)\d\d)(?P<sep>[-/.])(?P<mon>\d{1,2})(?P=sep)"
            r"(?P<day>\d{1,2})(?![\d]|[.,]\d)"
        ),
    ),
    # 2023-03 (month precision)
    (
        "YM",
        re.compile(r"(?<![\d.,/-])(?P<year>(?:1[89]|20)\d\d)[-/](?P<mon>0[1-9]|1[0-2])(?![\d/-])"),
    ),
    # 03/03/2023, 3.3.23, 03-03-2023
    (
        "NUM",
        re.compile(
            r"(?<![\d.,/-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)"
            r"(?P<y>(?:1[89]|20)\d\d|\d\d)(?![\d]|[.,]\d|[-/]\d)"
        ),
    ),
    # 03/2023 (month precision)
    (
        "MYNUM",
        re.compile(
            r"(?<![\d.,/-])(?P<mon>0?[1-9]|1[0-2])[/.-](?P<year>(?:19|20)\d\d)(?![\d/.-]\d)"
        ),
    ),
]
_NUMERIC = dict(_PATTERNS)["NUM"]
_NAMED = frozenset({"MDY", "DMY", "MY"})
# Cheap scans that find where a full pattern could match (see _text.windows).
_MONTH_RX = r"(?:jan|feb|fev|mar|apr|avr|ma[iy]|jun|jui|jul|ju[1l]|aug|aou|sep|oct|0ct|nov|dec)"
# The look-behind sits after the three letters so the scan keeps its fast first-letter skip.
_MONTH_TRIGGER = re.compile(_MONTH_RX + r"(?<![a-z0-9]...)")
_NUM_TRIGGER = re.compile(r"\d[-/.]\d")
_YEAR_TRIGGER = re.compile(r"(?:19|20)\d\d")
_PRESENT_TRIGGER = re.compile(
    r"present|current|ongoing|date|jour|actuel|cours|now|today|maintenant|aujourd"
)
_YEAR_ONLY = re.compile(r"(?<![\d$€£¥.,/-])(?P<year>19[5-9]\d|20\d\d)(?![\d%]|[.,]\d|\s?[$€£])")

# Countries whose documents write month first; everywhere else writes day first, except
# Canada, where both orders are in use (see infer_day_first).
MDY_COUNTRIES = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "VI", "UM", "BZ"})
BOTH_ORDERS_COUNTRIES = frozenset({"CA"})

_PRESENT_EN = re.compile(
    r"(?<![A-Za-z])(?:(?:up\s+)?to\s+date|till\s+date|until\s+(?:today|now|present)"
    r"|to\s+present|the\s+present|present(?:\s+day|\s+date)?|current(?:ly)?|ongoing)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_PRESENT_FR = re.compile(
    r"(?<![A-Za-z])(?:a\s+ce\s+jour|jusqu'?\s*(?:a|au)\s+(?:present|maintenant|ce\s+jour"
    r"|aujourd'hui)|a\s+aujourd'hui|a\s+present|present|actuellement|en\s+cours)(?![A-Za-z])",
    re.IGNORECASE,
)
# Right after "2020 -" these words are open ends too; alone in running text they are not.
_PRESENT_AFTER_JOIN = re.compile(
    r"(?:now|today|date|aujourd'hui|maintenant|ce\s+jour)(?![A-Za-z])", re.IGNORECASE
)
_RANGE_JOIN = re.compile(
    r"\s*(?:-+|(?:up\s*(?:to|until|till)|to|until|till|through|thru|and|au|a|et"
    r"|jusqu'?\s*(?:a|au))(?![A-Za-z]))"
    r"\s*(?:le\s+|the\s+|l')?",
    re.IGNORECASE,
)
_LEAD = re.compile(r"\s*(?:-+\s*)?")
_SINCE = re.compile(r"(?:since|depuis(?:\s+le)?)\s+$", re.IGNORECASE)


def _year(text: str) -> int:
    if text.startswith("'"):
        return 2000 + int(text[1:])
    y = int(text)
    if y < 100:
        # Two-digit years: employment documents span roughly 1950-2049.
        return 2000 + y if y < 50 else 1900 + y
    return y


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    got = _MONTHS.get(w)
    if got is None and any(c.isdigit() for c in w):
        got = _MONTHS.get(ocr_word(w))
    return got


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
    for m in finditer_in(_NUMERIC, work, windows(work, _NUM_TRIGGER, 3, 12)):
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


def _resolve(
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


def _candidates(
    text: str, work: str, day_first: bool | None, include_years: bool
) -> list[DateMatch]:
    found: list[DateMatch] = []
    # Month-name dates: the full patterns are tried only at the month word (month first) and
    # at the few tokens before it (day first, "10th day of March").
    months = [m.start() for m in _MONTH_TRIGGER.finditer(lower(work))]
    day_starts: set[int] = set()
    for p in months:
        day_starts.update(token_starts(work, p - 30, p))
    numeric = windows(work, _NUM_TRIGGER, 12, 14)
    for kind, pat in _PATTERNS:
        if kind in _NAMED:
            hits = match_at(pat, work, sorted(day_starts) if kind == "DMY" else months)
        else:
            hits = finditer_in(pat, work, numeric)
        for m in hits:
            made = _from_match(kind, m, text, day_first)
            if made is not None:
                found.append(made)
    if include_years:
        for m in finditer_in(_YEAR_ONLY, work, windows(work, _YEAR_TRIGGER, 2, 3)):
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
        resolved = _resolve(int(g["a"]), int(g["b"]), day_first)
        if resolved is None:
            return None
        day, month, order, ambiguous = resolved
        value = _make(_year(g["y"]), month, day)
    else:
        year = _year(g["year"])
        month = int(g["mon"]) if numeric else _month(g["mon"])
        if month is None or not 1 <= month <= 12:
            return None
        if kind in ("MY", "YM", "MYNUM"):
            precision = "month"
            value = _make(year, month, 1)
        else:
            if g.get("dayw"):
                day = _ORDINAL_WORDS.get(re.sub(r"[ -]+", "-", g["dayw"].lower()))
                if day is None:
                    day = _ORDINAL_WORDS.get(g["dayw"].lower())
            else:
                day = int(g["day"])
            if day is None:
                return None
            value = _make(year, month, day)
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


def _day_first_for(
    work: str, country: str | None, prefer: Literal["DMY", "MDY"] | None
) -> bool | None:
    if prefer is not None:
        return prefer == "DMY"
    return infer_day_first([work], country)


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
    return _candidates(text, work, _day_first_for(work, country, prefer), include_years)


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
    if _NUM_TRIGGER.search(work) or any(
        _month(m.group(0)) for m in re.finditer(r"[A-Za-z015]{3,9}", work)
    ):
        return None
    return found[0]


def _lang(pattern_lang: str, original: str) -> Literal["en", "fr"]:
    low = original.lower()
    if low.startswith("présent"):
        return "fr"
    if low == "present":
        return "en"
    return "fr" if pattern_lang == "fr" else "en"


def _present_at(work: str, text: str, pos: int) -> PresentMatch | None:
    best: re.Match[str] | None = None
    best_lang = "en"
    for lang, pat in (("fr", _PRESENT_FR), ("en", _PRESENT_EN), ("en", _PRESENT_AFTER_JOIN)):
        m = pat.match(work, pos)
        if m is not None and (best is None or m.end() > best.end()):
            best, best_lang = m, lang
    if best is None:
        return None
    words = text[best.start() : best.end()]
    return PresentMatch(
        start=best.start(), end=best.end(), text=words, lang=_lang(best_lang, words)
    )


def find_present(text: str) -> list[PresentMatch]:
    """Every open-end word ("present", "to date", "currently", "à ce jour", "actuellement")."""
    if not text:
        return []
    work = clean(text)
    found: list[PresentMatch] = []
    spans = windows(work, _PRESENT_TRIGGER, 25, 25, on=lower(work))
    for lang, pat in (("fr", _PRESENT_FR), ("en", _PRESENT_EN)):
        for m in finditer_in(pat, work, spans):
            words = text[m.start() : m.end()]
            found.append(
                PresentMatch(start=m.start(), end=m.end(), text=words, lang=_lang(lang, words))
            )
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[PresentMatch] = []
    last_end = -1
    for p in found:
        if p.start >= last_end:
            kept.append(p)
            last_end = p.end
    return kept


def parse_present(text: str) -> PresentMatch | None:
    """The first open-end word in `text`."""
    found = find_present(text)
    return found[0] if found else None


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
    dates = _candidates(text, work, _day_first_for(work, country, prefer), include_years=True)
    out: list[DateRangeMatch] = []
    i = 0
    while i < len(dates):
        d = dates[i]
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        if d.precision != "year":
            # "June 2019 to date", "2020 - jusqu'à présent": the open end right after the date.
            lead = _LEAD.match(work, d.end)
            present = _present_at(work, text, lead.end()) if lead else None
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
            present = _present_at(work, text, join.end())
            if present is not None:
                out.append(_range(text, d, None, present, d.start, present.end))
                i += 1
                continue
        since = _SINCE.search(work, max(0, d.start - 20), d.start)
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
