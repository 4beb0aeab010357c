"""Real Tesseract on real rendered scans, measured against the generator's truth."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz, process

from extractors.models import ReadMethod
from tests.extractors.ocr_accuracy import accuracy

CLEAN = ["letter_clean.png", "letter_clean.jpg", "stubs_clean.tiff", "letter_scan.pdf"]
TURNED = ["rot90_skew2.png", "rot180_skew1.jpg", "rot270_skew3.tiff", "scan_rot90.pdf"]

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("ocr")]


def _pairs(truth, extracted, names):
    pairs = []
    for rel in names:
        want = truth("scans")["documents"][rel]
        doc = extracted("scans", rel)
        assert doc.error is None, doc.error
        assert len(doc.pages) == len(want["pages"])
        pairs += [(w["lines"], p.text) for w, p in zip(want["pages"], doc.pages, strict=True)]
    return pairs


def test_clean_scans_reach_98_percent_character_accuracy(truth, extracted) -> None:
    assert accuracy(_pairs(truth, extracted, CLEAN)) >= 0.98
    for rel in CLEAN:  # and no single document hides behind the average
        assert accuracy(_pairs(truth, extracted, [rel])) >= 0.97, rel


def test_turned_and_skewed_scans_reach_95_percent(truth, extracted) -> None:
    assert accuracy(_pairs(truth, extracted, TURNED)) >= 0.95
    for rel in TURNED:
        assert accuracy(_pairs(truth, extracted, [rel])) >= 0.93, rel


@pytest.mark.parametrize("rel", TURNED)
def test_orientation_and_skew_are_detected_and_undone(rel, truth, extracted) -> None:
    want = truth("scans")["documents"][rel]["pages"]
    doc = extracted("scans", rel)
    for page, expected in zip(doc.pages, want, strict=True):
        assert page.method == ReadMethod.OCR
        assert page.rotation == expected["rotation"]
        assert abs(page.skew - expected["skew"]) <= 0.5


def test_scanned_pay_stub_rows_come_out_in_reading_order(truth, extracted) -> None:
    want = truth("scans")["documents"]["stubs_clean.tiff"]["pages"][0]
    lines = extracted("scans", "stubs_clean.tiff").pages[0].text.split("\n")
    rows = [" ".join(row) for table in want["tables"] for row in table]
    # Each row is one line of its own (fuzzy: Helvetica's I and l are the same glyph).
    found = [process.extractOne(row, lines, scorer=fuzz.ratio) for row in rows]
    assert all(score >= 90 for _line, score, _index in found), found
    positions = [index for _line, _score, index in found]
    assert positions == sorted(positions) and len(set(positions)) == len(rows)


def test_word_confidences_and_boxes_are_kept(extracted) -> None:
    page = extracted("scans", "letter_clean.png").pages[0]
    assert page.ocr_confidence is not None and page.ocr_confidence > 85
    assert all(w.confidence is not None and w.x0 is not None for w in page.words)
    assert all(page.text[w.start : w.end] == w.text for w in page.words)


def test_mixed_pdf_reads_each_page_with_the_right_method(truth, extracted) -> None:
    want = truth("mixed")["documents"]["mixed.pdf"]["pages"]
    doc = extracted("mixed", "mixed.pdf")
    assert doc.read == ReadMethod.MIXED
    assert [p.method.value for p in doc.pages] == [w["method"] for w in want] == ["text", "ocr"]
    assert doc.pages[0].text.split() == " ".join(want[0]["lines"]).split()
    assert accuracy([(want[1]["lines"], doc.pages[1].text)]) >= 0.93


def test_french_scan_keeps_its_accents(truth, extracted) -> None:
    want = truth("french")["documents"]["lettre_scan.png"]["pages"][0]
    page = extracted("french", "lettre_scan.png").pages[0]
    assert accuracy([(want["lines"], page.text)]) >= 0.97
    assert "é" in page.text


def test_a_french_table_photo_is_read_with_french() -> None:
    # Its rules erased, the photo reads as nothing; read as it came, in English first, its
    # words say French: the page is read again with French (accents kept, "Impôt" not "Imp6t").
    from pathlib import Path

    from extractors.extract import extract

    case = "wG01_qc_attestation_numbered_company_releves"
    path = (
        Path(__file__).parents[2] / "fixtures/wild/cases" / case / "IMG_20250822_releve_paie17.jpg"
    )
    text = extract(path.read_bytes()).pages[0].text
    assert "Impôt fédéral" in text and "Total des retenues" in text
