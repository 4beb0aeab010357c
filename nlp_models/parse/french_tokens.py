"""A French tokenizer for `spacy.blank`-style pipelines, without spaCy's French exception tables.

`spacy.blank("fr")` imports `spacy.lang.fr.tokenizer_exceptions`, which compiles one regular
expression of some 400 hyphenated and elided words ("aujourd'hui", "anti-…", "peut-être") to keep
them whole: 2.3 s in every process that meets a French document, more than the whole audit of a
French letter. Nothing here needs those words whole: the matchers (organisation and person
patterns, kind cues) are tokenised by the same pipeline as the text, and quotes are cut from
character offsets. What the parsing does rely on is kept: elided articles split off ("d'emploi"
→ "d'", "emploi"), the punctuation rules of spaCy's base tokenizer and its French suffixes
(figures, units, currencies), and abbreviations whose period is part of the word ("janv.", "M.",
"Mme.").
"""

from __future__ import annotations

from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    CURRENCY,
    LIST_ELLIPSES,
    LIST_PUNCT,
    LIST_QUOTES,
    UNITS,
)
from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import BaseDefaults, Language
from spacy.symbols import ORTH
from spacy.util import update_exc

_ELISION = "'’"
_HYPHENS = "-–—‐‑"
# Inverted subjects and demonstratives written with a hyphen ("pouvez-vous", "celle-ci").
_HYPHEN_SUFFIXES = "ce|clés|elle|en|il|ils|je|là|moi|nous|on|t|vous"
_HYPHEN_SUFFIXES += "|" + _HYPHEN_SUFFIXES.upper()

# Abbreviations whose period belongs to the word: months and honorifics of French letters.
_ABBREVIATIONS = [
    *("janv.", "févr.", "avr.", "juill.", "sept.", "oct.", "nov.", "déc.", "av.", "apr."),
    *("M.", "MM.", "Mme.", "Mlle.", "Dr.", "Mr.", "St.", "Ste.", "n°", "d°"),
    *("cf.", "etc.", "p.", "pp.", "No.", "Vol."),
]

PREFIXES = [*TOKENIZER_PREFIXES, rf"(?:[dlnDLN][{_ELISION}])(?=[{ALPHA}])"]
INFIXES = [*TOKENIZER_INFIXES, rf"(?<=[{ALPHA}][{_ELISION}])(?=[{ALPHA}])"]
SUFFIXES = [
    *LIST_PUNCT,
    *LIST_ELLIPSES,
    *LIST_QUOTES,
    r"(?<=[0-9])\+",
    r"(?<=°[FfCcKk])\.",  # "°C." -> "°C", "."
    r"(?<=[0-9])%",  # "4%" -> "4", "%"
    rf"(?<=[0-9])(?:{CURRENCY})",  # "58 500$" -> "58 500", "$"
    rf"(?<=[0-9])(?:{UNITS})",
    rf"(?<=[0-9{ALPHA_LOWER}%²\-\+(?:{CONCAT_QUOTES})])\.",
    rf"(?<=[{ALPHA_UPPER}][{ALPHA_UPPER}])\.",
    rf"(?<=[{ALPHA}])[{_HYPHENS}](?:{_HYPHEN_SUFFIXES})",
]
EXCEPTIONS = update_exc(BASE_EXCEPTIONS, {a: [{ORTH: a}] for a in _ABBREVIATIONS})


class _FrenchDefaults(BaseDefaults):
    tokenizer_exceptions = EXCEPTIONS
    prefixes = PREFIXES
    infixes = INFIXES
    suffixes = SUFFIXES


class FrenchLite(Language):
    lang = "fr"
    Defaults = _FrenchDefaults
