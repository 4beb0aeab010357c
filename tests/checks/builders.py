"""Plain-data builders for Case objects: complete and clean by default, so a test changes only
the fact it is about."""

from __future__ import annotations

from datetime import date
from typing import Any

from checks.models import (
    Case,
    Employer,
    Letter,
    NocInfo,
    Pay,
    PayRecord,
    Position,
    Program,
    Quote,
    SignatoryRelation,
    SignatureKind,
)

LETTER = "letters/acme.pdf"


def q(text: str, document: str = LETTER, page: int = 1) -> Quote:
    return Quote(document=document, page=page, text=text)


def employer(
    id: str = "acme", name: str = "Acme Software Ltd.", country: str = "CA", **kw: Any
) -> Employer:
    return Employer(
        id=id,
        name={"value": name, "quote": q(name)},
        country=country,
        address="100 King St W, Toronto, ON",
        **kw,
    )


def letter(document: str = LETTER, employer: str = "acme", **kw: Any) -> Letter:
    fields: dict[str, Any] = dict(
        letterhead=True,
        employer_legal_name="Acme Software Ltd.",
        address="100 King St W, Toronto, ON",
        phone="+1 416 555 0100",
        email="hr@acme.example",
        website="acme.example",
        applicant_name="Emily Carter",
        signatory_name={"value": "Jane Doe", "quote": q("Jane Doe", document)},
        signatory_title="HR Manager",
        signatory_relation=SignatoryRelation.HR,
        signature=SignatureKind.WET,
        letter_date=date(2025, 5, 1),
    )
    fields.update(kw)
    return Letter(document=document, employer=employer, **fields)


def position(
    id: str = "p1",
    start: date = date(2022, 5, 2),
    end: date | None = date(2025, 4, 25),
    hours: float | None = 40,
    noc: str | None = "21231",
    employer: str = "acme",
    letter: str | None = LETTER,
    **kw: Any,
) -> Position:
    fields: dict[str, Any] = dict(
        title={"value": "Software Developer", "quote": q("Software Developer", letter or LETTER)},
        start={"value": start, "quote": q(start.isoformat(), letter or LETTER)},
        end=end,
        is_current=end is None or None,
        hours_per_week=hours,
        pay=Pay(amount=80000, currency="CAD", period="year"),
        benefits="health and dental",
        duties=("Writes and tests code for the billing platform.",),
        noc=NocInfo(claimed=noc) if noc else None,
    )
    fields.update(kw)
    if fields["is_current"] is None:
        fields.pop("is_current")
    return Position(id=id, employer=employer, letter=letter, **fields)


def stub(
    position: str,
    start: date,
    end: date,
    hours: float | None = 80,
    gross: float = 3000,
    deductions: tuple[str, ...] | None = ("income_tax", "cpp", "ei"),
    **kw: Any,
) -> PayRecord:
    return PayRecord(
        document=f"stubs/{start}.pdf",
        employer="acme",
        position=position,
        period_start=start,
        period_end=end,
        hours=hours,
        gross=gross,
        deductions=deductions,
        **kw,
    )


def case(
    positions: tuple[Position, ...] | None = None,
    application_date: date = date(2025, 5, 12),
    programs: tuple[Program, ...] = (Program.CEC, Program.FSW, Program.CRS, Program.CBS),
    **kw: Any,
) -> Case:
    kw.setdefault("employers", (employer(),))
    kw.setdefault("letters", (letter(),))
    kw.setdefault("applicant", "Emily Carter")
    return Case(
        application_date=application_date,
        programs=programs,
        positions=positions if positions is not None else (position(),),
        **kw,
    )


def weeks(start_monday: date, n: int) -> tuple[date, date]:
    """(start, end) of `n` whole Monday-Friday weeks from a Monday."""
    from datetime import timedelta

    assert start_monday.weekday() == 0
    return start_monday, start_monday + timedelta(weeks=n) - timedelta(days=3)
