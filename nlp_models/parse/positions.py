"""Positions in a letter or contract: title, period, hours, pay, benefits, duties, location.

A position is anchored on a period or on labelled fields (position_anchors.py). Each anchor
owns the text up to the next one; hours, pay, duties and benefits are read inside that segment
(position_terms.py), so a letter describing a promotion yields two positions with their own
terms.
"""

from __future__ import annotations

import re

from nlp_models.normalize.seasons import find_seasons
from nlp_models.parse.context import Ctx
from nlp_models.parse.duties import DUTIES_HEAD, parse_duties
from nlp_models.parse.pay_terms import position_pay, unpaid_pay
from nlp_models.parse.position_anchors import (
    LABEL_TITLE,
    Anchor,
    find_anchors,
    joined_anchor,
    label_in,
    labelled_anchor,
    title_in,
)
from nlp_models.parse.position_headings import heading_title
from nlp_models.parse.position_steps import (
    apply_steps,
    mention_starts,
    shared_spans,
    step_anchors,
)
from nlp_models.parse.position_terms import (
    fill_missing,
    hours_terms,
    letter_level,
    read_benefits,
    read_location,
    read_relationship,
    read_remote,
)
from nlp_models.parse.titles import singular_title
from nlp_models.parsed import Position, updated


def parse_positions(ctx: Ctx, lo: int, hi: int) -> list[Position]:
    """Every position described in text[lo:hi]."""
    anchors = find_anchors(ctx, lo, hi)
    if not anchors:
        labelled = labelled_anchor(ctx, lo, hi) or joined_anchor(ctx, lo, hi)
        anchors = [labelled] if labelled is not None else []
    steps = step_anchors(ctx, lo, hi)
    if steps:
        anchors = apply_steps(ctx, anchors, steps)
    if not anchors:
        # A title and no period ("has fished as a deckhand on my boat"): one undated position
        # whose terms are read from the whole letter.
        titled = title_in(ctx, lo, hi)
        if titled is None:
            return []
        anchors = [Anchor(None, lo, titled, None, None, None)]
    doc_title = title_in(ctx, lo, hi) if any(a.title is None for a in anchors) else None
    chunks = _chunks(ctx, anchors, lo, hi)
    out: list[Position] = []
    for i, a in enumerate(anchors):
        own = chunks[i][0]
        title = (
            a.title or heading_title(ctx, lo, a.start) or (doc_title if len(anchors) == 1 else None)
        )
        if title is None:
            title = label_in(ctx, LABEL_TITLE, lo if i == 0 else a.start, own[1], "t")
        p = build_position(ctx, a, title, *own)
        for c in chunks[i][1:]:
            p = _with_terms(p, build_position(ctx, _BARE, None, *c), duties=True)
        out.append(p)
    titles = tuple(p.title.value for p in out if p.title)
    for s, e in shared_spans(ctx, lo, hi, titles) if len(out) > 1 else ():
        both = build_position(ctx, _BARE, None, s, e)
        out = [_with_terms(p, both, duties=False) for p in out]
    out = letter_level(ctx, lo, anchors[0].start, out)
    if len(out) > 1:
        out = _duties_by_heading(ctx, lo, hi, out)
    shared = read_benefits(ctx, anchors[-1].start, hi) if out else None
    if shared is not None and len(out) > 1:
        # Benefits stated once after the positions apply to all of them.
        out = [fill_missing(p, {"benefits": shared}) for p in out]
    return _by_season(ctx, lo, hi, out)


def _by_season(ctx: Ctx, lo: int, hi: int, out: list[Position]) -> list[Position]:
    """One undated position and a statement of seasons ("April to November each year
    2021-2024"): a position per season, the months between them not worked."""
    if len(out) != 1 or out[0].start is not None:
        return out
    found = find_seasons(ctx.text[lo:hi])
    if not found:
        return out
    s, e = lo + found[0].start, lo + found[0].end
    return [
        updated(
            out[0],
            start=ctx.found(season.start, s, e),
            start_precision="month",
            end=ctx.found(season.end, s, e),
            end_precision="month",
            is_current=ctx.found(False, s, e),
        )
        for season in found[0].seasons
    ]


_BARE = Anchor(None, 0, None, None, None, None)  # terms only: no title, no period
_TERMS = (
    "hours_per_week", "hours_per_week_max", "hours_text", "pay", "benefits", "remote",
    "work_location", "relationship",
)  # fmt: skip


