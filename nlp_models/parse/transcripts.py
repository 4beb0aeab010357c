"""Transcripts and enrolment/completion letters: institution, student, program, credential,
completion date and the study terms (dates, full-/part-time, in person or at a distance)."""

from __future__ import annotations

import re

from nlp_models.parse.context import Ctx, trim
from nlp_models.parse.labels import label_date, label_text, phrase_date
from nlp_models.parse.letters import find_applicant, letter_date
from nlp_models.parse.parties import issuer
from nlp_models.parsed import Found, StudyTerm, TranscriptFields

_STATUS = re.compile(
    r"(?P<ft>full[\s-]?time|temps\s+(?:plein|complet))|(?P<pt>part[\s-]?time|temps\s+partiel)", re.I
)
_DELIVERY = re.compile(
    r"(?P<d>online|on-line|distance|remote|virtual|en\s+ligne|[àa]\s+distance)"
    r"|(?P<h>hybrid|blended|hybride)"
    r"|(?P<p>in[\s-]person|on[\s-]campus|in[\s-]class|"
    r"face[\s-]to[\s-]face|classroom|en\s+pr[ée]sentiel|sur\s+le\s+campus)",
    re.I,
)
_TERM_NAME = re.compile(
    r"^(?P<t>(?:fall|autumn|winter|spring|summer|automne|hiver|printemps|[ée]t[ée]|semester|term"
    r"|session|trimester|trimestre|quarter|year|semestre)\s*[\w-]{0,12}(?:\s+\d{4})?)",
    re.I,
)
_PROGRAM = (
    r"program(?:me)?(?:\s+(?:name|of\s+study))?|programme\s+d['’][ée]tudes|field\s+of\s+study|"
    r"course"
)
_CREDENTIAL = r"credential|degree|diploma\s+type|award|dipl[ôo]me|certificate\s+type|qualification"
_COMPLETION = (
    r"completed\s+on|completion\s+date|date\s+of\s+completion|graduat(?:ed|ion)\s+(?:on|date)"
    r"|conferred\s+on|date\s+conferred|termin[ée]\s+le|date\s+d['’]obtention|obtenu\s+le"
)
_PROGRAM_TEXT = re.compile(
    r"(?:enrolled|registered|studying|completed|student)\b[^.\n]{0,60}?\b(?:in|of)\s+(?:the\s+)?"
    r"(?P<p>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of|in|&)){0,8})\s+(?:program|programme)",
)


def parse_transcript(ctx: Ctx) -> TranscriptFields:
    party, _, top_end = issuer(ctx)
    applicant = label_text(
        ctx, r"student(?:'s)?\s+name|name\s+of\s+student|name|nom(?:\s+de\s+l['’][ée]tudiant)?"
    )
    number = label_text(
        ctx,
        r"student\s+(?:number|no\.?|id|#)|student\s+id\s+number|"
        r"matricule|num[ée]ro\s+d['’][ée]tudiant",
    )
    return TranscriptFields(
        institution=party,
        applicant=applicant or find_applicant(ctx, top_end, len(ctx.text), None),
        student_number=number,
        program=label_text(ctx, _PROGRAM) or _program_in_text(ctx),
        credential=_credential(ctx),
        issue_date=label_date(
            ctx,
            r"date\s+(?:issued|of\s+issue|printed)|issue\s+date|"
            r"issued\s+on|date\s+d['’][ée]mission",
        )
        or letter_date(ctx),
        completion_date=label_date(ctx, _COMPLETION) or phrase_date(ctx, _COMPLETION),
        terms=tuple(_terms(ctx)),
    )


