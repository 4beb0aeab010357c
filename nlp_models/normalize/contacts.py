"""Phone numbers (phonenumbers: E.164 and the number's country), e-mail addresses with free-mail
detection, and web sites.

Phones: a cheap regex picks digit runs that could be numbers, and only those go to phonenumbers;
its own PhoneNumberMatcher is ~10x slower on a full page.
"""

from __future__ import annotations

import re
from functools import cache

import phonenumbers

from nlp_models.normalize._text import clean
from nlp_models.normalize.models import EmailMatch, PhoneMatch, WebMatch

# ------------------------------------------------------------------ phones

_PHONE_CANDIDATE = re.compile(
    r"(?<![\w+/.-])(?:\+|00)?\(?\d[\d ().\-/]{5,22}\d"
    r"(?:\s*,?\s*(?:x|ext\.?|extension|poste|p\.)\s*\d{1,6})?(?![\w-])",
    re.IGNORECASE,
)
_PHONE_WORD = re.compile(
    r"(?:tel|tél|phone|téléphone|telephone|cell|mobile|fax|ph|t|m|c)\.?\s*[:#]?\s*$", re.IGNORECASE
)
_DATE_LIKE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_POSTE = re.compile(r"(?i)\s*,?\s*(?:poste|p\.)\s*(\d{1,6})$")


@cache
def _type_names() -> dict[int, str]:
    t = phonenumbers.PhoneNumberType
    return {getattr(t, n): n for n in dir(t) if n.isupper()}


def _phone(text: str, work: str, s: int, e: int, region: str) -> PhoneMatch | None:
    raw = work[s:e]
    digits = sum(c.isdigit() for c in raw)
    if digits < 7 or digits > 17 or _DATE_LIKE.fullmatch(raw.strip()):
        return None
    # phonenumbers knows "ext"/"x" but not the French "poste".
    raw = _POSTE.sub(r" ext. \1", raw)
    if raw.startswith("00"):
        # "00" is the international prefix nearly everywhere outside North America (011).
        raw = "+" + raw[2:]
    try:
        num = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(num):
        labelled = _PHONE_WORD.search(work, max(0, s - 16), s) is not None
        if not (labelled and phonenumbers.is_possible_number(num)):
            return None
    geo = phonenumbers.region_code_for_number(num)
    return PhoneMatch(
        start=s,
        end=e,
        text=text[s:e],
        e164=phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164),
        region=geo if geo and geo != "001" and geo != "ZZ" else None,
        country_code=num.country_code,
        extension=num.extension or None,
        number_type=_type_names().get(phonenumbers.number_type(num), "UNKNOWN"),
    )


def find_phones(text: str, *, country: str | None = None) -> list[PhoneMatch]:
    """Phone numbers; numbers without "+" are read as numbers of `country` (default Canada)."""
    if not text:
        return []
    work = clean(text)
    region = (country or "CA").upper()
    out: list[PhoneMatch] = []
    for m in _PHONE_CANDIDATE.finditer(work):
        s, e = m.start(), m.end()
        # A closing parenthesis of "(416)" is part of the number; a stray trailing one is not.
        while e > s and (work[e - 1] in " -./" or (work[e - 1] == ")" and "(" not in work[s:e])):
            e -= 1
        got = _phone(text, work, s, e, region)
        if got is not None:
            out.append(got)
    return out


def parse_phone(text: str, *, country: str | None = None) -> PhoneMatch | None:
    found = find_phones(text, country=country)
    return found[0] if found else None


# ------------------------------------------------------------------ domains

_SECOND_LEVEL = frozenset(
    {"co", "com", "org", "net", "gov", "ac", "edu", "gc", "or", "ne", "gob", "gouv", "nic", "ltd"}
)


def registrable_domain(host: str) -> str:
    """ "mail.acme.co.uk" -> "acme.co.uk", "hr.acme.com" -> "acme.com" (no public-suffix list:
    country second levels such as co.uk and com.au are recognised by shape)."""
    labels = [x for x in host.lower().strip(".").split(".") if x]
    if len(labels) <= 2:
        return ".".join(labels)
    if len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


