"""Stage 2: read every document, one per task, in a process pool; cached by content hash."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from extractors.extract import engine_version, extract
from extractors.models import ErrorKind, ExtractedDocument, failed
from extractors.settings import ExtractionSettings
from pipeline.cache import ExtractionCache
from pipeline.discover import Found


def read_and_extract(path: Path, settings: ExtractionSettings) -> ExtractedDocument:
    """Worker task: the only place a document's bytes are read for extraction."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return failed("unknown", ErrorKind.UNREADABLE, f"cannot be read: {exc}", engine_version())
    return extract(data, settings)


def _init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract threads fight the pool for 2 cores


def extract_all(
    folder: Path,
    found: list[Found],
    settings: ExtractionSettings,
    jobs: int,
    cache: ExtractionCache | None,
    on_done: Callable[[str], None] = lambda _path: None,
) -> dict[str, ExtractedDocument]:
    """Extract each distinct readable document; returns results by relative path."""
    results: dict[str, ExtractedDocument] = {}
    todo: list[Found] = []
    for item in found:
        if item.error is not None or item.duplicate_of is not None:
            continue
        cached = cache.get(item.sha256) if cache and item.sha256 else None
        if cached is not None:
            results[item.path] = cached
            on_done(item.path)
        else:
            todo.append(item)
    # Largest first: the long OCR jobs start early and the pool ends together.
    todo.sort(key=lambda f: f.size, reverse=True)
    if jobs <= 1 or len(todo) <= 1:
        for item in todo:
            results[item.path] = read_and_extract(folder / item.path, settings)
            on_done(item.path)
    else:
        results.update(_in_pool(folder, todo, settings, jobs, on_done))
    if cache:
        for item in todo:
            if item.sha256:
                cache.put(item.sha256, results[item.path])
    return results


def _in_pool(
    folder: Path,
    todo: list[Found],
    settings: ExtractionSettings,
    jobs: int,
    on_done: Callable[[str], None],
) -> dict[str, ExtractedDocument]:
    results: dict[str, ExtractedDocument] = {}
    crashed: list[Found] = []
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), initializer=_init_worker) as pool:
        futures = {pool.submit(read_and_extract, folder / f.path, settings): f for f in todo}
        for future in as_completed(futures):
            item = futures[future]
            try:
                results[item.path] = future.result()
                on_done(item.path)
            except BrokenProcessPool:
                # A worker died (a library crashed on a hostile file) and took every task in
                # flight with it. Retry those one at a time so only the culprit is blamed.
                crashed.append(item)
    for item in crashed:
        results[item.path] = _isolated(folder, item, settings)
        on_done(item.path)
    return results


def _isolated(folder: Path, item: Found, settings: ExtractionSettings) -> ExtractedDocument:
    with ProcessPoolExecutor(max_workers=1, initializer=_init_worker) as pool:
        try:
            return pool.submit(read_and_extract, folder / item.path, settings).result()
        except BrokenProcessPool:
            message = "reading this file crashed the reader (a hostile or badly damaged file)"
            return failed("unknown", ErrorKind.CORRUPT, message, engine_version())
