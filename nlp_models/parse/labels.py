"""Labelled values: "Label: value" lines (and "Label<TAB>value" rows from DOCX tables)."""

from __future__ import annotations

import re

from nlp_models.parse.context import Ctx, trim
from nlp_models.parsed import Found

_SEP = r"\s*(?:[:\t=]|\s-\s|\s{2,})\s*"


def label_value(ctx: Ctx, label: str, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    """Span of the value after the first line starting with `label` (a regex)."""
    rx = re.compile(rf"^(?:{label}){_SEP}(?P<v>\S.*)$", re.I)
    hi = len(ctx.text) if hi is None else hi
    for ln in ctx.lines_in(lo, hi):
        m = rx.match(ln.text)
        if m:
            s, e = trim(ctx.text, ln.start + m.start("v"), ln.start + m.end("v"))
            if e > s:
                return s, e
    return None


def label_text(ctx: Ctx, label: str, lo: int = 0, hi: int | None = None) -> Found[str] | None:
    span = label_value(ctx, label, lo, hi)
    if span is None:
        return None
    return ctx.found(re.sub(r"\s+", " ", ctx.text[span[0] : span[1]]), *span)


def label_date(ctx: Ctx, label: str, lo: int = 0, hi: int | None = None) -> Found | None:
    span = label_value(ctx, label, lo, hi)
    if span is None:
        return None
    dates = ctx.dates(*span)
    if not dates:
        return None
    d = dates[0]
    return ctx.found(d.value, d.start, d.end)


# A weekday written before the date ("will begin on Monday, June 5, 2023", "le lundi 5 juin").
_WEEKDAY = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+|(?:lundi|mardi|mercredi|jeudi|vendredi|"
    r"samedi|dimanche)\s+(?:le\s+)?",
    re.I,
)


def phrase_date(
    ctx: Ctx,
    phrase: str,
    lo: int = 0,
    hi: int | None = None,
    *,
    unless_before: str | None = None,
) -> Found | None:
    """The date right after a phrase in running text ("completed on April 30, 2021").

    ``unless_before``: skip a phrase whose sentence so far matches it (the "until" of "work
    permit valid until April 2026" is the permit's, not the job's)."""
    hi = len(ctx.text) if hi is None else hi
    for m in re.finditer(rf"(?:{phrase})\s*", ctx.text[lo:hi], re.I):
        s = lo + m.end()
        if unless_before is not None:
            lead = ctx.text[max(lo, lo + m.start() - 80) : lo + m.start()]
            lead = re.split(r"[.;:]\s", lead)[-1]
            if re.search(unless_before, lead, re.I):
                continue
        day = _WEEKDAY.match(ctx.text, s, hi)
        if day is not None:
            s = day.end()
        dates = ctx.dates(s, min(hi, s + 40))
        if dates and dates[0].start - s <= 3:
            d = dates[0]
            return ctx.found(d.value, d.start, d.end)
    return None
