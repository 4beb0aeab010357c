"""The compiled NOC 2021 index, built from rows already read from the official CSV files.

Pure: no file I/O. ``pipeline.noc_data`` reads the files and caches the built index (pickle).
Everything the matcher needs per query is precomputed here (normalised strings, group offsets),
so a match only runs rapidfuzz over ready-made lists.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from nlp_models.noc import text
from nlp_models.noc.embedding import Embed, unit_rows
from nlp_models.noc.group_vectors import GroupVectors, bm25_vectors, group_vectors, idf_value

if TYPE_CHECKING:
    from nlp_models.noc.french import FrenchIndex

# Bump when the index layout or normalisation changes: the cache key includes it.
INDEX_VERSION = 6

STRUCTURE_CODE = "Code - NOC 2021 V1.0"
ELEMENT_TYPE = "Element Type Label English"
ELEMENT_TEXT = "Element Description English"
CONC_2016 = "NOC 2016 V1.3 Code"
CONC_2016_TITLE = "NOC 2016 V1.3 Title"
CONC_CHANGE = "GSIM Type of Change"  # the published header has a leading space
CONC_2021 = "NOC 2021 V1.0 Code"

_PREAMBLE = re.compile(r"\bperforms? some or all of the following duties:?$", re.IGNORECASE)


class NocDataFormatError(ValueError):
    """The rows do not have the shape of the official NOC 2021 V1.0 files."""


@dataclass(frozen=True, slots=True)
class UnitGroup:
    code: str
    title: str
    teer: int
    lead_statement: str
    main_duties: tuple[str, ...]  # preamble row removed, duplicates removed, order kept
    essential: tuple[bool, ...]  # False for duties starting with "May"
    illustrative_examples: tuple[str, ...]
    all_examples: tuple[str, ...]
    inclusions: tuple[str, ...]
    exclusions: tuple[str, ...]
    employment_requirements: tuple[str, ...]
    additional_information: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Segments:
    """A flat list of strings grouped by unit group (rows sorted by group).

    ``offsets[g]`` is where group g starts, so ``np.maximum.reduceat(scores, offsets)`` gives the
    best score per group in one call.
    """

    text: tuple[str, ...]
    norm: tuple[str, ...]  # stemmed content words, sorted (see text.sorted_terms)
    group: np.ndarray  # int32, group position of each row
    offsets: np.ndarray  # int64, start of each group; every group has at least one row


@dataclass(frozen=True, slots=True)
class Postings:
    """Inverted index (CSR layout) of the terms of a list of rows, for IDF-weighted overlap.

    One flat array instead of a dict of arrays keeps the pickle small and fast to load.
    """

    vocab: Mapping[str, int]
    indptr: np.ndarray  # int64, rows of term t are rows[indptr[t]:indptr[t + 1]]
    rows: np.ndarray  # int32
    df: np.ndarray  # int32, number of rows holding each term
    row_weight: np.ndarray  # float32, sum of the IDF of each row's distinct terms
    n_rows: int


@dataclass(frozen=True, slots=True)
class SemanticVectors:
    """Embeddings of the index's title and duty rows (unit vectors, float32: converting a
    float16 copy on every query cost more than the matching itself)."""

    model: str  # which embedding model made them; queries must use the same one
    titles: np.ndarray  # one row per ``NocIndex.titles`` row
    duties: np.ndarray  # one row per ``NocIndex.duties`` row
    # Per unit group, the mean direction of its titles: what a list of duties is compared with
    # to ask "which occupation's names does this work sound like" when no title is given.
    title_centroids: np.ndarray


@dataclass(frozen=True, slots=True)
class NocIndex:
    version: int
    groups: tuple[UnitGroup, ...]  # sorted by code
    position: Mapping[str, int]  # 5-digit code -> position in groups
    hierarchy: Mapping[str, str]  # 1- to 4-digit codes -> class title
    titles: Segments  # "All examples" (the index of titles) plus each class title
    duties: Segments  # real main duties
    duty_essential: np.ndarray  # bool per duty row
    duty_surface: tuple[str, ...]  # lower-case words, for copy detection
    leads: Segments  # lead statement sentences
    lead_surface: tuple[str, ...]
    title_postings: Postings
    duty_postings: Postings
    lead_postings: Postings  # one row per unit group: the action sentences of its lead statement
    vectors: GroupVectors  # TF-IDF (French matching, and for information)
    bm25: GroupVectors  # BM25 weights of the same text: what English duties rank by
    concordance: Mapping[str, tuple[tuple[str, str], ...]]  # NOC 2016 -> ((2021 code, change),)
    titles_2016: Mapping[str, str]
    semantic: SemanticVectors | None = None  # None: lexical matching only
    french: FrenchIndex | None = None  # French titles and lead statements, when held

    def group(self, code: str) -> UnitGroup | None:
        pos = self.position.get(code)
        return None if pos is None else self.groups[pos]


def _field(row: Mapping[str, str], name: str) -> str:
    try:
        return row[name]
    except KeyError as exc:
        raise NocDataFormatError(f"missing column {name!r}; columns are {sorted(row)}") from exc


def _strip_keys(rows: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    # Header names are compared stripped: the concordance header " GSIM Type of Change".
    return [{(k or "").strip(): (v or "") for k, v in row.items()} for row in rows]


def _segments(items: list[tuple[int, str]], n_groups: int, norm: list[str]) -> Segments:
    group = np.fromiter((g for g, _ in items), dtype=np.int32, count=len(items))
    if len(items) and np.any(np.diff(group) < 0):
        raise NocDataFormatError("segment rows are not sorted by unit group")
    counts = np.bincount(group, minlength=n_groups)
    if np.any(counts == 0):
        missing = int(np.flatnonzero(counts == 0)[0])
        raise NocDataFormatError(f"unit group #{missing} has no rows in a required element")
    offsets = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
    return Segments(tuple(t for _, t in items), tuple(norm), group, offsets)


def _dedupe(values: list[str]) -> tuple[str, ...]:
    # The official file repeats some rows verbatim (38 duplicates); keep the first of each.
    return tuple(dict.fromkeys(values))


def build_index(
    structure_rows: Iterable[Mapping[str, str]],
    element_rows: Iterable[Mapping[str, str]],
    concordance_rows: Iterable[Mapping[str, str]],
    embed: Embed | None = None,
    embed_model: str | None = None,
    french_rows: Iterable[Mapping[str, str]] | None = None,
) -> NocIndex:
    """Build the index from csv.DictReader rows of the three official files.

    With ``embed`` (and the name of its model), the title and duty rows are embedded too; with
    ``french_rows`` (the bilingual class file) French titles and lead statements are indexed.
    """
    structure = _strip_keys(structure_rows)
    elements = _strip_keys(element_rows)
    concordance = _strip_keys(concordance_rows)

    unit_rows: dict[str, dict[str, str]] = {}
    hierarchy: dict[str, str] = {}
    for row in structure:
        code = text.clean(_field(row, STRUCTURE_CODE))
        level = text.clean(_field(row, "Level"))
        if level == "5":
            if not re.fullmatch(r"\d{5}", code):
                raise NocDataFormatError(f"unit group code {code!r} is not 5 digits")
            unit_rows[code] = row
        else:
            hierarchy[code] = text.clean(_field(row, "Class title"))
    if not unit_rows:
        raise NocDataFormatError("no level-5 (unit group) rows in the structure file")

    per_group: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in elements:
        code = text.clean(_field(row, STRUCTURE_CODE)).zfill(5)
        if code not in unit_rows:
            raise NocDataFormatError(f"element row for unknown unit group {code!r}")
        value = text.clean(_field(row, ELEMENT_TEXT))  # trailing space and NBSP removed
        if value:
            per_group[code][text.clean(_field(row, ELEMENT_TYPE))].append(value)

    codes = sorted(unit_rows)
    groups: list[UnitGroup] = []
    for code in codes:
        elems = per_group.get(code, {})
        duties = [d for d in _dedupe(elems.get("Main duties", [])) if not _PREAMBLE.search(d)]
        groups.append(
            UnitGroup(
                code=code,
                title=text.clean(unit_rows[code]["Class title"]),
                teer=int(code[1]),  # TEER is the second digit of the 5-digit code
                lead_statement=text.clean(unit_rows[code]["Class definition"]),
                main_duties=tuple(duties),
                essential=tuple(not text.starts_with_may(d) for d in duties),
                illustrative_examples=_dedupe(elems.get("Illustrative example(s)", [])),
                all_examples=_dedupe(elems.get("All examples", [])),
                inclusions=_dedupe(elems.get("Inclusion(s)", [])),
                exclusions=_dedupe(elems.get("Exclusion(s)", [])),
                employment_requirements=_dedupe(elems.get("Employment requirements", [])),
                additional_information=_dedupe(elems.get("Additional information", [])),
            )
        )

    title_items = [(g, t) for g, ug in enumerate(groups) for t in (ug.title, *ug.all_examples)]
    duty_items = [(g, d) for g, ug in enumerate(groups) for d in ug.main_duties]
    lead_items = [(g, s) for g, ug in enumerate(groups) for s in text.sentences(ug.lead_statement)]
    n = len(groups)
    group_terms = _group_terms(groups)
    titles = _segments(title_items, n, [text.sorted_terms(t) for _, t in title_items])
    duties = _segments(duty_items, n, [text.sorted_terms(t) for _, t in duty_items])
    leads = _segments(lead_items, n, [text.sorted_terms(t) for _, t in lead_items])
    essential = np.array([e for ug in groups for e in ug.essential], dtype=bool)

    conc: dict[str, list[tuple[str, str]]] = defaultdict(list)
    titles_2016: dict[str, str] = {}
    for row in concordance:
        # This copy of the concordance lost its leading zeros (0011 -> 11, 00010 -> 10).
        old = text.clean(_field(row, CONC_2016)).zfill(4)
        new = text.clean(_field(row, CONC_2021)).zfill(5)
        if new not in unit_rows:
            raise NocDataFormatError(f"concordance maps {old} to unknown NOC 2021 code {new}")
        change = text.clean(_field(row, CONC_CHANGE))
        if (new, change) not in conc[old]:
            conc[old].append((new, change))
        titles_2016[old] = text.clean(_field(row, CONC_2016_TITLE))

    return NocIndex(
        version=INDEX_VERSION,
        groups=tuple(groups),
        position={c: i for i, c in enumerate(codes)},
        hierarchy=hierarchy,
        titles=titles,
        duties=duties,
        duty_essential=essential,
        duty_surface=tuple(text.surface(d) for _, d in duty_items),
        leads=leads,
        lead_surface=tuple(text.surface(s) for _, s in lead_items),
        title_postings=build_postings(titles.norm),
        duty_postings=build_postings(duties.norm),
        lead_postings=build_postings(
            [text.sorted_terms(" ".join(lead_actions(ug.lead_statement))) for ug in groups]
        ),
        vectors=group_vectors(group_terms),
        bm25=bm25_vectors(group_terms),
        concordance={k: tuple(v) for k, v in conc.items()},
        titles_2016=titles_2016,
        semantic=_semantic(embed, embed_model, titles, duties),
        french=_french(codes, french_rows),
    )


def _semantic(
    embed: Embed | None, model: str | None, titles: Segments, duties: Segments
) -> SemanticVectors | None:
    if embed is None:
        return None
    title_rows = embed(titles.text).astype(np.float32)
    return SemanticVectors(
        model=model or "unnamed",
        titles=title_rows,
        duties=embed(duties.text).astype(np.float32),
        title_centroids=unit_rows(np.add.reduceat(title_rows, titles.offsets, axis=0)),
    )


def _french(codes: list[str], rows: Iterable[Mapping[str, str]] | None) -> FrenchIndex | None:
    if rows is None:
        return None
    from nlp_models.noc.french import build_french  # imports this module's helpers

    return build_french(codes, _strip_keys(rows))


_CONTEXT_SENTENCE = re.compile(
    r"^(They|It|and) (are|is|may be) (employed|self-employed)|^They work"
)


def lead_actions(lead_statement: str) -> list[str]:
    """The sentences of a lead statement that say what the workers do (not where they work)."""
    found = text.sentences(lead_statement)
    return [s for s in found if not _CONTEXT_SENTENCE.match(s)] or found


def build_postings(norms: Iterable[str]) -> Postings:
    row_terms = [sorted(set(n.split())) for n in norms]
    vocab: dict[str, int] = {}
    for terms_ in row_terms:
        for t in terms_:
            vocab.setdefault(t, len(vocab))
    by_term: list[list[int]] = [[] for _ in vocab]
    for r, terms_ in enumerate(row_terms):
        for t in terms_:
            by_term[vocab[t]].append(r)
    df = np.array([len(v) for v in by_term], dtype=np.int32)
    indptr = np.concatenate(([0], np.cumsum(df))).astype(np.int64)
    rows = np.fromiter((r for v in by_term for r in v), dtype=np.int32, count=int(df.sum()))
    n = len(row_terms)
    idf = np.array([idf_value(n, int(d)) for d in df], dtype=np.float64)
    weight = np.array([sum(idf[vocab[t]] for t in ts) for ts in row_terms], dtype=np.float32)
    return Postings(vocab, indptr, rows, df, weight, n)


def _group_terms(groups: list[UnitGroup]) -> list[list[str]]:
    """Each unit group's whole text as terms: title, lead statement, main duties, examples."""
    return [
        text.term_list(" ".join((ug.title, ug.lead_statement, *ug.main_duties, *ug.all_examples)))
        for ug in groups
    ]
