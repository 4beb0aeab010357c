"""Rule modules, one per family; importing them registers their rules."""

from checks.rules import (  # noqa: F401
    authorisation,
    case,
    consistency,
    documents,
    employment,
    hours,
    letter_parties,
    letter_position,
    letter_recency,
    letter_scope,
    noc,
    pay,
    selection,
    students,
    unread,
)
