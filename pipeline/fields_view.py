"""`evidence extract FILE --fields`: each parsed field beside the words that prove it and their
page, so a user can see why a value was (or was not) read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from nlp_models.parsed import Found, ParsedDocument
from pipeline.present import mask


def _show(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        parts = [f"{k}={_show(v)}" for k, v in value.model_dump().items() if v is not None]
        return ", ".join(parts)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def rows(value: Any, path: str = "") -> Iterator[tuple[str, Found[Any]]]:
    """(field path, Found) for every value found, in the model's field order."""
    if isinstance(value, Found):
        yield path, value
        return
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name == "form":
                continue
            yield from rows(getattr(value, name), f"{path}.{name}" if path else name)
        return
    if isinstance(value, tuple):
        for i, item in enumerate(value, 1):
            yield from rows(item, f"{path}[{i}]")


def print_fields(parsed: ParsedDocument, console: Console) -> None:
    """Kind, language and a table of field, value, page and quoted words."""
    console.print(
        f"[bold]{escape(parsed.kind.value)}[/bold] (confidence {parsed.kind_confidence:.2f}), "
        f"language {parsed.language.value}, parser {escape(parsed.parser)}"
    )
    if parsed.kind_cues:
        console.print(f"kind from: {escape('; '.join(parsed.kind_cues))}")
    if parsed.fields is None:
        console.print("No fields: the document kind has none, or it could not be read.")
        return
    table = Table(show_lines=False)
    table.add_column("field", style="cyan", no_wrap=True)
    table.add_column("value")
    table.add_column("page", justify="right")
    table.add_column("quote", style="dim")
    found = list(rows(parsed.fields))
    for path, f in found:
        where = f.where
        quote = " ".join(where.quote.split()) if where else ""
        if len(quote) > 70:
            quote = quote[:67] + "..."
        table.add_row(
            escape(path),
            escape(mask(_show(f.value))),  # never print a full SIN or passport number
            str(where.page) if where else "",
            escape(mask(quote)),
        )
    extra = getattr(parsed.fields, "letterhead", None)
    if extra is not None:
        table.add_row("letterhead", "yes" if extra else "no", "", "")
    if not found:
        console.print("No field was found in this document.")
        return
    console.print(table)
