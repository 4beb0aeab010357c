"""Reference letters (and enrolment/completion letters): employer, letterhead, applicant,
signatory, letter date and positions."""

from __future__ import annotations

import re

from nlp_models.parse.context import Ctx, trim
from nlp_models.parse.letterhead import top_lines
from nlp_models.parse.parties import issuer
from nlp_models.parse.patterns import ANGLE_ADDRESS
from nlp_models.parse.positions import parse_positions
from nlp_models.parse.signatory import closing_line, is_person, signatory, strip_honorific
from nlp_models.parse.titles import is_company
from nlp_models.parse.unread import letter_unread, position_unread
from nlp_models.parsed import Found, LetterFields, Signatory, updated

_DATE_LABEL = re.compile(
    r"^(?:date(?:d)?|le|fait\s+le|issued\s+on|date\s+of\s+issue)\s*[:\-]?\s*", re.I
)
# The issuing formula of certificates: "Given this 10th day of February 2025 at Cebu City",
# "Issued on 3 March 2025 at Pune", "Fait à Lyon, le 2 mai 2024", "Signed at Dubai on ...".
_ISSUED = re.compile(
    r"^\s*(?:given|issued|dated|signed|done|fait|d[ée]livr[ée]e?)\b[^\n]{0,40}?"
    r"(?=\d|(?:this|the|le|on)\b)",
    re.I,
)
# An e-mail printed to PDF is dated by its header: the sender line of a web-mail print
# ("HR <hr@x.com>   Wed, Apr 2, 2025, 10:41 AM") or a client's "Sent:" line.
_MAIL_STAMP = re.compile(
    r"^\s*(?:sent|envoy[ée]|enviado|gesendet|date)\s*:|^(?!\s*(?:to|cc|à|para)\s*:).*"
    + ANGLE_ADDRESS.pattern,
    re.I,
)
_TO_HEADER = re.compile(r"^(?:to|à|para|an)\s*:\s*(?P<n>[^<@\n]+?)\s*<[^>]+@[^>]+>", re.I)
_PRINTED = re.compile(
    r"\b(?:printed(?:\s+on)?|print\s+date|generated(?:\s+on)?|run\s+date|as\s+of)\b\s*:?\s*", re.I
)
_RE_NAME = re.compile(
    r"^(?:re|subject|sub|objet|regarding)\s*[:\-]\s*.*?(?:[-–—:]|\bof\b|\bfor\b|\bde\b)\s*"
    r"(?P<n>(?:(?:Mr|Ms|Mrs|Dr|Mme|M)\.?\s+)?[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){1,3})\s*$",
    re.I,
)
_NAME_LABEL = re.compile(
    r"^(?:employee(?:'s)?\s+name|name\s+of\s+(?:the\s+)?employee|"
    r"name|nom(?:\s+de\s+l['’]employ[ée]e?)?"
    r"|student\s+name|applicant|employee|worker|staff\s+member)\s*[:\t]\s*:?\s*(?P<n>.+)$",
    re.I,
)
_CERTIFY = re.compile(
    r"(?:certif(?:y|ies)\s+that|confirms?\s+that|attests?\s+that|"
    # "I'm writing this for Lucía Bermúdez Ortega, who worked with us"
    r"writing\s+(?:this\s+)?(?:letter\s+|reference\s+)?(?:for|about|on\s+behalf\s+of)|"
    r"attestons[^.]{0,40}?que|certifions[^.]{0,40}?que"
    r"|confirmer\s+que)\s+(?P<n>(?:(?i:Mr|Ms|Mrs|Miss|Dr|Mme|M|Monsieur|Madame|Mlle)\.?\s+)?"
    # a name in capitals or not, with initials ("MARIA KRISTINA D. VILLANUEVA")
    r"[A-ZÀ-Ý][\w'’\-]+(?:\s+(?:[A-ZÀ-Ý][\w'’\-]+|[A-Z]\.)){1,4})",
)


def parse_letter(ctx: Ctx) -> LetterFields:
    party, letterhead, top_end = issuer(ctx)
    close = closing_line(ctx)
    body_end = close.start if close is not None else len(ctx.text)
    sign = signatory(ctx, close)
    if (
        sign.title is not None
        and party.legal_name is not None
        and sign.title.value.lower() == party.legal_name.value.lower()
    ):
        sign = sign.model_copy(update={"title": None})  # the company line, not a title
    applicant = find_applicant(ctx, top_end, body_end, sign.name.value if sign.name else None)
    date = letter_date(ctx)
    positions = position_unread(ctx, top_end, body_end, parse_positions(ctx, top_end, body_end))
    fields = LetterFields(
        employer=party,
        letterhead=letterhead,
        applicant=applicant,
        signatory=sign,
        letter_date=date,
        positions=tuple(positions),
    )
    return fields.model_copy(update={"unread": letter_unread(ctx, fields)})


def parse_statement(ctx: Ctx, *, signed: bool) -> LetterFields:
    """An HR e-mail (signed) or an HR system's print (unsigned): a letter's fields without a
    letterhead (neither has one to give), and without a signatory for a print."""
    fields = parse_letter(ctx)
    update: dict = {"letterhead": False}
    if signed and fields.applicant is None:
        # An e-mail to the applicant names them in its "To:" header.
        for ln in ctx.lines[:8]:
            m = _TO_HEADER.match(ln.text)
            if m and is_person(m.group("n")):
                update["applicant"] = _name(ctx, ln.start + m.start("n"), ln.start + m.end("n"))
                break
    if not signed:
        update["signatory"] = Signatory()
    return updated(fields, **update)


