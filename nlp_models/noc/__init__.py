"""NOC 2021 index and matcher: which unit group a position's title and duties describe.

Names load on first use (PEP 562): the result models are needed wherever a report is read or
written, the matcher (numpy, the stemmer) only where duties are matched.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nlp_models.noc.concordance import resolve_claimed
    from nlp_models.noc.copying import copied_duties
    from nlp_models.noc.index import NocIndex, build_index
    from nlp_models.noc.match import match_position
    from nlp_models.noc.models import (
        ClaimedCode,
        CopiedDuty,
        CopyReport,
        DutyMatch,
        NocCandidate,
        NocMatch,
    )

_WHERE = {
    "ClaimedCode": "models",
    "CopiedDuty": "models",
    "CopyReport": "models",
    "DutyMatch": "models",
    "NocCandidate": "models",
    "NocMatch": "models",
    "NocIndex": "index",
    "build_index": "index",
    "copied_duties": "copying",
    "match_position": "match",
    "resolve_claimed": "concordance",
}

__all__ = [
    "ClaimedCode",
    "CopiedDuty",
    "CopyReport",
    "DutyMatch",
    "NocCandidate",
    "NocIndex",
    "NocMatch",
    "build_index",
    "copied_duties",
    "match_position",
    "resolve_claimed",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(import_module(f"nlp_models.noc.{module}"), name)
