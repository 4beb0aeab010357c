"""Copy detection (R-FLAG-1) on NOC main duties pasted into running prose, end to end.

Run: .venv/bin/python -m bench.noc_copy_prose [--noc-data DIR] [--no-write]

For 100 unit groups (the 46 of fixtures/noc_duties and 54 more drawn with a fixed seed across
the classification), three main duties are pasted into a letter's paragraph, each as one
sentence, lightly edited: third person ("She also establishes ..."), past tense ("In addition,
he carried out ..."), or unchanged after a framing phrase. The letter (plain text) goes through
the real extractor and parser, and the duties the parser reads are checked against the group.
A pasted sentence counts as detected when a duty read from it is flagged near-verbatim.

False positives are counted on text nobody here wrote: the 80 prose paragraphs and the 100
duty lists of bench/data/ (independent authors), checked against their best-matching group.
Writes BENCHMARKS.md between <!-- bench:noc-copy-prose:start --> and its end marker.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from bench.common import write_section
from bench.noc import _past, load_lists
from bench.noc_external import independent_items
from extractors.extract import extract
from nlp_models.noc.copying import copied_duties
from nlp_models.noc.index import NocIndex
from nlp_models.noc.match import match_position
from nlp_models.parse import parse_document
from pipeline.noc_data import load_index

ROOT = Path(__file__).resolve().parents[1]
PROSE = ROOT / "bench" / "data" / "independent_prose"
SEED = 20261203

_HEAD = """Harbour Point Services Ltd.
410 Water Street, Halifax, NS B3J 1S7
Tel: 902-555-0187

June 2, 2025

To whom it may concern,

This is to confirm that Morgan Ellis has been employed by Harbour Point Services Ltd. as {title}
since April 4, 2021, working 40 hours per week.

"""
_TAIL = """

Sincerely,
Jordan Blake
Human Resources Manager
"""


def _third_person(verb: str) -> str:
    low = verb.lower()
    if re.search(r"(?:s|sh|ch|x|z|o)$", low):
        return low + "es"
    if re.search(r"[^aeiou]y$", low):
        return low[:-1] + "ies"
    return low + "s"


def _conjugate(duty: str, form: str) -> str:
    """A NOC duty ("Prepare and maintain ...") as the letter's sentence predicate."""
    words = duty.rstrip(".").split()
    first, comma = words[0].rstrip(","), "," if words[0].endswith(",") else ""
    if form == "past":
        head = _past(first).lower()
    elif form == "third":
        head = _third_person(first)
    else:
        head = first.lower()
    # "Prepare and maintain": the verb after "and" takes the same form.
    rest = words[1:]
    if len(rest) >= 2 and rest[0] == "and" and form != "plain":
        rest[1] = _past(rest[1]).lower() if form == "past" else _third_person(rest[1])
    return " ".join([head + comma, *rest])


def pasted_paragraph(duties: list[str]) -> tuple[str, list[str]]:
    """Three pasted duties as prose: the paragraph and the sentence of each."""
    frames = [
        ("In her role, Morgan {}.", "third"),
        ("She also {}.", "third"),
        ("In addition, she {}.", "past"),
    ]
    sentences = [
        frame.format(_conjugate(d, form)) for (frame, form), d in zip(frames, duties, strict=False)
    ]
    opener = "Morgan is a valued member of our operations team."
    return " ".join([opener, *sentences]), sentences


def _groups(index: NocIndex) -> list[str]:
    own = [x["code"] for x in load_lists()]
    rng = random.Random(SEED)
    rest = [
        ug.code
        for ug in index.groups
        if ug.code not in own and sum(len(d.split()) >= 4 for d in ug.main_duties) >= 3
    ]
    return own + rng.sample(rest, 100 - len(own))


def _read_duties(letter: str) -> list[tuple[str, int, int]]:
    """Duties the parser reads from a plain-text letter, with their character spans."""
    doc = parse_document(extract(letter.encode("utf-8")))
    fields = doc.fields
    out = []
    for position in getattr(fields, "positions", None) or ():
        for d in position.duties:
            out.append((d.value, d.where.start, d.where.end))
    return out


