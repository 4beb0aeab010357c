"""Each position's duties against NOC 2021: what the matcher says, for the checks and the report."""

from __future__ import annotations

from checks.models import Fact, NocCandidate, NocInfo, Position, Quote
from nlp_models.noc.concordance import resolve_claimed
from nlp_models.noc.copying import copied_duties
from nlp_models.noc.index import NocIndex
from nlp_models.noc.match import match_position
from pipeline.report import NocReport


def match_noc(
    index: NocIndex, position: Position, claimed: str | None, language: str = "en"
) -> tuple[NocInfo, NocReport] | None:
    title = position.title.value if position.title else None
    duties = [d.value for d in position.duties]
    if not title and not duties:
        return None
    if language not in ("en", "fr"):
        return _unmatched(
            index, claimed, "the duties are in neither English nor French, the languages of the NOC"
        )
    match = match_position(index, title, duties, claimed=claimed, language=language)
    codes = [c.code for c in match.candidates[:1]]
    if match.claimed is not None:
        codes += list(match.claimed.codes)
    # The NOC main duties are held in English only: a French list is neither aligned duty by
    # duty (R-SKILL-2) nor checked for copying; those measures stay "not assessed".
    english = language == "en"
    copied = copied_duties(index, duties, codes) if duties and english else None
    by_text = {d.value: d.quote for d in position.duties}
    top = match.candidates[0] if match.candidates else None
    # R-SKILL-2 is assessed against the claimed unit group when there is one.
    assessed = match.claimed_candidate or top
    # The TEER the title alone suggests (R-SKILL-4): the best title-only match's.
    best_title = match.title_best[0] if match.title_best else None
    title_teer = best_title.teer if best_title is not None and best_title.score > 0 else None
    info = NocInfo(
        claimed=Fact(value=claimed) if claimed else None,
        claimed_2021=match.claimed.codes[0] if match.claimed and match.claimed.codes else None,
        candidates=tuple(
            NocCandidate(
                code=c.code,
                title=c.title,
                teer=c.teer,
                score=c.score,
                matched_duties=len(c.matched_duties),
            )
            for c in match.candidates
        ),
        abstain=match.abstain,
        tied=match.tied,
        duty_coverage=assessed.main_duty_coverage if assessed and duties and english else None,
        lead_statement_covered=(
            assessed.lead_statement_covered if assessed and duties and english else None
        ),
        copied_share=copied.share if copied else None,
        copied_duties=tuple(
            by_text.get(d.duty) or Quote(document=position.sources[0], text=d.duty)
            for d in (copied.duties if copied else ())
            if d.near_verbatim
        ),
        title_teer=title_teer,
        duty_candidates=tuple(
            NocCandidate(code=c.code, title=c.title, teer=c.teer, score=c.score)
            for c in match.duty_candidates
        ),
    )
    report = NocReport(
        claimed=match.claimed,
        candidates=match.candidates,
        abstain=match.abstain,
        abstain_reason=match.abstain_reason,
        claimed_candidate=match.claimed_candidate,
        copied=copied,
        confidence=match.confidence,
        duties_assessed=english,
    )
    return info, report


def _unmatched(index: NocIndex, claimed: str | None, reason: str) -> tuple[NocInfo, NocReport]:
    """No wording comparison is possible: the claim stands alone, and nothing is measured."""
    resolved = resolve_claimed(index, claimed) if claimed else None
    info = NocInfo(
        claimed=Fact(value=claimed) if claimed else None,
        claimed_2021=resolved.codes[0] if resolved and resolved.codes else None,
        abstain=True,
    )
    return info, NocReport(claimed=resolved, abstain=True, abstain_reason=reason)
