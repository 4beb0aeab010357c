"""Terms of a position that its letter leaves out but another document about the same position
states: an offer letter's or a contract's hours when the reference letter gives none."""

from __future__ import annotations

from checks.models import Fact, Position


def contract_hours(p: Position) -> tuple[Fact[float], str] | None:
    """(hours per week, document) when the letter states none and every statement of the same
    position that gives hours (offer, contract) gives the same number. The letter still lacks
    them (letter.missing_hours); the count uses what the employer signed meanwhile."""
    if p.hours_per_week is not None:
        return None
    given = [(s.hours_per_week, s.document) for s in p.statements if s.hours_per_week is not None]
    if not given or len({h.value for h, _ in given}) != 1:
        return None
    return given[0]
