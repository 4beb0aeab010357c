"""Character accuracy of a reading against the generator's truth (also used by bench/)."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein


def normalise(text: str) -> str:
    return " ".join(text.split())


def errors_and_length(truth_lines: list[str], text: str) -> tuple[int, int]:
    truth = normalise("\n".join(truth_lines))
    return Levenshtein.distance(truth, normalise(text)), len(truth)


def accuracy(pairs: list[tuple[list[str], str]]) -> float:
    """1 − (edit distance ÷ truth length), summed over every page given."""
    errors = length = 0
    for lines, text in pairs:
        e, n = errors_and_length(lines, text)
        errors, length = errors + e, length + n
    return 1 - errors / max(1, length)
