"""The `evidence` command. Exit codes are a contract: see `ExitCode` and `--help`."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from pipeline import noc_cli
from pipeline.audit import AuditOptions, audit
from pipeline.batch import batch_command
from pipeline.exit_codes import (
    EXIT_CODE_HELP,
    BadInput,
    ExitCode,
    exit_code_for,
    report_exit_code,
)
from pipeline.files import write_atomic
from pipeline.letter import letter_command
from pipeline.report import Report
from pipeline.rules_cli import rules_command

err = Console(stderr=True, soft_wrap=True)  # errors stay one greppable line


class _Commands(typer.core.TyperGroup):
    """Every command's failures pass here: `exit_code_for` is the one mapping to exit codes."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except Exception as exc:
            code = exit_code_for(exc)
            if code is ExitCode.INTERNAL:
                raise  # usage errors go on to typer (2); a bug goes on to `main` (4)
            err.print(f"[red]error:[/red] {escape(str(exc))}")
            ctx.exit(code)


app = typer.Typer(
    name="evidence",
    cls=_Commands,
    help="Check the documents that prove Canadian immigration work experience.\n\n"
    + EXIT_CODE_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

app.add_typer(noc_cli.app, name="noc")
app.command("rules")(rules_command)
app.command("letter", epilog=EXIT_CODE_HELP)(letter_command)
app.command("batch", epilog=EXIT_CODE_HELP)(batch_command)

out = Console()


@app.command("audit", epilog=EXIT_CODE_HELP)
def audit_command(
    folder: Annotated[Path, typer.Argument(help="The applicant's case folder.")],
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Write the JSON report here.")
    ] = None,
    html_path: Annotated[
        Path | None, typer.Option("--html", help="Write the HTML report here.")
    ] = None,
    as_of: Annotated[
        dt.datetime | None,
        typer.Option("--as-of", formats=["%Y-%m-%d"], help="Application date (YYYY-MM-DD)."),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, help="Parallel readers.")] = 2,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Read every file afresh.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal report.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="More detail.")] = False,
    read_only: Annotated[
        bool,
        typer.Option(
            "--read-only",
            help="Only read the documents and list how each was read: no parsing or checks.",
        ),
    ] = False,
    noc_data: Annotated[
        Path | None,
        typer.Option(
            "--noc-data", help="NOC 2021 data folder (else EVIDENCE_NOC_DATA, else installed)."
        ),
    ] = None,
) -> None:
    """Audit one applicant's folder: read every document and report what an officer would find."""
    if not folder.is_dir():
        raise BadInput(f"{folder} is not a folder that can be read")
    options = AuditOptions(
        folder=folder,
        as_of=as_of.date() if as_of else None,
        jobs=jobs,
        use_cache=not no_cache,
        noc_data=noc_data,
        read_only=read_only,
    )
    report = _run_with_progress(options, show=not quiet and err.is_terminal)
    if json_path is not None:
        write_atomic(json_path, report.model_dump_json(indent=2))
    if html_path is not None:
        from pipeline.html_report import write_html

        write_html(report, html_path)
    if not quiet:
        from pipeline.terminal import print_report

        print_report(report, out, verbose=verbose)
    raise typer.Exit(report_exit_code(report))


def _run_with_progress(options: AuditOptions, show: bool) -> Report:
    if not show:
        return audit(options)
    columns = (
        TextColumn("reading documents"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("read", total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return audit(options, on_progress=update)


@app.command("extract")
def extract_command(
    file: Annotated[Path, typer.Argument(help="One document.")],
    text: Annotated[bool, typer.Option("--text/--no-text", help="Print each page's text.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the extraction as JSON.")] = False,
    fields: Annotated[
        bool, typer.Option("--fields", help="Also parse it: each field beside its quote.")
    ] = False,
) -> None:
    """Show what was read from each page of FILE: text layer or OCR, rotation, confidence."""
    from extractors.extract import extract
    from pipeline.terminal import print_extraction

    try:
        data = file.read_bytes()
    except OSError as exc:
        raise BadInput(f"{file}: {exc.strerror or exc}") from exc
    doc = extract(data)
    parsed = None
    if fields and doc.pages:
        from nlp_models.parse import parse_document

        parsed = parse_document(doc)
    if as_json:
        payload = doc.model_dump(mode="json")
        if parsed is not None:
            payload = {"extracted": payload, "parsed": parsed.model_dump(mode="json")}
        out.print_json(json.dumps(payload))
    else:
        print_extraction(file.name, doc, out, show_text=text and not fields)
        if parsed is not None:
            from pipeline.fields_view import print_fields

            print_fields(parsed, out)
    if doc.error is not None and doc.error.kind == "ocr_unavailable":
        raise typer.Exit(ExitCode.MISSING_DEPENDENCY)


@app.command("doctor")
def doctor_command() -> None:
    """Check Tesseract and its languages, the NOC data and versions."""
    from pipeline.doctor import run_checks

    checks = run_checks()
    for check in checks:
        mark = "[green]ok[/green]" if check.ok else "[red]missing[/red]"
        out.print(f"  {mark}  {check.name}: {check.detail}")
    if not all(c.ok for c in checks):
        raise typer.Exit(ExitCode.MISSING_DEPENDENCY)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the audit report."""
    out.print_json(json.dumps(Report.model_json_schema()))


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except Exception as exc:  # a bug: say so plainly, with the contract's code
        err.print(f"[red]internal error:[/red] {type(exc).__name__}: {escape(str(exc))}")
        err.print("Please report it with the command you ran.")
        sys.exit(exit_code_for(exc))
