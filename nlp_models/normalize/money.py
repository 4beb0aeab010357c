"""Money in any currency and digit grouping, with its pay period ("$72,000 per year").

Amounts are found here: a currency before or after the number, a pay word before it and a period
after it ("salary of 72,000 per year"), Indian "12 LPA". Currencies (`currencies`) and pay
periods (`pay_periods`) are read by their own modules; their public names are re-exported here.
"""

from __future__ import annotations

import re

from nlp_models.normalize._numbers import NUMBER, parse_decimal
from nlp_models.normalize._text import (
    clean,
    finditer_in,
    lower,
    match_at,
    token_starts,
    windows,
)
from nlp_models.normalize.currencies import (
    THREE_DECIMALS,
    country_currency,
    iso_currency_codes,
    resolve_currency,
    valid_code,
)
from nlp_models.normalize.models import MoneyMatch
from nlp_models.normalize.pay_periods import PERIOD_AFTER, annual_amount, read_period

_SYM = (
    r"(?:US|U\.S\.|USD|CAD|CDN|Can|CA|C|AUD|AU|A|NZ|HK|SG|S|NT|R|MX|Mex|RD|J|TT|EC)?\$"
    r"(?:\s?(?:CAD|CAN|CA|USD|US)(?![A-Za-z]))?"
    r"|€|£|E£|₹|₨|₦|₱|¥|￥|元|₩|₺|₫|₴|₽|₪|৳|GH₵|₵|฿|₸|₾|₭|៛"
    r"|(?<![A-Za-z])(?:Rs\.?|Rp\.?|Tk\.?|KSh\.?|Ksh\.?|zł|Kč|kr\.?|S?Fr\.|Dhs?|RM|RMB)"
)
_WORDS = (
    r"(?i:(?:canadian|u\.?s\.?|american|australian|indian)\s+dollars?|dollars?(?:\s+(?:canadiens?"
    r"|americains?|US|CA))?|euros?|pounds?(?:\s+sterling)?|livres\s+sterling|(?:indian\s+)?"
    r"rupees?|roupies?|naira|pesos?|dirhams?|riyals?|rials?|yuan|renminbi|yen|won|rand"
    r"|francs?(?:\s+suisses?|\s+CFA)?|taka|rupiah|ringgit|baht|dinars?|shillings?|cedis?)"
)
_ISO = r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])"
_MULT = (
    r"(?:(?P<mult>[kK]|M|mn)(?![A-Za-z])|\s?(?P<multw>(?i:millions?|lakhs?|lacs?|crores?"
    r"|thousand|mille|LPA))(?![A-Za-z]))"
)
_MULTIPLIERS = {
    "k": 1_000,
    "thousand": 1_000,
    "mille": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "lac": 100_000,
    "lacs": 100_000,
    "lpa": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}

_PREFIX = re.compile(
    rf"(?<![A-Za-z0-9])(?P<cur>{_SYM}|{_ISO})\s?(?P<num>{NUMBER}){_MULT}?"
    rf"(?:\s?(?P<cur2>{_ISO}|\$\s?(?:CA|CAN|US)(?![A-Za-z])))?"
)
_POSTFIX = re.compile(
    rf"(?P<num>{NUMBER}){_MULT}?\s?(?P<cur>{_SYM}|{_ISO}|{_WORDS}(?![A-Za-z]))",
)
# A number with a salary word before it and a period after it ("salary of 72,000 per year").
_KEYWORD_AMOUNT = re.compile(
    rf"(?i:salary|wage|pay|paid|earn(?:s|ed|ing)?|income|rate|remuneration|salaire|remuneration"
    rf"|taux|gross|brut|emoluments?)(?:[^\d\n]|\n(?!\n)){{0,40}}?(?P<num>{NUMBER}){_MULT}?"
)
# An ISO code right after the amount ("$72,000 CAD", "72,000 (USD)").
_TRAILING_CODE = re.compile(r"\s?\(?(?P<code>[A-Z]{3})\)?(?![A-Za-z])")
_LPA = re.compile(rf"(?P<num>{NUMBER})(?:\s?(?P<multw>LPA))(?![A-Za-z])(?P<mult>)")
_RANGE = re.compile(
    rf"\s*(?:-+|(?i:to|a)(?![A-Za-z]))\s*(?P<cur>{_SYM}|{_ISO})?\s?(?P<num>{NUMBER})"
    rf"{_MULT}?(?:\s?(?P<cur2>{_SYM}|{_ISO}|{_WORDS})(?![A-Za-z]))?"
)


# Cheap scans for where the full patterns can match (see _text.windows).
_NUMBER_TRIGGER = re.compile(r"\d[\d,.' ]*")
_KEYWORD_TRIGGER = re.compile(
    r"salar|wage|pay|paid|earn|income|rate|remuner|taux|gross|brut|emolument"
)


def _multiplier(m: re.Match[str]) -> int:
    word = (m.group("mult") or m.group("multw") or "").lower()
    return _MULTIPLIERS.get(word, 1)


def _lpa(m: re.Match[str]) -> bool:
    # Indian "12 LPA": lakhs per annum.
    return (m.group("multw") or "").upper() == "LPA"


