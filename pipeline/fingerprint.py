"""A fingerprint of the tool itself: its source and rule data. Part of the key of anything cached
from a whole audit, so a changed rule or parser can never serve a stale report."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

_PACKAGES = ("extractors", "nlp_models", "checks", "pipeline")
_SUFFIXES = frozenset({".py", ".toml", ".j2", ".json"})


@cache
def code_fingerprint() -> str:
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for package in _PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in _SUFFIXES and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()
