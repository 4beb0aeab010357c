"""The NOC index is built from the official files as published, quirks included."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp_models.noc.concordance import resolve_claimed
from nlp_models.noc.index import NocIndex, build_index
from pipeline.noc_data import load_index

SHARED = Path(__file__).parents[2] / ".." / "shared" / "data" / "noc2021"


@pytest.fixture(scope="module")
def index() -> NocIndex:
    return load_index(SHARED)


def test_516_unit_groups_with_teer_from_second_digit(index: NocIndex) -> None:
    assert len(index.groups) == 516
    teer_counts = {t: sum(ug.teer == t for ug in index.groups) for t in range(6)}
    assert teer_counts == {0: 48, 1: 97, 2: 162, 3: 69, 4: 95, 5: 45}
    assert index.group("21232").teer == 1
    assert index.group("65100").teer == 5


def test_leading_zeros_kept(index: NocIndex) -> None:
    assert index.groups[0].code == "00010"
    assert index.group("00010").title == "Legislators"
    assert index.hierarchy["0"] == "Legislative and senior management occupations"


def test_preamble_rows_removed_including_64301(index: NocIndex) -> None:
    all_duties = [d for ug in index.groups for d in ug.main_duties]
    assert not any(d.startswith("This group performs") for d in all_duties)
    bartenders = index.group("64301")
    assert not any("perform some or all" in d for d in bartenders.main_duties)
    first = "Take beverage orders from serving staff or directly from patrons"
    assert bartenders.main_duties[0] == first
    # 6,144 duty rows - 516 preambles - 25 exact duplicates of real duties
    assert len(all_duties) == 5603
    assert min(len(ug.main_duties) for ug in index.groups) == 3


def test_may_duties_are_non_essential(index: NocIndex) -> None:
    nurses = index.group("31301")
    flags = dict(zip(nurses.main_duties, nurses.essential, strict=True))
    assert flags["May supervise licensed practical nurses and other nursing staff"] is False
    assert flags["Assess patients to identify appropriate nursing interventions"] is True
    assert index.duty_essential.sum() == sum(sum(ug.essential) for ug in index.groups)


def test_trailing_space_and_nbsp_normalised(index: NocIndex) -> None:
    texts = [
        t for ug in index.groups for t in (*ug.main_duties, *ug.all_examples, ug.lead_statement)
    ]
    assert all(t == t.strip() for t in texts)
    assert not any("\u00a0" in t for t in texts)
    assert "\u00a0" not in index.group("40042").lead_statement


def test_every_example_title_indexed_once(index: NocIndex) -> None:
    assert sum(len(ug.all_examples) for ug in index.groups) == 27935
    # one extra title row per group: its class title
    assert len(index.titles.text) == 27935 + 516
    assert "registered nurse (R.N.)" in index.group("31301").all_examples


def test_concordance_zero_padded_and_splits(index: NocIndex) -> None:
    assert len(index.concordance) == 500
    assert index.concordance["0011"] == (("00010", "VC1 - Code Change, VC2 - Name Change"),)
    split = resolve_claimed(index, "2174")
    assert split.version == "2016" and split.split
    assert split.codes == ("21230", "21232", "21234")
    assert resolve_claimed(index, "NOC 2016: 1311").codes == ("12200",)
    assert resolve_claimed(index, "21232").codes == ("21232",)
    assert not resolve_claimed(index, "99999").valid
    assert resolve_claimed(index, "123").version == "unknown"


def test_concordance_header_with_leading_space_is_read() -> None:
    structure = [
        {"Level": "5", "Hierarchical structure": "Unit Group", "Code - NOC 2021 V1.0": "00010",
         "Class title": "Legislators", "Class definition": "Legislators make laws."},
    ]  # fmt: skip
    elements = [
        {"Level": "5", "Code - NOC 2021 V1.0": "00010", "Class title": "Legislators",
         "Element Type Label English": t, "Element Description English": v}
        for t, v in [("All examples", "senator "),
                     ("Main duties", "This group performs some or all of the following duties: "),
                     ("Main duties", "Make laws "), ("Main duties", "Make laws "),
                     ("Main duties", "May chair committees ")]
    ]  # fmt: skip
    concordance = [
        {"NOC 2016 V1.3 Code": "11", "NOC 2016 V1.3 Title": "Legislators",
         " GSIM Type of Change": "VC1 - Code Change", "NOC 2021 V1.0 Code": "10",
         "NOC 2021 V1.0 Title": "Legislators", "Notes": ""},
    ]  # fmt: skip
    small = build_index(structure, elements, concordance)
    assert small.concordance == {"0011": (("00010", "VC1 - Code Change"),)}
    assert small.groups[0].main_duties == ("Make laws", "May chair committees")
    assert small.groups[0].essential == (True, False)
