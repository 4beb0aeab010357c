"""`evidence batch CASES_DIR --out DIR`: audit every case folder, one process per case.

- One JSON report (and optionally HTML) per case in DIR, plus `summary.csv` and `summary.jsonl`.
- Resumable: a case whose files and settings are unchanged since its last finished run is skipped
  (its fingerprint is kept in `DIR/.batch/CASE.json`). Failed or timed-out cases are retried.
- One bad case never stops the batch: a crash, a bad `case.toml` or a timeout is that case's row.
- Exit code: the worst over the cases (0 clean; 1 findings; 2 a case could not be read; 3 a
  missing dependency; 4 a case crashed or timed out).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterator
from importlib.metadata import version
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Annotated, Literal

import typer
from pydantic import BaseModel, ConfigDict, Field
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from pipeline.exit_codes import BadInput, ExitCode, exit_code_for, report_exit_code
from pipeline.files import write_atomic
from pipeline.present import severity_counts
from pipeline.report import SCHEMA_VERSION, Report

STATE_DIR = ".batch"
PROGRAM_COLUMNS = ("cec", "fsw", "crs_can", "foreign", "cbs")
SEVERITY_COLUMNS = ("blocker", "error", "warning", "info")
TOP_FINDINGS = 3
CaseStatus = Literal["ok", "findings", "bad_input", "missing_dependency", "failed", "timeout"]
_STATUS = {
    ExitCode.OK: "ok",
    ExitCode.FINDINGS: "findings",
    ExitCode.BAD_INPUT: "bad_input",
    ExitCode.MISSING_DEPENDENCY: "missing_dependency",
    ExitCode.INTERNAL: "failed",
}
DONE = (ExitCode.OK, ExitCode.FINDINGS)  # finished cases; anything else is retried on resume


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BatchOptions(_Model):
    cases_dir: Path
    out: Path
    jobs: int = Field(default=1, ge=1, le=64)
    html: bool = False
    timeout: float = Field(default=900.0, gt=0)  # seconds per case
    as_of: dt.date | None = None
    use_cache: bool = True
    resume: bool = True


class CaseResult(_Model):
    """One row of the summary."""

    case: str
    status: CaseStatus
    exit_code: int
    verdicts: dict[str, str] = Field(default_factory=dict)  # program -> met/not_met/indeterminate
    counts: dict[str, int] = Field(default_factory=dict)  # severity -> findings (not waived)
    top_findings: tuple[str, ...] = ()
    documents: int = 0
    seconds: float = 0.0
    error: str | None = None
    resumed: bool = False  # skipped: unchanged since a finished run


class BatchResult(_Model):
    results: tuple[CaseResult, ...]
    seconds: float

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode(max((r.exit_code for r in self.results), default=ExitCode.OK))


# --- cases, fingerprints, state -----------------------------------------------------------------


def find_cases(cases_dir: Path) -> list[Path]:
    """Case folders: the non-hidden sub-folders of CASES_DIR, largest first (long cases start
    early so parallel workers finish together)."""
    folders = [p for p in cases_dir.iterdir() if p.is_dir() and not p.name.startswith(".")]
    return sorted(folders, key=lambda p: (-_tree_size(p), p.name))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            yield Path(root) / name


def _tree_size(folder: Path) -> int:
    total = 0
    for path in _walk(folder):
        with contextlib.suppress(OSError):
            total += path.lstat().st_size
    return total


def fingerprint(folder: Path, options: BatchOptions) -> str:
    """Changes when any file of the case (name, size, modification time) or a setting that shapes
    the report changes. Stat only: a resumed batch must not re-read every byte."""
    digest = hashlib.sha256()
    settings = {
        "as_of": str(options.as_of or f"today:{dt.date.today()}"),
        "html": options.html,
        "tool": version("evidence"),
        "schema": SCHEMA_VERSION,
    }
    digest.update(json.dumps(settings, sort_keys=True).encode())
    for path in _walk(folder):
        try:
            st = path.lstat()
        except OSError:
            continue
        rel = path.relative_to(folder).as_posix()
        digest.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _state_path(out: Path, case: str) -> Path:
    return out / STATE_DIR / f"{case}.json"


def report_paths(out: Path, case: str) -> tuple[Path, Path]:
    return out / f"{case}.json", out / f"{case}.html"


def finished(out: Path, case: str, print_: str, html: bool) -> CaseResult | None:
    """The stored result of a finished run with this fingerprint whose reports are all there."""
    try:
        state = json.loads(_state_path(out, case).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    json_path, html_path = report_paths(out, case)
    if state.get("fingerprint") != print_ or not json_path.is_file():
        return None
    if html and not html_path.is_file():
        return None
    try:
        result = CaseResult.model_validate(state["result"])
    except (KeyError, ValueError):
        return None
    return result.model_copy(update={"resumed": True})


def _remember(out: Path, result: CaseResult, print_: str) -> None:
    state = {"fingerprint": print_, "result": result.model_dump(mode="json")}
    write_atomic(_state_path(out, result.case), json.dumps(state, indent=1))


# --- one case (in its own process) --------------------------------------------------------------


def summarise(case: str, report: Report, seconds: float) -> CaseResult:
    code = report_exit_code(report)
    top = [f for f in report.findings if not f.waived and f.severity.value != "info"]
    return CaseResult(
        case=case,
        status=_STATUS[code],  # type: ignore[arg-type]
        exit_code=int(code),
        verdicts={k: e.status for k, e in report.experience.items()},
        counts=severity_counts(report.findings),
        top_findings=tuple(f"{f.rule} {f.slug}" for f in top[:TOP_FINDINGS]),
        documents=len(report.documents),
        seconds=round(seconds, 3),
    )


def audit_case(folder: Path, options: BatchOptions) -> CaseResult:
    """Audit one case and write its reports; every failure becomes the case's result."""
    from pipeline.audit import AuditOptions, audit

    started = time.perf_counter()
    case = folder.name
    try:
        audit_options = AuditOptions(
            folder=folder, as_of=options.as_of, jobs=1, use_cache=options.use_cache
        )
        report = audit(audit_options)
        json_path, html_path = report_paths(options.out, case)
        write_atomic(json_path, report.model_dump_json(indent=2))
        if options.html:
            from pipeline.html_report import write_html

            write_html(report, html_path)
        return summarise(case, report, time.perf_counter() - started)
    except Exception as exc:  # one case's failure (bad input, missing data, a bug) is its result
        return _failure(case, exit_code_for(exc), f"{type(exc).__name__}: {exc}", started)


