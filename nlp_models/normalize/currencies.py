"""Currencies: ISO 4217 codes, the symbols and words documents write for them, and the
currency a shared symbol ("$", "Rs", "¥", "kr", "peso") stands for in a given country (then
flagged as assumed).

Currency codes are checked against ISO 4217 (pycountry); a country's legal tender comes from
CLDR (Babel).
"""

from __future__ import annotations

import re
from functools import cache

# Symbol (as normalised by symbol_key) -> ISO code; "" marks a shared symbol resolved in _SHARED.
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
# Currencies with three decimal places.
THREE_DECIMALS = frozenset({"KWD", "BHD", "OMR", "JOD", "TND", "LYD", "IQD"})


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


def symbol_key(symbol: str) -> str:
    """A symbol or word as the tables spell it: lower case, single spaces, "$ CA" -> "$ca"."""
    return re.sub(r"\s+", " ", symbol.strip()).lower().replace("$ ", "$")


def resolve_currency(symbol: str, country: str | None = None) -> tuple[str | None, bool]:
    """(ISO code, assumed) for a symbol, word or code as written."""
    raw = symbol.strip()
    if re.fullmatch(r"[A-Z]{3}", raw) and raw in iso_currency_codes():
        return raw, False
    key = symbol_key(raw)
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


# ISO codes that are also everyday upper-case words in headings.
_CODE_STOPLIST = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "SOS"})


def valid_code(cur: str) -> bool:
    """Whether a currency as matched counts: a symbol or word, or an ISO code that is no
    heading word."""
    if not re.fullmatch(r"[A-Z]{3}", cur) or symbol_key(cur) in _SYMBOLS:
        return True  # a symbol, or a usual name that is no ISO code ("RMB")
    return cur in iso_currency_codes() and cur not in _CODE_STOPLIST
