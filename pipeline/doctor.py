"""`evidence doctor`: is everything an audit needs installed?"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pypdfium2

from extractors import tesseract_api

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
    if not tesseract_api.available():
        hint = "install it: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra"
        return [Check("tesseract", False, f"not found; {hint} tesseract-ocr-osd")]
    languages = tesseract_api.languages()
    where = tesseract_api.tessdata_dir()
    checks = [Check("tesseract", True, f"{tesseract_api.version()} (in process), data in {where}")]
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
