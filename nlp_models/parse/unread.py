"""Facts a letter shows signs of stating that the parser could not read.

A letterhead abroad rarely names its country ("52, rue des Verriers — 69009 LYON"), a salary may
be written in a form no pattern knows ("Salário: R$ 9.800,00 mensais"): the address reader and
the pay reader then find nothing, though the page states the fact. A completeness check must
not call such a fact absent. Each cue here is the mark of a fact's presence (a street word beside
a number, a postal code of some country, a currency beside digits, "hours" beside a number), not
its reading; the checks report it as unread with these words, for a person to look at.
"""

from __future__ import annotations

import re

from nlp_models.parse.context import Ctx, Line, trim
from nlp_models.parsed import LetterFields, Position, Unread

# A street: a number beside a street word, in the languages of the letters we read.
_STREET_WORDS = (
    r"street|st\.|road|rd\.?|avenue|ave\.?|av\.|boulevard|blvd\.?|boul\.|lane|drive|dr\.|way|court|"
    r"crescent|place|highway|hwy|parkway|floor|suite|unit|rue|chemin|route|all[ée]e|rua|avenida|"
    r"calle|carrera|paseo|piso|andar|col\.|colonia|stra(?:ss|ß)e|str\.|weg|platz|allee|nagar|"
    r"cross|main|marg|sector|phase|layout|via|viale|piazza|ulica|estate|industrial\s+park|"
    r"tower|loop|building|bldg\.?|plaza|terrace|circle|square"
)
_ADDRESS = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?\b[^\n]{{0,40}}\b(?:{_STREET_WORDS})(?![\w])"
    rf"|(?<![\w])(?:{_STREET_WORDS})\s+[^\n\d]{{2,40}}\d{{1,5}}\b"
    # Postal codes of many countries beside a place name or their label.
    r"|\bCEP\s*\d{5}-?\d{3}\b|\bC\.\s?P\.\s*\d{5}\b|\b\d{5}-\d{3}\b"
    r"|\b\d{5}\s+(?-i:[A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]{2,})"
    r"|(?-i:[A-Z][a-zà-ÿ]+)\s*[-–]\s*\d{6}\b"
    r"|\b(?-i:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})\b"
    r"|\b(?:P\.?\s?O\.?\s+Box|Postfach|Apartado|Caixa\s+Postal)\s+\d+",
    re.I,
)
_PHONE = re.compile(
    r"(?:\b(?:tel|t[ée]l|phone|ph|fone|tel[ée]fono|telefone|mobile|mob|cell|fax)\b\.?\s*[:.#]?\s*"
    r"\+?\(?\d[\d()\s.\-/]{6,}\d)|(?:\+\d{1,3}[\s.\-]?\(?\d[\d()\s.\-]{6,}\d)",
    re.I,
)
_EMAIL = re.compile(r"[\w.+\-]+\s?(?:@|\[at\]|\(at\))\s?[\w\-]+(?:\.[\w\-]+)+")
_HOURS = re.compile(
    r"\b\d{1,2}(?:[.,]\d{1,2})?\s*(?:hours?|hrs?\.?|heures|horas|stunden|h)\b"
    r"|\b(?:hours|horas|heures|jornada|horaire)\b[^\n.]{0,30}\d",
    re.I,
)
_SALARY = re.compile(
    r"(?:[$€£₹₱¥₦]|\b(?:CAD|USD|INR|EUR|GBP|PHP|MXN|BRL|NGN|CNY|RMB|AED|Rs\.?|R\$|salary|salaire|"
    r"salario|sal[áa]rio|wages?|stipend|remuneration|r[ée]mun[ée]ration|remunera[çc][ãa]o|CTC|"
    r"per\s+annum|p\.a\.|gehalt|sueldo)\b)[^\n]{0,30}?\d[\d.,\s]*\d",
    re.I,
)
_CLOSING = re.compile(
    r"^(?:sincerely|regards|best\s+regards|kind\s+regards|yours(?:\s+\w+)?|respectfully|"
    r"cordialement|atentamente|atenciosamente|mit\s+freundlichen|for\s+and\s+on\s+behalf|"
    r"all\s+the\s+best|warm\s+regards|thank\s+you)\b",
    re.I,
)


