"""Plain text in whatever encoding it was saved in (UTF-8, cp1252, Latin-1, …)."""

from __future__ import annotations

from charset_normalizer import from_bytes

from extractors.models import ErrorKind, ExtractedDocument, Page, ReadMethod, failed
from extractors.sniff import TEXT
from extractors.words import split_words


def read_text(data: bytes, engine: str) -> ExtractedDocument:
    encoding, text = decode(data)
    if text is None:
        return failed(TEXT, ErrorKind.CORRUPT, "the text's encoding cannot be determined", engine)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        return failed(TEXT, ErrorKind.EMPTY, "the file holds no text", engine)
    page = Page(
        number=1,
        method=ReadMethod.PLAIN,
        width=612.0,
        height=792.0,
        text=text,
        words=split_words(text),
    )
    return ExtractedDocument(
        media_type=TEXT, read=ReadMethod.PLAIN, pages=(page,), encoding=encoding, engine=engine
    )


def decode(data: bytes) -> tuple[str | None, str | None]:
    # Valid UTF-8 is almost never an accident; only guess when it is not.
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        return None, None
    return best.encoding, str(best)
