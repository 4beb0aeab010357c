"""The terminal view of a report (rich). Colours switch off by themselves when not a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from extractors.models import ExtractedDocument
from pipeline.report import Report


def print_report(report: Report, console: Console, verbose: bool = False) -> None:
    case = report.case
    console.print(
        f"[bold]Case[/bold] {case.folder}"
        + (f" — {case.applicant}" if case.applicant else "")
        + f"   as of {case.as_of.isoformat()}   programs: {', '.join(case.programs)}"
    )
    table = Table(title="Documents", title_justify="left", show_lines=False)
    for column in ("document", "kind", "read", "pages", "OCR conf.", "note"):
        table.add_column(column, overflow="fold")
    for doc in report.documents:
        if doc.duplicate_of:
            note = f"[yellow]duplicate of {doc.duplicate_of}[/yellow]"
        elif doc.error:
            note = f"[red]{doc.error.kind.value}[/red]: {doc.error.message}"
        elif doc.rotated_pages:
            note = "turned upright: page " + ", ".join(map(str, doc.rotated_pages))
        else:
            note = ""
        conf = f"{doc.ocr_confidence:.0f}" if doc.ocr_confidence is not None else ""
        pages = str(doc.pages) if doc.pages else ""
        table.add_row(doc.path, doc.kind, doc.read.value, pages, conf, note)
    console.print(table)
    unreadable = sum(1 for d in report.documents if d.error and not d.duplicate_of)
    duplicates = sum(1 for d in report.documents if d.duplicate_of)
    console.print(
        f"{len(report.documents)} files: {unreadable} could not be read, "
        f"{duplicates} duplicates. ({report.seconds:.1f} s)"
    )
    for finding in report.findings:
        console.print(
            f"[bold]{finding.severity}[/bold] {finding.rule} {finding.slug}: {finding.message}"
        )


def print_extraction(name: str, doc: ExtractedDocument, console: Console, show_text: bool) -> None:
    """What `evidence extract` shows: each page, how it was read, and (optionally) its text."""
    console.print(f"[bold]{name}[/bold]: {doc.media_type}, read as {doc.read.value}")
    if doc.error:
        console.print(f"[red]{doc.error.kind.value}[/red]: {doc.error.message}")
        return
    for page in doc.pages:
        facts = [f"page {page.number}", page.method.value, f"{len(page.words)} words"]
        if page.rotation:
            facts.append(f"turned {page.rotation}° back upright")
        if page.skew:
            facts.append(f"deskewed {page.skew:+.2f}°")
        if page.ocr_confidence is not None:
            facts.append(f"confidence {page.ocr_confidence:.0f}")
        if page.tables:
            facts.append(f"{len(page.tables)} table(s)")
        if page.error:
            facts.append(f"[red]{page.error.kind.value}: {page.error.message}[/red]")
        console.rule(" · ".join(facts), align="left")
        if show_text:
            console.print(page.text, markup=False, highlight=False)
        for number, table in enumerate(page.tables, start=1):
            grid = Table(title=f"table {number}", title_justify="left")
            for _ in table.rows[0]:
                grid.add_column()
            for row in table.rows:
                grid.add_row(*row)
            console.print(grid)
