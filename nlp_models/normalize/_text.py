"""Length-preserving text clean-up shared by the normalisers.

Every transform here maps one character to exactly one character, so a match found in the cleaned
text has the same (start, end) in the original and the original words can be quoted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

_SPECIAL = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "`": "'",
    "\u00b4": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
    # The ordinal indicator ("1º de março", "nº 12") as the degree sign it is typed as: "o"
    # would make "1º" the misread number "10".
    "\u00ba": "\u00b0",
    "\u00aa": "a",
    "\u0131": "i",
    "\u00df": "s",
    "\u00e6": "a",
    "\u00c6": "A",
    "\u0153": "o",
    "\u0152": "O",
    "\u00f8": "o",
    "\u00d8": "O",
    "\u0142": "l",
    "\u0141": "L",
    "\uff04": "$",
}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    if len(decomposed) > 1 and base.isascii() and base.isalpha():
        return base
    if unicodedata.category(ch) == "Zs":
        return " "
    return ch


def fold(text: str) -> str:
    """Strip accents, unify dashes/quotes/spaces; same length as the input."""
    if text.isascii():
        return text.replace("\t", " ").replace("`", "'")
    return "".join(_fold_char(c) if not c.isascii() or c in "\t`" else c for c in text)


# OCR confuses O/o with 0 and l/I with 1 inside numbers ("2O23", "3O,OOO").
_OCR_NUMBER = re.compile(r"(?<![A-Za-z])[0-9OoIl](?:[0-9OoIl]|[.,](?=[0-9OoIl]))*(?![A-Za-z])")
_TO_DIGIT = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1"})


def _fix_number(m: re.Match[str]) -> str:
    tok = m.group(0)
    # A token of only digits and O/o/I/l that holds at least one real digit is a misread
    # number; a pure word ("Il", "Oo") has no digit and is left alone.
    if not any(c.isdigit() for c in tok):
        return tok
    return tok.translate(_TO_DIGIT)


def ocr_fix_numbers(text: str) -> str:
    """Turn O/o/I/l into digits inside number-like tokens; same length as the input."""
    if not any(c in text for c in "OoIl"):
        return text
    return _OCR_NUMBER.sub(_fix_number, text)


@lru_cache(maxsize=32)
def clean(text: str) -> str:
    """fold() then ocr_fix_numbers(); the working copy every finder searches (cached: the
    finders run one after another over the same page)."""
    return ocr_fix_numbers(fold(text))


@lru_cache(maxsize=32)
def lower(work: str) -> str:
    """Lower-cased `work` for case-free trigger scans, same length (a letter whose lower case
    is longer, such as "İ", is kept as is) so positions agree."""
    low = work.lower()
    if len(low) == len(work):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in work)


def windows(
    work: str, trigger: re.Pattern[str], before: int, after: int, *, on: str | None = None
) -> list[tuple[int, int]]:
    """Merged spans around each hit of a cheap `trigger` regex.

    The full patterns are slow to try at every position of a page; running them only inside
    these windows keeps a page's scan well under a millisecond.
    """
    spans: list[tuple[int, int]] = []
    n = len(work)
    for m in trigger.finditer(on if on is not None else work):
        s, e = max(0, m.start() - before), min(n, m.end() + after)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return spans


def finditer_in(
    pattern: re.Pattern[str], work: str, spans: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """pattern.finditer over each span (look-behinds still see the text before a span)."""
    for s, e in spans:
        yield from pattern.finditer(work, s, e)


_WORD_DIGITS = str.maketrans({"0": "o", "1": "l", "5": "s"})


def ocr_word(token: str) -> str:
    """A word token with digits read as letters ("Ju1y" -> "July"), for dictionary look-ups."""
    return token.translate(_WORD_DIGITS)


_TOKEN_START = re.compile(r"[^\W_]+|[^\w\s]")


def token_starts(work: str, lo: int, hi: int) -> list[int]:
    """Start offsets of the word and symbol tokens in work[lo:hi]."""
    return [m.start() for m in _TOKEN_START.finditer(work, max(0, lo), hi)]


def match_at(pattern: re.Pattern[str], work: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """pattern.match at each start offset (a full pattern is tried only where it can begin)."""
    for s in starts:
        m = pattern.match(work, s)
        if m is not None:
            yield m