def _failure(case: str, code: ExitCode, message: str, started: float) -> CaseResult:
    return CaseResult(
        case=case,
        status=_STATUS[code],  # type: ignore[arg-type]
        exit_code=int(code),
        error=message[:500],
        seconds=round(time.perf_counter() - started, 3),
    )


def _child(conn: Connection, folder: Path, options: BatchOptions) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract threads fight the other cases for cores
    try:
        conn.send(audit_case(folder, options).model_dump(mode="json"))
    finally:
        conn.close()


# --- the batch ----------------------------------------------------------------------------------


def _context() -> mp.context.BaseContext:
    # A fork server forks each case from a clean, already-imported process: fast starts, and no
    # threads of the parent (progress bar) inherited.
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pipeline.batch", "pipeline.audit", "pipeline.html_report"])
        return ctx
    return mp.get_context("spawn")


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
    try:
        for result, print_ in _run_processes(todo, options):
            results[result.case] = result
            if result.exit_code in DONE:
                _remember(options.out, result, print_)
            on_done(result, len(results), len(cases))
    finally:  # interrupted or not: the summaries say what is done so far
        ordered = tuple(results[f.name] for f in sorted(cases) if f.name in results)
        write_summaries(options.out, ordered)
    return BatchResult(results=ordered, seconds=round(time.perf_counter() - started, 3))


