"""Stages 2–3: read and parse every document, one per task, in a process pool; cached by content.

A worker extracts (text layer or OCR) and parses, so both run in parallel, and hands back a small
`Reading`: how the file was read, and the parsed fields with their quotes. The main process never
handles a page's words — it has no use for them, and moving them costs more than reading them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from extractors.extract import engine_version, extract
from extractors.models import ErrorKind, ExtractedDocument, ExtractionError, ReadMethod, failed
from extractors.settings import ExtractionSettings
from nlp_models.parsed import ParsedDocument
from pipeline.cache import ResultCache, cacheable, extraction_key
from pipeline.discover import Found


class ReadSummary(BaseModel):
    """What the report says of how a file was read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    media_type: str
    read: ReadMethod
    pages: int
    ocr_confidence: float | None = None
    rotated_pages: tuple[int, ...] = ()
    error: ExtractionError | None = None  # the document's, or its first page's

    @classmethod
    def of(cls, doc: ExtractedDocument) -> ReadSummary:
        page_errors = [p.error for p in doc.pages if p.error is not None]
        return cls(
            media_type=doc.media_type,
            read=doc.read,
            pages=len(doc.pages),
            ocr_confidence=doc.ocr_confidence,
            rotated_pages=tuple(p.number for p in doc.pages if p.rotation),
            error=doc.error or (page_errors[0] if page_errors else None),
        )


class Reading(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    summary: ReadSummary
    parsed: ParsedDocument | None = None  # None: nothing readable, or not asked to parse
    part_summaries: tuple[ReadSummary, ...] = ()  # how each part of a bundle was read


@dataclass(frozen=True)
class Stores:
    """The caches a document goes through; picklable, so workers use them directly."""

    extracted: ResultCache[ExtractedDocument]  # everything read, words and boxes included
    parsed: ResultCache[Reading]  # summary + parsed fields
    read_only: ResultCache[Reading]  # summary alone (`--read-only`)

    @classmethod
    def for_settings(cls, settings: ExtractionSettings) -> Stores:
        from nlp_models.parse import PARSER_VERSION

        key = extraction_key(settings)
        return cls(
            extracted=ResultCache("extract", ExtractedDocument, key),
            # "reading/2": a Reading holds its bundle parts' summaries since version 2.
            parsed=ResultCache("reading", Reading, f"{key} parser/{PARSER_VERSION} reading/2"),
            read_only=ResultCache("reading", Reading, f"{key} read-only"),
        )

    def readings(self, parse: bool) -> ResultCache[Reading]:
        return self.parsed if parse else self.read_only


def read_document(
    path: Path,
    sha256: str | None,
    settings: ExtractionSettings,
    stores: Stores | None,
    parse: bool = True,
) -> Reading:
    """Worker task: the only place a document's bytes are read."""
    if stores and sha256 and (cached := stores.readings(parse).get(sha256)) is not None:
        return cached
    extracted = stores.extracted.get(sha256) if stores and sha256 else None
    if extracted is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            error = failed(
                "unknown", ErrorKind.UNREADABLE, f"cannot be read: {exc}", engine_version()
            )
            return Reading(summary=ReadSummary.of(error))
        extracted = extract(data, settings)
        if stores and sha256 and cacheable(extracted):
            stores.extracted.put(sha256, extracted)
    parsed = None
    if parse and extracted.pages:
        from nlp_models.parse import parse_document  # spaCy loads only when something is parsed

        parsed = parse_document(extracted)
    parts = ()
    if parsed is not None and parsed.parts:
        from nlp_models.parse.bundles import part_document

        parts = tuple(
            ReadSummary.of(part_document(extracted, p.first, p.last)) for p in parsed.parts
        )
    reading = Reading(summary=ReadSummary.of(extracted), parsed=parsed, part_summaries=parts)
    if stores and sha256 and cacheable(extracted):
        stores.readings(parse).put(sha256, reading)
    return reading


def _pool_task(
    path: Path, sha256: str | None, settings: ExtractionSettings, stores: Stores | None, parse: bool
) -> str:
    """`read_document` for the pool: parametrised pydantic generics (`Found[str]`) do not
    pickle, so the reading crosses the process boundary as JSON."""
    return read_document(path, sha256, settings, stores, parse).model_dump_json()


def _init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract threads fight the pool for 2 cores


def read_all(
    folder: Path,
    found: list[Found],
    settings: ExtractionSettings,
    jobs: int,
    stores: Stores | None,
    on_done: Callable[[str], None] = lambda _path: None,
    parse: bool = True,
) -> dict[str, Reading]:
    """Read (and unless told otherwise, parse) each distinct readable document; by path."""
    results: dict[str, Reading] = {}
    todo: list[Found] = []
    for item in found:
        if item.error is not None or item.duplicate_of is not None:
            continue
        cached = stores.readings(parse).get(item.sha256) if stores and item.sha256 else None
        if cached is not None:
            results[item.path] = cached
            on_done(item.path)
        else:
            todo.append(item)
    # Largest first: the long OCR jobs start early and the pool ends together.
    todo.sort(key=lambda f: f.size, reverse=True)
    if jobs <= 1 or len(todo) <= 1:
        for item in todo:
            results[item.path] = read_document(
                folder / item.path, item.sha256, settings, stores, parse
            )
            on_done(item.path)
        return results
    crashed: list[Found] = []
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), initializer=_init_worker) as pool:
        futures = {
            pool.submit(_pool_task, folder / f.path, f.sha256, settings, stores, parse): f
            for f in todo
        }
        for future in as_completed(futures):
            item = futures[future]
            try:
                results[item.path] = Reading.model_validate_json(future.result())
                on_done(item.path)
            except BrokenProcessPool:
                # A worker died (a library crashed on a hostile file) and took every task in
                # flight with it. Retry those one at a time so only the culprit is blamed.
                crashed.append(item)
    for item in crashed:
        results[item.path] = _isolated(folder, item, settings, stores, parse)
        on_done(item.path)
    return results


def _isolated(
    folder: Path, item: Found, settings: ExtractionSettings, stores: Stores | None, parse: bool
) -> Reading:
    with ProcessPoolExecutor(max_workers=1, initializer=_init_worker) as pool:
        try:
            task = pool.submit(_pool_task, folder / item.path, item.sha256, settings, stores, parse)
            return Reading.model_validate_json(task.result())
        except BrokenProcessPool:
            message = "reading this file crashed the reader (a hostile or badly damaged file)"
            error = failed("unknown", ErrorKind.CORRUPT, message, engine_version())
            return Reading(summary=ReadSummary.of(error))