def _chunks(ctx: Ctx, anchors: list[Anchor], lo: int, hi: int) -> list[list[tuple[int, int]]]:
    """The spans of text each anchor owns: from its start to the next anchor's start, plus the
    sentences that open on its title further on ("As Project Accountant, ...")."""
    bounds = sorted(
        [(a.start, i) for i, a in enumerate(anchors)] + mention_starts(ctx, anchors, lo, hi)
    )
    out: list[list[tuple[int, int]]] = [[] for _ in anchors]
    for j, (pos, i) in enumerate(bounds):
        end = bounds[j + 1][0] if j + 1 < len(bounds) else hi
        out[i].append((pos, end))
    return out


def _with_terms(p: Position, extra: Position, *, duties: bool) -> Position:
    """Terms of `extra` that `p` lacks; its duties too when they are the same position's."""
    p = fill_missing(p, {k: getattr(extra, k) for k in _TERMS})
    if duties and extra.duties:
        seen = {d.value for d in p.duties}
        more = tuple(d for d in extra.duties if d.value not in seen)
        p = updated(p, duties=p.duties + more) if more else p
    return p


def _duties_by_heading(ctx: Ctx, lo: int, hi: int, out: list[Position]) -> list[Position]:
    """Duties listed under a heading that names a position ("As Hardware Design Engineer his
    duties were:") belong to that position, wherever the table of positions put its rows."""
    heads: list[tuple[int, int]] = []  # (line index, position index)
    for ln in ctx.lines_in(lo, hi):
        if not DUTIES_HEAD.search(ln.text) or len(ln.text.split()) > 14:
            continue
        low = ln.text.lower()
        k = next((i for i, p in enumerate(out) if p.title and p.title.value.lower() in low), None)
        if k is not None:
            heads.append((ln.index, k))
    if not heads:
        return out
    out = list(out)
    for n, (index, k) in enumerate(heads):
        start = ctx.lines[index].start
        end = ctx.lines[heads[n + 1][0]].start if n + 1 < len(heads) else hi
        duties = parse_duties(ctx, start, end)
        if duties:
            out[k] = Position(**{**dict(out[k]), "duties": tuple(duties)})
    # A position whose heading came later keeps no duties of another's list.
    named = {k for _, k in heads}
    taken = {d.value for k in named for d in out[k].duties}
    return [
        p if i in named else Position(**{**dict(p), "duties": tuple(d for d in p.duties
                                                                  if d.value not in taken)})
        for i, p in enumerate(out)
    ]  # fmt: skip


def _first_detail(ctx: Ctx, lo: int, start: int) -> int:
    # The first position's segment starts at its anchor; details stated before it in the same
    # paragraph are rare, so the anchor is kept.
    return start


def build_position(
    ctx: Ctx, a: Anchor, title: tuple[int, int] | None, lo: int, hi: int
) -> Position:
    text = ctx.text
    fields: dict = {}
    if title is not None:
        s, e = title
        fields["title"] = ctx.found(singular_title(re.sub(r"\s+", " ", text[s:e])), s, e)
    if a.start_date is not None:
        d = a.start_date
        fields["start"] = ctx.found(d.value, d.start, d.end)
        fields["start_precision"] = d.precision
    if a.end_date is not None:
        d = a.end_date
        value = d.last_day if d.precision != "day" else d.value
        fields["end"] = ctx.found(value, d.start, d.end)
        fields["end_precision"] = d.precision
        # An end date says the position is over.
        fields["is_current"] = ctx.found(False, d.start, d.end)
    elif a.present is not None:
        fields["is_current"] = ctx.found(True, *a.present)
    fields.update(hours_terms(ctx, lo, hi))
    relationship = read_relationship(ctx, lo, hi)
    if relationship is not None:
        fields["relationship"] = relationship
    pay = position_pay(ctx, lo, hi) or unpaid_pay(ctx, lo, hi)
    if pay is not None:
        fields["pay"] = pay
    benefits = read_benefits(ctx, lo, hi)
    if benefits is not None:
        fields["benefits"] = benefits
    fields["duties"] = tuple(parse_duties(ctx, lo, hi))
    remote = read_remote(ctx, lo, hi)
    if remote is not None:
        fields["remote"] = remote
    loc = read_location(ctx, lo, hi)
    if loc is not None:
        fields["work_location"] = loc
    return Position(**fields)
