"""Open ends of a period: "present", "to date", "currently", "à ce jour", "actuellement"."""

from __future__ import annotations

import re
from typing import Literal

from nlp_models.normalize._text import clean, finditer_in, lower, windows
from nlp_models.normalize.models import PresentMatch

_PRESENT_TRIGGER = re.compile(
    r"present|current|ongoing|date|jour|actuel|cours|now|today|maintenant|aujourd"
)
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


def _lang(pattern_lang: str, original: str) -> Literal["en", "fr"]:
    low = original.lower()
    if low.startswith("présent"):
        return "fr"
    if low == "present":
        return "en"
    return "fr" if pattern_lang == "fr" else "en"


def present_at(work: str, text: str, pos: int) -> PresentMatch | None:
    """The longest open-end word starting at `pos` (after a join: "2020 - now" too)."""
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
