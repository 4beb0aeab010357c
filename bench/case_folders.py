"""Case folders end to end: the whole `evidence audit` on our own scenario folders, on the
development set and on the wild corpus, each measured the same way.

Run: .venv/bin/python -m bench.case_folders [--no-write]

- devset (`../shared/devset/cases`) and wild corpus (`fixtures/wild/cases`, documents written by
  independent authors): `../shared/devset/score.py all --fresh`, the devset's own scorer, in a
  work folder of its own under build/ (the devset is skipped when it is not beside the project);
- own scenarios (`fixtures/scenarios`, 13 folders with hand-written expected outcomes): each
  folder audited in-process; required findings are the expected `present` ones, a false one is a
  warning or worse that is neither expected nor reviewed (`end_to_end.also`), experience figures
  are each program's status and hours against the expected ones.

The figure that matters is the two written by others. Writes BENCHMARKS.md between
<!-- bench:case-folders:start --> and <!-- bench:case-folders:end -->.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import REPO, write_section

SHARED = REPO.parent / "shared"
SCORER = SHARED / "devset" / "score.py"
WILD = REPO / "fixtures" / "wild" / "cases"
WORK = REPO / "build" / "bench-case-folders"
ROWS = (
    ("read", "documents read"),
    ("kinds", "document kinds"),
    ("fields", "field values found"),
    ("noc", "NOC top-1"),
    ("findings", "required findings"),
    ("falsepos", "findings precision"),
    ("numbers", "experience figures"),
)
_LINE = re.compile(r"^(?P<metric>\w+): (?P<value>[\d.]+)\s+(?P<detail>.*)$")


def score(cases: Path, work: Path) -> dict[str, str]:
    """The scorer's metrics for the case folders under `cases`: metric -> "0.900 (36/40)"."""
    env = {**os.environ, "EVAL_WORK": str(work), "DEVSET_CASES": str(cases)}
    env["PYTHONPATH"] = str(REPO)
    run = subprocess.run(
        [sys.executable, str(SCORER), "all", "--fresh", "--project", str(REPO)],
        capture_output=True, text=True, env=env, check=True, cwd=REPO,
    )  # fmt: skip
    out = {}
    for line in run.stdout.splitlines():
        m = _LINE.match(line.strip())
        if m:
            # "NOC top-1 16/19, top-3 17/19, TEER 17/19", "unexpected findings 1 of 41 ...".
            counts = re.findall(r"\d+/\d+", m["detail"])
            if m["metric"] == "noc" and len(counts) == 3:
                shown = f"{counts[0]}; top-3 {counts[1]}; TEER {counts[2]}"
            elif m["metric"] == "falsepos" and (n := re.search(r"(\d+) of (\d+)", m["detail"])):
                shown = f"{n[1]} false of {n[2]}"
            else:
                shown = counts[0] if counts else ""
            out[m["metric"]] = f"{float(m['value']):.3f}" + (f" ({shown})" if shown else "")
    return out


def own_scenarios() -> dict[str, str]:
    """The same measures on our own scenario folders, against their expected outcomes."""
    from checks.findings import Severity
    from fixtures.scenarios import SCENARIOS, expected, folder_name, write_scenarios
    from pipeline.audit import AuditOptions, audit

    found = wanted = false = raised = figures = right = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_scenarios(root)
        for name in sorted(SCENARIOS):
            want = expected(name)
            report = audit(AuditOptions(folder=root / folder_name(name), jobs=1))
            got = {(f.slug, f.severity.value) for f in report.findings}
            present = {(p["slug"], p["severity"]) for p in want["present"]}
            reviewed = present | {tuple(x) for x in want.get("end_to_end", {}).get("also", [])}
            serious = {
                (f.slug, f.severity.value)
                for f in report.findings
                if f.severity.rank >= Severity.WARNING.rank
            }
            wanted += len(present)
            found += len(present & got)
            raised += len(serious)
            false += len(serious - reviewed)
            for program, target in want["experience"].items():
                e = report.experience[program]
                tol = target.get("tolerance", 0) + 0.01
                figures += 2
                right += e.status == target["status"]
                right += abs(e.qualifying_hours - target["hours"]) <= tol
    return {
        "findings": f"{found / max(wanted, 1):.3f} ({found}/{wanted})",
        "falsepos": f"{1 - false / max(raised, 1):.3f} ({false} false of {raised})",
        "numbers": f"{right / max(figures, 1):.3f} ({right}/{figures})",
    }


def render(columns: dict[str, dict[str, str]], commit: str) -> str:
    names = list(columns)
    lines = [
        "### Case folders end to end (`python -m bench.case_folders`)",
        "",
        "The whole `evidence audit --as-of --json` per case folder. Devset and wild corpus: the "
        "devset's own scorer (`../shared/devset/score.py all --fresh`; precision counts a "
        "reported finding of a scored category that is neither expected nor allowed as false). "
        "Own scenarios: the 13 folders of `fixtures/scenarios` against their hand-written "
        "expected outcomes (a warning or worse that is neither expected nor reviewed is false). "
        f"The figures that matter are the two written by others. At {commit}.",
        "",
        "| measure | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for key, label in ROWS:
        lines.append(f"| {label} | " + " | ".join(columns[n].get(key, "") for n in names) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    t0 = time.perf_counter()
    columns = {"own scenarios": own_scenarios()}
    if SCORER.exists():
        columns["devset"] = score(SHARED / "devset" / "cases", WORK / "devset")
        columns["wild corpus"] = score(WILD, WORK / "wild")
    else:
        print(f"devset and wild corpus skipped: {SCORER} is not there")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    section = render(columns, commit or "an unknown commit")
    print(section)
    print(f"(benchmark took {time.perf_counter() - t0:.0f} s)")
    if not args.no_write:
        write_section("case-folders", section)


if __name__ == "__main__":
    main()
