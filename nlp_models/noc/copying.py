"""Near-verbatim copying of NOC text into a letter's duties (R-FLAG-1, Mehfooz 2016 FC 165).

Each duty sentence is compared with the main duties and lead-statement sentences of the given
unit groups (the claimed and/or the matched ones), in word order. Two views are taken and the
higher kept: the surface words (catches pasted text with changed punctuation or case) and the
same words stemmed (catches changed tense: "Designed, wrote and tested" for "Design, write,
test"). A long duty that reproduces a stretch of a longer NOC sentence counts too.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from nlp_models.noc import text
from nlp_models.noc.index import NocIndex
from nlp_models.noc.models import CopiedDuty, CopyReport

NEAR_VERBATIM = 0.85  # rules.md R-FLAG-1: similarity >= 0.85 is "near-verbatim"
MIN_WORDS_FOR_EXCERPT = 8  # a shorter duty inside a NOC sentence is a common phrase, not a copy


def _noc_texts(index: NocIndex, codes: Sequence[str]) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for code in dict.fromkeys(codes):
        ug = index.group(code)
        if ug is None:
            continue
        texts.extend((code, d) for d in ug.main_duties)
        texts.extend((code, s) for s in text.sentences(ug.lead_statement))
    return texts


def copied_duties(index: NocIndex, duties: Sequence[str], codes: Sequence[str]) -> CopyReport:
    """Which duties reproduce NOC 2021 text of ``codes``, and what share of all duties that is."""
    cleaned = [c for c in (text.strip_bullet(d) for d in duties) if c]
    refs = _noc_texts(index, codes)
    if not cleaned or not refs:
        results = tuple(
            CopiedDuty(duty=d, code=None, noc_text=None, score=0.0, near_verbatim=False)
            for d in cleaned
        )
        return CopyReport(
            codes=tuple(codes), duties=results, copied=0, share=0.0, threshold=NEAR_VERBATIM
        )
    ref_surface = [text.surface(t) for _, t in refs]
    ref_stemmed = [text.stemmed_surface(t) for _, t in refs]
    q_surface = [text.surface(d) for d in cleaned]
    q_stemmed = [text.stemmed_surface(d) for d in cleaned]
    kw = {"dtype": np.float32, "workers": 1}
    score = np.maximum(
        process.cdist(q_surface, ref_surface, scorer=fuzz.ratio, **kw),
        process.cdist(q_stemmed, ref_stemmed, scorer=fuzz.ratio, **kw),
    )
    # An excerpt pasted from a longer NOC sentence: best-aligned window of the longer text.
    partial = process.cdist(q_stemmed, ref_stemmed, scorer=fuzz.partial_ratio, **kw)
    q_len = np.array([len(q.split()) for q in q_stemmed])[:, None]
    r_len = np.array([len(r.split()) for r in ref_stemmed])[None, :]
    excerpt = (q_len >= MIN_WORDS_FOR_EXCERPT) & (q_len <= r_len)
    score = np.where(excerpt, np.maximum(score, partial), score) / 100.0

    results = []
    for i, duty in enumerate(cleaned):
        j = int(score[i].argmax())
        s = round(float(score[i, j]), 4)
        results.append(
            CopiedDuty(
                duty=duty,
                code=refs[j][0],
                noc_text=refs[j][1],
                score=s,
                near_verbatim=s >= NEAR_VERBATIM,
            )
        )
    copied = sum(r.near_verbatim for r in results)
    return CopyReport(
        codes=tuple(dict.fromkeys(codes)),
        duties=tuple(results),
        copied=copied,
        share=round(copied / len(results), 4),
        threshold=NEAR_VERBATIM,
    )
