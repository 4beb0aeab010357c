"""Positions in a letter or contract: title, period, hours, pay, benefits, duties, location.

A position is anchored on a period ("From March 2020 to present", "Period: ...", "depuis le 3
janvier 2022") or on labelled fields ("Designation:", "Date of joining:"). Each anchor owns the
text up to the next one; hours, pay, duties and benefits are read inside that segment, so a
letter describing a promotion yields two positions with their own terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp_models.normalize import find_date_ranges, find_hours, find_money
from nlp_models.normalize.models import DateMatch, DateRangeMatch
from nlp_models.parse.context import Ctx, Line, shift, trim
from nlp_models.parsed import Found, Money, Position

# Words that end a job title in running text.
_STOP = (
    r"(?:on|from|since|with|at|in|for|to|between|until|till|effective|starting|during|where|and\s+"
    r"(?:has|was|is)|depuis|du|au|chez|pour|avec|dans|de\s+(?:janvier|f[ée]vrier|mars|avril|mai"
    r"|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre))"
)
_TITLE = (
    rf"(?P<t>(?:(?!{_STOP}\b)[^\s,.;:()\n][^\s,;:()\n]*)"
    rf"(?:[ \t]+(?!{_STOP}\b)[^\s,;:()\n]+){{0,7}})"
)
_AS = re.compile(
    rf"(?:\b(?:worked|works|working|work|served|serves|serving|employed|hired|engaged|appointed"
    rf"|promoted|joined|designated|engaged)\b[^.\n]{{0,40}}?\b(?:as|"
    rf"to\s+the\s+(?:position|role|post)"
    rf"\s+of)\s+(?:an?\s+|the\s+|our\s+)?|\b(?:in\s+the\s+(?:position|role|capacity)\s+of|"
    rf"(?:position|role|designation|post)\s+(?:of|as)|au\s+poste\s+d[e'’]\s*|en\s+tant\s+qu[e'’]\s*"
    rf"|(?:à\s+titre|a\s+titre)\s+d[e'’]\s*|comme\s+|"
    rf"services\s+of\s+)\s*(?:an?\s+|the\s+|l[ae'’]\s*)?"
    rf"|(?<![A-Za-z])as\s+(?:an?\s+|the\s+)?(?={_TITLE.replace('(?P<t>', '(?:')}\s+(?:from|"
    rf"since|between"
    rf"|du|depuis)\b)){_TITLE}",
    re.I,
)
_LABEL_TITLE = re.compile(
    r"^(?:job\s+title|position(?:\s+held)?|title|designation|role|occupation|poste(?:\s+occup[ée])?"
    r"|titre\s+du\s+poste|fonction|emploi)\s*[:\t]\s*(?P<t>.+)$",
    re.I,
)
_LABEL_START = re.compile(
    r"^(?:start\s+date|date\s+of\s+(?:joining|hire|employment)|joining\s+date|hire\s+date"
    r"|employed\s+since|date\s+d['’](?:entr[ée]e|"
    r"embauche)|date\s+de\s+d[ée]but)\s*[:\t]\s*(?P<v>.+)$",
    re.I,
)
_LABEL_END = re.compile(
    r"^(?:end\s+date|last\s+(?:working\s+)?day|date\s+of\s+(?:leaving|relieving|separation|exit)"
    r"|relieving\s+date|date\s+de\s+(?:fin|d[ée]part))\s*[:\t]\s*(?P<v>.+)$",
    re.I,
)
_PERIOD_LABEL = re.compile(r"^(?:period|dates?|duration|p[ée]riode|du)\s*[:\t]", re.I)
_DUTIES_HEAD = re.compile(
    r"(?:duties|responsibilities|tasks|job\s+description|key\s+result\s+areas|kras?\b|t[âa]ches"
    r"|fonctions|responsabilit[ée]s|attributions|functions\s+performed|role\s+involved"
    r"|\bwill\s*:\s*$|\bnamely\s*:\s*$)",
    re.I,
)
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
            r"\bindependent\s+contractor\b|\bas\s+an?\s+(?:independent\s+)?contractor\b"
            rf"|\bcontractor\s+(?:basis|agreement|relationship)\b|{_STATUS}\bcontractor\b"
            r"|\bsous-traitant",
            re.I,
        ),
    ),
)
_UNPAID = re.compile(
    r"\bunpaid\b|no\s+(?:salary|wages?|remuneration|pay)\b|without\s+(?:pay|remuneration)"
    r"|non\s+r[ée]mun[ée]r[ée]|sans\s+r[ée]mun[ée]ration|b[ée]n[ée]vole",
    re.I,
)
# "works remotely from his home in Toronto, Ontario, Canada": the place the work is done.
_REMOTE_FROM = re.compile(
    r"(?:remotely|from\s+home|t[ée]l[ée]travail)\s+(?:from|depuis)\s+(?:(?:his|her|their|"
    r"sa|son)\s+(?:home|domicile|r[ée]sidence)\s+(?:in|at|[àa])\s+)?"
    r"(?P<l>(?-i:[A-ZÀ-Ý])[^\n.;()]{2,60})",
    re.I,
)
# Sentence openings of running text (not of an imperative duty).
_NARRATIVE = re.compile(
    r"^(?:she|he|they|her|his|their|it|its|we|our|i|you|the|this|that|these|in|all|also|during"
    r"|as|mr|ms|mrs|dr|please|il|elle|ils|elles|ses|son|sa|le|la|les|cette|ce|nous|pour|en|au)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?;:]\s*$")


@dataclass
class _Anchor:
    rng: DateRangeMatch | None
    start: int  # segment start
    title: tuple[int, int] | None
    start_date: DateMatch | None
    end_date: DateMatch | None
    present: tuple[int, int] | None


def _sentence_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    s = pos
    while s > lo and not (text[s - 1] in ".!?" and (s >= len(text) or text[s].isspace())):
        if text[s - 1] == "\n" and s - 2 >= lo and text[s - 2] in ":":
            break
        s -= 1
    e = pos
    while e < hi and not (text[e] in ".!?" and (e + 1 >= len(text) or text[e + 1].isspace())):
        e += 1
    return s, e


def _title_in(ctx: Ctx, lo: int, hi: int) -> tuple[int, int] | None:
    m = _AS.search(ctx.text, lo, hi)
    if m is None:
        return None
    s, e = trim(ctx.text, m.start("t"), m.end("t"), " \t\n,;:-.")
    if e - s < 2 or len(ctx.text[s:e].split()) > 8:
        return None
    return s, e


_LEAD_BAD = re.compile(
    r"\b(?:from|since|to|du|depuis|was|is|has|been|were|worked|employed|the|this|that|period|"
    r"dates?)\b|:$",
    re.I,
)


def _line_lead(ctx: Ctx, line: Line, pos: int) -> tuple[int, int] | None:
    """Short words at the start of the line before a period: a title, not a sentence."""
    s, e = trim(ctx.text, line.start, pos, " \t(,;:-–")
    lead = ctx.text[s:e]
    if not lead or len(lead.split()) > 8 or _LEAD_BAD.search(lead) or not lead[:1].isalpha():
        return None
    if _PERIOD_LABEL.match(lead) or lead.endswith("."):
        return None
    return s, e


def _title_line_before(ctx: Ctx, line: Line) -> tuple[int, int] | None:
    """The heading above a "Period:" line: a short line without a colon or a final period."""
    i = line.index - 1
    while i >= 0:
        ln = ctx.lines[i]
        if ln.is_noise:
            i -= 1
            continue
        t = ln.text
        if ":" in t or t.endswith((".", ",")) or len(t.split()) > 8 or ln.bullet:
            lab = _LABEL_TITLE.match(t)
            if lab:
                return ln.start + lab.start("t"), ln.end
            if ":" in t and len(t.split(":")[0].split()) <= 3 and i > line.index - 4:
                i -= 1  # another labelled row of the same block ("Status: ...")
                continue
            return None
        return ln.start, ln.end
    return None


def _anchors(ctx: Ctx, lo: int, hi: int) -> list[_Anchor]:
    text = ctx.text
    ranges = [shift(r, lo) for r in find_date_ranges(text[lo:hi], country=ctx.country,
                                                     prefer=ctx.prefer)]  # fmt: skip
    out: list[_Anchor] = []
    for r in ranges:
        line = ctx.line_at(r.start)
        title = None
        seg_start = r.start
        if line is not None and _PERIOD_LABEL.match(line.text):
            title = _title_line_before(ctx, line)
            seg_start = title[0] if title else line.start
        else:
            s, e = _sentence_bounds(text, r.start, lo, hi)
            title = _title_in(ctx, s, e + 1)
            seg_start = s
            lead = _line_lead(ctx, line, r.start) if line is not None else None
            if title is None and lead is not None:
                # "Graduate Engineer (2nd October, 2017 to ...)", a table row "Accounts
                # Executive 04/06/2018 31/03/2021 ...".
                title, seg_start = lead, line.start
        present = (r.end_present.start, r.end_present.end) if r.end_present else None
        if r.open_end and r.end_present is None:
            # "since May 2022": ongoing unless the letter says otherwise.
            present = (r.start, r.start_date.start)
        out.append(_Anchor(r, seg_start, title, r.start_date, r.end_date, present))
    return _prune(out)


def _key(a: _Anchor) -> tuple:
    return (
        a.start_date.value if a.start_date else None,
        a.end_date.value if a.end_date else None,
        a.present is not None,
    )


def _prune(anchors: list[_Anchor]) -> list[_Anchor]:
    # The same period stated twice (opening sentence, then the detail): keep the one with a title.
    kept: list[_Anchor] = []
    for a in anchors:
        same = next((k for k in kept if _key(k) == _key(a)), None)
        if same is None:
            kept.append(a)
        elif same.title is None and a.title is not None:
            kept[kept.index(same)] = a
    # A period that covers other periods without a title of its own is the whole employment
    # ("employed since 2021"), not a position.
    titled = [a for a in kept if a.title is not None]
    result = []
    for a in kept:
        if a.title is None and titled and any(_inside(b, a) for b in titled if b is not a):
            continue
        result.append(a)
    if titled and len(result) > len(titled):
        # Untitled periods elsewhere in a letter with titled positions are other facts
        # ("courses taken from ... to ..."), unless nothing else is.
        result = [a for a in result if a.title is not None]
    return sorted(result, key=lambda a: a.start)


def _inside(inner: _Anchor, outer: _Anchor) -> bool:
    if inner.start_date is None or outer.start_date is None:
        return False
    if inner.start_date.value < outer.start_date.value:
        return False
    if outer.present is not None:
        return True
    if outer.end_date is None:
        return False
    inner_end = inner.end_date.value if inner.end_date else None
    return inner_end is not None and inner_end <= outer.end_date.last_day


def parse_positions(ctx: Ctx, lo: int, hi: int) -> list[Position]:
    """Every position described in text[lo:hi]."""
    anchors = _anchors(ctx, lo, hi)
    if not anchors:
        labelled = _labelled_anchor(ctx, lo, hi)
        if labelled is None:
            return []
        anchors = [labelled]
    doc_title = _title_in(ctx, lo, hi) if any(a.title is None for a in anchors) else None
    out: list[Position] = []
    for i, a in enumerate(anchors):
        seg_end = anchors[i + 1].start if i + 1 < len(anchors) else hi
        seg_lo = a.start if i > 0 else min(a.start, _first_detail(ctx, lo, a.start))
        title = a.title or (doc_title if len(anchors) == 1 else None)
        if title is None:
            lab = _label_in(ctx, _LABEL_TITLE, lo if i == 0 else a.start, seg_end, "t")
            title = lab
        out.append(_position(ctx, a, title, seg_lo, seg_end))
    out = _letter_level(ctx, lo, anchors[0].start, out)
    shared = _benefits(ctx, anchors[-1].start, hi) if out else None
    if shared is not None and len(out) > 1:
        # Benefits stated once after the positions apply to all of them.
        out = [
            p if p.benefits is not None else Position(**{**dict(p), "benefits": shared})
            for p in out
        ]
    return out


def _first_detail(ctx: Ctx, lo: int, start: int) -> int:
    # The first position's segment starts at its anchor; details stated before it in the same
    # paragraph are rare, so the anchor is kept.
    return start


def _label_in(
    ctx: Ctx, rx: re.Pattern[str], lo: int, hi: int, group: str
) -> tuple[int, int] | None:
    for ln in ctx.lines_in(lo, hi):
        m = rx.match(ln.text)
        if m:
            s, e = trim(ctx.text, ln.start + m.start(group), ln.start + m.end(group))
            if e > s:
                return s, e
    return None


def _labelled_anchor(ctx: Ctx, lo: int, hi: int) -> _Anchor | None:
    start = _label_in(ctx, _LABEL_START, lo, hi, "v")
    if start is None:
        return None
    sd = ctx.dates(*start)
    if not sd:
        return None
    end = _label_in(ctx, _LABEL_END, lo, hi, "v")
    ed = ctx.dates(*end) if end else []
    present = None
    if (
        end
        and not ed
        and re.search(r"present|current|date|ce\s+jour|actuel", ctx.text[end[0] : end[1]], re.I)
    ):
        present = end
    title = _label_in(ctx, _LABEL_TITLE, lo, hi, "t")
    first = min(x for x in (start[0], title[0] if title else start[0]))
    line = ctx.line_at(first)
    return _Anchor(
        None, line.start if line else first, title, sd[0], ed[0] if ed else None, present
    )


def _position(ctx: Ctx, a: _Anchor, title: tuple[int, int] | None, lo: int, hi: int) -> Position:
    text = ctx.text
    fields: dict = {}
    if title is not None:
        s, e = title
        fields["title"] = ctx.found(re.sub(r"\s+", " ", text[s:e]), s, e)
    if a.start_date is not None:
        d = a.start_date
        fields["start"] = ctx.found(d.value, d.start, d.end)
        fields["start_precision"] = d.precision
    if a.end_date is not None:
        d = a.end_date
        value = d.last_day if d.precision != "day" else d.value
        fields["end"] = ctx.found(value, d.start, d.end)
        fields["end_precision"] = d.precision
        # An end date says the position is over.
        fields["is_current"] = ctx.found(False, d.start, d.end)
    elif a.present is not None:
        fields["is_current"] = ctx.found(True, *a.present)
    fields.update(_hours(ctx, lo, hi))
    relationship = _relationship(ctx, lo, hi)
    if relationship is not None:
        fields["relationship"] = relationship
    pay = _pay(ctx, lo, hi) or _unpaid(ctx, lo, hi)
    if pay is not None:
        fields["pay"] = pay
    benefits = _benefits(ctx, lo, hi)
    if benefits is not None:
        fields["benefits"] = benefits
    fields["duties"] = tuple(parse_duties(ctx, lo, hi))
    remote = _remote(ctx, lo, hi)
    if remote is not None:
        fields["remote"] = remote
    loc = _location(ctx, lo, hi)
    if loc is not None:
        fields["work_location"] = loc
    return Position(**fields)


def _hours(ctx: Ctx, lo: int, hi: int) -> dict:
    found = [shift(h, lo) for h in find_hours(ctx.text[lo:hi])]
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
    labels = [h for h in found if h.text_only]
    if labels:
        h = labels[0]
        return {"hours_text": ctx.found(h.label or h.text, h.start, h.end)}
    return {}


_PAY_WORD = re.compile(
    r"salary|wage|pay|paid|earn|remunerat|compensation|ctc|stipend|salaire|r[ée]mun[ée]r|taux|rate",
    re.I,
)


def _pay(ctx: Ctx, lo: int, hi: int) -> Found[Money] | None:
    found = [shift(m, lo) for m in find_money(ctx.text[lo:hi], country=ctx.country)]
    if not found:
        return None
    with_period = [m for m in found if m.period is not None]
    pick = with_period[0] if with_period else None
    if pick is None:
        for m in found:
            if _PAY_WORD.search(ctx.text, max(lo, m.start - 60), m.start):
                pick = m
                break
    if pick is None:
        return None
    money = Money(amount=float(pick.amount), currency=pick.currency, period=pick.period)
    return ctx.found(money, pick.start, pick.end, 0.7 if pick.currency_assumed else 1.0)


def _benefits(ctx: Ctx, lo: int, hi: int) -> Found[str] | None:
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


def _remote(ctx: Ctx, lo: int, hi: int) -> Found[bool] | None:
    no = _REMOTE_NO.search(ctx.text, lo, hi)
    yes = _REMOTE_YES.search(ctx.text, lo, hi)
    if no is not None:
        return ctx.found(False, no.start(), no.end())
    if yes is not None:
        return ctx.found(True, yes.start(), yes.end())
    return None


def _relationship(ctx: Ctx, lo: int, hi: int) -> Found | None:
    for kind, pattern in _RELATIONSHIPS:
        m = pattern.search(ctx.text, lo, hi)
        if m is not None:
            return ctx.found(kind, m.start(), m.end())
    return None


def _unpaid(ctx: Ctx, lo: int, hi: int) -> Found[Money] | None:
    """No pay, said in words ("unpaid internship (no salary or wages)"): an amount of zero."""
    m = _UNPAID.search(ctx.text, lo, hi)
    if m is None:
        return None
    return ctx.found(Money(amount=0.0, currency=None, period=None), m.start(), m.end())


def _letter_level(ctx: Ctx, lo: int, first: int, positions: list[Position]) -> list[Position]:
    """Facts the letter states once, before its positions ("He works remotely from his home in
    Toronto", "as a self-employed freelance designer"), apply to the positions that do not say
    otherwise."""
    if first <= lo or not positions:
        return positions
    shared: dict = {}
    remote = _remote(ctx, lo, first)
    if remote is not None:
        shared["remote"] = remote
    m = _REMOTE_FROM.search(ctx.text, lo, first)
    if m is not None:
        s, e = trim(ctx.text, m.start("l"), m.end("l"), " \t\n,;:.")
        shared["work_location"] = ctx.found(ctx.text[s:e], s, e)
    elif (loc := _location(ctx, lo, first)) is not None:
        shared["work_location"] = loc
    relationship = _relationship(ctx, lo, first)
    if relationship is not None:
        shared["relationship"] = relationship
    if not shared:
        return positions
    return [
        Position(**{**dict(p), **{k: v for k, v in shared.items() if getattr(p, k) is None}})
        for p in positions
    ]


def _location(ctx: Ctx, lo: int, hi: int) -> Found[str] | None:
    m = _LOCATION.search(ctx.text, lo, hi)
    if m is None:
        return None
    g = "l" if m.group("l") else "l2"
    s, e = trim(ctx.text, m.start(g), m.end(g), " \t\n,;:.")
    return ctx.found(ctx.text[s:e], s, e)


def parse_duties(ctx: Ctx, lo: int, hi: int) -> list[Found[str]]:
    """Duties listed after a heading ("Main duties:", "Ses principales tâches ...") or as
    bullets; a wrapped item's lines are joined."""
    lines = [ln for ln in ctx.lines_in(lo, hi) if not ln.is_noise]
    heads = [i for i, ln in enumerate(lines) if _DUTIES_HEAD.search(ln.text)
             and (ln.text.rstrip().endswith(":") or len(ln.text.split()) <= 8)]  # fmt: skip
    head = heads[0] if heads else None
    # "3. Duties" then "The Employee's main duties are:": the list follows the last heading.
    while head is not None and head + 1 in heads:
        head += 1
    if head is not None and _inline_list(lines[head].text):
        return _inline(ctx, lines[head])
    start = head + 1 if head is not None else 0
    items: list[list[Line]] = []
    started = False
    bulleted = False
    for ln in lines[start:]:
        b = ln.bullet
        if b is not None and head is None and re.match(r"^\s*\(?(?:\d{1,2})[.)]", ln.text):
            b = None  # numbered clauses of a contract are not a list without a heading
        if b is not None and not _numbered_heading(ln.text):
            items.append([ln])
            started = bulleted = True
            continue
        if started and items:
            last = items[-1][-1].text
            if bulleted and (not _SENTENCE_END.search(last) or ln.text[:1].islower()):
                items[-1].append(ln)
                continue
            if (
                not bulleted
                and head is not None
                and _is_sentence(ln.text)
                and not _NARRATIVE.match(ln.text)
            ):
                items.append([ln])
                continue
            if bulleted and _is_sentence(ln.text) and not _NARRATIVE.match(ln.text):
                # OCR drops a bullet now and then; an imperative sentence continues the list.
                items.append([ln])
                continue
            break
        if (
            head is not None
            and not started
            and _is_sentence(ln.text)
            and not _NARRATIVE.match(ln.text)
        ):
            # Plain paragraphs after the heading, one duty per line (DOCX).
            items.append([ln])
            started = True
            continue
        if head is not None and not started:
            break
    if not items:
        return _narrative_duties(ctx, lo, hi)
    out = []
    for group in items:
        first = group[0]
        b = first.bullet
        s = first.start + (b.end() if b and not _numbered_heading(first.text) else 0)
        e = group[-1].end
        value = " ".join(ln.text for ln in group)
        if b:
            value = value[b.end() :]
        value = re.sub(r"\s+", " ", value).strip()
        if len(value) >= 8:
            out.append(ctx.found(value, s, e))
    return out


def _inline_list(text: str) -> bool:
    after = text.split(":", 1)[1] if ":" in text else ""
    return after.count(";") >= 1 or after.count(",") >= 2


def _inline(ctx: Ctx, ln: Line) -> list[Found[str]]:
    colon = ln.text.index(":") + 1
    out = []
    pos = ln.start + colon
    for part in re.split(r";|,(?:\s+and)?", ln.text[colon:]):
        s, e = trim(ctx.text, pos, pos + len(part), " \t,;.")
        pos += len(part) + 1
        if e - s >= 4:
            out.append(ctx.found(ctx.text[s:e], s, e))
    return out


def _numbered_heading(text: str) -> bool:
    return (
        bool(re.match(r"^\d{1,2}[.)]\s+\S", text))
        and len(text.split()) <= 6
        and not text.endswith(".")
    )


def _is_sentence(text: str) -> bool:
    return len(text.split()) >= 4 and text[:1].isupper() and text.endswith(".")


_DUTY_SENTENCE = re.compile(
    r"(?:duties|responsibilities|tasks|t[âa]ches|fonctions)\s+(?:included|include|were|are|"
    r"consisted\s+of"
    r"|involved|involve|comprenaient|comprennent|"
    r"[ée]taient|sont)\s*:?\s*(?P<l>[^.\n]+(?:\n[^.\n]+)*)\.",
    re.I,
)


def _narrative_duties(ctx: Ctx, lo: int, hi: int) -> list[Found[str]]:
    """ "His duties included inspecting parts, recording results and calibrating tools."."""
    m = _DUTY_SENTENCE.search(ctx.text, lo, hi)
    if m is None:
        return []
    s0, e0 = m.start("l"), m.end("l")
    body = ctx.text[s0:e0]
    sep = ";" if ";" in body else ","
    spans: list[tuple[int, int]] = []
    pos = s0
    for part in body.split(sep):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    # The last item is joined by "and"/"et": "..., recording results and calibrating tools".
    ls, le = spans[-1]
    last = re.search(r"\s(?:and|et)\s", ctx.text[ls:le])
    if last is not None and len(spans) > 1:
        spans[-1:] = [(ls, ls + last.start()), (ls + last.end(), le)]
    out = []
    for s, e in spans:
        s, e = trim(ctx.text, s, e, " \t\n,;:")
        if e - s >= 4:
            out.append(ctx.found(re.sub(r"\s+", " ", ctx.text[s:e]), s, e, 0.8))
    return out
