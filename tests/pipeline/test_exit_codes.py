"""The exit-code contract holds for every command, run as the user runs it (a process).

NOC data missing and Tesseract missing exit 3 wherever the run needs them; a bad argument exits 2.
A command that needs neither (`rules`, `extract` of a text file, `noc` without OCR) runs as usual:
code 3 means "a dependency the run needed" (DESIGN §4), not "one installed somewhere".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.exit_codes import ExitCode
from tests.conftest import SHARED_NOC

LETTER = """Northwind Joinery Ltd.
41 Harbour Road, Halifax, NS B3H 1A1 · (902) 555-0142 · hr@northwindjoinery.ca

March 3, 2025

To whom it may concern,

This confirms that Dana Whitfield has worked for Northwind Joinery Ltd. as a Cabinetmaker
from June 1, 2021 to February 28, 2025, 40 hours per week, at $27.50 per hour.
Her duties: reading drawings, cutting and assembling cabinets, finishing surfaces.

Sincerely,
Robert Kane, Operations Manager
"""


def _run(args: list[str], tmp: Path, *, noc: Path = SHARED_NOC, path: str | None = None) -> int:
    env = dict(os.environ)
    env["EVIDENCE_NOC_DATA"] = str(noc)
    env["EVIDENCE_CACHE_DIR"] = str(tmp / "cache")  # nothing read before can be served
    if path is not None:
        env["PATH"] = path
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, cases: Path) -> Path:
    root = tmp_path_factory.mktemp("exit-codes")
    for name, doc in (("text_case", None), ("scan_case", "letter_clean.png")):
        folder = root / "batch" / name
        folder.mkdir(parents=True)
        if doc is None:
            (folder / "letter.txt").write_text(LETTER, encoding="utf-8")
        else:
            shutil.copy(cases / "scans" / doc, folder / doc)
    (root / "no-noc").mkdir()
    (root / "empty-path").mkdir()
    return root


def _commands(root: Path, case: str) -> dict[str, list[str]]:
    folder = root / "batch" / case
    doc = next(folder.iterdir())
    return {
        "audit": ["audit", str(folder), "--quiet", "--no-cache"],
        "letter": ["letter", str(doc)],
        "batch": ["batch", str(root / "batch"), "--out", str(root / f"out-{case}"), "--no-cache"],
        "extract": ["extract", str(doc), "--fields"],
        "noc": ["noc", "match", "--title", "cabinetmaker"],
        "rules": ["rules", "hours.below_1560"],
    }


# What each command needs: NOC data, Tesseract (for the scan).
NEEDS = {
    "audit": {"noc", "tesseract"},
    "letter": {"noc", "tesseract"},
    "batch": {"noc", "tesseract"},
    "extract": {"tesseract"},
    "noc": {"noc"},
    "rules": set(),
}


@pytest.mark.parametrize("command", list(NEEDS))
def test_missing_noc_data_exits_3(command: str, inputs: Path, tmp_path: Path) -> None:
    args = _commands(inputs, "text_case")[command]
    code = _run(args, tmp_path, noc=inputs / "no-noc")
    if "noc" in NEEDS[command]:
        assert code == ExitCode.MISSING_DEPENDENCY
    else:
        assert code in (ExitCode.OK, ExitCode.FINDINGS)


@pytest.mark.parametrize("command", list(NEEDS))
def test_missing_tesseract_exits_3(command: str, inputs: Path, tmp_path: Path) -> None:
    args = _commands(inputs, "scan_case")[command]
    code = _run(args, tmp_path, path=str(inputs / "empty-path"))
    if "tesseract" in NEEDS[command]:
        assert code == ExitCode.MISSING_DEPENDENCY
    else:
        assert code in (ExitCode.OK, ExitCode.FINDINGS)


BAD = {
    "audit": [["audit", "--no-such-option", "."], ["audit", "no/such/folder"]],
    "letter": [["letter", "--no-such-option", "x"], ["letter", "no/such/letter.pdf"]],
    "batch": [["batch", "--jobs", "zero", "."], ["batch", "no/such/cases", "--out", "o"]],
    "extract": [["extract"], ["extract", "no/such/file.pdf"]],
    "noc": [["noc", "match", "--k", "x"], ["noc", "match"], ["noc", "show", "99999"]],
    "rules": [["rules", "a", "b"], ["rules", "EV000"]],
}


@pytest.mark.parametrize("command", list(BAD))
def test_bad_arguments_exit_2(command: str, tmp_path: Path) -> None:
    for args in BAD[command]:
        assert _run(args, tmp_path) == ExitCode.BAD_INPUT, args


def test_every_command_is_covered() -> None:
    from typer.main import get_command

    from pipeline.cli import app

    names = set(get_command(app).commands) - {"doctor", "schema"}  # take no input, need no data
    assert names == set(NEEDS) == set(BAD)
