"""Postal codes: Canadian postal codes (with the province their first letter names) and the US
ZIP code pattern."""

from __future__ import annotations

import re

from nlp_models.normalize.models import PostalCodeMatch

_CA_POSTAL = re.compile(
    r"(?<![A-Za-z0-9])([ABCEGHJ-NPRSTVXY])([0-9OIl])([ABCEGHJ-NPRSTV-Z])[ -]?"
    r"([0-9OIl])([ABCEGHJ-NPRSTV-Z])([0-9OIl])(?![A-Za-z0-9])",
    re.IGNORECASE,
)
ZIP = re.compile(r"\s{1,3}(\d{5}(?:-\d{4})?)(?![\d-])")
_POSTAL_REGION = {
    "A": "NL",
    "B": "NS",
    "C": "PE",
    "E": "NB",
    "G": "QC",
    "H": "QC",
    "J": "QC",
    "K": "ON",
    "L": "ON",
    "M": "ON",
    "N": "ON",
    "P": "ON",
    "R": "MB",
    "S": "SK",
    "T": "AB",
    "V": "BC",
    "Y": "YT",
}
_TO_DIGIT = str.maketrans("OIl", "011")


def ca_postals(work: str, *, anchored: bool = False) -> list[re.Match[str]]:
    """Postal codes with at least two of their three digits printed as digits: OCR may turn
    one into O or l, but "SOCIAL" and "almoço" are words, not S0C 1A1."""
    found = [_CA_POSTAL.match(work)] if anchored else list(_CA_POSTAL.finditer(work))
    return [m for m in found if m is not None and sum(m.group(i).isdigit() for i in (2, 4, 6)) >= 2]


def ca_postal(text: str, m: re.Match[str]) -> PostalCodeMatch:
    g = [x.upper() for x in m.groups()]
    g[1], g[3], g[5] = (g[i].translate(_TO_DIGIT) for i in (1, 3, 5))
    value = f"{g[0]}{g[1]}{g[2]} {g[3]}{g[4]}{g[5]}"
    if g[0] == "X":
        region = "NU" if value[:3] in ("X0A", "X0B", "X0C") else "NT"
    else:
        region = _POSTAL_REGION.get(g[0])
    return PostalCodeMatch(
        start=m.start(), end=m.end(), text=text[m.start() : m.end()], value=value,
        country="CA", region=region,
    )  # fmt: skip
