"""Imported by the batch's fork server: fills what every case reads and never changes (the NOC
index, the embedding model, the spaCy pipelines, the Tesseract engines, and the lazily built
gazetteers, patterns and caches behind them) by auditing a small sample case once. Each case
forked from the server then starts warm, sharing that memory copy-on-write: measured, a first
audit in a process takes about 1.2 s where the next ones take 0.2 s."""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from pathlib import Path

# A reference letter in the project's own words: enough for every stage to run once.
SAMPLE_LETTER = """Northwind Logistics Inc.
410 Harbour Street, Halifax, NS B3H 1A1 · (902) 555-0148

May 2, 2025

To whom it may concern,

This letter confirms that Dana Wells has worked for Northwind Logistics Inc. as a Logistics
Analyst from March 4, 2022 to the present, full time, 37.5 hours per week, at an annual salary
of $61,000 CAD plus health benefits.

Her main duties are:
- Analyse shipping volumes and carrier costs and recommend changes to routes
- Prepare weekly reports on inventory levels for the operations manager
- Coordinate with suppliers to resolve delivery delays

Sincerely,
Morgan Hale
Human Resources Manager
"""


def warm() -> None:
    from extractors.tesseract_api import warm as warm_ocr
    from nlp_models.parse.language import identifier
    from nlp_models.parse.pipeline import warm_up
    from pipeline.audit import AuditOptions, audit

    identifier()  # forms without function words (pay histories) need it; a letter does not
    warm_up()  # both pipelines: a case in French would otherwise build its own
    # Missing NOC data or Tesseract is each case's own error, reported in its row.
    with (
        tempfile.TemporaryDirectory(prefix="evidence-warm-") as tmp,
        contextlib.suppress(Exception),
    ):
        folder = Path(tmp)
        (folder / "reference_letter.txt").write_text(SAMPLE_LETTER, encoding="utf-8")
        audit(AuditOptions(folder=folder, jobs=1, use_cache=False, as_of=dt.date(2025, 6, 1)))
    # The OCR engines too: a case forked from here keeps them (one OpenMP thread: fork-safe).
    warm_ocr(("eng", "eng+fra", "osd"))


warm()
