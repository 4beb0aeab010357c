"""Run a batch: skip what is finished, audit the rest on the local pool or on Dask, remember each
finished case, and write the summaries whatever happens."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pipeline.batch.local import run_local
from pipeline.batch.models import DONE, BatchOptions, BatchResult, CaseResult
from pipeline.batch.on_dask import run_on_dask
from pipeline.batch.state import find_cases, fingerprint, finished, remember
from pipeline.batch.summary import write_summaries


def run_batch(
    options: BatchOptions,
    on_done: Callable[[CaseResult, int, int], None] = lambda _r, _d, _t: None,
) -> BatchResult:
    """Audit every case folder of `options.cases_dir`; write reports, state and summaries."""
    started = time.perf_counter()
    options = options.model_copy(update={"out": options.out.resolve()})
    options.out.mkdir(parents=True, exist_ok=True)
    cases = find_cases(options.cases_dir)
    results: dict[str, CaseResult] = {}
    todo: list[tuple[Path, str]] = []
    for folder in cases:
        print_ = fingerprint(folder, options)
        done = finished(options.out, folder.name, print_, options.html) if options.resume else None
        if done is not None:
            results[folder.name] = done
            on_done(done, len(results), len(cases))
        else:
            todo.append((folder, print_))
    peaks: dict[str, float] = {}
    runner = run_local if options.scheduler is None else run_on_dask
    try:
        for result, print_ in runner(todo, options, peaks):
            results[result.case] = result
            if result.exit_code in DONE:
                remember(options.out, result, print_)
            on_done(result, len(results), len(cases))
    finally:  # interrupted or not: the summaries say what is done so far
        ordered = tuple(results[f.name] for f in sorted(cases) if f.name in results)
        write_summaries(options.out, ordered)
    seconds = round(time.perf_counter() - started, 3)
    return BatchResult(results=ordered, seconds=seconds, peak_rss_mb=peaks)
