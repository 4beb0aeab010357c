"""How well the lexical R-SKILL-2 measures separate a letter's own unit group from unrelated ones.

For each own-words duty list of fixtures/noc_duties (and each half of its tune/holdout split):
the share whose main-duty coverage reaches the 0.5 level of R-SKILL-2 and whose lead-statement
score reaches the matcher's threshold, on their own unit group and on five random unit groups of
another broad category. The matcher's COVERED and LEAD_COVERED thresholds were chosen from this
table (`python -m bench.noc_calibration`, written into BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import json
import random
import tomllib

import numpy as np

from bench.common import REPO, write_section
from nlp_models.noc import text
from nlp_models.noc.match import COVERED, LEAD_COVERED
from nlp_models.noc.similarity import row_similarity, weighted_recall
from pipeline.noc_data import load_index

INDEPENDENT = REPO / "bench" / "data" / "independent_duties"
FLOOR = 0.28  # checks/params/policy.toml duty_coverage_by_wording


def measure(split: str, lists: list[dict], index, draws: int = 5) -> dict[str, float]:
    codes = [g.code for g in index.groups]
    rng = random.Random(split)
    own_cov, own_lead, other_cov, other_lead = [], [], [], []
    own_values: list[float] = []
    other_values: list[float] = []
    for item in lists:
        norms = [n for n in (text.terms(text.strip_bullet(d)) for d in item["duties"]) if n]
        sims = row_similarity(norms, index.duties.norm, index.duty_postings)
        best = sims.max(axis=0)
        essential, offsets = index.duty_essential, index.duties.offsets
        n = np.maximum(np.add.reduceat(essential.astype(np.float32), offsets), 1.0)
        coverage = np.add.reduceat((essential & (best >= COVERED)).astype(np.float32), offsets) / n
        lead = weighted_recall(index.lead_postings, {w for x in norms for w in x.split()})
        # Any code the author accepts is the list's own (independent lists name several).
        own = max(
            (codes.index(c) for c in item.get("acceptable", [item["code"]]) if c in codes),
            key=lambda g: coverage[g],
        )
        own_values.append(float(coverage[own]))
        own_cov.append(coverage[own] >= 0.5)
        own_lead.append(lead[own] >= LEAD_COVERED)
        others = [c for c in codes if c[0] != item["code"][0]]
        for code in rng.sample(others, draws):
            g = codes.index(code)
            other_values.append(float(coverage[g]))
            other_cov.append(coverage[g] >= 0.5)
            other_lead.append(lead[g] >= LEAD_COVERED)
    floor = float(np.quantile(own_values, 0.05))
    return {
        "n": len(lists),
        "floor": floor,  # what 95 in 100 lists reach on their own unit group
        "own_floor": float(np.mean(np.array(own_values) >= FLOOR)),
        "other_floor": float(np.mean(np.array(other_values) >= FLOOR)),
        "own_cov": float(np.mean(own_cov)),
        "other_cov": float(np.mean(other_cov)),
        "own_lead": float(np.mean(own_lead)),
        "other_lead": float(np.mean(other_lead)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    index = load_index()
    lists = tomllib.loads((REPO / "fixtures/noc_duties/duty_lists.toml").read_text())["list"]
    independent = [
        json.loads(line)
        for path in sorted(INDEPENDENT.glob("*.jsonl"))
        for line in path.read_text().splitlines()
        if line.strip()
    ]
    rows = []
    sets = [(s, [x for x in lists if x["split"] == s]) for s in ("tune", "holdout")]
    for split, chosen in [*sets, ("by others", independent)]:
        m = measure(split, chosen, index)
        rows.append(
            f"| {split} | {m['n']} | {m['own_cov']:.0%} | {m['other_cov']:.0%} | "
            f"{m['own_floor']:.0%} | {m['other_floor']:.0%} | {m['floor']:.2f} | "
            f"{m['own_lead']:.0%} | {m['other_lead']:.0%} |"
        )
    body = (
        "### NOC R-SKILL-2 measures: calibration (`python -m bench.noc_calibration`)\n\n"
        f"Main duty covered when a claimed duty matches it ≥ {COVERED}; lead statement covered "
        f"when its weighted word recall ≥ {LEAD_COVERED}. Share of own-words duty lists reaching "
        "coverage 0.5 / the lead threshold on their own unit group, and on 5 random unit groups "
        "of another broad category each:\n\n"
        f"| lists | n | coverage ≥ 0.5, own | coverage ≥ 0.5, unrelated | coverage ≥ {FLOOR}, "
        f"own | coverage ≥ {FLOOR}, unrelated | 5th percentile, own | lead, own | "
        "lead, unrelated |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        + "\n".join(rows)
        + "\n\n`by others`: the 100 duty lists of bench/data/independent_duties, written in an "
        "employer's voice by helpers that had not read nlp_models/noc (any code the author accepts "
        "counts as the list's own). Their 5th percentile is the parameter "
        f"`duty_coverage_by_wording` ({FLOOR}) below which noc.low_duty_coverage reports.\n"
    )
    print(body)
    if not args.no_write:
        write_section("noc-calibration", body)


if __name__ == "__main__":
    main()
