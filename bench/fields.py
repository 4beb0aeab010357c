"""Field extraction accuracy and speed of the parsing stage (`python -m bench.fields`).

Every fixture document with truth `fields` is extracted, parsed and compared field by field with
the generator's truth: precision = correct extracted / extracted, recall = correct extracted /
truth values, separately for text documents and for OCR'd ones (scans, photos, image pages).
Values are compared normalised: ISO dates, money as amount + currency + period, names without
case, spacing, accents or honorifics, duties by fuzzy ratio >= 90.

A truth value the document does not state (the generator's model knows the employer's web site
even when a contract never prints it) cannot be extracted; such values are left out and counted.
Extractions are cached under build/bench-fields/ (keyed by file hash and extractor version).
"""

from __future__ import annotations

import hashlib
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from bench.common import REPO, write_section
from extractors.extract import engine_version, extract
from extractors.models import ExtractedDocument
from fixtures.formats import EN_MONTHS, FR_MONTHS
from nlp_models.normalize import parse_country
from nlp_models.parse import PARSER_VERSION, parse_document, warm_up
from nlp_models.parsed import ParsedDocument

CASES = REPO / "fixtures" / "cases"
CACHE = REPO / "build" / "bench-fields"
HONORIFICS = re.compile(r"^(?:mr|ms|mrs|miss|dr|mme|m|monsieur|madame|prof)\.?\s+", re.I)
MONTHS_EN, MONTHS_FR = list(EN_MONTHS), list(FR_MONTHS)  # the generator's own spellings


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


def documents(cases: Path = CASES) -> list[tuple[str, dict[str, Any], Path]]:
    out = []
    for truth_file in sorted(cases.glob("*.truth.json")):
        case = truth_file.name.removesuffix(".truth.json")
        for name, doc in json.loads(truth_file.read_text())["documents"].items():
            if doc.get("fields") and not doc.get("error"):
                out.append((f"{case}/{name}", doc, cases / case / name))
    return out


# ------------------------------------------------------------------ normalising


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip(" .,;:")


def name_key(text: str) -> str:
    return HONORIFICS.sub("", fold(text))


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


def parsed_view(parsed: ParsedDocument) -> dict[str, Any]:
    """The parsed fields in the truth's shape (derived keys: end "present", letter benefits)."""
    if parsed.fields is None:
        return {}
    view = plain(parsed.fields)
    for pos in view.get("positions", []):
        if pos.get("end") is None and pos.get("is_current"):
            pos["end"] = "present"
    benefits = [p.get("benefits") for p in view.get("positions", []) if p.get("benefits")]
    view["benefits"] = benefits[0] if benefits else None
    return view


def same(field: str, truth: Any, got: Any) -> bool:
    if got is None:
        return False
    leaf = field.rsplit(".", 1)[-1]
    if isinstance(truth, dict) and "amount" in truth:
        return (
            isinstance(got, dict)
            and abs(float(got.get("amount") or 0) - float(truth["amount"])) < 0.01
            and got.get("currency") == truth.get("currency")
            and got.get("period") == truth.get("period")
        )
    if isinstance(truth, bool) or isinstance(got, bool):
        return truth == got
    if isinstance(truth, (int, float)):
        try:
            return abs(float(got) - float(truth)) < 0.006
        except (TypeError, ValueError):
            return False
    if isinstance(got, date):
        got = got.isoformat()
    if leaf == "phone":
        return re.sub(r"\D", "", str(truth)) == re.sub(r"\D", "", str(got))
    if leaf == "country":
        c = parse_country(str(truth))
        return (c.alpha2 if c else truth) == got
    if leaf == "website":
        strip = lambda s: re.sub(r"^(?:https?://)?(?:www\.)?", "", str(s).lower()).rstrip("/")  # noqa: E731
        return strip(truth) == strip(got)
    if leaf in ("applicant", "name", "payee", "legal_name", "account_holder", "holder"):
        return name_key(truth) == name_key(got)
    return fold(truth) == fold(got)


# ------------------------------------------------------------------ is it stated?


def _date_forms(iso: str) -> list[str]:
    d = date.fromisoformat(iso)
    m_en, m_fr = MONTHS_EN[d.month - 1], MONTHS_FR[d.month - 1]
    day_fr = "1er" if d.day == 1 else str(d.day)
    return [
        iso, f"{m_en} {d.day}, {d.year}", f"{d.day} {m_en} {d.year}",
        f"{m_en[:3]} {d.day:02d}, {d.year}", f"{m_en[:3]} {d.day}, {d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.month:02d}/{d.day:02d}/{d.year}",
        f"{day_fr} {m_fr} {d.year}", f"{d.day} {m_fr} {d.year}",
        f"{d.day:02d}-{m_en[:3]}-{d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}",
    ]  # fmt: skip


