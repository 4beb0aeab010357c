"""The rule registry (as ruff's): stable IDs and slugs, severities, programs, citations, docs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checks.citations import CITATIONS
from checks.findings import Severity
from checks.models import Frozen, Program, Quote

if TYPE_CHECKING:
    from checks.context import Context

FAMILIES = {
    "0": "case",
    "1": "letter completeness",
    "2": "hours and windows",
    "3": "students",
    "4": "NOC and duties",
    "5": "consistency across documents",
    "6": "pay",
    "7": "authorisation and PGWP",
    "8": "document quality",
    "9": "employment type",
}


class RuleDoc(Frozen):
    what: str  # what it checks
    why: str  # why it matters (with the IRCC source)
    example: str  # a failing example
    fix: str  # how to fix it


class RuleSpec(Frozen):
    id: str
    slug: str
    severity: Severity  # default (and highest) severity
    programs: tuple[Program, ...]
    citations: tuple[str, ...]  # rules.md IDs
    summary: str
    doc: RuleDoc
    disputed: bool = False  # every finding rests on [UNC]/[DISPUTED] ground: capped at WARNING

    @property
    def family(self) -> str:
        return FAMILIES[self.id[2]]

    @property
    def max_severity(self) -> Severity:
        return self.severity.at_most(Severity.WARNING) if self.disputed else self.severity


@dataclass(frozen=True)
class Hit:
    """What a rule function yields; the runner adds the rule's metadata to make a Finding."""

    message: str
    severity: Severity | None = None  # None: the rule's default
    documents: tuple[str, ...] = ()
    evidence: tuple[Quote | None, ...] = ()
    fix: str | None = None  # None: the rule doc's fix
    subject: str | None = None
    disputed: bool = False  # this finding rests on [UNC]/[DISPUTED] ground
    programs: tuple[Program, ...] | None = None
    extra_citations: tuple[str, ...] = field(default=())


RuleFn = Callable[["Context"], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    spec: RuleSpec
    check: RuleFn


_RULES: dict[str, Rule] = {}


def rule(
    id: str,
    slug: str,
    severity: Severity,
    *,
    programs: Iterable[Program],
    cites: Iterable[str],
    summary: str,
    what: str,
    why: str,
    example: str,
    fix: str,
    disputed: bool = False,
) -> Callable[[RuleFn], RuleFn]:
    """Register a rule function under a stable ID and slug."""
    cites = tuple(cites)
    unknown = [c for c in cites if c not in CITATIONS]
    if unknown:
        raise ValueError(f"{id}: unknown citation(s) {unknown}")
    spec = RuleSpec(
        id=id,
        slug=slug,
        severity=severity,
        programs=tuple(programs),
        citations=cites,
        summary=summary,
        doc=RuleDoc(what=what, why=why, example=example, fix=fix),
        disputed=disputed,
    )

    def register(fn: RuleFn) -> RuleFn:
        if id in _RULES or any(r.spec.slug == slug for r in _RULES.values()):
            raise ValueError(f"duplicate rule {id} / {slug}")
        _RULES[id] = Rule(spec=spec, check=fn)
        return fn

    return register


def all_rules() -> tuple[Rule, ...]:
    _load()
    return tuple(_RULES[k] for k in sorted(_RULES))


def find_rule(id_or_slug: str) -> Rule | None:
    _load()
    key = id_or_slug.strip()
    if key.upper() in _RULES:
        return _RULES[key.upper()]
    return next((r for r in _RULES.values() if r.spec.slug == key.lower()), None)


def _load() -> None:
    import checks.rules  # noqa: F401  (registers every rule module)
