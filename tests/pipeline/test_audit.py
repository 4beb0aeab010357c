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
    (finding,) = [f for f in report["findings"] if f["documents"] == ["escape.txt"]]
    assert (
        "escape.txt: could not be read: unreadable (a link that points outside"
        in (finding["message"])
    )  # the reader's own error kind, not a translation of it


def test_a_second_audit_reads_nothing_again(cases, tmp_path, monkeypatch) -> None:
    """The cache's guard: the second audit of an unchanged folder extracts nothing; after one
    file changes, only that file is extracted again. (The spy calls the real extractor.)"""
    from pipeline import extract_stage
    from pipeline.audit import AuditOptions, audit

    monkeypatch.setenv("EVIDENCE_CACHE_DIR", str(tmp_path / "cache"))  # nothing cached before
    folder = tmp_path / "case"
    shutil.copytree(cases / "carter_clean", folder)
    (folder / "extra.txt").write_text("A note written only for this test.\n")
    real, extracted = extract_stage.extract, []

    def spy(data: bytes, settings):
        extracted.append(hashlib.sha256(data).hexdigest())
        return real(data, settings)

    monkeypatch.setattr(extract_stage, "extract", spy)
    options = AuditOptions(folder=folder, jobs=1)
    first = audit(options)
    readable = {d.sha256 for d in first.documents if d.sha256 and d.error is None}
    assert set(extracted) == readable and len(extracted) == len(readable)
    second = audit(options)
    assert len(extracted) == len(readable), "the unchanged folder was read again"
    assert second.documents == first.documents
    (folder / "extra.txt").write_text("The note, changed.\n")
    third = audit(options)
    changed = next(d.sha256 for d in third.documents if d.path == "extra.txt")
    assert extracted[len(readable) :] == [changed], "only the changed file is read again"
    fresh = audit(options.model_copy(update={"use_cache": False}))
    assert len(extracted) == 2 * len(readable) + 1
    assert [d.model_dump() for d in fresh.documents] == [d.model_dump() for d in third.documents]


def test_a_parser_failure_is_reported_and_the_audit_goes_on(cases, tmp_path, monkeypatch) -> None:
    from nlp_models.parse import document as parse_module
    from pipeline.audit import AuditOptions, audit

    folder = tmp_path / "case"
    shutil.copytree(cases / "carter_clean", folder)
    real = parse_module._parse

    def failing_on_notes(doc):  # a parser bug met by one document only
        if "case" in doc.pages[0].text.lower() and "note" in doc.pages[0].text.lower():
            raise ValueError("a bug met by this text")
        return real(doc)

    monkeypatch.setattr(parse_module, "_parse", failing_on_notes)
    report = audit(AuditOptions(folder=folder, jobs=1, use_cache=False))
    (finding,) = [f for f in report.findings if f.slug == "document.parse_failed"]
    assert finding.documents == ("case_notes.txt",)
    assert "ValueError: a bug met by this text" in finding.message
    notes = next(d for d in report.documents if d.path == "case_notes.txt")
    assert notes.error is None and notes.pages == 1  # kept, with its text read
    assert report.employments and report.employments[0].positions  # the rest was parsed


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
