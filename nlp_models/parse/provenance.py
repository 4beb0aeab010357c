"""From a character span to the words that prove it: page, span in `Page.text`, quote, box.

The parsers work on one string for the whole document (pages joined as in
`ExtractedDocument.text`); this module maps a span of that string back to its page and unions
the boxes of the extractor's words that overlap it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from extractors.models import BBox, ExtractedDocument, Page
from nlp_models.parsed import Where

PAGE_JOIN = "\n\f"  # how ExtractedDocument.text joins pages


class PageMap:
    """Global offsets of the joined text <-> (page, local offset), and word boxes per page."""

    def __init__(self, doc: ExtractedDocument) -> None:
        self.pages: tuple[Page, ...] = doc.pages
        self.offsets: list[int] = []
        pos = 0
        for page in doc.pages:
            self.offsets.append(pos)
            pos += len(page.text) + len(PAGE_JOIN)
        self.text = PAGE_JOIN.join(p.text for p in doc.pages)
        self._words: list[tuple[list, list[int]] | None] = [None] * len(doc.pages)

    def page_index(self, pos: int) -> int:
        return max(0, bisect_right(self.offsets, pos) - 1)

    def page_start(self, index: int) -> int:
        return self.offsets[index]

    def where(self, start: int, end: int) -> Where | None:
        """Where for the global span [start, end); None for an empty document."""
        if not self.pages:
            return None
        start, end = max(0, start), max(start, end)
        i = self.page_index(start)
        page = self.pages[i]
        base = self.offsets[i]
        s = min(max(0, start - base), len(page.text))
        e = min(max(s, end - base), len(page.text))
        return Where(
            page=page.number, start=s, end=e, quote=page.text[s:e], bbox=self._bbox(i, s, e)
        )

    def _bbox(self, i: int, s: int, e: int) -> BBox | None:
        if not self.pages[i].words or e <= s:
            return None
        cached = self._words[i]
        if cached is None:
            # Sorted once per page so each look-up is a binary search.
            words = sorted(self.pages[i].words, key=lambda w: w.start)
            cached = (words, [w.start for w in words])
            self._words[i] = cached
        return union_bbox(cached[0], cached[1], s, e)


def union_bbox(words: Sequence, starts: list[int], s: int, e: int) -> BBox | None:
    """Union of the boxes of the words overlapping [s, e) (words sorted by start)."""
    lo = max(0, bisect_left(starts, s) - 1)
    hi = bisect_left(starts, e)
    x0 = top = float("inf")
    x1 = bottom = float("-inf")
    seen = False
    for w in words[lo:hi]:
        if w.end <= s or w.start >= e or w.x0 is None:
            continue
        seen = True
        x0, top = min(x0, w.x0), min(top, w.top)
        x1, bottom = max(x1, w.x1), max(bottom, w.bottom)
    if not seen:
        return None
    return BBox(x0=x0, top=top, x1=x1, bottom=bottom)
