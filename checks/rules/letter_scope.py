"""What the letters cover: several positions in one letter, a position with no letter, a claimed
position that no document shows (R-LTR-5, R-LTR-9)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.context import Context
from checks.models import DocKind
from checks.registry import Hit, rule
from checks.rules.common import (
    EE,
    INFO,
    B,
    E,
    W,
    claim_shows,
    has_contract,
    letter_hit,
    position_hit,
)


@rule(
    "EV122",
    "letter.multiple_positions",
    INFO,
    programs=EE,
    cites=["R-LTR-5"],
    summary="One letter lists several positions",
    what="Notes letters that list several positions; each is assessed on its own.",
    why="IRCC asks for every position at the employer, each listed separately (R-LTR-5).",
    example="'Junior Analyst (2019-2021), then Analyst (2021-2024).'",
    fix="Nothing to fix; check each position's own findings.",
)
def multiple_positions(ctx: Context) -> Iterator[Hit]:
    for lt in ctx.case.letters:
        ps = ctx.positions_stated_in(lt.document)
        # One job worked in seasons or term contracts ("deckhand, April to November each year")
        # is one position over several periods, not several positions.
        if len({p.title.value.lower() if p.title else p.id for p in ps}) > 1:
            titles = ", ".join(p.title.value if p.title else "untitled" for p in ps)
            yield letter_hit(
                lt, f"The letter lists {len(ps)} positions ({titles}); each is assessed separately."
            )


@rule(
    "EV123",
    "letter.no_letter",
    B,
    programs=EE,
    cites=["R-LTR-9"],
    summary="A claimed position has no reference letter",
    what="Every declared period of work has its own reference letter.",
    why="Each declared work experience needs its own proof (R-LTR-9); substitutes (contract, pay "
    "records and an explanation letter) are at the officer's discretion [UNC].",
    example="A job claimed on the intake form, with only pay stubs in the folder.",
    fix="Ask the employer for a reference letter; if impossible, supply the contract, pay records "
    "and a letter of explanation.",
)
def no_letter(ctx: Context) -> Iterator[Hit]:
    loe = ctx.has_kind(DocKind.EXPLANATION_LETTER)
    for p in ctx.case.positions:
        if p.letter is not None:
            continue
        substitutes = bool(ctx.pay_records(p)) or has_contract(ctx, p)
        if substitutes and loe:
            yield position_hit(
                ctx,
                p,
                f"{ctx.label(p)}: no reference letter; substitutes and an explanation "
                "letter are on file (officer's discretion).",
                severity=W,
                disputed=True,
            )
        else:
            yield position_hit(ctx, p, f"{ctx.label(p)}: no reference letter for this position.")


@rule(
    "EV124",
    "letter.claimed_position_missing",
    E,
    programs=EE,
    cites=["R-LTR-5"],
    summary="A position claimed on the intake form is not in the documents",
    what="Each claim in case.toml matches a position found in the documents.",
    why="A position claimed but absent from the employer's letter is unsupported (R-LTR-5).",
    example="case.toml claims 'Team Lead' at Acme; Acme's letter lists only 'Developer'.",
    fix="Ask the employer to list every position held, or correct the claim.",
)
def claimed_position_missing(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        if not any(claim_shows(ctx, claim, p) for p in ctx.case.positions):
            title = f"{claim.title!r} at " if claim.title else ""
            yield Hit(
                f"The claimed position {title}{claim.employer!r} was not found in the documents.",
                subject=claim.employer,
            )
