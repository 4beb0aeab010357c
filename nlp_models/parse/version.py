"""The parser's version: part of the cache key of everything derived from a ParsedDocument."""

# Bump when patterns, cues or field logic change what is extracted.
PARSER_VERSION = "parse/1"
