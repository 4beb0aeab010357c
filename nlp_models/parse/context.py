"""What every field parser works from: the document's joined text, its lines, its spaCy doc,
language, country and date order, and the helpers that turn spans into `Found` values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, TypeVar

from spacy.tokens import Doc

from extractors.models import ExtractedDocument, Table
from nlp_models.normalize import DateMatch, find_dates
from nlp_models.parse.provenance import PageMap
from nlp_models.parsed import Found, Language

T = TypeVar("T")

# Bullets as printed, and as OCR reads a round bullet ("+", "¢", "«", "°", "e" is too common).
# OCR reads a printed bullet as one glyph or two ("+»", "«°"): a run of up to two counts.
_BULLET = re.compile(r"^\s*(?:[-–—•·▪●◦*■□➢►>o+¢«»›°✓✔]{1,2}\s+|\(?(?:\d{1,2}|[a-z])[.)]\s+)")
_PAGE_NOISE = re.compile(r"^\s*(?:page\s+\d+(?:\s+(?:of|de|sur)\s+\d+)?|\d+\s*/\s*\d+)\s*$", re.I)


@dataclass(frozen=True)
class Line:
    """One line of the joined text: global span of its stripped words, and those words."""

    start: int
    end: int
    text: str
    index: int

    @property
    def bullet(self) -> re.Match[str] | None:
        return _BULLET.match(self.text)

    @property
    def is_noise(self) -> bool:
        return _PAGE_NOISE.match(self.text) is not None


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for raw in re.split(r"[\n\f]", text):
        stripped = raw.strip()
        if stripped:
            s = pos + (len(raw) - len(raw.lstrip()))
            out.append(Line(s, s + len(stripped), stripped, len(out)))
        pos += len(raw) + 1
    return out


@dataclass
class Ctx:
    doc: ExtractedDocument
    lang: Language
    nlp_doc: Doc
    pages: PageMap
    country: str | None = None  # ISO alpha-2 of the issuer, when known
    day_first: bool | None = None
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.pages.text

    @property
    def prefer(self) -> Literal["DMY", "MDY"] | None:
        if self.day_first is None:
            return None
        return "DMY" if self.day_first else "MDY"

    @cached_property
    def tables(self) -> list[tuple[int, Table]]:
        """(page index, table) for every table the extractor found."""
        return [(i, t) for i, p in enumerate(self.doc.pages) for t in p.tables]

    def found(self, value: T, start: int, end: int, confidence: float = 1.0) -> Found[T]:
        return Found(value=value, where=self.pages.where(start, end), confidence=confidence)

    def dates(self, start: int = 0, end: int | None = None) -> list[DateMatch]:
        """Dates in text[start:end] with spans made global."""
        end = len(self.text) if end is None else end
        chunk = self.text[start:end]
        found = find_dates(chunk, country=self.country, prefer=self.prefer)
        return [shift(d, start) for d in found]

    def lines_in(self, start: int, end: int) -> list[Line]:
        return [ln for ln in self.lines if ln.start >= start and ln.end <= end]

    def line_at(self, pos: int) -> Line | None:
        for ln in self.lines:
            if ln.start <= pos <= ln.end:
                return ln
        return None

    def ents(
        self, label: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, str]]:
        """Entities of the spaCy doc (ORG, PERSON) inside [start, end): (start, end, text)."""
        end = len(self.text) if end is None else end
        out = []
        for e in self.nlp_doc.ents:
            if e.label_ == label and e.start_char >= start and e.end_char <= end:
                s, t = trim(self.text, e.start_char, e.end_char)
                out.append((s, t, self.text[s:t]))
        return out


M = TypeVar("M")


def shift(m: M, offset: int) -> M:
    """A normaliser match moved by `offset` characters (spans of nested matches too)."""
    if offset == 0:
        return m
    update: dict[str, object] = {"start": m.start + offset, "end": m.end + offset}  # type: ignore[attr-defined]
    for name in ("start_date", "end_date", "end_present"):
        inner = getattr(m, name, None)
        if inner is not None:
            update[name] = shift(inner, offset)
    return m.model_copy(update=update)  # type: ignore[attr-defined]


_TRIM = " \t\n\f,;:-–—|/\\•*"


def trim(text: str, s: int, e: int, chars: str = _TRIM) -> tuple[int, int]:
    """Shrink [s, e) past leading/trailing separators and spaces."""
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e
