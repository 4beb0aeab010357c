"""Positions in a letter or contract: title, period, hours, pay, benefits, duties, location.

A position is anchored on a period ("From March 2020 to present", "Period: ...", "depuis le 3
janvier 2022") or on labelled fields ("Designation:", "Date of joining:"). Each anchor owns the
text up to the next one; hours, pay, duties and benefits are read inside that segment, so a
letter describing a promotion yields two positions with their own terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp_models.normalize import find_date_ranges, find_hours
from nlp_models.normalize.models import DateMatch, DateRangeMatch
from nlp_models.parse.context import Ctx, Line, shift, trim
from nlp_models.parse.duties import DUTIES_HEAD, parse_duties
from nlp_models.parse.grids import number
from nlp_models.parse.pay_terms import position_pay, unpaid_pay
from nlp_models.parse.table_cells import cells_under
from nlp_models.parse.titles import find_title, is_company
from nlp_models.parsed import Found, Position

_TITLE_HEADER = (
    r"(?:(?:current\s+|present\s+)?(?:job\s+(?:title|profile)|position(?:\s+(?:held|title))?|"
    r"title|designation|role|occupation|poste(?:\s+occup[ée])?|titre\s+du\s+poste|fonction|"
    r"emploi|puesto|cargo|fun[çc][ãa]o|stelle|t[äa]tigkeit))"
)
_LABEL_TITLE = re.compile(rf"^{_TITLE_HEADER}\s*[:\t]\s*:?\s*(?P<t>.+)$", re.I)
_TITLE_CELL = re.compile(rf"^{_TITLE_HEADER}$", re.I)
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
_REMOTE_FROM = re.compile(
    r"(?:remotely|from\s+home|t[ée]l[ée]travail)\s+(?:from|depuis)\s+(?:(?:his|her|their|"
    r"sa|son)\s+(?:home|domicile|r[ée]sidence)\s+(?:in|at|[àa])\s+)?"
    r"(?P<l>(?-i:[A-ZÀ-Ý])[^\n.;()]{2,60})",
    re.I,
)


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
        if text[e] == ":" and text[e + 1 : e + 2] == "\n":
            break  # "holding the following positions:" introduces a list or a table
        e += 1
    return s, e


def _title_in(ctx: Ctx, lo: int, hi: int) -> tuple[int, int] | None:
    found = find_title(ctx.text, lo, hi)
    return (found.start, found.end) if found is not None else None


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
    if _PERIOD_LABEL.match(lead) or lead.endswith(".") or is_company(lead):
        return None
    return s, e


def _title_cell(ctx: Ctx, line: Line) -> tuple[int, int] | None:
    """A table row's cell under a "Position" / "Designation" header: the header is the
    nearest line above with that cell, read by column index (the extractor keeps one cell per
    column in a table row, empty where blank)."""
    for i in range(line.index - 1, max(-1, line.index - 8), -1):
        head = ctx.lines[i].text.split("\t")
        if len(head) < 2:
            continue
        k = next((j for j, c in enumerate(head) if _TITLE_CELL.match(c.strip())), None)
        if k is None:
            continue
        cells = line.text.split("\t")
        if k >= len(cells) or not cells[k].strip():
            return None
        offset = line.start + sum(len(c) + 1 for c in cells[:k])
        return trim(ctx.text, offset, offset + len(cells[k]))
    return None


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
        elif line is not None and "\t" in line.text:
            # A table row: its title is the cell under the "Position" header.
            title = _title_cell(ctx, line) or _title_in(ctx, line.start, line.end)
            seg_start = line.start
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
    taken = {(a.start_date.start if a.start_date else -1) for a in out}
    out += [a for a in _table_anchors(ctx, lo, hi) if a.start_date.start not in taken]
    return _merge_steps(ctx, _prune(sorted(out, key=lambda a: a.start)))


_FROM_CELL = re.compile(
    r"^(?:valid\s+from|from|start(?:\s+date)?|effective(?:\s+date)?|begin|du|de|d[ée]but|desde|"
    r"von|g[üu]ltig\s+ab)$",
    re.I,
)
_TO_CELL = re.compile(
    r"^(?:valid\s+(?:to|until)|to|end(?:\s+date)?|until|au|[àa]|fin|hasta|bis|g[üu]ltig\s+bis)$",
    re.I,
)
# An end date no one means ("31.12.9999"): HR systems write it for an open-ended record.
_OPEN_END_YEAR = 9000


def _table_anchors(ctx: Ctx, lo: int, hi: int) -> list[_Anchor]:
    """Rows of a table whose header has a "From" and a "To" column (an HR system's job
    history): each row's dates come from those cells, its title from the "Job title" cell."""
    out: list[_Anchor] = []
    header: tuple[int, int] | None = None
    for ln in ctx.lines_in(lo, hi):
        cells = ln.text.split("\t")
        if len(cells) < 3:
            header = None if "\t" not in ln.text else header
            continue
        names = [c.strip() for c in cells]
        f = next((i for i, c in enumerate(names) if _FROM_CELL.match(c)), None)
        t = next((i for i, c in enumerate(names) if _TO_CELL.match(c)), None)
        if f is not None and t is not None:
            header = (f, t)
            continue
        if header is None or max(header) >= len(cells):
            continue
        spans = []
        pos = ln.start
        for c in cells:
            spans.append((pos, pos + len(c)))
            pos += len(c) + 1
        start = ctx.dates(*spans[header[0]])
        if not start:
            continue
        end = ctx.dates(*spans[header[1]])
        end_date = end[0] if end and end[0].value.year < _OPEN_END_YEAR else None
        present = None
        if end_date is None:
            present = spans[header[1]]
        out.append(_Anchor(None, ln.start, _title_cell(ctx, ln), start[0], end_date, present))
    return out


