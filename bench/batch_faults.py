"""Load and faults (`python -m bench.batch_faults`, part of `make bench`).

A batch of 200 generated case folders (three distinct text PDFs each: letters, pay histories,
transcripts) is run three ways with `evidence batch --jobs 2 --no-cache`:

1. uninterrupted;
2. killed (SIGKILL to the whole process group: a lost machine, no clean-up) at five random
   moments and started again after each, then run to the end;
3. on Dask, `--scheduler local:2`.

Each output then gets one more (resumed, no-op) pass so every row is a resumed one, and the three
`summary.csv` files are compared byte for byte with the `seconds` column removed: timings are
the one thing allowed to differ. The process tree is sampled throughout: the peak resident memory
of each case process (local pool) and of each Dask worker over the run, to show it stays flat.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from bench.common import EVIDENCE, write_section
from fixtures.bench_docs import write_text_pdf_corpus

DOCS_PER_CASE = 3


def build_cases(root: Path, n: int) -> None:
    for i in range(n):
        write_text_pdf_corpus(root / f"case_{i:03d}", DOCS_PER_CASE, first=DOCS_PER_CASE * i)


class Sampler:
    """RSS of every process under `pid`, sampled every 0.1 s: pid -> [(seconds, MB)]."""

    def __init__(self, pid: int) -> None:
        self.samples: dict[int, list[tuple[float, float]]] = {}
        self.parents: dict[int, int] = {}
        self._stop = threading.Event()
        self.root = pid
        self._t0 = time.monotonic()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            root = psutil.Process(self.root)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            try:
                procs = root.children(recursive=True)
            except psutil.NoSuchProcess:
                return
            now = time.monotonic() - self._t0
            for p in procs:
                try:
                    mb = p.memory_info().rss / 2**20
                    self.parents.setdefault(p.pid, p.ppid())
                except psutil.Error:
                    continue
                self.samples.setdefault(p.pid, []).append((now, mb))
            time.sleep(0.1)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _cmd(cases: Path, out: Path, *args: str) -> list[str]:
    return [*EVIDENCE, "batch", str(cases), "--out", str(out), "--no-cache", "--quiet", *args]


def _env() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def run_to_end(cases: Path, out: Path, *args: str) -> tuple[float, Sampler]:
    started = time.perf_counter()
    proc = subprocess.Popen(_cmd(cases, out, *args), env=_env(), stderr=subprocess.PIPE)
    sampler = Sampler(proc.pid)
    _, err = proc.communicate()
    sampler.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({proc.returncode}): {err.decode(errors='replace')}")
    return time.perf_counter() - started, sampler


def run_killed(cases: Path, out: Path, kills: int, full_s: float, seed: int) -> list[float]:
    """Start, SIGKILL the process group at a random moment, again `kills` times; then finish."""
    rng = random.Random(seed)
    moments = []
    for _ in range(kills):
        proc = subprocess.Popen(
            _cmd(cases, out, "--jobs", "2"),
            env=_env(),
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own group: the kill takes the fork server and cases too
        )
        moment = rng.uniform(0.05, 0.25) * full_s
        time.sleep(moment)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        moments.append(moment)
    run_to_end(cases, out, "--jobs", "2")
    return moments


def summary_without_timings(out: Path) -> str:
    with (out / "summary.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    buffer = io.StringIO()
    columns = [c for c in rows[0] if c != "seconds"]
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _case_peaks(sampler: Sampler) -> list[float]:
    """Peak MB of each case process (a child of the fork server, not of the batch), in start
    order."""
    peaks = [
        (s[0][0], max(mb for _, mb in s))
        for pid, s in sampler.samples.items()
        if sampler.parents.get(pid) != sampler.root
    ]
    return [mb for _, mb in sorted(peaks)]


def _worker_trend(sampler: Sampler) -> list[tuple[float, float]]:
    """For each long-lived process (a Dask worker): peak MB in the first and the last quarter."""
    out = []
    for series in sampler.samples.values():
        if series[-1][0] - series[0][0] < 5:
            continue
        t0, t1 = series[0][0], series[-1][0]
        q = (t1 - t0) / 4
        first = max(mb for t, mb in series if t <= t0 + q)
        last = max(mb for t, mb in series if t >= t1 - q)
        out.append((first, last))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-faults-") as tmp:
        root = Path(tmp)
        cases = root / "cases"
        build_cases(cases, args.cases)
        full_s, local = run_to_end(cases, root / "whole", "--jobs", "2")
        moments = run_killed(cases, root / "killed", args.kills, full_s, args.seed)
        dask_s, on_dask = run_to_end(cases, root / "dask", "--scheduler", "local:2")
        for name in ("whole", "killed", "dask"):  # every row a resumed one, in all three
            run_to_end(cases, root / name, "--jobs", "2")
        whole, killed, dask = (
            summary_without_timings(root / n) for n in ("whole", "killed", "dask")
        )
        rows = len(whole.splitlines()) - 1
    same_killed, same_dask = killed == whole, dask == whole
    peaks = _case_peaks(local)
    tenth = max(1, len(peaks) // 10)
    first, last = max(peaks[:tenth]), max(peaks[-tenth:])
    trend = _worker_trend(on_dask)
    workers = ", ".join(f"{a:.0f} → {b:.0f} MB" for a, b in trend)
    body = f"""### Load and faults (`python -m bench.batch_faults`, part of `make bench`)

{args.cases} generated case folders ({DOCS_PER_CASE} distinct text PDFs each), `evidence batch
--no-cache`, whole commands on this 2-core machine.

| | measured | target |
|---|---|---|
| uninterrupted, `--jobs 2` | {rows} rows in {full_s:.1f} s | — |
| killed (SIGKILL, process group) at {len(moments)} random moments \
({", ".join(f"{m:.1f} s" for m in moments)} into each start), resumed each time | summary.csv \
{"identical" if same_killed else "DIFFERENT"} to the uninterrupted run's, `seconds` column \
aside | identical ({"met" if same_killed else "NOT met"}) |
| `--scheduler local:2` (Dask) | {dask_s:.1f} s; summary.csv \
{"identical" if same_dask else "DIFFERENT"} | identical ({"met" if same_dask else "NOT met"}) |
| peak RSS of each case process (local pool, {len(peaks)} sampled) | first tenth \
{first:.0f} MB, last tenth {last:.0f} MB | flat |
| peak RSS of each Dask worker, first vs last quarter of the run | {workers or "—"} | flat |
"""
    write_section("batch-faults", body)
    print(body)
    if not (same_killed and same_dask):
        sys.exit(1)


if __name__ == "__main__":
    main()
