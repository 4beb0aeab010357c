"""Every broken file yields its typed error; nothing raises."""

from __future__ import annotations

import pytest

from extractors.extract import extract
from extractors.models import ErrorKind, ReadMethod
from extractors.settings import ExtractionSettings

BROKEN = [
    "corrupt.pdf",
    "truncated.pdf",
    "encrypted.pdf",
    "empty.pdf",
    "bomb.png",
    "zipbomb.docx",
    "unsupported.xyz",
]


@pytest.mark.parametrize("rel", BROKEN)
def test_broken_file_gives_its_typed_error(rel, truth, extracted) -> None:
    expected = truth("broken")["documents"][rel]["error"]
    doc = extracted("broken", rel)
    assert doc.read == ReadMethod.FAILED
    assert doc.error is not None
    assert doc.error.kind.value == expected
    assert doc.error.message  # says why, in words


def test_decompression_bomb_is_refused_before_decoding(cases) -> None:
    # The header alone decides: the 30000×30000 image is never inflated.
    doc = extract((cases / "broken" / "bomb.png").read_bytes())
    assert doc.error.kind == ErrorKind.TOO_LARGE
    assert "pixels" in doc.error.message


def test_limits_are_settings(cases) -> None:
    data = (cases / "carter_clean" / "reference_letter_redwood.pdf").read_bytes()
    tight = ExtractionSettings(max_pages=1)
    assert extract(data, tight).error.kind == ErrorKind.TOO_LARGE
    assert extract(data[:0]).error.kind == ErrorKind.EMPTY
    assert extract(data, ExtractionSettings(max_bytes=100)).error.kind == ErrorKind.TOO_LARGE


@pytest.mark.parametrize(
    "garbage", [b"%PDF-1.7\n" + bytes(range(256)) * 50, b"PK\x03\x04broken", b"\x89PNG\r\n\x1a\nxx"]
)
def test_garbage_with_a_valid_signature_is_corrupt_not_a_crash(garbage) -> None:
    doc = extract(garbage)
    assert doc.read == ReadMethod.FAILED
    assert doc.error.kind in {ErrorKind.CORRUPT, ErrorKind.UNSUPPORTED}


@pytest.mark.parametrize("grey", [255, 0, 200])
def test_a_blank_page_reads_as_no_words_not_as_a_damaged_image(grey) -> None:
    # One grey level gives Otsu's threshold nothing to separate; Tesseract's iterator then holds a
    # word without text. Neither is damage: the page is read, and it says nothing.
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (1275, 1650), grey).save(buffer, format="PNG", dpi=(150, 150))
    doc = extract(buffer.getvalue())
    assert doc.error is None
    assert doc.read == ReadMethod.OCR
    assert doc.pages[0].words == () and doc.pages[0].ocr_confidence == 0
