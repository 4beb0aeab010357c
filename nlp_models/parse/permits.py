"""Study and work permits: type, holder, validity, conditions, employer, occupation and
whether off-campus work is authorised."""

from __future__ import annotations

import re

from nlp_models.parse.context import Ctx, trim
from nlp_models.parse.labels import label_date, label_text
from nlp_models.parsed import DocKind, Found, PermitFields

_FROM = (
    r"date\s+(?:of\s+)?issue[d]?|issue\s+date|issued\s+on|"
    r"valid\s+from|date\s+de\s+d[ée]livrance|d[ée]livr[ée]\s+le|effective\s+date"
)
_TO = (
    r"expiry\s+date|date\s+of\s+expiry|expires?\s+on|"
    r"valid\s+(?:until|to)|expiration\s+date|date\s+d['’]expiration|"
    r"expire\s+le|valide\s+jusqu['’]au"
)
_CONDITION = re.compile(
    r"^(?:(?:not|may|must|shall|is\s+not|prohibited|restricted|valid\s+only|unless|ne\s+peut|"
    r"peut|doit|non\s+autoris[ée])\b.*"
    r"|.*\b(?:authorized|authorised|permitted|autoris[ée]e?)\b.*)$",
    re.I,
)
_OFF_NO = re.compile(
    r"not\s+(?:authori[sz]ed|permitted|allowed)\s+to\s+work\s+off[\s-]campus|"
    r"no\s+off[\s-]campus|ne\s+peut\s+pas\s+travailler\s+hors\s+campus",
    re.I,
)
_OFF_YES = re.compile(
    r"may\s+(?:work|accept\s+employment)\s+(?:on\s+or\s+)?off[\s-]campus|"
    r"off[\s-]campus\s+work\s+(?:is\s+)?(?:authori[sz]ed|"
    r"permitted)|peut\s+travailler\s+hors\s+campus",
    re.I,
)


def parse_permit(ctx: Ctx, kind: DocKind) -> PermitFields:
    holder = label_text(ctx, r"name|holder|full\s+name|nom|titulaire")
    if holder is None:
        family = label_text(ctx, r"family\s+name|surname|last\s+name|nom\s+de\s+famille")
        given = label_text(ctx, r"given\s+name\(?s?\)?|first\s+name|pr[ée]nom\(?s?\)?")
        if family is not None and given is not None:
            holder = Found(value=f"{given.value} {family.value}", where=family.where)
    employer = label_text(ctx, r"employer|employeur")
    if employer is not None and re.fullmatch(
        r"(?i)open|any|ouvert|n/?a|none", employer.value.strip()
    ):
        employer = None
    return PermitFields(
        permit_type=_type(ctx, kind, employer),
        holder=holder,
        valid_from=label_date(ctx, _FROM),
        valid_to=label_date(ctx, _TO),
        conditions=tuple(_conditions(ctx)),
        employer_named=employer,
        occupation_named=label_text(ctx, r"occupation|profession|job\s+title"),
        off_campus_authorized=_off_campus(ctx),
    )


def _type(ctx: Ctx, kind: DocKind, employer: Found | None) -> Found | None:
    text = ctx.text
    checks = [
        (
            "pgwp",
            r"post[\s-]graduation\s+work\s+permit|pgwp|permis\s+de\s+travail\s+post[\s-]diplôme",
        ),
        (
            "co-op",
            r"co-?op(?:erative)?\s+(?:work\s+)?permit|co-?op\s+work|"
            r"integral\s+part\s+of\s+(?:the|a|their)\s+(?:study\s+)?program",
        ),
        ("study", r"study\s+permit|permis\s+d['’][ée]tudes"),
        ("work-open", r"open\s+work\s+permit|permis\s+de\s+travail\s+ouvert|employer\s*:\s*open"),
    ]
    for value, rx in checks:
        if value == "study" and kind != DocKind.STUDY_PERMIT:
            continue
        m = re.search(rx, text, re.I)
        if m:
            return ctx.found(value, m.start(), m.end())
    if kind == DocKind.WORK_PERMIT:
        m = re.search(r"work\s+permit|permis\s+de\s+travail", text, re.I)
        value = "work-employer-specific" if employer is not None else "work-open"
        if m:
            return ctx.found(value, m.start(), m.end(), 0.8)
    return None


def _conditions(ctx: Ctx) -> list[Found[str]]:
    out: list[Found[str]] = []
    start = None
    for ln in ctx.lines:
        if re.match(r"^(?:conditions?|remarks?|observations?)\s*[:/]", ln.text, re.I):
            start = ln.index
            rest = ln.text.split(":", 1)[1].strip() if ":" in ln.text else ""
            if rest:
                s = ln.end - len(rest)
                out.append(ctx.found(rest, s, ln.end))
            continue
        in_block = start is not None and ln.index - start <= 8
        if (
            (in_block or _CONDITION.match(ln.text))
            and len(ln.text.split()) >= 3
            and ":" not in ln.text[:25]
        ):
            s, e = trim(ctx.text, ln.start, ln.end)
            out.append(ctx.found(ctx.text[s:e], s, e))
    return out


def _off_campus(ctx: Ctx) -> Found[bool] | None:
    m = _OFF_NO.search(ctx.text)
    if m:
        return ctx.found(False, m.start(), m.end())
    m = _OFF_YES.search(ctx.text)
    if m:
        return ctx.found(True, m.start(), m.end())
    return None
