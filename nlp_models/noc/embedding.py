"""Static word embeddings (WordLlama) for NOC matching: paraphrases that share no words.

"Walked customers through modem resets" and "troubleshoot hardware and software problems" share
no term, so the lexical views score them near zero; averaged token embeddings place them close.
The model ships inside the ``wordllama`` wheel (MIT code; 256-dim weights distilled from
Llama-2-family token embeddings) and is loaded from the package folder with downloads disabled,
so it never touches the network. Truncated to 64 dimensions (a Matryoshka model): on the external
benchmarks 64 dimensions score as well as 256, at a quarter of the index size.

When wordllama is not installed the matcher keeps its lexical-only path (``load_embedder``
returns None).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

MODEL = "wordllama-0.4/l2_supercat/64"  # recorded in the index: vectors and queries must agree
DIM = 64

Embed = Callable[[Sequence[str]], np.ndarray]


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    """L2-normalised rows (float32); an empty text's zero row stays zero instead of NaN."""
    matrix = np.nan_to_num(np.asarray(matrix, dtype=np.float32))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-9)


def available() -> bool:
    """Whether the packaged model is installed, without loading it (for cache keys)."""
    from importlib.util import find_spec

    spec = find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        return False
    from pathlib import Path

    folder = Path(next(iter(spec.submodule_search_locations)))
    return any((folder / "weights").glob("l2_supercat_256*.safetensors"))


@lru_cache(maxsize=1)
def load_embedder() -> Embed | None:
    """The packaged WordLlama model as a function texts -> unit vectors, or None if absent."""
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError:
        return None
    from pathlib import Path

    try:
        model = WordLlama.load(
            cache_dir=Path(wordllama.__file__).parent, disable_download=True, trunc_dim=DIM
        )
    except (FileNotFoundError, ValueError, OSError):
        return None

    def embed(texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return unit_rows(model.embed(list(texts), norm=False))

    return embed


def group_best(
    query: np.ndarray,
    rows: np.ndarray,
    offsets: np.ndarray,
    exclude_rows: Sequence[int | None] | None = None,
) -> np.ndarray:
    """Best cosine per unit group for each query vector (queries x groups, clipped to [0, 1]).

    ``exclude_rows[i]`` leaves one row out for query i (the leave-one-out bench).
    """
    sims = query @ rows.T
    for i, row in enumerate(exclude_rows or ()):
        if row is not None:
            sims[i, row] = 0.0
    return np.clip(np.maximum.reduceat(sims, offsets, axis=1), 0.0, 1.0)
