"""Document language: English, French, or other.

On prose, counting the commonest function words tells English from French (and catches Spanish,
Portuguese, German ... by their own) with no model. Forms — pay slips, HR printouts — have
almost no function words, so a German "Entgeltabrechnung" would pass for English; there the
character n-gram identifier of py3langid (langid.py, BSD) decides. Its model takes ~0.8 s to
load, so it is loaded lazily, once per process, and only for such text.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

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


# Languages documents reach us in; restricting the identifier to them sharpens its choice.
_IDENTIFIER_LANGS = ("en", "fr", "es", "pt", "de", "it", "nl", "pl", "ro", "tr", "ru", "uk")
_IDENTIFIER_LANGS += ("ar", "fa", "hi", "ur", "bn", "ta", "zh", "ja", "ko", "vi", "tl", "id")
_FORM_DENSITY = 0.12  # function words per word below which text reads as a form, not prose
_MIN_LETTERS = 60  # fewer letters than this tell the identifier nothing
_MIN_CONFIDENCE = 0.8


@lru_cache(maxsize=1)
def identifier():
    """The n-gram language identifier (its model takes ~0.8 s to decompress: loaded once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(_IDENTIFIER_LANGS))
    return ident


def detect_language(text: str) -> tuple[Language, float]:
    """(language, confidence 0-1); English when the text has too few words to tell."""
    sample = text[:20000]
    tokens = _TOKEN.findall(sample.lower())
    counts = _function_words(tokens)
    if tokens and sum(counts.values()) / len(tokens) < _FORM_DENSITY:
        by_ngrams = _by_ngrams(sample, counts)
        if by_ngrams is not None:
            return by_ngrams
    return _by_function_words(counts)


def _function_words(tokens: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for tok in tokens:
        for lang, words in _WORDS.items():
            if tok in words:
                counts[lang] += 1
    return counts


def _by_ngrams(sample: str, counts: Counter[str]) -> tuple[Language, float] | None:
    if sum(c.isalpha() for c in sample) < _MIN_LETTERS:
        return None
    code, p = identifier().classify(sample[:5000])
    if p < _MIN_CONFIDENCE:
        return None
    if code in ("en", "fr"):
        # Bilingual federal forms (T4, permits) print both languages: read them as English.
        en, fr = counts["en"], counts["fr"]
        if code == "fr" and en >= 0.4 * (en + fr) and en >= 3:
            return Language.EN, round(p, 2)
        return Language(code), round(p, 2)
    return Language.OTHER, round(p, 2)


def _by_function_words(counts: Counter[str]) -> tuple[Language, float]:
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
