"""`evidence letter FILE`: a plain-language check of one reference letter for the applicant, before
the employer signs it. What IRCC expects (rules.md R-LTR) as a checklist with ticks and crosses, the
NOC occupations the duties match and how well, warnings about duties copied from the NOC text, and
what to ask the employer to add.

The checklist is read from the report of a one-document case: an item is crossed when a rule
fired on this letter, ticked when the parsed fields show the thing (with the words that show it),
and marked "not checked" when neither (e.g. the letter could not be read), never ticked blindly.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from pydantic import BaseModel, ConfigDict
from rich.console import Console
from rich.markup import escape

from checks.findings import Finding, Severity
from checks.registry import find_rule
from nlp_models.noc.calibration import in_words
from pipeline.audit import AuditOptions, audit_letter
from pipeline.exit_codes import BadInput, ExitCode
from pipeline.files import write_atomic
from pipeline.present import mask
from pipeline.report import NocReport, Report

ItemStatus = Literal["ok", "missing", "not_checked"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ChecklistSpec(_Model):
    key: str
    label: str  # what IRCC expects, in plain words
    slugs: tuple[str, ...]  # rules whose findings cross this item
    fields: tuple[str, ...]  # paths in the parsed letter fields that tick it ("*" = each position)
    citation: str
    severity: Severity = Severity.ERROR  # when the parsed letter plainly lacks it (rules.md)
    applicant_ask: str | None = None  # only where the rule's fix cannot be said to the applicant

    @property
    def ask(self) -> str:
        """What to ask the employer when it is missing: the "How to fix" text of the item's first
        rule (the one its `fields` stand for), as a finding of that rule would say it."""
        return self.applicant_ask or fix_text(self.slugs[0])


def fix_text(slug: str) -> str:
    """The registry's "How to fix" text of a rule."""
    found = find_rule(slug)
    if found is None:
        raise KeyError(f"no rule {slug!r}")
    return found.spec.doc.fix


CHECKLIST: tuple[ChecklistSpec, ...] = (
    ChecklistSpec(
        key="letterhead",
        label="Printed on the company's letterhead, with its legal name",
        slugs=("letter.missing_employer_name", "letter.no_letterhead"),
        fields=("employer.legal_name",),
        citation="R-LTR-1",
    ),
    ChecklistSpec(
        key="contact",
        label="The company's address and telephone number",
        slugs=("letter.missing_contact",),
        fields=("employer.address", "employer.phone"),
        citation="R-LTR-2",
    ),
    ChecklistSpec(
        key="email",
        label="A company email address (on the company's own domain)",
        slugs=("letter.missing_email", "letter.free_mail"),
        fields=("employer.email",),
        citation="R-LTR-2",
        severity=Severity.WARNING,
    ),
    ChecklistSpec(
        key="applicant",
        label="Your full name",
        slugs=("letter.missing_applicant",),
        fields=("applicant",),
        citation="R-LTR-4",
        # The rule's fix speaks of "the applicant" to whoever checks the file, and adds an LOE
        # for aliases, which is the applicant's to write, not something to ask the employer.
        applicant_ask="Ask for your full name, as in your passport.",
    ),
    ChecklistSpec(
        key="signatory",
        label="Signed by your supervisor or HR, with their name and job title",
        slugs=(
            "letter.missing_signatory",
            "letter.missing_signatory_title",
            "letter.missing_signature",
            "letter.signatory_relation",
        ),
        fields=("signatory.name", "signatory.title"),
        citation="R-LTR-3",
    ),
    ChecklistSpec(
        key="letter_date",
        label="Dated (and recent, if you still work there)",
        slugs=("letter.undated", "letter.claims_after_letter_date", "letter.stale_current"),
        fields=("letter_date",),
        citation="R-LTR-6",
        severity=Severity.WARNING,
    ),
    ChecklistSpec(
        key="title",
        label="Your job title for each position",
        slugs=("letter.missing_title", "letter.claimed_position_missing"),
        fields=("positions.*.title",),
        citation="R-LTR-5",
    ),
    ChecklistSpec(
        key="dates",
        label="Start and end dates (day, month, year), or 'to present' for a current job",
        slugs=("letter.missing_dates", "letter.imprecise_dates", "letter.current_status_unstated"),
        fields=("positions.*.start",),
        citation="R-LTR-5; R-LTR-6; R-LTR-8",
    ),
    ChecklistSpec(
        key="hours",
        label="Hours worked per week, as a number",
        slugs=("letter.missing_hours", "letter.hours_not_numeric"),
        fields=("positions.*.hours_per_week",),
        citation="R-LTR-7",
    ),
    ChecklistSpec(
        key="salary",
        label="Annual salary (or hourly rate) and benefits",
        slugs=("letter.missing_salary",),
        fields=("positions.*.pay",),
        citation="R-LTR-5",
    ),
    ChecklistSpec(
        key="duties",
        label="Your main duties, in the employer's own words",
        slugs=("letter.missing_duties", "noc.duties_copied"),
        fields=("positions.*.duties",),
        citation="R-LTR-5; R-FLAG-1",
    ),
)


