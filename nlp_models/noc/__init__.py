"""NOC 2021 index and matcher: which unit group a position's title and duties describe."""

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
