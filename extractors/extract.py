"""The extraction stage's one entry point: bytes in, `ExtractedDocument` out, never an exception."""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from importlib.metadata import version
from pathlib import Path

from extractors.errors import OcrUnavailable
from extractors.models import ErrorKind, ExtractedDocument, failed
from extractors.settings import ExtractionSettings
from extractors.sniff import DOCX, EMPTY, IMAGE_TYPES, PDF, TEXT, sniff

log = logging.getLogger(__name__)


@cache
def extractor_version() -> str:
    """A digest of this package's source: any change to how pages are read is a new version,
    so a cached extraction can never outlive the code that made it."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


@cache
def engine_version() -> str:
    """Everything whose change can change what is read: part of every cache key."""
    parts = [f"extractors/{extractor_version()}"]
    for dist in ("pypdfium2", "pdfplumber", "tesserocr", "python-docx", "Pillow"):
        parts.append(f"{dist}/{version(dist)}")
    return " ".join(parts)


def extract(data: bytes, settings: ExtractionSettings | None = None) -> ExtractedDocument:
    settings = settings or ExtractionSettings()
    engine = engine_version()
    media_type = sniff(data)
    if media_type == EMPTY:
        return failed(media_type, ErrorKind.EMPTY, "the file is empty (0 bytes)", engine)
    if len(data) > settings.max_bytes:
        message = f"{len(data):,} bytes exceeds the limit of {settings.max_bytes:,}"
        return failed(media_type, ErrorKind.TOO_LARGE, message, engine)
    # Readers load on first use: an audit served from the cache needs none of them.
    try:
        if media_type == PDF:
            from extractors.pdf import read_pdf

            return read_pdf(data, settings, engine)
        if media_type in IMAGE_TYPES:
            from extractors.images import read_image

            return read_image(data, media_type, settings, engine)
        if media_type == DOCX:
            from extractors.docx import read_docx

            return read_docx(data, settings, engine)
        if media_type == TEXT:
            from extractors.plain import read_text

            return read_text(data, engine)
    except OcrUnavailable as exc:
        return failed(media_type, ErrorKind.OCR_UNAVAILABLE, str(exc), engine)
    except MemoryError:
        return failed(media_type, ErrorKind.TOO_LARGE, "reading it ran out of memory", engine)
    except RecursionError:
        # Deeply nested objects in a hostile PDF or XML.
        return failed(media_type, ErrorKind.CORRUPT, "the file's structure is too deep", engine)
    except Exception as exc:  # a library's surprise must not stop the audit
        log.debug("extraction failed", exc_info=True)
        return failed(media_type, ErrorKind.CORRUPT, f"{type(exc).__name__}: {exc}", engine)
    return failed(
        media_type,
        ErrorKind.UNSUPPORTED,
        f"{media_type} is not a supported document type (PDF, PNG, JPEG, TIFF, DOCX, TXT)",
        engine,
    )
