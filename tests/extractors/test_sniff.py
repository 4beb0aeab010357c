from __future__ import annotations

import io
import zipfile

from extractors import sniff


def test_pdf_is_recognised_by_content_whatever_its_name() -> None:
    assert sniff.sniff(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj") == sniff.PDF
    # Some producers put junk before the header; readers accept it in the first kilobyte.
    assert sniff.sniff(b"\x00" * 100 + b"%PDF-1.4") == sniff.PDF


def test_images_by_magic_number() -> None:
    assert sniff.sniff(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20) == sniff.PNG
    assert sniff.sniff(b"\xff\xd8\xff\xe0" + b"\x00" * 20) == sniff.JPEG
    assert sniff.sniff(b"II*\x00" + b"\x00" * 20) == sniff.TIFF
    assert sniff.sniff(b"MM\x00*" + b"\x00" * 20) == sniff.TIFF


def test_zip_is_docx_only_with_a_word_document_inside() -> None:
    def zipped(names: list[str]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            for name in names:
                zf.writestr(name, "x")
        return buffer.getvalue()

    assert sniff.sniff(zipped(["[Content_Types].xml", "word/document.xml"])) == sniff.DOCX
    assert sniff.sniff(zipped(["data.csv"])) == sniff.ZIP


def test_text_and_binary() -> None:
    assert sniff.sniff("Lettre de référence\n".encode("cp1252")) == sniff.TEXT
    assert sniff.sniff(b"") == sniff.EMPTY
    assert sniff.sniff(bytes(range(256)) * 4) == sniff.UNKNOWN
