"""One file holding several documents (a letter, six pay stubs and a permit merged into one
PDF): where each document starts, from what each page is.

A page starts a new document when it is confidently of another kind than the document it
would continue (a pay advice after a letter, a permit after the stubs), or when it says "Page 1
of n". A page that says "page 2 of 2", or reads as nothing in particular, continues the
document before it; so do pages of the same kind (a file of pay stubs stays one pay record,
read by the stub parser page by page).
"""

from __future__ import annotations

import re

from extractors.models import ExtractedDocument
from nlp_models.parse.context import Ctx
from nlp_models.parse.kinds import classify_pages
from nlp_models.parsed import DocKind

_SURE = 0.7  # a page's kind this sure can start a document of its own
_FIRST_PAGE = re.compile(r"\bpage\s+1\s*(?:of|/|de|sur)\s*[2-9]\d*\b", re.I)
_LATER_PAGE = re.compile(r"\bpage\s+([2-9]|\d{2,})\s*(?:of|/|de|sur)\s*\d+\b", re.I)


def split_pages(ctx: Ctx) -> tuple[tuple[int, int], ...]:
    """(first, last) page numbers (1-based, inclusive) of each document in the file; one
    range for a file that holds one document."""
    pages = ctx.pages.pages
    if len(pages) < 2:
        return ((1, len(pages)),) if pages else ()
    kinds = classify_pages(ctx.nlp_doc, ctx.pages.offsets[: len(pages)], ctx.text)
    starts = [0]
    current = kinds[0][0]
    for i in range(1, len(pages)):
        text = pages[i].text
        kind, sure = kinds[i]
        if _LATER_PAGE.search(text):
            continue  # "page 2 of 3": the document goes on
        confident = sure >= _SURE and kind not in (DocKind.OTHER, DocKind.UNKNOWN)
        new = bool(_FIRST_PAGE.search(text)) or (confident and kind != current)
        if new:
            starts.append(i)
            current = kind
        elif confident and current in (DocKind.OTHER, DocKind.UNKNOWN):
            current = kind
    ends = [s - 1 for s in starts[1:]] + [len(pages) - 1]
    return tuple((pages[s].number, pages[e].number) for s, e in zip(starts, ends, strict=True))


def part_document(doc: ExtractedDocument, first: int, last: int) -> ExtractedDocument:
    """The pages first..last of `doc` as a document of their own, renumbered from 1 (a quote
    names the part, "FILE#pages=3-4", and its page within it)."""
    chosen = [p for p in doc.pages if first <= p.number <= last]
    pages = tuple(p.model_copy(update={"number": i}) for i, p in enumerate(chosen, 1))
    methods = {p.method for p in pages}
    read = next(iter(methods)) if len(methods) == 1 else doc.read
    return doc.model_copy(update={"pages": pages, "read": read})


def part_name(path: str, first: int, last: int) -> str:
    """How the report names a part: "FILE#pages=3-4", "FILE#pages=7"."""
    return f"{path}#pages={first}" if first == last else f"{path}#pages={first}-{last}"