def _span_text(ctx: Ctx, span: tuple[int, int]) -> str:
    return re.sub(r"\s+", " ", ctx.text[span[0] : span[1]])


def _merge_steps(ctx: Ctx, anchors: list[_Anchor]) -> list[_Anchor]:
    """Consecutive rows of one title whose dates follow on (a pay change, a new grade) are one
    position: a new row is not a new job."""
    out: list[_Anchor] = []
    for a in anchors:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.rng is None
            and a.rng is None
            and prev.title is not None
            and a.title is not None
            and _span_text(ctx, prev.title).lower() == _span_text(ctx, a.title).lower()
            and prev.end_date is not None
            and a.start_date is not None
            and 0 <= (a.start_date.value - prev.end_date.value).days <= 1
        ):
            # The last row's segment carries the current pay and hours.
            out[-1] = _Anchor(None, a.start, prev.title, prev.start_date, a.end_date, a.present)
            continue
        out.append(a)
    return out


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
        labelled = _labelled_anchor(ctx, lo, hi) or _joined_anchor(ctx, lo, hi)
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
    if len(out) > 1:
        out = _duties_by_heading(ctx, lo, hi, out)
    shared = _benefits(ctx, anchors[-1].start, hi) if out else None
    if shared is not None and len(out) > 1:
        # Benefits stated once after the positions apply to all of them.
        out = [
            p if p.benefits is not None else Position(**{**dict(p), "benefits": shared})
            for p in out
        ]
    return out


def _duties_by_heading(ctx: Ctx, lo: int, hi: int, out: list[Position]) -> list[Position]:
    """Duties listed under a heading that names a position ("As Hardware Design Engineer his
    duties were:") belong to that position, wherever the table of positions put its rows."""
    heads: list[tuple[int, int]] = []  # (line index, position index)
    for ln in ctx.lines_in(lo, hi):
        if not DUTIES_HEAD.search(ln.text) or len(ln.text.split()) > 14:
            continue
        low = ln.text.lower()
        k = next((i for i, p in enumerate(out) if p.title and p.title.value.lower() in low), None)
        if k is not None:
            heads.append((ln.index, k))
    if not heads:
        return out
    out = list(out)
    for n, (index, k) in enumerate(heads):
        start = ctx.lines[index].start
        end = ctx.lines[heads[n + 1][0]].start if n + 1 < len(heads) else hi
        duties = parse_duties(ctx, start, end)
        if duties:
            out[k] = Position(**{**dict(out[k]), "duties": tuple(duties)})
    # A position whose heading came later keeps no duties of another's list.
    named = {k for _, k in heads}
    taken = {d.value for k in named for d in out[k].duties}
    return [
        p if i in named else Position(**{**dict(p), "duties": tuple(d for d in p.duties
                                                                  if d.value not in taken)})
        for i, p in enumerate(out)
    ]  # fmt: skip


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


_JOINED = re.compile(
    r"\b(?:joined|hired|started|began|commenced|was\s+engaged|came\s+on\s+board|rejoint|"
    r"embauch[ée]e?|ingres[óo]|entrou)\b(?:[^.!?]|(?<=Ltd)\.|(?<=Inc)\.|(?<=Co)\.|(?<=Corp)\.)"
    r"{0,80}?\b(?:on|in|le|en|el)\s+",
    re.I,
)
_ONGOING = re.compile(
    r"\b(?:remains?|still|continues?|currently|to\s+date|today|present|toujours|actuellement)\b",
    re.I,
)


def _joined_anchor(ctx: Ctx, lo: int, hi: int) -> _Anchor | None:
    """ "You joined Acme Ltd. on January 10, 2022 and remain with us": a start date without a
    range; ongoing when the sentence says so."""
    for m in _JOINED.finditer(ctx.text, lo, hi):
        dates = ctx.dates(m.end(), min(hi, m.end() + 30))
        if not dates or dates[0].start != m.end():
            continue
        s, e = _sentence_bounds(ctx.text, m.start(), lo, hi)
        ongoing = _ONGOING.search(ctx.text, dates[0].end, min(hi, dates[0].end + 120))
        present = (ongoing.start(), ongoing.end()) if ongoing else None
        return _Anchor(None, s, _title_in(ctx, s, e + 1), dates[0], None, present)
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
    pay = position_pay(ctx, lo, hi) or unpaid_pay(ctx, lo, hi)
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


# A weekly-hours column: "Wkly hrs", "Std hrs/wk", "Working hours", "Heures/semaine".
_HOURS_HEADER = re.compile(
    r"(?:wkly|weekly|std\.?|standard|working|scheduled)\s*(?:hrs|hours)|(?:hrs|hours)\s*/\s*(?:wk|week)"
    r"|heures\s*/\s*semaine|wochenstunden",
    re.I,
)


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
    for raw, s, e, _ in cells_under(ctx, lo, hi, _HOURS_HEADER):
        value = number(raw.split()[0]) if raw.split() else None
        if value is not None and 1 <= value <= 80:
            return {"hours_per_week": ctx.found(float(value), s, e, 0.9)}
    labels = [h for h in found if h.text_only]
    if labels:
        h = labels[0]
        return {"hours_text": ctx.found(h.label or h.text, h.start, h.end)}
    return {}


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
