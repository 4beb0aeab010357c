"""What the extraction stage produces: text, geometry and how each page was read.

Nothing here knows about immigration. Coordinates are PDF points (1/72 inch) with the origin at
the top-left of the upright page, whatever the source (PDF, scan or photo), so later stages can
quote and highlight words the same way for every document.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ReadMethod(StrEnum):
    """How a document (or page) was read; `mixed` only at document level."""

    TEXT = "text"
    OCR = "ocr"
    MIXED = "mixed"
    DOCX = "docx"
    PLAIN = "plain"
    FAILED = "failed"


class ErrorKind(StrEnum):
    """Typed reasons a file or page could not be read (DESIGN §2.2, §7)."""

    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNSUPPORTED = "unsupported"
    OCR_UNAVAILABLE = "ocr_unavailable"
    TIMEOUT = "timeout"
    UNREADABLE = "unreadable"  # permissions, vanished file: raised by the pipeline's reader


class ExtractionError(Frozen):
    kind: ErrorKind
    message: str


class BBox(Frozen):
    x0: float
    top: float
    x1: float
    bottom: float


class Word(NamedTuple):
    """One word of a page; `start`/`end` index into `Page.text`; box in points when known.

    A named tuple, not a model: a page has hundreds of words and a pydantic model per word cost
    13 µs against 2 µs (measured), which mattered more than anything else on text pages.
    """

    text: str
    start: int
    end: int
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    confidence: float | None = None  # 0–100, OCR only

    @property
    def bbox(self) -> BBox | None:
        if self.x0 is None or self.top is None or self.x1 is None or self.bottom is None:
            return None
        return BBox(x0=self.x0, top=self.top, x1=self.x1, bottom=self.bottom)


class Table(Frozen):
    rows: tuple[tuple[str, ...], ...]
    bbox: BBox | None = None


class Page(Frozen):
    number: int = Field(ge=1)
    method: ReadMethod
    width: float  # points
    height: float
    text: str
    words: tuple[Word, ...] = ()
    tables: tuple[Table, ...] = ()
    rotation: int = 0  # degrees clockwise the source was turned; undone before reading
    skew: float = 0.0  # degrees of skew corrected before OCR
    ocr_confidence: float | None = None  # mean word confidence, 0–100
    error: ExtractionError | None = None  # a page-level failure (e.g. OCR timeout)


class ExtractedDocument(Frozen):
    media_type: str  # sniffed from content, e.g. application/pdf
    read: ReadMethod
    pages: tuple[Page, ...] = ()
    error: ExtractionError | None = None
    encoding: str | None = None  # text files only
    engine: str  # extractor + engine versions, part of the cache key

    @property
    def text(self) -> str:
        return "\n\f".join(p.text for p in self.pages)

    @property
    def ocr_confidence(self) -> float | None:
        scores = [p.ocr_confidence for p in self.pages if p.ocr_confidence is not None]
        return round(sum(scores) / len(scores), 1) if scores else None


def failed(media_type: str, kind: ErrorKind, message: str, engine: str) -> ExtractedDocument:
    return ExtractedDocument(
        media_type=media_type,
        read=ReadMethod.FAILED,
        error=ExtractionError(kind=kind, message=message),
        engine=engine,
    )
