"""The local pool: up to `jobs` cases at a time, each in its own process forked from a warm fork
server; a case over its time limit is killed."""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path

from pipeline.batch.case import audit_case
from pipeline.batch.models import BatchOptions, CaseResult
from pipeline.exit_codes import ExitCode


def _child(conn: Connection, folder: Path, options: BatchOptions) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract threads fight the other cases for cores
    try:
        result = audit_case(folder, options).model_dump(mode="json")
        conn.send((result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    finally:
        conn.close()


def _context() -> mp.context.BaseContext:
    # A fork server forks each case from a clean, already-imported process: fast starts, and no
    # threads of the parent (progress bar) inherited.
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        preload = [
            "pipeline.batch.case",
            "pipeline.audit",
            "pipeline.html_report",
            "pipeline.batch.warm",
        ]
        ctx.set_forkserver_preload(preload)
        return ctx
    return mp.get_context("spawn")


def run_local(
    todo: list[tuple[Path, str]], options: BatchOptions, peaks: dict[str, float]
) -> Iterator[tuple[CaseResult, str]]:
    """Up to `jobs` cases at a time, one process each; a case over its time limit is killed."""
    ctx = _context()
    queue = list(todo)
    running: dict[Connection, tuple[mp.process.BaseProcess, str, str, float]] = {}
    try:
        while queue or running:
            while queue and len(running) < options.jobs:
                folder, print_ = queue.pop(0)
                parent, child = ctx.Pipe(duplex=False)
                proc = ctx.Process(target=_child, args=(child, folder, options), daemon=True)
                proc.start()
                child.close()
                running[parent] = (proc, folder.name, print_, time.monotonic())
            deadline = min(t + options.timeout for _, _, _, t in running.values())
            ready = wait(list(running), timeout=max(0.0, deadline - time.monotonic()))
            for conn in ready:
                proc, case, print_, t0 = running.pop(conn)  # type: ignore[index]
                yield _receive(conn, proc, case, t0, peaks), print_
            now = time.monotonic()
            for conn, (proc, case, print_, t0) in list(running.items()):
                if now - t0 >= options.timeout:
                    proc.kill()
                    proc.join()
                    conn.close()
                    del running[conn]
                    message = f"timed out after {options.timeout:g} s"
                    yield (
                        CaseResult(
                            case=case,
                            status="timeout",
                            exit_code=int(ExitCode.INTERNAL),
                            error=message,
                            seconds=round(now - t0, 3),
                        ),
                        print_,
                    )
    finally:
        for conn, (proc, *_rest) in running.items():
            proc.kill()
            proc.join()
            conn.close()


def _receive(
    conn: Connection, proc: mp.process.BaseProcess, case: str, t0: float, peaks: dict[str, float]
) -> CaseResult:
    try:
        data, peak_mb = conn.recv()
        result = CaseResult.model_validate(data)
        peaks[f"{case} (pid {proc.pid})"] = round(peak_mb, 1)
    except (EOFError, OSError, ValueError):
        proc.join()
        message = f"the case's process died (exit status {proc.exitcode})"
        result = CaseResult(
            case=case,
            status="failed",
            exit_code=int(ExitCode.INTERNAL),
            error=message,
            seconds=round(time.monotonic() - t0, 3),
        )
    conn.close()
    proc.join()
    return result
