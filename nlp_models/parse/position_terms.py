"""Terms of a position read inside its segment: hours, benefits, remote work, the working
relationship, the place of work, and facts a letter states once for all its positions."""

from __future__ import annotations

import re

from nlp_models.normalize import find_hours
from nlp_models.parse.context import Ctx, shift, trim
from nlp_models.parse.grids import number
from nlp_models.parse.table_cells import cells_under
from nlp_models.parsed import Found, Position, updated

_BENEFITS = re.compile(
    r"(?:\b(?-i:receives)\b|\b(?-i:enjoy(?:s|ed))\b|"
    r"\b(?:was|is)\s+covered\s+by\b|\bis\s+entitled\s+to\b|\bwas\s+entitled\s+to\b|\bbenefits?"
    r"\s+(?:include|included|are|were)\b:?|\beligible\s+for\b|s['’]ajoutent\b|\bb[ée]n[ée]ficie"
    r"\s+(?:de|d['’])|\ba\s+droit\s+[àa])\s*(?P<b>[^.\n]+(?:\n[^.\n]+)?)",
    re.I,
)
_REMOTE_NO = re.compile(
    r"not\s+(?:worked|work|working)\s+remotely|no\s+remote|on[\s-]site\b|in\s+person\s+at"
    r"|sur\s+place|en\s+pr[ée]sentiel",
    re.I,
)
_REMOTE_YES = re.compile(
    r"(?<!not\s)(?:work(?:s|ed|ing)?\s+(?:remotely|from\s+home)|fully\s+remote|remote\s+"
    r"(?:basis|position|role|work)|t[ée]l[ée]travail|[àa]\s+distance)",
    re.I,
)
_LOCATION = re.compile(
    r"(?:work\s+location|place\s+of\s+work|lieu\s+de\s+travail)\s*[:\t]\s*(?P<l>[^\n]+)"
    r"|\b(?:office|site|clinic|store|branch|plant|warehouse|premises|bureau|restaurant|hospital)"
    r"\s+(?:in|at|à)\s+(?P<l2>(?-i:[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,2}))",
    re.I,
)
# What the work was, when the document says so outright; checked in this order, so that a
# "self-employed contractor" is self-employed and an "unpaid internship" is not a paid intern's.
_STATUS = r"(?:status|statut|type\s+of\s+(?:work|employment|engagement))\s*:[^\n]*"
_RELATIONSHIPS = (
    (
        "self_employed",
        re.compile(
            r"self[\s-]employed|\bfreelancer\b|\bas\s+an?\s+freelance\b|\bfreelance\s+basis"
            r"|\bthrough\s+(?:his|her|their)\s+own\s+(?:business|company|firm|corporation)"
            r"|\bnot\s+on\s+(?:our|the\s+company['’]s)\s+payroll\b"
            # a client's letter: "not an employee of ...", "invoices us ... through her sole
            # proprietorship"
            r"|\bnot\s+an?\s+employee\s+of\b|\bsole\s+proprietor(?:ship)?\b"
            r"|\binvoices\s+(?:us|our\s+(?:company|agency|firm))\b|\bentreprise\s+individuelle\b"
            rf"|{_STATUS}\bfreelance|travailleu(?:r|se)\s+autonome"
            r"|[àa]\s+son\s+(?:propre\s+)?compte",
            re.I,
        ),
    ),
    (
        "unpaid_intern",
        re.compile(r"unpaid\s+intern(?:ship)?|stage\s+non\s+r[ée]mun[ée]r[ée]", re.I),
    ),
    (
        "volunteer",
        re.compile(
            r"\bas\s+an?\s+volunteer\b|\bvolunteer\s+(?:basis|position|role|work)\b"
            rf"|{_STATUS}\bvolunteer|[àa]\s+titre\s+b[ée]n[ée]vole|en\s+tant\s+que\s+"
            r"b[ée]n[ée]vole",
            re.I,
        ),
    ),
    (
        "contractor",
        re.compile(
            r"\bindependent\s+(?:sub)?contractor\b|\bas\s+an?\s+(?:independent\s+)?(?:sub)?contractor\b"
            rf"|\bcontractor\s+(?:basis|agreement|relationship)\b|{_STATUS}\bcontractor\b"
            r"|\bsous-traitant",
            re.I,
        ),
    ),
)
_REMOTE_FROM = re.compile(
    r"(?:remotely|from\s+home|t[ée]l[ée]travail)\s+(?:from|depuis)\s+(?:(?:his|her|their|"
    r"sa|son)\s+(?:home|domicile|r[ée]sidence)\s+(?:in|at|[àa])\s+)?"
    r"(?P<l>(?-i:[A-ZÀ-Ý])[^\n.;()]{2,60})",
    re.I,
)


