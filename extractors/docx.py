"""DOCX: headers (letterheads live there), body paragraphs and tables in order, footers."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from extractors.models import ErrorKind, ExtractedDocument, Page, ReadMethod, Table, failed
from extractors.settings import ExtractionSettings
from extractors.sniff import DOCX
from extractors.words import split_words

_POINTS_PER_EMU = 1 / 12700


def read_docx(data: bytes, settings: ExtractionSettings, engine: str) -> ExtractedDocument:
    problem = _zip_problem(data, settings)
    if problem is not None:
        return failed(DOCX, *problem, engine)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types (KeyError, XMLSyntaxError, …)
        return failed(DOCX, ErrorKind.CORRUPT, f"the DOCX cannot be opened: {exc}", engine)
    lines, tables = _content(document)
    text = "\n".join(lines)
    if not text.strip():
        return failed(DOCX, ErrorKind.EMPTY, "the DOCX holds no text", engine)
    section = document.sections[0] if document.sections else None
    width = (section.page_width or 0) * _POINTS_PER_EMU if section else 612.0
    height = (section.page_height or 0) * _POINTS_PER_EMU if section else 792.0
    page = Page(
        number=1,
        method=ReadMethod.DOCX,
        width=width or 612.0,
        height=height or 792.0,
        text=text,
        words=split_words(text),
        tables=tuple(tables),
    )
    return ExtractedDocument(media_type=DOCX, read=ReadMethod.DOCX, pages=(page,), engine=engine)


def _zip_problem(data: bytes, settings: ExtractionSettings) -> tuple[ErrorKind, str] | None:
    """Refuse zip bombs from the central directory, before anything is inflated."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        return ErrorKind.CORRUPT, f"the DOCX is not a readable zip archive: {exc}"
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > settings.max_docx_uncompressed or (
        total > 10 * 1024 * 1024 and total / packed > settings.max_docx_ratio
    ):
        return (
            ErrorKind.TOO_LARGE,
            f"the DOCX would inflate to {total:,} bytes from {packed:,} (a zip bomb?)",
        )
    return None


def _content(document: Document) -> tuple[list[str], list[Table]]:
    lines: list[str] = []
    tables: list[Table] = []
    for section in document.sections[:1]:
        lines += [p.text for p in section.header.paragraphs if p.text.strip()]
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = Paragraph(child, document).text
            if text.strip():
                lines.append(text)
        elif child.tag == qn("w:tbl"):
            rows = _table_rows(DocxTable(child, document))
            if rows:
                tables.append(Table(rows=rows))
                lines += ["\t".join(row) for row in rows]
    for section in document.sections[:1]:
        lines += [p.text for p in section.footer.paragraphs if p.text.strip()]
    return lines, tables


def _table_rows(table: DocxTable) -> tuple[tuple[str, ...], ...]:
    rows = []
    for row in table.rows:
        cells = tuple(" ".join(cell.text.split()) for cell in row.cells)
        if any(cells):
            rows.append(cells)
    return tuple(rows)
