"""Where the time of a full `evidence audit` goes (`python -m bench.profile_audit`, part of
`make bench`).

The whole command (`python -m pipeline audit FOLDER --jobs 1 --no-cache --json ...`) runs under
cProfile, in one process so every stage is seen, on (1) text PDFs written by the fixture
generator and (2) the fixture scans (a phone photo, rotated and skewed images, image-only PDFs).
Each stage's share is the cumulative time of the function that does it; start-up is what the
process spends outside `audit()` (interpreter, imports, the command line, writing the report).
cProfile slows Python code more than C code (Tesseract, pdfium), so shares are indicative; the
wall time beside them is measured without the profiler.
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import REPO, write_section
from fixtures.bench_docs import write_text_pdf_corpus

# (label, file suffix, function name) — the function whose cumulative time is the stage.
STAGES = (
    ("discover (hash, type, duplicates)", "pipeline/discover.py", "discover"),
    ("read (text layer or OCR)", "extractors/extract.py", "extract"),
    ("parse (kinds, parties, positions, pay)", "nlp_models/parse/document.py", "parse_document"),
    ("assemble (case from documents)", "pipeline/assemble/case.py", "assemble_case"),
    ("NOC matching", "pipeline/audit.py", "match_nocs"),
    ("checks (ledger, programs, rules)", "checks/run.py", "run_checks"),
)
AUDIT = ("pipeline/audit.py", "audit")


def _cumulative(stats: pstats.Stats, suffix: str, name: str) -> float:
    total = 0.0
    for (path, _line, func), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if func == name and path.endswith(suffix):
            total += ct
    return total


def profile(folder: Path, work: Path) -> dict:
    env = {**os.environ, "EVIDENCE_CACHE_DIR": str(work / "cache"), "OMP_THREAD_LIMIT": "1"}
    audit = [sys.executable, "-m", "pipeline", "audit", str(folder), "--jobs", "1", "--no-cache"]
    audit += ["--quiet", "--json", str(work / "report.json")]
    started = time.perf_counter()
    subprocess.run(audit, env=env, check=False, capture_output=True)
    wall = time.perf_counter() - started
    out = work / f"{folder.name}.prof"
    cmd = [sys.executable, "-m", "cProfile", "-o", str(out), *audit[1:]]
    subprocess.run(cmd, env=env, check=False, capture_output=True)
    stats = pstats.Stats(str(out))
    total = stats.total_tt  # type: ignore[attr-defined]
    in_audit = _cumulative(stats, *AUDIT)
    stages = {label: _cumulative(stats, suffix, name) for label, suffix, name in STAGES}
    stages["start-up, command line, report writing"] = total - in_audit
    named = sum(v for k, v in stages.items() if not k.startswith("start-up"))
    stages["other (reading orchestration, report assembly)"] = max(0.0, in_audit - named)
    return {"wall": wall, "total": total, "stages": stages}


def render(runs: dict[str, tuple[str, dict]]) -> str:
    labels = [label for label, _s, _n in STAGES] + [
        "start-up, command line, report writing",
        "other (reading orchestration, report assembly)",
    ]
    names = list(runs)
    head = "| stage | " + " | ".join(runs[n][0] for n in names) + " |"
    rule = "|---|" + "---:|" * len(names)
    rows = []
    for label in labels:
        cells = []
        for n in names:
            r = runs[n][1]
            share = r["stages"][label] / r["total"] * 100 if r["total"] else 0.0
            cells.append(f"{share:.0f} %")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    walls = " | ".join(
        f"{runs[n][1]['wall']:.1f} s ({runs[n][1]['total']:.1f} s profiled)" for n in names
    )
    rows.append(f"| whole command, wall time without the profiler | {walls} |")
    return f"""### Where a full audit's time goes (`python -m bench.profile_audit`)

`evidence audit FOLDER --jobs 1 --no-cache` under cProfile, one process; shares of the profiled
time (cProfile inflates Python code against C code such as Tesseract, so shares are indicative).

{head}
{rule}
{chr(10).join(rows)}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200, help="text PDFs in the text folder")
    args = parser.parse_args()
    cases = REPO / "fixtures" / "cases"
    if not (cases / ".stamp").exists():
        from fixtures.generate import generate

        generate(cases)
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        work = Path(tmp)
        text = work / "text_pdfs"
        write_text_pdf_corpus(text, args.docs)
        scans = work / "scans"
        shutil.copytree(cases / "scans", scans)
        runs = {
            "text": (f"{args.docs} text PDFs", profile(text, work)),
            "scans": (f"{len(list(scans.iterdir()))} scans", profile(scans, work)),
        }
    body = render(runs)
    write_section("profile", body)
    print(body)


if __name__ == "__main__":
    main()