# A weekly-hours column: "Wkly hrs", "Std hrs/wk", "Working hours", "Heures/semaine".
_HOURS_HEADER = re.compile(
    r"(?:wkly|weekly|std\.?|standard|working|scheduled)\s*(?:hrs|hours)|(?:hrs|hours)\s*/\s*(?:wk|week)"
    r"|heures\s*/\s*semaine|wochenstunden",
    re.I,
)


# "FTE 1.0000 = 37.50 hrs/wk": what a full-time week is at the employer, no one's hours.
_FTE_BASE = re.compile(r"(?:\bFTE\s*1(?:[.,]0+)?|\b1(?:[.,]0+)?\s*FTE)\s*=\s*$", re.I)


# A form's labelled weekly hours: "Standard Hours: 40", "Scheduled hours<tab>37.5".
_LABELLED_HOURS = re.compile(
    rf"(?:{_HOURS_HEADER.pattern})(?:\s+per\s+week)?\s*[:\t]\s*(?P<n>\d{{1,2}}(?:[.,]\d+)?)\b(?![.,]\d)"
    # not a clock time, a day's hours or an FTE before the hours: "Working hours: 8 a.m. to 5
    # p.m.", "9-5", "8 per day", "FTE / Standard hours: 1.00 / 37.50"
    r"(?!\s*(?:[/:–-]\s*\d|[ap]\.?\s?m\b|to\b|h\b|(?:hours?|hrs?)?\s*(?:a|per|/)\s*day|daily))",
    re.I,
)
# Opening hours of a help line ("HR Service Center, 1-888-555-0143 (Mon-Fri 7 a.m. - 6 p.m.
# CT)"): when someone answers the phone, not when the employee works. Not "office hours": letters
# use it for the employee's own ("Office hours for both roles were 9 hours a day").
_SERVICE_HOURS = re.compile(
    r"(?:\b(?:call|contact|questions?|reach|helpline|hotline|service\s+"
    r"cent(?:er|re)|help\s*desk|support)\b[^.\n]{0,80}|\d{3}[-. ]\d{4}\s*)\(?\s*$",
    re.I,
)


def _labelled_hours(ctx: Ctx, lo: int, hi: int) -> dict:
    m = _LABELLED_HOURS.search(ctx.text, lo, hi)
    value = number(m["n"]) if m else None
    if m is None or value is None or not 1 <= value <= 84:
        return {}
    return {"hours_per_week": ctx.found(float(value), m.start("n"), m.end("n"), 0.9)}


