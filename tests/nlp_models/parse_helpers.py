"""A plain-text ExtractedDocument for parser tests (the extractor's own TXT shape)."""

from __future__ import annotations

from extractors.models import ExtractedDocument, Page, ReadMethod


def text_doc(*pages: str) -> ExtractedDocument:
    return ExtractedDocument(
        media_type="text/plain",
        read=ReadMethod.PLAIN,
        pages=tuple(
            Page(number=i, method=ReadMethod.PLAIN, width=612, height=792, text=t)
            for i, t in enumerate(pages, 1)
        ),
        engine="test",
    )
