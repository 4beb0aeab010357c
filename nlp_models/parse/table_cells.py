"""Values in the cells of a tabbed table row, found by the header cell above them.

The extractor keeps one cell per column in a table row (empty where blank), so a row's k-th
cell stands under the header's k-th cell. A job-history table states hours and pay as bare
numbers ("32.00", "64.800,00"): their header ("Wkly hrs", "Annual base EUR") is what says
what they are.
"""

from __future__ import annotations

import re

from nlp_models.parse.context import Ctx, Line

_MAX_HEADER_DISTANCE = 12  # lines between a row and its header


def header_cell(ctx: Ctx, line: Line, k: int, rx: re.Pattern[str]) -> str | None:
    """The k-th cell of the table's header above `line`, when it matches `rx`. The header is
    the nearest tabbed line above without a digit (rows hold dates and amounts); a line of
    prose above ends the table."""
    for i in range(line.index - 1, max(-1, line.index - _MAX_HEADER_DISTANCE), -1):
        text = ctx.lines[i].text
        if "\t" not in text:
            return None
        if re.search(r"\d", text):
            continue
        cells = text.split("\t")
        return cells[k] if len(cells) > k and rx.search(cells[k]) else None
    return None


def cells_under(ctx: Ctx, lo: int, hi: int, rx: re.Pattern[str]) -> list[tuple[str, int, int, str]]:
    """(cell text, start, end, header text) of every filled cell in text[lo:hi] under a header
    cell matching `rx`."""
    out = []
    for ln in ctx.lines_in(lo, hi):
        if "\t" not in ln.text:
            continue
        pos = ln.start
        for k, cell in enumerate(ln.text.split("\t")):
            stripped = cell.strip()
            if stripped:
                header = header_cell(ctx, ln, k, rx)
                if header is not None:
                    s = pos + cell.index(stripped)
                    out.append((stripped, s, s + len(stripped), header))
            pos += len(cell) + 1
    return out
