"""Parsed values (`Found`, with `Where`) become the checks' `Fact`s (with `Quote`)."""

from __future__ import annotations

from typing import TypeVar

from checks.models import Fact, Quote
from nlp_models.parsed import Found

T = TypeVar("T")


def quote(document: str, found: Found | None) -> Quote | None:
    if found is None or found.where is None:
        return None
    return Quote(document=document, page=found.where.page, text=found.where.quote)


def fact(document: str, found: Found[T] | None) -> Fact[T] | None:
    if found is None:
        return None
    return Fact(value=found.value, quote=quote(document, found))


def value(found: Found[T] | None) -> T | None:
    return None if found is None else found.value
