"""Text-layer PDFs, DOCX and TXT are read exactly as the generator wrote them."""

from __future__ import annotations

import pytest

from extractors.models import ReadMethod

TEXT_DOCUMENTS = [
    ("carter_clean", "reference_letter_redwood.pdf"),
    ("carter_clean", "paystubs_2024-2025.pdf"),
    ("carter_clean", "transcript_coastline.pdf"),
    ("french", "lettre_reference.pdf"),
    ("broken", "letter.docx"),  # a PDF under a .docx name: sniffed by content
]


def _words(lines: list[str]) -> list[str]:
    return " ".join(lines).split()


@pytest.mark.parametrize(("case", "rel"), TEXT_DOCUMENTS)
def test_text_layer_words_equal_the_generators_text(case, rel, truth, extracted) -> None:
    expected = truth(case)["documents"][rel]
    doc = extracted(case, rel)
    assert doc.error is None
    assert doc.read == ReadMethod.TEXT
    assert len(doc.pages) == len(expected["pages"])
    for page, want in zip(doc.pages, expected["pages"], strict=True):
        assert page.method == ReadMethod.TEXT
        assert [w.text for w in page.words] == _words(want["lines"])
        # Every word's span points at its own text, and its box lies on the page.
        for word in page.words:
            assert page.text[word.start : word.end] == word.text
            assert 0 <= word.x0 < word.x1 <= page.width
            assert 0 <= word.top < word.bottom <= page.height


@pytest.mark.parametrize(("case", "rel"), TEXT_DOCUMENTS)
def test_tables_are_read_row_by_row_in_reading_order(case, rel, truth, extracted) -> None:
    expected = truth(case)["documents"][rel]
    doc = extracted(case, rel)
    for page, want in zip(doc.pages, expected["pages"], strict=True):
        got = [[list(row) for row in table.rows] for table in page.tables]
        assert got == want["tables"]


def test_fixture_pay_stubs_and_transcripts_do_draw_tables(truth) -> None:
    # Guards the test above: it must compare real tables, not empty lists.
    docs = truth("carter_clean")["documents"]
    for rel in ("paystubs_2024-2025.pdf", "transcript_coastline.pdf"):
        assert all(page["tables"] for page in docs[rel]["pages"]), rel


def test_docx_paragraphs_and_tables_in_document_order(truth, extracted) -> None:
    rel = "employment_contract.docx"
    expected = truth("carter_clean")["documents"][rel]["pages"][0]
    doc = extracted("carter_clean", rel)
    assert doc.read == ReadMethod.DOCX
    lines = doc.pages[0].text.split("\n")
    paragraphs = [line for line in lines if "\t" not in line]
    assert paragraphs == expected["lines"]
    assert [[list(r) for r in t.rows] for t in doc.pages[0].tables] == expected["tables"]


@pytest.mark.parametrize(
    ("case", "rel"), [("french", "note_cp1252.txt"), ("carter_clean", "case_notes.txt")]
)
def test_text_files_decoded_in_their_own_encoding(case, rel, truth, extracted) -> None:
    expected = truth(case)["documents"][rel]
    doc = extracted(case, rel)
    assert doc.read == ReadMethod.PLAIN
    assert doc.encoding.replace("_", "-").lower() in {expected["encoding"], "windows-1252"}
    assert doc.pages[0].text.rstrip("\n").split("\n") == expected["pages"][0]["lines"]
