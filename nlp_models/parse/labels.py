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


def phrase_date(ctx: Ctx, phrase: str, lo: int = 0, hi: int | None = None) -> Found | None:
    """The date right after a phrase in running text ("completed on April 30, 2021")."""
    hi = len(ctx.text) if hi is None else hi
    for m in re.finditer(rf"(?:{phrase})\s*", ctx.text[lo:hi], re.I):
        s = lo + m.end()
        dates = ctx.dates(s, min(hi, s + 40))
        if dates and dates[0].start - s <= 3:
            d = dates[0]
            return ctx.found(d.value, d.start, d.end)
    return None
