"""`evidence batch`: a report per case, summaries, resume, bad cases, timeouts, exit codes."""

from __future__ import annotations

import csv
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pipeline.batch import BatchOptions, batch_command, run_batch
from pipeline.exit_codes import ExitCode

pytestmark = pytest.mark.xdist_group("batch")  # OCR-heavy: keep off the other worker's cores


def _cli(*args: str) -> tuple[int, str]:
    app = typer.Typer()
    app.command()(batch_command)
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def _rows(out: Path) -> dict[str, dict]:
    with (out / "summary.csv").open() as handle:
        return {row["case"]: row for row in csv.DictReader(handle)}


def test_batch_of_all_fixture_cases_then_resumed(cases, tmp_path) -> None:
    all_cases = sorted(p.name for p in cases.iterdir() if p.is_dir())
    assert {"broken", "carter_clean", "scans", "scenario_pgwp_clean"} <= set(all_cases)
    out = tmp_path / "out"
    code, _ = _cli(str(cases), "--out", str(out), "--jobs", "2", "--html", "--quiet")
    rows = _rows(out)
    assert set(rows) == set(all_cases)
    for case in all_cases:
        report = json.loads((out / f"{case}.json").read_text())
        assert report["schema_version"] == "1.0"
        assert (out / f"{case}.html").read_text().startswith("<!DOCTYPE html>")
        assert rows[case]["status"] in ("ok", "findings") and rows[case]["resumed"] == "0"
        assert int(rows[case]["exit_code"]) <= int(code)
    lines = (out / "summary.jsonl").read_text().splitlines()
    assert [json.loads(line)["case"] for line in lines] == all_cases
    assert code == max(int(r["exit_code"]) for r in rows.values())

    before = {case: (out / f"{case}.json").stat().st_mtime_ns for case in all_cases}
    code2, _ = _cli(str(cases), "--out", str(out), "--jobs", "2", "--html", "--quiet")
    assert code2 == code
    assert {r["resumed"] for r in _rows(out).values()} == {"1"}
    assert {case: (out / f"{case}.json").stat().st_mtime_ns for case in all_cases} == before


def test_a_changed_case_is_redone_and_the_rest_skipped(cases, tmp_path) -> None:
    root = tmp_path / "cases"
    for case in ("mixed", "broken"):
        shutil.copytree(cases / case, root / case)
    out = tmp_path / "out"
    _cli(str(root), "--out", str(out), "--quiet")
    (root / "mixed" / "note.txt").write_text("Added later: the employer's phone is 604-555-0100.")
    _cli(str(root), "--out", str(out), "--quiet")
    rows = _rows(out)
    assert rows["broken"]["resumed"] == "1"
    assert rows["mixed"]["resumed"] == "0" and rows["mixed"]["documents"] == "2"


def test_one_bad_case_does_not_stop_the_batch(cases, tmp_path) -> None:
    root = tmp_path / "cases"
    shutil.copytree(cases / "mixed", root / "good")
    (root / "bad").mkdir()
    (root / "bad" / "case.toml").write_text('application_date = "2025-13-45"\n[[[oops')
    (root / "bad" / "letter.txt").write_text("Reference letter")
    out = tmp_path / "out"
    code, _ = _cli(str(root), "--out", str(out), "--quiet")
    rows = _rows(out)
    assert rows["bad"]["status"] == "bad_input" and "case.toml" in rows["bad"]["failure"]
    assert rows["good"]["status"] in ("ok", "findings")
    assert (out / "good.json").is_file() and not (out / "bad.json").exists()
    assert code == ExitCode.BAD_INPUT


def test_a_case_over_its_time_limit_is_stopped(cases, tmp_path) -> None:
    root = tmp_path / "cases"
    shutil.copytree(cases / "scans", root / "slow")
    result = run_batch(
        BatchOptions(cases_dir=root, out=tmp_path / "out", timeout=0.3, use_cache=False)
    )
    (row,) = result.results
    assert row.status == "timeout" and row.error == "timed out after 0.3 s"
    assert result.exit_code == ExitCode.INTERNAL
    assert not (tmp_path / "out" / ".batch" / "slow.json").exists()  # retried next time


def test_an_interrupted_batch_resumes_without_redoing_finished_cases(cases, tmp_path) -> None:
    root = tmp_path / "cases"
    for case in ("scans", "mixed", "broken"):  # largest first: scans (OCR) runs last-to-finish
        shutil.copytree(cases / case, root / case)
    out = tmp_path / "out"
    # The command itself, as `evidence batch` runs it, in its own process to be interrupted.
    script = "import typer; from pipeline.batch import batch_command as c; typer.run(c)"
    cmd = [sys.executable, "-c", script, str(root), "--out", str(out), "--quiet", "--no-cache"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    state = out / ".batch"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        # A finished state file, not the temporary one write_atomic may still be renaming.
        if state.is_dir() and any(state.glob("*.json")):
            break
        time.sleep(0.05)
    assert proc.poll() is None, proc.stderr.read().decode()
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=60) != 0
    assert _rows(out)  # the summary of what was done before the interruption was written
    assert not list(state.glob(".*.tmp"))  # an interrupted write leaves nothing half-written
    done = {p.stem for p in state.glob("*.json")}
    assert done and done != {"scans", "mixed", "broken"}
    stamps = {case: (out / f"{case}.json").stat().st_mtime_ns for case in done}

    result = run_batch(BatchOptions(cases_dir=root, out=out))
    rows = {r.case: r for r in result.results}
    assert set(rows) == {"scans", "mixed", "broken"}
    assert {c for c, r in rows.items() if r.resumed} == done
    assert {case: (out / f"{case}.json").stat().st_mtime_ns for case in done} == stamps
