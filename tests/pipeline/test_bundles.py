"""One PDF merging a letter, its pay stubs and a scanned letter of another employer: split by
what each page is, each part read on its own and named FILE#pages=a-b (real pdfplumber, real
Tesseract on the image-only page, the real CLI)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extractors.extract import extract
from fixtures import content
from fixtures.bundles import write_bundle_pdf
from nlp_models.parse import parse_document
from nlp_models.parsed import DocKind
from pipeline.cli import app


def _bundle(tmp_path: Path) -> tuple[Path, tuple[tuple[int, int, str], ...]]:
    folder = tmp_path / "case"
    folder.mkdir()
    parts = write_bundle_pdf(folder / "documents_merged.pdf", tmp_path)
    return folder, parts


def test_a_merged_pdf_is_split_into_its_documents(tmp_path: Path) -> None:
    folder, parts = _bundle(tmp_path)
    parsed = parse_document(extract((folder / "documents_merged.pdf").read_bytes()))
    assert parsed.kind is DocKind.BUNDLE
    assert [(p.first, p.last, p.document.kind.value) for p in parsed.parts] == list(parts)
    letter, stubs, scan = parsed.parts
    titles = [p.title.value for p in letter.document.fields.positions]
    assert titles == [p.title for p in content.CARTER_LETTER.positions]
    assert len(stubs.document.fields.rows) == 3
    assert scan.document.fields.employer.legal_name is not None  # read by OCR


def test_a_single_document_of_several_pages_is_not_split(cases) -> None:
    letter = cases / "carter_clean" / "reference_letter_redwood.pdf"
    stubs = cases / "carter_clean" / "paystubs_2024-2025.pdf"
    for path in (letter, stubs):
        parsed = parse_document(extract(path.read_bytes()))
        assert parsed.kind is not DocKind.BUNDLE and parsed.parts == ()


def test_the_report_names_each_part_and_the_file_it_is_in(tmp_path: Path) -> None:
    folder, parts = _bundle(tmp_path)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        app, ["audit", str(folder), "--as-of", "2025-06-02", "--json", str(out), "-q"]
    )
    assert result.exit_code in (0, 1), result.output
    report = json.loads(out.read_text())
    names = [f"documents_merged.pdf#pages={a}-{b}" if a != b else f"documents_merged.pdf#pages={a}"
             for a, b, _ in parts]  # fmt: skip
    files = {d["path"]: d for d in report["documents"]}
    assert files["documents_merged.pdf"]["kind"] == "bundle"
    assert files["documents_merged.pdf"]["parts"] == names
    assert [files[n]["kind"] for n in names] == [k for _, _, k in parts]
    assert {files[n]["part_of"] for n in names} == {"documents_merged.pdf"}
    assert files[names[-1]]["read"] == "ocr"
    # the current position has the stubs of the same file as its pay records
    current = content.CARTER_LETTER.positions[-1].title
    lacking = [f["message"] for f in report["findings"] if f["slug"] == "pay.no_pay_records"]
    assert lacking and not any(m.startswith(current) for m in lacking)
    ocr = [f for f in report["findings"] if f["slug"] == "document.ocr"]
    assert ocr and ocr[0]["documents"] == [names[-1], "documents_merged.pdf"]
