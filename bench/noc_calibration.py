"""How well the lexical R-SKILL-2 measures separate a letter's own unit group from unrelated ones.

For each own-words duty list of fixtures/noc_duties (and each half of its tune/holdout split):
the share whose main-duty coverage reaches the 0.5 level of R-SKILL-2 and whose lead-statement
score reaches the matcher's threshold, on their own unit group and on five random unit groups of
another broad category. The matcher's COVERED and LEAD_COVERED thresholds were chosen from this
table (`python -m bench.noc_calibration`, written into BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import random
import tomllib

import numpy as np

from bench.common import REPO, write_section
from nlp_models.noc import text
from nlp_models.noc.match import COVERED, LEAD_COVERED
from nlp_models.noc.similarity import row_similarity, weighted_recall
from pipeline.noc_data import load_index


def measure(split: str, lists: list[dict], index, draws: int = 5) -> dict[str, float]:
    codes = [g.code for g in index.groups]
    rng = random.Random(split)
    own_cov, own_lead, other_cov, other_lead = [], [], [], []
    for item in lists:
        norms = [n for n in (text.terms(text.strip_bullet(d)) for d in item["duties"]) if n]
        sims = row_similarity(norms, index.duties.norm, index.duty_postings)
        best = sims.max(axis=0)
        essential, offsets = index.duty_essential, index.duties.offsets
        n = np.maximum(np.add.reduceat(essential.astype(np.float32), offsets), 1.0)
        coverage = np.add.reduceat((essential & (best >= COVERED)).astype(np.float32), offsets) / n
        lead = weighted_recall(index.lead_postings, {w for x in norms for w in x.split()})
        own = codes.index(item["code"])
        own_cov.append(coverage[own] >= 0.5)
        own_lead.append(lead[own] >= LEAD_COVERED)
        others = [c for c in codes if c[0] != item["code"][0]]
        for code in rng.sample(others, draws):
            g = codes.index(code)
            other_cov.append(coverage[g] >= 0.5)
            other_lead.append(lead[g] >= LEAD_COVERED)
    return {
        "n": len(lists),
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
    rows = []
    for split in ("tune", "holdout"):
        m = measure(split, [x for x in lists if x["split"] == split], index)
        rows.append(
            f"| {split} | {m['n']} | {m['own_cov']:.0%} | {m['other_cov']:.0%} | "
            f"{m['own_lead']:.0%} | {m['other_lead']:.0%} |"
        )
    body = (
        "### NOC R-SKILL-2 measures: calibration (`python -m bench.noc_calibration`)\n\n"
        f"Main duty covered when a claimed duty matches it ≥ {COVERED}; lead statement covered "
        f"when its weighted word recall ≥ {LEAD_COVERED}. Share of own-words duty lists reaching "
        "coverage 0.5 / the lead threshold on their own unit group, and on 5 random unit groups "
        "of another broad category each:\n\n"
        "| lists | n | coverage ≥ 0.5, own | coverage ≥ 0.5, unrelated | lead, own | "
        "lead, unrelated |\n|---|---:|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n"
    )
    print(body)
    if not args.no_write:
        write_section("noc-calibration", body)


if __name__ == "__main__":
    main()
