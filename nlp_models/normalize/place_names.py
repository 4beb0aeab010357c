"""Provinces, states and countries named in a text: "Ontario", "Qc", "TX" (a bare code only in
an address), "India", "Inde", "États-Unis", "UAE"."""

from __future__ import annotations

import re

from nlp_models.normalize._gazetteer import Entry, Hit, allowed, scan
from nlp_models.normalize._postal_codes import ZIP, ca_postals
from nlp_models.normalize._text import clean
from nlp_models.normalize.models import CountryMatch, RegionMatch


def regions_in(text: str, work: str, hits: list[Hit], whole: bool) -> list[RegionMatch]:
    """The provinces and states among the scanned `hits` (a bare code only when it is the
    `whole` text or sits in an address)."""
    out: list[RegionMatch] = []
    for h in hits:
        original = text[h.start : h.end]
        for e in h.entries:
            if e.kind != "region" or not allowed(e, original):
                continue
            if e.rule == "code" and not whole and not _code_in_address(work, h, e):
                continue
            out.append(
                RegionMatch(
                    start=h.start, end=h.end, text=original, code=e.code, country=e.country,
                    name=e.name,
                )
            )  # fmt: skip
            break
    return out


def _code_in_address(work: str, h: Hit, e: Entry) -> bool:
    """A bare two-letter code counts only after "City," or before a postal/ZIP code."""
    after = work[h.end : h.end + 12]
    if e.country == "US":
        return ZIP.match(work, h.end) is not None
    if any(True for _ in ca_postals(after.lstrip(" ,"), anchored=True)):
        return True
    before = work[max(0, h.start - 3) : h.start].rstrip(" ")
    return before.endswith(",") and e.code != "CA"


def find_regions(text: str) -> list[RegionMatch]:
    """Canadian provinces/territories and US states (names, French names, abbreviations)."""
    if not text:
        return []
    work = clean(text)
    return regions_in(text, work, scan(work), whole=False)


def parse_region(text: str) -> RegionMatch | None:
    """The first province or state in `text`; a bare code ("ON") counts when it is the text."""
    if not text:
        return None
    work = clean(text)
    hits = scan(work)
    whole = len(hits) == 1 and not work[: hits[0].start].strip() and not work[hits[0].end :].strip()
    found = regions_in(text, work, hits, whole=whole)
    return found[0] if found else None


def countries_in(text: str, hits: list[Hit]) -> list[CountryMatch]:
    """The countries among the scanned `hits`."""
    import pycountry

    out: list[CountryMatch] = []
    for h in hits:
        original = text[h.start : h.end]
        for e in h.entries:
            if e.kind != "country" or not allowed(e, original):
                continue
            c = pycountry.countries.get(alpha_2=e.code)
            out.append(
                CountryMatch(
                    start=h.start, end=h.end, text=original, alpha2=e.code,
                    alpha3=c.alpha_3, name=e.name,
                )
            )  # fmt: skip
            break
    return out


def find_countries(text: str) -> list[CountryMatch]:
    """Country names in English or French ("India", "Inde", "États-Unis", "UAE")."""
    if not text:
        return []
    return countries_in(text, scan(clean(text)))


def parse_country(text: str) -> CountryMatch | None:
    """A country by name, or by ISO alpha-2/alpha-3 code when the code is the whole text."""
    if not text:
        return None
    found = find_countries(text)
    if found:
        return found[0]
    stripped = text.strip()
    if re.fullmatch(r"[A-Za-z]{2,3}", stripped) and len(text) < 10:
        import pycountry

        code = stripped.upper()
        c = (
            pycountry.countries.get(alpha_2=code)
            if len(code) == 2
            else pycountry.countries.get(alpha_3=code)
        )
        if c is not None:
            s = text.index(stripped)
            return CountryMatch(
                start=s, end=s + len(stripped), text=stripped, alpha2=c.alpha_2,
                alpha3=c.alpha_3, name=getattr(c, "common_name", None) or c.name,
            )  # fmt: skip
    return None
