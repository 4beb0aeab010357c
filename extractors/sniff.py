"""Decide a file's type from its bytes, never from its name (a PDF called .docx is a PDF)."""

from __future__ import annotations

import io
import zipfile

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ZIP = "application/zip"
TEXT = "text/plain"
EMPTY = "application/x-empty"
UNKNOWN = "application/octet-stream"

IMAGE_TYPES = frozenset({PNG, JPEG, TIFF})

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
)


def sniff(data: bytes) -> str:
    """Return the media type of `data`."""
    if not data:
        return EMPTY
    head = data[:1024]
    # PDF readers accept the header anywhere in the first kilobyte, so must we.
    if b"%PDF-" in head:
        return PDF
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    if _looks_like_text(data[:65536]):
        return TEXT
    return UNKNOWN


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        # A DOCX cut short still announces itself in its first entry names.
        return DOCX if b"word/" in data[:4096] else ZIP
    return DOCX if "word/document.xml" in names else ZIP


def _looks_like_text(sample: bytes) -> bool:
    if b"\x00" in sample:
        return False
    # Text in any 8-bit or UTF-8 encoding has few control characters besides whitespace.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(sample) * 0.01
