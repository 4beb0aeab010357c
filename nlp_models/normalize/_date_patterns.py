"""The date patterns: month names (English, French, Spanish, Portuguese) and ordinal words,
the regexes of each written form, and the cheap trigger scans that say where a full pattern
can match.

Hand-written regexes rather than dateparser: dateparser costs ~0.3 s to import and ~1 ms per
call, and it cannot find dates inside a longer text with their spans; these patterns cover the
forms employment documents use and run in microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from nlp_models.normalize._text import ocr_word

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        # English, French, then Spanish and Portuguese (folded: "março" is read as "marco").
        # Abbreviations that are English words ("set", "out", "ago") are left out.
        "january jan janvier janv enero janeiro ene",
        "february feb febr fevrier fevr fev febrero fevereiro",
        "march mar mars marzo marco",
        "april apr avril avr abril abr",
        "may mai mayo maio",
        "june jun juin junio junho",
        "july jul juillet juil julio julho",
        "august aug aout agosto",
        "september sep sept septembre septiembre setiembre setembro",
        "october oct octobre octubre outubro",
        "november nov novembre noviembre novembro",
        "december dec decembre diciembre dezembro dic dez",
    ],
    start=1,
):
    for _n in _names.split():
        _MONTHS[_n] = _num

ORDINAL_WORDS = {
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
    ORDINAL_WORDS[f"twenty-{_u}"] = 20 + _i
    ORDINAL_WORDS[f"twenty {_u}"] = 20 + _i
ORDINAL_WORDS["thirty-first"] = ORDINAL_WORDS["thirty first"] = 31


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# Month names also accept OCR digit-for-letter slips ("Ju1y", "0ct"); the word is checked later.
_MON = r"(?P<mon>[A-Za-z015]{3,10})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|re|e|eme|\.?°)?"
_DAYW = rf"(?P<dayw>{_alt(ORDINAL_WORDS).replace(' ', '[ -]')})"
_YEAR4 = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d|'\d\d|(?<=[-/])\d\d)(?!\d)"
_NB = r"(?<![A-Za-z0-9])"
_NA = r"(?![A-Za-z])"

_FLAGS = re.IGNORECASE
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # March 3rd, 2023 / Mar. 3 2023 / March 3, '23 / Aug 29/22 (a Canadian short form)
    (
        "MDY",
        re.compile(
            rf"{_NB}{_MON}\s*,?\s*{_DAY}{_NA}\s*(?:,|/(?=\d\d\b))?\s*(?:of\s+)?{_YEAR}", _FLAGS
        ),
    ),
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
NUMERIC = dict(PATTERNS)["NUM"]
NAMED = frozenset({"MDY", "DMY", "MY"})
# Cheap scans that find where a full pattern could match (see _text.windows).
_MONTH_RX = (
    r"(?:jan|feb|fev|mar|apr|avr|ma[iy]|jun|jui|jul|ju[1l]|aug|aou|sep|oct|0ct|nov|dec"
    r"|ene|abr|ago|set|out|dic|dez)"
)
# The look-behind sits after the three letters so the scan keeps its fast first-letter skip.
MONTH_TRIGGER = re.compile(_MONTH_RX + r"(?<![a-z0-9]...)")
NUM_TRIGGER = re.compile(r"\d[-/.]\d")
YEAR_TRIGGER = re.compile(r"(?:19|20)\d\d")
YEAR_ONLY = re.compile(r"(?<![\d$€£¥.,/-])(?P<year>19[5-9]\d|20\d\d)(?![\d%]|[.,]\d|\s?[$€£])")


def year_of(text: str) -> int:
    if text.startswith("'"):
        return 2000 + int(text[1:])
    y = int(text)
    if y < 100:
        # Two-digit years: employment documents span roughly 1950-2049.
        return 2000 + y if y < 50 else 1900 + y
    return y


def make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    got = _MONTHS.get(w)
    if got is None and any(c.isdigit() for c in w):
        got = _MONTHS.get(ocr_word(w))
    return got
