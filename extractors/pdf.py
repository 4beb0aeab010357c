"""Read a PDF page by page: the text layer where it holds real text, OCR where it does not."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2 as pdfium

from extractors.models import (
    BBox,
    ErrorKind,
    ExtractedDocument,
    Page,
    ReadMethod,
    Table,
    failed,
)
from extractors.ocr import ocr_page
from extractors.pdf_tables import read_tables
from extractors.pdf_text import body_chars, lay_out, raw_words, ruling_count
from extractors.settings import ExtractionSettings
from extractors.sniff import PDF

_MIN_RULINGS = 6  # path objects that make a page worth pdfplumber's (slow) table finder


def read_pdf(data: bytes, settings: ExtractionSettings, engine: str) -> ExtractedDocument:
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # pdfium reports a missing password as its own error code (FPDF_ERR_PASSWORD = 4).
        if "password" in str(exc).lower():
            return failed(PDF, ErrorKind.ENCRYPTED, "the PDF is password-protected", engine)
        return failed(PDF, ErrorKind.CORRUPT, f"the PDF cannot be opened: {exc}", engine)
    try:
        count = len(doc)
        if count == 0:
            return failed(PDF, ErrorKind.EMPTY, "the PDF has no pages", engine)
        if count > settings.max_pages:
            message = f"{count} pages exceeds the limit of {settings.max_pages}"
            return failed(PDF, ErrorKind.TOO_LARGE, message, engine)
        with _plumber(data) as plumber:
            pages = tuple(_read_page(doc, i, plumber, settings) for i in range(count))
    finally:
        doc.close()
    methods = {p.method for p in pages}
    read = methods.pop() if len(methods) == 1 else ReadMethod.MIXED
    return ExtractedDocument(media_type=PDF, read=read, pages=pages, engine=engine)


@contextmanager
def _plumber(data: bytes) -> Iterator[_LazyPlumber]:
    lazy = _LazyPlumber(data)
    try:
        yield lazy
    finally:
        lazy.close()


class _LazyPlumber:
    """Opens pdfplumber only if some page needs tables: most documents never pay for it."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf = None

    def page(self, index: int):  # -> pdfplumber.page.Page
        if self._pdf is None:
            import pdfplumber  # only the rare page whose rules form no grid needs it

            self._pdf = pdfplumber.open(io.BytesIO(self._data))
        return self._pdf.pages[index]

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def _read_page(
    doc: pdfium.PdfDocument, index: int, plumber: _LazyPlumber, settings: ExtractionSettings
) -> Page:
    page = doc[index]
    try:
        width, height = page.get_size()
        words = raw_words(page)
        if body_chars(words, height, settings.body_margin) > settings.min_text_layer_chars:
            text, positioned = lay_out(words)
            tables: tuple[Table, ...] = ()
            if settings.tables and ruling_count(page) >= _MIN_RULINGS:
                found = read_tables(page, words)
                tables = found if found is not None else _plumber_tables(plumber, index)
            return Page(
                number=index + 1,
                method=ReadMethod.TEXT,
                width=width,
                height=height,
                text=text,
                words=positioned,
                tables=tables,
            )
        bitmap = page.render(scale=settings.ocr_dpi / 72, grayscale=True)
        image = bitmap.to_pil()
        bitmap.close()
        return ocr_page(image, index + 1, settings.ocr_dpi, settings)
    finally:
        page.close()


def _plumber_tables(plumber: _LazyPlumber, index: int) -> tuple[Table, ...]:
    tables = []
    for found in plumber.page(index).find_tables():
        rows = tuple(
            tuple(" ".join((cell or "").split()) for cell in row) for row in found.extract()
        )
        if len(rows) >= 2:
            x0, top, x1, bottom = found.bbox
            tables.append(Table(rows=rows, bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom)))
    return tuple(tables)
