"""Duties written as running prose: "In her role, Priya oversees office procedures. She also
establishes work priorities and delegates tasks to support staff."

No heading, bullet or list sentence marks them; the structure does: sentences whose subject is
the employee (a pronoun, or the name the letter uses) followed by an action verb in the third
person, the past tense or the progressive ("oversees", "prepared", "led", "is handling"), or
"is responsible for", or "her job is to". Sentences about the employment itself (joined, worked
as, was employed, hours, pay, praise) are not duties. One duty per sentence, from its verb on:
people paste or write one duty a sentence, and the copy check (R-FLAG-1) compares sentence with
NOC sentence.
"""

from __future__ import annotations

import re

from nlp_models.parse.context import Ctx, trim
from nlp_models.parsed import Found

# A sentence; "Mr." or "Ltd." inside it does not end it.
_SENTENCE = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Mx|Dr|Engr|Jr|Sr|St|No|Inc|Ltd|Co|Corp|Pvt|approx|e\.g|i\.e)\.|[^.!?])+"
    r"[.!?](?=\s|$)",
    re.S,
)
# Optional framing before the subject: "In her role,", "As Team Lead,", "Every shift", "Once a
# week", "During service".
_FRAME = (
    r"(?:(?i:in|during|as|within|on|at|while|since|after|before|when|throughout|between"
    r"|outside|alongside|besides|across|around|among|day\s+to\s+day|(?:each|every)\s+\w+"
    r"|(?:once|twice)\s+a\s+\w+|additionally|also|moreover|furthermore|in\s+addition)\b"
    r"[^,.;]{0,60}?,?\s+)?"
)
_SUBJECT = r"(?P<subj>(?i:she|he|they)|(?i:mr|ms|mrs|mx|dr)\.?\s+[A-Z][\w'-]+|[A-Z][a-z'-]{2,})"
_ADVERBS = (
    r"also|additionally|further|then|regularly|routinely|personally|independently|directly"
    r"|successfully|always|often|usually|sometimes|mostly|mainly|primarily|frequently"
    r"|typically|generally|now|still|later|afterwards|nowadays"
)
_ADVERB = re.compile(rf"^(?:{_ADVERBS})$", re.I)
_IRREGULAR = (
    r"led|built|ran|made|kept|took|wrote|taught|drove|sold|set|met|oversaw|undertook|did|does"
    r"|got|dug|gave|sought|spoke|bought|drew|fed|laid|sent|lent|brought|wore|fought|caught|read"
    r"|cut|put|won|chose|flew|grew|rode|swept|told|threw|understood|broke|froze|hung|dealt"
    r"|paid|shot|shut|spent|split|spread|struck|stood|sat|wound"
)
# What the subject does; the duty starts at the group named "task".
_ACTION = (
    r"(?P<verb>(?:(?:is|was|are|were|has\s+been|had\s+been)\s+"
    r"(?:responsible|accountable|in\s+charge|involved|engaged)\s+(?:for|of|in)\s+)(?P<task>)"
    r"|(?:is|was|are|were|has\s+been|had\s+been)\s+(?:(?:" + _ADVERBS + r")\s+)*"
    r"(?P<ing>[a-z]{3,}ing)\b"
    r"|(?P<word>[a-z][a-z-]{2,}(?:s|ed)|" + _IRREGULAR + r")\b)"
)
_LEAD = re.compile(
    rf"^\s*{_FRAME}{_SUBJECT}\s+(?:(?:{_ADVERBS})\s+)*{_ACTION}(?P<rest>.*)$",
    re.S,
)
# "Her job is to receive and verify invoices", "His work included structural beams".
# "His work on board is setting and hauling gear, baiting hooks, ...": the work named, then
# what it is, in gerunds.
_ROLE_LEAD = re.compile(
    rf"^\s*{_FRAME}(?i:his|her|their)\s+(?:main\s+|daily\s+|key\s+)?"
    r"(?:work|job|role|duties|responsibilities|tasks)(?:\s+(?:on|at|in|here|there|with)"
    r"(?:\s+[\w'’-]+){0,3}?)?\s+(?:included|includes|include|involved"
    r"|involves|consisted\s+of|consists\s+of|(?:is|was)\s+to|(?:are|were)"
    r"|(?:is|was)(?=\s+[a-z]{3,}ing\b))\s+(?P<rest>.+)$",
    re.S,
)
# The gerunds of such a sentence part its duties: ", baiting hooks, gutting and icing fish".
_GERUND_BREAK = re.compile(r",\s+(?:and\s+)?(?=[a-z]{3,}ing\b)")
# Verbs of the employment, the letter or praise, not of the work.
_NOT_DUTY_VERB = re.compile(
    r"^(?:is|was|has|had|joined|started|began|commenced|resigned|left"
    r"|leaves|remains|remained|holds|held|earned|completed|showed"
    r"|shows|demonstrated|demonstrates|proved|proves|possesses|possessed|enjoys|enjoyed"
    r"|wishes|wished|requested|requests|deserves|continues|continued"
    r"|moved|relocated|transferred|returned|graduated|obtained|gained"
    r"|learned|learnt|became|comes|came|goes|went|gets|seems|appears|means|needs"
    r"|working|being|having|going|getting)$",
    re.I,
)
# "works as a cook", "worked for us", "reports to the manager": the job, not a task.
_NOT_DUTY_PHRASE = re.compile(
    r"^(?:works?|worked|reports?|reported|serves?|served)\s+(?:as|for|with|at|in|from|since|under|to|directly|hard"
    r"|full|part|on\s+(?:a|an|the)\s+(?:full|part|contract|casual)|\d)\b",
    re.I,
)
_EMPLOYMENT = re.compile(
    r"\b(?:employed|employment\s+(?:with|at|in|of|letter|period|history|type)|hired|salary|wage|per\s+(?:hour|week|month|annum|year)"
    r"|hours\s+(?:per|a|each)|full[-\s]time|part[-\s]time|wish\s+(?:him|her|them)"
    r"|(?:highly|gladly|strongly|happily)\s+recommend|recommend\s+(?:him|her|them|[A-Z]\w+\s+for)"
    r"|contact\s+(?:me|us|the\s+undersigned)|asset\s+to|pleasure|reliable|punctual"
    r"|hard[-\s]?working|dedicated|position\s+of|title\s+of)\b",
    re.I,
)
# Capitalised words that open a sentence without being the employee.
_NOT_SUBJECT_TEXT = """
the this that these those our we it its their there here please yours kindly thank any all
each every some such his her my your one both either neither in during as on at while since
after before when with for from through over under between outside alongside besides across
around among throughout once twice
"""
_NOT_SUBJECT = frozenset(_NOT_SUBJECT_TEXT.split())
_MIN_SENTENCES = 2  # one such sentence alone is as likely a remark as a duty
_MAX_GAP = 1  # a remark between two duty sentences ("He held a CWB ticket.") does not end them


