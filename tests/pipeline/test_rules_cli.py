"""`evidence rules`: the listing and the explanation of one rule, through a real Typer app."""

from typer.testing import CliRunner

from checks.registry import all_rules
from pipeline.cli import app  # the real command, with its exit-code boundary

runner = CliRunner()


def test_lists_every_rule() -> None:
    result = runner.invoke(app, ["rules"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for r in all_rules():
        assert r.spec.id in result.output
    assert "letter.no_letterhead" in result.output
    assert "student.offcampus_cap_exceeded" in result.output


def test_explains_one_rule_by_id() -> None:
    result = runner.invoke(app, ["rules", "EV104"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for heading in ("What it checks", "Why it matters", "Example", "How to fix", "Citations"):
        assert f"## {heading}" in result.output
    assert "letter.missing_email" in result.output
    assert "R-LTR-2" in result.output and "https://immigracia.ca/reference-letter/" in result.output


def test_explains_one_rule_by_slug_and_marks_unconfirmed_rules() -> None:
    result = runner.invoke(
        app, ["rules", "student.remote_foreign_employer"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "EV303" in result.output and "capped at warning" in result.output
    assert "[3P DISPUTED]" in result.output


def test_unknown_rule_exits_2() -> None:
    result = runner.invoke(app, ["rules", "EV999"])
    assert result.exit_code == 2
    assert "unknown rule" in result.output
