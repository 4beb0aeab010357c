"""Resolve a claimed NOC code: 5-digit NOC 2021, or 4-digit NOC 2016 through the concordance."""

from __future__ import annotations

import re

from nlp_models.noc.index import NocIndex
from nlp_models.noc.models import ClaimedCode, ConcordanceTarget

_DIGITS = re.compile(r"\d+")
_VERSION_YEARS = {"2011", "2016", "2021"}


def resolve_claimed(index: NocIndex, raw: str) -> ClaimedCode:
    """Map what a document or case.toml says ("21232", "NOC 2173", "0112") to NOC 2021 codes.

    A NOC 2016 code that was split maps to every NOC 2021 target (``split`` is True).
    """
    runs = [r for r in _DIGITS.findall(raw or "")]
    if len(runs) > 1:  # "NOC 2016: 0112" -> the version year is not the code
        runs = [r for r in runs if r not in _VERSION_YEARS] or runs
    digits = runs[-1] if runs else ""
    if len(digits) == 5:
        ug = index.group(digits)
        if ug is None:
            return ClaimedCode(
                raw=raw,
                version="2021",
                valid=False,
                message=f"{digits} is not a NOC 2021 unit group",
            )
        target = ConcordanceTarget(code=ug.code, title=ug.title, teer=ug.teer, change="")
        return ClaimedCode(raw=raw, version="2021", valid=True, codes=(ug.code,), targets=(target,))
    if len(digits) == 4:
        mapped = index.concordance.get(digits, ())
        if not mapped:
            return ClaimedCode(
                raw=raw,
                version="2016",
                valid=False,
                message=f"{digits} is not a NOC 2016 unit group",
            )
        targets = tuple(
            ConcordanceTarget(
                code=c, title=index.groups[index.position[c]].title, teer=int(c[1]), change=change
            )
            for c, change in mapped
        )
        split = len(targets) > 1
        note = (
            f"NOC 2016 {digits} maps to {len(targets)} NOC 2021 unit groups; the duties decide"
            if split
            else f"NOC 2016 {digits} is NOC 2021 {targets[0].code}"
        )
        return ClaimedCode(
            raw=raw,
            version="2016",
            valid=True,
            codes=tuple(t.code for t in targets),
            targets=targets,
            split=split,
            title_2016=index.titles_2016.get(digits),
            message=note,
        )
    return ClaimedCode(
        raw=raw,
        version="unknown",
        valid=False,
        message="a NOC code has 5 digits (NOC 2021) or 4 digits (NOC 2016)",
    )
