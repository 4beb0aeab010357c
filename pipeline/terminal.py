"""The terminal view of a report (rich). Colours switch off by themselves when not a terminal
(and with NO_COLOR); the text reads the same without them."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from checks.findings import Finding, Severity
from extractors.models import ExtractedDocument
from nlp_models.noc.calibration import in_words
from pipeline.present import (
    STATUS_MARKS,
    STATUS_WORDS,
    by_severity,
    count_words,
    mask,
    plural,
    program_items,
    severity_counts,
    verdict_facts,
)
from pipeline.report import DocumentReport, PositionReport, Report

STATUS_STYLE = {"met": "green", "not_met": "red", "indeterminate": "yellow"}
SEVERITY_STYLE = {
    Severity.BLOCKER: "bold white on red",
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}
QUIET_CANDIDATES = 3


def print_report(report: Report, console: Console, verbose: bool = False) -> None:
    """Verdict per program, findings by severity with their quotes, NOC candidates, documents."""
    _header(report, console)
    _verdicts(report, console)
    _findings(report.findings, console, verbose)
    _noc(report, console, verbose)
    _documents(report.documents, console, verbose)


def _header(report: Report, console: Console) -> None:
    case = report.case
    who = f" — {escape(case.applicant)}" if case.applicant else ""
    console.print(
        f"[bold]Case[/bold] {escape(case.folder)}{who}   as of {case.as_of.isoformat()}   "
        f"programs: {', '.join(case.programs) or '—'}"
    )


def _verdicts(report: Report, console: Console) -> None:
    items = program_items(report.experience)
    console.print()
    console.rule("[bold]Verdict[/bold]", align="left")
    if not items:
        console.print("  No experience could be computed (no positions with dates and hours).")
        return
    # A grid, not one long line: at 80 columns the facts wrap inside their own column, and each
    # program keeps its name and status on the left.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)  # mark and program
    grid.add_column(no_wrap=True)  # status
    grid.add_column(overflow="fold")  # facts
    for _key, label, exp in items:
        style = STATUS_STYLE[exp.status]
        facts = escape(" · ".join(verdict_facts(exp)))
        flag = " [dim][UNC][/dim]" if exp.uncertain else ""
        grid.add_row(
            f"[{style}]{STATUS_MARKS[exp.status]} {escape(label)}[/{style}]",
            f"[{style}]{STATUS_WORDS[exp.status]}[/{style}]",
            facts + flag,
        )
    console.print(Padding(grid, (0, 0, 0, 2), expand=False))


def _indented(console: Console, text: str, indent: int = 4) -> None:
    """A line that wraps under itself (a hanging indent), not back at column 0."""
    console.print(Padding(text, (0, 0, 0, indent), expand=False), highlight=False)


def _findings(findings: tuple[Finding, ...], console: Console, verbose: bool) -> None:
    counts = severity_counts(findings)
    summary = ", ".join(count_words(counts)) or "none"
    console.print()
    console.rule(f"[bold]Findings[/bold]: {summary}", align="left")
    for severity, group in by_severity(findings):
        style = SEVERITY_STYLE[severity]
        console.print(f"[{style}]{severity.value.upper()}[/{style}] ({len(group)})")
        if severity is Severity.INFO and not verbose:
            slugs = sorted({f.slug for f in group})
            console.print(f"  [dim]{escape(', '.join(slugs))} — --verbose lists them[/dim]")
            continue
        for f in group:
            _finding(f, console, verbose)


def _finding(f: Finding, console: Console, verbose: bool) -> None:
    waived = f" [dim](waived: {escape(f.waiver_reason or '')})[/dim]" if f.waived else ""
    disputed = " [dim][disputed][/dim]" if f.disputed else ""
    _indented(console, f"[bold]{f.rule}[/bold] {f.slug}{disputed}{waived}", 2)
    _indented(console, escape(mask(f.message)))
    for ev in f.evidence:
        page = f", page {ev.page}" if ev.page else ""
        quote = escape(mask(ev.quote))
        where = escape(ev.document) + page
        _indented(console, f"[italic]“{quote}”[/italic] [dim]— {where}[/dim]")
    unnamed = [d for d in f.documents if not f.message.startswith(d)]
    if not f.evidence and unnamed:
        _indented(console, f"[dim]in {escape(', '.join(unnamed))}[/dim]")
    if verbose:
        if f.fix:
            _indented(console, f"[green]fix:[/green] {escape(f.fix)}")
        _indented(console, f"[dim]source: {escape(f.citation)}[/dim]")


def _positions(report: Report) -> list[tuple[str, PositionReport]]:
    return [(e.name, p) for e in report.employments for p in e.positions]


def _noc(report: Report, console: Console, verbose: bool) -> None:
    positions = [(name, p) for name, p in _positions(report) if p.noc is not None]
    if not positions:
        return
    console.print()
    console.rule("[bold]NOC 2021[/bold]: which occupation the duties match", align="left")
    for employer, p in positions:
        noc = p.noc
        assert noc is not None
        claimed = ""
        if noc.claimed is not None:
            claimed = f"   claimed {noc.claimed.raw}"
            if noc.claimed.version == "2016" and noc.claimed.codes:
                claimed += f" (NOC 2016 → {', '.join(noc.claimed.codes)})"
        console.print(
            f"  [bold]{escape(p.title or 'untitled position')}[/bold] at {escape(employer)}"
            f"{escape(claimed)}",
            highlight=False,
        )
        if noc.abstain:
            console.print(
                f"    [yellow]no clear match:[/yellow] {escape(noc.abstain_reason or '')}"
            )
        elif noc.confidence is not None and noc.candidates:
            console.print(
                f"    [dim]best code {noc.candidates[0].code}: {in_words(noc.confidence)} "
                "(measured on O*NET occupations)[/dim]",
                highlight=False,
            )
        if not noc.duties_assessed:
            console.print(
                "    [dim]duties not aligned one by one: the NOC main duties are held in "
                "English only[/dim]"
            )
        table = Table(box=None, padding=(0, 1), show_header=True, header_style="dim")
        for col in ("", "code", "title", "TEER", "score", "main duties covered", "lead"):
            table.add_column(col, overflow="fold")
        shown = noc.candidates if verbose else noc.candidates[:QUIET_CANDIDATES]
        for rank, c in enumerate(shown, start=1):
            mark = "*" if noc.claimed and c.code in noc.claimed.codes else ""
            table.add_row(
                f"{rank}{mark}",
                c.code,
                escape(c.title),
                str(c.teer),
                f"{c.score:.2f}",
                f"{c.main_duty_coverage:.0%}" if noc.duties_assessed else "—",
                ("yes" if c.lead_statement_covered else "no") if noc.duties_assessed else "—",
            )
        cc = noc.claimed_candidate
        if cc is not None and all(c.code != cc.code for c in shown):
            table.add_row(
                "claimed",
                cc.code,
                escape(cc.title),
                str(cc.teer),
                f"{cc.score:.2f}",
                f"{cc.main_duty_coverage:.0%}" if noc.duties_assessed else "—",
                ("yes" if cc.lead_statement_covered else "no") if noc.duties_assessed else "—",
            )
        console.print(Padding(table, (0, 0, 0, 3)))
        if verbose and shown:
            for m in shown[0].matched_duties:
                console.print(
                    f"      [dim]{m.score:.2f}[/dim] {escape(m.duty)}\n"
                    f"           [dim]≈ {escape(m.noc_duty)}[/dim]",
                    highlight=False,
                )
        if noc.copied is not None and noc.copied.copied:
            console.print(
                f"    [yellow]{plural(noc.copied.copied, 'duty')} copied near-verbatim "
                "from the NOC text[/yellow]"
            )


def _document_note(doc: DocumentReport) -> str:
    if doc.duplicate_of:
        return f"[yellow]duplicate of {escape(doc.duplicate_of)}[/yellow]"
    if doc.error:
        return f"[red]{doc.error.kind.value}[/red]: {escape(doc.error.message)}"
    if doc.rotated_pages:
        return "turned upright: page " + ", ".join(map(str, doc.rotated_pages))
    return ""


def _documents(documents: tuple[DocumentReport, ...], console: Console, verbose: bool) -> None:
    console.print()
    table = Table(title="Documents", title_justify="left", show_lines=False)
    for column in ("document", "kind", "read", "pages", "OCR conf.", "note"):
        table.add_column(column, overflow="fold")
    for doc in documents:
        note = _document_note(doc)
        conf = f"{doc.ocr_confidence:.0f}" if doc.ocr_confidence is not None else ""
        pages = str(doc.pages) if doc.pages else ""
        table.add_row(escape(doc.path), doc.kind, doc.read.value, pages, conf, note)
    console.print(table)
    unreadable = sum(1 for d in documents if d.error and not d.duplicate_of)
    duplicates = sum(1 for d in documents if d.duplicate_of)
    console.print(
        f"{plural(len(documents), 'file')}: {unreadable} could not be read, "
        f"{plural(duplicates, 'duplicate')}."
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
