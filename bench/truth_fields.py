"""Reading accuracy on documents this team did not write (`python -m bench.truth_fields`).

Corpora in the truth schema of `../shared/devset/` (its README): the development set itself and
the wild corpus written by independent authors (`fixtures/wild/cases/`). Every readable document
is extracted and parsed in-process (extractions cached under build/bench-truth/) and compared
with its truth entities:

- document kind (the truth's `doc_type` mapped to the kinds that may stand for it);
- positions found (a truth position counts as found when a parsed position is aligned to it);
- per field precision and recall over aligned positions: title, start, end, hours/week, pay
  amount, currency and period, duties; per document: employer name and employer country;
- pay stubs: hours per period off by more than 1 h, and employment-type phrases taken as titles.

P = right / reported, R = right / stated in the truth. A reported value where the truth has
none (or a different one) is a false positive; an "ongoing" truth end date is right only when
the parser reports no end date.

`python -m bench.truth_fields [devset|wild|all] [--misses]` prints the tables (and every miss);
`make bench` writes them into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from bench.common import REPO, write_section
from extractors.extract import engine_version, extract
from extractors.models import ExtractedDocument
from nlp_models.parse import PARSER_VERSION, parse_document, warm_up
from nlp_models.parsed import ParsedDocument

CORPORA = {
    "devset": REPO.parent / "shared" / "devset" / "cases",
    "wild": REPO / "fixtures" / "wild" / "cases",
}
CACHE = REPO / "build" / "bench-truth"

# The truth's doc_type -> the parser kinds that stand for it.
KINDS: dict[str, set[str]] = {
    "reference_letter": {"reference_letter"},
    "employment_contract": {"contract", "offer_letter"},
    "pay_stub": {"pay_stub"},
    "payroll_summary": {"pay_stub", "payroll_summary", "employment_record"},
    "transcript": {"transcript", "enrolment_or_completion_letter"},
    "permit": {"study_permit", "work_permit"},
    "invoice": {"invoice"},
    "client_letter": {"client_letter", "reference_letter"},
    "hr_email": {"reference_letter", "hr_email"},
    "hris_printout": {"reference_letter", "hris_record"},
}
SUBTYPES: dict[str, set[str]] = {
    "offer_letter": {"offer_letter", "contract"},
    "character_reference": {"character_reference", "reference_letter"},
}
POSITION_FIELDS = ("title", "start", "end", "hours", "pay.amount", "pay.currency", "pay.period")
DOC_FIELDS = ("employer_name", "employer_country")
# Words that say how someone is employed, never what they do.
EMPLOYMENT_TYPE = re.compile(
    r"^(?:(?:a|an|the|on|in)\s+)?(?:permanent|temporary|full[\s-]?time|part[\s-]?time|casual"
    r"|contract|seasonal|regular|fixed[\s-]term|basis|employee|staff|intern(?:ship)?)\b",
    re.I,
)


# ------------------------------------------------------------------ loading


def extracted(path: Path) -> ExtractedDocument:
    data = path.read_bytes()
    key = hashlib.sha256(data + engine_version().encode()).hexdigest()[:32]
    cached = CACHE / f"{key}.json"
    if cached.exists():
        return ExtractedDocument.model_validate_json(cached.read_text())
    doc = extract(data)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(doc.model_dump_json())
    return doc


def truth_documents(cases: Path) -> list[tuple[str, dict[str, Any], Path]]:
    out = []
    for truth_file in sorted(cases.glob("*/truth.json")):
        truth = json.loads(truth_file.read_text())
        for doc in truth["documents"]:
            if doc.get("readable", True):
                out.append((f"{truth_file.parent.name}/{doc['file']}", doc, truth_file.parent))
    return out


# ------------------------------------------------------------------ normalising


def fold(text: Any) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def plain(value: Any) -> Any:
    """A parsed model as plain data, each Found replaced by its value."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="python")
    if isinstance(value, dict):
        if set(value) >= {"value", "where"}:
            return plain(value["value"])
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def iso(v: Any) -> str | None:
    if v is None:
        return None
    return v.isoformat() if isinstance(v, date) else str(v)


@dataclass
class Pos:
    title: str | None
    start: str | None
    end: str | None  # None: ongoing or not stated
    hours: float | None
    pay: dict[str, Any] | None
    duties: list[str]


def truth_positions(entities: dict[str, Any]) -> list[Pos]:
    out = []
    for p in entities.get("positions") or []:
        sal = p.get("salary") or None
        out.append(
            Pos(
                title=p.get("job_title"),
                start=p.get("start_date"),
                end=None if p.get("ongoing") else p.get("end_date"),
                hours=p.get("hours_per_week"),
                pay=sal if sal and sal.get("amount") else None,
                duties=list(p.get("duties") or []),
            )
        )
    return out


