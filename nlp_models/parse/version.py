"""The parser's version: part of the cache key of everything derived from a ParsedDocument.

A digest of the parsing and normalising source (and the parsing contract): any change to a
pattern, cue or field rule is a new version, so no cached parse outlives the code that made it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]


def _digest() -> str:
    digest = hashlib.sha256()
    paths = [_ROOT / "parsed.py", *sorted((_ROOT / "parse").glob("*.py"))]
    paths += sorted((_ROOT / "normalize").rglob("*.py"))
    for path in paths:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


PARSER_VERSION = f"parse/{_digest()}"