# Providers of personal mailboxes: any country suffix for the big brands ...
_FREE_BRANDS = frozenset(
    {
        "gmail",
        "googlemail",
        "yahoo",
        "ymail",
        "rocketmail",
        "hotmail",
        "outlook",
        "live",
        "msn",
        "aol",
        "icloud",
        "gmx",
        "yandex",
        "protonmail",
        "rediffmail",
        "zohomail",
        "tutanota",
    }
)
# ... and exact domains (web mail and Internet providers' customer mailboxes).
_FREE_DOMAINS = frozenset(
    {
        "mail.com",
        "me.com",
        "mac.com",
        "proton.me",
        "pm.me",
        "zoho.com",
        "tuta.io",
        "fastmail.com",
        "hushmail.com",
        "inbox.com",
        "mail.ru",
        "inbox.ru",
        "list.ru",
        "bk.ru",
        "rambler.ru",
        "qq.com",
        "163.com",
        "126.com",
        "sina.com",
        "sohu.com",
        "naver.com",
        "hanmail.net",
        "daum.net",
        "web.de",
        "t-online.de",
        "libero.it",
        "laposte.net",
        "orange.fr",
        "wanadoo.fr",
        "free.fr",
        "sfr.fr",
        "wp.pl",
        "o2.pl",
        "interia.pl",
        "onet.pl",
        "seznam.cz",
        "abv.bg",
        "bell.net",
        "sympatico.ca",
        "rogers.com",
        "shaw.ca",
        "telus.net",
        "videotron.ca",
        "cogeco.ca",
        "eastlink.ca",
        "comcast.net",
        "verizon.net",
        "att.net",
        "sbcglobal.net",
        "btinternet.com",
        "bigpond.com",
        "optusnet.com.au",
        "xtra.co.nz",
    }
)


def free_mail_provider(domain: str) -> str | None:
    """The provider's name when `domain` hosts personal mailboxes ("gmail", "videotron")."""
    d = domain.lower().strip(".")
    reg = registrable_domain(d)
    if reg in _FREE_DOMAINS or d in _FREE_DOMAINS:
        return reg.split(".")[0]
    brand = reg.split(".")[0]
    return brand if brand in _FREE_BRANDS else None


# ------------------------------------------------------------------ e-mail

_EMAIL = re.compile(
    r"(?<![\w.+%-])(?P<local>[A-Za-z0-9](?:[A-Za-z0-9._%+'-]{0,63}[A-Za-z0-9_-])?)\s?@\s?"
    r"(?P<domain>[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]"
    r"{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24})(?![\w-]|\.[A-Za-z0-9])"
)


def find_emails(text: str) -> list[EmailMatch]:
    if not text:
        return []
    work = clean(text)
    out: list[EmailMatch] = []
    for m in _EMAIL.finditer(work):
        local, domain = m["local"], m["domain"].lower()
        provider = free_mail_provider(domain)
        out.append(
            EmailMatch(
                start=m.start(),
                end=m.end(),
                text=text[m.start() : m.end()],
                address=f"{local}@{domain}".lower(),
                local=local,
                domain=domain,
                free_mail=provider is not None,
                provider=provider,
            )
        )
    return out


def parse_email(text: str) -> EmailMatch | None:
    found = find_emails(text)
    return found[0] if found else None


# ------------------------------------------------------------------ web

_GENERIC_TLDS = frozenset(
    [
        "com",
        "org",
        "net",
        "edu",
        "gov",
        "int",
        "mil",
        "info",
        "biz",
        "io",
        "co",
        "ai",
        "app",
        "dev",
        "tech",
        "online",
        "site",
        "store",
        "shop",
        "agency",
        "company",
        "solutions",
        "services",
        "group",
        "global",
        "consulting",
        "health",
        "news",
        "media",
        "digital",
        "studio",
        "cloud",
        "asia",
        "eu",
        "xyz",
        "pro",
        "law",
        "travel",
    ]
)


@cache
def _tlds() -> frozenset[str]:
    import pycountry

    return _GENERIC_TLDS | {c.alpha_2.lower() for c in pycountry.countries} | {"uk"}


_HOST = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?\.)+(?P<tld>[A-Za-z]{2,24})"
_WEB = re.compile(
    rf"(?<![\w@.-])(?P<url>(?P<scheme>https?://)?(?P<host>(?:www\d?\.)?{_HOST})(?::\d{{2,5}})?"
    rf"(?P<path>/[^\s<>\"'()\[\]]*)?)(?![\w@-])",
    re.IGNORECASE,
)


def find_websites(text: str) -> list[WebMatch]:
    """Web addresses: with a scheme or "www.", or a bare domain with a known top-level domain."""
    if not text:
        return []
    work = clean(text)
    out: list[WebMatch] = []
    for m in _WEB.finditer(work):
        host = m["host"].lower()
        explicit = m["scheme"] or host.startswith("www")
        if not explicit:
            first = host.split(".")[0]
            if m["tld"].lower() not in _tlds() or len(first) < 2 or host.count(".") > 4:
                continue
            if m["url"].endswith(".") or any(c.isupper() for c in m["tld"][1:]):
                continue
        url = m["url"].rstrip(".,;:")
        s = m.start("url")
        e = s + len(url)
        bare = re.sub(r"^www\d?\.", "", host)
        out.append(
            WebMatch(
                start=s,
                end=e,
                text=text[s:e],
                url=url,
                host=bare,
                domain=registrable_domain(bare),
            )
        )
    return out


def parse_website(text: str) -> WebMatch | None:
    found = find_websites(text)
    return found[0] if found else None


def same_organisation(email: EmailMatch, site: WebMatch) -> bool:
    """The mailbox is on the web site's domain (or one of its sub-domains)."""
    return registrable_domain(email.domain) == site.domain
