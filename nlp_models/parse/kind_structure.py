"""Kind evidence from a document's structure, for pages whose wording no cue list foresaw.

Cue phrases (patterns.KIND_CUES) catch the titles kinds are usually given; thousands of HR
departments and payroll systems title their pages otherwise, or not at all. What they share is
structure:

- an **employment statement**: a sentence where an employment verb meets a date or a period
  ("has worked with us as ... since February 6, 2023", "was in the employment of this company
  from ...") — the core of every reference letter, whatever its heading;
- **e-mail headers** ("From:", "To:", "Subject:" lines, addresses in angle brackets);
- an **employment record**: an HR system print with labelled employment fields (hire date,
  job profile, worker type, standard hours) or a job-history table;
- a **pay statement**: the families of payroll vocabulary (gross, net, deductions, taxes and
  contributions, pay period, earnings) in any of the languages we read, with amounts.

Each returns weights added to the cue scores, and the reason, so `evidence extract --fields`
can say why a page got its kind.
"""

from __future__ import annotations

import re

from nlp_models.parse.patterns import ANGLE_ADDRESS, PAY_FAMILIES, RECORD_LABELS

_EMPLOY_VERB = re.compile(
    r"\b(?:employ(?:ed|ment|ee)|work(?:ed|s|ing)?|join(?:ed|s)|serv(?:ed|es|ing)|hired|engaged|"
    r"appointed|promoted|holds?\s+the\s+(?:position|post)|emplo(?:y[ée]e?|i)|travaill[ée]?|"
    r"occup[ée]|trabaj(?:a|ó|ado)|labor(?:a|ó)|trabalh(?:a|ou)|beschäftigt|tätig)\b",
    re.I,
)
_PERIOD_WORD = re.compile(
    r"\b(?:since|from|between|until|till|on|depuis|du|desde|seit|vom|de)\b.{0,40}?"
    r"(?:\b(?:19|20)\d{2}\b|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})",
    re.I | re.S,
)
# A sentence, not cut at the period of "Ltd." or "Mr.".
_SENTENCE = re.compile(
    r"(?:[^.!?]|(?<=Ltd)\.|(?<=Inc)\.|(?<=Co)\.|(?<=Corp)\.|(?<=Mr)\.|(?<=Ms)\.|(?<=Dr)\.|"
    r"(?<=Mrs)\.|(?<=St)\.|\.(?=\d)){10,600}[.!?]",
    re.S,
)
_EMAIL_HEADER = re.compile(
    r"^(?:from|to|cc|sent|subject|date|de|à|objet|envoyé)\s*:\s*\S", re.I | re.M
)
# The headers only an e-mail has: a letter may open with "Subject:" and "Date:" too.
_SENDER_HEADER = re.compile(r"^(?:from|to|sent|de|à|envoyé)\s*:\s*\S", re.I | re.M)
_AMOUNT = re.compile(r"\d[\d\s.,']*[.,]\d{2}\b")


def employment_statement(text: str) -> bool:
    """A sentence where someone is said to work somewhere over a period."""
    for m in _SENTENCE.finditer(text[:8000]):
        s = m.group(0)
        if _EMPLOY_VERB.search(s) and _PERIOD_WORD.search(s):
            return True
    return False


_TERMS = re.compile(
    r"\b\d{1,2}(?:[.,]\d)?(?:\s*[-–]\s*\d{1,2})?\s*(?:hours?|hrs?|heures)\s+(?:a|per|each|by|par)\s+"
    r"(?:week|semaine)\b|\d[\d,.]*\s*(?:an|per|a|/|de\s+l['’]|par)\s*(?:hour|hr|heure|h)\b",
    re.I,
)
_GREETING = re.compile(
    r"^(?:dear|to\s+whom|to\s+whoever|to\s+anyone|to\s+all\s+whom|hi|hello|greetings|bonjour"
    r"|madame|monsieur|a\s+qui\s+de)\b",
    re.I | re.M,
)


def work_terms_letter(text: str) -> bool:
    """A letter (a greeting line) that states hours a week or pay by the hour: a reference
    with no period stated ("one of our best bakers, about 30 hours a week")."""
    head = text[:8000]
    return bool(_GREETING.search(head)) and _TERMS.search(head) is not None


def email_headers(text: str) -> int:
    """How many e-mail header lines open the document."""
    head = text[:1500]
    if not (_SENDER_HEADER.search(head) or ANGLE_ADDRESS.search(head)):
        return 0
    return len(_EMAIL_HEADER.findall(head)) + len(ANGLE_ADDRESS.findall(head))


def record_labels(text: str) -> int:
    """Distinct employment-record field labels on the page."""
    low = text[:6000].lower()
    return sum(1 for rx in RECORD_LABELS if rx.search(low))


def pay_families(text: str) -> int:
    """Distinct families of payroll vocabulary on the page, counted only beside amounts."""
    low = text[:8000].lower()
    if len(_AMOUNT.findall(low)) < 3:
        return 0
    return sum(1 for rx in PAY_FAMILIES.values() if rx.search(low))


def structure_scores(text: str) -> tuple[dict[str, float], list[str]]:
    scores: dict[str, float] = {}
    why: list[str] = []
    statement = employment_statement(text)
    terms = False
    if statement:
        scores["reference_letter"] = 4.0
        why.append("a sentence states employment over a period")
    elif terms := work_terms_letter(text):
        scores["reference_letter"] = 4.0
        why.append("a letter states hours or pay of work")
    headers = email_headers(text)
    if headers >= 2 and (statement or terms):
        scores["hr_email"] = 6.0 + headers
        why.append(f"{headers} e-mail header lines")
    labels = record_labels(text)
    if labels >= 3:
        scores["employment_record"] = 2.0 * labels
        why.append(f"{labels} employment-record labels")
    families = pay_families(text)
    # A letter may name a gross salary, a pension and allowances; a pay statement names more.
    if families >= (4 if statement else 3):
        scores["pay_stub"] = 2.0 * families
        why.append(f"{families} families of payroll vocabulary beside amounts")
    return scores, why
