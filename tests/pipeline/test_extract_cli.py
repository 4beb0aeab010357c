"""`evidence extract FILE`: how each page was read; with --fields, each field beside its quote."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.exit_codes import ExitCode

runner = CliRunner()


def test_fields_are_shown_beside_the_words_that_prove_them(cases) -> None:
    letter = cases / "carter_clean" / "reference_letter_redwood.pdf"
    result = runner.invoke(app, ["extract", str(letter), "--fields"], env={"COLUMNS": "200"})
    assert result.exit_code == ExitCode.OK, result.output
    assert "page 1 · text" in result.output
    row = next(line for line in result.output.splitlines() if "letter_date" in line)
    assert "2025-04-28" in row and "April 28, 2025" in row  # value and its quote


def test_json_holds_pages_words_and_parsed_fields(cases) -> None:
    letter = cases / "carter_clean" / "reference_letter_redwood.pdf"
    result = runner.invoke(app, ["extract", str(letter), "--json", "--fields"])
    payload = json.loads(result.output)
    assert payload["extracted"]["read"] == "text"
    assert len(payload["extracted"]["pages"]) == 2
    assert payload["parsed"]["kind"] == "reference_letter"
    assert payload["parsed"]["fields"]["employer"]["legal_name"]["value"] == (
        "Redwood Peak Services Ltd."
    )


def test_a_missing_file_is_a_bad_argument(tmp_path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.pdf")])
    assert result.exit_code == ExitCode.BAD_INPUT