def _number_forms(v: float) -> list[str]:
    forms = {f"{v:,.2f}", f"{v:.2f}", f"{v:g}", f"{v:,.2f}".replace(",", " "), f"{v:.1f}"}
    if float(v).is_integer():
        n = int(v)
        forms |= {f"{n:,}", str(n), f"{n:,}".replace(",", " "), f"{n:,}".replace(",", ".")}
        s = str(n)
        if len(s) > 3:  # Indian grouping 6,50,000
            head, tail = s[:-3], s[-3:]
            groups = []
            while len(head) > 2:
                groups.insert(0, head[-2:])
                head = head[:-2]
            forms.add(",".join([head, *groups, tail]) if head else ",".join([*groups, tail]))
    return [fold(f) for f in forms]


def stated(field: str, value: Any, text: str) -> bool:
    leaf = field.rsplit(".", 1)[-1]
    if value is None:
        return False
    if isinstance(value, bool) or leaf in (
        "letterhead",
        "currency",
        "status",
        "delivery",
        "relationship_type",
    ):
        return True
    if isinstance(value, dict) and "amount" in value:
        return stated(field + ".amount", value["amount"], text)
    if isinstance(value, (int, float)):
        return any(f in text for f in _number_forms(float(value)))
    value = str(value)
    if value == "present":
        return bool(re.search(r"present|to date|currently|ce jour|depuis|since|actuel", text))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return any(fold(f) in text for f in _date_forms(value))
    if leaf == "phone":
        return re.sub(r"\D", "", value)[-10:] in re.sub(r"\D", "", text)
    if leaf == "website":
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", value.lower())
        # Not the domain of an e-mail address ("hr@acme.ca" does not state "www.acme.ca").
        return re.search(rf"(?<![@\w.-])(?:www\.)?{re.escape(host)}", text) is not None
    if leaf in ("duties", "conditions"):
        return fuzz.partial_ratio(fold(value), text) >= 90
    return name_key(value) in text or fold(value) in text


# ------------------------------------------------------------------ comparing


class Tally:
    def __init__(self) -> None:
        self.correct: dict[str, int] = defaultdict(int)
        self.extracted: dict[str, int] = defaultdict(int)
        self.truth: dict[str, int] = defaultdict(int)
        self.unstated = 0
        self.skipped: set[str] = set()
        self.misses: list[str] = []

    def add(self, doc: str, field: str, truth: Any, got: Any, text: str) -> None:
        if truth is not None and not stated(field, truth, text):
            self.unstated += 1
            return
        if truth is not None:
            self.truth[field] += 1
        if got is not None and got != [] and got != "":
            self.extracted[field] += 1
            if truth is not None and same(field, truth, got):
                self.correct[field] += 1
                return
        if truth is not None or (got is not None and got != []):
            self.misses.append(f"{doc}: {field}: truth={truth!r} got={got!r}")


# Discriminators and defaults every parse has: comparing them would only inflate the figures.
_META = frozenset({"form", "start_precision", "end_precision"})


def compare(
    doc: str, truth: dict[str, Any], got: dict[str, Any], text: str, tally: Tally, prefix: str = ""
) -> None:
    for key, tv in truth.items():
        field = f"{prefix}{key}"
        if key in _META:
            continue
        if key not in got:
            tally.skipped.add(field)
            continue
        gv = got[key]
        if isinstance(tv, dict) and "amount" not in tv:
            compare(doc, tv, gv if isinstance(gv, dict) else {}, text, tally, field + ".")
        elif key == "duties" or (isinstance(tv, list) and tv and not isinstance(tv[0], dict)):
            _duties(doc, field, tv or [], gv or [], text, tally)
        elif isinstance(tv, list):
            _records(doc, field, tv, gv or [], text, tally)
        else:
            tally.add(doc, field, tv, gv, text)


def _records(doc: str, field: str, truth: list, got: list, text: str, tally: Tally) -> None:
    # Records are aligned by their first date when they have one, else by position.
    def key(r: dict) -> Any:
        for k in ("start", "period_start", "pay_date", "date"):
            if isinstance(r, dict) and r.get(k):
                v = r[k]
                return v.isoformat() if isinstance(v, date) else v
        return None

    by_key = {key(g): g for g in got if key(g) is not None}
    used: set[int] = set()
    for i, tr in enumerate(truth):
        match = by_key.get(key(tr)) if key(tr) is not None else None
        if match is None and i < len(got) and key(tr) is None:
            match = got[i]
        if match is not None:
            used.add(id(match))
        compare(doc, tr, match or {k: None for k in tr}, text, tally, field + ".")
    for g in got:
        if id(g) not in used and truth:
            compare(doc, {k: None for k in truth[0]}, g, text, tally, field + ".")


