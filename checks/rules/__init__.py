"""Rule modules, one per family; importing them registers their rules."""

from checks.rules import (  # noqa: F401
    authorisation,
    case,
    consistency,
    documents,
    employment,
    hours,
    letter,
    noc,
    pay,
    selection,
    students,
    unread,
)