def letter_date(ctx: Ctx) -> Found | None:
    """The date the letter was written: a date alone on a line near the top (or "Date:",
    "Montréal, le 14 mars 2025"), else one near the signature."""
    head = ctx.lines[:14]
    for ln in head[:4]:
        # An HR system's print: "Printed 2025-04-02 09:14", "Report generated on ...".
        m = _PRINTED.search(ln.text)
        if m:
            dates = ctx.dates(ln.start + m.end(), ln.end)
            if dates and dates[0].precision == "day":
                return ctx.found(dates[0].value, dates[0].start, dates[0].end)
    for ln in head:
        dates = ctx.dates(ln.start, ln.end)
        if not dates:
            continue
        d = dates[0]
        if _MAIL_STAMP.search(ln.text) and d.precision == "day":
            return ctx.found(d.value, d.start, d.end)
        rest = (ctx.text[ln.start : d.start] + ctx.text[d.end : ln.end]).strip(" ,.:")
        rest = _DATE_LABEL.sub("", rest)
        if len(rest) <= 30 and len(dates) == 1 and d.precision == "day" and not _prose(rest):
            return ctx.found(d.value, d.start, d.end)
    for ln in reversed(ctx.lines[-10:]):
        dates = ctx.dates(ln.start, ln.end)
        if not dates or _prose(
            ctx.text[ln.start : dates[0].start] + ctx.text[dates[0].end : ln.end]
        ):
            continue
        if len(ln.text) <= 60 and dates[0].precision == "day":
            return ctx.found(dates[0].value, dates[0].start, dates[0].end)
    for ln in reversed(ctx.lines[-14:]):
        if _ISSUED.match(ln.text):
            dates = ctx.dates(ln.start, ln.end)
            if len(dates) == 1 and dates[0].precision == "day":
                return ctx.found(dates[0].value, dates[0].start, dates[0].end)
    return None


_DATE_WORDS = frozenset(
    ["le", "the", "of", "this", "day", "on", "dated", "date", "fait", "à", "at", "in"]
)


def _prose(rest: str) -> bool:
    """What a line holds besides its date reads as a sentence ("May 2, 2023, working 32 hours
    per week."): the date is one the text states, not the letter's own."""
    words = re.findall(r"\b[a-zà-ÿ]{2,}\b", rest)
    return sum(w not in _DATE_WORDS for w in words) >= 2


# The person the work is about, named as an employment verb's object or subject: "I have
# supervised Wanjiru Kamau directly", "we employed Tomasz Wieczorek", "Amara Oduya has worked
# with us", "Ines Duarte joined our team". The name is the words in capitals, whatever their
# origin (no name list holds every applicant's).
_NAME_WORDS = r"[A-ZÀ-Ý][\w'’\-]+(?:\s+(?:[A-ZÀ-Ý][\w'’\-]+|[A-Z]\.)){1,3}"
_ABOUT = re.compile(
    rf"\b(?:supervised|employed|hired|managed|engaged|recruited|trained)\s+(?:(?i:Mr|Ms|Mrs|Miss|"
    rf"Dr)\.?\s+)?(?P<n>{_NAME_WORDS})(?=[\s,.;])"
    rf"|(?<![\w.])(?P<m>{_NAME_WORDS})\s+(?:has|had|have)\s+(?:been\s+)?(?:worked|employed|served|"
    rf"joined|held)\b|(?<![\w.])(?P<j>{_NAME_WORDS})\s+(?:joined|worked\s+(?:for|with|at))\b"
)


def _about(ctx: Ctx, lo: int, hi: int, signer_key: str | None) -> Found[str] | None:
    for m in _ABOUT.finditer(ctx.text, lo, hi):
        group = next(g for g in ("n", "m", "j") if m.group(g))
        name = strip_honorific(m.group(group))
        if is_person(name) and name.lower() != signer_key and not is_company(name):
            return _name(ctx, m.start(group), m.end(group))
    return None


def find_applicant(ctx: Ctx, lo: int, hi: int, signer: str | None) -> Found[str] | None:
    """The person the letter is about: a labelled name, "Re: ... - Name", "certify that Mr. X",
    or the first person with an honorific in the body who is not the signatory."""
    signer_key = strip_honorific(signer).lower() if signer else None
    for ln in ctx.lines[:25]:
        m = _NAME_LABEL.match(ln.text) or _RE_NAME.match(ln.text)
        if m is None:
            continue
        # "Worker: Devraj Anand (W-0078812)": the name, without the ID beside it.
        value = re.split(r"\s*[(\[|\t]", m.group("n"), maxsplit=1)[0].strip()
        if is_person(value):
            s = ln.start + m.start("n")
            return _name(ctx, s, s + len(value))
    m2 = _CERTIFY.search(ctx.text, lo, hi)
    if m2:
        return _name(ctx, m2.start("n"), m2.end("n"))
    for s, e, t in ctx.ents("PERSON", lo, hi):
        name = strip_honorific(t)
        if len(name.split()) >= 2 and name.lower() != signer_key:
            return _name(ctx, s, e)
    return _about(ctx, lo, hi, signer_key)


def _name(ctx: Ctx, s: int, e: int) -> Found[str]:
    s, e = trim(ctx.text, s, e)
    raw = re.sub(r"\s+", " ", ctx.text[s:e])
    value = strip_honorific(raw)
    value = re.sub(r"^(?:Monsieur|Madame|Mademoiselle)\s+", "", value)
    return ctx.found(value, s, e)


__all__ = ["find_applicant", "letter_date", "parse_letter", "top_lines"]
