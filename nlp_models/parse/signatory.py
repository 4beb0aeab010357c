"""Who signed: the closing of a letter and the name, title and contact under it; the kind of
signature the text shows (a signature line, a digital signature, a typed "/s/")."""

from __future__ import annotations

import re

from nlp_models.normalize import find_emails, find_phones
from nlp_models.parse.context import Ctx, Line, trim
from nlp_models.parse.patterns import HONORIFICS
from nlp_models.parse.titles import is_head
from nlp_models.parsed import Found, Signatory

CLOSING = re.compile(
    r"^(?:(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully)(?:\s+yours)?|(?:with\s+)?"
    r"(?:best|kind|warm)?\s*regards|regards|thanking\s+you|thank\s+you|respectfully\s+yours"
    r"|for\s+and\s+on\s+behalf\s+of\b.*|on\s+behalf\s+of\b.*|cordialement|bien\s+cordialement"
    r"|salutations\s+distingu[ée]es|veuillez\s+agr[ée]er\b.*|je\s+vous\s+prie\b.*"
    r"|recevez\b.*salutations.*|atenciosamente|signed|signature"
    r"|all\s+the\s+best|(?:best|warm|kind)\s+wishes|cheers|warmly|many\s+thanks"
    # the head of a form's signature block: "Verified by:", "Certified by", "Approved by:"
    r"|(?:verified|certified|approved|prepared|authori[sz]ed|attested|issued|signed)\s+by)"
    r"\s*[,.:]?$",
    re.I,
)
_SIG_LINE = re.compile(r"_{4,}|\.{6,}")
_DIGITAL = re.compile(
    r"digitally\s+signed|electronically\s+signed|e-signed|signé\s+électroniquement|docusign", re.I
)
_TYPED = re.compile(r"^/s/|\(signed\)|\(sign[ée]\)", re.I)
_PERSON = re.compile(
    r"^(?:(?i:Dr|Mr|Mrs|Ms|Mme|M|Prof|Engr|Atty|Shri|Smt)\.?\s+)?"
    r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]+(?:\s+(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]*\.?|"
    r"de|da|van|von|del|la|le|dos|das|bin|binti))"
    r"{1,4}$"
)
_NOT_NAME = re.compile(
    r"\b(?:manager|director|officer|president|owner|head|lead|supervisor|chef|resources|human"
    r"|department|directeur|directrice|responsable|gérant|page|inc|ltd|llc|limited|company"
    r"|services|signature|telephone|phone|e-mail|email"
    # a document's heading in capitals is no one's name
    r"|certificate|certification|employment|verification|letter|reference|attestation"
    r"|confirmation|statement|concern)\b",
    re.I,
)
_HONORIFIC = re.compile(
    r"^(?:" + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True)) + r")\s+",
    re.I,  # "MS. MARIA VILLANUEVA": a name in capitals has its honorific in capitals
)
# A name and its role on one line: "JEROME P. CASTILLO, HR Manager", "Ana Lima – Head of HR".
_NAME_ROLE = re.compile(r"^(?P<name>[^,–—|]+?)\s*(?:,|\s[–—|-]\s)\s*(?P<role>\S.*)$")


# What OCR leaves beside a name: stray quotes, brackets, bars and dots from the signature's ink.
_DEBRIS = " .,;:'\"“”‘’()[]|_~-"


# Credentials after a signatory's name: "Gordon Whitlow, P.Eng.", "Ana Reyes, CPA, CA",
# "J. Okafor, PhD", "Lee Ming, CPHR". Abbreviations only (capitals or dotted), so that "Gordon
# Whitlow, Principal" keeps its title for the name-and-role reading.
_CREDENTIAL = (
    r"(?:[A-Z]{2,6}(?:-[A-Z]{2,4})?|(?:[A-Z][a-z]{0,3}\.){1,3}(?:[A-Z][a-z]{0,3}\.?)?|Ph\.?D\.?)"
)
_POST_NOMINALS = re.compile(rf",\s*{_CREDENTIAL}(?:\s*,\s*{_CREDENTIAL})*\s*$")


def is_person(text: str) -> bool:
    core = text.strip(_DEBRIS)
    return bool(_PERSON.match(core)) and not _NOT_NAME.search(core)


def strip_honorific(text: str) -> str:
    return _HONORIFIC.sub("", text).strip()


def closing_line(ctx: Ctx) -> Line | None:
    found = None
    for ln in ctx.lines:
        if CLOSING.match(ln.text) or re.search(
            r"salutations\s+distingu|sentiments\s+distingu", ln.text, re.I
        ):
            found = ln  # the last closing wins: "Thank you," may come earlier in the body
    return found


