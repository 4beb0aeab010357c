"""Contracts: parties, relationship (employee, contractor, intern, volunteer), signing date and
the position with its start, hours, pay and duties."""

from __future__ import annotations

import re

from nlp_models.parse.context import Ctx, trim
from nlp_models.parse.labels import label_date, label_value, phrase_date
from nlp_models.parse.parties import issuer
from nlp_models.parse.position_anchors import Anchor, title_in
from nlp_models.parse.positions import build_position
from nlp_models.parse.signatory import is_person, signatory, strip_honorific
from nlp_models.parsed import ContractFields, Found, Position, Signatory

_ROLE = {
    "employee": re.compile(
        r"\b(?:employee|employment\s+agreement|employment\s+contract|"
        r"contract\s+of\s+employment|salari[ée]e?|employ[ée]e?|contrat\s+de\s+travail)\b",
        re.I,
    ),
    "contractor": re.compile(
        r"\b(?:independent\s+contractor|contractor|"
        r"consultant|consulting\s+agreement|services\s+agreement|"
        r"service\s+provider|self-employed|travailleur\s+autonome|prestataire)\b",
        re.I,
    ),
    "intern": re.compile(r"\b(?:intern|internship|stagiaire|stage|trainee|apprentice)\b", re.I),
    "volunteer": re.compile(r"\b(?:volunteer|b[ée]n[ée]vole|unpaid\s+volunteer)\b", re.I),
}
_NEGATED = re.compile(
    r"(?:\bnot\s+(?:an?\s+)?|\bno\s+|\bn['’]est\s+pas\s+(?:un\s+)?|\bnor\s+(?:an?\s+)?)$", re.I
)
_PARTY = re.compile(
    r"(?:and|et)\s+(?P<n>[A-ZÀ-Ý][\w'’.\-]+(?:\s+[A-ZÀ-Ý][\w'’.\-]+){1,3})\s*,?\s*\((?:the|"
    r"le|la|l['’])?\s*[\"“«]?\s*"
    r"(?P<r>employee|contractor|consultant|intern|volunteer|salari[ée]e?|employ[ée]e?|stagiaire)",
    re.I,
)
_SIGNED_FOR = re.compile(
    r"^(?:signed\s+for\s+(?:and\s+on\s+behalf\s+of\s+)?the\s+(?:employer|"
    r"company|client)|for\s+the\s+(?:employer|company|client)"
    r"|pour\s+l['’]employeur|per)\s*[:,]\s*(?P<n>[^,\n]+?)(?:\s*,\s*(?P<t>[^\n]+))?$",
    re.I,
)
_SIGNED_BY = re.compile(
    r"^(?:signed\s+by\s+the\s+(?:employee|contractor|"
    r"consultant|intern|volunteer)|(?:the\s+)?employee|l['’]employ[ée]e?)\s*[:,]\s*(?P<n>[^,\n]+)$",
    re.I,
)
_START = (
    # "with effect from 02/12/2019", "w.e.f. 1 June": an appointment letter's start
    r"with\s+effect\s+from|w\.\s?e\.\s?f\.?|effective\s+(?:from|on)|"
    r"start(?:ing)?\s+(?:on|date)|commenc(?:ing|es|e)\s+on|effective(?:\s+date)?|begin(?:ning|"
    r"s)?\s+on|date\s+de\s+d[ée]but|à\s+compter\s+du|d[ée]butant\s+le"
)
_END = (
    r"end(?:ing)?\s+(?:on|date)|until|expir(?:es|"
    r"ing)\s+on|terminat(?:es|ing)\s+on|date\s+de\s+fin|jusqu['’]au"
)


def parse_contract(ctx: Ctx) -> ContractFields:
    party, _, _ = issuer(ctx)
    text = ctx.text
    applicant = None
    m = _PARTY.search(text)
    if m:
        applicant = ctx.found(strip_honorific(m.group("n")), m.start("n"), m.end("n"))
    sign = Signatory()
    for ln in ctx.lines:
        f = _SIGNED_FOR.match(ln.text)
        if f and is_person(f.group("n").strip()):
            fields = {"name": _span(ctx, ln.start + f.start("n"), ln.start + f.end("n"))}
            if f.group("t"):
                fields["title"] = _span(ctx, ln.start + f.start("t"), ln.start + f.end("t"))
            sign = Signatory(**fields)
        b = _SIGNED_BY.match(ln.text)
        if b and applicant is None and is_person(b.group("n").strip()):
            applicant = _span(ctx, ln.start + b.start("n"), ln.start + b.end("n"))
    if sign.name is None:
        sign = signatory(ctx)
    signed = phrase_date(
        ctx, r"(?:made|entered\s+into|signed|dated|fait)\s+(?:on|le|this)?"
    ) or label_date(ctx, r"date(?:\s+signed)?|signed\s+on")
    return ContractFields(
        employer=party,
        applicant=applicant,
        signatory=sign,
        relationship_type=_relationship(ctx),
        signed_date=signed,
        positions=(_contract_position(ctx),),
    )


def _span(ctx: Ctx, s: int, e: int) -> Found[str]:
    s, e = trim(ctx.text, s, e)
    return ctx.found(re.sub(r"\s+", " ", ctx.text[s:e]), s, e)


def _relationship(ctx: Ctx) -> Found | None:
    best = None
    scores: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    for kind, rx in _ROLE.items():
        for m in rx.finditer(ctx.text):
            if _NEGATED.search(ctx.text, max(0, m.start() - 20), m.start()):
                continue
            scores[kind] = scores.get(kind, 0) + (3 if m.start() < 300 else 1)
            first.setdefault(kind, (m.start(), m.end()))
    # "contractor" also appears inside "independent contractor agreement" clauses of employee
    # contracts only when negated, which is skipped above.
    if scores:
        best = max(scores, key=lambda k: scores[k])
        return ctx.found(best, *first[best])
    return None


# Another thing's validity in the same sentence: a permit, visa or licence, a probation.
_NOT_THE_JOB = (
    r"permit|visa|licen[cs]e|passport|certificat|insurance|probation|permis|pgwp|\bwp\b|\bsp\b"
)


def _contract_position(ctx: Ctx):
    text = ctx.text
    lab = label_value(ctx, r"job\s+title|position|title|poste|fonction|role")
    title = lab if lab is not None else title_in(ctx, 0, len(text))
    start = phrase_date(ctx, _START) or label_date(
        ctx, r"start\s+date|date\s+de\s+d[ée]but|commencement\s+date"
    )
    end = phrase_date(ctx, _END, unless_before=_NOT_THE_JOB) or label_date(
        ctx, r"end\s+date|date\s+de\s+fin|expiry\s+date"
    )
    sd = _date_match(ctx, start)
    ed = _date_match(ctx, end)
    anchor = Anchor(None, 0, title, sd, ed, None)
    position = build_position(ctx, anchor, title, 0, len(text))
    # A contract states the relationship once, for itself (ContractFields.relationship_type).
    return Position(**{**dict(position), "relationship": None})


def _date_match(ctx: Ctx, found):
    if found is None or found.where is None:
        return None
    base = ctx.pages.offsets[found.where.page - 1]
    got = ctx.dates(base + found.where.start, base + found.where.end)
    return got[0] if got else None
