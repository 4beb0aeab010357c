"""Words with boxes from a PDF page's text layer, through pdfium (fast, C).

Measured on a dense page: pdfplumber `extract_text` 163 ms, pdfium with every character box 11 ms,
pdfium with only each word's first and last character box 3.4 ms — so that is what we do, with raw
calls to avoid per-call wrapper cost. Lines are rebuilt from word positions (top to bottom, then
left to right) so the reading order does not depend on how the producer wrote the content stream.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.models import Word
from extractors.reading_order import read_order

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class RawWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    upright: bool = True  # False for rotated text: a seal's ring, a diagonal watermark
    size: float | None = None  # font size of the first character, points


def _char_text(textpage: pdfium.PdfTextPage) -> str:
    """The page's text with exactly one string index per pdfium character.

    `get_text_range` drops or merges a character now and then (seen on generated PDFs), and one
    missing character shifts every later box onto its neighbour's; reading the characters one by
    one keeps index and box together (a character outside the BMP is replaced by U+FFFD).
    """
    handle = textpage.raw
    get = pdfium_c.FPDFText_GetUnicode
    chars = []
    for i in range(textpage.count_chars()):
        code = get(handle, i)
        chars.append(chr(code) if 0 < code < 0xD800 or 0xE000 <= code < 0x110000 else "\ufffd")
    return "".join(chars)


def raw_words(page: pdfium.PdfPage) -> list[RawWord]:
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if len(text) != textpage.count_chars():
            text = _char_text(textpage)
        handle = textpage.raw
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        boxes = pdfium_c.FPDFText_GetCharBox
        angle = pdfium_c.FPDFText_GetCharAngle
        font_size = pdfium_c.FPDFText_GetFontSize
        words = []
        for match in _WORD.finditer(text):
            first, last = match.start(), match.end() - 1
            boxes(handle, first, left, right, bottom, top)
            x0, y_top, y_bottom = left.value, top.value, bottom.value
            boxes(handle, last, left, right, bottom, top)
            x1 = right.value
            y_top, y_bottom = max(y_top, top.value), min(y_bottom, bottom.value)
            turn = angle(handle, first) % 6.2832  # radians
            upright = turn < 0.05 or turn > 6.23
            words.append(
                RawWord(
                    match.group(),
                    x0,
                    height - y_top,
                    x1,
                    height - y_bottom,
                    upright,
                    round(font_size(handle, first), 1),
                )
            )
        return words
    finally:
        textpage.close()


def lay_out(words: list[RawWord]) -> tuple[str, tuple[Word, ...]]:
    """Page text in reading order (reading_order.py) and the positioned words.

    Rotated words are dropped unless most of the page is rotated (then it is all kept)."""
    upright = [w for w in words if w.upright]
    if len(upright) < len(words) / 2:
        upright = list(words)
    out: list[Word] = []
    texts: list[str] = []
    offset = 0
    for cells in read_order(upright):
        parts = []
        for c, cell in enumerate(cells):
            if c:
                offset += 1  # the tab between cells
            words_text = []
            for k, word in enumerate(cell):
                if k:
                    offset += 1
                end = offset + len(word.text)
                out.append(
                    Word(
                        word.text,
                        offset,
                        end,
                        round(word.x0, 2),
                        round(word.top, 2),
                        round(word.x1, 2),
                        round(word.bottom, 2),
                    )
                )
                words_text.append(word.text)
                offset = end
            parts.append(" ".join(words_text))
        texts.append("\t".join(parts))
        offset += 1  # newline
    return "\n".join(texts), tuple(out)


def body_chars(words: list[RawWord], page_height: float, margin: float) -> int:
    """Characters inside the page body: a scanner's footer stamp does not make a text page."""
    low, high = page_height * margin, page_height * (1 - margin)
    return sum(len(w.text) for w in words if low <= (w.top + w.bottom) / 2 <= high)


def ruling_count(page: pdfium.PdfPage) -> int:
    """Vector path objects on the page: tables drawn with a grid have many."""
    return sum(1 for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=1))
