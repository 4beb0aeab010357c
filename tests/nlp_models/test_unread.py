"""Facts a page states in a form the readers do not know are "unread", never absent: the marks
of an address, a phone, a salary or hours are kept with their words. Letters in this file's
own wording."""

from __future__ import annotations

from nlp_models.parse import parse_document
from tests.nlp_models.parse_helpers import text_doc

_LYON = """ATELIERS BRUNEL SAS
14, quai des Célestins — 69002 LYON — Tél. 04 55 55 01 88

Lyon, le 3 mars 2025

CERTIFICAT DE TRAVAIL

Je soussignée, Claire Brunel, gérante, certifie que Madame Inès Morel a été employée par
notre société du 1er février 2019 au 31 janvier 2025 en qualité de dessinatrice projeteuse.
Rémunération brute : 3 150 euros mensuels sur treize mois.

Claire Brunel
Gérante
"""

_PLAIN = """Hillcrest Dental Clinic
14 Main Street, Kamloops, BC V2C 1A1
To whom it may concern,
Omar Haddad worked for us as a Dental Assistant from June 1, 2021 to May 31, 2024. {extra}
Regards,
Ruth Lee
Office Manager
"""


def test_a_foreign_letterhead_address_is_unread_and_still_a_letterhead() -> None:
    f = parse_document(text_doc(_LYON)).fields
    assert f.employer.address is None
    assert [(u.field, u.seen.value) for u in f.unread] == [("address", "69002 LYON")]
    assert f.letterhead is True


def test_a_salary_in_an_unknown_form_is_unread_not_absent() -> None:
    letter = _PLAIN.format(extra="Remuneration 41.250 per cutoff.")
    (p,) = parse_document(text_doc(letter)).fields.positions
    assert p.pay is None
    assert [(u.field, u.seen.value) for u in p.unread] == [("salary", "Remuneration 41.250")]


def test_nothing_is_unread_when_the_page_states_nothing() -> None:
    f = parse_document(text_doc(_PLAIN.format(extra=""))).fields
    assert f.unread == () and f.signatory.name.value == "Ruth Lee"
    (p,) = f.positions
    assert p.unread == () and p.pay is None and p.hours_per_week is None
