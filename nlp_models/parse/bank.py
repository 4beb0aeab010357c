"""Bank statements: bank, account holder, currency and the deposits (date, amount, payer).

A deposit is a transaction line whose amount sits under the "Deposits"/"Credit" column (by the
words' x positions when the extractor has them) or whose description says it is one.
"""

from __future__ import annotations

import re

from nlp_models.parse.context import Ctx, Line
from nlp_models.parse.grids import cells
from nlp_models.parse.labels import label_text
from nlp_models.parse.parties import issuer
from nlp_models.parsed import BankStatementFields, Deposit

_HEAD = re.compile(
    r"\b(?:deposits?|credits?|cr[ée]dits?|d[ée]p[ôo]ts?|paid\s+in|money\s+in)\b", re.I
)
_WITHDRAW = re.compile(
    r"\b(?:withdrawals?|debits?|d[ée]bits?|retraits?|paid\s+out|money\s+out|cheques?)\b", re.I
)
_DEPOSIT_WORD = re.compile(
    r"\b(?:deposit|payroll|salary|pay\b|direct\s+dep|"
    r"e-?transfer\s+(?:received|from)|credit|d[ée]p[ôo]t|paie|virement\s+re[çc]u)",
    re.I,
)


def parse_bank_statement(ctx: Ctx) -> BankStatementFields:
    party, _, _ = issuer(ctx)
    holder = label_text(
        ctx, r"account\s+holder|customer\s+name|name|titulaire(?:\s+du\s+compte)?|client"
    )
    currency = None
    m = re.search(r"\b(CAD|USD|EUR|GBP|INR|PHP|NGN|BRL)\b", ctx.text)
    if m:
        currency = m.group(1)
    elif "$" in ctx.text and ctx.country == "CA":
        currency = "CAD"
    return BankStatementFields(
        bank=party, account_holder=holder, currency=currency, deposits=tuple(_deposits(ctx))
    )


def _column_x(ctx: Ctx, ln: Line, rx: re.Pattern[str]) -> float | None:
    """Centre x of the header word matching `rx` on line `ln`, from the extractor's words."""
    m = rx.search(ctx.text, ln.start, ln.end)
    if m is None:
        return None
    w = ctx.pages.where(m.start(), m.end())
    if w is None or w.bbox is None:
        return None
    return (w.bbox.x0 + w.bbox.x1) / 2


def _deposits(ctx: Ctx) -> list[Deposit]:
    out: list[Deposit] = []
    header = next(
        (ln for ln in ctx.lines if _HEAD.search(ln.text) and _WITHDRAW.search(ln.text)), None
    )
    dep_x = wd_x = None
    if header is not None:
        dep_x = _column_x(ctx, header, _HEAD)
        wd_x = _column_x(ctx, header, _WITHDRAW)
    for ln in ctx.lines:
        if header is not None and ln.start <= header.end:
            continue
        c = cells(ctx, ln)
        if (
            not c.dates
            or not c.numbers
            or ln.text.lower().startswith(("opening", "closing", "balance", "solde"))
        ):
            continue
        desc = " ".join(w[0] for w in c.words)
        amount = None
        if dep_x is not None and wd_x is not None:
            for v, s, e in c.numbers:
                w = ctx.pages.where(s, e)
                if w is not None and w.bbox is not None:
                    x = (w.bbox.x0 + w.bbox.x1) / 2
                    if abs(x - dep_x) < abs(x - wd_x) and abs(x - dep_x) < 60:
                        amount = (v, s, e)
                        break
        elif _DEPOSIT_WORD.search(desc):
            amount = c.numbers[0]
        if amount is None:
            continue
        d = c.dates[0]
        payer = c.words[0] if c.words else None
        out.append(
            Deposit(
                date=ctx.found(d.value, d.start, d.end),
                amount=ctx.found(amount[0], amount[1], amount[2]),
                payer=ctx.found(payer[0], payer[1], payer[2]) if payer else None,
            )
        )
    return out
