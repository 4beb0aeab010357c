"""Tax slips: T4 (box 14 employment income, box 10 province), T4A (box 048 fees for services)
and the Notice of Assessment (total income)."""

from __future__ import annotations

import re

from nlp_models.normalize import parse_region
from nlp_models.parse.context import Ctx
from nlp_models.parse.grids import number
from nlp_models.parse.labels import label_text
from nlp_models.parse.parties import issuer
from nlp_models.parsed import Found, Party, TaxSlipFields

_AMOUNT = r"(?P<a>\$?\s?\d{1,3}(?:[,\s]\d{3})*(?:[.,]\d{2})|\$?\s?\d+(?:[.,]\d{2}))"
_BOX14 = re.compile(
    rf"(?:(?:box|case)\s*14\b|\b14\b)?[^\n\d]{{0,6}}(?:employment\s+income|"
    rf"revenus\s+d['’]emploi)[^\n\d]{{0,20}}?{_AMOUNT}"
    rf"|(?:box|case)\s*14\b[^\n\d]{{0,30}}{_AMOUNT.replace('?P<a>', '?P<b>')}",
    re.I,
)
_BOX48 = re.compile(
    rf"(?:(?:box|case)\s*0?48\b|\b048\b)[^\n\d]{{0,40}}?{_AMOUNT}|"
    rf"fees\s+for\s+services[^\n\d]{{0,20}}?{_AMOUNT.replace('?P<a>', '?P<b>')}",
    re.I,
)
_TOTAL_INCOME = re.compile(
    rf"total\s+income(?:\s*\(?line\s*15000\)?)?[^\n\d]{{0,20}}?(?:15000\s+)?{_AMOUNT}", re.I
)
_PROVINCE = re.compile(
    r"(?:(?:box|case)\s*10\b|province\s+of\s+employment|province\s+d['’]emploi)[^\n]{0,30}?"
    r"\b(?P<p>(?-i:[A-Z]{2}))\b",
    re.I,
)
_YEAR = re.compile(
    r"(?:\b(?:tax\s+)?year|ann[ée]e(?:\s+d['’]imposition)?)\s*[:\-]?\s*(?P<y>(?:19|"
    r"20)\d{2})\b|\bfor\s+(?:the\s+)?(?P<y2>(?:19|20)\d{2})\s+tax\s+year",
    re.I,
)


def parse_tax_slip(ctx: Ctx) -> TaxSlipFields:
    text = ctx.text
    slip = _slip(ctx)
    fields: dict = {"slip": slip}
    m = _YEAR.search(text)
    if m:
        g = "y" if m.group("y") else "y2"
        fields["tax_year"] = ctx.found(int(m.group(g)), m.start(g), m.end(g))
    name = label_text(
        ctx,
        r"employer['’]?s?\s+name|payer['’]?s?\s+name|nom\s+de\s+l['’]employeur|nom\s+du\s+payeur",
    )
    fields["employer"] = Party(legal_name=name) if name else issuer(ctx)[0]
    for key, rx in (("employment_income", _BOX14), ("fees_for_services", _BOX48)):
        mm = rx.search(text)
        if mm:
            g = "a" if mm.group("a") else "b"
            v = number(mm.group(g).replace(" ", ""))
            if v is not None:
                fields[key] = ctx.found(v, mm.start(g), mm.end(g))
    if slip is not None and slip.value == "NOA":
        mm = _TOTAL_INCOME.search(text)
        if mm:
            v = number(mm.group("a").replace(" ", ""))
            if v is not None:
                fields["employment_income"] = ctx.found(v, mm.start("a"), mm.end("a"))
    p = _PROVINCE.search(text)
    if p and parse_region(p.group("p")) is not None:
        fields["province"] = ctx.found(p.group("p"), p.start("p"), p.end("p"))
    return TaxSlipFields(**fields)


def _slip(ctx: Ctx) -> Found | None:
    for value, rx in (
        ("NOA", r"notice\s+of\s+(?:re)?assessment|avis\s+de\s+(?:nouvelle\s+)?cotisation"),
        ("T4A", r"\bT4A\b"),
        (
            "T4",
            r"\bT4\b|statement\s+of\s+remuneration\s+paid|"
            r"[ée]tat\s+de\s+la\s+r[ée]mun[ée]ration\s+pay[ée]e",
        ),
    ):
        m = re.search(rx, ctx.text, re.I)
        if m:
            return ctx.found(value, m.start(), m.end())
    return None
