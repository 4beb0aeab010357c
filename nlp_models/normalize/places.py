"""Places: Canadian postal codes and provinces, US states and ZIP codes, countries (English and
French names, ISO codes), and the address lines they anchor.

The work is split by job: the gazetteer of names (`_gazetteer`), postal-code patterns
(`_postal_codes`), provinces, states and countries in a text (`place_names`) and address lines
(`addresses`). Postal codes are found here; the other public names are re-exported from here.
"""

from __future__ import annotations

from nlp_models.normalize._postal_codes import ZIP, ca_postal, ca_postals
from nlp_models.normalize._text import clean
from nlp_models.normalize.addresses import find_addresses, parse_address
from nlp_models.normalize.models import PostalCodeMatch
from nlp_models.normalize.place_names import (
    find_countries,
    find_regions,
    parse_country,
    parse_region,
)


def find_postal_codes(text: str) -> list[PostalCodeMatch]:
    """Canadian postal codes anywhere; US ZIP codes only right after a state."""
    if not text:
        return []
    work = clean(text)
    out = [ca_postal(text, m) for m in ca_postals(work)]
    for r in find_regions(text):
        if r.country != "US":
            continue
        z = ZIP.match(work, r.end)
        if z is not None:
            out.append(
                PostalCodeMatch(
                    start=z.start(1), end=z.end(1), text=text[z.start(1) : z.end(1)],
                    value=z.group(1), country="US", region=r.code,
                )
            )  # fmt: skip
    return sorted(out, key=lambda p: p.start)


def parse_postal_code(text: str) -> PostalCodeMatch | None:
    found = find_postal_codes(text)
    return found[0] if found else None


__all__ = [
    "find_addresses",
    "find_countries",
    "find_postal_codes",
    "find_regions",
    "parse_address",
    "parse_country",
    "parse_postal_code",
    "parse_region",
]
