"""The letterhead of a document: the lines at the top of page 1 before the body, and the
stationery at the foot of the page (contacts, registration) that also makes one."""

from __future__ import annotations

import re

from nlp_models.normalize import find_emails, find_phones, find_websites
from nlp_models.parse.context import Ctx, Line
from nlp_models.parse.unread import address_marks

# Lines that start the body of a letter or form: the letterhead ends before them.
_BODY_START = re.compile(
    r"^(?:to\s+whom|dear\b|re\s*:|subject\b|sub\s*:|objet\b|madame|monsieur|attention\b"
    r"|date\s*:|ref(?:erence)?\s*(?:no\.?|:)|our\s+ref|this\s+is\s+to|this\s+letter"
    r"|employee\b|student\b|period\b|statement\b|invoice\b|bill\s+to|facture\b)",
    re.I,
)
# Stationery sets its parts on one long line between separators ("Name · street, city · phone").
_SEGMENTS = re.compile(r"(?:\s[·|•]\s.*){2}|\s[·|•]\s.*\d")


def top_lines(ctx: Ctx, limit: int = 8) -> list[Line]:
    """The lines of the letterhead: the top of page 1 before the body starts."""
    out: list[Line] = []
    first_page_end = ctx.pages.offsets[1] if len(ctx.pages.offsets) > 1 else len(ctx.text)
    for ln in ctx.lines:
        if ln.start >= first_page_end or len(out) >= limit:
            break
        if (
            _BODY_START.match(ln.text)
            or is_date_line(ctx, ln)
            or (len(ln.text) > 110 and not _SEGMENTS.search(ln.text))
            or _is_prose(ln.text)
        ):
            break
        out.append(ln)
    return out


# Words of running prose that letterhead lines (names, addresses, contacts) do not use.
_PROSE_WORDS = frozenset(
    [
        "that",
        "was",
        "is",
        "has",
        "have",
        "been",
        "by",
        "of",
        "the",
        "to",
        "with",
        "who",
        "this",
        "we",
        "our",
        "his",
        "her",
        "she",
        "he",
        "as",
        "from",
        "for",
        "que",
        "est",
        "a",
        "été",
        "nous",
        "par",
        "le",
        "la",
        "les",
    ]
)


def _is_prose(text: str) -> bool:
    """A sentence (wrapped by OCR or a narrow column), so the body has begun."""
    words = text.split()
    return len(words) >= 7 and sum(w in _PROSE_WORDS for w in words) >= 3


def is_date_line(ctx: Ctx, ln: Line) -> bool:
    dates = ctx.dates(ln.start, ln.end)
    if not dates:
        return False
    rest = ctx.text[ln.start : dates[0].start] + ctx.text[dates[0].end : ln.end]
    return len(rest.strip(" ,.:")) <= 25


def footer_lines(ctx: Ctx) -> list[Line]:
    return [ln for ln in ctx.lines[-3:] if not ln.is_noise]


def contact_footer(ctx: Ctx) -> bool:
    """A footer line printing the street address with a phone, e-mail or web site beside it
    ("4475 Creditview Heights Blvd., Suite 300, Mississauga ON L5M 0T9 • 905-555-0100")."""
    return any(
        address_marks(ln.text)
        and (find_phones(ln.text, country=ctx.country) or find_websites(ln.text)
             or find_emails(ln.text))
        for ln in footer_lines(ctx)
    )  # fmt: skip


def footer_letterhead(ctx: Ctx, name: str) -> bool:
    """Stationery printed at the foot of the page: the company's name, its street address and a
    registration or web site in the last lines (a signature block may give the street, not
    those)."""
    foot = [ln.text for ln in ctx.lines[-8:] if not ln.is_noise]
    key = name.lower()[:24]
    return (
        any(key in t.lower() for t in foot)
        and any(address_marks(t) for t in foot)
        and any(_STATIONERY.search(t) for t in foot)
    )


# What stationery prints and a signature block does not: the registered office and number, a
# tax or company registration, the web site.
_STATIONERY = re.compile(
    r"registered\s+(?:office|in\b)|company\s+(?:number|no\b|reg)|\bVAT\b|\bCIN\b|CNPJ|SIRET"
    r"|\bRCS\b|www\.|https?://|si[èe]ge\s+social",
    re.I,
)
