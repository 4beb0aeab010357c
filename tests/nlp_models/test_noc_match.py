"""The matcher on the real NOC 2021 data."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp_models.noc.index import NocIndex
from nlp_models.noc.match import match_position
from pipeline.noc_data import load_index

SHARED = Path(__file__).parents[2] / ".." / "shared" / "data" / "noc2021"

SOFTWARE_DUTIES = [
    "• Develop and maintain back-end services for our booking platform in Java and Kotlin",
    "- Write automated tests and debug production issues reported by customers",
    "Turn product requirements into technical designs and task estimates",
    "Refactor older code to make it faster and easier to maintain",
    "Document APIs and release notes for each new version",
    "Review pull requests from other developers",
]


@pytest.fixture(scope="module")
def index() -> NocIndex:
    return load_index(SHARED)


def test_paraphrased_software_developer_ranks_21232_in_top_3(index: NocIndex) -> None:
    result = match_position(index, "Software Developer", SOFTWARE_DUTIES, k=5)
    codes = [c.code for c in result.candidates]
    assert "21232" in codes[:3]
    assert result.candidates[0].teer == 1
    # bullets are stripped and every duty is reported against the candidate's main duties
    top = next(c for c in result.candidates if c.code == "21232")
    assert top.matched_duties[0].duty.startswith("Develop and maintain back-end")
    assert all(m.noc_duty in index.group("21232").main_duties for m in top.matched_duties)


def test_duties_alone_point_to_software_work(index: NocIndex) -> None:
    result = match_position(index, None, SOFTWARE_DUTIES, k=5)
    assert result.candidates[0].code.startswith("212")  # computer and IT professionals


def test_title_only_registered_nurse(index: NocIndex) -> None:
    result = match_position(index, "Registered nurse", [])
    assert result.candidates[0].code == "31301"
    assert result.candidates[0].teer == 1
    assert not result.abstain


def test_claimed_2016_code_split_is_resolved_by_duties(index: NocIndex) -> None:
    result = match_position(index, "Software Developer", SOFTWARE_DUTIES, claimed="2174")
    assert result.claimed is not None and result.claimed.split
    assert set(result.claimed.codes) == {"21230", "21232", "21234"}
    assert result.claimed_candidate is not None
    assert result.claimed_candidate.code in result.claimed.codes
    assert result.claimed_rank is not None and result.claimed_rank <= 3


def test_claimed_mismatch_is_visible_in_rank(index: NocIndex) -> None:
    result = match_position(index, "Cashier", ["Scan items and take payments at the till"],
                            claimed="21232")  # fmt: skip
    assert result.candidates[0].code == "65100"
    assert result.claimed_rank is not None and result.claimed_rank > 20


def test_abstains_on_nonsense(index: NocIndex) -> None:
    result = match_position(index, "Zorblax", ["Qwerty uiop asdf"])
    assert result.abstain
    assert "below" in (result.abstain_reason or "")


def test_no_input_abstains_without_candidates(index: NocIndex) -> None:
    result = match_position(index, None, ["  ", "-"])
    assert result.abstain and result.candidates == ()


def test_coverage_and_lead_reported_for_a_close_paraphrase(index: NocIndex) -> None:
    duties = [
        "Assess each patient's condition and decide on the nursing care they need",
        "Give medications and treatments ordered by the physician",
        "Monitor patients and report changes in their symptoms to the doctor",
        "Teach patients and their families how to manage their health at home",
        "Provide direct nursing care to patients on the ward",
    ]
    result = match_position(index, "Staff Nurse", duties, claimed="31301")
    c = result.claimed_candidate
    assert result.candidates[0].code == "31301"
    assert c is not None and c.main_duty_coverage > 0.1
    assert c.lead_statement_covered


FIELD_TECH_DUTIES = [
    "Tested compacted fill and granular base with a nuclear densometer on road sites",
    "Ran sieve, moisture and Proctor tests on soil samples in the lab",
    "Sampled fresh concrete for slump and air and cast test cylinders",
    "Wrote daily field reports and entered results for the project engineer",
    "Logged boreholes and test pits and labelled samples",
    "Estimated material quantities and checked contractor schedules against the drawings",
]


def test_duties_covering_the_main_duties_perform_the_lead_statement(index: NocIndex) -> None:
    # Few words of 22300's lead statement, most of its essential main duties.
    top = match_position(index, "Field Technician", FIELD_TECH_DUTIES, k=5).candidates[0]
    assert top.code == "22300"
    assert top.lead_score < 0.08 and top.main_duty_coverage >= 0.5
    assert top.lead_statement_covered
    other = match_position(index, "Field Technician", FIELD_TECH_DUTIES, k=5).candidates
    weak = next(c for c in other if c.main_duty_coverage < 0.5 and c.lead_score < 0.08)
    assert not weak.lead_statement_covered


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Customer Service Team Lead", "62023"),  # a lead is what the NOC calls a supervisor
        ("Customer Service Representative", "64409"),  # no lead: the representatives' group
    ],
)
def test_a_team_lead_is_read_as_a_supervisor(index: NocIndex, title: str, code: str) -> None:
    duties = [
        "Answer inbound calls and chats from account holders about billing and orders",
        "Log each contact and its outcome in the customer relationship system",
    ]
    if "Lead" in title:
        duties += ["Coach a team of twelve agents and review their call quality scores"]
    assert match_position(index, title, duties).candidates[0].code == code


DRAFTING = [
    "Prepare detailed engineering drawings and bills of materials in AutoCAD from the engineers' "
    "sketches",
    "Draft structural steel details and reinforcement schedules following the design calculations",
    "Update drawing sets with revisions and keep the title blocks and drawing register current",
    "Produce as-built drawings from site survey notes at the end of each project",
]


@pytest.mark.parametrize(
    ("title", "code"),
    [
        # "Project Engineer" fits civil, mechanical and electrical engineers about equally:
        # the drafting duties decide (R-SKILL-4)
        ("Project Engineer", "22212"),
        # a title that names one occupation keeps its weight
        ("Civil Engineer", "21300"),
    ],
)
def test_a_title_that_names_several_occupations_lets_the_duties_decide(
    index: NocIndex, title: str, code: str
) -> None:
    assert match_position(index, title, DRAFTING).candidates[0].code == code
