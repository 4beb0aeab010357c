"""Ruled tables read from a PDF page's vector lines, with pdfium: no second parser needed.

Pay stubs and transcripts are drawn as grids of single line segments. Their horizontal and vertical
rules give the row and column boundaries; words fall into cells by their centre. pdfplumber's table
finder gives the same rows but costs ~100 ms a page (pdfminer), so it stays the fallback for pages
whose rules this reader cannot make a grid of (rectangles, multi-segment paths).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.models import BBox, Table
from extractors.pdf_text import RawWord
from extractors.reading_order import rows_of

_THIN = 3.0  # points: a rule is at most this thick
_MIN_LENGTH = 10.0
_TOUCH = 2.5  # points: how close a rule's end must come to another rule to join it
_MERGE = 1.5  # rules closer than this are one boundary


@dataclass(frozen=True)
class _Rule:
    horizontal: bool
    at: float  # y of a horizontal rule, x of a vertical one (top-left origin)
    start: float
    end: float


def rules(page: pdfium.PdfPage) -> list[_Rule]:
    """The thin straight path objects on the page, as horizontal and vertical rules."""
    height = page.get_height()
    found = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=1):
        left, bottom, right, top = obj.get_bounds()
        width, tall = right - left, top - bottom
        if tall <= _THIN and width >= _MIN_LENGTH:
            found.append(_Rule(True, height - (top + bottom) / 2, left, right))
        elif width <= _THIN and tall >= _MIN_LENGTH:
            found.append(_Rule(False, (left + right) / 2, height - top, height - bottom))
    return found


def _touches(h: _Rule, v: _Rule) -> bool:
    return h.start - _TOUCH <= v.at <= h.end + _TOUCH and v.start - _TOUCH <= h.at <= v.end + _TOUCH


def _grids(found: list[_Rule]) -> list[tuple[list[_Rule], list[_Rule]]]:
    """Connected groups of rules: each with two or more of each direction is a table grid."""
    horizontal = [r for r in found if r.horizontal]
    vertical = [r for r in found if not r.horizontal]
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = {id(r): i for i, r in enumerate(found)}
    for h in horizontal:
        for v in vertical:
            if _touches(h, v):
                parent[root(index[id(h)])] = root(index[id(v)])
    groups: dict[int, list[_Rule]] = {}
    for rule in found:
        groups.setdefault(root(index[id(rule)]), []).append(rule)
    grids = []
    for members in groups.values():
        hs = [r for r in members if r.horizontal]
        vs = [r for r in members if not r.horizontal]
        if len(hs) >= 2 and len(vs) >= 2:
            grids.append((hs, vs))
    return sorted(grids, key=lambda g: min(r.at for r in g[0]))


def _boundaries(values: list[float]) -> list[float]:
    merged: list[float] = []
    for value in sorted(values):
        if not merged or value - merged[-1] > _MERGE:
            merged.append(value)
    return merged


def read_tables(page: pdfium.PdfPage, words: list[RawWord]) -> tuple[Table, ...] | None:
    """Tables from the page's grids, or None when rules exist but form no grid we can read."""
    found = rules(page)
    grids = _grids(found)
    if not grids:
        return None
    tables = []
    for hs, vs in grids:
        rows_at = _boundaries([r.at for r in hs])
        cols_at = _boundaries([r.at for r in vs])
        if len(rows_at) < 2 or len(cols_at) < 2:
            continue
        cells: dict[tuple[int, int], list[RawWord]] = {}
        for word in words:
            x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
            row, col = bisect_right(rows_at, y) - 1, bisect_right(cols_at, x) - 1
            if 0 <= row < len(rows_at) - 1 and 0 <= col < len(cols_at) - 1:
                cells.setdefault((row, col), []).append(word)
        rows = []
        for row in range(len(rows_at) - 1):
            texts = tuple(
                " ".join(w.text for line in rows_of(cells.get((row, col), [])) for w in line)
                for col in range(len(cols_at) - 1)
            )
            if any(texts):
                rows.append(texts)
        if len(rows) >= 2:
            box = BBox(x0=cols_at[0], top=rows_at[0], x1=cols_at[-1], bottom=rows_at[-1])
            tables.append(Table(rows=tuple(rows), bbox=box))
    return tuple(tables)