def _credential(ctx: Ctx) -> Found[str] | None:
    got = label_text(ctx, _CREDENTIAL)
    if got is not None:
        return got
    m = re.search(
        r"\b(?P<c>(?:advanced\s+|graduate\s+|post-graduate\s+|"
        r"postgraduate\s+)?(?:diploma|certificate"
        r"|bachelor(?:'s)?(?:\s+degree)?|master(?:'s)?(?:\s+degree)?|"
        r"associate\s+degree|doctorate|ph\.?d\.?"
        r"|baccalaur[ée]at|ma[îi]trise|dipl[ôo]me\s+d['’][ée]tudes\s+coll[ée]giales|"
        r"DEC|AEC|attestation\s+d['’][ée]tudes\s+coll[ée]giales))\b",
        ctx.text,
        re.I,
    )
    if m is None:
        return None
    return ctx.found(m.group("c"), m.start("c"), m.end("c"), 0.7)


def _program_in_text(ctx: Ctx) -> Found[str] | None:
    m = _PROGRAM_TEXT.search(ctx.text)
    if m is None:
        return None
    return ctx.found(m.group("p"), m.start("p"), m.end("p"), 0.8)


def _terms(ctx: Ctx) -> list[StudyTerm]:
    """One term per line holding two dates (start and end) of a term table, or per sentence
    "enrolled full-time from X to Y" in a letter."""
    out: list[StudyTerm] = []
    for ln in ctx.lines:
        dates = ctx.dates(ln.start, ln.end)
        if len(dates) < 2:
            continue
        status = _STATUS.search(ctx.text, ln.start, ln.end)
        delivery = _DELIVERY.search(ctx.text, ln.start, ln.end)
        name = _TERM_NAME.match(ln.text)
        if status is None and delivery is None and name is None:
            continue
        fields: dict = {
            "start": ctx.found(dates[0].value, dates[0].start, dates[0].end),
            "end": ctx.found(dates[1].last_day, dates[1].start, dates[1].end),
        }
        if name is not None:
            # The term's name is what comes before its first date ("Fall 2019").
            s, e = trim(ctx.text, ln.start, dates[0].start)
            if e > s:
                fields["term"] = ctx.found(ctx.text[s:e], s, e)
        if status is not None:
            value = "full-time" if status.group("ft") else "part-time"
            fields["status"] = ctx.found(value, status.start(), status.end())
        if delivery is not None:
            value = (
                "distance"
                if delivery.group("d")
                else ("hybrid" if delivery.group("h") else "in-person")
            )
            fields["delivery"] = ctx.found(value, delivery.start(), delivery.end())
        out.append(StudyTerm(**fields))
    if not out:
        out = _terms_in_sentences(ctx)
    return out


def _terms_in_sentences(ctx: Ctx) -> list[StudyTerm]:
    from nlp_models.normalize import find_date_ranges
    from nlp_models.parse.context import shift

    out = []
    for r in find_date_ranges(ctx.text, country=ctx.country, prefer=ctx.prefer):
        r = shift(r, 0)
        lo = max(0, r.start - 160)
        sent_lo = max(ctx.text.rfind(".", lo, r.start), ctx.text.rfind("\n\n", lo, r.start), lo)
        sent_hi = ctx.text.find(".", r.end)
        sent_hi = len(ctx.text) if sent_hi < 0 else sent_hi
        status = _STATUS.search(ctx.text, sent_lo, sent_hi)
        if status is None:
            continue
        fields: dict = {
            "start": ctx.found(r.start_date.value, r.start_date.start, r.start_date.end)
        }
        if r.end_date is not None:
            fields["end"] = ctx.found(r.end_date.last_day, r.end_date.start, r.end_date.end)
        fields["status"] = ctx.found(
            "full-time" if status.group("ft") else "part-time", status.start(), status.end()
        )
        delivery = _DELIVERY.search(ctx.text, sent_lo, sent_hi)
        if delivery is not None:
            value = (
                "distance"
                if delivery.group("d")
                else ("hybrid" if delivery.group("h") else "in-person")
            )
            fields["delivery"] = ctx.found(value, delivery.start(), delivery.end())
        out.append(StudyTerm(**fields))
    return out


def parse_enrolment_letter(ctx: Ctx):
    """Enrolment and completion letters are letters (nlp_models.parsed.LetterFields)."""
    from nlp_models.parse.letters import parse_letter

    return parse_letter(ctx)
