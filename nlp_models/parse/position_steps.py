"""Promotions inside one employment, and details stated apart from the position they belong to.

"She joined as Associate ... and was elevated to the position of Senior Associate with effect
from 01-04-2021" is two positions, split at that date, whatever period the letter states for
the whole employment. Later sentences such as "As Project Accountant, ..." or "In her present
role as Senior Associate, ..." carry that position's duties and pay even where another
position's text precedes them; "In both positions ..." states terms for every position.
"""

from __future__ import annotations

import re
from datetime import timedelta

from nlp_models.normalize.models import DateMatch
from nlp_models.parse.context import Ctx
from nlp_models.parse.position_anchors import ONGOING, Anchor, sentence_bounds, span_text
from nlp_models.parse.titles import find_title

_STEP = re.compile(
    r"\b(?:promoted|elevated|appointed|re-?designated|transferred|moved\s+up|upgraded)\s+"
    r"(?:to|as|into)\b|\bpromu(?:e)?\s+(?:au\s+poste\s+d[e'’]|comme)|\bascendid[oa]\s+a\b"
    r"|\bpromovid[oa]\s+a\b",
    re.I,
)
# A sentence that opens on a position's title: "As Associate, ...", "In her present role as
# Senior Associate, ...", "En tant que ...".
_MENTION = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=\n))[ \t]*(?:As|In\s+(?:his|her|their|this|that|the)\s+"
    r"(?:(?:present|current|previous|former|later|new|first)\s+)?(?:role|position|capacity|job|"
    r"post)\s+(?:as|of)|En\s+tant\s+qu[e'’]|Como)\s+(?:an?\s+|the\s+|our\s+)?",
)
_SHARED = re.compile(
    r"\b(?:both|all|each|either)\s+(?:of\s+(?:the|these|her|his|their)\s+)?(?:positions|roles|"
    r"jobs|posts|appointments|position|role)\b"
    # "for both the internship and the regular role"
    r"|\bboth\s+(?:the\s+|her\s+|his\s+)?(?:[\w-]+\s+){1,3}and\s+(?:the\s+|her\s+|his\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:roles?|positions?|jobs?|posts?|appointments?|internships?|contracts?)\b"
    r"|\bthroughout\s+(?:her|his|their)\s+"
    r"(?:employment|tenure|time\s+with\s+us)\b|\bdans\s+(?:les\s+deux|chacun\s+de\s+ses)\s+postes\b",
    re.I,
)


def step_anchors(ctx: Ctx, lo: int, hi: int) -> list[Anchor]:
    """A promotion's new title and its effective date, open-ended."""
    text = ctx.text
    out: list[Anchor] = []
    for m in _STEP.finditer(text, lo, hi):
        _, e = sentence_bounds(text, m.start(), lo, hi)
        title = find_title(text, m.start(), e + 1)
        if title is None or title.start < m.start():
            continue
        dates = ctx.dates(title.end, min(hi, e + 1))
        if not dates:
            continue
        d = dates[0]
        ongoing = ONGOING.search(text, d.end, min(hi, e + 1))
        present = (ongoing.start(), ongoing.end()) if ongoing else None
        out.append(Anchor(None, m.start(), (title.start, title.end), d, None, present))
    return out


def _day_before(d: DateMatch) -> DateMatch:
    return d.model_copy(update={"value": d.value - timedelta(days=1), "precision": "day"})


