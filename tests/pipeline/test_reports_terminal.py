"""The terminal report: verdicts, findings by severity with quotes, NOC candidates; --verbose."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.present import STATUS_WORDS
from pipeline.terminal import print_report
from tests.pipeline.sample_report import sample_report


def _render(verbose: bool = False) -> str:
    buffer = io.StringIO()
    print_report(sample_report(), Console(file=buffer, width=200), verbose=verbose)
    return buffer.getvalue()


def test_one_verdict_line_per_program_with_hours_and_dates() -> None:
    text = _render()
    cec = next(line for line in text.splitlines() if "✔ CEC" in line)
    assert "4,639.5 h of 1,560 h" in cec
    assert "window 2022-05-12 → 2025-05-12" in cec
    assert "met 2022-09-10" in cec and "lapses 2027-05-01" in cec
    assert any("CRS foreign" in line and "50 points" in line for line in text.splitlines())


def test_findings_are_grouped_by_severity_with_quote_and_page() -> None:
    text = _render()
    assert text.index("ERROR (1)") < text.index("WARNING (9)") < text.index("INFO (11)")
    assert "EV103 letter.missing_contact" in text
    assert "“40 to 45 hours a week” — bluewater_letter.pdf, page 1" in text
    # Without --verbose, info findings are counted and named, not listed one by one.
    assert "EV208" not in text and "hours.summary" in text


def test_verbose_lists_info_findings_with_fix_and_source() -> None:
    text = _render(verbose=True)
    assert "EV208 hours.summary" in text
    assert "fix: Ask the employer to add the company's full address and telephone number." in text
    assert "source: R-LTR-2" in text


def test_noc_candidates_with_duty_coverage() -> None:
    text = _render()
    assert "IT Support Specialist II at Redwood Peak Services Ltd.   claimed 22221" in text
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("1*"))
    assert "22221" in line and "User support technicians" in line and "%" in line


def test_no_colour_codes_when_not_a_terminal() -> None:
    buffer = io.StringIO()
    print_report(sample_report(), Console(file=buffer, width=120))
    assert "\x1b[" not in buffer.getvalue()


def test_sin_in_a_quote_is_masked() -> None:
    report = sample_report()
    finding = report.findings[0].model_copy(
        update={
            "evidence": (
                report.findings[1].evidence[0].model_copy(update={"quote": "SIN 046 454 286"}),
            )
        }
    )
    buffer = io.StringIO()
    print_report(
        report.model_copy(update={"findings": (finding,)}), Console(file=buffer, width=120)
    )
    assert "046 454 286" not in buffer.getvalue()
    assert "*** *** 286" in buffer.getvalue()


def test_audit_terminal_output_on_a_fixture_case(cases) -> None:
    result = CliRunner().invoke(app, ["audit", str(cases / "carter_clean")], terminal_width=160)
    assert result.exit_code in (0, 1), result.output
    assert "Case " in result.output and "Emily Carter" in result.output
    assert "Verdict" in result.output and "Findings" in result.output
    assert "reference_letter_redwood.pdf" in result.output
    assert "\x1b[" not in result.output


@pytest.mark.parametrize("width", [80, 120])
def test_the_demo_verdict_keeps_every_program_at_any_width(cases, width: int) -> None:
    """`make demo` in a new terminal or piped to a file: each program's line starts with its name
    and status; the facts wrap under themselves, never the other way round."""
    result = CliRunner().invoke(app, ["audit", str(cases / "carter_clean")], terminal_width=width)
    lines = result.output.splitlines()
    assert all(len(line.rstrip()) <= width for line in lines)
    start = next(i for i, line in enumerate(lines) if line.startswith("Verdict"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Findings"))
    verdict = [line for line in lines[start + 1 : end] if line.strip()]
    programs = ("CEC", "FSW", "CRS Canadian", "CRS foreign", "Category-based")
    for name in programs:
        (line,) = [v for v in verdict if v[4:].startswith(name + " ")]
        status = line[4:].removeprefix(name).split()[0]
        assert status in {w.split()[0] for w in STATUS_WORDS.values()}, line
    continued = [v for v in verdict if not v[4:].startswith(programs)]
    assert all(v.startswith(" " * 10) for v in continued), continued


def test_quiet_prints_nothing(cases) -> None:
    result = CliRunner().invoke(app, ["audit", str(cases / "mixed"), "--quiet"])
    assert result.exit_code in (0, 1)
    assert result.output == ""
