"""The issuer of a document (employer, institution, bank): its legal name from the letterhead or
the ORG entities, address, phone, e-mail and web site, and whether the page has a letterhead."""

from __future__ import annotations

import re
from collections import Counter

from nlp_models.normalize import (
    find_addresses,
    find_countries,
    find_emails,
    find_phones,
    find_websites,
)
from nlp_models.normalize.models import AddressMatch
from nlp_models.normalize.registries import registry_country
from nlp_models.parse.context import Ctx, Line, shift, trim
from nlp_models.parse.letterhead import (
    contact_footer,
    footer_letterhead,
    footer_lines,
    is_date_line,
    top_lines,
)
from nlp_models.parse.unread import contact_marks
from nlp_models.parsed import Address, Found, Party

# Document titles, never a name.
_HEADING = re.compile(
    r"\b(?:statement|transcript|invoice|agreement|contract|permit|letter|certificate|concern"
    r"|history|slip|stub|attestation|relev[ée]|bulletin|facture|notice|confirmation|record)\b",
    re.I,
)
_PHONE_LABEL = re.compile(
    r"(?:tel|t[ée]l[ée]phone|phone|ph|mobile|cell|fax|payroll)\.?\s*[:#]?\s*$"
    # "please contact me on 0161 ...", "call our HR office at ..."
    r"|\b(?:contact|call|reach|ring)\b(?:\s+[\w&]+){0,4}?\s+(?:on|at)\s*$",
    re.I,
)
_NAME_LABEL = re.compile(
    r"(?:employer|company|empregador|empresa|employeur|raison\s+sociale|arbeitgeber)\b\s*:?\s+",
    re.I,
)
_NAME_LINE = re.compile(r"^[^\d@]{2,80}$")