def hours_terms(ctx: Ctx, lo: int, hi: int) -> dict:
    labelled = _labelled_hours(ctx, lo, hi)
    if labelled:
        return labelled
    found = [shift(h, lo) for h in find_hours(ctx.text[lo:hi])]
    found = [h for h in found if not _FTE_BASE.search(ctx.text, max(0, h.start - 25), h.start)]
    found = [
        h for h in found if not _SERVICE_HOURS.search(ctx.text, max(lo, h.start - 100), h.start)
    ]
    numeric = [h for h in found if not h.text_only and (h.per_week is not None)]
    if numeric:
        h = numeric[0]
        out: dict = {
            "hours_per_week": ctx.found(
                float(h.min if h.min is not None and h.period == "week" else h.per_week),
                h.start,
                h.end,
            )
        }
        if h.is_range and h.max is not None and h.period == "week":
            out["hours_per_week_max"] = float(h.max)
        return out
    for raw, s, e, _ in cells_under(ctx, lo, hi, _HOURS_HEADER):
        value = number(raw.split()[0]) if raw.split() else None
        if value is not None and 1 <= value <= 80:
            return {"hours_per_week": ctx.found(float(value), s, e, 0.9)}
    labels = [h for h in found if h.text_only]
    if labels:
        h = labels[0]
        return {"hours_text": ctx.found(h.label or h.text, h.start, h.end)}
    return {}


def read_benefits(ctx: Ctx, lo: int, hi: int) -> Found[str] | None:
    for m in _BENEFITS.finditer(ctx.text, lo, hi):
        s, e = trim(ctx.text, m.start("b"), m.end("b"), " \t\n,;:")
        value = re.sub(r"\s+", " ", ctx.text[s:e])
        if len(value) < 6 or re.match(
            r"(?:(?:a|an)\s+|no\s+)?(?:(?:monthly|annual|gross)\s+)?(?:salary|wage|pay|stipend)\b|"
            r"no\b",
            value,
            re.I,
        ):
            continue
        return ctx.found(value, s, e)
    return None


def read_remote(ctx: Ctx, lo: int, hi: int) -> Found[bool] | None:
    no = _REMOTE_NO.search(ctx.text, lo, hi)
    yes = _REMOTE_YES.search(ctx.text, lo, hi)
    if no is not None:
        return ctx.found(False, no.start(), no.end())
    if yes is not None:
        return ctx.found(True, yes.start(), yes.end())
    return None


def read_relationship(ctx: Ctx, lo: int, hi: int) -> Found | None:
    for kind, pattern in _RELATIONSHIPS:
        m = pattern.search(ctx.text, lo, hi)
        if m is not None:
            return ctx.found(kind, m.start(), m.end())
    return None


def letter_level(ctx: Ctx, lo: int, first: int, positions: list[Position]) -> list[Position]:
    """Facts the letter states once, before its positions ("He works remotely from his home in
    Toronto", "as a self-employed freelance designer"), apply to the positions that do not say
    otherwise."""
    if first <= lo or not positions:
        return positions
    shared: dict = {}
    remote = read_remote(ctx, lo, first)
    if remote is not None:
        shared["remote"] = remote
    if (loc := read_location(ctx, lo, first)) is not None:
        shared["work_location"] = loc
    relationship = read_relationship(ctx, lo, first)
    if relationship is not None:
        shared["relationship"] = relationship
    return [fill_missing(p, shared) for p in positions]


def fill_missing(p: Position, values: dict) -> Position:
    """`p` with the values it lacks (None there, given here): a position's own statement wins."""
    update = {k: v for k, v in values.items() if v is not None and getattr(p, k) is None}
    return updated(p, **update) if update else p


def read_location(ctx: Ctx, lo: int, hi: int) -> Found[str] | None:
    """Where the work is done: "works remotely from Toronto, Ontario", "Work location: ...",
    "at our office in Calgary"."""
    remote = _REMOTE_FROM.search(ctx.text, lo, hi)
    if remote is not None:
        s, e = trim(ctx.text, remote.start("l"), remote.end("l"), " \t\n,;:.")
        return ctx.found(ctx.text[s:e], s, e)
    m = _LOCATION.search(ctx.text, lo, hi)
    if m is None:
        return None
    g = "l" if m.group("l") else "l2"
    s, e = trim(ctx.text, m.start(g), m.end(g), " \t\n,;:.")
    return ctx.found(ctx.text[s:e], s, e)
