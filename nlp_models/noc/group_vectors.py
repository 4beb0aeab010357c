"""Term weights of each unit group's whole text, stored by term: TF-IDF and BM25.

Both are sparse (about 60,000 non-zeros) and built once with the index. A query is scored by
walking its terms' postings, so no matrix product runs per match.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

# BM25's usual constants (Robertson & Zaragoza): k1 saturates a repeated term, b discounts long
# texts (a unit group with 30 main duties would otherwise collect every common word).
BM25_K1 = 1.2
BM25_B = 0.75


def idf_value(n_rows: int, df: int) -> float:
    """Smoothed inverse document frequency (the same formula everywhere)."""
    return math.log((n_rows + 1) / (df + 1)) + 1.0


@dataclass(frozen=True, slots=True)
class GroupVectors:
    """A weight per (term, unit group) of each group's text (title, lead, duties, example titles).

    Stored by term (CSR): the groups holding term t are groups[indptr[t]:indptr[t + 1]], with
    their vector components in weights[...]. About 60,000 non-zeros instead of a dense matrix.
    """

    vocab: Mapping[str, int]
    idf: np.ndarray  # float32 per term
    indptr: np.ndarray  # int64
    groups: np.ndarray  # int32
    weights: np.ndarray  # float32
    n_groups: int


def group_vectors(term_lists: list[list[str]]) -> GroupVectors:
    """TF-IDF vectors (sublinear term frequency, L2-normed) of one term list per unit group."""
    docs = [Counter(terms_) for terms_ in term_lists]
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    vocab = {t: i for i, t in enumerate(sorted(df))}
    idf = np.array([idf_value(len(docs), df[t]) for t in vocab], dtype=np.float32)
    matrix = np.zeros((len(docs), len(vocab)), dtype=np.float32)
    for g, doc in enumerate(docs):
        for t, count in doc.items():
            matrix[g, vocab[t]] = (1.0 + math.log(count)) * idf[vocab[t]]
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    by_term = matrix.T  # terms x groups
    nonzero = by_term != 0
    indptr = np.concatenate(([0], np.cumsum(nonzero.sum(axis=1)))).astype(np.int64)
    term_idx, group_idx = np.nonzero(nonzero)  # row-major: sorted by term, then group
    return GroupVectors(
        vocab=vocab,
        idf=idf,
        indptr=indptr,
        groups=group_idx.astype(np.int32),
        weights=by_term[term_idx, group_idx].astype(np.float32),
        n_groups=len(docs),
    )


def bm25_vectors(term_lists: list[list[str]]) -> GroupVectors:
    """BM25 term weights of one term list per unit group (``idf`` holds the BM25 idf).

    On O*NET task lists (the tune half) BM25 ranked the right group first more often than the
    TF-IDF cosine did, which rewards groups whose short text happens to repeat a query word.
    """
    docs = [Counter(terms_) for terms_ in term_lists]
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    n = len(docs)
    vocab = {t: i for i, t in enumerate(sorted(df))}
    idf = np.array([math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5)) for t in vocab])
    lengths = np.array([sum(doc.values()) for doc in docs], dtype=np.float64)
    norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths / max(lengths.mean(), 1e-9))
    by_term: list[list[tuple[int, float]]] = [[] for _ in vocab]
    for g, doc in enumerate(docs):
        for t, count in doc.items():
            i = vocab[t]
            by_term[i].append((g, idf[i] * count * (BM25_K1 + 1) / (count + norm[g])))
    sizes = np.array([len(v) for v in by_term], dtype=np.int64)
    return GroupVectors(
        vocab=vocab,
        idf=idf.astype(np.float32),
        indptr=np.concatenate(([0], np.cumsum(sizes))).astype(np.int64),
        groups=np.array([g for v in by_term for g, _ in v], dtype=np.int32),
        weights=np.array([w for v in by_term for _, w in v], dtype=np.float32),
        n_groups=n,
    )