class ChecklistItem(_Model):
    key: str
    label: str
    status: ItemStatus
    severity: Severity | None = None  # of the worst finding that crossed it
    shown_by: tuple[str, ...] = ()  # quotes that tick it, or the messages that cross it
    ask: str | None = None
    citation: str


class NocCandidateLine(_Model):
    code: str
    title: str
    teer: int
    score: float
    coverage: float  # share of the group's essential main duties covered
    lead_statement_covered: bool


class PositionNoc(_Model):
    title: str | None
    claimed: str | None
    candidates: tuple[NocCandidateLine, ...]
    abstain_reason: str | None = None
    copied: tuple[str, ...] = ()  # duties that reproduce NOC text nearly word for word
    confidence: float | None = None  # P(the best code is right), measured on O*NET occupations


class LetterCheck(_Model):
    file: str
    read: str
    items: tuple[ChecklistItem, ...]
    positions: tuple[PositionNoc, ...]
    asks: tuple[str, ...]
    other_findings: tuple[str, ...] = ()  # other rules that fired on this letter

    @property
    def ok(self) -> bool:
        return not any(
            i.status == "missing"
            and i.severity is not None
            and i.severity.rank >= Severity.ERROR.rank
            for i in self.items
        )


# --- the checklist ------------------------------------------------------------------------------


def _values(fields: dict[str, Any], path: str) -> list[Any]:
    """Values at a dotted path of the parsed fields ('*' walks each item of a list)."""
    nodes: list[Any] = [fields]
    for part in path.split("."):
        nxt: list[Any] = []
        for node in nodes:
            if part == "*" and isinstance(node, list | tuple):
                nxt += list(node)
            elif isinstance(node, dict) and node.get(part) not in (None, [], (), ""):
                nxt.append(node[part])
        nodes = nxt
    return nodes


def _quote(value: Any) -> str | None:
    """The quoted words of a `Found` (as dumped to JSON), or a short form of its value."""
    if isinstance(value, list | tuple):
        quotes = [q for v in value if (q := _quote(v))]
        return (
            f"{quotes[0]} (+{len(quotes) - 1} more)"
            if len(quotes) > 1
            else next(iter(quotes), None)
        )
    if isinstance(value, dict):
        where = value.get("where") or {}
        if where.get("quote"):
            return " ".join(str(where["quote"]).split())
        inner = value.get("value")
        return None if inner is None or isinstance(inner, dict) else str(inner)
    return None if value is None else str(value)


def _findings_on(report: Report, path: str) -> list[Finding]:
    return [f for f in report.findings if not f.documents or path in f.documents]


