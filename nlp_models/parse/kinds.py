"""Document kind from weighted cue phrases (patterns.KIND_CUES, matched by the spaCy pipeline).

Each kind scores the weights of its cues found (each phrase counted at most twice); a cue in
the first lines of the document — where titles are — counts double. The confidence is the
winner's share of the evidence, damped when there is little of it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span

from nlp_models.parse.kind_structure import structure_scores
from nlp_models.parsed import DocKind

_MIN_SCORE = 4.0  # below this, the document is "other"
_HEAD_CHARS = 400  # the top of page 1, where the title sits


def kind_scores(doc: Doc) -> dict[str, float]:
    return _scores(doc.spans.get("cues", []), 0)


def _scores(spans: Iterable[Span], lo: int) -> dict[str, float]:
    """Cue weights per kind of the cue spans of a text that starts at `lo` (a page of a
    bundle: its own top is its head)."""
    seen: Counter[tuple[str, str]] = Counter()
    scores: dict[str, float] = {}
    for span in spans:
        kind, weight = span.label_.split("|")
        key = (kind, span.text.lower())
        seen[key] += 1
        if seen[key] > 2:
            continue
        w = float(weight) * (2 if span.start_char - lo < _HEAD_CHARS else 1)
        scores[kind] = scores.get(kind, 0.0) + w
    return scores


def kind_cues(doc: Doc, kind: DocKind) -> tuple[str, ...]:
    """The evidence for `kind`: its cue phrases found (strongest first), then the structures."""
    weights: dict[str, float] = {}
    for span in doc.spans.get("cues", []):
        k, weight = span.label_.split("|")
        if k == kind.value:
            phrase = span.text.lower()
            weights[phrase] = max(weights.get(phrase, 0.0), float(weight))
    phrases = sorted(weights, key=lambda p: -weights[p])[:6]
    _, why = structure_scores(doc.text)
    return tuple(f'"{p}"' for p in phrases) + tuple(why)


def classify(doc: Doc) -> tuple[DocKind, float]:
    return _classify(kind_scores(doc), doc.text)


def classify_pages(doc: Doc, starts: Sequence[int], text: str) -> list[tuple[DocKind, float]]:
    """The kind of each page of `text` (doc's text; `starts`: each page's first character),
    from the cue spans on it and its own structures, in one pass over the spans."""
    bounds = [*starts, len(text)]
    by_page: list[list[Span]] = [[] for _ in starts]
    for span in doc.spans.get("cues", []):
        by_page[max(0, bisect_right(starts, span.start_char) - 1)].append(span)
    return [
        _classify(_scores(spans, bounds[i]), text[bounds[i] : bounds[i + 1]])
        for i, spans in enumerate(by_page)
    ]


def _classify(scores: dict[str, float], text: str) -> tuple[DocKind, float]:
    """The kind a text's cue scores and structures give, and the confidence in it."""
    structure, _ = structure_scores(text)
    for kind, weight in structure.items():
        scores[kind] = scores.get(kind, 0.0) + weight
    _refine(scores)
    _promote_permits(text, scores)
    if not scores:
        return DocKind.OTHER, 0.5
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top < _MIN_SCORE:
        return DocKind.OTHER, round(0.5 + 0.1 * (_MIN_SCORE - top), 2)
    confidence = (top - second) / top * min(1.0, top / 8) * 0.5 + 0.5 * min(1.0, top / 10)
    return DocKind(best), round(max(0.05, min(0.99, confidence + 0.2)), 2)


def _refine(scores: dict[str, float]) -> None:
    # An e-mail or an HR system print that confirms employment is its own kind, not a letter
    # (no letterhead or signature is expected of it); an offer letter is a contract's kin.
    letter = scores.get("reference_letter", 0.0)
    if "hr_email" in scores:
        scores["hr_email"] += letter
    if letter >= 8:  # a signed verification form, though laid out like a record
        scores.pop("employment_record", None)
    elif scores.get("employment_record", 0.0) >= 6:
        scores["employment_record"] += letter
    if "offer_letter" in scores:
        scores["offer_letter"] += scores.get("contract", 0.0)


def _promote_permits(text: str, scores: dict[str, float]) -> None:
    # A study permit also says "work" (its conditions); a work permit may name a school. The
    # permit's own title decides between them.
    opening = text[:400].lower()
    head = opening[:150]
    if "study permit" in head or "permis d'études" in head:
        scores["study_permit"] = scores.get("study_permit", 0.0) + 6
    elif "work permit" in head or "permis de travail" in head:
        scores["work_permit"] = scores.get("work_permit", 0.0) + 6
    elif "permit" not in opening and "permis" not in opening:
        # A permit is titled as one; a letter addressed to IRCC is not a permit.
        scores.pop("study_permit", None)
        scores.pop("work_permit", None)
