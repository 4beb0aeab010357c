"""The country of a company from how it is registered: national company and tax identifiers
("CNPJ", "SIRET", "RFC", "GSTIN") and legal forms that belong to one country ("S.A. de C.V.",
"Pvt. Ltd."). A form several countries share counts for the commonest ("Ltda." Brazil,
"GmbH" Germany) or only where the document's language agrees ("SAS" is French in French, and
Colombian in Spanish). These are weaker than an address or a named country, and used after.

A foreign letterhead often names a city and no country ("69009 LYON", "Recife/PE"); the way the
employer is registered still says where it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RegistryMatch:
    country: str  # ISO 3166-1 alpha-2
    start: int
    end: int
    text: str


# (pattern, country, language the form needs or None). Identifiers first: they are the
# strongest, being issued by one state.
_CUES: tuple[tuple[str, str, str | None], ...] = (
    (r"\bCNPJ\b|\bCTPS\b|\bregime\s+da\s+CLT\b", "BR", None),
    (r"\bSIRE[TN]\b|\bURSSAF\b|\bRCS\s+[A-Z][a-zé]+", "FR", None),
    (r"\bR\.?F\.?C\.?\s*[:.]?\s*[A-Z&Ñ]{3,4}\d{6}|\bIMSS\b|\bINFONAVIT\b", "MX", None),
    (r"\bGSTIN\b|\bCIN\s*[:.]?\s*[UL]\d{5}|\bEPFO?\b\s*(?:no|number|a/c)", "IN", None),
    # A UK company states where it is registered on its letters (Companies Act 2006).
    (r"\bCompanies\s+House\b|\bNational\s+Insurance\b"
     r"|\bRegistered\s+in\s+(?:England|Scotland|Wales|Northern\s+Ireland)\b", "GB", None),
    (r"\bSSS\b.{0,40}\bPhil[Hh]ealth\b|\bPag-IBIG\b", "PH", None),
    (r"(?i:\bS\.?\s?A\.?\s?(?:B\.?\s?)?de\s+C\.?\s?V\.?|\bS\.?\s?de\s+R\.?\s?L\.?\s?de\s+C\.?\s?V\.?)",
     "MX", None),
    (r"\b(?:Pvt\.?|Private)\s+(?:Ltd\.?|Limited)\b", "IN", None),
    (r"\bSdn\.?\s+Bhd\.?", "MY", None),
    (r"\bPte\.?\s+Ltd\.?", "SG", None),
    (r"\bPty\.?\s+Ltd\.?", "AU", None),
    (r"\bLtda\.?(?!\w)|\bEIRELI\b", "BR", None),  # Colombia and Chile use it too, far less
    (r"\bS\.?A\.?S\.?(?!\w)|\bS\.?A\.?R\.?L\.?(?!\w)", "FR", "fr"),
    (r"\bGmbH\b", "DE", None),  # or Austria, Switzerland: the address says when it can
)  # fmt: skip
_COMPILED = tuple((re.compile(rx), c, lang) for rx, c, lang in _CUES)


def registry_country(text: str, language: str | None = None) -> RegistryMatch | None:
    """The first cue of the table that the text holds (earlier cues are stronger)."""
    for rx, country, lang in _COMPILED:
        if lang is not None and lang != language:
            continue
        m = rx.search(text)
        if m is not None:
            return RegistryMatch(country, m.start(), m.end(), m.group(0))
    return None
