"""Extraction settings and limits, as a plain dataclass (pdfplumber's style)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractionSettings:
    # Limits that keep hostile files from exhausting memory or time (DESIGN §7).
    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 2_000
    max_image_pixels: int = 120_000_000  # a 300-dpi A3 scan is ~17 Mpx
    max_docx_uncompressed: int = 60 * 1024 * 1024
    max_docx_ratio: float = 200.0  # uncompressed/compressed; bombs are in the thousands
    # A page is read from its text layer when its body holds more than this many characters.
    min_text_layer_chars: int = 50
    body_margin: float = 0.06  # share of page height ignored at top and bottom (footers, stamps)
    # OCR
    ocr_dpi: int = 300
    ocr_languages: str = "eng+fra"
    # Each page is read first in this one; again in `ocr_languages` when it reads as French
    # (the two models together cost about half as much again as English alone).
    ocr_first_language: str = "eng"
    ocr_page_timeout: float = 60.0
    ocr_min_confidence: float = 55.0  # below this, try the page in another orientation
    tables: bool = True  # look for ruled tables with pdfplumber on pages that have rulings