def parsed_positions(parsed: ParsedDocument) -> list[Pos]:
    fields = plain(parsed.fields) if parsed.fields is not None else {}
    out = []
    for p in fields.get("positions") or []:
        pay = p.get("pay")
        out.append(
            Pos(
                title=p.get("title"),
                start=iso(p.get("start")),
                end=iso(p.get("end")),
                hours=p.get("hours_per_week"),
                pay=pay if pay and pay.get("amount") else None,
                duties=list(p.get("duties") or []),
            )
        )
    return out


def employer_of(parsed: ParsedDocument) -> dict[str, Any]:
    fields = plain(parsed.fields) if parsed.fields is not None else {}
    party = fields.get("employer") or fields.get("issuer") or fields.get("institution") or {}
    address = party.get("address") or {}
    return {
        "employer_name": party.get("legal_name"),
        "employer_country": party.get("country") or address.get("country"),
    }


# ------------------------------------------------------------------ comparing


def same(name: str, want: Any, got: Any) -> bool:
    if want is None or got is None:
        return False
    if name == "title":
        return fold(want) == fold(got) or fuzz.ratio(fold(want), fold(got)) >= 92
    if name == "employer_name":
        return fold(want) == fold(got)
    if name == "hours":
        return abs(float(want) - float(got)) < 0.011
    if name == "pay.amount":
        return abs(float(want) - float(got)) <= max(0.01, 0.001 * float(want))
    return str(want) == str(got)


def value(p: Pos, name: str) -> Any:
    if name.startswith("pay."):
        return (p.pay or {}).get(name[4:])
    return getattr(p, name)


def align(truth: list[Pos], got: list[Pos]) -> list[tuple[Pos | None, Pos | None]]:
    """Pairs of (truth, parsed) positions: best matches by title and dates, then the rest."""
    scored = []
    for i, t in enumerate(truth):
        for j, g in enumerate(got):
            s = fuzz.ratio(fold(t.title or ""), fold(g.title or "")) / 100
            s += (t.start is not None and t.start == g.start) + 0.5 * (t.end == g.end)
            scored.append((s, i, j))
    pairs: list[tuple[Pos | None, Pos | None]] = []
    used_t, used_g = set(), set()
    for s, i, j in sorted(scored, reverse=True):
        if i in used_t or j in used_g or s < 0.5:
            continue
        used_t.add(i)
        used_g.add(j)
        pairs.append((truth[i], got[j]))
    pairs += [(t, None) for i, t in enumerate(truth) if i not in used_t]
    pairs += [(None, g) for j, g in enumerate(got) if j not in used_g]
    return pairs


@dataclass
class Tally:
    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    reported: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    stated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)

    def add(self, doc: str, name: str, want: Any, got: Any) -> None:
        if want is not None:
            self.stated[name] += 1
        if got is not None:
            self.reported[name] += 1
        if same(name, want, got):
            self.right[name] += 1
        elif want is not None or got is not None:
            self.misses.append(f"{doc}: {name}: truth {want!r} got {got!r}")

    def p(self, name: str) -> float | None:
        n = self.reported[name]
        return self.right[name] / n if n else None

    def r(self, name: str) -> float | None:
        n = self.stated[name]
        return self.right[name] / n if n else None


@dataclass
class Result:
    docs: int = 0
    kinds_right: int = 0
    kind_misses: list[str] = field(default_factory=list)
    positions_truth: int = 0
    positions_found: int = 0
    positions_extra: int = 0
    duties_truth: int = 0
    duties_found: int = 0
    duties_reported: int = 0
    duties_right: int = 0
    stub_hours_off: list[str] = field(default_factory=list)
    type_titles: list[str] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)


def expected_kinds(td: dict[str, Any]) -> set[str]:
    if td.get("doc_subtype") in SUBTYPES:
        return SUBTYPES[td["doc_subtype"]]
    return KINDS.get(td["doc_type"], {td["doc_type"]})


def score_document(res: Result, name: str, td: dict[str, Any], parsed: ParsedDocument) -> None:
    res.docs += 1
    if str(parsed.kind) in expected_kinds(td):
        res.kinds_right += 1
    else:
        res.kind_misses.append(f"{name}: {td['doc_type']} read as {parsed.kind}")
    ent = td.get("entities") or {}
    got_emp = employer_of(parsed)
    for f in DOC_FIELDS:
        # Only what the truth schema of this document type records is scored.
        key = f if f in ent else {"employer_name": "issuer_name"}.get(f)
        if key in ent:
            res.tally.add(name, f, ent[key], got_emp.get(f))
    truth_pos, got_pos = truth_positions(ent), parsed_positions(parsed)
    for g in got_pos:
        if g.title and EMPLOYMENT_TYPE.match(g.title):
            res.type_titles.append(f"{name}: {g.title!r}")
    res.positions_truth += len(truth_pos)
    for t, g in align(truth_pos, got_pos):
        if t is not None and g is not None:
            res.positions_found += 1
        if t is None:
            res.positions_extra += 1
        for f in POSITION_FIELDS:
            res.tally.add(name, f, value(t, f) if t else None, value(g, f) if g else None)
        _duties(res, name, t, g)
    if td["doc_type"] == "pay_stub":
        _stub_hours(res, name, ent, parsed)


