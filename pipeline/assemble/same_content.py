"""Documents that state the same content under another file: a typed letter and its scan, a
pay stub saved twice as PDF and photo. Compared by what was read (dates, periods, amounts), not
by bytes or raw text, so OCR noise does not hide the twin and two letters of one template with
different facts are not twins."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nlp_models.parsed import LetterFields, PayStubFields

# The copy kept as the original: the one read from text before the one read by OCR.
_READ_ORDER = {"text": 0, "docx": 0, "plain": 0, "mixed": 1, "ocr": 2}


def _key(doc: Any) -> tuple | None:
    parsed = doc.parsed
    fields = parsed.fields if parsed is not None else None
    if isinstance(fields, LetterFields):
        periods = frozenset(
            (p.start.value, p.end.value if p.end else None) for p in fields.positions if p.start
        )
        if fields.letter_date is None or not periods:
            return None  # too little read to call two letters the same
        return ("letter", parsed.kind.value, fields.letter_date.value, periods)
    if isinstance(fields, PayStubFields):
        rows = tuple(
            (r.period_start.value if r.period_start else None,
             r.period_end.value if r.period_end else None,
             round(r.gross.value, 2) if r.gross else None)
            for r in fields.rows
        )  # fmt: skip
        if not rows or any(r[0] is None or r[2] is None for r in rows):
            return None
        return ("stub", rows)
    return None


def same_content(documents: Sequence[Any]) -> dict[str, str]:
    """path → path of the document it repeats, for each later copy of the same content."""
    first: dict[tuple, Any] = {}
    twins: dict[str, str] = {}
    ordered = sorted(
        (d for d in documents if d.report.duplicate_of is None),
        key=lambda d: (_READ_ORDER.get(d.report.read.value, 1), d.report.path),
    )
    for doc in ordered:
        key = _key(doc)
        if key is None:
            continue
        if key in first:
            twins[doc.report.path] = first[key].report.path
        else:
            first[key] = doc
    return twins
