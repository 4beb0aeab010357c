"""Duties written as running prose (no heading, no bullets), and NOC text pasted into it."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp_models.noc.copying import copied_duties
from nlp_models.parse import parse_document
from pipeline.noc_data import load_index
from tests.nlp_models.parse_helpers import text_doc

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "noc2021"

HEAD = """Kestrel Bay Marine Ltd.
27 Harbour Road, Nanaimo, BC V9R 5K1

February 10, 2025

To whom it may concern,

This letter confirms that Tomas Varga has been employed by Kestrel Bay Marine Ltd. as a
Marine Mechanic since 3 May 2020, working 40 hours per week at $34.00 per hour.

"""
TAIL = """

Yours truly,
Ines Moreau
Service Manager
"""


def _duties(body: str) -> list[str]:
    fields = parse_document(text_doc(HEAD + body + TAIL)).fields
    return [d.value for p in fields.positions for d in p.duties]


def test_duty_sentences_are_read_one_verb_phrase_each() -> None:
    duties = _duties(
        "Tomas joined our service department after finishing his apprenticeship. On a typical "
        "day he diagnoses outboard and inboard engines with our scan tools, rebuilds lower "
        "units, and replaces impellers and fuel pumps. He also keeps the repair orders up to "
        "date in our shop software. Every spring he commissions customers' boats before "
        "launch. He is reliable and well liked by our customers."
    )
    assert duties == [
        "diagnoses outboard and inboard engines with our scan tools",
        "rebuilds lower units",
        "replaces impellers and fuel pumps",
        "keeps the repair orders up to date in our shop software",
        "commissions customers' boats before launch",
    ]


def test_one_such_sentence_alone_is_not_a_duty_list() -> None:
    assert _duties("He always greets customers with a smile. We will miss him.") == []


def test_the_job_itself_is_not_a_duty() -> None:
    duties = _duties(
        "Tomas worked as a deckhand before he moved to the shop. He served as our safety "
        "representative in 2023. He reports to the Service Manager. He winterizes engines "
        "and shrink-wraps hulls. He tests batteries and charging systems."
    )
    assert duties == [
        "winterizes engines and shrink-wraps hulls",
        "tests batteries and charging systems",
    ]


def test_progressive_and_role_sentences() -> None:
    duties = _duties(
        "Mr. Varga is handling warranty claims with the engine makers. His job is to order "
        "parts and track back-orders for the whole shop. He was also training two junior "
        "technicians on diagnostic software."
    )
    assert duties == [
        "handling warranty claims with the engine makers",
        "order parts and track back-orders for the whole shop",
        "training two junior technicians on diagnostic software",
    ]


@pytest.mark.skipif(not SHARED.exists(), reason="shared NOC data not present")
def test_noc_duties_pasted_into_prose_are_flagged_with_the_sentence() -> None:
    index = load_index(SHARED)
    ug = index.group("72400")  # construction millwrights and industrial mechanics
    assert ug is not None
    first, second = ug.main_duties[1], ug.main_duties[2]  # [0] is a sub-heading
    assert first.startswith("Read blueprints") and second.startswith("Install, align")
    # Pasted with the person changed, as a letter would: "reads", "installs, aligns, ...".
    edited = "installs, aligns, dismantles and moves" + second.split("dismantle and move", 1)[1]
    body = (
        "Tomas is a valued member of our team. In his role, Tomas reads"
        f"{first[len('Read') :].rstrip('.')}. He also {edited.rstrip('.')}. "
        "He keeps the shop tidy at closing."
    )
    duties = _duties(body)
    report = copied_duties(index, duties, ["72400"])
    flagged = [d for d in report.duties if d.near_verbatim]
    assert len(flagged) >= 2
    assert {d.noc_text for d in flagged} >= {first, second}
    assert not any("tidy" in d.duty for d in flagged)


def test_responsible_for_a_list_of_tasks_is_a_duty_list() -> None:
    duties = _duties(
        "As an apprentice, he was responsible for draining and refilling cooling systems, "
        "replacing drive belts and inspecting hulls for damage."
    )
    assert duties == [
        "draining and refilling cooling systems",
        "replacing drive belts",
        "inspecting hulls for damage",
    ]


def test_bullets_as_ocr_reads_them() -> None:
    # A scanned "•" comes back as "+", "¢" or "*": each still opens a duty.
    duties = _duties(
        "Main duties:\n"
        "+ Rebuilt sterndrives and outboard gearcases.\n"
        "¢ Wired navigation lights and bilge pumps.\n"
        "* Pressure-tested fuel lines before sea trials.\n"
    )
    assert duties == [
        "Rebuilt sterndrives and outboard gearcases.",
        "Wired navigation lights and bilge pumps.",
        "Pressure-tested fuel lines before sea trials.",
    ]


def test_a_bullet_read_as_two_glyphs_still_opens_a_duty() -> None:
    # A phone photo's bullet can come back as two glyphs ("+»"); a third glyph is not a bullet.
    duties = _duties(
        "Main duties:\n"
        "+ Balanced the tills and counted the safe at closing.\n"
        "+» Ordered stock from the regional warehouse every Monday.\n"
        "» Trained new cashiers on the point-of-sale system.\n"
    )
    assert duties == [
        "Balanced the tills and counted the safe at closing.",
        "Ordered stock from the regional warehouse every Monday.",
        "Trained new cashiers on the point-of-sale system.",
    ]


_WORK_IS = """Bluenose Mussel Farms Ltd.
412 Shore Road, Ship Harbour, NS B0J 1Y0 · (902) 555-0114

March 4, 2025

To whom it may concern,

Kofi Mensah has worked for us as a farm hand since May 2, 2022, about 44 hours a week.

His work on the lease is hauling and grading mussel socks, sorting the catch, washing and
bagging the mussels for market, and repairing lines and floats after storms.

Yours truly,
Dale Rafuse, Owner
"""


def test_a_sentence_that_says_what_the_work_is_lists_its_gerunds_as_duties() -> None:
    # One sentence, no bullets: "His work ... is <gerund>, <gerund>, ..." says it is the work.
    (position,) = parse_document(text_doc(_WORK_IS)).fields.positions
    assert [d.value for d in position.duties] == [
        "hauling and grading mussel socks",
        "sorting the catch",
        "washing and bagging the mussels for market",
        "repairing lines and floats after storms",
    ]
