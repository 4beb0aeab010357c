"""Invoices (self-employment evidence): issuer, client, number, dates, period, amount, GST/HST."""

from __future__ import annotations

import re

from nlp_models.normalize import find_date_ranges, find_money
from nlp_models.parse.context import Ctx, shift, trim
from nlp_models.parse.labels import label_date, label_text, label_value
from nlp_models.parse.parties import issuer
from nlp_models.parsed import Found, InvoiceFields, Money, Party

_CLIENT_HEAD = re.compile(
    r"^(?:bill(?:ed)?\s+to|client|customer|sold\s+to|"
    r"to|factur[ée]\s+[àa]|destinataire)\s*:?\s*(?P<rest>.*)$",
    re.I,
)
_TOTAL = re.compile(
    r"(?:total\s+(?:due|amount|payable)?|amount\s+due|"
    r"balance\s+due|grand\s+total|montant\s+(?:total|d[uû])|total\s+[àa]\s+payer)",
    re.I,
)
_GST = re.compile(r"\b\d{9}\s?R[TP]\s?\d{4}\b")


def parse_invoice(ctx: Ctx) -> InvoiceFields:
    party, _, _ = issuer(ctx)
    number = label_text(
        ctx,
        r"invoice\s*(?:no\.?|number|#)|inv\.?\s*(?:no\.?|"
        r"#)|facture\s*(?:no\.?|n[°o]|#)|num[ée]ro\s+de\s+facture",
    )
    if number is not None:
        number = Found(value=number.value.split()[0], where=number.where)
    gst = _GST.search(ctx.text)
    period = _period(ctx)
    return InvoiceFields(
        issuer=party,
        client=_client(ctx),
        number=number,
        issue_date=label_date(
            ctx, r"invoice\s+date|date\s+of\s+issue|issue\s+date|date\s+de\s+(?:la\s+)?facture|date"
        ),
        period_start=period[0] if period else None,
        period_end=period[1] if period else None,
        amount=_amount(ctx),
        gst_hst_number=ctx.found(gst.group(0), gst.start(), gst.end()) if gst else None,
    )


def _client(ctx: Ctx) -> Party:
    for ln in ctx.lines:
        m = _CLIENT_HEAD.match(ln.text)
        if m is None or ln.text.lower().startswith("total"):
            continue
        rest = m.group("rest").strip()
        if rest:
            s = ln.end - len(rest)
            return Party(legal_name=ctx.found(rest, s, ln.end))
        nxt = ctx.lines[ln.index + 1] if ln.index + 1 < len(ctx.lines) else None
        if nxt is not None:
            return Party(legal_name=ctx.found(nxt.text, nxt.start, nxt.end))
    return Party()


def _period(ctx: Ctx) -> tuple[Found, Found] | None:
    span = label_value(
        ctx,
        r"(?:service\s+|billing\s+)?period|p[ée]riode(?:\s+de\s+facturation)?|"
        r"services?\s+(?:rendered|provided)",
    )
    lo, hi = span if span else (0, len(ctx.text))
    for r in find_date_ranges(ctx.text[lo:hi], country=ctx.country, prefer=ctx.prefer):
        r = shift(r, lo)
        if r.end_date is not None:
            return (
                ctx.found(r.start_date.value, r.start_date.start, r.start_date.end),
                ctx.found(r.end_date.last_day, r.end_date.start, r.end_date.end),
            )
    return None


def _amount(ctx: Ctx) -> Found[Money] | None:
    best = None
    for ln in ctx.lines:
        if not _TOTAL.search(ln.text) or re.search(r"sub\s*-?total", ln.text, re.I):
            continue
        found = find_money(ln.text, country=ctx.country)
        if found:
            best = (ln, found[-1])
        else:
            nums = re.findall(r"\d[\d,.']*\d", ln.text)
            if nums:
                from nlp_models.parse.grids import number

                v = number(nums[-1])
                if v is not None:
                    s = ln.start + ln.text.rfind(nums[-1])
                    money = Money(amount=v, currency=_currency(ctx))
                    best = (ln, (money, s, s + len(nums[-1])))
    if best is None:
        return None
    ln, m = best
    if isinstance(m, tuple):
        return ctx.found(m[0], m[1], m[2])
    s, e = trim(ctx.text, ln.start + m.start, ln.start + m.end)
    return ctx.found(Money(amount=float(m.amount), currency=m.currency or _currency(ctx)), s, e)


def _currency(ctx: Ctx) -> str | None:
    m = re.search(r"\b(CAD|USD|EUR|GBP|INR|PHP|NGN|BRL)\b", ctx.text)
    if m:
        return m.group(1)
    if "$" in ctx.text and ctx.country == "CA":
        return "CAD"
    return None
