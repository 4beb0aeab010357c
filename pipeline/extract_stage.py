"""Stages 2–3: read and parse every document, one per task, in a process pool; cached by content.

The worker both extracts and parses, so parsing runs in parallel too and a pool task returns
everything the audit needs of a file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from extractors.extract import engine_version, extract
from extractors.models import ErrorKind, ExtractedDocument, failed
from extractors.settings import ExtractionSettings
from nlp_models.parsed import ParsedDocument
from pipeline.cache import ResultCache, cacheable, extraction_key
from pipeline.discover import Found


@dataclass(frozen=True)
class Reading:
    extracted: ExtractedDocument
    parsed: ParsedDocument | None  # None when nothing could be read


@dataclass(frozen=True)
class Stores:
    """The two caches a reading goes through; picklable, so workers use them directly."""

    extracted: ResultCache[ExtractedDocument]
    parsed: ResultCache[ParsedDocument]

    @classmethod
    def for_settings(cls, settings: ExtractionSettings) -> Stores:
        from nlp_models.parse import PARSER_VERSION

        key = extraction_key(settings)
        return cls(
            extracted=ResultCache("extract", ExtractedDocument, key),
            parsed=ResultCache("parse", ParsedDocument, f"{key} parser/{PARSER_VERSION}"),
        )


def read_document(
    path: Path, sha256: str | None, settings: ExtractionSettings, stores: Stores | None
) -> Reading:
    """Worker task: the only place a document's bytes are read."""
    extracted = stores.extracted.get(sha256) if stores and sha256 else None
    if extracted is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            error = failed(
                "unknown", ErrorKind.UNREADABLE, f"cannot be read: {exc}", engine_version()
            )
            return Reading(error, None)
        extracted = extract(data, settings)
        if stores and sha256 and cacheable(extracted):
            stores.extracted.put(sha256, extracted)
    if not extracted.pages:
        return Reading(extracted, None)
    parsed = stores.parsed.get(sha256) if stores and sha256 else None
    if parsed is None:
        from nlp_models.parse import parse_document  # spaCy loads only when something is parsed

        parsed = parse_document(extracted)
        if stores and sha256 and cacheable(extracted):
            stores.parsed.put(sha256, parsed)
    return Reading(extracted, parsed)


def _cached(item: Found, stores: Stores | None) -> Reading | None:
    if stores is None or item.sha256 is None:
        return None
    extracted = stores.extracted.get(item.sha256)
    if extracted is None:
        return None
    if not extracted.pages:
        return Reading(extracted, None)
    parsed = stores.parsed.get(item.sha256)
    return Reading(extracted, parsed) if parsed is not None else None


def _pool_task(
    path: Path, sha256: str | None, settings: ExtractionSettings, stores: Stores | None
) -> tuple[ExtractedDocument, str | None]:
    """`read_document` for the pool: parametrised pydantic generics (`Found[str]`) do not pickle,
    so the parsed document crosses the process boundary as JSON."""
    reading = read_document(path, sha256, settings, stores)
    return reading.extracted, reading.parsed.model_dump_json() if reading.parsed else None


def _unpack(result: tuple[ExtractedDocument, str | None]) -> Reading:
    extracted, parsed = result
    return Reading(extracted, ParsedDocument.model_validate_json(parsed) if parsed else None)


def _init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract threads fight the pool for 2 cores


def read_all(
    folder: Path,
    found: list[Found],
    settings: ExtractionSettings,
    jobs: int,
    stores: Stores | None,
    on_done: Callable[[str], None] = lambda _path: None,
) -> dict[str, Reading]:
    """Read and parse each distinct readable document; results by relative path."""
    results: dict[str, Reading] = {}
    todo: list[Found] = []
    for item in found:
        if item.error is not None or item.duplicate_of is not None:
            continue
        cached = _cached(item, stores)
        if cached is not None:
            results[item.path] = cached
            on_done(item.path)
        else:
            todo.append(item)
    # Largest first: the long OCR jobs start early and the pool ends together.
    todo.sort(key=lambda f: f.size, reverse=True)
    if jobs <= 1 or len(todo) <= 1:
        for item in todo:
            results[item.path] = read_document(folder / item.path, item.sha256, settings, stores)
            on_done(item.path)
        return results
    crashed: list[Found] = []
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), initializer=_init_worker) as pool:
        futures = {
            pool.submit(_pool_task, folder / f.path, f.sha256, settings, stores): f for f in todo
        }
        for future in as_completed(futures):
            item = futures[future]
            try:
                results[item.path] = _unpack(future.result())
                on_done(item.path)
            except BrokenProcessPool:
                # A worker died (a library crashed on a hostile file) and took every task in
                # flight with it. Retry those one at a time so only the culprit is blamed.
                crashed.append(item)
    for item in crashed:
        results[item.path] = _isolated(folder, item, settings, stores)
        on_done(item.path)
    return results


def _isolated(
    folder: Path, item: Found, settings: ExtractionSettings, stores: Stores | None
) -> Reading:
    with ProcessPoolExecutor(max_workers=1, initializer=_init_worker) as pool:
        try:
            task = pool.submit(_pool_task, folder / item.path, item.sha256, settings, stores)
            return _unpack(task.result())
        except BrokenProcessPool:
            message = "reading this file crashed the reader (a hostile or badly damaged file)"
            return Reading(failed("unknown", ErrorKind.CORRUPT, message, engine_version()), None)
