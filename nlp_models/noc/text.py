"""Text normalisation shared by the NOC index and the matcher.

Two forms are produced from any text:
- ``surface``: lower-case words without punctuation, for near-verbatim (copy) checks;
- ``terms``: content words, stemmed, with stop words and British/American spelling folded,
  for similarity between paraphrases.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")

# Words that carry no occupational meaning; removing them keeps fuzzy scores on content.
_STOP_TEXT = """
a about above across after again all also am an and any are as at be been being both but by
can could did do does doing during each either etc every few for from further had has have
having he her here hers him his how i if in into is it its itself may me might more most
must my no nor not of off on once only or other others our ours out over own per same she
should so some such than that the their theirs them then there these they this those through
to too under until up upon us very via was we were what when where which while who whom why
will with within would you your yours including include includes included related various
such other e.g i.e ie eg new
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

# Spelling variants folded before stemming so "organise" and "organize" meet.
_SPELLING = (
    (re.compile(r"(?<=\w)our\b"), "or"),  # colour, labour, behaviour
    (re.compile(r"(?<=\w)is(e|ed|es|ing|ation|ations|er|ers)\b"), r"iz\1"),
    (re.compile(r"(?<=\w)ys(e|ed|es|ing|er|ers)\b"), r"yz\1"),
    (re.compile(r"(?<=\w)tre\b"), "ter"),  # centre, metre
    (re.compile(r"\bprogramme"), "program"),
    (re.compile(r"\bcheque"), "check"),
)

# Upper-case job acronyms that would otherwise vanish ("IT" is a stop word once lower-cased).
_ACRONYMS = {
    "IT": "information technology",
    "HR": "human resources",
    "QA": "quality assurance",
    "RN": "registered nurse",
    "LPN": "licensed practical nurse",
    "ECE": "early childhood educator",
    "CSR": "customer service representative",
}
_ACRONYM = re.compile(r"\b(" + "|".join(_ACRONYMS) + r")\b")

_BULLET = re.compile(r"^\s*(?:[-*•·●▪◦‣–—>]+|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)])\s+")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z])")


def clean(text: str) -> str:
    """Official-file hygiene: NBSP to space, Unicode compatibility form, outer whitespace."""
    text = unicodedata.normalize("NFKC", text.replace("\u00a0", " "))
    return " ".join(text.split())


def strip_bullet(line: str) -> str:
    """Remove a leading list marker ("-", "•", "1.", "a)") from one duty line."""
    return _BULLET.sub("", clean(line)).strip()


def _fold_accents(text: str) -> str:
    if text.isascii():  # most duty lines: nothing to fold
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def surface(text: str) -> str:
    """Lower-case words only: the form used to detect near-verbatim copying."""
    return " ".join(_NON_WORD.sub(" ", _fold_accents(clean(text)).lower()).split())


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return _STEMMER.stemWord(word)


def term_list(text: str) -> list[str]:
    """Stemmed content words in order (stop words and one-letter tokens dropped)."""
    # "/" joins alternatives (alderman/woman) and "-" compound parts: keep both halves as words.
    expanded = _ACRONYM.sub(lambda m: _ACRONYMS[m.group(1)], clean(text))
    return [
        _stem(w)
        for w in surface(expanded).split()
        if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())
    ]


def terms(text: str) -> str:
    """Stemmed content words joined by spaces: the form used for fuzzy similarity."""
    return " ".join(term_list(text))


def stemmed_surface(text_: str) -> str:
    """Every word stemmed, order and stop words kept: copies with a changed tense still match."""
    return " ".join(_stem(w) for w in surface(text_).split())


def sorted_terms(text_: str) -> str:
    """Terms in sorted order: rapidfuzz ``ratio`` on these equals ``token_sort_ratio`` without
    re-sorting the index on every call (the costly part of token_sort_ratio in cdist)."""
    return " ".join(sorted(term_list(text_)))


def sentences(text: str) -> list[str]:
    """Split a lead statement into sentences (the official text uses plain full stops)."""
    return [s.strip() for s in _SENTENCE_END.split(clean(text)) if s.strip()]


def starts_with_may(duty: str) -> bool:
    """NOC duties that begin with "May" are not usually essential (R-SKILL-3)."""
    return surface(duty).startswith("may ")


# NOC names first-line leads "supervisors": "Customer Service Team Lead" is a customer service
# supervisor (62023), not a customer service representative. Matched as a second reading.
_LEAD_ROLE = re.compile(r"\b(?:team|shift|crew|section)\s+lead(?:er)?\b|\blead\s+hand\b", re.I)


def title_variants(title: str) -> list[str]:
    """Other readings of a job title in the NOC's own vocabulary (none when there is none)."""
    variant = _LEAD_ROLE.sub("supervisor", title)
    return [variant] if variant != title else []