def clean_org(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:-–—|")


def looks_like_name(text: str) -> bool:
    words = text.split()
    base = (
        bool(_NAME_LINE.match(text))
        and 1 <= len(words) <= 9
        and not _HEADING.search(text)
        and text[:1].isupper()
    )
    return base and (not text.endswith((".", ":")) or text.endswith(_SUFFIX_END))


_SUFFIX_END = ("Inc.", "Ltd.", "Co.", "Corp.", "inc.", "Ltée.", "S.A.", "L.L.C.", "Pvt. Ltd.")


def legal_name(ctx: Ctx, top: list[Line]) -> tuple[int, int] | None:
    """Span of the issuer's name: an ORG in the letterhead, its first line, or the commonest
    ORG of the document."""
    if top:
        orgs = ctx.ents("ORG", top[0].start, top[-1].end)
        if orgs:
            return _with_line_above(ctx, top, orgs[0][0], orgs[0][1])
        # The first line that reads as a name (an address line may be printed above it).
        mailboxes = _mailbox_names(ctx)
        for first in top[:4]:
            if looks_like_name(first.text) and not is_date_line(ctx, first):
                if first.text.strip() in mailboxes or _HEADER_NEXT.match(ctx.text, first.end + 1):
                    continue  # the mailbox owner's name a printed e-mail starts with
                return first.start, first.end
    orgs = ctx.ents("ORG")
    if not orgs:
        return None
    counts = Counter(clean_org(o[2]).lower() for o in orgs)
    best = counts.most_common(1)[0][0]
    for s, e, t in orgs:
        if clean_org(t).lower() == best:
            return s, e
    return None


# A printed e-mail: "From: Name <address>" under the mailbox owner's name.
_HEADER_NEXT = re.compile(r"(?:From|De|Von|Sent|Envoyé)\s*:", re.I)
_MAILBOX = re.compile(r"([A-ZÀ-Ý][^<>\n:]{1,60}?)\s*<[^@\s<>]+@[^\s<>]+>")


def _mailbox_names(ctx: Ctx) -> set[str]:
    """Display names of e-mail addresses ("Lorraine Chiu <lchiu@...>"): people, not issuers."""
    return {m.group(1).strip() for m in _MAILBOX.finditer(ctx.text)}


def _with_line_above(ctx: Ctx, top: list[Line], s: int, e: int) -> tuple[int, int]:
    """A letterhead name set on two lines ("Hartwell & Brook" over "Cost Consultancy LLP",
    "KRANZBERG" over "Antriebstechnik GmbH"): the name found on the second line takes the first
    when that is a few capitalised words. Initials ("SG") and a logo word that only shortens
    the name ("CONSTRUVALE" over "Construtora Vale ...") stay apart."""
    line = next((ln for ln in top if ln.start <= s < ln.end), None)
    if line is None or s != line.start or line.index == 0:
        return s, e
    above = ctx.lines[line.index - 1]
    if above not in top:
        return s, e
    words = above.text.split()
    if not 1 <= len(words) <= 4 or re.search(r"[\d@:,.;/|·]", above.text):
        return s, e
    if not all(w[:1].isupper() or w in ("&", "and", "of", "et", "de") for w in words):
        return s, e
    if above.text.lower() in ctx.text[s:e].lower():
        return s, e  # the name repeated under a logo of the same words
    first = ctx.text[s:e].split()[0].lower()
    if len(words) == 1 and (len(words[0]) <= 3 or words[0].lower()[:5] == first[:5]):
        return s, e
    return above.start, e


def clean_street(street: str | None) -> str | None:
    """Drop OCR noise before the street number (a logo read as "4 \\" or "A4")."""
    if not street:
        return street
    if "\t" in street:
        # A tab separates a form's or a stub's columns: the street is the cell that holds a
        # number ("Employer Address:<tab>4410 Red Bluff Road", "4410 RED BLUFF ROAD<tab>Period
        # Ending:<tab>05/10/2025"), not a label or a neighbouring field.
        cells = [c.strip() for c in street.split("\t") if c.strip() and not c.strip().endswith(":")]
        street = next((c for c in cells if re.match(r"\d", c)), cells[-1] if cells else "")
    dash = re.search(r"\s[-–]\s(?=\d)", street)
    if dash is not None:
        street = street[dash.end() :]  # "Office of the Registrar - 5685 Leeds Street"
    lead = re.match(r"^((?:[a-zà-ÿ'’]+\s+){3,})(?=\d)", street)
    if lead is not None:
        street = street[lead.end() :]  # "dont le siège est situé 27 rue ..."
    toks = street.split(" ")
    while len(toks) > 2 and (
        not any(c.isalnum() for c in toks[0])
        or (len(toks[0]) <= 2 and re.fullmatch(r"\W*", toks[1]) is None and toks[1].isdigit())
        or (len(toks[0]) <= 2 and re.fullmatch(r"[^\w]+", toks[1]) is not None)
    ):
        toks = toks[1:]
    return " ".join(toks)


def to_address(m: AddressMatch) -> Address:
    return Address(
        street=clean_street(m.street), city=m.city, province=m.region, postal_code=m.postal_code,
        country=m.country,
    )  # fmt: skip


def find_address(ctx: Ctx, lo: int, hi: int, *, flat: bool = False) -> Found[Address] | None:
    chunk = ctx.text[lo:hi]
    if flat:
        # An address inside a sentence may wrap; joining the lines keeps every offset.
        chunk = chunk.replace("\n", " ")
    found = find_addresses(chunk, country=ctx.country)
    # A bare country is not an address.
    found = [a for a in found if a.city or a.postal_code or a.street]
    if not found:
        return None
    m = shift(found[0], lo)
    s, e = trim(ctx.text, m.start, m.end)
    return ctx.found(to_address(m), s, e)


def issuer(ctx: Ctx, *, contacts_anywhere: bool = True) -> tuple[Party, bool, int]:
    """(party, letterhead present, end of the letterhead block)."""
    top = top_lines(ctx)
    top_end = top[-1].end if top else 0
    translated = translated_issuer(ctx, top_end)
    if translated is not None:
        # The letterhead is the translator's: the employer is the one the translation names.
        return translated, translated.legal_name is not None, top_end
    name_span = legal_name(ctx, top)
    name = None
    if name_span is not None:
        s, e = trim(ctx.text, *name_span)
        label = _NAME_LABEL.match(ctx.text, s, e)
        if label is not None:  # "Empregador VEREDAS ... LTDA", "Employer: Acme Ltd."
            s = label.end()
        name = ctx.found(clean_org(ctx.text[s:e]), s, e)
    address = find_address(ctx, top[0].start, top_end) if top else None
    if address is None and name_span is not None:
        # "employed with Acme Ltd., 12 Main Street, Toronto, ON ..." in the body.
        address = find_address(ctx, name_span[1], min(len(ctx.text), name_span[1] + 260), flat=True)
    if address is None and contacts_anywhere:
        address = find_address(ctx, 0, len(ctx.text))
    hi = len(ctx.text) if contacts_anywhere else top_end
    phone = _phone(ctx, top_end, hi)
    email = _email(ctx, top_end, hi)
    website = _website(ctx, top_end, hi)
    contact_in_top = any(
        f is not None and f.where is not None and _global(ctx, f) < top_end
        for f in (address, phone, email, website)
    )
    if not contact_in_top and top:
        # A letterhead abroad whose address or phone the readers do not know ("52, rue des
        # Verriers — 69009 LYON") is still a letterhead.
        contact_in_top = any(contact_marks(ln.text) for ln in top)
    # Stationery may print the name (or logo) at the head and the contact details at the foot.
    contact_in_top = contact_in_top or contact_footer(ctx)
    letterhead = bool(top) and name_span is not None and name_span[0] < top_end and contact_in_top
    if not letterhead and name is not None:
        letterhead = footer_letterhead(ctx, name.value)
    country = issuer_country(ctx, address, top_end)
    party = Party(
        legal_name=name, address=address, phone=phone, email=email, website=website,
        country=country,
    )  # fmt: skip
    return party, letterhead, top_end


_TRANSLATOR = re.compile(
    r"certified\s+translat|sworn\s+translat|translation\s+no\.?\s*\d|perito\s+traductor|"
    r"traduct(?:eur|rice)\s+agr[ée][ée]|tradutora?\s+(?:p[úu]blic|juramentad)|"
    r"traducci[óo]n\s+(?:oficial|certificada)|traduction\s+certifi[ée]e",
    re.I,
)
# A translator's note standing for the original's letterhead or footer: "[Letterhead: ...]".
_NOTE = re.compile(r"\[(?:letterhead|footer|header|logo|stamp|en-t[êe]te)\s*:[^\]]*\]", re.I)


def translated_issuer(ctx: Ctx, top_end: int) -> Party | None:
    """The employer of a certified translation: named in the translator's note of the
    original's letterhead or footer, else the first company after the translator's block.
    None when the document is not a translation."""
    if not _TRANSLATOR.search(ctx.text, 0, max(top_end, 600)):
        return None
    notes = [m.span() for m in _NOTE.finditer(ctx.text)]
    orgs = [o for o in ctx.ents("ORG") if any(a <= o[0] < b for a, b in notes)]
    orgs = orgs or [o for o in ctx.ents("ORG") if o[0] >= top_end and not _TRANSLATOR.search(o[2])]
    if not orgs:
        return None
    s, e, text = orgs[0]
    name = ctx.found(clean_org(text), s, e)
    note = next(((a, b) for a, b in notes if a <= s < b), (e, min(len(ctx.text), e + 260)))
    address = find_address(ctx, note[0], note[1], flat=True)
    country = None
    if address is not None and address.value.country:
        country = address.model_copy(update={"value": address.value.country})
    elif (reg := registry_country(ctx.text, ctx.lang.value)) is not None:
        country = ctx.found(reg.country, reg.start, reg.end, 0.7)
    # The employer's phone and e-mail: in the notes of the original or past the translator's
    # own block, numbers read as the employer's country's ("(81) 5555-0193" is Recife's).
    region = country.value if country is not None else ctx.country

    def employers(start: int) -> bool:  # in a note of the original, or past the translator's
        return any(a <= start < b for a, b in notes) or start >= top_end

    phone = next(
        (ctx.found(m.e164, m.start, m.end)
         for m in find_phones(ctx.text, country=region)
         if employers(m.start) and _phone_like(ctx, m.start, m.text, notes)),
        None,
    )  # fmt: skip
    email = next(
        (ctx.found(m.address, m.start, m.end) for m in find_emails(ctx.text) if employers(m.start)),
        None,
    )
    return Party(legal_name=name, address=address, country=country, phone=phone, email=email)


def _phone_like(ctx: Ctx, start: int, text: str, printed: list[tuple[int, int]]) -> bool:
    """Written as a phone number, not an identifier that parses as one (a CPF, an account): in
    brackets or with "+", labelled, or within spans where contacts are printed (a letterhead,
    a footer, a translator's note of the original's)."""
    return (
        text.lstrip().startswith(("+", "("))
        or _PHONE_LABEL.search(ctx.text, max(0, start - 40), start) is not None
        or any(a <= start < b for a, b in printed)
    )


def issuer_country(ctx: Ctx, address: Found[Address] | None, top_end: int) -> Found[str] | None:
    """Where the issuer is, with the words that say so: the address's country; else a country
    named alone on a line of the letterhead or the footer ("United Kingdom", "Nigeria"); else
    the international prefix of a phone number there ("+44 161 ..."); else how the company is
    registered ("CNPJ", "SIRET", "S.A. de C.V.")."""
    if address is not None and address.value.country and address.where is not None:
        return address.model_copy(update={"value": address.value.country})
    head_foot = [ln for ln in ctx.lines if ln.end <= max(top_end, 600)] + ctx.lines[-8:]
    for ln in head_foot:
        named = find_countries(ln.text) if len(ln.text) <= 120 else []
        if named:
            c = named[-1]  # an address ends with its country
            return ctx.found(c.alpha2, ln.start + c.start, ln.start + c.end, 0.9)
    for ln in head_foot:
        for m in find_phones(ln.text, country=ctx.country):
            if m.text.lstrip().startswith("+") and m.region:
                return ctx.found(m.region, ln.start + m.start, ln.start + m.end, 0.8)
    reg = registry_country(ctx.text, ctx.lang.value)
    if reg is not None:  # "CNPJ 12.345.678/0001-90", "S.A. de C.V.", "SIRET ..."
        return ctx.found(reg.country, reg.start, reg.end, 0.7)
    return None


def _global(ctx: Ctx, f: Found) -> int:
    w = f.where
    assert w is not None
    return ctx.pages.offsets[w.page - 1] + w.start


def _phone(ctx: Ctx, top_end: int, hi: int) -> Found[str] | None:
    # A number in the letterhead, or the footer's stationery, is the company's; one in the body
    # only when something says it is a phone (the applicant's, an account's may not).
    printed = [(0, top_end)] + [(ln.start, ln.end) for ln in footer_lines(ctx)]
    for m in find_phones(ctx.text[:hi], country=ctx.country):
        if _phone_like(ctx, m.start, m.text, printed):
            return ctx.found(m.e164, m.start, m.end)
    return None


def _email(ctx: Ctx, top_end: int, hi: int) -> Found[str] | None:
    found = find_emails(ctx.text[:hi])
    if not found:
        return None
    m = next((e for e in found if e.start < top_end), found[0])
    return ctx.found(m.address, m.start, m.end)


def _website(ctx: Ctx, top_end: int, hi: int) -> Found[str] | None:
    for m in find_websites(ctx.text[:hi]):
        before = ctx.text[max(0, m.start - 3) : m.start]
        if "@" in before:
            continue  # the domain of an e-mail address split by OCR ("hr @ acme.ca")
        return ctx.found(m.url, m.start, m.end)
    return None
