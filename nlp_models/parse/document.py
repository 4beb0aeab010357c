"""`parse_document`: an ExtractedDocument in, a ParsedDocument out, never an exception."""

from __future__ import annotations

import logging

from extractors.models import ExtractedDocument
from nlp_models.normalize import find_addresses, find_phones, infer_day_first
from nlp_models.normalize.registries import registry_country
from nlp_models.parse.bundles import part_document, split_pages
from nlp_models.parse.context import Ctx, split_lines
from nlp_models.parse.kinds import classify, kind_cues
from nlp_models.parse.language import detect_language
from nlp_models.parse.pipeline import get_nlp
from nlp_models.parse.provenance import PageMap
from nlp_models.parse.version import PARSER_VERSION
from nlp_models.parsed import (
    DocKind,
    Fields,
    Language,
    ParsedDocument,
    ParsedPart,
    ParseFailure,
)

log = logging.getLogger(__name__)

# Enough text for any real document; a hostile one is cut here rather than parsed for minutes.
_MAX_CHARS = 400_000


def parse_document(doc: ExtractedDocument) -> ParsedDocument:
    """Kind, language and typed fields of `doc`. Pure; on an internal failure the document is
    returned as `other` with confidence 0 and the failure recorded (the audit reports it as
    `document.parse_failed` and goes on)."""
    if doc.error is not None or not doc.pages:
        return ParsedDocument(
            kind=DocKind.UNKNOWN, kind_confidence=0, language=Language.OTHER, parser=PARSER_VERSION
        )
    try:
        return _parse(doc)
    except Exception as exc:  # a parser bug must not stop the audit: it is recorded and reported
        log.warning("parsing failed: %s", type(exc).__name__, exc_info=True)
        return ParsedDocument(
            kind=DocKind.OTHER,
            kind_confidence=0,
            language=Language.OTHER,
            parser=PARSER_VERSION,
            failure=ParseFailure(error=type(exc).__name__, message=str(exc)[:300]),
        )


def build_context(doc: ExtractedDocument) -> Ctx:
    pages = PageMap(doc)
    text = pages.text[:_MAX_CHARS]
    if len(text) < len(pages.text):
        pages.text = text
    lang, _ = detect_language(text)
    nlp_doc = get_nlp(lang.value)(text)
    country = _country(text, lang.value)
    ctx = Ctx(doc=doc, lang=lang, nlp_doc=nlp_doc, pages=pages, country=country)
    ctx.day_first = infer_day_first([text], country)
    ctx.lines = split_lines(text)
    return ctx


def _country(text: str, lang: str) -> str | None:
    """The issuer's country: the first address's country, else the first international phone
    number's, else how the company is registered ("Registered in England and Wales")."""
    for a in find_addresses(text[:3000]):
        if a.country:
            return a.country
    for p in find_phones(text[:3000]):
        if p.text.lstrip().startswith("+") and p.region:
            return p.region
    reg = registry_country(text, lang)
    return reg.country if reg is not None else None


def _parse(doc: ExtractedDocument) -> ParsedDocument:
    ctx = build_context(doc)
    ranges = split_pages(ctx)
    if len(ranges) > 1:
        # Several documents in one file: each is read on its own, as if it had come alone.
        parts = tuple(
            ParsedPart(
                first=f, last=e, document=_parse_one(build_context(part_document(doc, f, e)))
            )
            for f, e in ranges
        )
        return ParsedDocument(
            kind=DocKind.BUNDLE,
            kind_confidence=1.0,
            language=ctx.lang,
            kind_cues=(
                f"{len(parts)} documents: pages "
                + ", ".join(f"{p.first}-{p.last} {p.document.kind.value}" for p in parts),
            ),
            parser=PARSER_VERSION,
            parts=parts,
        )
    return _parse_one(ctx)


def _parse_one(ctx: Ctx) -> ParsedDocument:
    kind, confidence = classify(ctx.nlp_doc)
    fields = parse_fields(ctx, kind)
    return ParsedDocument(
        kind=kind,
        kind_confidence=confidence,
        language=ctx.lang,
        fields=fields,
        kind_cues=kind_cues(ctx.nlp_doc, kind),
        parser=PARSER_VERSION,
    )


def parse_fields(ctx: Ctx, kind: DocKind) -> Fields | None:
    # Imported here: each kind's parser is only loaded when a document of that kind comes.
    from nlp_models.parse import (
        bank,
        contracts,
        invoices,
        letters,
        paystubs,
        permits,
        tax_slips,
        transcripts,
    )

    if kind == DocKind.REFERENCE_LETTER:
        return letters.parse_letter(ctx)
    if kind in (DocKind.HR_EMAIL, DocKind.EMPLOYMENT_RECORD):
        return letters.parse_statement(ctx, signed=kind == DocKind.HR_EMAIL)
    if kind == DocKind.ENROLMENT_OR_COMPLETION_LETTER:
        return transcripts.parse_enrolment_letter(ctx)
    if kind in (DocKind.CONTRACT, DocKind.OFFER_LETTER):
        return contracts.parse_contract(ctx)
    if kind == DocKind.PAY_STUB:
        return paystubs.parse_pay_stub(ctx)
    if kind == DocKind.TRANSCRIPT:
        return transcripts.parse_transcript(ctx)
    if kind in (DocKind.STUDY_PERMIT, DocKind.WORK_PERMIT):
        return permits.parse_permit(ctx, kind)
    if kind == DocKind.INVOICE:
        return invoices.parse_invoice(ctx)
    if kind == DocKind.TAX_SLIP:
        return tax_slips.parse_tax_slip(ctx)
    if kind == DocKind.BANK_STATEMENT:
        return bank.parse_bank_statement(ctx)
    return None
