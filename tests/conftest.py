"""Shared test fixtures: the generated fixture cases and their truth, an isolated cache."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pytest

from extractors.extract import extract
from extractors.models import ExtractedDocument

REPO = Path(__file__).resolve().parents[1]
SHARED_NOC = REPO.parent / "shared" / "data" / "noc2021"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    # Tests never read or fill the user's real cache.
    os.environ["EVIDENCE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated fixture cases: `make test` writes them; otherwise generate them here."""
    built = REPO / "fixtures" / "cases"
    if (built / ".stamp").exists():
        return built
    from fixtures.generate import generate

    out = tmp_path_factory.mktemp("cases")
    generate(out)
    return out


@cache
def _truth(root: str, case: str) -> dict:
    return json.loads((Path(root) / f"{case}.truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def truth(cases: Path):
    def load(case: str) -> dict:
        return _truth(str(cases), case)

    return load


@cache
def _extracted(path: str) -> ExtractedDocument:
    return extract(Path(path).read_bytes())


@pytest.fixture(scope="session")
def extracted(cases: Path):
    """Extraction results, computed once per test process (OCR is seconds a page)."""

    def read(case: str, rel: str) -> ExtractedDocument:
        return _extracted(str(cases / case / rel))

    return read
