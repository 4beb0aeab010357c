"""Money in any currency and digit grouping, with its pay period ("$72,000 per year").

Currency codes are checked against ISO 4217 (pycountry). Symbols shared by several currencies
("$", "Rs", "¥", "kr", "peso") are resolved from the document's country and flagged as assumed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import Literal

from nlp_models.normalize._numbers import NUMBER, parse_decimal
from nlp_models.normalize._text import (
    clean,
    finditer_in,
    lower,
    match_at,
    token_starts,
    windows,
)
from nlp_models.normalize.models import MoneyMatch, PayPeriod

# Symbol (as normalised by _key) -> ISO code; "" marks a shared symbol resolved in _SHARED.
_SYMBOLS: dict[str, str] = {
    "$": "",
    "us$": "USD",
    "u.s.$": "USD",
    "usd$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad$": "CAD",
    "cdn$": "CAD",
    "can$": "CAD",
    "$ca": "CAD",
    "$can": "CAD",
    "$cad": "CAD",
    "$us": "USD",
    "$usd": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "aud$": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "sg$": "SGD",
    "nt$": "TWD",
    "r$": "BRL",
    "mx$": "MXN",
    "mex$": "MXN",
    "rd$": "DOP",
    "j$": "JMD",
    "tt$": "TTD",
    "ec$": "XCD",
    "€": "EUR",
    "£": "GBP",
    "e£": "EGP",
    "₹": "INR",
    "rs": "",
    "rs.": "",
    "₨": "",
    "rp": "IDR",
    "rp.": "IDR",
    "₦": "NGN",
    "₱": "PHP",
    "¥": "",
    "￥": "",
    "元": "CNY",
    "rmb": "CNY",
    "₩": "KRW",
    "₺": "TRY",
    "₫": "VND",
    "₴": "UAH",
    "₽": "RUB",
    "₪": "ILS",
    "৳": "BDT",
    "tk": "BDT",
    "tk.": "BDT",
    "₵": "GHS",
    "gh₵": "GHS",
    "ksh": "KES",
    "ksh.": "KES",
    "zł": "PLN",
    "zl": "PLN",
    "kč": "CZK",
    "kc": "CZK",
    "kr": "",
    "kr.": "",
    "fr.": "CHF",
    "sfr.": "CHF",
    "dh": "",
    "dhs": "AED",
    "rm": "MYR",
    "฿": "THB",
    "₸": "KZT",
    "₾": "GEL",
    "₭": "LAK",
    "៛": "KHR",
    # words
    "dollar": "",
    "dollars": "",
    "canadian dollars": "CAD",
    "canadian dollar": "CAD",
    "dollars canadiens": "CAD",
    "dollar canadien": "CAD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "american dollars": "USD",
    "dollars americains": "USD",
    "dollars us": "USD",
    "australian dollars": "AUD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "livres sterling": "GBP",
    "rupee": "",
    "rupees": "",
    "roupie": "",
    "roupies": "",
    "indian rupees": "INR",
    "naira": "NGN",
    "peso": "",
    "pesos": "",
    "dirham": "",
    "dirhams": "",
    "riyal": "",
    "riyals": "",
    "rial": "",
    "rials": "",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "won": "KRW",
    "rand": "ZAR",
    "franc": "",
    "francs": "",
    "francs cfa": "XOF",
    "francs suisses": "CHF",
    "taka": "BDT",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "dinar": "",
    "dinars": "",
    "shilling": "",
    "shillings": "",
    "cedi": "GHS",
    "cedis": "GHS",
}

# Shared symbols: country -> currency; the default (key None) when the country does not say.
_DOLLAR = {
    "CA": "CAD",
    "US": "USD",
    "AU": "AUD",
    "NZ": "NZD",
    "HK": "HKD",
    "SG": "SGD",
    "MX": "MXN",
    "TW": "TWD",
    "JM": "JMD",
    "TT": "TTD",
    "BS": "BSD",
    "BB": "BBD",
    "BZ": "BZD",
    "FJ": "FJD",
    "LR": "LRD",
    "NA": "NAD",
    "GY": "GYD",
    "SR": "SRD",
    "BN": "BND",
    "KY": "KYD",
    "BM": "BMD",
    "CL": "CLP",
    "CO": "COP",
    "AR": "ARS",
    "UY": "UYU",
    "DO": "DOP",
    "EC": "USD",
    "SV": "USD",
    "PA": "USD",
    "PR": "USD",
    "ZW": "USD",
}
_SHARED: dict[str, dict[str | None, str]] = {
    "$": _DOLLAR,
    "dollar": _DOLLAR,
    "rupee": {"IN": "INR", "PK": "PKR", "LK": "LKR", "NP": "NPR", "MU": "MUR", None: "INR"},
    "yen": {"JP": "JPY", "CN": "CNY"},
    "kr": {"SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK"},
    "peso": {"MX": "MXN", "PH": "PHP", "CO": "COP", "AR": "ARS", "CL": "CLP", "UY": "UYU"},
    "dirham": {"AE": "AED", "MA": "MAD", None: "AED"},
    "riyal": {"SA": "SAR", "QA": "QAR", "OM": "OMR", "YE": "YER", "IR": "IRR"},
    "franc": {"CH": "CHF", "SN": "XOF", "CI": "XOF", "CM": "XAF", "FR": "EUR"},
    "dinar": {"KW": "KWD", "BH": "BHD", "JO": "JOD", "TN": "TND", "DZ": "DZD", "IQ": "IQD"},
    "shilling": {"KE": "KES", "UG": "UGX", "TZ": "TZS", "SO": "SOS"},
}
_SHARED_KEY = {
    "$": "$",
    "dollar": "dollar",
    "dollars": "dollar",
    "rs": "rupee",
    "rs.": "rupee",
    "₨": "rupee",
    "rupee": "rupee",
    "rupees": "rupee",
    "roupie": "rupee",
    "roupies": "rupee",
    "¥": "yen",
    "￥": "yen",
    "kr": "kr",
    "kr.": "kr",
    "peso": "peso",
    "pesos": "peso",
    "dh": "dirham",
    "dirham": "dirham",
    "dirhams": "dirham",
    "riyal": "riyal",
    "riyals": "riyal",
    "rial": "riyal",
    "rials": "riyal",
    "franc": "franc",
    "francs": "franc",
    "dinar": "dinar",
    "dinars": "dinar",
    "shilling": "shilling",
    "shillings": "shilling",
}
_THREE_DECIMALS = frozenset({"KWD", "BHD", "OMR", "JOD", "TND", "LYD", "IQD"})

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

_PERIODS: list[tuple[PayPeriod, str]] = [
    (
        "biweekly",
        r"bi-?weekly|every\s+(?:two|2)\s+weeks|per\s+(?:two|2)\s+weeks|fortnightly"
        r"|(?:per|a|every)\s+fortnight|(?:aux|toutes\s+les)\s+(?:deux|2)\s+semaines"
        r"|bihebdomadaire|par\s+quinzaine",
    ),
    (
        "semimonthly",
        r"semi-?monthly|twice\s+(?:a|per)\s+month|twice\s+monthly|bimensuel(?:le)?"
        r"|deux\s+fois\s+par\s+mois",
    ),
    (
        "hour",
        r"(?:per|an|a|each|every)\s+(?:hour|hr)\b|/\s*(?:hour|hr|h|heure)\b|hourly"
        r"|(?:de\s+|par\s+|a\s+)?l'heure|par\s+heure|p/?h\b",
    ),
    ("day", r"(?:per|a|each)\s+day\b|/\s*(?:day|jour)\b|daily|par\s+jour|quotidien(?:ne)?"),
    (
        "week",
        r"(?:per|a|each|every)\s+(?:week|wk)\b|/\s*(?:week|wk|sem(?:aine)?)\b|weekly"
        r"|par\s+semaine|hebdomadaire",
    ),
    (
        "month",
        r"(?:per|a|each|every)\s+(?:month|mth|mo)\b|/\s*(?:month|mth|mo|mois)\b|monthly"
        r"|par\s+mois|mensuel(?:le(?:ment)?)?",
    ),
    (
        "year",
        r"(?:per|a|each|every)\s+(?:year|yr|annum)\b|/\s*(?:year|yr|an|annee|annum)\b|yearly"
        r"|annually|annual|p\.\s?a\.|pa\b|par\s+an(?:nee)?\b|annuel(?:le(?:ment)?)?|LPA\b",
    ),
]
_PERIOD_AFTER = re.compile(
    r"(?i:\s*(?:\(?(?P<code>(?-i:[A-Z]{3}))\)?|(?P<basis>gross|brut|bruts|net|nets)|before\s+"
    r"(?:taxes|tax|deductions)|avant\s+(?:impots|deductions)|,|\))\s*)*\s*(?:"
    + "|".join(f"(?P<{p}>{rx})" for p, rx in _PERIODS)
    + r")(?![A-Za-z])",
)
_TRAILING_CODE = re.compile(r"\s?\(?(?P<code>[A-Z]{3})\)?(?![A-Za-z])")
_BASIS_AFTER = re.compile(r"\s*(?i:(?P<basis>gross|brut|bruts|net|nets))(?![A-Za-z])")
_PERIOD_BEFORE = re.compile(
    r"(?i:(?P<hour>hourly|taux\s+horaire|salaire\s+horaire)|(?P<year>annual|yearly|"
    r"salaire\s+annuel|remuneration\s+annuelle|per\s+annum)|(?P<month>monthly|salaire\s+mensuel)"
    r"|(?P<biweekly>bi-?weekly)|(?P<week>weekly|salaire\s+hebdomadaire))"
    r"(?P<basis>\s+(?:gross|brut|net))?[^\d\n$€£]{0,30}$"
)
_BASIS_BEFORE = re.compile(r"(?i:(?P<basis>gross|brut|net))[^\d\n$€£]{0,25}$")
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


@cache
def iso_currency_codes() -> frozenset[str]:
    """All ISO 4217 codes (loaded once, on first use)."""
    import pycountry  # imported lazily: its database load is paid only when money is parsed

    return frozenset(c.alpha_3 for c in pycountry.currencies)


@cache
def country_currency(country: str | None) -> str | None:
    """The legal tender of a country (ISO alpha-2), from CLDR via Babel; None when unknown."""
    if not country:
        return None
    from babel.numbers import get_territory_currencies  # lazily, like pycountry

    try:
        found = get_territory_currencies(country.upper(), tender=True)
    except Exception:  # an unknown territory
        return None
    return found[0] if found else None


def _key(symbol: str) -> str:
    return re.sub(r"\s+", " ", symbol.strip()).lower().replace("$ ", "$")


def resolve_currency(symbol: str, country: str | None = None) -> tuple[str | None, bool]:
    """(ISO code, assumed) for a symbol, word or code as written."""
    raw = symbol.strip()
    if re.fullmatch(r"[A-Z]{3}", raw) and raw in iso_currency_codes():
        return raw, False
    key = _key(raw)
    code = _SYMBOLS.get(key)
    if code is None:
        # "$ CA", "dollars US" and friends
        if key.startswith("$") and key[1:].strip() in ("ca", "can", "cad"):
            return "CAD", False
        if key.startswith("$") and key[1:].strip() in ("us", "usd"):
            return "USD", False
        return None, False
    if code:
        return code, False
    table = _SHARED.get(_SHARED_KEY.get(key, ""), {})
    got = table.get(country.upper()) if country else None
    if got is not None:
        return got, True
    default = table.get(None)
    return (default, True) if default else (None, False)


def _multiplier(m: re.Match[str]) -> int:
    word = (m.group("mult") or m.group("multw") or "").lower()
    return _MULTIPLIERS.get(word, 1)


def _lpa(m: re.Match[str]) -> bool:
    # Indian "12 LPA": lakhs per annum.
    return (m.group("multw") or "").upper() == "LPA"


def _period_from(m: re.Match[str]) -> PayPeriod | None:
    for name, _ in _PERIODS:
        if m.groupdict().get(name):
            return name
    return None


def _basis(word: str | None) -> Literal["gross", "net"] | None:
    if not word:
        return None
    return "net" if word.strip().lower().startswith("net") else "gross"


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
    amount = parse_decimal(num, three_decimals=currency in _THREE_DECIMALS)
    if amount is None:
        return None
    amount *= mult
    amount_max = None
    rng = _RANGE.match(work, end)
    if rng is not None:
        high = parse_decimal(rng["num"], three_decimals=currency in _THREE_DECIMALS)
        if high is not None:
            high *= _multiplier(rng)
            if high > amount and (rng["cur"] or rng["cur2"] or cur):
                amount_max, end = high, rng.end()
    period: PayPeriod | None = "year" if lpa else None
    basis: Literal["gross", "net"] | None = None
    after = _PERIOD_AFTER.match(work, end)
    if after is not None:
        period = period or _period_from(after)
        basis = _basis(after["basis"])
        if after["code"] and currency is None and after["code"] in iso_currency_codes():
            currency = after["code"]
        end = after.end()
        b = _BASIS_AFTER.match(work, end)
        if b is not None and basis is None:
            basis, end = _basis(b["basis"]), b.end()
    else:
        b = _BASIS_AFTER.match(work, end)
        if b is not None:
            basis = _basis(b["basis"])
            after_b = _PERIOD_AFTER.match(work, b.end())
            if after_b is not None:
                period = _period_from(after_b)
                end = after_b.end()
            else:
                end = b.end()
    window_start = max(0, start - 60)
    if period is None:
        before = _PERIOD_BEFORE.search(work, window_start, start)
        if before is not None:
            period = _period_from(before)
            basis = basis or _basis(before["basis"])
    if basis is None:
        bb = _BASIS_BEFORE.search(work, max(0, start - 30), start)
        if bb is not None:
            basis = _basis(bb["basis"])
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


# ISO codes that are also everyday upper-case words in headings.
_CODE_STOPLIST = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "SOS"})


def _valid_code(cur: str) -> bool:
    if not re.fullmatch(r"[A-Z]{3}", cur) or _key(cur) in _SYMBOLS:
        return True  # a symbol, or a usual name that is no ISO code ("RMB")
    return cur in iso_currency_codes() and cur not in _CODE_STOPLIST


def find_money(text: str, *, country: str | None = None) -> list[MoneyMatch]:
    """Every amount with a currency, or with a pay word before and a period after it."""
    if not text:
        return []
    work = clean(text)
    found: list[MoneyMatch] = []
    # Every amount holds a number: try the full patterns only at each number and at the few
    # tokens before it (where a currency symbol or code would start).
    number_starts = [n.start() for n in _NUMBER_TRIGGER.finditer(work)]
    before: set[int] = set()
    for n in number_starts:
        before.update(token_starts(work, n - 9, n))
    for m in match_at(_PREFIX, work, sorted(before)):
        cur = m["cur"]
        if not _valid_code(cur):
            continue
        cur2 = m["cur2"]
        if cur2 and _valid_code(cur2):
            cur = cur2 if cur == "$" else cur
        made = _build(
            text, work, m.start(), m.end(), m["num"], _multiplier(m), cur, country, _lpa(m)
        )
        if made is not None:
            found.append(made)
    for m in match_at(_POSTFIX, work, number_starts):
        if not _valid_code(m["cur"]):
            continue
        made = _build(
            text, work, m.start(), m.end(), m["num"], _multiplier(m), m["cur"], country, _lpa(m)
        )
        if made is not None:
            found.append(made)
    keywords = windows(work, _KEYWORD_TRIGGER, 0, 60, on=lower(work))
    for m in finditer_in(_KEYWORD_AMOUNT, work, keywords):
        s = m.start("num")
        if not _PERIOD_AFTER.match(work, m.end()):
            continue
        made = _build(text, work, s, m.end(), m["num"], _multiplier(m), None, country, _lpa(m))
        if made is not None:
            found.append(made)
    for m in match_at(_LPA, work, number_starts if "LPA" in work else []):
        made = _build(text, work, m.start(), m.end(), m["num"], 100_000, None, country, True)
        if made is not None:
            # "LPA" (lakhs per annum) is Indian usage: rupees unless a currency says otherwise.
            found.append(made.model_copy(update={"currency": "INR", "currency_assumed": True}))
    # Prefer the longest reading at each place (a currency on both sides, a range, a period).
    found.sort(key=lambda x: (x.start, -(x.end - x.start), x.currency is None))
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


# Periods per year, for comparing pay stated per hour, week, month or year.
PERIODS_PER_YEAR: dict[PayPeriod, float] = {
    "day": 260.0,
    "week": 52.0,
    "biweekly": 26.0,
    "semimonthly": 24.0,
    "month": 12.0,
    "year": 1.0,
}


def annual_amount(money: MoneyMatch, *, hours_per_week: float | None = None) -> Decimal | None:
    """The amount per year (an hourly rate needs the weekly hours); None without a period."""
    if money.period is None:
        return None
    if money.period == "hour":
        if hours_per_week is None:
            return None
        return money.amount * Decimal(str(hours_per_week)) * 52
    return money.amount * Decimal(str(PERIODS_PER_YEAR[money.period]))
