"""NOC codes: which code a position is assessed under, its version, TEER and skill level."""

from __future__ import annotations

from checks.models import Position
from checks.params import Policy


def is_noc2016(code: str) -> bool:
    return len(code) == 4 and code.isdigit()


def is_noc2021(code: str) -> bool:
    return len(code) == 5 and code.isdigit()


def teer(code: str) -> int | None:
    """TEER of a NOC 2021 code: its second digit."""
    return int(code[1]) if is_noc2021(code) else None


def skill_level_2016(code: str) -> str | None:
    """NOC 2016 skill type 0 or level A/B/C/D from a 4-digit code."""
    if not is_noc2016(code):
        return None
    if code[0] == "0":
        return "0"
    return {"0": "A", "1": "A", "2": "B", "3": "B", "4": "C", "5": "C", "6": "D", "7": "D"}.get(
        code[1]
    )


def position_code(p: Position) -> str | None:
    """The code the position is assessed under: the claim (converted to 2021 when known), else the
    matcher's best candidate unless it abstained."""
    if p.noc is None:
        return None
    if p.noc.claimed is not None:
        claimed = p.noc.claimed.value.strip()
        return p.noc.claimed_2021 or claimed
    if p.noc.candidates and not p.noc.abstain:
        return p.noc.candidates[0].code
    return None


def is_skilled(code: str | None, policy: Policy) -> bool | None:
    """R-SKILL-1: skilled by the NOC version in force on the application date. None: unknown."""
    if code is None:
        return None
    if is_noc2021(code):
        t = teer(code)
        return t is not None and t <= policy.value("skilled_max_teer")
    if is_noc2016(code):
        level = skill_level_2016(code)
        if level is None:
            return None
        # After the switch a 2016 code cannot be placed without the concordance: judge it by its
        # 2016 level meanwhile; noc.2016_code asks for re-coding.
        return level in {"0", "A", "B"}
    return None


def tied_skill(p: Position, policy: Policy) -> bool | None:
    """Skilled or not when no code is known but the matcher's near tie is between codes of one
    side of the skilled line (11101 or 10010: TEER 1 or 0). None when the tie crosses it, or
    there is no tie."""
    if p.noc is None or len(p.noc.tied) < 2:
        return None
    levels = {is_skilled(code, policy) for code in p.noc.tied}
    return levels.pop() if len(levels) == 1 else None


def claim_contradicted(p: Position, policy: Policy) -> bool:
    """R-SKILL-2/R-SKILL-4: the duties fail the claimed NOC's test and clearly fit an unskilled
    group instead. The claim's lead statement is not covered, the matcher's confident best
    candidate is another, TEER 4/5 group, and the claim is either not among the candidates or
    covers fewer of its main duties than 95 in 100 honest letters reach by wording
    (duty_coverage_by_wording). The claim alone then cannot show skilled work."""
    noc = p.noc
    if noc is None or noc.claimed is None or noc.abstain or not noc.candidates:
        return False
    claimed = position_code(p)
    top = noc.candidates[0]
    if top.code == claimed or top.teer is None or top.teer <= policy.value("skilled_max_teer"):
        return False
    if noc.lead_statement_covered is not False:
        return False
    if claimed not in {c.code for c in noc.candidates}:
        return True
    coverage = noc.duty_coverage
    return coverage is not None and coverage < policy.value("duty_coverage_by_wording")
