"""The parser never raises and never fails: random text, adversarial strings, OCR noise, odd
documents are parsed without an internal error (a swallowed exception is recorded in
`ParsedDocument.failure`, and would fail these tests)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from extractors.models import ErrorKind, ExtractedDocument, Page, ReadMethod, Word, failed
from nlp_models.parse import parse_document
from nlp_models.parsed import DocKind, ParsedDocument
from pipeline.fields_view import print_fields
from tests.nlp_models.parse_helpers import text_doc

ADVERSARIAL = [
    "",
    "\n\n\f\n",
    "$" * 500,
    "Ltd. " * 400,
    "Period: 31/02/2023 to 99/99/9999 - present - present",
    "Mr. " * 300 + "Smith",
    "Hours of work: " + "9" * 60 + " hours per week",
    "- \n- \n-\n" * 50,
    "EARNINGS STATEMENT\nEmployee Employee ID Period start Period end Pay date\n1 2 3 4 5 6 7 8 9",
    "T4 Box 14 Employment income: ,,,,.... Box 10 Province of employment: ZZ",
    "Sincerely,\n" * 20,
    "From 2020 to 2019, she worked as as as as as on on",
    "\u202e\u0000\ufeff" * 30 + "To whom it may concern",
    "Bill to:\nTotal due: $",
    "CONDITIONS:\n" + "MAY WORK OFF CAMPUS\n" * 30,
]


def _check(parsed: ParsedDocument) -> None:
    assert parsed.failure is None, f"the parser failed: {parsed.failure}"
    assert 0 <= parsed.kind_confidence <= 1


def test_adversarial_strings() -> None:
    for text in ADVERSARIAL:
        _check(parse_document(text_doc(text)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    _check(parse_document(text_doc(text)))


_VOCAB = st.sampled_from(
    [
        "To",
        "whom",
        "it",
        "may",
        "concern",
        "Period",
        ":",
        "from",
        "to",
        "present",
        "Inc.",
        "Ltd.",
        "hours",
        "per",
        "week",
        "$",
        "52,650.00",
        "per",
        "year",
        "-",
        "•",
        "Main",
        "duties",
        "Sincerely,",
        "Mr.",
        "Ms.",
        "EARNINGS",
        "STATEMENT",
        "Gross",
        "Net",
        "CPP",
        "EI",
        "2024-01-05",
        "January",
        "3,",
        "2023",
        "03/04/2022",
        "Employee",
        "ID",
        "Term",
        "Start",
        "End",
        "Full-time",
        "Online",
        "INVOICE",
        "Total",
        "T4",
        "Box",
        "14",
        "WORK",
        "PERMIT",
        "Expiry",
        "date",
        "Conditions",
        "\n",
        "\n\n",
        "0ct",
        "l9",
        "2O23",
        "Ju1y",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_VOCAB, max_size=120), st.integers(min_value=1, max_value=3))
def test_document_like_word_salad(words: list[str], pages: int) -> None:
    text = " ".join(words)
    chunk = max(1, len(text) // pages)
    parsed = parse_document(
        text_doc(*[text[i : i + chunk] for i in range(0, len(text), chunk)] or [""])
    )
    _check(parsed)
    print_fields(parsed, Console(record=True, width=120))


def test_failed_extraction_is_unknown() -> None:
    parsed = parse_document(failed("application/pdf", ErrorKind.CORRUPT, "bad xref", "test"))
    assert parsed.kind == DocKind.UNKNOWN and parsed.kind_confidence == 0


def test_words_with_boxes_outside_the_text() -> None:
    # Words whose spans do not fit the page text (a broken extractor) must not break provenance.
    page = Page(
        number=1, method=ReadMethod.OCR, width=612, height=792,
        text="EARNINGS STATEMENT\nGross pay: 100.00\nNet pay: 80.00",
        words=(Word("EARNINGS", 0, 8, 1, 1, 50, 10, 90), Word("ghost", 500, 505, 1, 1, 2, 2, 10)),
    )  # fmt: skip
    doc = ExtractedDocument(media_type="image/png", read=ReadMethod.OCR, pages=(page,), engine="t")
    parsed = parse_document(doc)
    assert parsed.kind == DocKind.PAY_STUB
    (row,) = parsed.fields.rows
    assert (row.gross.value, row.net.value) == (100.0, 80.0)


def test_fields_view_prints_values_with_quotes(extracted) -> None:
    parsed = parse_document(extracted("carter_clean", "reference_letter_redwood.pdf"))
    console = Console(record=True, width=200)
    print_fields(parsed, console)
    out = console.export_text()
    assert "reference_letter" in out
    assert "positions[2].pay" in out and "amount=62400" in out
    assert "$62,400.00 per year" in out  # the quoted words
    assert "signatory.name" in out and "Daniel Okafor" in out