def _duties(res: Result, name: str, t: Pos | None, g: Pos | None) -> None:
    want = [fold(d) for d in (t.duties if t else [])]
    got = [fold(d) for d in (g.duties if g else [])]
    res.duties_truth += len(want)
    res.duties_reported += len(got)
    res.duties_found += sum(any(fuzz.ratio(w, x) >= 90 for x in got) for w in want)
    res.duties_right += sum(any(fuzz.ratio(w, x) >= 90 for w in want) for x in got)
    missed = [w for w in want if not any(fuzz.ratio(w, x) >= 90 for x in got)]
    if missed:
        res.tally.misses.append(
            f"{name}: duties: {len(missed)} of {len(want)} missed: {missed[:2]}"
        )
    extra = [x for x in got if not any(fuzz.ratio(w, x) >= 90 for w in want)]
    if extra:
        res.tally.misses.append(f"{name}: duties: {len(extra)} read, not in truth: {extra[:3]}")


def _stub_hours(res: Result, name: str, ent: dict[str, Any], parsed: ParsedDocument) -> None:
    want = ent.get("hours")
    rows = (plain(parsed.fields) or {}).get("rows") if parsed.fields is not None else None
    got = [r.get("hours") for r in rows or [] if r.get("hours") is not None]
    if want is None:
        if got:
            res.stub_hours_off.append(f"{name}: no hours stated, read {got}")
        return
    if not got or any(abs(float(h) - float(want)) > 1 for h in got):
        res.stub_hours_off.append(f"{name}: hours {want}, read {got or 'none'}")


def run(corpus: str) -> Result:
    res = Result()
    for name, td, case in truth_documents(CORPORA[corpus]):
        doc = extracted(case / td["file"])
        score_document(res, name, td, parse_document(doc))
    return res


# ------------------------------------------------------------------ reporting


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def table(results: dict[str, Result]) -> str:
    names = list(results)
    head = "| measure | " + " | ".join(f"{n} P | {n} R" for n in names) + " |"
    sep = "|---|" + "---:|---:|" * len(names)
    lines = [head, sep]
    kinds = " | ".join(
        f"{r.kinds_right}/{r.docs} = {r.kinds_right / max(r.docs, 1):.3f} | "
        for r in results.values()
    )
    lines.append(f"| document kind | {kinds}")
    pos = " | ".join(
        f"{r.positions_found}/{r.positions_truth} found, {r.positions_extra} extra | "
        f"{r.positions_found / max(r.positions_truth, 1):.3f}"
        for r in results.values()
    )
    lines.append(f"| positions | {pos} |")
    for f in (*POSITION_FIELDS, *DOC_FIELDS):
        cells = " | ".join(f"{_f(r.tally.p(f))} | {_f(r.tally.r(f))}" for r in results.values())
        lines.append(f"| {f} (n={'/'.join(str(r.tally.stated[f]) for r in results.values())}) | "
                     f"{cells} |")  # fmt: skip
    duty = " | ".join(
        f"{_f(r.duties_right / r.duties_reported if r.duties_reported else None)} | "
        f"{_f(r.duties_found / r.duties_truth if r.duties_truth else None)}"
        for r in results.values()
    )
    lines.append(
        f"| duties (n={'/'.join(str(r.duties_truth) for r in results.values())}) | {duty} |"
    )
    stub = " | ".join(f"{len(r.stub_hours_off)} | " for r in results.values())
    lines.append(f"| pay stubs with hours off by > 1 h | {stub}")
    typ = " | ".join(f"{len(r.type_titles)} | " for r in results.values())
    lines.append(f"| employment-type phrase as title | {typ}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default="all", choices=[*CORPORA, "all"])
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--write", action="store_true", help="write BENCHMARKS.md")
    a = ap.parse_args()
    warm_up()
    names = list(CORPORA) if a.corpus == "all" else [a.corpus]
    results = {n: run(n) for n in names if CORPORA[n].exists()}
    body = table(results)
    print(body)
    if a.misses:
        for n, r in results.items():
            print(f"\n## {n}")
            for line in r.kind_misses + r.stub_hours_off + r.type_titles + r.tally.misses:
                print(line)
    if a.write:
        counts = ", ".join(f"{n}: {r.docs} documents" for n, r in results.items())
        write_section(
            "truth_fields",
            f"### Reading documents others wrote (`python -m bench.truth_fields`, parser "
            f"`{PARSER_VERSION}`)\n\n{counts}. {__doc__.split(chr(10) + chr(10))[1]}\n\n{body}",
        )
    sys.exit(0)


if __name__ == "__main__":
    main()
