"""What a match score means: the probability that the top NOC code is right.

A score of 0.45 says little by itself; "right about 8 times in 10 at this score" does. The
probability comes from a logistic regression on the top score, its margin over the second code
and whether a title and duties were given, fitted on O*NET occupations mapped to NOC 2021 by
the public crosswalk (text the team did not write; bench/noc_calibration_fit.py, which writes
calibration_fit.py and measures the fit on held-out occupations).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

FEATURES = ("score", "margin", "has_title", "has_duties")


def features(top: float, second: float, has_title: bool, has_duties: bool) -> np.ndarray:
    import numpy as np  # here, not at the top: every command imports `in_words` at start-up

    return np.array([top, top - second, float(has_title), float(has_duties)])


def confidence(top: float, second: float, has_title: bool, has_duties: bool) -> float | None:
    """P(top code right), or None when no coefficients have been fitted."""
    try:
        from nlp_models.noc.calibration_fit import COEFFICIENTS
    except ImportError:
        return None
    x = features(top, second, has_title, has_duties)
    z = COEFFICIENTS["bias"] + sum(COEFFICIENTS[k] * v for k, v in zip(FEATURES, x, strict=True))
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def in_words(p: float) -> str:
    """ "right about 8 times in 10" (rounded to tenths, never "10 in 10" or "0 in 10")."""
    tenths = min(9, max(1, round(p * 10)))
    return f"right about {tenths} time{'s' if tenths > 1 else ''} in 10 at this score"
