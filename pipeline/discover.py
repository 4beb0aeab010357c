"""Stage 1: find the case's documents. Never follows links out of the folder; hashes content."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from extractors.models import ErrorKind, ExtractionError
from pipeline.case_file import CASE_FILE

# Files every OS scatters into folders; they are nobody's evidence.
_JUNK = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


class Found(BaseModel):
    """One file of the case folder, before it is read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str  # relative to the case folder, with forward slashes
    size: int
    sha256: str | None = None
    duplicate_of: str | None = None
    error: ExtractionError | None = None  # could not even be opened or hashed


def discover(folder: Path, max_bytes: int) -> list[Found]:
    """Every candidate document under `folder`, sorted by path, exact duplicates marked."""
    root = folder.resolve()
    found = [_inspect(root, path, max_bytes) for path in sorted(_walk(root))]
    first_by_hash: dict[str, str] = {}
    out = []
    for item in found:
        if item.sha256 is None:
            out.append(item)
            continue
        original = first_by_hash.setdefault(item.sha256, item.path)
        out.append(
            item if original == item.path else item.model_copy(update={"duplicate_of": original})
        )
    return out


def _walk(root: Path):
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or name in _JUNK:
                continue
            path = Path(dirpath) / name
            if path.parent == root and name == CASE_FILE:
                continue
            yield path


def _inspect(root: Path, path: Path, max_bytes: int) -> Found:
    rel = path.relative_to(root).as_posix()
    try:
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                return _refused(
                    rel, ErrorKind.UNREADABLE, "a link that points outside the case folder"
                )
        if not path.is_file():
            return _refused(rel, ErrorKind.UNSUPPORTED, "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            message = f"{size:,} bytes exceeds the limit of {max_bytes:,}"
            return Found(
                path=rel,
                size=size,
                error=ExtractionError(kind=ErrorKind.TOO_LARGE, message=message),
            )
        return Found(path=rel, size=size, sha256=sha256_file(path))
    except OSError as exc:
        return _refused(rel, ErrorKind.UNREADABLE, f"cannot be read: {exc.strerror or exc}")


def _refused(rel: str, kind: ErrorKind, message: str) -> Found:
    return Found(path=rel, size=0, error=ExtractionError(kind=kind, message=message))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
