"""Tables read from lines: a header line of known column names, then the rows under it.

The extractor's tables have no character spans, and scans have no tables at all; reading the
lines gives both layouts one code path and spans for every cell. A row is cut into typed cells
(dates, numbers, words) and the cells are matched to the header's columns by type and order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from nlp_models.normalize._numbers import parse_decimal
from nlp_models.normalize.models import DateMatch
from nlp_models.parse.context import Ctx, Line, trim

# One cell's number: a whitespace-delimited token (columns are separated by spaces, so "58 500"
# style grouping is not read here).
# "1 125,00" is one number when it has a decimal part; "40 120" stays two cells.
_NUM = re.compile(
    r"(?<!\S)[-(]?(?:[$€£₹]\s?)?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+[.,]\d{2}(?!\S)|\d[\d,.']*)"
    r"\)?(?!\S)"
)


@dataclass
class Column:
    name: str
    kind: str  # "date", "number", "text", "label"
    start: int
    end: int


@dataclass
class Grid:
    header: Line
    columns: list[Column]
    rows: list[tuple[Line, dict[str, tuple[object, int, int]]]] = field(default_factory=list)


@dataclass
class Cells:
    dates: list[DateMatch]
    numbers: list[tuple[float, int, int]]
    words: list[tuple[str, int, int]]  # runs of text between the dates and numbers


def number(text: str) -> float | None:
    # Any currency sign ("₱22,800.00", "R$ 1.200,00"): the column or the document names the
    # currency.
    t = "".join(c for c in text if unicodedata.category(c) != "Sc").strip()
    t = re.sub(r"^[A-Z]{1,3}\s?(?=[\d(-])", "", t) if re.match(r"^[A-Z]{1,2}\$", text) else t
    neg = t.startswith("-") or (t.startswith("(") and t.endswith(")"))
    t = t.strip("-() ")
    got = parse_decimal(t)
    if got is None:
        return None
    return -float(got) if neg else float(got)


def cells(ctx: Ctx, ln: Line) -> Cells:
    dates = ctx.dates(ln.start, ln.end)
    taken = [(d.start, d.end) for d in dates]
    numbers: list[tuple[float, int, int]] = []
    for m in _NUM.finditer(ctx.text, ln.start, ln.end):
        if any(s <= m.start() < e for s, e in taken):
            continue
        v = number(m.group(0))
        if v is not None:
            numbers.append((v, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    taken.sort()
    words: list[tuple[str, int, int]] = []
    pos = ln.start
    for s, e in [*taken, (ln.end, ln.end)]:
        chunk = ctx.text[pos:s]
        stripped = chunk.strip(" \t,;:|")
        if stripped:
            off = pos + chunk.index(stripped)
            words.append((stripped, off, off + len(stripped)))
        pos = max(pos, e)
    return Cells(dates, numbers, words)


def tab_cells(ctx: Ctx, ln: Line) -> list[tuple[int, int]]:
    """Spans of the non-empty cells of a line the extractor laid out with tabs."""
    out = []
    pos = ln.start
    for part in ctx.text[ln.start : ln.end].split("\t"):
        stripped = part.strip()
        if stripped:
            s = pos + part.index(stripped)
            out.append((s, s + len(stripped)))
        pos += len(part) + 1
    return out


def _cell_columns(
    ctx: Ctx, ln: Line, synonyms: list[tuple[str, str, re.Pattern[str]]]
) -> list[Column] | None:
    # One column per header cell: the longest synonym matching the cell from its start and
    # covering most of it ("Current (CAD)", "YTD Hours", "Cumul annuel ($)").
    spans = tab_cells(ctx, ln)
    found: list[Column] = []
    for s, e in spans:
        best = None
        for name, kind, rx in synonyms:
            m = rx.match(ctx.text, s, e)
            if m and m.end() - s >= 0.5 * (e - s) and (best is None or m.end() > best[3]):
                best = (name, kind, s, e)
        if best is not None:
            found.append(Column(*best))
            continue
        # "EARNINGS HRS/UNITS" in one cell: two headers the extractor did not split.
        inner = _scan(ctx, s, e, synonyms)
        if len(inner) > 1 and sum(c.end - c.start for c in inner) >= 0.6 * (e - s):
            found += inner
    if len(found) < 2 or len(found) < 0.6 * len(spans):
        return None
    return found


def _scan(
    ctx: Ctx, pos: int, end: int, synonyms: list[tuple[str, str, re.Pattern[str]]]
) -> list[Column]:
    """Known column names in text[pos:end], longest first at each word."""
    text = ctx.text
    found: list[Column] = []
    while pos < end:
        best = None
        for name, kind, rx in synonyms:
            m = rx.match(text, pos, end)
            if m and (best is None or m.end() > best[3]):
                best = (name, kind, m.start(), m.end())
        if best is None:
            nxt = text.find(" ", pos, end)
            if nxt < 0:
                break
            pos = nxt + 1
            continue
        found.append(Column(*best))
        pos = best[3]
        while pos < end and text[pos] in " \t|":
            pos += 1
    return found


def header_columns(
    ctx: Ctx, ln: Line, synonyms: list[tuple[str, str, re.Pattern[str]]]
) -> list[Column] | None:
    """Columns of a header line, or None when the line is not (mostly) known column names."""
    if "\t" in ln.text:
        by_cell = _cell_columns(ctx, ln, synonyms)
        if by_cell is not None:
            return by_cell
    found = _scan(ctx, ln.start, ln.end, synonyms)
    covered = sum(c.end - c.start for c in found)
    if len(found) < 2 or covered < 0.6 * len(ln.text.replace(" ", "")):
        return None
    return found


def _x_range(ctx: Ctx, s: int, e: int) -> tuple[float, float] | None:
    where = ctx.pages.where(s, e)
    if where is None or where.bbox is None:
        return None
    return where.bbox.x0, where.bbox.x1


def _number_split(ctx: Ctx, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # "75.00 24.60" in one tab cell: the extractor ran two columns together; each number keeps
    # its own place on the page.
    out: list[tuple[int, int]] = []
    for s, e in spans:
        toks = [(s + m.start(), s + m.end()) for m in re.finditer(r"\S+", ctx.text[s:e])]
        whole = number(ctx.text[s:e])  # "2 265,38" is one amount
        if (
            whole is None
            and len(toks) > 1
            and all(number(ctx.text[a:b]) is not None for a, b in toks)
        ):
            out += toks
        else:
            out.append((s, e))
    return out


def _under(box: tuple[float, float], heads: list[tuple[float, float]]) -> int:
    """The header a value's box stands under: the one it overlaps most, else the nearest."""
    overlap = [max(0.0, min(box[1], h[1]) - max(box[0], h[0])) for h in heads]
    if max(overlap) > 0:
        return overlap.index(max(overlap))
    mid = (box[0] + box[1]) / 2
    return min(range(len(heads)), key=lambda i: abs(mid - (heads[i][0] + heads[i][1]) / 2))


