"""`evidence batch --scheduler`: cases as tasks on a real dask.distributed cluster (LocalCluster
worker processes): the same summary as the local pool, and a lost worker's case retried once,
then reported as failed."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import dask
import pytest
from distributed import Client, LocalCluster

from pipeline.batch import BatchOptions, run_batch
from pipeline.exit_codes import ExitCode

pytestmark = pytest.mark.xdist_group("batch")  # OCR-heavy: keep off the other worker's cores

TIMING = {"seconds"}  # the one column that differs between two runs of one batch


def _summary(out: Path) -> list[dict[str, str]]:
    with (out / "summary.csv").open() as handle:
        return [{k: v for k, v in row.items() if k not in TIMING} for row in csv.DictReader(handle)]


def test_a_dask_batch_gives_the_summary_of_the_local_pool(cases, tmp_path) -> None:
    root = tmp_path / "cases"
    for case in ("scenario_pgwp_clean", "mixed", "broken"):
        shutil.copytree(cases / case, root / case)
    local = run_batch(BatchOptions(cases_dir=root, out=tmp_path / "local", jobs=2))
    on_dask = run_batch(BatchOptions(cases_dir=root, out=tmp_path / "dask", scheduler="local:2"))
    assert _summary(tmp_path / "dask") == _summary(tmp_path / "local")
    assert [r.status for r in on_dask.results] == [r.status for r in local.results]
    assert {r.case for r in on_dask.results} == {"scenario_pgwp_clean", "mixed", "broken"}
    assert len(on_dask.peak_rss_mb) == 2 and all(mb > 50 for mb in on_dask.peak_rss_mb.values())
    for case in ("scenario_pgwp_clean", "mixed", "broken"):
        assert (tmp_path / "dask" / f"{case}.json").is_file()
    # Resumed on Dask: nothing redone.
    again = run_batch(BatchOptions(cases_dir=root, out=tmp_path / "dask", scheduler="local:2"))
    assert all(r.resumed for r in again.results)


def _kill_the_worker_running_a_case(client: Client, times: int, stop: threading.Event) -> None:
    """SIGKILL the worker process while it audits the case, `times` times (a lost machine)."""
    killed = 0
    while killed < times and not stop.is_set():
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            pids = client.run(os.getpid, workers=busy)
            os.kill(pids[busy[0]], signal.SIGKILL)
            killed += 1
            while not stop.is_set() and busy[0] in client.scheduler_info()["workers"]:
                time.sleep(0.05)  # until the scheduler has seen it go
        time.sleep(0.05)


@pytest.mark.parametrize(("kills", "status"), [(1, "ok"), (2, "failed")])
def test_a_lost_worker_s_case_is_retried_once_then_failed(cases, tmp_path, kills, status) -> None:
    root = tmp_path / "cases"
    shutil.copytree(cases / "scans", root / "scans")  # OCR: long enough to be caught running
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        stop = threading.Event()
        killer = threading.Thread(
            target=_kill_the_worker_running_a_case, args=(client, kills, stop), daemon=True
        )
        killer.start()
        try:
            options = BatchOptions(
                cases_dir=root, out=tmp_path / "out", scheduler=cluster.scheduler_address
            )
            result = run_batch(options)
        finally:
            stop.set()
            killer.join(timeout=10)
    (row,) = result.results
    assert row.status in (("ok", "findings") if status == "ok" else (status,)), row
    if status == "failed":
        assert row.error == "its worker was lost 2 times"
        assert row.exit_code == ExitCode.INTERNAL
        assert not (tmp_path / "out" / ".batch" / "scans.json").exists()  # retried next time
    else:
        assert (tmp_path / "out" / "scans.json").is_file()


def test_a_bad_scheduler_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(ValueError, match="local:N takes N from 1 to 64"):
        BatchOptions(cases_dir=tmp_path, out=tmp_path / "o", scheduler="local:0")
    with pytest.raises(ValueError, match="neither local:N nor a scheduler address"):
        BatchOptions(cases_dir=tmp_path, out=tmp_path / "o", scheduler="nowhere")
