"""The spaCy pipelines of the parsing stage, built once per process from `spacy.blank`.

No pretrained model exists here (none is downloaded, ever): the tokenizer of `spacy.blank("en")`
or its French counterpart (`french_tokens.FrenchLite`) plus the project's own components are the
model:

- `entity_ruler`: ORG (capitalised words ending in a legal suffix such as Inc., Pvt. Ltd., Ltée,
  GmbH, S.A., or an institution word such as College) and PERSON (an honorific and a name);
- `kind_cues`: a PhraseMatcher over the cue phrases of each document kind (patterns.KIND_CUES),
  stored in `doc.spans["cues"]` with labels "kind|weight".
"""

from __future__ import annotations

from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from nlp_models.parse.french_tokens import FrenchLite
from nlp_models.parse.patterns import HONORIFICS, INSTITUTION_HEADS, KIND_CUES, ORG_SUFFIXES

# Capitalised words (or numbers, "&", a few particles) that can make up an organisation's name.
_CAP = r"[A-ZÀÂÇÉÈÊËÎÏÔÛÙÜ][\w'’.\-]*"
_FIRST = {"TEXT": {"REGEX": rf"^{_CAP}$"}}
# Connectors inside names, in the languages of our employers ("Vale do Tietê", "Sierra del Sur").
_BODY = {
    "TEXT": {
        "REGEX": rf"^(?:{_CAP}|\d+|&|-|of|and|de|du|des|et|the|do|da|dos|das|del|y|e|von|und)$"
    },
    "OP": "{0,6}",
}
# A numbered company's number ("3281947 Nova Scotia Limited", "9347-2210 Québec inc."): part
# of the legal name, which the registry knows by it.
_NUMBERED = [
    {"TEXT": {"REGEX": r"^\d{4,8}$"}, "OP": "?"},
    {"TEXT": "-", "OP": "?"},
    {"TEXT": {"REGEX": r"^\d{4}$"}, "OP": "?"},
]
_CONNECTOR = {"LOWER": {"IN": ["of", "de", "du", "des", "la", "le", "for", "in"]}}
_PERSON_WORD = {"TEXT": {"REGEX": r"^[A-ZÀÂÇÉÈÊËÎÏÔÛÙÜ][a-zà-ÿ'’\-]+$"}}


def _split(nlp: Language, phrases: tuple[str, ...]) -> tuple[list[str], list[list[str]]]:
    """Phrases as the tokenizer cuts them: single tokens, and token lists of longer ones."""
    single: set[str] = set()
    multi: list[list[str]] = []
    for phrase in phrases:
        toks = [t.text for t in nlp.make_doc(phrase)]
        if len(toks) == 1:
            single.add(toks[0])
        elif toks not in multi:
            multi.append(toks)
    return sorted(single), multi


def _org_patterns(nlp: Language) -> list[dict[str, Any]]:
    # Few patterns with set look-ups: the Matcher's cost grows with patterns x tokens. A
    # multi-token suffix ("Pvt. Ltd.", "S.A.S.") is its first token then up to three of the
    # tokens any suffix is made of.
    single, multi = _split(nlp, ORG_SUFFIXES)
    written = {*single, *(m[0] for m in multi)}
    # A two-letter suffix ("ME", "SA", "AB", "Oy") counts only as written, in capitals or as
    # listed: in lower case it is a word ("Let me know", "sa famille"). A single letter ("A" of
    # "A/S") would make any "Name Surname a ..." a company.
    short = sorted(
        {w for w in written if len(w) == 2 and w.isalpha()}
        | {w.upper() for w in written if len(w) == 2 and w.isalpha()}
    )
    firsts = sorted({w.lower() for w in written if len(w) > 2 or not w.isalpha()})
    rest = sorted({t.lower() for m in multi for t in m[1:]})
    comma = {"TEXT": ",", "OP": "?"}
    heads, multi_heads = _split(nlp, INSTITUTION_HEADS)
    head = {"TEXT": {"IN": heads}}
    # Two-word heads ("Credit Union", "Coffee House") end a name word by word.
    multi = [
        {"label": "ORG", "pattern": [_FIRST, _BODY, *({"TEXT": w} for w in words)]}
        for words in multi_heads
    ]
    return [
        {
            "label": "ORG",
            "pattern": [
                *_NUMBERED, _FIRST, _BODY, comma, {"LOWER": {"IN": firsts}},
                {"LOWER": {"IN": rest}, "OP": "{0,3}"},
            ],
        },
        {
            "label": "ORG",
            "pattern": [
                *_NUMBERED, _FIRST, _BODY, comma, {"TEXT": {"IN": short}},
                {"LOWER": {"IN": rest}, "OP": "{0,3}"},
            ],
        },
        # "Coastline Polytechnic College", "University of Toronto", "Cégep de Sainte-Foy"
        {"label": "ORG", "pattern": [_FIRST, _BODY, head]},
        {"label": "ORG", "pattern": [head, _CONNECTOR, _FIRST, {**_BODY, "OP": "{0,3}"}]},
        *multi,
    ]  # fmt: skip


def _person_patterns(nlp: Language) -> list[dict[str, Any]]:
    single, multi = _split(nlp, HONORIFICS)
    # Either tokenizer may split the period off ("Ms" "."), so both shapes are accepted.
    bare = sorted({h.rstrip(".") for h in single} | set(single) | {m[0] for m in multi})
    return [
        {
            "label": "PERSON",
            "pattern": [
                {"TEXT": {"IN": bare}},
                {"TEXT": ".", "OP": "?"},
                _PERSON_WORD,
                {**_PERSON_WORD, "OP": "{0,3}"},
            ],
        }
    ]


@Language.factory("kind_cues")
def _make_kind_cues(nlp: Language, name: str) -> KindCues:
    return KindCues(nlp)


class KindCues:
    """Marks every cue phrase of every document kind; labels are "kind|weight"."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind, cues in KIND_CUES.items():
            for phrase, weight in cues:
                self.matcher.add(f"{kind}|{weight}", [nlp.make_doc(phrase)])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=doc.vocab.strings[mid]) for mid, s, e in self.matcher(doc)]
        doc.spans["cues"] = spans
        return doc


@cache
def get_nlp(lang: str = "en") -> Language:
    """The pipeline for "en" or "fr" (anything else gets the English one); built once."""
    # French: spaCy's rules without its 2.3 s table of hyphenated words (french_tokens).
    nlp = FrenchLite() if lang == "fr" else spacy.blank("en")
    # Pages are long; the limit guards memory, not correctness.
    nlp.max_length = 2_000_000
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_org_patterns(nlp) + _person_patterns(nlp))
    nlp.add_pipe("kind_cues")
    return nlp


def warm_up() -> None:
    """Build both pipelines now (a server or benchmark pays the start-up before timing)."""
    for lang in ("en", "fr"):
        get_nlp(lang)("Warm up Ltd.")
