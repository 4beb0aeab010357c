"""What several rule modules share: the Express Entry programs, the severities, the two shapes of
a hit (on a letter, on a position) and the evidence on file for a position. It registers no rule."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, utils

from checks.context import Context
from checks.findings import Severity
from checks.models import Claim, DocKind, Letter, Position, Program
from checks.registry import Hit

EE = (Program.CEC, Program.FSW, Program.FST, Program.CRS, Program.CBS)
W, E, B, INFO = Severity.WARNING, Severity.ERROR, Severity.BLOCKER, Severity.INFO


def similar(a: str, b: str, threshold: int) -> bool:
    """The two names are alike (token set ratio, case and punctuation folded) at the threshold."""
    return fuzz.token_set_ratio(a, b, processor=utils.default_process) >= threshold


def claim_shows(ctx: Context, claim: Claim, p: Position) -> bool:
    """The position is the claimed one: the same employer, and the same title if both give one."""
    if not similar(claim.employer, ctx.employer_name(p), 85):
        return False
    return claim.title is None or p.title is None or similar(claim.title, p.title.value, 80)


def letter_hit(lt: Letter, message: str, **kw: Any) -> Hit:
    """A hit about one letter as a whole, naming it (a case often holds several letters)."""
    return Hit(f"{lt.document}: {message}", documents=(lt.document,), subject=lt.document, **kw)


def position_hit(ctx: Context, p: Position, message: str, **kw: Any) -> Hit:
    """A hit about one position, on the documents that state it."""
    return Hit(message, documents=ctx.documents(p), subject=p.id, **kw)


def has_contract(ctx: Context, p: Position) -> bool:
    """An employment contract is among the position's documents."""
    return any(d.kind is DocKind.CONTRACT and d.path in p.sources for d in ctx.case.documents)


def remote_foreign_gaps(ctx: Context, p: Position) -> list[str]:
    """What is missing to support remote work from Canada for an employer outside Canada (R-FOR-3):
    the contract, the pay records from abroad, a letter of explanation."""
    missing = []
    if not has_contract(ctx, p):
        missing.append("a contract showing the employer's country")
    if not ctx.pay_records(p):
        missing.append("payroll or payment records from abroad")
    if not ctx.has_kind(DocKind.EXPLANATION_LETTER):
        missing.append("a letter of explanation")
    return missing
