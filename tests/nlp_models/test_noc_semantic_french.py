"""The embedding evidence and the French path of the NOC matcher, on the real data and model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nlp_models.noc.embedding import MODEL, load_embedder
from nlp_models.noc.french import term_list
from nlp_models.noc.index import NocIndex
from nlp_models.noc.match import match_position, title_evidence_batch
from pipeline.noc_data import load_index

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "noc2021"


@pytest.fixture(scope="module")
def index() -> NocIndex:
    if not SHARED.exists():
        pytest.skip("shared NOC data not present")
    return load_index(SHARED)


def test_index_carries_vectors_of_the_packaged_model(index: NocIndex) -> None:
    assert index.semantic is not None and index.semantic.model == MODEL
    assert index.semantic.titles.shape == (len(index.titles.text), 64)
    assert index.semantic.duties.shape == (len(index.duties.text), 64)
    norms = np.linalg.norm(index.semantic.duties, axis=1)
    assert np.allclose(norms[norms > 0], 1.0, atol=1e-3)


def test_embedder_empty_text_is_a_zero_vector_not_nan() -> None:
    embed = load_embedder()
    assert embed is not None
    vectors = embed(["", "troubleshoot home routers for customers"])
    assert not np.isnan(vectors).any()
    assert float(np.abs(vectors[0]).sum()) == 0.0


def test_paraphrase_without_shared_words_ranks_higher_by_embedding(index: NocIndex) -> None:
    # Few words of these duties are in 22221's (user support technicians) main duties: the
    # lexical views alone rank the group 88th, the embedding evidence more than halves that.
    duties = [
        "Walked subscribers through modem resets and Wi-Fi settings over the phone",
        "Fixed e-mail and router problems for home customers",
        "Escalated unresolved connection tickets to the network team",
    ]

    def rank(semantic: bool) -> int:
        found = match_position(index, None, duties, k=516, semantic=semantic).candidates
        return [c.code for c in found].index("22221") + 1

    lexical, semantic = rank(False), rank(True)
    assert semantic <= 40 and 2 * semantic <= lexical


def test_lexical_only_path_is_kept(index: NocIndex) -> None:
    ev = title_evidence_batch(index, ["Line cook"], semantic=False)
    assert set(ev) == {"title"}
    both = title_evidence_batch(index, ["Line cook"])
    assert set(both) == {"title", "title_semantic"}
    lexical = match_position(index, "Line cook", ["Prepare and cook meals"], semantic=False)
    assert lexical.candidates[0].code == "63200"


def test_french_terms_meet_across_gender_and_elision() -> None:
    assert term_list("technicienne")[0] == term_list("techniciens/techniciennes")[0]
    assert term_list("l'analyse des échantillons d'eau") == term_list("analyse échantillons eau")


@pytest.mark.parametrize(
    ("title", "duties", "code"),
    [
        (
            "technicienne de laboratoire en chimie analytique",
            ["effectuer les analyses par chromatographie et par spectrophotométrie"],
            "22100",
        ),
        ("Infirmière auxiliaire", ["administrer les médicaments aux patients"], "32101"),
        ("Cuisinier", ["préparer les repas", "nettoyer la cuisine"], "63200"),
    ],
)
def test_french_positions_match_on_french_titles(
    index: NocIndex, title: str, duties: list[str], code: str
) -> None:
    assert index.french is not None
    result = match_position(index, title, duties, language="fr")
    assert result.candidates[0].code == code
    assert result.candidates[0].matched_duties == ()  # French duties are not aligned one by one


def test_french_without_french_data_abstains_with_the_reason(index: NocIndex) -> None:
    from dataclasses import replace

    english_only = replace(index, french=None)
    result = match_position(english_only, "Cuisinier", ["préparer les repas"], language="fr")
    assert result.abstain and result.candidates == ()
    assert "French NOC titles" in (result.abstain_reason or "")


def test_confidence_rises_with_the_margin_and_is_a_probability() -> None:
    from nlp_models.noc.calibration import confidence, in_words

    close = confidence(0.45, 0.44, True, True)
    clear = confidence(0.45, 0.30, True, True)
    assert close is not None and clear is not None
    assert 0.0 < close < clear < 1.0
    assert in_words(0.999) == "right about 9 times in 10 at this score"
    assert in_words(0.01) == "right about 1 time in 10 at this score"


def test_match_states_its_confidence_in_english_only(index: NocIndex) -> None:
    english = match_position(index, "Line cook", ["Prepare and cook meals to order"])
    assert english.confidence is not None and english.confidence > 0.8
    french = match_position(index, "Cuisinier", ["préparer les repas"], language="fr")
    assert french.confidence is None  # not measured on French text
