"""A position's title from the numbered heading of its section ("1. Graduate Teaching
Assistant", "2. Sessional Lecturer (term contracts)"), for dates that stand below it in a table
or a sentence that does not repeat the title."""

from __future__ import annotations

import re

from nlp_models.parse.context import Ctx
from nlp_models.parse.titles import title_phrase

# "1. ", "2) ", "B. ", "IV. " at the start of a short line.
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[A-H]|[IVX]{1,4})[.)]\s+(?=[A-Z])")
_MAX_WORDS = 8  # a heading, not a numbered paragraph


def heading_title(ctx: Ctx, lo: int, pos: int) -> tuple[int, int] | None:
    """The title of the nearest numbered heading above `pos` (within lo..pos), when that
    heading reads as a job title (a head noun: "Lecturer", "Assistant")."""
    for line in reversed(ctx.lines_in(lo, pos)):
        m = _NUMBERED.match(line.text)
        if m is None:
            continue
        if len(line.text.split()) > _MAX_WORDS:
            continue  # a numbered paragraph ("1. Start date. Your employment will begin ...")
        found = title_phrase(ctx.text, line.start + m.end(), line.end)
        if found is None or found.score < 2:
            return None  # the section has a heading, and it names no position
        return found.start, found.end
    return None
