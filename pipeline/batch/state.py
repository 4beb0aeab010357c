"""Resuming: which sub-folders are cases, each case's fingerprint, and the state kept per finished
case in `DIR/.batch/CASE.json`."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

from pipeline.batch.models import STATE_DIR, BatchOptions, CaseResult
from pipeline.files import write_atomic
from pipeline.report import SCHEMA_VERSION


def find_cases(cases_dir: Path) -> list[Path]:
    """Case folders: the non-hidden sub-folders of CASES_DIR, largest first (long cases start
    early so parallel workers finish together)."""
    folders = [p for p in cases_dir.iterdir() if p.is_dir() and not p.name.startswith(".")]
    return sorted(folders, key=lambda p: (-_tree_size(p), p.name))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            yield Path(root) / name


def _tree_size(folder: Path) -> int:
    total = 0
    for path in _walk(folder):
        with contextlib.suppress(OSError):
            total += path.lstat().st_size
    return total


def fingerprint(folder: Path, options: BatchOptions) -> str:
    """Changes when any file of the case (name, size, modification time) or a setting that shapes
    the report changes. Stat only: a resumed batch must not re-read every byte."""
    digest = hashlib.sha256()
    settings = {
        "as_of": str(options.as_of or f"today:{dt.date.today()}"),
        "html": options.html,
        "tool": version("evidence"),
        "schema": SCHEMA_VERSION,
    }
    digest.update(json.dumps(settings, sort_keys=True).encode())
    for path in _walk(folder):
        try:
            st = path.lstat()
        except OSError:
            continue
        rel = path.relative_to(folder).as_posix()
        digest.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _state_path(out: Path, case: str) -> Path:
    return out / STATE_DIR / f"{case}.json"


def report_paths(out: Path, case: str) -> tuple[Path, Path]:
    return out / f"{case}.json", out / f"{case}.html"


def finished(out: Path, case: str, print_: str, html: bool) -> CaseResult | None:
    """The stored result of a finished run with this fingerprint whose reports are all there."""
    try:
        state = json.loads(_state_path(out, case).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    json_path, html_path = report_paths(out, case)
    if state.get("fingerprint") != print_ or not json_path.is_file():
        return None
    if html and not html_path.is_file():
        return None
    try:
        result = CaseResult.model_validate(state["result"])
    except (KeyError, ValueError):
        return None
    return result.model_copy(update={"resumed": True})


def remember(out: Path, result: CaseResult, print_: str) -> None:
    state = {"fingerprint": print_, "result": result.model_dump(mode="json")}
    write_atomic(_state_path(out, result.case), json.dumps(state, indent=1))