def address_marks(text: str) -> bool:
    """Whether a line carries an address's marks (a street, a postal code)."""
    return bool(_ADDRESS.search(text))


def contact_marks(text: str) -> bool:
    """Whether a line carries an address's or a phone number's marks."""
    return bool(_ADDRESS.search(text) or _PHONE.search(text) or _EMAIL.search(text))


def _first(ctx: Ctx, rx: re.Pattern[str], lines: list[Line]) -> tuple[int, int] | None:
    for ln in lines:
        m = rx.search(ctx.text, ln.start, ln.end)
        if m is not None:
            return trim(ctx.text, m.start(), m.end())
    return None


def letter_unread(ctx: Ctx, fields: LetterFields) -> tuple[Unread, ...]:
    """Letter-level facts (contact details, date, signatory) seen but not read."""
    edges = ctx.lines[:12] + ctx.lines[-12:]  # letterhead and footer
    out: list[Unread] = []

    def seen(field: str, span: tuple[int, int] | None) -> None:
        if span is not None:
            out.append(Unread(field=field, seen=ctx.found(ctx.text[span[0] : span[1]], *span)))

    e = fields.employer
    if e.address is None:
        seen("address", _first(ctx, _ADDRESS, edges))
    if e.phone is None:
        seen("phone", _first(ctx, _PHONE, edges))
    if e.email is None:
        seen("email", _first(ctx, _EMAIL, ctx.lines))
    if fields.letter_date is None:
        seen("letter_date", _date_line(ctx, edges))
    if fields.signatory.name is None:
        seen("signatory", _after_closing(ctx))
    return tuple(out)


def position_unread(ctx: Ctx, lo: int, hi: int, positions: list[Position]) -> list[Position]:
    """Hours and salary the letter states beside digits that no position read."""
    used = [
        (f.where.page, f.where.start, f.where.end)
        for p in positions
        for f in (p.hours_per_week, p.hours_text, p.pay)
        if f is not None and f.where is not None
    ]

    def fresh(rx: re.Pattern[str]) -> Unread | None:
        for m in rx.finditer(ctx.text, lo, hi):
            s, e = trim(ctx.text, m.start(), m.end())
            f = ctx.found(ctx.text[s:e], s, e)
            w = f.where
            if w is None or not any(
                pg == w.page and a < w.end and w.start < b for pg, a, b in used
            ):
                return Unread(field="hours" if rx is _HOURS else "salary", seen=f)
        return None

    hours = fresh(_HOURS) if any(_lacks_hours(p) for p in positions) else None
    salary = fresh(_SALARY) if any(p.pay is None for p in positions) else None
    out = []
    for p in positions:
        extra = [
            u for u, lacks in ((hours, _lacks_hours(p)), (salary, p.pay is None)) if u and lacks
        ]
        out.append(p.model_copy(update={"unread": (*p.unread, *extra)}) if extra else p)
    return out


def _lacks_hours(p: Position) -> bool:
    return p.hours_per_week is None and p.hours_text is None


def _date_line(ctx: Ctx, lines: list[Line]) -> tuple[int, int] | None:
    # A line that is mostly a date (or a place and a date) at the top or foot of the letter.
    for ln in lines:
        dates = ctx.dates(ln.start, ln.end)
        if dates and len(ln.text) <= 60:
            return dates[0].start, dates[0].end
    return None


def _after_closing(ctx: Ctx) -> tuple[int, int] | None:
    # A short line of capitalised words under the closing ("Sincerely," / "Marnie").
    for i, ln in enumerate(ctx.lines):
        if not _CLOSING.match(ln.text):
            continue
        for nxt in ctx.lines[i + 1 : i + 5]:
            words = nxt.text.split()
            if 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words if w[:1].isalpha()):
                return nxt.start, nxt.end
    return None
