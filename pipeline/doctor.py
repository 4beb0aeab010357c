"""`evidence doctor`: is everything an audit needs installed?"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pypdfium2
import pytesseract

REQUIRED_LANGUAGES = ("eng", "fra", "osd")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def run_checks() -> list[Check]:
    checks = [
        Check("python", sys.version_info >= (3, 11), sys.version.split()[0]),
        Check("pdfium", True, str(pypdfium2.PDFIUM_INFO)),
    ]
    checks += _tesseract_checks()
    checks.append(_noc_check())
    return checks


def _tesseract_checks() -> list[Check]:
    try:
        version = str(pytesseract.get_tesseract_version())
        languages = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError):
        hint = "install it: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra"
        return [Check("tesseract", False, f"not found; {hint} tesseract-ocr-osd")]
    checks = [Check("tesseract", True, version)]
    for lang in REQUIRED_LANGUAGES:
        ok = lang in languages
        detail = "installed" if ok else f"missing: apt-get install tesseract-ocr-{lang}"
        checks.append(Check(f"tesseract language {lang}", ok, detail))
    return checks


def _noc_check() -> Check:
    try:
        from pipeline.noc_data import status
    except ImportError:
        return Check("NOC 2021 data", False, "the NOC data module is not installed")
    result = status(None)
    return Check("NOC 2021 data", result.ok, f"{result.path}: {result.message}")
