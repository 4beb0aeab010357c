"""The parsing stage: `parse_document(ExtractedDocument) -> ParsedDocument`.

Document kind and language, then typed fields per kind with the words that prove each value.
The spaCy pipelines (`pipeline.get_nlp`) are built once per process from `spacy.blank`.
"""

from nlp_models.parse.document import parse_document
from nlp_models.parse.pipeline import get_nlp, warm_up
from nlp_models.parse.version import PARSER_VERSION

__all__ = ["PARSER_VERSION", "get_nlp", "parse_document", "warm_up"]
