"""Employers named across documents are merged into one, keeping every spelling as evidence.

Two names are the same employer when, with legal suffixes and punctuation removed, they are nearly
identical (token-set ratio ≥ 90), or when they share a web or e-mail domain or a street address.
The names stay as variants: the consistency checks decide whether the difference needs explaining.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from checks.models import Employer, Fact, NameVariant, Quote
from nlp_models.parsed import Party
from pipeline.assemble.quotes import fact, quote

_SUFFIXES = re.compile(
    r"\b(inc|incorporated|ltd|limited|llc|llp|lp|corp|corporation|co|company|pvt|private|plc|"
    r"gmbh|s\.?a|s\.?a\.?s|ltée|ltee|ulc|enr|pty|sdn|bhd)\b\.?",
    re.IGNORECASE,
)
_SAME_NAME = 90.0
_FREE_MAIL = frozenset({"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com"})


def name_key(name: str) -> str:
    text = _SUFFIXES.sub(" ", name.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _address_key(party: Party) -> str | None:
    """Postal code and street number: two names at one address are one business (a trade name,
    a payroll name) far more often than two employers sharing a door."""
    if party.address is None:
        return None
    a = party.address.value
    number = re.match(r"\s*(\d+)", a.street or "")
    if not a.postal_code or not number:
        return None
    return f"{a.postal_code.replace(' ', '').upper()}|{number.group(1)}"


def _domain(party: Party) -> str | None:
    for found in (party.website, party.email):
        if found is None:
            continue
        host = found.value.lower().split("@")[-1]
        host = re.sub(r"^(https?://)?(www\.)?", "", host).split("/")[0]
        if host and host not in _FREE_MAIL:
            return host
    return None


@dataclass
class _Draft:
    id: str
    name: Fact[str]
    key: str
    domains: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    variants: list[NameVariant] = field(default_factory=list)
    address: Fact[str] | None = None
    addresses: list[Fact[str]] = field(default_factory=list)
    country: Fact[str] | None = None
    sources: list[str] = field(default_factory=list)


class EmployerBook:
    """Collects parties from documents; `resolve` returns the merged employer's id."""

    def __init__(self) -> None:
        self._drafts: list[_Draft] = []

    def resolve(self, document: str, party: Party) -> str | None:
        if party.legal_name is None and party.trade_name is None:
            return None
        named = party.legal_name or party.trade_name
        name = fact(document, named)
        key = name_key(name.value)
        domain = _domain(party)
        place = _address_key(party)
        draft = self._find(key, domain, place)
        if draft is None:
            draft = _Draft(id=f"E{len(self._drafts) + 1}", name=name, key=key)
            self._drafts.append(draft)
        if domain:
            draft.domains.add(domain)
        if place:
            draft.places.add(place)
        if name.value not in {v.name for v in draft.variants}:
            draft.variants.append(NameVariant(name=name.value, quote=name.quote))
        address = _address(document, party)
        if address is not None:
            draft.addresses.append(address)
            draft.address = draft.address or address
        # Where the employer is: the parser's reading, else its address's country.
        where = party.country
        if where is None and party.address is not None and party.address.value.country:
            where = party.address.model_copy(update={"value": party.address.value.country})
        if where is not None and draft.country is None:
            draft.country = Fact(value=where.value, quote=quote(document, where))
        if document not in draft.sources:
            draft.sources.append(document)
        return draft.id

    def _find(self, key: str, domain: str | None, place: str | None) -> _Draft | None:
        for draft in self._drafts:
            if (domain and domain in draft.domains) or (place and place in draft.places):
                return draft
            if key and fuzz.token_set_ratio(key, draft.key) >= _SAME_NAME:
                return draft
        return None

    def country(self, employer_id: str) -> Fact[str] | None:
        return next(d.country for d in self._drafts if d.id == employer_id)

    def employers(self) -> tuple[Employer, ...]:
        return tuple(
            Employer(
                id=d.id,
                name=d.name,
                name_variants=tuple(d.variants),
                address=d.address,
                address_variants=tuple(d.addresses),
                country=d.country,
                sources=tuple(d.sources),
            )
            for d in self._drafts
        )


def _address(document: str, party: Party) -> Fact[str] | None:
    if party.address is None:
        return None
    a = party.address.value
    parts = [a.street, a.city, " ".join(p for p in (a.province, a.postal_code) if p), a.country]
    text = ", ".join(p for p in parts if p)
    if not text:
        return None
    return Fact(
        value=text, quote=quote(document, party.address) or Quote(document=document, text=text)
    )