def read_aligned(
    ctx: Ctx, columns: list[Column], ln: Line
) -> dict[str, tuple[object, int, int]] | None:
    """Values of a tabbed row by the header cell each value stands under: the page's geometry
    decides, so a blank cell ("Gross pay | 80.00 | | 2,238.46") shifts nothing. None when the
    page has no word boxes (a text file)."""
    heads = [_x_range(ctx, c.start, c.end) for c in columns]
    if any(h is None for h in heads):
        return None
    out: dict[str, tuple[object, int, int]] = {}
    for s, e in _number_split(ctx, tab_cells(ctx, ln)):
        box = _x_range(ctx, s, e)
        if box is None:
            return None
        k = _under(box, heads)  # type: ignore[arg-type]
        col = columns[k]
        if col.name not in out:
            _put(ctx, col, s, e, out)
    return out


def _put(ctx: Ctx, col: Column, s: int, e: int, out: dict) -> None:
    """The value of text[s:e] as column `col` holds it, when it reads as one."""
    raw = ctx.text[s:e]
    if col.kind == "number":
        v = number(raw)
        if v is not None:
            out[col.name] = (v, s, e)
    elif col.kind == "date":
        dates = ctx.dates(s, e)
        if dates:
            out[col.name] = (dates[0].value, dates[0].start, dates[0].end)
    else:
        out[col.name] = (raw, s, e)


def read_by_tabs(
    ctx: Ctx, columns: list[Column], header: Line, ln: Line
) -> dict[str, tuple[object, int, int]] | None:
    """Values of a tabbed row without page geometry (a text file, a DOCX table) by cell index,
    when every header cell is one column: "Gross pay\t\t\t1,958.35" is the fourth column's."""
    heads = ctx.text[header.start : header.end].split("\t")
    if len(heads) != len(columns) or any(not h.strip() for h in heads):
        return None
    out: dict[str, tuple[object, int, int]] = {}
    pos = ln.start
    for col, part in zip(columns, ctx.text[ln.start : ln.end].split("\t"), strict=False):
        s, e = trim(ctx.text, pos, pos + len(part))
        pos += len(part) + 1
        if e > s:
            _put(ctx, col, s, e, out)
    return out


def _fixed_width(ctx: Ctx, header: Line) -> bool:
    # A text file laid out with runs of spaces ("EARNINGS      HRS      AMOUNT"): characters
    # are the page's geometry.
    if not re.search(r"\S {3,}\S", header.text):
        return False
    return _x_range(ctx, header.start, header.end) is None


def read_by_column(
    ctx: Ctx, columns: list[Column], header: Line, ln: Line, c: Cells
) -> dict[str, tuple[object, int, int]]:
    """Values of a fixed-width row by the header each number stands under (by character
    position), so "GROSS PAY   22,711.48" under AMOUNT is not read as hours."""
    out = {k: v for k, v in read_row(columns, Cells(c.dates, [], c.words)).items()}
    spans = [(col.start - header.start, col.end - header.start) for col in columns]
    for n in c.numbers:
        s, e = n[1] - ln.start, n[2] - ln.start
        overlap = [max(0, min(e, b) - max(s, a)) for a, b in spans]
        if max(overlap) > 0:
            k = overlap.index(max(overlap))
        else:  # numbers are right-aligned under their header more often than not
            k = min(
                range(len(spans)),
                key=lambda i: min(abs(e - spans[i][1]), abs(s - spans[i][0])),
            )
        col = columns[k]
        if col.kind == "number" and col.name not in out:
            out[col.name] = n
    return out