def _duties(
    doc: str, field: str, truth: list[str], got: list[str], text: str, tally: Tally
) -> None:
    left = [fold(g) for g in got]
    for t in truth:
        if not stated(field, t, text):
            tally.unstated += 1
            continue
        tally.truth[field] += 1
        best = max(((fuzz.ratio(fold(t), g), i) for i, g in enumerate(left)), default=(0, -1))
        if best[0] >= 90:
            tally.correct[field] += 1
            tally.extracted[field] += 1
            left.pop(best[1])
        else:
            tally.misses.append(f"{doc}: {field}: missing {t[:60]!r}")
    tally.extracted[field] += len(left)
    for g in left:
        tally.misses.append(f"{doc}: {field}: extra {g[:60]!r}")


# ------------------------------------------------------------------ report


def _pr(c: int, x: int, t: int) -> tuple[str, str]:
    p = f"{c / x:.3f}" if x else "-"
    r = f"{c / t:.3f}" if t else "-"
    return p, r


def table(tallies: dict[str, Tally]) -> str:
    fields = sorted({f for t in tallies.values() for f in (*t.truth, *t.extracted)})
    head = "| field | " + " | ".join(f"{g} P | {g} R | {g} n" for g in tallies) + " |"
    sep = "|---|" + "---:|---:|---:|" * len(tallies)
    rows = [head, sep]
    for f in fields:
        cells = []
        for t in tallies.values():
            p, r = _pr(t.correct[f], t.extracted[f], t.truth[f])
            cells += [p, r, str(t.truth[f])]
        rows.append(f"| `{f}` | " + " | ".join(cells) + " |")
    cells = []
    for t in tallies.values():
        c, x, n = sum(t.correct.values()), sum(t.extracted.values()), sum(t.truth.values())
        p, r = _pr(c, x, n)
        cells += [f"**{p}**", f"**{r}**", str(n)]
    rows.append("| **all fields** | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    # An optional folder of cases (default fixtures/cases); BENCHMARKS.md is written either way.
    docs = documents(Path(args[0]) if args else CASES)
    if not docs:
        print("no fixture truth found: run `make fixtures` first", file=sys.stderr)
        return 1
    warm_up()
    tallies = {"text": Tally(), "OCR": Tally()}
    kinds_ok = kinds_n = 0
    one_page_ms: list[float] = []
    all_ms: list[float] = []
    for name, truth, path in docs:
        doc = extracted(path)
        group = (
            "OCR"
            if truth["source"] in ("scan", "mixed") or any(p.method == "ocr" for p in doc.pages)
            else "text"
        )
        runs = []
        parsed = None
        for _ in range(5):
            t0 = time.perf_counter()
            parsed = parse_document(doc)
            runs.append((time.perf_counter() - t0) * 1000)
        assert parsed is not None
        ms = min(runs)
        all_ms.append(ms)
        if len(doc.pages) == 1:
            one_page_ms.append(ms)
        kinds_n += 1
        kinds_ok += parsed.kind.value == truth["kind"]
        text = fold(
            " ".join(
                [ln for p in truth["pages"] for ln in p["lines"]]
                + [c for p in truth["pages"] for t in p.get("tables", []) for r in t for c in r]
            )
        )
        compare(name, truth["fields"], parsed_view(parsed), text, tallies[group])
    tallies = {k: v for k, v in tallies.items() if v.truth}
    for g, t in tallies.items():
        c, x, n = sum(t.correct.values()), sum(t.extracted.values()), sum(t.truth.values())
        print(f"{g}: precision {c / max(x, 1):.3f} recall {c / max(n, 1):.3f} ({n} truth values)")
        for miss in t.misses:
            print("   ", miss)
    p50 = statistics.median(one_page_ms) if one_page_ms else 0.0
    p90 = sorted(one_page_ms)[int(0.9 * (len(one_page_ms) - 1))] if one_page_ms else 0.0
    skipped = sorted({f for t in tallies.values() for f in t.skipped})
    unstated = sum(t.unstated for t in tallies.values())
    case_names = sorted({n.split("/")[0] for n, _, _ in docs})
    body = "\n".join(
        [
            f"### Field extraction (`python -m bench.fields`, parser `{PARSER_VERSION}`)",
            "",
            f"{len(docs)} fixture documents with truth fields ({', '.join(case_names)}); "
            f"document kind right for {kinds_ok}/{kinds_n}. P = correct extracted / extracted, "
            "R = correct extracted / truth values, n = truth values; text = text layer, DOCX, "
            "TXT; OCR = scans, photos and image pages. Target: >= 0.95 on text, >= 0.90 on OCR.",
            "",
            table(tallies),
            "",
            f"Left out: {unstated} truth values the document does not state. Truth keys with "
            f"no ParsedDocument field: {', '.join(f'`{s}`' for s in skipped) or 'none'}.",
            "",
            f"Speed (after start-up, best of 5 runs per document): one-page document median "
            f"{p50:.1f} ms, p90 {p90:.1f} ms (target <= 20 ms); all {len(all_ms)} documents "
            f"median {statistics.median(all_ms):.1f} ms.",
        ]
    )
    write_section("fields", body)
    print(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
