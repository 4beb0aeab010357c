"""Result models of NOC matching (pydantic, frozen): what the matcher and copy check return."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DutyMatch(_Model):
    """One claimed duty and the NOC main duty of a candidate unit group it matched best."""

    duty: str
    noc_duty: str
    score: float = Field(ge=0, le=1)
    essential: bool  # False for NOC duties starting with "May" (R-SKILL-3)


class NocCandidate(_Model):
    code: str
    title: str
    teer: int = Field(ge=0, le=5)
    score: float = Field(ge=0, le=1)
    title_score: float = Field(ge=0, le=1)
    lead_score: float = Field(ge=0, le=1)
    duty_score: float = Field(ge=0, le=1)  # how well the claimed duties fit this group's duties
    main_duty_coverage: float = Field(ge=0, le=1)  # share of essential main duties covered
    lead_statement_covered: bool
    matched_duties: tuple[DutyMatch, ...] = ()


class ConcordanceTarget(_Model):
    code: str
    title: str
    teer: int = Field(ge=0, le=5)
    change: str  # GSIM type of change, e.g. "RC4.1 - Breakdown"


class ClaimedCode(_Model):
    """A NOC code as written in a document or case.toml, resolved to NOC 2021."""

    raw: str
    version: Literal["2021", "2016", "unknown"]
    valid: bool
    codes: tuple[str, ...] = ()  # NOC 2021 unit groups it stands for (several when 2016 splits)
    targets: tuple[ConcordanceTarget, ...] = ()
    split: bool = False
    title_2016: str | None = None
    message: str = ""


class NocMatch(_Model):
    """Top-k NOC 2021 candidates for one position."""

    title: str | None
    duties: tuple[str, ...]
    candidates: tuple[NocCandidate, ...]
    abstain: bool
    abstain_reason: str | None = None
    # The codes too close to call, when a near tie is why it abstained (best first).
    tied: tuple[str, ...] = ()
    claimed: ClaimedCode | None = None
    claimed_candidate: NocCandidate | None = None  # the claimed group scored the same way
    claimed_rank: int | None = None  # 1-based rank of the claimed group among all 516
    # P(the top code is right) at this score and margin, measured on O*NET occupations
    # (nlp_models.noc.calibration); None for French (not measured) or no candidates.
    confidence: float | None = Field(default=None, ge=0, le=1)
    # The same ranking on the duties alone (R-SKILL-4: the duties decide): the best groups
    # by duty evidence, for the TEER and claim checks. Empty without duties.
    duty_candidates: tuple[NocCandidate, ...] = ()
    # The best group by the title alone (R-SKILL-4: the TEER the title suggests). Empty
    # without a title.
    title_best: tuple[NocCandidate, ...] = ()


class CopiedDuty(_Model):
    duty: str
    code: str | None
    noc_text: str | None
    score: float = Field(ge=0, le=1)
    near_verbatim: bool


class CopyReport(_Model):
    """Near-verbatim reproduction of NOC text (R-FLAG-1)."""

    codes: tuple[str, ...]
    duties: tuple[CopiedDuty, ...]
    copied: int
    share: float = Field(ge=0, le=1)
    threshold: float
