"""Document quality (R-DOC): unreadable, duplicate, OCR, language and translation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.context import Context
from checks.findings import Severity
from checks.models import DocKind, ErrorKind, Program, ReadMethod
from checks.registry import Hit, rule

ALL = tuple(Program)
W, E, INFO = Severity.WARNING, Severity.ERROR, Severity.INFO
OFFICIAL = {"en", "fr"}


@rule(
    "EV801",
    "document.unreadable",
    E,
    programs=ALL,
    cites=["R-DOC-8"],
    summary="A file could not be read",
    what="Files that are encrypted, corrupt, empty, too large, unsupported, or whose OCR failed "
    "or timed out.",
    why="Nothing in an unreadable file can be checked; an officer may not be able to read it "
    "either (R-DOC-8).",
    example="A password-protected PDF pay stub.",
    fix="Supply an unlocked, complete copy in PDF, image, DOCX or text form.",
)
def unreadable(ctx: Context) -> Iterator[Hit]:
    for d in ctx.case.documents:
        if d.error is not None:
            detail = f" ({d.error_detail})" if d.error_detail else ""
            yield Hit(
                f"{d.path}: could not be read: {d.error.value}{detail}.",
                severity=W if d.error is ErrorKind.UNSUPPORTED else E,
                documents=d.files,
                subject=d.path,
            )


@rule(
    "EV808",
    "document.parse_failed",
    W,
    programs=ALL,
    cites=["R-DOC-8"],
    summary="A file was read but its contents could not be interpreted",
    what="The text of the file was read, but the parser failed on it (an internal error): its "
    "kind, positions, hours and pay are missing from the audit.",
    why="Hours or positions stated in that file are not counted; without this warning they would "
    "disappear without a word.",
    example="A letter on which the parser raised ValueError.",
    fix="Check the file by hand (`evidence extract FILE --fields`) and report the error with it.",
)
def parse_failed(ctx: Context) -> Iterator[Hit]:
    for d in ctx.case.documents:
        if d.parse_failure is not None:
            yield Hit(
                f"{d.path}: read, but not interpreted ({d.parse_failure}); what it states is "
                "missing from this audit.",
                documents=d.files,
                subject=d.path,
            )


@rule(
    "EV802",
    "document.duplicate",
    INFO,
    programs=ALL,
    cites=["R-DOC-8"],
    summary="The same document is in the folder twice",
    what="Files with the same bytes, or the same text under another name.",
    why="Duplicate or mislabelled uploads are a common self-inflicted problem (R-DOC-8).",
    example="letter.pdf and letter (1).pdf.",
    fix="Keep one copy; if the texts match but files differ, check which version is final.",
)
def duplicate(ctx: Context) -> Iterator[Hit]:
    for d in ctx.case.documents:
        if d.duplicate_of:
            same_text = d.duplicate_reason == "same_text"
            yield Hit(
                f"{d.path} duplicates {d.duplicate_of}"
                + (" (the same content in another file)." if same_text else " (same bytes)."),
                severity=W if same_text else INFO,
                documents=(*d.files, d.duplicate_of),
                subject=d.path,
            )


@rule(
    "EV803",
    "document.ocr",
    INFO,
    programs=ALL,
    cites=["R-DOC-8"],
    summary="A document was read by OCR",
    what="Notes documents (or pages) read by optical character recognition.",
    why="OCR text may contain misreadings; quoted evidence should be checked against the page.",
    example="A phone photo of a reference letter.",
    fix="Nothing to fix; prefer original digital documents where available.",
)
def ocr(ctx: Context) -> Iterator[Hit]:
    for d in ctx.case.documents:
        if d.read in (ReadMethod.OCR, ReadMethod.MIXED):
            conf = (
                f" (mean confidence {d.ocr_confidence:.0%})" if d.ocr_confidence is not None else ""
            )
            yield Hit(f"{d.path} was read by OCR{conf}.", documents=d.files, subject=d.path)


@rule(
    "EV804",
    "document.low_confidence",
    W,
    programs=ALL,
    cites=["R-DOC-8"],
    summary="OCR confidence is low",
    what="Mean OCR word confidence below the configured threshold.",
    why="Scans must be legible and complete (R-DOC-8); low confidence means an officer may "
    "struggle too.",
    example="A skewed, blurred photo read at 45 % confidence.",
    fix="Rescan at 300 dpi, flat and in good light, or get the original PDF.",
)
def low_confidence(ctx: Context) -> Iterator[Hit]:
    threshold = ctx.param("ocr_low_confidence")
    for d in ctx.case.documents:
        if d.ocr_confidence is not None and d.ocr_confidence < threshold:
            said = (
                "OCR found no legible text on it (a blank page, or a scan too faint or small "
                "to read)"
                if d.ocr_confidence == 0  # no word at all: a mean of nothing
                else f"OCR confidence {d.ocr_confidence:.0%} is below {threshold:.0%}"
            )
            yield Hit(
                f"{d.path}: {said}.",
                documents=d.files,
                subject=d.path,
            )


@rule(
    "EV805",
    "document.french",
    INFO,
    programs=ALL,
    cites=["R-DOC-1"],
    summary="A French document (fine for IRCC)",
    what="Notes French-language documents.",
    why="English and French are both accepted without translation (R-DOC-1).",
    example="Une lettre d'emploi en français.",
    fix="Nothing to fix.",
)
def french(ctx: Context) -> Iterator[Hit]:
    for d in ctx.case.documents:
        if d.language == "fr":
            yield Hit(
                f"{d.path} is in French (accepted by IRCC).", documents=d.files, subject=d.path
            )


@rule(
    "EV806",
    "document.translation_required",
    E,
    programs=ALL,
    cites=["R-DOC-1", "R-DOC-2"],
    summary="Neither English nor French, without a complete translation package",
    what="A document in another language comes with a translation, a translator's affidavit "
    "(unless the translator is certified in Canada) and a certified copy of the original.",
    why="IRCC requires all three (R-DOC-1, R-FOR-2); family members may not translate (R-DOC-2).",
    example="A Spanish reference letter with only an uncertified English translation.",
    fix="Get a certified translation (or an affidavit from the translator) and a certified copy "
    "of the original.",
)
def translation_required(ctx: Context) -> Iterator[Hit]:
    surname = ctx.case.applicant.split()[-1].lower() if ctx.case.applicant else None
    for d in ctx.case.documents:
        if d.language is None or d.language in OFFICIAL or d.kind is DocKind.TRANSLATION:
            continue
        t = d.translation
        missing = []
        if t is None or t.translation_document is None:
            missing.append("a translation")
        if t is None or not (t.affidavit_present or t.translator_certified_in_canada):
            missing.append("a translator's affidavit (or a translator certified in Canada)")
        if t is None or not t.certified_copy_present:
            missing.append("a certified copy of the original")
        if missing:
            yield Hit(
                f"{d.path} is in {d.language!r}; missing: {'; '.join(missing)}.",
                documents=d.files,
                subject=d.path,
            )
        if t and t.translator_name and surname and t.translator_name.split()[-1].lower() == surname:
            yield Hit(
                f"{d.path}: the translator shares the applicant's surname; translations "
                "by family members are not accepted.",
                severity=W,
                documents=d.files,
                subject=d.path,
                extra_citations=("R-DOC-2",),
            )
