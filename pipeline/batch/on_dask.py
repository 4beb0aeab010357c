"""Cases on Dask: `--scheduler local:N` starts a LocalCluster of N single-threaded worker
processes; any other value is the address of a running dask.distributed scheduler.

- Each case is one task running `audit_case` in a worker, which writes the case's reports into
  `--out`: on a real cluster that path (and the case folders) must be the same on every worker,
  a shared file system. State and summaries are written here, as with the local pool.
- No more cases in flight than the cluster has threads, so a case's time limit runs from its
  start, as on the local pool. A case over its limit gets a timeout row and its worker is
  restarted (Dask cannot stop a running task any other way).
- A case whose worker is lost is submitted once more; lost again, it is reported as failed, never
  dropped. The LocalCluster's scheduler does not retry on its own (allowed-failures 0) so the
  count is ours; start a scheduler of your own with
  `DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=0` for the same behaviour.
"""

from __future__ import annotations

import contextlib
import logging
import os
import resource
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.batch.case import audit_case
from pipeline.batch.models import BatchOptions, CaseResult
from pipeline.exit_codes import ExitCode, MissingDependency

if TYPE_CHECKING:
    from distributed import Client, Future

LOCAL = "local:"
TRIES = 2  # a case whose worker is lost is run once more


def _case_task(folder: Path, options: BatchOptions) -> tuple[dict, str, float]:
    """In the worker: the case's row, the worker's name and its peak resident memory (MB)."""
    os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract threads fight the other workers for cores
    from distributed import get_worker

    result = audit_case(folder, options)
    try:
        worker = get_worker().address
    except ValueError:  # not in a worker (a synchronous scheduler)
        worker = f"pid {os.getpid()}"
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result.model_dump(mode="json"), worker, peak_mb


def _warm() -> None:
    import pipeline.batch.warm  # noqa: F401  (importing it warms this worker)


def local_workers(scheduler: str) -> int | None:
    """N of "local:N", None for a scheduler address."""
    if not scheduler.startswith(LOCAL):
        return None
    return int(scheduler[len(LOCAL) :])


@contextlib.contextmanager
def connect(scheduler: str) -> Iterator[Client]:
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise MissingDependency(f"--scheduler needs dask.distributed: {exc}") from None

    workers = local_workers(scheduler)
    if workers is None:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise MissingDependency(f"no Dask scheduler answers at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    # Read by the scheduler when it starts, in this process. No dashboard: it would take a port.
    quiet = {"distributed.scheduler.allowed-failures": 0, "logging.distributed": "error"}
    with (
        dask.config.set(quiet),
        _logs_at(logging.ERROR),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@contextlib.contextmanager
def _logs_at(level: int) -> Iterator[None]:
    # The in-process scheduler logs each worker's comings and goings at INFO: noise in a report.
    log = logging.getLogger("distributed")
    before = log.level
    log.setLevel(level)
    try:
        yield
    finally:
        log.setLevel(before)


def run_on_dask(
    todo: list[tuple[Path, str]], options: BatchOptions, peaks: dict[str, float]
) -> Iterator[tuple[CaseResult, str]]:
    from distributed import KilledWorker, wait

    assert options.scheduler is not None
    with connect(options.scheduler) as client:
        client.run(_warm)  # every worker at once, before the first case
        capacity = max(1, sum(client.nthreads().values()))
        queue = list(todo)
        tries: dict[str, int] = {}
        running: dict[Future, tuple[Path, str, float]] = {}
        try:
            while queue or running:
                while queue and len(running) < capacity:
                    folder, print_ = queue.pop(0)
                    tries[folder.name] = tries.get(folder.name, 0) + 1
                    key = f"evidence-case-{folder.name}-{uuid.uuid4().hex[:8]}"
                    future = client.submit(_case_task, folder, options, key=key, pure=False)
                    running[future] = (folder, print_, time.monotonic())
                deadline = min(t0 + options.timeout for _, _, t0 in running.values())
                try:
                    timeout = max(0.05, deadline - time.monotonic())
                    done, _ = wait(list(running), timeout=timeout, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    done = set()
                for future in done:
                    folder, print_, t0 = running.pop(future)
                    if future.status == "finished":
                        data, worker, peak_mb = future.result()
                        peaks[worker] = round(max(peaks.get(worker, 0.0), peak_mb), 1)
                        yield CaseResult.model_validate(data), print_
                        continue
                    error = future.exception() if future.status == "error" else None
                    if isinstance(error, KilledWorker) and tries[folder.name] < TRIES:
                        queue.insert(0, (folder, print_))  # its worker was lost: once more
                        continue
                    message = (
                        f"its worker was lost {TRIES} times"
                        if isinstance(error, KilledWorker)
                        else f"{type(error).__name__}: {error}"
                        if error is not None
                        else f"the task was {future.status}"
                    )
                    yield _failed(folder.name, "failed", message, t0), print_
                now = time.monotonic()
                for future, (folder, print_, t0) in list(running.items()):
                    if now - t0 >= options.timeout:
                        del running[future]
                        _stop(client, future)
                        message = f"timed out after {options.timeout:g} s"
                        yield _failed(folder.name, "timeout", message, t0), print_
        finally:
            for future in running:
                future.cancel()


def _stop(client: Client, future: Future) -> None:
    """Cancel a task and restart the worker that runs it: a running task cannot be interrupted."""
    with contextlib.suppress(Exception):
        busy = [w for w, keys in client.processing().items() if future.key in keys]
        future.cancel()
        if busy:
            client.restart_workers(busy, timeout=60)


def _failed(case: str, status: str, message: str, t0: float) -> CaseResult:
    return CaseResult(
        case=case,
        status=status,  # type: ignore[arg-type]
        exit_code=int(ExitCode.INTERNAL),
        error=message[:500],
        seconds=round(time.monotonic() - t0, 3),
    )
