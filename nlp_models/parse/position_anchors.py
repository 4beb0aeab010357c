"""Where positions start: a period ("From March 2020 to present", "Period: ...", "depuis le 3
janvier 2022"), a job-history table row, a "joined ... on" sentence or labelled fields
("Designation:", "Date of joining:"), each with the title that goes with it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp_models.normalize import find_date_ranges
from nlp_models.normalize.models import DateMatch, DateRangeMatch
from nlp_models.parse.context import Ctx, Line, shift, trim
from nlp_models.parse.titles import find_title, is_company

_TITLE_HEADER = (
    r"(?:(?:current\s+|present\s+)?(?:job\s+(?:title|profile)|position(?:\s+(?:held|title))?|"
    r"title|designation|role|occupation|poste(?:\s+occup[ée])?|titre\s+du\s+poste|fonction|"
    r"emploi|puesto|cargo|fun[çc][ãa]o|stelle|t[äa]tigkeit))"
)
LABEL_TITLE = re.compile(rf"^{_TITLE_HEADER}\s*[:\t]\s*:?\s*(?P<t>.+)$", re.I)
_TITLE_CELL = re.compile(rf"^{_TITLE_HEADER}$", re.I)
_LABEL_START = re.compile(
    r"^(?:start\s+date|date\s+of\s+(?:joining|hire|employment)|joining\s+date|hire\s+date"
    r"|employed\s+since|date\s+d['’](?:entr[ée]e|"
    r"embauche)|date\s+de\s+d[ée]but)\s*[:\t]\s*(?P<v>.+)$",
    re.I,
)
_LABEL_END = re.compile(
    r"^(?:end\s+date|last\s+(?:working\s+)?day|date\s+of\s+(?:leaving|relieving|separation|exit)"
    r"|relieving\s+date|date\s+de\s+(?:fin|d[ée]part)|termination\s+date|separation\s+date"
    r"|date\s+terminated)\s*[:\t]\s*(?P<v>.+)$",
    re.I,
)
_PERIOD_LABEL = re.compile(r"^(?:period|dates?|duration|p[ée]riode|du)\s*[:\t]", re.I)


@dataclass
class Anchor:
    rng: DateRangeMatch | None
    start: int  # segment start
    title: tuple[int, int] | None
    start_date: DateMatch | None
    end_date: DateMatch | None
    present: tuple[int, int] | None


def sentence_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    s = pos
    while s > lo and not _ends(text, s - 1):
        if text[s - 1] == "\n" and s - 2 >= lo and text[s - 2] in ":":
            break
        s -= 1
    e = pos
    while e < hi and not _ends(text, e):
        if text[e] == ":" and text[e + 1 : e + 2] == "\n":
            break  # "holding the following positions:" introduces a list or a table
        e += 1
    return s, e


# "8:30 a.m. to 4:30 p.m.", "No. 14", "e.g. payroll": a period that ends a short
# abbreviation, not the sentence.
_ABBREV = re.compile(r"(?:\b|\.)(?:[a-z]|no|nos|approx|incl|e\.g|i\.e|etc|vs|st|dept|ext)\.$", re.I)


def _ends(text: str, i: int) -> bool:
    """Whether the character at i ends a sentence."""
    if text[i] not in ".!?" or (i + 1 < len(text) and not text[i + 1].isspace()):
        return False
    return not (text[i] == "." and _ABBREV.search(text, max(0, i - 7), i + 1))


def title_in(ctx: Ctx, lo: int, hi: int) -> tuple[int, int] | None:
    found = find_title(ctx.text, lo, hi)
    return (found.start, found.end) if found is not None else None


_LEAD_BAD = re.compile(
    r"\b(?:from|since|to|du|depuis|was|is|has|been|were|worked|employed|the|this|that|period|"
    # the wrapped rest of a sentence ("Services Inc. at our Mississauga Distribution Centre")
    r"dates?|at|our|we|us|inc|ltd|llc|limited)\b|:$",
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
            lab = LABEL_TITLE.match(t)
            if lab:
                return ln.start + lab.start("t"), ln.end
            if ":" in t and len(t.split(":")[0].split()) <= 3 and i > line.index - 4:
                i -= 1  # another labelled row of the same block ("Status: ...")
                continue
            return None
        return ln.start, ln.end
    return None


def find_anchors(ctx: Ctx, lo: int, hi: int) -> list[Anchor]:
    text = ctx.text
    ranges = [shift(r, lo) for r in find_date_ranges(text[lo:hi], country=ctx.country,
                                                     prefer=ctx.prefer)]  # fmt: skip
    out: list[Anchor] = []
    for r in ranges:
        line = ctx.line_at(r.start)
        title = None
        seg_start = r.start
        if line is not None and _PERIOD_LABEL.match(line.text):
            title = _title_line_before(ctx, line)
            seg_start = title[0] if title else line.start
        elif line is not None and "\t" in line.text:
            # A table row: its title is the cell under the "Position" header.
            title = _title_cell(ctx, line) or title_in(ctx, line.start, line.end)
            seg_start = line.start
        else:
            s, e = sentence_bounds(text, r.start, lo, hi)
            # "as a Receptionist from 2019 to 2021 and as Office Manager since 2021": a period
            # after another in one sentence takes the title stated between the two.
            before = [q.end for q in ranges if s <= q.end <= r.start]
            title = title_in(ctx, max(before), r.end) if before else None
            title = title or title_in(ctx, s, e + 1)
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
        out.append(Anchor(r, seg_start, title, r.start_date, r.end_date, present))
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


def _table_anchors(ctx: Ctx, lo: int, hi: int) -> list[Anchor]:
    """Rows of a table whose header has a "From" and a "To" column (an HR system's job
    history): each row's dates come from those cells, its title from the "Job title" cell."""
    out: list[Anchor] = []
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
        out.append(Anchor(None, ln.start, _title_cell(ctx, ln), start[0], end_date, present))
    return out


