"""`evidence batch`: the command line, its progress bar and its closing line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from pipeline.batch.models import BatchOptions, BatchResult, CaseResult
from pipeline.batch.run import run_batch
from pipeline.batch.state import find_cases
from pipeline.exit_codes import BadInput


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
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run the cases on Dask: 'local:N' (N local workers) or a scheduler's address "
            "(tcp://host:8786). Without it, --jobs local processes.",
        ),
    ] = None,
) -> None:
    """Audit every case folder in CASES_DIR: a report per case, summary.csv and summary.jsonl.
    Resumable; exits with the worst case's code."""
    err = Console(stderr=True)
    if not cases_dir.is_dir():
        raise BadInput(f"{cases_dir} is not a folder that can be read")
    try:
        options = BatchOptions(
            cases_dir=cases_dir,
            out=out,
            jobs=jobs,
            html=html,
            timeout=timeout,
            as_of=as_of.date() if as_of else None,
            use_cache=not no_cache,
            resume=not no_resume,
            scheduler=scheduler,
        )
    except ValidationError as exc:
        raise BadInput("; ".join(e["msg"] for e in exc.errors())) from None
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