def _run_processes(
    todo: list[tuple[Path, str]], options: BatchOptions
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
                yield _receive(conn, proc, case, t0), print_
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


def _receive(conn: Connection, proc: mp.process.BaseProcess, case: str, t0: float) -> CaseResult:
    try:
        data = conn.recv()
        result = CaseResult.model_validate(data)
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


# --- summaries ----------------------------------------------------------------------------------


def summary_row(r: CaseResult) -> dict[str, str | int | float]:
    row: dict[str, str | int | float] = {
        "case": r.case,
        "status": r.status,
        "exit_code": r.exit_code,
    }
    for key in PROGRAM_COLUMNS:
        row[key] = r.verdicts.get(key, "")
    for key in SEVERITY_COLUMNS:
        row[key] = r.counts.get(key, 0)
    row["top_findings"] = "; ".join(r.top_findings)
    row["documents"] = r.documents
    row["seconds"] = r.seconds
    row["resumed"] = int(r.resumed)
    row["failure"] = r.error or ""
    return row


def write_summaries(out: Path, results: tuple[CaseResult, ...]) -> None:
    buffer = io.StringIO()
    columns = list(summary_row(CaseResult(case="", status="ok", exit_code=0)))
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for r in results:
        writer.writerow(summary_row(r))
    write_atomic(out / "summary.csv", buffer.getvalue())
    lines = "".join(r.model_dump_json() + "\n" for r in results)
    write_atomic(out / "summary.jsonl", lines)


# --- the command --------------------------------------------------------------------------------


def batch_command(
    cases_dir: Annotated[Path, typer.Argument(help="A folder with one sub-folder per case.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where reports and summaries go.")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, help="Cases at once.")] = 1,
    html: Annotated[
        bool, typer.Option("--html", help="Also write an HTML report per case.")
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds allowed per case.")
    ] = 900.0,
    as_of: Annotated[
        dt.datetime | None,
        typer.Option("--as-of", formats=["%Y-%m-%d"], help="Assess every case as of this date."),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Read every file afresh.")] = False,
    no_resume: Annotated[
        bool, typer.Option("--no-resume", help="Redo cases already finished.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
) -> None:
    """Audit every case folder in CASES_DIR: a report per case, summary.csv and summary.jsonl.
    Resumable; exits with the worst case's code."""
    err = Console(stderr=True)
    if not cases_dir.is_dir():
        raise BadInput(f"{cases_dir} is not a folder that can be read")
    options = BatchOptions(
        cases_dir=cases_dir,
        out=out,
        jobs=jobs,
        html=html,
        timeout=timeout,
        as_of=as_of.date() if as_of else None,
        use_cache=not no_cache,
        resume=not no_resume,
    )
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True, disable=quiet) as progress:
        task = progress.add_task("cases", total=len(find_cases(cases_dir)))

        def done(result: CaseResult, n: int, _total: int) -> None:
            progress.update(task, completed=n, description=f"cases (last: {result.case})")
            if not quiet and result.status not in ("ok", "findings"):
                progress.console.print(
                    f"[yellow]{result.case}[/yellow]: {result.status} {result.error or ''}"
                )

        batch = run_batch(options, done)
    if not quiet:
        _print_summary(batch, out, err)
    raise typer.Exit(batch.exit_code)


def _print_summary(batch: BatchResult, out: Path, console: Console) -> None:
    by_status: dict[str, int] = {}
    for r in batch.results:
        by_status[r.status] = by_status.get(r.status, 0) + 1
    resumed = sum(r.resumed for r in batch.results)
    parts = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in sorted(by_status.items()))
    console.print(
        f"{len(batch.results)} cases in {batch.seconds:.1f} s: {parts}"
        + (f" ({resumed} unchanged, skipped)" if resumed else "")
        + f". Summary: {out / 'summary.csv'}"
    )
