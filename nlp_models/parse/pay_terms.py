"""Pay of a position: an amount with its currency and period, from a sentence ("paid $36.50 per
hour", "salaire annuel ... 58 900 $") or a table cell under a pay header ("Monthly salary"); and
a stated unpaid arrangement."""

from __future__ import annotations

import re

from nlp_models.normalize import country_currency, find_money, resolve_currency
from nlp_models.parse.context import Ctx, shift
from nlp_models.parse.grids import number
from nlp_models.parse.table_cells import cells_under
from nlp_models.parsed import Found, Money

_UNPAID = re.compile(
    r"\bunpaid\b|no\s+(?:salary|wages?|remuneration|pay)\b|without\s+(?:pay|remuneration)"
    r"|non\s+r[ée]mun[ée]r[ée]|sans\s+r[ée]mun[ée]ration|b[ée]n[ée]vole",
    re.I,
)
# "works remotely from his home in Toronto, Ontario, Canada": the place the work is done.

_PAY_WORD = re.compile(
    r"salary|wage|pay|paid|earn|remunerat|compensation|ctc|stipend|salaire|r[ée]mun[ée]r|taux|"
    r"rate|emolument|gross|income|sal[áa]rio|sueldo|gehalt|entgelt|verg[üu]tung|\bbase\b",
    re.I,
)
# A column header's period: "Monthly salary", "Annual base pay", "Hourly rate".

# A column header's period: "Monthly salary", "Annual base pay", "Hourly rate".
_HEADER_PERIOD = (
    ("hour", re.compile(r"hourly|per\s+hour|horaire", re.I)),
    ("week", re.compile(r"weekly|per\s+week|hebdo", re.I)),
    ("month", re.compile(r"monthly|per\s+month|mensuel|mensual|monatlich", re.I)),
    ("year", re.compile(r"annual|yearly|per\s+(?:year|annum)|annuel|anual|j[äa]hrlich", re.I)),
)

_ADJ = r"(?:hourly|weekly|monthly|annual|yearly|mensuel(?:le)?|annuel(?:le)?|anual|mensual)"

_PAY_NOUN = r"(?:salary|pay|wage|remuneration|income|ctc|compensation|salaire|r[ée]mun[ée]ration"

_PAY_NOUN += r"|sueldo|sal[áa]rio|gehalt)"
# A period named on the pay word itself: "annual base salary", "salaire annuel".

# A period named on the pay word itself: "annual base salary", "salaire annuel".
_PERIOD_BEFORE = re.compile(
    rf"\b{_ADJ}\s+(?:\w+\s+)?{_PAY_NOUN}\b|\b{_PAY_NOUN}\s+(?:\w+\s+)?{_ADJ}\b", re.I
)


# A form's separate line naming the rate's period: "Pay Rate Type: Hourly", "Rate basis:
# Annual", "Salary type - Monthly". Not "Pay Frequency: Bi-Weekly": how often pay is issued is
# not the period the rate is quoted in.
_RATE_TYPE_LINE = re.compile(
    r"^\s*(?:pay|rate|salary|wage|compensation)(?:\s+rate)?\s+(?:type|basis|unit)\s*[:\t-]\s*"
    r"(?P<value>hourly|per\s+hour|weekly|monthly|annual(?:ly)?|yearly|per\s+(?:year|annum))\b",
    re.I,
)
_NEAR_LINES = 3  # how far from the amount's line a form's rate-type line may stand


def _form_period(ctx: Ctx, pos: int) -> str | None:
    """The period a form states on its own line next to the amount's ("Pay Rate: $36.85" then
    "Pay Rate Type: Hourly")."""
    line = ctx.line_at(pos)
    if line is None:
        return None
    for i in range(max(0, line.index - _NEAR_LINES), line.index + _NEAR_LINES + 1):
        if i >= len(ctx.lines) or i == line.index:
            continue
        m = _RATE_TYPE_LINE.match(ctx.lines[i].text)
        if m is not None:
            return next((p for p, rx in _HEADER_PERIOD if rx.search(m["value"])), None)
    return None


def _header_of(ctx: Ctx, pos: int) -> str | None:
    """The header cell above the table cell holding `pos`, if `pos` is in a tabbed row."""
    line = ctx.line_at(pos)
    if line is None or "\t" not in line.text:
        return None
    k = ctx.text[line.start : pos].count("\t")
    for i in range(line.index - 1, max(-1, line.index - 8), -1):
        cells = ctx.lines[i].text.split("\t")
        if len(cells) > k and _PAY_WORD.search(cells[k]) and not re.search(r"\d", cells[k]):
            return cells[k]
    return None


def position_pay(ctx: Ctx, lo: int, hi: int) -> Found[Money] | None:
    found = [shift(m, lo) for m in find_money(ctx.text[lo:hi], country=ctx.country)]
    if not found:
        return _cell_pay(ctx, lo, hi)
    with_period = [m for m in found if m.period is not None]
    pick = with_period[0] if with_period else None
    period = pick.period if pick else None
    if pick is None:
        for m in found:
            header = _header_of(ctx, m.start)
            if header is not None:
                pick = m
                period = next((p for p, rx in _HEADER_PERIOD if rx.search(header)), None)
                code = re.search(r"\b[A-Z]{3}\b", header)
                if pick.currency is None and code is not None:
                    pick = pick.model_copy(update={"currency": resolve_currency(code.group(0))[0]})
                break
            if _PAY_WORD.search(ctx.text, max(lo, m.start - 60), m.start):
                pick = m
                break
    if pick is None:
        return _cell_pay(ctx, lo, hi)
    if period is None:
        # "Son salaire annuel ... était de 58 900 $", "monthly salary of": the period before.
        before = ctx.text[max(lo, pick.start - 50) : pick.start]
        named = _PERIOD_BEFORE.search(before)
        if named is not None:
            period = next((p for p, rx in _HEADER_PERIOD if rx.search(named.group(0))), None)
        else:
            period = _form_period(ctx, pick.start)
    currency, confidence = pick.currency, 0.7 if pick.currency_assumed else 1.0
    if currency is None and ctx.country:
        # The symbol was not read (a glyph the font lacks): the issuer's country's money.
        currency, confidence = country_currency(ctx.country), 0.6
    money = Money(amount=float(pick.amount), currency=currency, period=period)
    return ctx.found(money, pick.start, pick.end, confidence)


def unpaid_pay(ctx: Ctx, lo: int, hi: int) -> Found[Money] | None:
    """No pay, said in words ("unpaid internship (no salary or wages)"): an amount of zero."""
    m = _UNPAID.search(ctx.text, lo, hi)
    if m is None:
        return None
    return ctx.found(Money(amount=0.0, currency=None, period=None), m.start(), m.end())


def _cell_pay(ctx: Ctx, lo: int, hi: int) -> Found[Money] | None:
    """A bare amount in a table cell under a pay header ("Annual base EUR": "64.800,00")."""
    for raw, s, e, header in cells_under(ctx, lo, hi, _PAY_WORD):
        amount = number(raw)
        if amount is None or amount <= 0:
            continue
        period = next((p for p, rx in _HEADER_PERIOD if rx.search(header)), None)
        code = re.search(r"\b[A-Z]{3}\b", header)
        currency = resolve_currency(code.group(0))[0] if code else None
        confidence = 0.9
        if currency is None and ctx.country:
            currency, confidence = country_currency(ctx.country), 0.6
        return ctx.found(Money(amount=amount, currency=currency, period=period), s, e, confidence)
    return None
