"""Start-up of the command (`python -m bench.startup`): `evidence audit` of an empty folder, whole
process, against the bare interpreter and `evidence --help`, side by side in one run (issue 12:
start-up ≤ 0.5 s). Median of interleaved rounds; the audit writes its JSON report as a user's
would."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import EVIDENCE, write_section


def _seconds(cmd: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode(errors='replace')}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        folder, report = Path(tmp) / "case", Path(tmp) / "report.json"
        folder.mkdir()
        commands = {
            "bare interpreter (`python -c pass`)": [sys.executable, "-c", "pass"],
            "`evidence --help`": [*EVIDENCE, "--help"],
            "`evidence audit EMPTY_FOLDER --json report.json --quiet`": [
                *EVIDENCE,
                "audit",
                str(folder),
                "--json",
                str(report),
                "--quiet",
                "--no-cache",
            ],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):  # interleaved: a busy moment hits every command
            for name, cmd in commands.items():
                times[name].append(_seconds(cmd))
    medians = {name: statistics.median(t) for name, t in times.items()}
    audit = medians[list(commands)[-1]]
    rows = "\n".join(f"| {name} | {s:.2f} s |" for name, s in medians.items())
    body = f"""### Start-up (`python -m bench.startup`)

Median of {args.rounds} interleaved rounds, whole processes.

| command | time |
|---|---:|
{rows}

Start-up of `evidence audit`: {audit:.2f} s \
(target ≤ 0.5 s: {"met" if audit <= 0.5 else "NOT met"}).
"""
    write_section("startup", body)
    print(body)


if __name__ == "__main__":
    main()