def apply_steps(ctx: Ctx, anchors: list[Anchor], steps: list[Anchor]) -> list[Anchor]:
    """Split the anchor whose period covers a promotion's date; add a promotion no anchor
    covers unless a stated period already starts on its date."""
    out = list(anchors)
    for step in sorted(steps, key=lambda a: a.start_date.value):  # type: ignore[union-attr]
        when = step.start_date.value  # type: ignore[union-attr]
        if any(a.start_date is not None and a.start_date.value == when for a in out):
            continue
        cover = next((a for a in out if _covers(a, when)), None)
        if cover is None:
            # "joined on May 10, 2021 as ... and was promoted ... effective March 1, 2023": the
            # open start before the promotion ends the day before it.
            before = [a for a in out if a.start_date and a.start_date.value < when and
                      a.end_date is None and a.present is None]  # fmt: skip
            if before:
                last = max(before, key=lambda a: a.start_date.value)  # type: ignore[union-attr]
                out[out.index(last)] = Anchor(last.rng, last.start, last.title, last.start_date,
                                              _day_before(step.start_date), None)  # type: ignore[arg-type]  # fmt: skip
            out.append(step)
            continue
        title = cover.title
        if title is None:  # "She joined the Company as Associate ... and was elevated to ..."
            found = find_title(ctx.text, cover.start, step.start)
            title = (found.start, found.end) if found is not None else None
        if (
            title is not None
            and span_text(ctx, title).lower() == span_text(ctx, step.title).lower()
        ):  # type: ignore[arg-type]
            continue  # a pay change or re-grade in the same title
        before = Anchor(
            cover.rng, cover.start, title, cover.start_date, _day_before(step.start_date), None
        )  # type: ignore[arg-type]
        after = Anchor(None, step.start, step.title, step.start_date, cover.end_date,
                       cover.present or step.present)  # fmt: skip
        out[out.index(cover)] = before
        out.append(after)
    return sorted(out, key=lambda a: a.start)


def _covers(a: Anchor, when) -> bool:
    if a.start_date is None or a.start_date.value >= when:
        return False
    if a.end_date is not None:
        return when <= a.end_date.last_day
    return a.present is not None


def mention_starts(ctx: Ctx, anchors: list[Anchor], lo: int, hi: int) -> list[tuple[int, int]]:
    """(text position, anchor index) of each sentence opening on an anchor's title. The title
    may be shortened to its first words ("As Associate" for "Associate - Financial
    Reporting"); the longest title that fits wins."""
    titles = [
        span_text(ctx, a.title).lower().split() if a.title is not None else [] for a in anchors
    ]
    out: list[tuple[int, int]] = []
    for m in _MENTION.finditer(ctx.text, lo, hi):
        words = re.findall(r"[\w&'’-]+", ctx.text[m.end() : m.end() + 80].lower())
        best = None
        for i, t in enumerate(titles):
            if t and words[: len(t)] == t:
                best = i if best is None or len(t) > len(titles[best]) else best
            elif t and len(words) > 0 and words[0] == t[0] and best is None:
                # "As Associate," for "Associate - Financial Reporting": the first word, then
                # punctuation, and no other title starts with it.
                rest = ctx.text[m.end() + len(t[0]) : m.end() + len(t[0]) + 1]
                if rest in (",", " ") and sum(1 for u in titles if u[:1] == t[:1]) == 1:
                    best = i
        if best is not None and m.start() > anchors[best].start:
            out.append((m.start(), best))
    return out


def shared_spans(ctx: Ctx, lo: int, hi: int, titles: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Sentences that state terms for every position ("In both positions her hours ..."), and
    the sentences that run on after one in its paragraph ("Both positions are full-time. Her
    schedule is 8 hours a day, ...") until one names a position."""
    out = []
    text = ctx.text
    names = [" ".join(t.lower().split()) for t in titles if t]
    for m in _SHARED.finditer(text, lo, hi):
        s, e = sentence_bounds(text, m.start(), lo, hi)
        while True:
            # The next sentence carries on the paragraph when it starts on the same line.
            nxt = e + 1
            while nxt < hi and text[nxt] in " \t":
                nxt += 1
            if nxt >= hi or nxt == e + 1 or not text[nxt].isupper():
                break
            _, end = sentence_bounds(text, nxt, lo, hi)
            said = " ".join(text[nxt:end].lower().split())  # a title may wrap across lines
            if any(n in said for n in names) or _SHARED.search(text, nxt, end):
                break
            e = end
        out.append((s, e + 1))
    return out