def _build(
    text: str,
    work: str,
    start: int,
    end: int,
    num: str,
    mult: int,
    cur: str | None,
    country: str | None,
    lpa: bool = False,
) -> MoneyMatch | None:
    currency, assumed = resolve_currency(cur, country) if cur else (None, False)
    # A code after the amount ("$72,000 CAD") settles a shared symbol.
    trailing = _TRAILING_CODE.match(work, end)
    if (
        trailing is not None
        and trailing["code"] in iso_currency_codes()
        and (currency is None or assumed)
    ):
        currency, assumed, cur = trailing["code"], False, cur or trailing["code"]
        end = trailing.end()
    amount = parse_decimal(num, three_decimals=currency in THREE_DECIMALS)
    if amount is None:
        return None
    amount *= mult
    amount_max = None
    rng = _RANGE.match(work, end)
    if rng is not None:
        high = parse_decimal(rng["num"], three_decimals=currency in THREE_DECIMALS)
        if high is not None:
            high *= _multiplier(rng)
            if high > amount and (rng["cur"] or rng["cur2"] or cur):
                amount_max, end = high, rng.end()
    period, basis, code, end = read_period(work, start, end, lpa=lpa)
    if code and currency is None and code in iso_currency_codes():
        currency = code
    return MoneyMatch(
        start=start,
        end=end,
        text=text[start:end],
        amount=amount,
        amount_max=amount_max,
        currency=currency,
        currency_text=cur.strip() if cur else None,
        currency_assumed=assumed,
        period=period,
        basis=basis,
    )


def find_money(text: str, *, country: str | None = None) -> list[MoneyMatch]:
    """Every amount with a currency, or with a pay word before and a period after it."""
    if not text:
        return []
    work = clean(text)
    # Every amount holds a number: try the full patterns only at each number and at the few
    # tokens before it (where a currency symbol or code would start).
    number_starts = [n.start() for n in _NUMBER_TRIGGER.finditer(work)]
    found = [
        *_currency_before(text, work, number_starts, country),
        *_currency_after(text, work, number_starts, country),
        *_after_pay_word(text, work, country),
        *_lakhs_per_annum(text, work, number_starts, country),
    ]
    return _longest_readings(found)


def _currency_before(
    text: str, work: str, number_starts: list[int], country: str | None
) -> list[MoneyMatch]:
    """ "$72,000", "CAD 72,000", "$72,000 CAD", "Rs. 9,60,000"."""
    before: set[int] = set()
    for n in number_starts:
        before.update(token_starts(work, n - 9, n))
    found: list[MoneyMatch] = []
    for m in match_at(_PREFIX, work, sorted(before)):
        cur = m["cur"]
        if not valid_code(cur):
            continue
        cur2 = m["cur2"]
        if cur2 and valid_code(cur2):
            cur = cur2 if cur == "$" else cur
        made = _build(
            text, work, m.start(), m.end(), m["num"], _multiplier(m), cur, country, _lpa(m)
        )
        if made is not None:
            found.append(made)
    return found


def _currency_after(
    text: str, work: str, number_starts: list[int], country: str | None
) -> list[MoneyMatch]:
    """ "72 000 €", "72,000 dollars", "5 lakh rupees"."""
    found: list[MoneyMatch] = []
    for m in match_at(_POSTFIX, work, number_starts):
        if not valid_code(m["cur"]):
            continue
        made = _build(
            text, work, m.start(), m.end(), m["num"], _multiplier(m), m["cur"], country, _lpa(m)
        )
        if made is not None:
            found.append(made)
    return found


def _after_pay_word(text: str, work: str, country: str | None) -> list[MoneyMatch]:
    """An amount without currency after a pay word and before a period ("salary of 72,000 per
    year")."""
    found: list[MoneyMatch] = []
    keywords = windows(work, _KEYWORD_TRIGGER, 0, 60, on=lower(work))
    for m in finditer_in(_KEYWORD_AMOUNT, work, keywords):
        s = m.start("num")
        if not PERIOD_AFTER.match(work, m.end()):
            continue
        made = _build(text, work, s, m.end(), m["num"], _multiplier(m), None, country, _lpa(m))
        if made is not None:
            found.append(made)
    return found


def _lakhs_per_annum(
    text: str, work: str, number_starts: list[int], country: str | None
) -> list[MoneyMatch]:
    """ "12 LPA": lakhs of rupees per year."""
    found: list[MoneyMatch] = []
    for m in match_at(_LPA, work, number_starts if "LPA" in work else []):
        made = _build(text, work, m.start(), m.end(), m["num"], 100_000, None, country, True)
        if made is not None:
            # "LPA" (lakhs per annum) is Indian usage: rupees unless a currency says otherwise.
            found.append(made.model_copy(update={"currency": "INR", "currency_assumed": True}))
    return found


def _longest_readings(found: list[MoneyMatch]) -> list[MoneyMatch]:
    """The longest reading at each place (a currency on both sides, a range, a period), without
    overlaps."""
    found = sorted(found, key=lambda x: (x.start, -(x.end - x.start), x.currency is None))
    kept: list[MoneyMatch] = []
    last_end = -1
    for x in found:
        if x.start >= last_end:
            kept.append(x)
            last_end = x.end
    return kept


def parse_money(text: str, *, country: str | None = None) -> MoneyMatch | None:
    """The first amount in `text`; a cell holding only a number ("1,234.56") reads as an
    amount without currency."""
    found = find_money(text, country=country)
    if found:
        return found[0]
    if not text or len(text) > 200:
        return None
    work = clean(text)
    m = re.fullmatch(rf"\s*(?P<num>{NUMBER})\s*", work)
    if m is None:
        return None
    amount = parse_decimal(m["num"])
    if amount is None:
        return None
    s, e = m.start("num"), m.end("num")
    return MoneyMatch(
        start=s,
        end=e,
        text=text[s:e],
        amount=amount,
        amount_max=None,
        currency=None,
        currency_text=None,
        currency_assumed=False,
        period=None,
        basis=None,
    )


__all__ = [
    "annual_amount",
    "country_currency",
    "find_money",
    "parse_money",
    "resolve_currency",
]
