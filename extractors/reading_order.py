"""Reading order of a text-layer page: rows, the cells of a row, and columns.

A page's words come with boxes but in whatever order the producer drew them. Rows are words whose
vertical centres agree; a row breaks into cells where the gap between two words is much wider
than a space. Where consecutive rows share an empty vertical band (a gutter), the page has two or
more blocks side by side, and there are two ways to read them:

- a **form or table** (labelled fields, an earnings grid): read row by row, cells joined by a tab,
  so a label stays beside its value;
- **columns** (a letterhead in a side bar, an address block beside the date): read each column
  top to bottom, so a sentence or an address is not cut by the words beside it.

Forms are told from columns by what their left cells say: field labels ("Employee name",
"Position", "Date of hire") or numbers in a grid. Everything else side by side is read as columns.
Rotated words (the ring of a company seal, a diagonal watermark) are left out: they are drawings
of text, not part of the page's lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Protocol


class Box(Protocol):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Row:
    cells: tuple[tuple[Box, ...], ...]  # cells left to right, each its words left to right

    @property
    def top(self) -> float:
        return min(w.top for c in self.cells for w in c)

    @property
    def bottom(self) -> float:
        return max(w.bottom for c in self.cells for w in c)

    @property
    def words(self) -> list[Box]:
        return [w for c in self.cells for w in c]


# Words that make a cell a field label, in the languages of the documents we read.
_LABEL_WORDS = re.compile(
    r"\b(?:name|nom|nombre|nome|date|fecha|data|datum|dob|id|no|number|num[ée]ro|code|position|"
    r"poste|puesto|cargo|title|titre|role|designation|department|d[ée]partement|division|"
    r"status|statut|type|hours?|heures?|horas?|salary|salaire|salario|sal[áa]rio|wage|pay|paie|"
    r"rate|taux|frequency|fr[ée]quence|location|lieu|address|adresse|employee|employ[ée]e?|"
    r"employer|employeur|worker|period|p[ée]riode|start|end|hire|joining|termination|"
    r"effective|schedule|horaire|email|e-mail|phone|t[ée]l[ée]phone|tel|fax|earnings|gains|"
    r"deductions|retenues|gross|brut|net|total|ytd|basic|allowance|tax|imp[ôo]t|duties|"
    r"supervisor|manager|reference|ref|subject|objet|from|to|sent|cc|occupation|job|profile|"
    r"fte|contract|contrat|program|programme|term|session|credits?|grade|gpa|student|"
    r"[ée]tudiant|institution|issued|expiry|valid|permit|uci|country|citizenship|currency)\b",
    re.I,
)
_NUMERIC = re.compile(r"^[\s$€£₹₦₱¥(+\-−–]*[\d][\d\s,.:/'\-%)h]*[A-Za-z]{0,3}\.?$")


def _height(words: Sequence[Box]) -> float:
    heights = [w.bottom - w.top for w in words if w.bottom > w.top]
    return median(heights) if heights else 10.0


def _size(word: Box) -> float | None:
    return getattr(word, "size", None)


def _same_size(a: float | None, b: float | None) -> bool:
    return a is None or b is None or a <= 1.5 or b <= 1.5 or 0.75 <= a / b <= 1.34


def rows_of(words: Sequence[Box], height: float | None = None) -> list[list[Box]]:
    """Words grouped into rows, top to bottom, each sorted left to right.

    A word joins a row when its vertical centre is within half a line of the row's and, when
    the source gives font sizes, its size is the row's: a letterhead's large company name and
    the small address printed over the same band are two rows, not one line of interleaved
    words."""
    h = height or _height(words)
    tolerance = max(1.0, h * 0.5)
    rows: list[list[Box]] = []
    info: list[tuple[float, float | None]] = []  # (centre, font size) of each row
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        mid = (word.top + word.bottom) / 2
        size = _size(word)
        placed = False
        for k in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            centre, row_size = info[k]
            if mid - centre > tolerance:
                break
            if _same_size(size, row_size):
                rows[k].append(word)
                placed = True
                break
        if not placed:
            rows.append([word])
            info.append((mid, size))
    for row in rows:
        row.sort(key=lambda w: w.x0)
    rows.sort(key=lambda r: min(w.top for w in r))
    return rows


def _cells(row: list[Box], gap: float) -> tuple[tuple[Box, ...], ...]:
    cells: list[list[Box]] = [[row[0]]]
    for word in row[1:]:
        if word.x0 - cells[-1][-1].x1 > gap:
            cells.append([word])
        else:
            cells[-1].append(word)
    return tuple(tuple(c) for c in cells)


def _span(cell: Sequence[Box]) -> tuple[float, float]:
    return cell[0].x0, max(w.x1 for w in cell)


def _text(cell: Sequence[Box]) -> str:
    return " ".join(w.text for w in cell)


def _gutters(rows: Sequence[Row], min_width: float) -> list[tuple[float, float]]:
    """Vertical bands free of ink in every row, with ink on both sides somewhere."""
    spans = sorted(_span(c) for r in rows for c in r.cells)
    gaps: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= min_width:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    return gaps


def _is_label(text: str) -> bool:
    words = text.split()
    return (len(words) <= 6 and bool(_LABEL_WORDS.search(text))) or (
        text.endswith(":") and len(words) <= 6
    )


def _is_grid(rows: Sequence[Row], gutters: list[tuple[float, float]]) -> bool:
    """A form (labels on the left of their values) or a table (a header of labels, or numbers,
    in three or more columns)."""
    split = gutters[0][0]
    lefts = [_text(c) for r in rows for c in r.cells if _span(c)[1] <= split]
    paired = [r for r in rows if any(_span(c)[1] <= split for c in r.cells) and len(r.cells) > 1]
    labels = sum(_is_label(t) for t in lefts)
    if len(paired) >= 2 and labels >= max(2, 0.6 * len(lefts)):
        return True
    wide = [r for r in rows if len(r.cells) >= 3]
    if len(wide) < 2:
        return False
    cells = [_text(c) for r in rows for c in r.cells]
    numeric = sum(bool(_NUMERIC.match(t)) for t in cells)
    header = any(sum(_is_label(_text(c)) for c in r.cells) >= 2 for r in wide)
    return header or numeric >= 0.2 * len(cells)


def _column_blocks(rows: Sequence[Row], gutters: list[tuple[float, float]]) -> list[list[Row]]:
    """The rows of each column between the gutters, left to right."""
    cuts = [(a + b) / 2 for a, b in gutters]
    columns: list[list[Row]] = [[] for _ in range(len(cuts) + 1)]
    for row in rows:
        parts: list[list[tuple[Box, ...]]] = [[] for _ in columns]
        for cell in row.cells:
            mid = (_span(cell)[0] + _span(cell)[1]) / 2
            parts[sum(mid > c for c in cuts)].append(cell)
        for column, cells in zip(columns, parts, strict=True):
            if cells:
                column.append(Row(tuple(cells)))
    return [c for c in columns if c]


def _bands(rows: Sequence[Row], min_gap: float) -> list[list[Row]]:
    """Rows cut where a blank band runs across the whole block."""
    bands: list[list[Row]] = [[rows[0]]]
    bottom = rows[0].bottom
    for row in rows[1:]:
        if row.top - bottom > min_gap:
            bands.append([row])
        else:
            bands[-1].append(row)
        bottom = max(bottom, row.bottom)
    return bands


def _merge_tables(bands: list[list[Row]], gap: float) -> list[list[Row]]:
    """Bands rejoined where together they make one table: row padding can leave a blank band
    between the rows of a table."""
    out = [bands[0]]
    for band in bands[1:]:
        union = out[-1] + band
        gutters = _gutters(union, gap)
        # The union must keep every column of the table above: a line of prose under a table
        # closes its gutters and stays a band of its own.
        kept = len(gutters) >= max(len(_gutters(out[-1], gap)), len(_gutters(band, gap)))
        if gutters and kept and len(out[-1]) > 1 and _is_grid(union, gutters):
            out[-1] = union
        else:
            out.append(band)
    return out


Gutters = list[tuple[float, float]]


def _runs(
    rows: Sequence[Row], min_width: float
) -> list[tuple[list[Row], list[tuple[float, float]]]]:
    """Consecutive rows sharing a gutter, and the gutters; single rows where none is shared.
    The fallback for a dense block that neither a gutter nor a blank band divides."""
    out: list[tuple[list[Row], Gutters]] = []
    i = 0
    while i < len(rows):
        j = i + 1
        best: Gutters = []
        if len(rows[i].cells) >= 2:
            best = _gutters(rows[i : i + 1], min_width)
            while j < len(rows):
                gutters = _gutters(rows[i : j + 1], min_width)
                if not gutters:
                    break
                best = gutters
                j += 1
        out.append((list(rows[i:j]), best))
        i = j
    return out


def _grid_rows(rows: Sequence[Row], gutters: list[tuple[float, float]], h: float) -> list[Row]:
    """The logical rows of a table: a cell wrapped over two lines, or a one-line cell centred
    beside a two-line one, makes text rows that overlap or continue one table row. Each logical
    row has one cell per column (empty where the column is blank), so position keeps meaning."""
    cuts = [(a + b) / 2 for a, b in gutters]
    n = len(cuts) + 1
    merged: list[list[list[Box]]] = []
    prev: Row | None = None
    for row in rows:
        columns: list[list[Box]] = [[] for _ in range(n)]
        for cell in row.cells:
            mid = (_span(cell)[0] + _span(cell)[1]) / 2
            columns[sum(mid > c for c in cuts)].extend(cell)
        joins = (
            prev is not None
            and merged
            and (
                row.top < prev.bottom - 0.5  # overlapping lines: one table row
                or (not columns[0] and row.top - prev.bottom <= 0.6 * h)  # a wrapped cell
            )
        )
        if joins:
            for target, words in zip(merged[-1], columns, strict=True):
                target.extend(words)
        else:
            merged.append(columns)
        prev = row
    out = []
    for columns in merged:
        cells = tuple(tuple(w for line in rows_of(c, h) for w in line) for c in columns)
        out.append(Row(cells))
    return out


Line = tuple[tuple[Box, ...], ...]


def _read(rows: Sequence[Row], h: float, out: list[Line], depth: int = 0) -> None:
    """Recursive XY-cut: a gutter through the whole block makes a form (read row by row) or
    columns (each read on its own); otherwise blank bands across the block cut it into parts
    read top to bottom; a block neither divides is read in runs of rows sharing a gutter."""
    gap = 1.5 * h
    if len(rows) == 1 or depth > 8:
        out.extend(r.cells for r in rows)
        return
    gutters = _gutters(rows, gap)
    bands = _merge_tables(_bands(rows, 1.2 * h), gap)
    if gutters:
        if _is_grid(rows, gutters):
            # A form above a table shares one gutter with it; read each part with its own
            # columns, so the table's columns are not merged at the form's one gutter.
            if len(bands) > 1 and any(len(_gutters(b, gap)) > len(gutters) for b in bands):
                for band in bands:
                    _read(band, h, out, depth + 1)
                return
            out.extend(r.cells for r in _grid_rows(rows, gutters, h))
        else:
            for column in _column_blocks(rows, gutters):
                _read(column, h, out, depth + 1)
        return
    if len(bands) > 1:
        for band in bands:
            _read(band, h, out, depth + 1)
        return
    runs = _runs(rows, gap)
    if len(runs) == 1:  # one run without a gutter: plain lines
        out.extend(r.cells for r in rows)
        return
    for run, _ in runs:
        _read(run, h, out, depth + 1)


def read_order(words: Sequence[Box]) -> list[Line]:
    """The page's lines in reading order, each a tuple of cells (words joined by spaces, cells
    by tabs). A line of prose is one cell; a form or table row has a cell per column, empty
    where the column is blank."""
    if not words:
        return []
    h = _height(words)
    rows = [Row(_cells(r, 1.5 * h)) for r in rows_of(words, h)]
    out: list[Line] = []
    _read(rows, h, out)
    # Empty cells keep a column's place; after the last filled cell they keep nothing.
    trimmed = []
    for line in out:
        cells = list(line)
        while len(cells) > 1 and not cells[-1]:
            cells.pop()
        trimmed.append(tuple(cells))
    return trimmed