def check_letter(report: Report) -> LetterCheck:
    """The applicant's checklist for the one letter of a one-document report."""
    doc = report.documents[0]
    findings = [f for f in _findings_on(report, doc.path) if not f.waived]
    fields = doc.fields.model_dump(mode="json") if doc.fields is not None else {}
    positions = tuple(
        _position_noc(p.title, p.noc) for e in report.employments for p in e.positions if p.noc
    )
    copied = [d for pos in positions for d in pos.copied]
    items = []
    used: set[int] = set()
    for spec in CHECKLIST:
        crossing = [f for f in findings if f.slug in spec.slugs and f.severity != Severity.INFO]
        used.update(id(f) for f in findings if f.slug in spec.slugs)
        if crossing:
            worst = max(crossing, key=lambda f: f.severity.rank)
            messages = tuple(dict.fromkeys(mask(f.message) for f in crossing))
            items.append(_crossed(spec, worst.severity, messages, worst.fix or spec.ask))
            continue
        found = {p: _values(fields, p) for p in spec.fields}
        if spec.key == "duties" and copied:
            items.append(
                _crossed(
                    spec,
                    Severity.WARNING,
                    tuple(f"copied from the NOC: “{d}”" for d in copied),
                    fix_text("noc.duties_copied"),
                )
            )
        elif fields and all(found.values()):
            quotes = [q for vals in found.values() for v in vals[:1] if (q := _quote(v))]
            items.append(
                ChecklistItem(
                    key=spec.key,
                    label=spec.label,
                    status="ok",
                    shown_by=tuple(mask(q) for q in quotes),
                    citation=spec.citation,
                )
            )
        elif fields:  # the letter was read and parsed, and this is not in it
            missing = [p.split(".")[-1].replace("_", " ") for p, v in found.items() if not v]
            items.append(
                _crossed(spec, spec.severity, (f"not found: {', '.join(missing)}",), spec.ask)
            )
        else:
            items.append(
                ChecklistItem(
                    key=spec.key, label=spec.label, status="not_checked", citation=spec.citation
                )
            )
    asks = tuple(dict.fromkeys(i.ask for i in items if i.ask))
    others = tuple(
        f"{f.severity.value}: {mask(f.message)}"
        for f in findings
        if id(f) not in used and f.severity != Severity.INFO and f.slug.startswith("letter.")
    )
    return LetterCheck(
        file=doc.path,
        read=doc.error.message if doc.error else doc.read.value,
        items=tuple(items),
        positions=tuple(
            _position_noc(p.title, p.noc) for e in report.employments for p in e.positions if p.noc
        ),
        asks=asks,
        other_findings=others,
    )


def _crossed(
    spec: ChecklistSpec, severity: Severity, why: tuple[str, ...], ask: str
) -> ChecklistItem:
    return ChecklistItem(
        key=spec.key,
        label=spec.label,
        status="missing",
        severity=severity,
        shown_by=why,
        ask=ask,
        citation=spec.citation,
    )


def _position_noc(title: str | None, noc: NocReport | None) -> PositionNoc:
    assert noc is not None
    cands = list(noc.candidates[:3])
    if noc.claimed_candidate and all(c.code != noc.claimed_candidate.code for c in cands):
        cands.append(noc.claimed_candidate)
    copied = ()
    if noc.copied is not None:
        copied = tuple(d.duty for d in noc.copied.duties if d.near_verbatim)
    return PositionNoc(
        title=title,
        claimed=noc.claimed.raw if noc.claimed else None,
        candidates=tuple(
            NocCandidateLine(
                code=c.code,
                title=c.title,
                teer=c.teer,
                score=round(c.score, 3),
                coverage=round(c.main_duty_coverage, 3),
                lead_statement_covered=c.lead_statement_covered,
            )
            for c in cands
        ),
        abstain_reason=noc.abstain_reason if noc.abstain else None,
        copied=copied,
        confidence=noc.confidence,
    )


# --- rendering ----------------------------------------------------------------------------------