def signatory(ctx: Ctx, after: Line | None = None) -> Signatory:
    """Name, title and contact in the lines under the closing (or the last lines)."""
    close = after or closing_line(ctx)
    kind: Found | None = None
    name = title = contact = None
    above: Line | None = None  # the line just above the name: a form prints the title first
    for i, ln in enumerate(_lines_under(ctx, close)):
        if ln.is_noise:
            continue
        mark = _signature_mark(ctx, ln, kind)
        if mark is not None:
            kind = mark
            continue
        typed = _TYPED.match(ln.text)
        if typed and name is None:
            kind, name = _typed_signature(ctx, ln, typed)
            continue
        if name is None:
            bare = _POST_NOMINALS.sub("", ln.text)
            if is_person(bare):
                s, e = trim(ctx.text, ln.start, ln.start + len(bare), _DEBRIS)
                name = ctx.found(ctx.text[s:e], s, e)
                continue
            if close is not None and i < 2 and _FIRST_NAME.match(ln.text) and _role_next(ctx, ln):
                # "All the best, / Marnie / Owner": a small business signs with a first name.
                name = ctx.found(ln.text.strip(), ln.start, ln.start + len(ln.text.strip()))
                continue
            both = _NAME_ROLE.match(ln.text)
            if both and is_person(both["name"]) and _is_role(both["role"]):
                name = ctx.found(both["name"], ln.start, ln.start + both.end("name"))
                text = both["role"].rstrip(",")
                title = ctx.found(
                    text, ln.start + both.start("role"), ln.start + both.start("role") + len(text)
                )
                continue
            # Under a closing the name comes within the first lines; past them, give up.
            if close is not None and i >= 3:
                break
            above = ln
            continue
        if title is None and not find_emails(ln.text) and not find_phones(ln.text):
            title = ctx.found(ln.text.rstrip(","), ln.start, ln.start + len(ln.text.rstrip(",")))
            continue
        if contact is None:
            contact = _contact(ctx, ln)
    if name is not None and title is None and above is not None and _is_role(above.text):
        text = above.text.rstrip(",")
        title = ctx.found(text, above.start, above.start + len(text))
    return Signatory(name=name, title=title, contact=contact, signature=kind)


_FIRST_NAME = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ'’\-]{1,20}\s*$")


def _role_next(ctx: Ctx, ln: Line) -> bool:
    after = [x for x in ctx.lines[ln.index + 1 : ln.index + 3] if not x.is_noise]
    return bool(after) and _is_role(after[0].text) and not is_person(after[0].text)


def _is_role(text: str) -> bool:
    """A line that names a job ("HR Generalist, People Services"), not a contact or a name."""
    if find_emails(text) or find_phones(text) or CLOSING.match(text) or len(text) > 70:
        return False
    words = re.findall(r"[A-Za-zÀ-ÿ\-]+", text.split(",")[0])
    return any(is_head(w) for w in words)


def _lines_under(ctx: Ctx, close: Line | None) -> list[Line]:
    """The lines a signature block may take: under the closing, or the last lines."""
    if close is not None:
        return [ln for ln in ctx.lines if ln.start > close.end][:10]
    return ctx.lines[-8:]


def _signature_mark(ctx: Ctx, ln: Line, kind: Found | None) -> Found | None:
    """A signature line (the first one only) or a digital-signature note on `ln`."""
    if _SIG_LINE.search(ln.text) and kind is None:
        return ctx.found("line", ln.start, ln.end)
    if _DIGITAL.search(ln.text):
        return ctx.found("digital", ln.start, ln.end)
    return None


def _typed_signature(
    ctx: Ctx, ln: Line, typed: re.Match[str]
) -> tuple[Found[str], Found[str] | None]:
    """A typed signature ("/s/ Jane Doe"): its kind, and the name after it when it is one."""
    kind = ctx.found("typed", ln.start, ln.start + typed.end())
    rest = ln.text[typed.end() :].strip()
    if rest and is_person(rest):
        s = ln.start + ln.text.index(rest)
        return kind, ctx.found(rest, s, s + len(rest))
    return kind, None


def _contact(ctx: Ctx, ln: Line) -> Found[str] | None:
    """The first e-mail address on `ln`, else its first phone number."""
    emails = find_emails(ln.text)
    if emails:
        m = emails[0]
        return ctx.found(m.address, ln.start + m.start, ln.start + m.end)
    phones = find_phones(ln.text, country=ctx.country)
    if phones:
        m2 = phones[0]
        return ctx.found(m2.e164, ln.start + m2.start, ln.start + m2.end)
    return None
