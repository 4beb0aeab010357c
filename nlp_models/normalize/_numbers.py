"""Numbers as written in documents: digit groupings of any locale, and small numbers in words.

Hand-written rather than babel's parse_decimal: babel needs the locale up front, while a document
mixes "9,60,000", "12.500,00" and "58 500" without saying which locale each follows.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# A number with optional digit grouping (comma, dot, space, apostrophe; Indian lakh grouping
# included because the group sizes are not checked) and an optional decimal part.
NUMBER = (
    r"(?<![\d.,])(?:\d{1,3}(?:(?:,|\.|'| (?=\d{3}(?!\d)))\d{2,3})+(?:[.,]\d{1,2}(?!\d))?"
    r"|\d+(?:[.,]\d+)?)(?![\d])"
)

_SEP = re.compile(r"[^\d]")


def parse_decimal(token: str, *, three_decimals: bool = False) -> Decimal | None:
    """Read "9,60,000", "R$ 12.500,00"'s "12.500,00", "58 500", "37,5" as a Decimal.

    A single separator followed by exactly three digits is a thousands separator ("3.200" is
    three thousand two hundred) unless `three_decimals` (currencies such as KWD) says otherwise.
    """
    token = token.strip()
    if not token or len(token) > 40:
        return None
    seps = [(i, c) for i, c in enumerate(token) if not c.isdigit()]
    try:
        if not seps:
            return Decimal(token)
        chars = {c for _, c in seps}
        last_i, last_c = seps[-1]
        tail = token[last_i + 1 :]
        digits = "".join(c for c in token if c.isdigit())
        if not tail.isdigit():
            return None
        if len(chars) >= 2:
            if last_c not in ".,":
                return None
            # "1.234,56", "1 234,56": one grouping character, then the decimal mark. "75.00
            # 24.60" is two cells of a table run together, not a number.
            groups = _SEP.split(token[:last_i])
            if len(chars - {last_c}) != 1 or last_c in {c for _, c in seps[:-1]}:
                return None
            if any(len(g) not in (2, 3) for g in groups[1:]) or len(groups[-1]) != 3:
                return None
            head = "".join(c for c in token[:last_i] if c.isdigit())
            return Decimal(f"{head}.{tail}")
        if len(seps) >= 2:
            if last_c in ".," and len(tail) != 3 and len(tail) <= 2:
                # "9,60,000" has 3 at the end; "1.234.56" is not a sane grouping.
                return None
            return Decimal(digits)
        head = token[:last_i]
        if last_c in " '":
            return Decimal(digits)
        if len(tail) == 3 and not three_decimals and head not in ("0", ""):
            return Decimal(digits)
        if not head:
            return None
        return Decimal(f"{head}.{tail}")
    except InvalidOperation:
        return None


# ------------------------------------------------------------------ numbers in words

_EN_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_EN_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_FR_UNITS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
}
_FR_TEENS = {
    "dix-sept": 17,
    "dix-huit": 18,
    "dix-neuf": 19,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
}
_FR_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}

_WORD_VALUE: dict[str, float] = {
    **_EN_UNITS,
    **_EN_TEENS,
    **_EN_TENS,
    **_FR_UNITS,
    **{k: v for k, v in _FR_TEENS.items() if "-" not in k},
    **_FR_TENS,
    "half": 0.5,
    "demi": 0.5,
    "demie": 0.5,
}


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_EN = (
    rf"(?:(?:{_alt(_EN_TENS)})(?:[\s-]+(?:{_alt(_EN_UNITS)}))?|{_alt(_EN_TEENS)}|{_alt(_EN_UNITS)})"
)
_FR_TEENS_RX = _alt(_FR_TEENS).replace("-", r"[\s-]")
_FR = (
    rf"(?:(?:{_alt(_FR_TENS)})(?:[\s-]+(?:et[\s-]+)?(?:{_alt(_FR_UNITS)}|{_FR_TEENS_RX}))?"
    rf"|{_FR_TEENS_RX}|{_alt(_FR_UNITS)})"
)
_HALF = r"(?:[\s-]+and[\s-]+a[\s-]+half|[\s-]+et[\s-]+demie?|\s*½)"

# A number in words (English or French, 1-69 plus "and a half"); matched case-insensitively.
WORD_NUMBER = rf"(?<![A-Za-z])(?:{_EN}|{_FR}){_HALF}?(?![A-Za-z])"

_SPLIT = re.compile(r"[\s-]+")


def words_to_number(text: str) -> float | None:
    """ "thirty-seven and a half" -> 37.5, "trente-cinq" -> 35, "dix-huit" -> 18."""
    total = 0.0
    seen = False
    for tok in _SPLIT.split(text.lower().replace("½", " half")):
        if not tok or tok in ("and", "a", "et"):
            continue
        val = _WORD_VALUE.get(tok)
        if val is None:
            return None
        total += val
        seen = True
    return total if seen else None
