"""Dated policy parameters (package data `policy.toml`), chosen by the date that governs them.

`value_at(name, on)` returns the value in force on a date; `dated_value_at` also returns the
source, confidence tags and rule IDs, so a finding can say where a number comes from.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

Confidence = Literal["OFF-R", "OFF-Q", "SEED", "JUR", "3P", "UNC", "DISPUTED"]
GoverningDate = Literal[
    "work_date",
    "app_date",
    "ita_date",
    "profile_date",
    "sp_app_date",
    "pgwp_app_date",
    "program_start",
]


class DatedValue(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    start: date | None = None  # inclusive; None: since always
    end: date | None = None  # exclusive; None: still in force
    value: Any
    rules: tuple[str, ...]
    source: str
    confidence: tuple[Confidence, ...]
    note: str = ""

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    @property
    def uncertain(self) -> bool:
        """True when the value rests only on unconfirmed or disputed ground (rules.md §0.2)."""
        return "UNC" in self.confidence or "DISPUTED" in self.confidence


class Parameter(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    description: str
    unit: str
    governed_by: GoverningDate
    values: tuple[DatedValue, ...]


@cache
def parameters() -> dict[str, Parameter]:
    raw = tomllib.loads(resources.files(__package__).joinpath("policy.toml").read_text("utf-8"))
    params = {name: Parameter(name=name, **body) for name, body in raw.items()}
    for p in params.values():
        _check_no_overlap(p)
    return params


def _check_no_overlap(p: Parameter) -> None:
    spans = sorted(p.values, key=lambda v: v.start or date.min)
    for a, b in pairwise(spans):
        if a.end is None or (b.start is not None and b.start < a.end):
            raise ValueError(f"parameter {p.name}: dated values overlap")


def parameter(name: str) -> Parameter:
    return parameters()[name]


def dated_value_at(name: str, on: date) -> DatedValue | None:
    """The dated value of `name` in force on `on`, or None when none is (e.g. before a policy)."""
    return next((v for v in parameter(name).values if v.covers(on)), None)


def value_at(name: str, on: date) -> Any:
    dv = dated_value_at(name, on)
    if dv is None:
        raise LookupError(f"parameter {name!r} has no value on {on.isoformat()}")
    return dv.value


def change_dates(name: str) -> tuple[date, ...]:
    """Dates on which the parameter's value changes (starts and ends of its dated values)."""
    edges = {d for v in parameter(name).values for d in (v.start, v.end) if d is not None}
    return tuple(sorted(edges))
