"""Extraction results cached by content hash, engine versions and settings (DESIGN §6).

A second audit of an unchanged folder reads JSON instead of running pdfium or Tesseract.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
from pathlib import Path

from platformdirs import user_cache_dir
from pydantic import ValidationError

from extractors.extract import engine_version
from extractors.models import ErrorKind, ExtractedDocument
from extractors.settings import ExtractionSettings
from pipeline.files import write_atomic

# Failures that depend on the machine, not the file: never cached, so a fix is seen next run.
_TRANSIENT = frozenset({ErrorKind.OCR_UNAVAILABLE, ErrorKind.TIMEOUT, ErrorKind.UNREADABLE})


def cache_dir() -> Path:
    return Path(os.environ.get("EVIDENCE_CACHE_DIR") or user_cache_dir("evidence")) / "extract"


class ExtractionCache:
    def __init__(self, settings: ExtractionSettings, root: Path | None = None) -> None:
        self.root = root or cache_dir()
        blob = json.dumps(dataclasses.asdict(settings), sort_keys=True) + engine_version()
        self._key = hashlib.sha256(blob.encode()).hexdigest()[:16]

    def _path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.{self._key}.json"

    def get(self, sha256: str) -> ExtractedDocument | None:
        try:
            raw = self._path(sha256).read_bytes()
        except OSError:
            return None
        try:
            return ExtractedDocument.model_validate_json(raw)
        except ValidationError:
            return None  # written by an incompatible version: read the file again

    def put(self, sha256: str, document: ExtractedDocument) -> None:
        if document.error is not None and document.error.kind in _TRANSIENT:
            return
        if any(p.error is not None and p.error.kind in _TRANSIENT for p in document.pages):
            return
        # A read-only or full cache must never fail an audit.
        with contextlib.suppress(OSError):
            write_atomic(self._path(sha256), document.model_dump_json())
