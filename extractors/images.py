"""Scans and phone photos: PNG, JPEG, TIFF (each TIFF frame), OCR'd per page."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from extractors.models import ErrorKind, ExtractedDocument, ReadMethod, failed
from extractors.ocr import ocr_page
from extractors.settings import ExtractionSettings

_LETTER_WIDTH_INCHES = 8.5  # a photo with no dpi is assumed to show a letter-size page


def read_image(
    data: bytes, media_type: str, settings: ExtractionSettings, engine: str
) -> ExtractedDocument:
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:  # Pillow's own guard, from the header alone
        return failed(media_type, ErrorKind.TOO_LARGE, _bomb_message(str(exc)), engine)
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        return failed(media_type, ErrorKind.CORRUPT, f"the image cannot be opened: {exc}", engine)
    # Check the header's size before decoding a single pixel: a 30000×30000 PNG is a few KB.
    pixels = image.width * image.height
    if pixels > settings.max_image_pixels:
        message = (
            f"{image.width}×{image.height} pixels exceeds the limit of "
            f"{settings.max_image_pixels:,} (a decompression bomb, or a scan at absurd resolution)"
        )
        return failed(media_type, ErrorKind.TOO_LARGE, message, engine)
    pages = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                if number > settings.max_pages:
                    message = f"more than {settings.max_pages} frames"
                    return failed(media_type, ErrorKind.TOO_LARGE, message, engine)
                if frame.width * frame.height > settings.max_image_pixels:
                    message = f"frame {number} exceeds {settings.max_image_pixels:,} pixels"
                    return failed(media_type, ErrorKind.TOO_LARGE, message, engine)
                upright = ImageOps.exif_transpose(frame.copy())  # phone photos carry EXIF turns
                pages.append(ocr_page(upright, number, _dpi(frame), settings))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        return failed(media_type, ErrorKind.TOO_LARGE, _bomb_message(str(exc)), engine)
    except (OSError, ValueError, SyntaxError) as exc:
        return failed(media_type, ErrorKind.CORRUPT, f"the image is damaged: {exc}", engine)
    if not pages:
        return failed(media_type, ErrorKind.EMPTY, "the image has no frames", engine)
    return ExtractedDocument(
        media_type=media_type, read=ReadMethod.OCR, pages=tuple(pages), engine=engine
    )


def _dpi(image: Image.Image) -> float:
    dpi = image.info.get("dpi")
    if dpi and float(dpi[0]) >= 100:
        return float(dpi[0])
    return max(72.0, image.width / _LETTER_WIDTH_INCHES)


def _bomb_message(detail: str) -> str:
    return f"the image's pixels exceed the safe limit (a decompression bomb?): {detail}"
