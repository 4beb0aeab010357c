"""`evidence audit` end to end on fixture folders, through the real CLI."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.exit_codes import ExitCode

runner = CliRunner()


def _audit(folder: Path, tmp_path: Path, *args: str) -> tuple[int, dict]:
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["audit", str(folder), "--json", str(out), "--quiet", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(out.read_text()) if out.exists() else {}


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_broken_files_fail_alone_and_the_rest_is_read(cases, truth, tmp_path) -> None:
    code, report = _audit(cases / "broken", tmp_path, "--jobs", "2")
    assert report["schema_version"] == "1.0"
    docs = {d["path"]: d for d in report["documents"]}
    expected = truth("broken")["documents"]
    assert set(docs) == set(expected)
    for rel, want in expected.items():
        got = docs[rel]["error"]["kind"] if docs[rel]["error"] else None
        assert got == want["error"], rel
    assert docs["note.txt"]["read"] == "plain"
    assert docs["letter.docx"]["read"] == "text"  # a PDF by content, whatever the name
    assert docs["letter.docx"]["media_type"] == "application/pdf"
    assert code in (ExitCode.OK, ExitCode.FINDINGS)


def test_input_folder_is_byte_identical_after_an_audit(cases, tmp_path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(cases / "carter_clean", folder)
    before = _snapshot(folder)
    _audit(folder, tmp_path)
    assert _snapshot(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.split("/")[-1] for p in before)


def test_case_file_is_read_and_not_treated_as_a_document(cases, tmp_path) -> None:
    _code, report = _audit(cases / "carter_clean", tmp_path)
    assert report["case"]["applicant"] == "Emily Carter"
    assert report["case"]["as_of"] == "2025-05-12"
    assert "case.toml" not in {d["path"] for d in report["documents"]}
    _code, report = _audit(cases / "carter_clean", tmp_path, "--as-of", "2025-06-30")
    assert report["case"]["as_of"] == "2025-06-30"  # the flag overrides case.toml


def test_exact_duplicates_are_reported(cases, tmp_path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    source = cases / "carter_clean" / "reference_letter_redwood.pdf"
    shutil.copy(source, folder / "letter.pdf")
    (folder / "sub").mkdir()
    shutil.copy(source, folder / "sub" / "letter copy.pdf")
    _code, report = _audit(folder, tmp_path)
    docs = {d["path"]: d for d in report["documents"]}
    assert docs["sub/letter copy.pdf"]["duplicate_of"] == "letter.pdf"
    assert docs["letter.pdf"]["duplicate_of"] is None
    assert docs["sub/letter copy.pdf"]["sha256"] == docs["letter.pdf"]["sha256"]


def test_links_out_of_the_folder_are_never_followed(cases, tmp_path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("not part of the case")
    (folder / "escape.txt").symlink_to(outside)
    shutil.copy(cases / "broken" / "note.txt", folder / "note.txt")
    _code, report = _audit(folder, tmp_path)
    docs = {d["path"]: d for d in report["documents"]}
    assert docs["escape.txt"]["error"]["kind"] == "unreadable"
    assert docs["escape.txt"]["sha256"] is None
    assert docs["note.txt"]["read"] == "plain"


def test_second_audit_is_served_from_the_cache(cases, tmp_path) -> None:
    cache = Path(os.environ["EVIDENCE_CACHE_DIR"]) / "extract"
    folder = tmp_path / "case"
    shutil.copytree(cases / "carter_clean", folder)
    (folder / "extra.txt").write_text("A note written only for this test.\n")
    _code, first = _audit(folder, tmp_path)
    sha = next(d["sha256"] for d in first["documents"] if d["path"] == "extra.txt")
    assert list(cache.glob(f"{sha[:2]}/{sha}.*.json")), "the reading was cached by content hash"
    _code, second = _audit(folder, tmp_path)
    assert second["documents"] == first["documents"]
    _code, fresh = _audit(folder, tmp_path, "--no-cache")
    assert fresh["documents"] == first["documents"]


def test_bad_arguments_and_bad_case_file_exit_2(tmp_path) -> None:
    result = runner.invoke(app, ["audit", str(tmp_path / "missing")])
    assert result.exit_code == ExitCode.BAD_INPUT
    (tmp_path / "case.toml").write_text("application_date = not-a-date\n")
    result = runner.invoke(app, ["audit", str(tmp_path), "--quiet"])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "case.toml" in result.output


def test_missing_tesseract_exits_3_when_a_scan_needs_it(cases, tmp_path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    shutil.copy(cases / "scans" / "letter_clean.png", folder / "scan.png")
    env = {
        **os.environ,
        "PATH": str(Path(sys.executable).parent),
        "EVIDENCE_CACHE_DIR": str(tmp_path / "c"),
    }
    cmd = [
        sys.executable,
        "-m",
        "pipeline",
        "audit",
        str(folder),
        "--json",
        str(tmp_path / "r.json"),
        "-q",
    ]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == ExitCode.MISSING_DEPENDENCY, done.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["documents"][0]["error"]["kind"] == "ocr_unavailable"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_reported_not_fatal(tmp_path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    locked = folder / "locked.txt"
    locked.write_text("x")
    locked.chmod(0)
    _code, report = _audit(folder, tmp_path)
    assert report["documents"][0]["error"]["kind"] == "unreadable"


def test_a_cached_report_follows_every_change_to_its_inputs(cases, tmp_path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(cases / "carter_clean", folder)
    _code, first = _audit(folder, tmp_path)
    _code, again = _audit(folder, tmp_path)
    first.pop("seconds"), again.pop("seconds")
    assert again == first  # served whole from the report cache
    toml = (folder / "case.toml").read_text()
    (folder / "case.toml").write_text(toml.replace("2025-05-12", "2025-06-30"))
    _code, later = _audit(folder, tmp_path)
    assert later["case"]["as_of"] == "2025-06-30"
    (folder / "case_notes.txt").write_text("A new note, so the folder changed.\n")
    _code, changed = _audit(folder, tmp_path)
    note = next(d for d in changed["documents"] if d["path"] == "case_notes.txt")
    assert (
        note["sha256"]
        != next(d for d in first["documents"] if d["path"] == "case_notes.txt")["sha256"]
    )


def test_missing_noc_data_exits_3_with_what_to_do(cases, tmp_path) -> None:
    empty = tmp_path / "no-noc-data"
    empty.mkdir()
    result = runner.invoke(
        app,
        ["audit", str(cases / "carter_clean"), "--quiet", "--noc-data", str(empty), "--no-cache"],
    )
    assert result.exit_code == ExitCode.MISSING_DEPENDENCY
    assert "noc install" in result.output
