"""Near-verbatim NOC text in duties is flagged (R-FLAG-1); own wording is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp_models.noc.copying import copied_duties
from nlp_models.noc.index import NocIndex
from pipeline.noc_data import load_index

SHARED = Path(__file__).parents[2] / ".." / "shared" / "data" / "noc2021"


@pytest.fixture(scope="module")
def index() -> NocIndex:
    return load_index(SHARED)


def test_pasted_noc_duties_are_flagged(index: NocIndex) -> None:
    pasted = [
        "Design, write, read, test, and correct code for new software",  # verbatim
        "Wrote documentation for new and updated software",  # tense changed, no full stop
        "write, modify, integrate and test software code for e-commerce internet and mobile "
        "applications",  # case and punctuation
    ]
    report = copied_duties(index, pasted, ["21232"])
    assert [d.near_verbatim for d in report.duties] == [True, True, True]
    assert report.share == 1.0
    assert report.duties[1].noc_text == "Write documentation for new and updated software."


def test_lead_statement_sentence_is_flagged(index: NocIndex) -> None:
    lead = index.group("21232").lead_statement.split(". ")[0]
    report = copied_duties(index, [lead], ["21232"])
    assert report.copied == 1


def test_own_words_are_not_flagged(index: NocIndex) -> None:
    own = [
        "Build new features for our web-based analytics product in Python and TypeScript",
        "Write unit and integration tests and fix defects found in code reviews",
        "Improve the performance of existing modules and refactor legacy code",
        "Write technical documentation for new releases",
    ]
    report = copied_duties(index, own, ["21232", "21231"])
    assert report.copied == 0 and report.share == 0.0
    assert all(d.score < report.threshold for d in report.duties)


def test_half_copied_letter_share(index: NocIndex) -> None:
    duties = [
        "Design, write, read, test, and correct code for new software",
        "Review pull requests from other developers on the payments team",
    ]
    report = copied_duties(index, duties, ["21232"])
    assert report.copied == 1 and report.share == 0.5


def test_unknown_code_gives_empty_report(index: NocIndex) -> None:
    report = copied_duties(index, ["Write code"], ["99999"])
    assert report.copied == 0 and report.duties[0].code is None