def prose_duties(ctx: Ctx, lo: int, hi: int) -> list[Found[str]]:
    """Duty sentences of running text in [lo, hi): the longest run of at least two."""
    runs: list[list[tuple[int, int]]] = [[]]
    gap = 0
    for m in _SENTENCE.finditer(ctx.text, lo, hi):
        span = _duty_span(ctx.text, m.start(), m.end())
        if span is None:
            gap += 1
            if gap > _MAX_GAP and runs[-1]:
                runs.append([])
            continue
        gap = 0
        runs[-1].append(span)
    best = max(runs, key=len)
    if len(best) < _MIN_SENTENCES and not (best and _stated_work(ctx.text, best[0])):
        return []
    out = []
    for s0, e0 in best:
        parts = _gerunds(ctx.text, s0, e0) if _stated_work(ctx.text, (s0, e0)) else None
        for s, e in parts or _clauses(ctx.text, s0, e0):
            s, e = trim(ctx.text, s, e, " \t\n,;:.")
            out.append(ctx.found(re.sub(r"\s+", " ", ctx.text[s:e]), s, e, 0.7))
    return out


# ", kept the site clean", ", and helped the crew": a comma before a new verb starts a new duty.
# Not before "-ing": "closing: dishes, wiping down, mopping" lists parts of one task.
_CLAUSE_BREAK = re.compile(
    r",\s+(?:and\s+)?(?=(?:(?:"
    + _ADVERBS
    + r")\s+)?(?:[a-z][a-z-]{2,}(?:s|ed)|"
    + _IRREGULAR
    + r")\s)"
)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One sentence's duties: its verb phrases parted by commas ("loaded trucks, kept the site
    clean, and helped the crew"); a break that would leave a fragment of under three words is
    not taken ("reviews, evaluates and implements procedures" stays one)."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if len(text[pos : m.start()].split()) >= 3:
            spans.append((pos, m.start()))
            pos = m.end()
    spans.append((pos, end))
    if len(spans) > 1 and len(text[spans[-1][0] : spans[-1][1]].split()) < 3:
        spans[-2:] = [(spans[-2][0], spans[-1][1])]
    return spans


def _stated_work(text: str, span: tuple[int, int]) -> bool:
    """Whether the sentence of the duty at `span` says outright that it tells the work ("His
    work on board is ..."): enough alone, where another duty sentence may be a remark."""
    start = text.rfind("\n\n", 0, span[0])
    head = text[max(start, span[0] - 80) : span[0]]
    return re.search(r"(?i:\b(?:his|her|their)\s+(?:main\s+|daily\s+)?(?:work|job|role|duties"
                     r"|responsibilities|tasks)\b)", head) is not None  # fmt: skip


def _gerunds(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """A list of gerund phrases ("setting and hauling gear, baiting hooks, gutting ..."), one
    duty each; None when the sentence is not one."""
    if not re.match(r"[a-z]{3,}ing\b", text[start:end]):
        return None
    spans, pos = [], start
    for m in _GERUND_BREAK.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return spans if len(spans) > 1 else None


def _duty_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the duty of one sentence starts (at its verb or task) and ends, or None."""
    sentence = text[start:end]
    if _EMPLOYMENT.search(sentence):
        return None
    role = _ROLE_LEAD.match(sentence)
    if role is not None:
        return start + role.start("rest"), end
    m = _LEAD.match(sentence)
    if m is None or m.group("subj").lower() in _NOT_SUBJECT or len(m.group("rest").split()) < 2:
        return None
    if m.group("task") is not None:  # "is responsible for planning ...": from the task
        return start + m.end("verb"), end
    word = m.group("ing") or m.group("word")
    if _ADVERB.match(word) or _NOT_DUTY_VERB.match(word):
        return None
    at = m.start("ing") if m.group("ing") else m.start("word")
    if _NOT_DUTY_PHRASE.match(sentence[at:]):
        return None
    return start + at, end
