"""Facts the page states that the tool could not read (three states: stated, unread, absent).

A completeness rule ("the letter does not give the salary") fires only when a fact is absent.
When the page shows the fact's marks (a street beside a number, a currency beside digits) but
the parser could not read it, this one warning quotes those words instead, so a person checks
them; no rule treats an unread fact as a false one.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.context import Context
from checks.findings import Severity
from checks.models import Program, UnreadFact
from checks.registry import Hit, rule

EE = (Program.CEC, Program.FSW, Program.FST, Program.CRS, Program.CBS)
_NAMES = {
    "address": "the employer's address",
    "phone": "the employer's telephone",
    "email": "the employer's email",
    "letter_date": "the letter's date",
    "signatory": "the signatory's name",
    "hours": "hours per week",
    "salary": "the salary",
}


def _say(unread: tuple[UnreadFact, ...]) -> str:
    parts = []
    for u in unread:
        words = f' ("{u.quote.text}")' if u.quote is not None else ""
        parts.append(f"{_NAMES.get(u.field, u.field)}{words}")
    return "; ".join(parts)


@rule(
    "EV807",
    "parse.unread_field",
    Severity.WARNING,
    programs=EE,
    cites=["R-LTR-2", "R-LTR-3", "R-LTR-5", "R-LTR-6"],
    summary="The page seems to state a fact the tool could not read",
    what="A letter shows the marks of a required fact (address, telephone, date, signatory, "
    "hours, salary) in a form the tool did not read; it is neither confirmed nor missing.",
    why="A finding that a letter lacks a fact its page shows is worse than none; the consultant "
    "checks these words by eye instead.",
    example="A French letterhead '52, rue des Verriers — 69009 LYON' with no country: the "
    "address is on the page but was not read.",
    fix="Read the quoted words; if they state the fact, nothing is missing. If the tool misread "
    "them, the letter may still need the fact written plainly.",
)
def unread_field(ctx: Context) -> Iterator[Hit]:
    for lt in ctx.case.letters:
        if lt.unread:
            yield Hit(
                f"{lt.document}: the page seems to give {_say(lt.unread)}, which could not "
                "be read; check it by eye.",
                documents=(lt.document,),
                evidence=tuple(u.quote for u in lt.unread if u.quote is not None),
                subject=lt.document,
            )
    for p in ctx.case.positions:
        if p.unread:
            yield Hit(
                f"{ctx.label(p)}: the letter seems to give {_say(p.unread)}, which could not "
                "be read; check it by eye.",
                documents=ctx.documents(p),
                evidence=tuple(u.quote for u in p.unread if u.quote is not None),
                subject=p.id,
            )
