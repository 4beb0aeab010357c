"""The parsing stage: `parse_document(ExtractedDocument) -> ParsedDocument`.

Document kind and language, then typed fields per kind with the words that prove each value.
The spaCy pipelines (`pipeline.get_nlp`) are built once per process from `spacy.blank`.

Attributes load on first use (PEP 562): a run whose parses all come from the cache never
imports spaCy (~0.3 s of start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nlp_models.parse.version import PARSER_VERSION

if TYPE_CHECKING:
    from nlp_models.parse.document import parse_document
    from nlp_models.parse.pipeline import get_nlp, warm_up

__all__ = ["PARSER_VERSION", "get_nlp", "parse_document", "warm_up"]


def __getattr__(name: str) -> Any:
    if name == "parse_document":
        from nlp_models.parse.document import parse_document

        return parse_document
    if name in ("get_nlp", "warm_up"):
        from nlp_models.parse import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