def pasted_prose(index: NocIndex) -> dict[str, float]:
    rng = random.Random(SEED)
    sentences = detected = read = stray = 0
    for code in _groups(index):
        ug = index.group(code)
        assert ug is not None
        # Sub-headings inside the duties ("Clinical nurses") are not duties.
        duties_ = [d for d in ug.main_duties if len(d.split()) >= 4]
        essential = [d for d in duties_ if not d.lower().startswith("may ")]
        chosen = rng.sample(essential if len(essential) >= 3 else duties_, 3)
        paragraph, pasted = pasted_paragraph(chosen)
        letter = _HEAD.format(title=ug.title) + paragraph + _TAIL
        duties = _read_duties(letter)
        report = copied_duties(index, [d for d, _, _ in duties], [code])
        flagged = [(s, e) for (_, s, e), r in zip(duties, report.duties, strict=True)
                   if r.near_verbatim]  # fmt: skip
        spans = [(letter.index(x), letter.index(x) + len(x)) for x in pasted]
        for at, end in spans:
            sentences += 1
            read += any(at <= s < end for _, s, _ in duties)
            detected += any(at <= s < end for s, _ in flagged)
        stray += sum(not any(at <= s < end for at, end in spans) for s, _ in flagged)
    return {
        "sentences": sentences,
        "read": read / sentences,
        "recall": detected / sentences,
        "precision": detected / max(detected + stray, 1),
    }


def false_positives(index: NocIndex) -> dict[str, int]:
    """Independent prose paragraphs and duty lists flagged against their best match."""
    para_duties = flagged_para = 0
    for line in (PROSE / "author_p1.jsonl").read_text(encoding="utf-8").splitlines():
        x = json.loads(line)
        letter = _HEAD.format(title=x["title"]) + x["paragraph"] + _TAIL
        duties = [d for d, _, _ in _read_duties(letter)]
        if not duties:
            continue
        top = match_position(index, x["title"], duties, k=1).candidates
        report = copied_duties(index, duties, [top[0].code] if top else [])
        para_duties += len(duties)
        flagged_para += report.copied
    list_duties = flagged_lists = 0
    for item in independent_items(True):
        top = match_position(index, item.title, item.duties, k=1).candidates[0].code
        report = copied_duties(index, list(item.duties), [top, *sorted(item.acceptable)])
        list_duties += len(report.duties)
        flagged_lists += report.copied
    return {"prose_duties": para_duties, "prose_flagged": flagged_para,
            "list_duties": list_duties, "list_flagged": flagged_lists}  # fmt: skip


def render(p: dict[str, float], f: dict[str, int]) -> str:
    return "\n".join(
        [
            "### Copy detection in prose (`python -m bench.noc_copy_prose`)",
            "",
            f"{p['sentences']} NOC main duties of 100 unit groups pasted into letter paragraphs "
            "(one sentence each: third person, past tense, after a framing phrase), read by the "
            "real extractor and parser, checked against the group (R-FLAG-1, threshold 0.85):",
            "",
            "| measure | value |",
            "|---|---:|",
            f"| pasted sentences read as duties | {p['read']:.1%} |",
            f"| pasted sentences flagged (recall) | {p['recall']:.1%} |",
            f"| flagged duties that were pasted (precision) | {p['precision']:.1%} |",
            f"| independent prose: duties read / flagged | {f['prose_duties']} / "
            f"{f['prose_flagged']} |",
            f"| independent duty lists: duties / flagged | {f['list_duties']} / "
            f"{f['list_flagged']} |",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--noc-data", type=Path, default=None)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    index = load_index(args.noc_data)
    section = render(pasted_prose(index), false_positives(index))
    print(section)
    if not args.no_write:
        write_section("noc-copy-prose", section)


if __name__ == "__main__":
    main()
