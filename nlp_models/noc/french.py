"""French NOC 2021 text (titles and lead statements) for letters written in French.

Statistics Canada publishes the NOC in French too, but the data held here has only the French
class titles and class definitions (lead statements; ``derived/cannocdata_classes_en_fr.csv``),
not French example titles or main duties. A French position is therefore matched on its title
against the French class titles and on all its words against each group's French title and lead
statement; duty-by-duty alignment (R-SKILL-2 coverage) stays English-only and is reported as not
assessed, never as failed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import snowballstemmer

from nlp_models.noc import text
from nlp_models.noc.group_vectors import GroupVectors, group_vectors
from nlp_models.noc.index import Postings, build_postings
from nlp_models.noc.similarity import row_similarity, tfidf_cosine

CODE, TITLE, DEFINITION = "code", "name_french", "description_french"

_STEMMER = snowballstemmer.stemmer("french")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's curated French list. `import spacy.lang.fr.stop_words` would first run the
    package's `__init__`, which compiles its tokenizer tables (2.3 s); the list is a plain
    module, so it is loaded from its file alone."""
    import importlib.util

    import spacy.lang

    path = Path(spacy.lang.__file__).parent / "fr" / "stop_words.py"
    spec = importlib.util.spec_from_file_location("_spacy_french_stop_words", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(_fold(w) for w in module.STOP_WORDS)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _fold(_STEMMER.stemWord(word))


def term_list(text_: str) -> list[str]:
    """Stemmed French content words ("techniciennes" and "technicien" meet), accents folded.

    Elisions ("l'analyse", "d'eau") are split off; "/" pairs of gender forms give both words.
    """
    words = text.clean(text_).lower().replace("’", "'").replace("'", " ").split()
    out: list[str] = []
    stop = _stop_words()
    for raw in words:
        for w in "".join(ch if ch.isalnum() else " " for ch in raw).split():
            if len(w) > 1 and _fold(w) not in stop:
                out.append(_stem(w))
    return out


def sorted_terms(text_: str) -> str:
    return " ".join(sorted(term_list(text_)))


@dataclass(frozen=True, slots=True)
class FrenchIndex:
    titles: tuple[str, ...]  # French class title of each unit group, in index order
    title_norm: tuple[str, ...]
    title_postings: Postings
    vectors: GroupVectors  # French title + lead statement of each group


def build_french(codes: Sequence[str], rows: Iterable[Mapping[str, str]]) -> FrenchIndex | None:
    """From the bilingual class rows; None when a unit group has no French title."""
    by_code = {text.clean(r.get(CODE, "")).zfill(5): r for r in rows if len(r.get(CODE, "")) == 5}
    if any(c not in by_code or not by_code[c].get(TITLE) for c in codes):
        return None
    titles = tuple(text.clean(by_code[c][TITLE]) for c in codes)
    leads = [text.clean(by_code[c].get(DEFINITION, "")) for c in codes]
    norms = tuple(sorted_terms(t) for t in titles)
    return FrenchIndex(
        titles=titles,
        title_norm=norms,
        title_postings=build_postings(norms),
        vectors=group_vectors(
            [term_list(f"{t} {lead}") for t, lead in zip(titles, leads, strict=True)]
        ),
    )


def french_evidence(
    french: FrenchIndex, title: str | None, duties: Sequence[str]
) -> dict[str, np.ndarray]:
    """{"title": title vs French class titles, "tfidf": all words vs French title + lead}."""
    ev: dict[str, np.ndarray] = {}
    if title and (norm := sorted_terms(title)):
        ev["title"] = row_similarity([norm], french.title_norm, french.title_postings)[0]
    words = [w for d in (title or "", *duties) for w in term_list(d)]
    if words:
        ev["tfidf"] = tfidf_cosine(french.vectors, words)
    return ev
