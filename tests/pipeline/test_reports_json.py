"""The JSON report: every fixture case's report validates against `evidence schema`."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report import Report
from tests.pipeline.sample_report import sample_report

runner = CliRunner()
CASES = ("broken", "carter_clean", "french", "mixed", "scans")


@pytest.fixture(scope="module")
def schema() -> dict:
    result = runner.invoke(app, ["schema"], terminal_width=100_000)
    assert result.exit_code == 0
    return json.loads(result.output)


def test_schema_command_prints_the_report_json_schema(schema) -> None:
    assert schema["title"] == "Report"
    for key in ("case", "documents", "employments", "study_terms", "experience", "findings"):
        assert key in schema["properties"]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_sample_report_round_trips_and_validates(schema) -> None:
    data = json.loads(sample_report().model_dump_json())
    jsonschema.validate(data, schema)
    assert Report.model_validate(data) == sample_report()
    finding = next(f for f in data["findings"] if f["slug"] == "letter.hours_not_numeric")
    assert finding["evidence"] == [
        {"document": "bluewater_letter.pdf", "page": 1, "quote": "40 to 45 hours a week"}
    ]
    assert data["experience"]["cec"]["window"] == {"start": "2022-05-12", "end": "2025-05-12"}


@pytest.mark.parametrize("case", CASES)
def test_every_fixture_report_validates_against_the_schema(case, cases, schema, tmp_path) -> None:
    out = tmp_path / f"{case}.json"
    result = runner.invoke(app, ["audit", str(cases / case), "--json", str(out), "--quiet"])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text())
    jsonschema.validate(data, schema)
    assert data["schema_version"] == "1.0"
    assert {d["path"] for d in data["documents"]} == {
        p.relative_to(cases / case).as_posix()
        for p in (cases / case).rglob("*")
        if p.is_file() and p.name != "case.toml"
    }
