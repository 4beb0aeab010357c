"""Dated policy parameters (package data `policy.toml`), chosen by the date that governs them.

`Policy.value(name)` returns the value in force on the date that governs the parameter;
`Policy.dated` also returns the source, confidence tags and rule IDs, so a finding can say where a
number comes from. `default_policy()` is the project's; `load_policy(text)` checks another.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

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
    description: str  # the label shown with the value
    unit: str
    governed_by: GoverningDate
    values: tuple[DatedValue, ...]


class PolicyError(ValueError):
    """The policy file is inconsistent (overlapping values, an unknown citation...)."""


class PolicyDateError(LookupError):
    """A parameter was asked for without the date that governs it (e.g. a work-date parameter
    without the day of work): reading it at another date would apply one date's rule to all."""


GOVERNING_LABELS: dict[GoverningDate, str] = {
    "work_date": "day of work",
    "app_date": "application date",
    "ita_date": "invitation (round) date",
    "profile_date": "profile date",
    "sp_app_date": "study-permit application date",
    "pgwp_app_date": "PGWP application date",
    "program_start": "study program's start",
}


@dataclass(frozen=True)
class Policy:
    """The dated parameters, looked up by the date that governs each (rules.md §0.4).

    `dates` holds the governing dates a case gives (application date, ITA date...). A parameter
    governed by the work date is refused unless the day is given; one governed by another date is
    read at the case's date of that kind, or at the day given (the caller knows which day it is:
    the round date, a program's start).
    """

    parameters: Mapping[str, Parameter]
    dates: Mapping[GoverningDate, date] = field(default_factory=dict)

    def with_dates(self, **dates: date | None) -> Policy:
        known = {k: v for k, v in dates.items() if v is not None}
        unknown = set(known) - set(GOVERNING_LABELS)
        if unknown:
            raise ValueError(f"not a governing date: {sorted(unknown)}")
        return replace(self, dates={**self.dates, **known})  # type: ignore[dict-item]

    def parameter(self, name: str) -> Parameter:
        return self.parameters[name]

    def governing_day(self, name: str, on: date | None = None) -> date:
        p = self.parameters[name]
        if on is not None:
            return on
        day = self.dates.get(p.governed_by)
        if day is None or p.governed_by == "work_date":
            raise PolicyDateError(
                f"parameter {name!r} is set by the {GOVERNING_LABELS[p.governed_by]}: "
                "give the day it applies to"
            )
        return day

    def dated(self, name: str, on: date | None = None) -> DatedValue | None:
        """The dated value in force on the governing day, or None when none is (a policy that
        did not exist yet)."""
        day = self.governing_day(name, on)
        return next((v for v in self.parameters[name].values if v.covers(day)), None)

    def value(self, name: str, on: date | None = None) -> Any:
        dv = self.dated(name, on)
        if dv is None:
            day = self.governing_day(name, on)
            raise LookupError(f"parameter {name!r} has no value on {day.isoformat()}")
        return dv.value

    def change_dates(self, name: str) -> tuple[date, ...]:
        """Dates on which the parameter's value changes (starts and ends of its dated values)."""
        values = self.parameters[name].values
        return tuple(sorted({d for v in values for d in (v.start, v.end) if d is not None}))


def load_policy(text: str) -> Policy:
    """A policy from TOML text, checked: every parameter has a unit, a label, a governing date and
    dated values that do not overlap, each citing rules.md IDs that `checks.citations` holds."""
    from checks.citations import CITATIONS  # citations import the models, not the parameters

    try:
        raw = tomllib.loads(text)
        params = {name: Parameter(name=name, **body) for name, body in raw.items()}
    except (tomllib.TOMLDecodeError, TypeError, ValidationError) as exc:
        raise PolicyError(f"policy: {exc}") from exc
    for p in params.values():
        _check_no_overlap(p)
        if not p.unit.strip() or not p.description.strip():
            raise PolicyError(f"parameter {p.name}: a unit and a label are required")
        for v in p.values:
            if not v.rules:
                raise PolicyError(f"parameter {p.name}: a dated value cites no rule")
            unknown = [r for r in v.rules if r not in CITATIONS]
            if unknown:
                raise PolicyError(f"parameter {p.name}: unknown citation(s) {', '.join(unknown)}")
    return Policy(parameters=params)


@cache
def default_policy() -> Policy:
    """The project's policy (package data `policy.toml`)."""
    return load_policy(resources.files(__package__).joinpath("policy.toml").read_text("utf-8"))


def _check_no_overlap(p: Parameter) -> None:
    spans = sorted(p.values, key=lambda v: v.start or date.min)
    for a, b in pairwise(spans):
        if a.end is None or (b.start is not None and b.start < a.end):
            raise PolicyError(f"parameter {p.name}: dated values overlap")