def span_text(ctx: Ctx, span: tuple[int, int]) -> str:
    return re.sub(r"\s+", " ", ctx.text[span[0] : span[1]])


def _merge_steps(ctx: Ctx, anchors: list[Anchor]) -> list[Anchor]:
    """Consecutive rows of one title whose dates follow on (a pay change, a new grade) are one
    position: a new row is not a new job."""
    out: list[Anchor] = []
    for a in anchors:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.rng is None
            and a.rng is None
            and prev.title is not None
            and a.title is not None
            and span_text(ctx, prev.title).lower() == span_text(ctx, a.title).lower()
            and prev.end_date is not None
            and a.start_date is not None
            and 0 <= (a.start_date.value - prev.end_date.value).days <= 1
        ):
            # The last row's segment carries the current pay and hours.
            out[-1] = Anchor(None, a.start, prev.title, prev.start_date, a.end_date, a.present)
            continue
        out.append(a)
    return out


def _key(a: Anchor) -> tuple:
    return (
        a.start_date.value if a.start_date else None,
        a.end_date.value if a.end_date else None,
        a.present is not None,
    )


def _prune(anchors: list[Anchor]) -> list[Anchor]:
    # The same period stated twice (opening sentence, then the detail): keep the one with a title.
    kept: list[Anchor] = []
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


def _inside(inner: Anchor, outer: Anchor) -> bool:
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


# A labelled title with its workplace after a comma ("Position: Shipping & Receiving
# Coordinator, Mississauga DC (Building 2)"); "Director, Finance" keeps its comma.
_WORKPLACE_TAIL = re.compile(
    r",\s+(?=[^,]*(?:\(|\d|\b(?:DC|site|building|campus|facility|depot|warehouse|plant"
    r"|distribution\s+cent(?:re|er)|location)\b))",
    re.I,
)


def label_in(ctx: Ctx, rx: re.Pattern[str], lo: int, hi: int, group: str) -> tuple[int, int] | None:
    for ln in ctx.lines_in(lo, hi):
        m = rx.match(ln.text)
        if m:
            s, e = trim(ctx.text, ln.start + m.start(group), ln.start + m.end(group))
            tail = _WORKPLACE_TAIL.search(ctx.text, s, e) if group == "t" else None
            if tail is not None:
                e = tail.start()
            if e > s:
                return s, e
    return None


_JOINED = re.compile(
    r"\b(?:joined|hired|started|began|commenced|was\s+engaged|came\s+on\s+board|came\s+in|"
    r"came\s+to\s+work|first\s+worked|rejoint|"
    r"embauch[ée]e?|ingres[óo]|entrou)\b(?:[^.!?]|(?<=Ltd)\.|(?<=Inc)\.|(?<=Co)\.|(?<=Corp)\.)"
    r"{0,80}?\b(?:on|in|le|en|el)\s+",
    re.I,
)
ONGOING = re.compile(
    r"\b(?:remains?|still|continues?|currently|to\s+date|today|present|toujours|actuellement)\b",
    re.I,
)


def joined_anchor(ctx: Ctx, lo: int, hi: int) -> Anchor | None:
    """ "You joined Acme Ltd. on January 10, 2022 and remain with us": a start date without a
    range; ongoing when the sentence says so."""
    for m in _JOINED.finditer(ctx.text, lo, hi):
        dates = ctx.dates(m.end(), min(hi, m.end() + 30))
        if not dates or dates[0].start != m.end():
            continue
        s, e = sentence_bounds(ctx.text, m.start(), lo, hi)
        ongoing = ONGOING.search(ctx.text, dates[0].end, min(hi, dates[0].end + 120))
        present = (ongoing.start(), ongoing.end()) if ongoing else None
        return Anchor(None, s, title_in(ctx, s, e + 1), dates[0], None, present)
    return None


def labelled_anchor(ctx: Ctx, lo: int, hi: int) -> Anchor | None:
    start = label_in(ctx, _LABEL_START, lo, hi, "v")
    if start is None:
        return None
    sd = ctx.dates(*start)
    if not sd:
        return None
    end = label_in(ctx, _LABEL_END, lo, hi, "v")
    ed = ctx.dates(*end) if end else []
    present = None
    # "Termination date: N/A – currently employed", "Termination Date: —": still employed.
    if (
        end
        and not ed
        and re.search(
            r"present|current|date|ce\s+jour|actuel|^\s*(?:n/?a|none|[—–-])\s*$",
            ctx.text[end[0] : end[1]],
            re.I,
        )
    ):
        present = end
    title = label_in(ctx, LABEL_TITLE, lo, hi, "t")
    first = min(x for x in (start[0], title[0] if title else start[0]))
    line = ctx.line_at(first)
    return Anchor(None, line.start if line else first, title, sd[0], ed[0] if ed else None, present)