def read_placed(
    ctx: Ctx, columns: list[Column], header: Line, ln: Line, c: Cells
) -> dict[str, tuple[object, int, int]] | None:
    """Values of a row read by OCR (no tabs, word boxes): each number goes to the number column
    it stands under, so a blank cell shifts nothing ("Total des gains 75,00 | | 2 250,00 |
    38 250,00" under Heures, Taux, Montant, Cumulatif). None without word boxes."""
    if "\t" in ln.text or _x_range(ctx, header.start, header.end) is None:
        return None
    num_cols = [col for col in columns if col.kind == "number"]
    heads = [_x_range(ctx, col.start, col.end) for col in num_cols]
    if not num_cols or any(h is None for h in heads):
        return None
    out = read_row([col for col in columns if col.kind != "number"], c)
    placed: dict[str, tuple[object, int, int]] = {}
    for n in c.numbers:
        box = _x_range(ctx, n[1], n[2])
        if box is None:
            return None
        k = _under(box, heads)  # type: ignore[arg-type]
        placed.setdefault(num_cols[k].name, n)
    return {**out, **placed}


def read_row(columns: list[Column], c: Cells) -> dict[str, tuple[object, int, int]]:
    """Values of one row by column: dates to date columns, numbers to number columns, in order;
    text to the text/label columns."""
    out: dict[str, tuple[object, int, int]] = {}
    date_cols = [col for col in columns if col.kind == "date"]
    num_cols = [col for col in columns if col.kind == "number"]
    text_cols = [col for col in columns if col.kind in ("text", "label")]
    for col, d in zip(date_cols, c.dates, strict=False):
        out[col.name] = (d.value, d.start, d.end)
    nums = c.numbers
    if len(nums) > len(num_cols) and text_cols:
        # A number in a text column ("Employee ID 10482"): the surplus on the left is text.
        nums = nums[len(nums) - len(num_cols) :]
    for col, n in zip(num_cols, nums, strict=False):
        out[col.name] = n
    if text_cols and c.words:
        if len(text_cols) == 1:
            out[text_cols[0].name] = c.words[0]
        else:
            _split_text(text_cols, c.words, out)
    return out


def _split_text(text_cols: list[Column], words: list[tuple[str, int, int]], out: dict) -> None:
    # "Arjun Mehta NG-2291": a name, then an identifier (a token holding digits).
    first = words[0]
    toks = list(re.finditer(r"\S+", first[0]))
    ident = next((t for t in reversed(toks) if re.search(r"\d", t.group(0))), None)
    names = [c for c in text_cols if c.kind in ("text", "label") and "id" not in c.name]
    ids = [c for c in text_cols if "id" in c.name]
    if ident is not None and ids:
        out[ids[0].name] = (ident.group(0), first[1] + ident.start(), first[1] + ident.end())
        name = first[0][: ident.start()].strip()
        if name and names:
            out[names[0].name] = (name, first[1], first[1] + len(name))
    elif names:
        out[names[0].name] = first


def grids(
    ctx: Ctx, synonyms: list[tuple[str, str, re.Pattern[str]]], lo: int = 0, hi: int | None = None
) -> list[Grid]:
    hi = len(ctx.text) if hi is None else hi
    lines = ctx.lines_in(lo, hi)
    out: list[Grid] = []
    i = 0
    while i < len(lines):
        cols = header_columns(ctx, lines[i], synonyms)
        if cols is None:
            i += 1
            continue
        grid = Grid(lines[i], cols)
        j = i + 1
        while j < len(lines):
            ln = lines[j]
            if header_columns(ctx, ln, synonyms) is not None:
                break
            c = cells(ctx, ln)
            if not c.numbers and not c.dates:
                break
            aligned = (
                read_aligned(ctx, cols, ln) if "\t" in ctx.text[cols[0].start : ln.end] else None
            )
            if aligned is None and "\t" in ln.text:
                aligned = read_by_tabs(ctx, cols, grid.header, ln)
            if aligned is None and _fixed_width(ctx, grid.header):
                aligned = read_by_column(ctx, cols, grid.header, ln, c)
            if aligned is None:
                aligned = read_placed(ctx, cols, grid.header, ln, c)
            grid.rows.append((ln, aligned if aligned is not None else read_row(cols, c)))
            j += 1
        out.append(grid)
        i = j
    return out


def synonyms(table: list[tuple[str, str, str]]) -> list[tuple[str, str, re.Pattern[str]]]:
    return [(name, kind, re.compile(rf"(?:{rx})(?![\w])", re.I)) for name, kind, rx in table]