MARKS = {"ok": "[green]✔[/green]", "missing": "[red]✘[/red]", "not_checked": "[yellow]?[/yellow]"}


def print_letter_check(check: LetterCheck, console: Console) -> None:
    console.print(
        f"[bold]Reference letter[/bold] {escape(check.file)}  [dim](read: {check.read})[/dim]"
    )
    console.print()
    console.print("[bold]What IRCC expects in the letter[/bold]")
    for item in check.items:
        console.print(f"  {MARKS[item.status]} {escape(item.label)}  [dim]{item.citation}[/dim]")
        for line in item.shown_by:
            style = "dim italic" if item.status == "ok" else "red"
            text = f"“{line}”" if item.status == "ok" else line
            console.print(f"      [{style}]{escape(text)}[/{style}]", highlight=False)
        if item.status == "not_checked":
            console.print("      [dim]not checked: this could not be read from the letter[/dim]")
    for line in check.other_findings:
        console.print(f"  [red]✘[/red] {escape(line)}", highlight=False)
    if check.positions:
        console.print()
        console.print("[bold]Which NOC 2021 occupation the duties match[/bold]")
    for pos in check.positions:
        claimed = f" (you claim {pos.claimed})" if pos.claimed else ""
        console.print(f"  [bold]{escape(pos.title or 'position')}[/bold]{escape(claimed)}")
        if pos.abstain_reason:
            console.print(f"    [yellow]no clear match:[/yellow] {escape(pos.abstain_reason)}")
        elif pos.confidence is not None and pos.candidates:
            console.print(
                f"    [dim]best code {pos.candidates[0].code}: {in_words(pos.confidence)} "
                "(measured on O*NET occupations)[/dim]",
                highlight=False,
            )
        for c in pos.candidates:
            mark = " ← claimed" if pos.claimed and c.code == pos.claimed else ""
            console.print(
                f"    {c.code}  {escape(c.title)}  TEER {c.teer} · score {c.score:.2f} · "
                f"main duties covered {c.coverage:.0%}{mark}",
                highlight=False,
            )
        for duty in pos.copied:
            console.print(
                f"    [yellow]⚠ copied from the NOC text nearly word for word:[/yellow] "
                f"“{escape(duty)}”",
                highlight=False,
            )
    console.print()
    if check.asks:
        console.print("[bold]What to ask your employer[/bold]")
        for ask in check.asks:
            console.print(f"  • {escape(ask)}", highlight=False)
    else:
        console.print("[green]Nothing to ask the employer to add.[/green]")


# --- the command --------------------------------------------------------------------------------


def letter_command(
    file: Annotated[Path, typer.Argument(help="The reference letter (PDF, scan, DOCX or TXT).")],
    noc: Annotated[
        str | None, typer.Option("--noc", help="The NOC code you intend to claim (e.g. 22221).")
    ] = None,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Also write the check as JSON here.")
    ] = None,
    as_of: Annotated[
        dt.datetime | None,
        typer.Option("--as-of", formats=["%Y-%m-%d"], help="Assess as of this date."),
    ] = None,
) -> None:
    """Check one reference letter before the employer signs it: what is there, what is missing,
    which NOC the duties match, and what to ask the employer to add."""
    console = Console()
    if not file.is_file():
        raise BadInput(f"{file} is not a file that can be read")
    options = AuditOptions(folder=file.parent, as_of=as_of.date() if as_of else None, jobs=1)
    report = audit_letter(file, noc, options)
    check = check_letter(report)
    if json_path is not None:
        write_atomic(json_path, check.model_dump_json(indent=2))
    print_letter_check(check, console)
    if report.documents[0].error and report.documents[0].error.kind == "ocr_unavailable":
        raise typer.Exit(ExitCode.MISSING_DEPENDENCY)
    raise typer.Exit(ExitCode.OK if check.ok else ExitCode.FINDINGS)
