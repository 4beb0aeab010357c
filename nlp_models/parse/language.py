"""Document language from function words: English, French, or other.

Counting the commonest function words is enough to tell English from French on a page of text
and needs no model; other languages (Spanish, Portuguese, German ...) are caught by their own
function words so a Spanish letter is not read as English.
"""

from __future__ import annotations

import re
from collections import Counter

from nlp_models.parsed import Language

_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "for",
            "with",
            "has",
            "this",
            "that",
            "was",
            "on",
            "at",
            "by",
            "from",
            "per",
            "as",
            "are",
            "be",
            "have",
            "her",
            "his",
            "she",
            "he",
            "our",
            "we",
            "you",
            "any",
            "been",
            "will",
            "which",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "et",
            "est",
            "pour",
            "dans",
            "par",
            "une",
            "au",
            "aux",
            "sur",
            "avec",
            "que",
            "qui",
            "nous",
            "vous",
            "ses",
            "son",
            "sa",
            "il",
            "elle",
            "été",
            "sont",
            "ce",
            "cette",
        ]
    ),
    "other": frozenset(
        # Spanish, Portuguese, German, Italian, Dutch function words not shared with en/fr.
        [
            "el",
            "los",
            "las",
            "y",
            "del",
            "con",
            "por",
            "para",
            "una",
            "ao",
            "em",
            "os",
            "da",
            "das",
            "não",
            "que",
            "é",
            "o",
            "und",
            "der",
            "die",
            "das",
            "ist",
            "mit",
            "für",
            "nicht",
            "ein",
            "eine",
            "il",
            "di",
            "che",
            "della",
            "het",
            "een",
            "van",
            "en",
            "zijn",
        ]
        # "que", "en", "il" and "die" collide with en/fr: they only tip a tie.
    ),
}
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def detect_language(text: str) -> tuple[Language, float]:
    """(language, confidence 0-1); English when the text has too few words to tell."""
    counts: Counter[str] = Counter()
    for tok in _TOKEN.findall(text[:20000].lower()):
        for lang, words in _WORDS.items():
            if tok in words:
                counts[lang] += 1
    en, fr, other = counts["en"], counts["fr"], counts["other"]
    total = en + fr + other
    if total < 3:
        return Language.EN, 0.3
    best = max(("en", en), ("fr", fr), ("other", other), key=lambda x: x[1])
    share = best[1] / total
    if best[0] == "other" and share < 0.5:
        best = ("en", en) if en >= fr else ("fr", fr)
        share = best[1] / total
    return Language(best[0]), round(min(1.0, share), 2)
