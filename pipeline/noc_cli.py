"""`evidence noc …`: match duties to NOC 2021, show or search unit groups, install the data."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pipeline.exit_codes import BadInput

if TYPE_CHECKING:
    from nlp_models.noc.index import NocIndex
    from nlp_models.noc.models import NocMatch

# The matcher, numpy and the data loader load inside the commands: `evidence` starts for every
# command, and only `evidence noc …` needs them (~160 ms of imports).
ENV_VAR = "EVIDENCE_NOC_DATA"  # as pipeline.noc_data reads it

DUTY_SEARCH_MIN = 0.45  # show main duties of other groups from this similarity

app = typer.Typer(
    help="NOC 2021: which unit group fits a title and duties; show, search, install the data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True, soft_wrap=True)  # errors stay one greppable line

NocDataOption = Annotated[
    Path | None,
    typer.Option(
        "--noc-data",
        help=f"Folder with the official NOC files (else ${ENV_VAR}, "
        "else the folder `evidence noc install` filled).",
    ),
]


def _index(noc_data: Path | None) -> NocIndex:
    from pipeline.noc_data import load_index

    return load_index(noc_data)  # NocDataError: exit 3 at the CLI boundary


def _read_duties(duties_file: Path | None) -> list[str]:
    from nlp_models.noc import text

    if duties_file is None or str(duties_file) == "-":
        raw = "" if sys.stdin is None or sys.stdin.isatty() else sys.stdin.read()
    else:
        try:
            raw = duties_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInput(f"cannot read {duties_file}: {exc}") from exc
    return [d for d in (text.strip_bullet(line) for line in raw.splitlines()) if d]


def _print_match(result: NocMatch, copy_share: float, copied: int) -> None:
    table = Table(title="NOC 2021 candidates", show_lines=False)
    for col in (
        "#",
        "code",
        "unit group",
        "TEER",
        "score",
        "title fit",
        "duty fit",
        "coverage",
        "lead",
    ):
        table.add_column(
            col, no_wrap=col != "unit group", min_width=24 if col == "unit group" else None
        )
    for i, c in enumerate(result.candidates, 1):
        table.add_row(
            str(i),
            c.code,
            escape(c.title),
            str(c.teer),
            f"{c.score:.2f}",
            f"{c.title_score:.2f}",
            f"{c.duty_score:.2f}",
            f"{c.main_duty_coverage:.0%}",
            "yes" if c.lead_statement_covered else "no",
        )
    out.print(table)
    if result.abstain:
        out.print(f"[yellow]abstain:[/yellow] {escape(result.abstain_reason or '')}")
    if result.claimed is not None:
        cl = result.claimed
        out.print(
            f"claimed {escape(cl.raw)}: NOC {cl.version}, "
            f"{'valid' if cl.valid else 'not valid'} {escape(cl.message)}".rstrip()
        )
        if result.claimed_candidate is not None:
            c = result.claimed_candidate
            out.print(
                f"  {c.code} {escape(c.title)} (TEER {c.teer}) ranks "
                f"#{result.claimed_rank} with score {c.score:.2f}"
            )
    best = result.claimed_candidate or (result.candidates[0] if result.candidates else None)
    if best is not None and best.matched_duties:
        duty_table = Table(title=f"Duties against {best.code}")
        duty_table.add_column("claimed duty")
        duty_table.add_column("closest NOC main duty")
        duty_table.add_column("score", no_wrap=True)
        for m in best.matched_duties:
            note = "" if m.essential else " (may)"
            duty_table.add_row(escape(m.duty), escape(m.noc_duty + note), f"{m.score:.2f}")
        out.print(duty_table)
    if result.duties:
        out.print(
            f"near-verbatim NOC text: {copied} of {len(result.duties)} duties ({copy_share:.0%})"
        )


@app.command("match")
def match_command(
    title: Annotated[str | None, typer.Option("--title", help="Job title as written.")] = None,
    duties_file: Annotated[
        Path | None,
        typer.Option(
            "--duties",
            help="File with one duty per line (bullets stripped); '-' or omitted: read stdin.",
        ),
    ] = None,
    claimed: Annotated[
        str | None, typer.Option("--claimed", help="Claimed NOC code (2021, or 2016 4-digit).")
    ] = None,
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="Number of candidates.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    noc_data: NocDataOption = None,
) -> None:
    """Rank NOC 2021 unit groups for a job title and its duties."""
    duties = _read_duties(duties_file)
    if not title and not duties:
        raise BadInput("give --title and/or duties (--duties FILE or stdin)")
    from nlp_models.noc.copying import copied_duties
    from nlp_models.noc.match import match_position

    index = _index(noc_data)
    result = match_position(index, title, duties, claimed=claimed, k=k)
    codes = [
        *(result.claimed.codes if result.claimed else ()),
        *(c.code for c in result.candidates[:1]),
    ]
    copy = copied_duties(index, result.duties, codes)
    if as_json:
        payload = {"match": result.model_dump(mode="json"), "copying": copy.model_dump(mode="json")}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    _print_match(result, copy.share, copy.copied)


@app.command("show")
def show_command(
    code: Annotated[str, typer.Argument(help="NOC 2021 code (5 digits) or NOC 2016 (4 digits).")],
    noc_data: NocDataOption = None,
) -> None:
    """Show a unit group: TEER, lead statement, main duties, example titles, exclusions."""
    from nlp_models.noc.concordance import resolve_claimed

    index = _index(noc_data)
    claimed = resolve_claimed(index, code)
    if not claimed.valid:
        raise BadInput(claimed.message)
    if claimed.version == "2016":
        out.print(
            f"[bold]NOC 2016 {escape(code)}[/bold] {escape(claimed.title_2016 or '')}: "
            f"{escape(claimed.message)}"
        )
        for t in claimed.targets:
            out.print(f"  -> {t.code} {escape(t.title)} (TEER {t.teer}; {escape(t.change)})")
    for c in claimed.codes:
        ug = index.group(c)
        assert ug is not None  # resolve_claimed only returns known codes
        out.rule(f"{ug.code} {escape(ug.title)}")
        out.print(
            f"TEER {ug.teer}; {escape(index.hierarchy.get(ug.code[0], ''))} > "
            f"{escape(index.hierarchy.get(ug.code[:2], ''))}"
        )
        out.print(f"\n[bold]Lead statement[/bold]\n{escape(ug.lead_statement)}")
        out.print("\n[bold]Main duties[/bold]")
        for duty, essential in zip(ug.main_duties, ug.essential, strict=True):
            out.print(f"  • {escape(duty)}" + ("" if essential else " [dim](non-essential)[/dim]"))
        out.print(
            "\n[bold]Illustrative example titles[/bold]\n  "
            + escape("; ".join(ug.illustrative_examples))
        )
        out.print(f"  ({len(ug.all_examples)} example titles in all)")
        if ug.employment_requirements:
            out.print("\n[bold]Employment requirements[/bold]")
            for req in ug.employment_requirements:
                out.print(f"  • {escape(req)}")
        if ug.exclusions:
            out.print("\n[bold]Exclusions[/bold]")
            for ex in ug.exclusions:
                out.print(f"  • {escape(ex)}")


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words from a job title or a duty.")],
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="Number of results.")] = 10,
    noc_data: NocDataOption = None,
) -> None:
    """Find unit groups by title words, or duty words when no title matches well."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from nlp_models.noc import text
    from nlp_models.noc.match import title_scores
    from nlp_models.noc.similarity import row_similarity

    index = _index(noc_data)
    scores = title_scores(index, query)
    duty_sims = row_similarity([text.terms(query)], index.duties.norm, index.duty_postings)[0]
    table = Table(title=f"NOC 2021 search: {escape(query)}")
    for col in ("code", "title", "TEER", "score", "best example title"):
        table.add_column(col)
    seen: set[int] = set()
    for g in scores.argsort()[::-1][:k]:
        seen.add(int(g))
        ug = index.groups[int(g)]
        start, end = (
            int(index.titles.offsets[g]),
            int(index.titles.offsets[g]) + 1 + len(ug.all_examples),
        )
        q = text.sorted_terms(query)
        best = process.extractOne(q, index.titles.norm[start:end], scorer=fuzz.ratio)
        example = index.titles.text[start + best[2]] if best else ""
        table.add_row(ug.code, escape(ug.title), str(ug.teer), f"{scores[g]:.2f}", escape(example))
    out.print(table)
    extra = [
        (int(index.duties.group[j]), index.duties.text[j], float(duty_sims[j]))
        for j in np.argsort(-duty_sims)[:k]
        if int(index.duties.group[j]) not in seen and duty_sims[j] >= DUTY_SEARCH_MIN
    ]
    if extra:
        out.print("[bold]Also matching a main duty[/bold]")
        for g, duty, s in extra:
            ug = index.groups[int(g)]
            out.print(f"  {ug.code} {escape(ug.title)}: {escape(duty)} ({s:.2f})")


@app.command("install")
def install_command(
    source: Annotated[
        list[str],
        typer.Argument(
            help="Folder with the official NOC 2021 V1.0 CSV files, or their "
            "download URLs (a URL ending in '/' is a folder)."
        ),
    ],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on success.")] = False,
    target: Annotated[
        Path | None, typer.Option("--target", help="Install here instead of the user data folder.")
    ] = None,
) -> None:
    """Verify the official files (pinned SHA-256), copy them, and compile the index."""
    from pipeline.noc_data import install

    progress = (lambda _m: None) if quiet else (lambda m: err.print(f"[dim]{escape(m)}[/dim]"))
    result = install(source, target=target, progress=progress)  # a wrong source exits 2
    if not quiet:
        state = "already installed" if result.already_installed else "installed"
        out.print(f"NOC 2021 V1.0 {state} in {escape(str(result.path))}")
