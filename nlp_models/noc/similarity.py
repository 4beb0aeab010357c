"""Similarity between short texts and the rows of the index, all scores in [0, 1].

``row_similarity`` averages two views of the same pair: rapidfuzz's token-sort ratio (word order
and spelling) and an IDF-weighted Dice overlap of terms (rare, occupation-specific words such as
"payroll" or "livestock" count more than "prepare" or "ensure").
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from nlp_models.noc.group_vectors import GroupVectors, idf_value
from nlp_models.noc.index import Postings

FUZZ_SHARE = 0.5  # weight of the rapidfuzz view; the rest is the IDF overlap


def weighted_dice(post: Postings, query: str, exclude_row: int | None = None) -> np.ndarray:
    """IDF-weighted Dice overlap of the query's terms with every row (float32 vector).

    ``exclude_row`` scores as if that row were not in the index (its own terms no longer count
    in the document frequencies); the leave-one-out benchmark uses it.
    """
    inter = np.zeros(post.n_rows, dtype=np.float32)
    n = post.n_rows - (exclude_row is not None)
    q_weight = 0.0
    for term in set(query.split()):
        t = post.vocab.get(term)
        if t is None:
            q_weight += idf_value(n, 0)
            continue
        rows = post.rows[post.indptr[t] : post.indptr[t + 1]]
        df = int(post.df[t])
        if exclude_row is not None and exclude_row in rows:
            df -= 1
        w = idf_value(n, df)
        q_weight += w
        inter[rows] += w
    out = 2.0 * inter / (q_weight + post.row_weight + 1e-9)
    if exclude_row is not None:
        out[exclude_row] = 0.0
    return out


def weighted_recall(post: Postings, query_terms: set[str]) -> np.ndarray:
    """Share of each row's terms (IDF-weighted) that the query contains."""
    inter = np.zeros(post.n_rows, dtype=np.float32)
    for term in query_terms:
        t = post.vocab.get(term)
        if t is not None:
            rows = post.rows[post.indptr[t] : post.indptr[t + 1]]
            inter[rows] += idf_value(post.n_rows, int(post.df[t]))
    return inter / np.maximum(post.row_weight, 1e-9)


def row_similarity(
    queries: Sequence[str],
    norms: Sequence[str],
    post: Postings,
    exclude_rows: Sequence[int | None] | None = None,
) -> np.ndarray:
    """queries x rows similarity matrix (float32, 0..1) on normalised term strings.

    ``norms`` hold sorted terms, so ``fuzz.ratio`` on sorted queries is the token-sort ratio.
    ``exclude_rows[i]`` (leave-one-out) scores query i as if that row were not in the index.
    """
    if not queries:
        return np.zeros((0, len(norms)), dtype=np.float32)
    excluded = list(exclude_rows) if exclude_rows is not None else [None] * len(queries)
    ordered = [" ".join(sorted(q.split())) for q in queries]
    sims = process.cdist(ordered, norms, scorer=fuzz.ratio, dtype=np.float32, workers=1)
    sims *= FUZZ_SHARE / 100.0
    for i, q in enumerate(queries):
        sims[i] += (1.0 - FUZZ_SHARE) * weighted_dice(post, q, excluded[i])
        if excluded[i] is not None:
            sims[i, excluded[i]] = 0.0
    return sims


def group_max(matrix: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Best score per unit group along the last axis (rows are sorted by group)."""
    return np.maximum.reduceat(matrix, offsets, axis=-1)


def group_softmax(vector: np.ndarray, offsets: np.ndarray, sharpness: float = 20.0) -> np.ndarray:
    """Smooth maximum per group: a group with several good rows edges out one lucky row."""
    peak = group_max(vector, offsets)
    spread = np.add.reduceat(
        np.exp(
            sharpness * (vector - np.repeat(peak, np.diff(np.append(offsets, vector.shape[-1]))))
        ),
        offsets,
    )
    return np.clip(peak + np.log(spread) / sharpness, 0.0, 1.0)


def tfidf_cosine(vectors: GroupVectors, terms: Sequence[str]) -> np.ndarray:
    """Cosine of the query's TF-IDF vector with every unit group's vector."""
    counts: dict[int, int] = {}
    for term in terms:
        t = vectors.vocab.get(term)
        if t is not None:
            counts[t] = counts.get(t, 0) + 1
    out = np.zeros(vectors.n_groups, dtype=np.float32)
    if not counts:
        return out
    q = {t: (1.0 + np.log(c)) * float(vectors.idf[t]) for t, c in counts.items()}
    norm = float(np.sqrt(sum(w * w for w in q.values())))
    for t, w in q.items():
        lo, hi = vectors.indptr[t], vectors.indptr[t + 1]
        out[vectors.groups[lo:hi]] += (w / norm) * vectors.weights[lo:hi]
    return out


def bm25_scores(vectors: GroupVectors, terms: Sequence[str]) -> np.ndarray:
    """BM25 score of the query against every unit group, divided by the best (0..1).

    A term the query repeats counts 1 + log(count) times: a task list that says "patients" in
    six tasks leans to health care without one word outweighing the rest.
    """
    out = np.zeros(vectors.n_groups, dtype=np.float32)
    counts: dict[int, int] = {}
    for term in terms:
        t = vectors.vocab.get(term)
        if t is not None:
            counts[t] = counts.get(t, 0) + 1
    for t, c in counts.items():
        lo, hi = vectors.indptr[t], vectors.indptr[t + 1]
        out[vectors.groups[lo:hi]] += (1.0 + np.log(c)) * vectors.weights[lo:hi]
    peak = float(out.max())
    return out / peak if peak > 0 else out


def distinctive_mean(per_duty: np.ndarray) -> np.ndarray:
    """Mean over duties (rows) of their per-group scores, each duty weighted by how much it
    tells groups apart (its best group's score minus its mean): "maintain records" or "ensure
    safety" fit every occupation and should not decide between them."""
    spread = per_duty.max(axis=1) - per_duty.mean(axis=1)
    total = float(spread.sum())
    if total <= 0:
        return per_duty.mean(axis=0)
    return (spread / total) @ per_duty


def top_share_mean(per_duty: np.ndarray, share: float = 0.6) -> np.ndarray:
    """Per group, the mean of its best ``share`` of the duties' scores: a long task list is not
    penalised for the few tasks any occupation lists differently."""
    n = per_duty.shape[0]
    k = max(1, math.ceil(share * n))
    return np.partition(per_duty, n - k, axis=0)[n - k :].mean(axis=0)
