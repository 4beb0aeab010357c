"""Split text into positioned words (sources without geometry: DOCX, TXT)."""

from __future__ import annotations

import re

from extractors.models import Word

_WORD = re.compile(r"\S+")


def split_words(text: str) -> tuple[Word, ...]:
    return tuple(Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text))
