"""Results cached by content hash (DESIGN §6): a second audit of an unchanged folder does no PDF,
OCR or parsing work.

Two stores share the mechanism: what was read from a file (keyed by the extraction settings and
engine versions) and what was parsed from that reading (keyed by those and the parser version).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Generic, TypeVar

from platformdirs import user_cache_dir
from pydantic import BaseModel, ValidationError

from extractors.extract import engine_version
from extractors.models import ErrorKind, ExtractedDocument
from extractors.settings import ExtractionSettings
from pipeline.files import write_atomic

M = TypeVar("M", bound=BaseModel)

# Failures that depend on the machine, not the file: never cached, so a fix is seen next run.
TRANSIENT_ERRORS = frozenset({ErrorKind.OCR_UNAVAILABLE, ErrorKind.TIMEOUT, ErrorKind.UNREADABLE})


def cache_root() -> Path:
    return Path(os.environ.get("EVIDENCE_CACHE_DIR") or user_cache_dir("evidence"))


class ResultCache(Generic[M]):
    """A directory of JSON results, one file per (content hash, key)."""

    def __init__(self, namespace: str, model: type[M], key: str, root: Path | None = None) -> None:
        self.root = (root or cache_root()) / namespace
        self.model = model
        self.key = hashlib.sha256(key.encode()).hexdigest()[:16]

    def _path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.{self.key}.json"

    def get(self, sha256: str) -> M | None:
        try:
            raw = self._path(sha256).read_bytes()
        except OSError:
            return None
        try:
            return self.model.model_validate_json(raw)
        except ValidationError:
            return None  # written by an incompatible version: compute it again

    def put(self, sha256: str, result: M) -> None:
        # A read-only or full cache must never fail an audit.
        with contextlib.suppress(OSError):
            write_atomic(self._path(sha256), result.model_dump_json())


def extraction_key(settings: ExtractionSettings) -> str:
    return json.dumps(dataclasses.asdict(settings), sort_keys=True) + engine_version()


def cacheable(document: ExtractedDocument) -> bool:
    if document.error is not None and document.error.kind in TRANSIENT_ERRORS:
        return False
    return not any(p.error is not None and p.error.kind in TRANSIENT_ERRORS for p in document.pages)
