"""NOC matching on text the team did not write: O*NET through the public crosswalk, and duty
lists by independent authors.

Run: .venv/bin/python -m bench.noc_external [--noc-data DIR] [--no-write]

Data (never committed; `make bench` fetches nothing, so put the files in build/external/ or
point at them with the options below):
- O*NET 29.3 "Task Statements.xlsx" (O*NET Resource Center, CC BY 4.0), from the public
  repository eugene-maina72/Phase_5_Capstone_Project-SmartPath (data/Task Statements.xlsx);
- the O*NET-SOC 2019 -> NOC 2021 mapping of bcgov/onet-noc2021-crosswalk
  (output/3.0.0/onet_to_noc2021_mapping.csv; any NOC code it maps an occupation to counts
  as right);
- bench/data/independent_duties/*.jsonl: 100 duty lists written, in an employer's voice, by
  helper sessions that had not read nlp_models/noc (each with the codes an officer would accept).

Writes its figures into BENCHMARKS.md between <!-- bench:noc-external:start --> and
<!-- bench:noc-external:end -->.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import time
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bench.common import write_section
from nlp_models.noc.index import NocIndex
from nlp_models.noc.match import match_position
from pipeline.noc_data import load_index

ROOT = Path(__file__).resolve().parents[1]
EXTERNAL = ROOT / "build" / "external"
INDEPENDENT = ROOT / "bench" / "data" / "independent_duties"
MIRRORS = Path("/work/.mirror")
SOURCES = {
    "task_statements.xlsx": (
        "eugene-maina72+Phase_5_Capstone_Project-SmartPath",
        "data/Task Statements.xlsx",
    ),
    "onet_to_noc2021_mapping.csv": (
        "bcgov+onet-noc2021-crosswalk",
        "output/3.0.0/onet_to_noc2021_mapping.csv",
    ),
}


class DataMissing(RuntimeError):
    """An external data file is neither in build/external/ nor in a local mirror."""


@dataclass(frozen=True)
class Item:
    """One thing to match and the NOC 2021 codes that count as right."""

    key: str
    title: str | None
    duties: tuple[str, ...]
    acceptable: frozenset[str]


def provide(name: str) -> tuple[Path, str]:
    """The data file under build/external/, copied from a local mirror when absent; and the
    commit it came from (for the record in BENCHMARKS.md)."""
    target = EXTERNAL / name
    repo, path = SOURCES[name]
    git_dir = MIRRORS / repo / "repo"
    commit = "unknown"
    if git_dir.exists():
        commit = subprocess.run(
            ["git", "--git-dir", str(git_dir), "rev-parse", "HEAD"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        if not target.exists():
            EXTERNAL.mkdir(parents=True, exist_ok=True)
            blob = subprocess.run(
                ["git", "--git-dir", str(git_dir), "show", f"HEAD:{path}"],
                capture_output=True, check=True,
            ).stdout  # fmt: skip
            target.write_bytes(blob)
    if not target.exists():
        raise DataMissing(f"{target} is missing: fetch github:{repo.replace('+', '/')} ({path})")
    return target, f"{repo.replace('+', '/')}@{commit[:12]}"


def load_crosswalk(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """O*NET-SOC code -> (occupation title, every NOC 2021 code the crosswalk maps it to)."""
    titles: dict[str, str] = {}
    codes: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            onet = row["onet_soc_code"]
            titles[onet] = row["onet_plus_title"].split(": ", 1)[1]
            codes[onet].add(row["noc_2021"].zfill(5))
    return {k: (titles[k], frozenset(v)) for k, v in titles.items() for v in [codes[k]]}


def load_tasks(path: Path) -> dict[str, list[str]]:
    """O*NET-SOC code -> its task statements (core first, then supplemental), file order."""
    import openpyxl  # bench-only dependency (dev extra)

    book = openpyxl.load_workbook(path, read_only=True)
    rows = book.active.iter_rows(values_only=True)
    header = next(rows)
    col = {name: i for i, name in enumerate(header)}
    tasks: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in rows:
        core = 0 if row[col["Task Type"]] == "Core" else 1
        tasks[row[col["O*NET-SOC Code"]]].append((core, str(row[col["Task"]])))
    return {k: [t for _, t in sorted(v, key=lambda x: x[0])] for k, v in tasks.items()}


def onet_half(onet: str) -> str:
    """The half an O*NET occupation belongs to: "tune" (weights and calibration were fitted on
    it) or "holdout" (only ever measured); the CRC-32 of its code decides, as in
    bench.noc_calibration_fit."""
    return "tune" if zlib.crc32(onet.encode()) % 2 == 0 else "holdout"


def onet_items(
    crosswalk: dict[str, tuple[str, frozenset[str]]],
    tasks: dict[str, list[str]],
    view: str,
    half: str | None = None,
) -> list[Item]:
    items = []
    for onet, (title, codes) in sorted(crosswalk.items()):
        if half is not None and onet_half(onet) != half:
            continue
        if view == "titles":
            items.append(Item(onet, title, (), codes))
        elif tasks.get(onet):
            items.append(Item(onet, None, tuple(tasks[onet]), codes))
    return items


def independent_items(with_title: bool) -> list[Item]:
    items = []
    for path in sorted(INDEPENDENT.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                x = json.loads(line)
                title = x["title"] if with_title else None
                items.append(Item(x["id"], title, tuple(x["duties"]), frozenset(x["acceptable"])))
    return items


def evaluate(index: NocIndex, items: Iterable[Item], k: int = 5) -> dict[str, float]:
    """top-1, top-3, top-k, TEER of top-1 (right when it equals an acceptable code's TEER)."""
    n = r1 = r3 = rk = teer = 0
    misses: list[str] = []
    for item in items:
        m = match_position(index, item.title, item.duties, k=k)
        got = [c.code for c in m.candidates]
        n += 1
        r1 += bool(got) and got[0] in item.acceptable
        r3 += bool(set(got[:3]) & item.acceptable)
        rk += bool(set(got[:k]) & item.acceptable)
        teer += bool(got) and got[0][1] in {c[1] for c in item.acceptable}
        if not got or got[0] not in item.acceptable:
            misses.append(f"{item.key} {item.title!r}: {got[:3]} want {sorted(item.acceptable)}")
    return {"n": n, "top1": r1 / n, "top3": r3 / n, "topk": rk / n, "teer": teer / n,
            "misses": misses}  # type: ignore[dict-item]  # fmt: skip


def render(results: dict[str, dict], sources: dict[str, str]) -> str:
    pct = "{:.1%}".format
    lines = [
        "### NOC matching on text the team did not write (`python -m bench.noc_external`)",
        "",
        "Any code the source accepts counts as right (the crosswalk maps an O*NET occupation to "
        "one or more NOC 2021 unit groups). Sources: O*NET 29.3 task statements "
        f"({sources['tasks']}), O*NET-SOC 2019 → NOC 2021 crosswalk v3.0.0 "
        f"({sources['crosswalk']}), independent duty lists (`bench/data/independent_duties/`). "
        "The weights for duties without a title were fitted on the tune half of the O*NET task "
        "lists; the holdout half was only measured.",
        "",
        "| data | n | top-1 | top-3 | top-5 | TEER of top-1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['n']} | {pct(r['top1'])} | {pct(r['top3'])} | {pct(r['topk'])} "
            f"| {pct(r['teer'])} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--noc-data", type=Path, default=None)
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses per set")
    args = parser.parse_args()
    try:
        tasks_path, tasks_src = provide("task_statements.xlsx")
        cross_path, cross_src = provide("onet_to_noc2021_mapping.csv")
    except DataMissing as exc:
        print(f"bench.noc_external skipped: {exc}")
        return
    index = load_index(args.noc_data)
    crosswalk = load_crosswalk(cross_path)
    tasks = load_tasks(tasks_path)
    t0 = time.perf_counter()
    sets = {
        "independent duty lists, title + duties": independent_items(True),
        "independent duty lists, duties only": independent_items(False),
        "O*NET task lists (duties only)": onet_items(crosswalk, tasks, "tasks"),
        "… tune half (weights fitted here)": onet_items(crosswalk, tasks, "tasks", "tune"),
        "… holdout half (never fitted on)": onet_items(crosswalk, tasks, "tasks", "holdout"),
        "O*NET occupation titles alone": onet_items(crosswalk, tasks, "titles"),
    }
    results = {name: evaluate(index, items) for name, items in sets.items()}
    section = render(results, {"tasks": tasks_src, "crosswalk": cross_src})
    print(section)
    for name, r in results.items():
        for miss in r["misses"][: args.misses]:
            print(f"  [{name[:12]}] {miss}")
    print(f"(benchmark took {time.perf_counter() - t0:.0f} s)")
    if not args.no_write:
        write_section("noc-external", section)


if __name__ == "__main__":
    main()
