"""Positions and letters: each reference letter's positions, and contracts' statements about them.

A position stated by a letter is the position; a contract for the same employer whose title or
dates agree becomes one of its `statements` (the consistency checks compare them). A contract with
no matching letter position still yields a position — with no letter (R-LTR-9).
"""

from __future__ import annotations

import datetime as dt

from rapidfuzz import fuzz

from checks.models import (
    Fact,
    Letter,
    Pay,
    PayPeriod,
    Position,
    PositionStatement,
    Precision,
    Relationship,
    SignatoryRelation,
    SignatureKind,
    UnreadFact,
)
from nlp_models.parsed import ContractFields, LetterFields, Money, Unread
from nlp_models.parsed import Position as ParsedPosition
from pipeline.assemble.employers import name_key
from pipeline.assemble.quotes import fact, quote

_PERIODS = {
    "hour": PayPeriod.HOUR,
    "week": PayPeriod.WEEK,
    "biweekly": PayPeriod.BIWEEK,
    "semimonthly": PayPeriod.SEMIMONTH,
    "month": PayPeriod.MONTH,
    "year": PayPeriod.YEAR,
}
_HR_WORDS = (
    "human resources",
    "hr ",
    "people",
    "personnel",
    "talent",
    "ressources humaines",
    "payroll",
)
_SIGNATURES = {
    "wet": SignatureKind.WET,
    "digital": SignatureKind.DIGITAL,
    "typed": SignatureKind.TYPED,
}


def letter_record(
    document: str, employer: str, fields: LetterFields, applicant: str | None
) -> Letter:
    signatory = fields.signatory
    relation = _relation(
        signatory.name.value if signatory.name else None,
        signatory.title.value if signatory.title else None,
        applicant,
    )
    signature = _SIGNATURES.get(signatory.signature.value) if signatory.signature else None
    return Letter(
        document=document,
        employer=employer,
        letterhead=fields.letterhead,
        employer_legal_name=fact(document, fields.employer.legal_name),
        address=_address_fact(document, fields),
        phone=fact(document, fields.employer.phone),
        email=fact(document, fields.employer.email),
        website=fact(document, fields.employer.website),
        applicant_name=fact(document, fields.applicant),
        signatory_name=fact(document, signatory.name),
        signatory_title=fact(document, signatory.title),
        signatory_relation=relation,
        signature=signature,
        letter_date=fact(document, fields.letter_date),
        unread=_unread(document, fields.unread),
    )


def _unread(document: str, unread: tuple[Unread, ...]) -> tuple[UnreadFact, ...]:
    return tuple(UnreadFact(field=u.field, quote=quote(document, u.seen)) for u in unread)


def _address_fact(document: str, fields: LetterFields) -> Fact[str] | None:
    found = fields.employer.address
    if found is None:
        return None
    a = found.value
    text = ", ".join(p for p in (a.street, a.city, a.province, a.postal_code, a.country) if p)
    return Fact(value=text, quote=quote(document, found)) if text else None


def _relation(
    name: str | None, title: str | None, applicant: str | None
) -> SignatoryRelation | None:
    if name and applicant and fuzz.token_sort_ratio(name_key(name), name_key(applicant)) >= 90:
        return SignatoryRelation.SELF
    if not title:
        return None
    lowered = f" {title.lower()} "
    if any(word in lowered for word in _HR_WORDS):
        return SignatoryRelation.HR
    return SignatoryRelation.SUPERVISOR


_RELATIONSHIPS = {
    "self_employed": Relationship.SELF_EMPLOYED,
    "contractor": Relationship.CONTRACTOR,
    "unpaid_intern": Relationship.UNPAID_INTERN,
    "volunteer": Relationship.VOLUNTEER,
}


def _pay(document: str, found) -> Fact[Pay] | None:
    if found is None:
        return None
    money: Money = found.value
    if money.amount == 0:  # "unpaid", "no salary": no period to state
        return Fact(
            value=Pay(amount=0, currency=money.currency or "CAD"), quote=quote(document, found)
        )
    period = _PERIODS.get(money.period or "")
    if period is None or money.amount < 0:
        return None  # a daily rate or no period: the hours rules cannot use it
    pay = Pay(amount=money.amount, currency=money.currency or "CAD", period=period)
    return Fact(value=pay, quote=quote(document, found))


def _precision(value: str) -> Precision:
    return Precision.DAY if value == "day" else Precision.MONTH


def position_record(
    position_id: str,
    document: str,
    employer: str,
    parsed: ParsedPosition,
    letter: str | None,
    work_country: Fact[str] | None,
    relationship: Fact[Relationship] | None = None,
) -> Position:
    remote = bool(parsed.remote.value) if parsed.remote else False
    location = fact(document, parsed.work_location)
    pay = _pay(document, parsed.pay)
    unread = _unread(document, parsed.unread)
    if pay is None and parsed.pay is not None:
        # A daily rate, or an amount without its period: stated, but not countable as read.
        unread += (UnreadFact(field="salary", quote=quote(document, parsed.pay)),)
    return Position(
        id=position_id,
        employer=employer,
        letter=letter,
        sources=(document,),
        title=fact(document, parsed.title),
        start=fact(document, parsed.start),
        start_precision=_precision(parsed.start_precision),
        end=fact(document, parsed.end),
        end_precision=_precision(parsed.end_precision),
        is_current=fact(document, parsed.is_current),
        hours_per_week=fact(document, parsed.hours_per_week),
        hours_per_week_max=parsed.hours_per_week_max,
        hours_text=fact(document, parsed.hours_text),
        pay=pay,
        benefits=fact(document, parsed.benefits),
        duties=tuple(fact(document, d) for d in parsed.duties),
        work_country=_country(location) or work_country,
        remote=remote,
        relationship=_relationship(document, parsed) or relationship,
        unread=unread,
    )


def _relationship(document: str, parsed: ParsedPosition) -> Fact[Relationship] | None:
    found = parsed.relationship
    if found is None:
        return None
    return Fact(value=_RELATIONSHIPS[found.value], quote=quote(document, found))


def _country(location: Fact[str] | None) -> Fact[str] | None:
    """The country a work location names ("Toronto, Ontario, Canada", "Pune, India", "Laval,
    QC"), as ISO alpha-2."""
    if location is None:
        return None
    from nlp_models.normalize import parse_country, parse_region  # phone/country tables: lazily

    country = parse_country(location.value)
    if country is not None:
        return Fact(value=country.alpha2, quote=location.quote)
    region = parse_region(location.value)
    return Fact(value=region.country, quote=location.quote) if region is not None else None


def statement(document: str, parsed: ParsedPosition) -> PositionStatement:
    return PositionStatement(
        document=document,
        title=fact(document, parsed.title),
        start=fact(document, parsed.start),
        end=fact(document, parsed.end),
        hours_per_week=fact(document, parsed.hours_per_week),
        pay=_pay(document, parsed.pay),
    )


def same_position(a: Position, b: ParsedPosition) -> bool:
    """A contract's position matches a letter's when the titles agree or the dates overlap."""
    if a.title and b.title and fuzz.token_set_ratio(a.title.value, b.title.value) >= 85:
        return True
    if a.start and b.start:
        a_end = a.end.value if a.end else dt.date.max
        b_end = b.end.value if b.end else dt.date.max
        return a.start.value <= b_end and b.start.value <= a_end
    return False


def relationship_fact(document: str, fields: ContractFields) -> Fact[Relationship] | None:
    found = fields.relationship_type
    if found is None:
        return None
    return Fact(value=Relationship(found.value), quote=quote(document, found))
