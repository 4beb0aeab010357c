"""OCR one page image with Tesseract: orientation, deskew, words with confidences.

Strategy: a pixel-profile estimate levels the lines first. When the lines are vertical (90° vs
270° is ambiguous from pixels), the inkiest band across them is read turned 90°, and turned 270°
only if that does not read as text; OSD only when the band holds no text (OSD took 2.8 s on a
300-dpi page, one thread; a band 0.4–0.9 s). An upside-down page shows as a poor first reading's
confidence and is read again turned 180°. Pages are read in English, again with French only
when their words say French.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
from PIL import Image

from extractors.errors import OcrUnavailable
from extractors.layout import binarise, erase_rulings, estimate_layout
from extractors.models import ErrorKind, ExtractionError, Page, ReadMethod, Word
from extractors.settings import ExtractionSettings
from extractors.tesseract_api import OcrTimeout, available, osd_rotation, read_words

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one thread per process; parallelism is ours

_DRAWING_CONFIDENCE = 40.0


def tesseract_available() -> bool:
    return available()


@dataclass(frozen=True)
class _Reading:
    words: list[tuple[str, float, tuple[int, int, int, int], tuple[int, int, int]]]
    confidence: float

    @property
    def legible(self) -> int:
        """Characters of the words Tesseract is fairly sure of: a turned page reads as a few
        confident scraps, so mean confidence alone can prefer one lucky word to a page."""
        return sum(len(w[0]) for w in self.words if w[1] >= 60)


def _tesseract(
    image: Image.Image, settings: ExtractionSettings, psm: int, dpi: float, lang: str
) -> _Reading:
    words = read_words(image, lang, psm, dpi, settings.ocr_page_timeout)
    confidence = sum(w[1] for w in words) / len(words) if words else 0.0
    return _Reading(words, confidence)


_FEW_CHARS = 40  # legible characters below which a page was not really read

# Short words frequent in French prose and forms and rare in English (read without accents by
# the English model: "employe", "a"); against the commonest English ones.
_FRENCH_WORDS = frozenset(
    (  # noqa: SIM905 (a word list reads better as prose)
        "le la les des du de et est une un pour dans au aux sur par avec nous qui que son sa ses "
        "heures semaine salaire poste depuis"
    ).split()
)
_ENGLISH_WORDS = frozenset(
    (  # noqa: SIM905
        "the and of to in is for with that on as by this has was per hours week salary from"
    ).split()
)


def _looks_french(reading: _Reading) -> bool:
    words = [w[0].lower().strip(".,;:()'\"") for w in reading.words]
    french = sum(w in _FRENCH_WORDS for w in words)
    english = sum(w in _ENGLISH_WORDS for w in words)
    return french >= 3 and french > english


_SURE_TURN = 80.0  # mean confidence of a band read the right way up (upside down: 30–45)
_BAND = 0.2  # share of a vertical page's width read to decide which way it turns


def _vertical_turn(gray: Image.Image, settings: ExtractionSettings, dpi: float, lang: str) -> int:
    """90 or 270: the counter-clockwise turn that makes a page with vertical lines upright. A
    band across the lines (cut short, whole words kept) is read after each turn; the wrong way
    round is upside-down text, which Tesseract reads as few confident characters."""
    ink = (np.asarray(gray) < 128).sum(axis=0)  # dark pixels per column: the text lines
    width = max(1, round(gray.width * _BAND))
    window = np.convolve(ink, np.ones(width), mode="valid")
    left = int(window.argmax())  # the band with the most ink (a short page's text is off-centre)
    band = binarise(gray.crop((left, 0, left + width, gray.height)))
    # Automatic segmentation: as one uniform block (psm 6) a band with little ink took 16 s.
    # Each call costs ~0.4 s of model loading: the second turn is read only when the first
    # does not read as text.
    legible: dict[int, int] = {}
    for turn in (90, 270):
        reading = _tesseract(band.rotate(turn, expand=True), settings, 3, dpi, lang)
        legible[turn] = reading.legible
        if reading.confidence >= _SURE_TURN and reading.legible >= _FEW_CHARS:
            return turn
    if max(legible.values()) < _FEW_CHARS:  # no text in the band: ask OSD of the whole page
        turn = _osd_rotation(gray)
        # OSD's "Rotate: N" is the clockwise turn that makes the page upright.
        return 360 - turn if turn in (90, 270) else 90
    return max(legible, key=lambda turn: (legible[turn], turn == 90))


def _osd_rotation(image: Image.Image) -> int | None:
    """Degrees clockwise Tesseract says the image must be turned, or None if it cannot tell."""
    return osd_rotation(image)


def ocr_page(image: Image.Image, number: int, dpi: float, settings: ExtractionSettings) -> Page:
    """Read one page image. Raises OcrUnavailable; a timeout becomes a page-level error."""
    if not tesseract_available():
        raise OcrUnavailable("tesseract is not installed")
    gray = image.convert("L")
    # Read in the first language; again in all of them only when the words say French.
    first, lang = settings.ocr_first_language, settings.ocr_languages
    layout = estimate_layout(gray)
    rotation = 0  # clockwise degrees the source was turned, i.e. what we undo
    if layout.vertical:
        # The confidence check below still catches a wrong turn (it reads upside down).
        rotation = _vertical_turn(gray, settings, dpi, first)
        gray = gray.rotate(rotation, expand=True)  # PIL turns counter-clockwise
    if abs(layout.skew) >= 0.3:
        gray = gray.rotate(layout.skew, resample=Image.BICUBIC, expand=True, fillcolor=255)
    ruled = False
    unerased = gray
    if layout.ruled:  # the full-resolution erase costs ~0.1 s: only where the thumbnail saw rules
        gray, ruled = erase_rulings(gray, dpi)
    psm = 6 if ruled else 3  # one uniform block keeps a table's rows together, in order
    gray = binarise(gray)
    try:
        reading = _tesseract(gray, settings, psm, dpi, first)
        if ruled and reading.legible < _FEW_CHARS:
            # Erasing the edge of a photographed sheet can leave Tesseract nothing it calls
            # text (seen on a grey phone photo of a pay stub): read the page as it came.
            plain = binarise(unerased)
            second = _tesseract(plain, settings, psm, dpi, first)
            if second.legible > reading.legible:
                reading, gray = second, plain
        if reading.confidence < settings.ocr_min_confidence:
            flipped = gray.rotate(180)
            second = _tesseract(flipped, settings, psm, dpi, first)
            if second.legible > reading.legible:
                reading, gray, rotation = second, flipped, (rotation + 180) % 360
        # The language is judged on the reading kept (an erased table can read as nothing).
        if lang != first and _looks_french(reading):
            reading = _tesseract(gray, settings, psm, dpi, lang)
    except OcrTimeout as exc:
        return Page(
            number=number,
            method=ReadMethod.OCR,
            width=gray.width * 72 / dpi,
            height=gray.height * 72 / dpi,
            text="",
            rotation=rotation,
            skew=layout.skew,
            error=ExtractionError(kind=ErrorKind.TIMEOUT, message=str(exc)),
        )
    except RuntimeError as exc:  # tesserocr: the engine could not start with this data
        if "init" in str(exc).lower() or "tessdata" in str(exc).lower():
            raise OcrUnavailable(str(exc)) from exc
        raise
    return _to_page(reading, number, gray.size, dpi, rotation, layout.skew)


def _to_page(
    reading: _Reading,
    number: int,
    size: tuple[int, int],
    dpi: float,
    rotation: int,
    skew: float,
) -> Page:
    k = 72.0 / dpi
    lines: dict[tuple[int, int, int], list] = {}
    for word in reading.words:
        lines.setdefault(word[3], []).append(word)
    texts: list[str] = []
    words: list[Word] = []
    offset = 0
    for line in lines.values():
        # A line Tesseract is this unsure of is a drawing — a signature, stamp or logo — not
        # text (measured: such lines score 2–39, printed words 70+).
        if sum(w[1] for w in line) / len(line) < _DRAWING_CONFIDENCE:
            continue
        parts = []
        for text, conf, (left, top, width, height), _key in line:
            if parts:
                offset += 1
            words.append(
                Word(
                    text,
                    offset,
                    offset + len(text),
                    round(left * k, 2),
                    round(top * k, 2),
                    round((left + width) * k, 2),
                    round((top + height) * k, 2),
                    conf,
                )
            )
            parts.append(text)
            offset += len(text)
        texts.append(" ".join(parts))
        offset += 1  # the newline
    confidence = sum(w.confidence or 0 for w in words) / len(words) if words else 0.0
    return Page(
        number=number,
        method=ReadMethod.OCR,
        width=size[0] * k,
        height=size[1] * k,
        text="\n".join(texts),
        words=tuple(words),
        rotation=rotation,
        skew=skew,
        ocr_confidence=round(confidence, 1),
    )
