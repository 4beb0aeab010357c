"""Exceptions the readers raise inside the extraction stage (never out of `extract`)."""


class OcrUnavailable(RuntimeError):
    """Tesseract (or one of its languages) is not installed."""
