"""Job titles in running text: an introducing cue, then a noun phrase that names an occupation.

Letters introduce a title in many ways ("worked as a ...", "in the capacity of ...", "holds the
position of ...", "with the title of ...", "au poste de ...", "exercising the function of ...").
What follows the cue is read as a noun phrase, across a line wrap, up to the first word that
cannot be part of a title (a preposition that opens a period or a place, a verb, punctuation).
The phrase is kept when it looks like an occupation:

- its last word is an occupational head noun (a gazetteer of the heads titles end with, in the
  languages we read: "Technologist", "Surveyor", "Cook", "technicienne", "Ingeniero"), or
- it is written in Title Case (a title the gazetteer does not know: "Procurement Officer" is
  both; "Hardware Design Engineer" both; "Barista" the first only).

Employment-type words ("permanent", "full-time", "casual", "on contract", "basis") are never a
title: they are stripped from the edges, and a phrase of nothing else is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp_models.parse.patterns import ORG_SUFFIXES

# A phrase ending in a legal form is a company, never a title ("Feldmark Handelsdaten GmbH").
_ORG_END = re.compile(
    r"(?:^|\s)(?:"
    + "|".join(re.escape(x) for x in sorted(ORG_SUFFIXES, key=len, reverse=True))
    + r")$",
    re.I,
)


def is_company(text: str) -> bool:
    return _ORG_END.search(text.strip().rstrip(",")) is not None


# Cues that name the title's slot: what follows is the title, whatever its words.
_STRONG = re.compile(
    r"(?:"
    r"\b(?:in|into|to|for|under)\s+the\s+(?:position|role|post|capacity|job|function)s?\s+of\b"
    r"|\b(?:holds?|held|holding|occupie[sd]|occupy|occupying|filled|fills)\s+(?:the\s+)?"
    r"(?:position|role|post|title|job|function)\s+of\b"
    r"|\bwith\s+the\s+(?:title|designation|position|role)\s+of\b"
    r"|\b(?:position|role|post|designation|title|function)\s+(?:of|as)\b"
    r"|\bpromoted\s+to\b|\bdesignated\s+as\b"
    r"|\bau\s+poste\s+d[e'’]|\ble\s+poste\s+d[e'’]|\bla\s+fonction\s+d[e'’]"
    r"|\ben\s+(?:tant\s+qu[e'’]|qualit[ée]\s+d[e'’])|\b[àa]\s+titre\s+d[e'’]"
    r"|\b(?:el\s+)?cargo\s+de\b|\bpuesto\s+de\b|\bfun[çc][ãa]o\s+de\b"
    r")[ \t\n]*",
    re.I,
)
# Cues that may introduce a title or something else ("worked ... as a result of").
_WEAK = re.compile(
    r"(?:"
    r"\b(?:worked|works|working|work|served|serves|serving|employed|employment|hired|engaged|"
    r"appointed|joined|placed|retained|rehired|continues|continued|started|began)\b"
    r"(?:[^.!?]|(?<=Ltd)\.|(?<=Inc)\.|(?<=Co)\.|(?<=Corp)\.|\.(?=\S)){0,80}?\bas\b"
    r"|\bcomo\b|\bcomme\b|\bals\b"
    r")[ \t\n]*",
    re.I,
)
# "as a ..." without an employment verb near: taken only when a head noun ends the phrase.
_AS_ANY = re.compile(r"\bas\s+(?:(?:an?|the|our)\s+)?", re.I)
# "She was one of our main baristas": a plural head after "one of our", read in the singular.
_ONE_OF = re.compile(
    r"\bone\s+of\s+(?:our|the|my|his|her|their)\s+(?:(?:main|best|most\s+\w+|favou?rite|"
    r"trusted|valued|key|top|regular|very\s+best)\s+)?",
    re.I,
)
_ARTICLE = re.compile(r"^(?:an?|the|our|un|une|l[ae'’]|el|la|o|a|de|d['’]|des|du)\s+", re.I)
# Words that end a title in running text.
_STOP = {
    "on", "from", "since", "with", "at", "in", "for", "to", "between", "until", "till", "effective",
    "starting", "during", "where", "and", "who", "which", "that", "is", "was", "has", "had",
    "have", "he", "she", "they", "his", "her", "their", "we", "our", "by", "within", "under",
    "depuis", "du", "au", "chez", "pour", "avec", "dans", "et", "qui", "dès",
    "desde", "hasta", "con", "the", "a", "an", "your", "this", "y", "em", "na", "no", "com",
    "e", "seit", "bei", "mit",
    "through", "thru", "reporting", "responsible", "located", "based",
}  # fmt: skip
_REPORTS_TO = re.compile(r"\s+(?:directly\s+)?(?:to|into)\b", re.I)
# Words allowed inside a title though lower case: connectors of a title's parts.
_INNER = {"of", "and", "&", "de", "des", "du", "d'", "en", "la", "le", "et", "y", "e", "für", "-",
          "aux",
          "/", "in"}  # fmt: skip
# Employment-type and schedule words: next to titles, never titles.
_TYPE_WORDS = {
    "permanent", "full-time", "full", "time", "part-time", "part", "casual", "temporary",
    "seasonal", "contract", "contractual", "basis", "regular", "fixed-term", "term", "employee",
    "staff", "member", "worker", "intern", "trainee", "probationary", "on-call", "hourly",
    "salaried", "freelance", "freelancer", "independent", "contractor", "consultant", "volunteer",
    "temps", "plein", "partiel", "permanente", "tiempo", "completo", "integral",
}  # fmt: skip
# Words that follow "as" without a title: "as a result", "as per", "as requested".
_NOT_AFTER_AS = {
    "a", "result", "per", "well", "requested", "follows", "such", "soon", "long", "much",
    "needed", "required", "mentioned", "stated", "noted", "part", "of", "usual", "agreed",
    "discussed", "indicated", "shown", "listed", "described", "applicable", "possible",
    "necessary", "early", "far", "good", "also", "if", "it", "he", "she", "they", "we",
}  # fmt: skip
# Head nouns of occupational titles (lower case, singular), in the languages we read.
HEADS = frozenset(
    """
accountant actor adjuster administrator advisor adviser agent aide analyst anaesthetist
animator apprentice architect archivist artist assembler assessor assistant associate attendant
auditor baker barber barista bartender biologist bookkeeper brewer bricklayer broker buyer
captain carpenter cashier caretaker chef chemist cleaner clerk coach coordinator co-ordinator
cook counsellor counselor courier curator custodian dealer dentist designer detailer developer
dietitian director dispatcher drafter draftsperson draughtsman driver economist editor educator
electrician engineer estimator examiner executive facilitator farmer fitter foreman forewoman
framer generalist geologist guard guide hairdresser handler head hygienist illustrator inspector
installer instructor interpreter investigator janitor journalist labourer laborer lawyer lead
lecturer librarian lifeguard machinist manager marketer massage mason mechanic merchandiser midwife
miner nanny navigator nurse officer operator optician organizer organiser painter paralegal
owner paramedic partner pastor pharmacist photographer physician physiotherapist pilot planner
plumber practitioner president principal producer professor programmer psychologist purchaser
receptionist recruiter registrar representative researcher scientist secretary server sewer
sonographer specialist statistician steward stylist superintendent supervisor surveyor teacher
technician technologist teller therapist trainer translator tutor underwriter veterinarian
waiter waitress welder worker writer comptable conseiller conseillère cuisinier cuisinière
directeur directrice éducateur éducatrice enseignant enseignante gestionnaire infirmier
infirmière ingénieur ingénieure opérateur opératrice préposé préposée programmeur programmeuse
représentant représentante secrétaire serveur serveuse technicien technicienne traducteur
traductrice vendeur vendeuse analyste adjoint adjointe agente chargé chargée commis
coordonnateur coordonnatrice ingeniero ingeniera contador contadora gerente analista técnico
técnica asistente auxiliar jefe jefa desarrollador desarrolladora diseñador diseñadora
supervisora engenheiro engenheira desenvolvedor analista assistente técnico gerente coordenador
ingenieur entwickler techniker kaufmann kauffrau leiter leiterin berater beraterin
tender helper maker repairer consultant tester cutter contractor salesperson finisher setter
vice-president chief grader moulder builder feeder servicer controller trimmer grinder leader
preparer packer physicist driller judge grower erector weaver winder loader processor polisher
fabricator sorter checker patternmaker caster presser sawyer fixer roofer surgeon collector
conservator blender picker chairperson player engraver sampler reporter decorator sander
weigher dyer maintainer dancer deckhand hand fisher fisherman fisherwoman lineman repairman
""".split()  # noqa: SIM905 - a word list reads best as words
)
# The last six lines: the commonest head nouns of the NOC 2021 example titles (20 titles or more
# each) that the list lacked, household words only ("printer", "mixer", "washer" left out).
_WORD = re.compile(r"[^\s,;:()\[\].!?\"“”]+")


@dataclass(frozen=True)
class TitleCandidate:
    start: int
    end: int
    text: str
    score: float  # 2 head noun + 1 Title Case; at least 1 to be a title


def _singular(word: str) -> str:
    w = word.lower().strip("-/&")
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def singular_title(title: str) -> str:
    """A title named in the plural ("one of our main baristas") as one person holds it."""
    *rest, last = title.split(" ")
    low = last.lower()
    if low in HEADS or _singular(low) not in HEADS or _singular(low) == low:
        return title
    one = _singular(low)
    one = one.capitalize() if last[:1].isupper() else one
    return " ".join([*rest, one.upper() if last.isupper() else one])


def is_head(word: str) -> bool:
    w = word.lower().strip("-/&.")
    return w in HEADS or _singular(w) in HEADS


def title_phrase(
    text: str, start: int, limit: int, *, strong: bool = False
) -> TitleCandidate | None:
    """The title-like noun phrase starting at `start`, or None. After a strong cue ("au poste
    de") any short phrase is the title; otherwise it must look like one."""
    pos = start
    m = _ARTICLE.match(text, pos, limit)
    while m:
        pos = m.end()
        m = _ARTICLE.match(text, pos, limit)
    words: list[re.Match[str]] = []
    for w in _WORD.finditer(text, pos, limit):
        gap = text[(words[-1].end() if words else pos) : w.start()]
        if words and (gap.count("\n") > 1 or re.search(r"[,;:().!?\[\]]", gap)):
            break
        low = w.group(0).lower()
        # "Financial Reporting" names a field; "reporting to the Controller" ends the title.
        field = low == "reporting" and not _REPORTS_TO.match(text, w.end())
        if (low in _STOP and not field) or re.match(r"^\d", low) or len(words) >= 8:
            break
        words.append(w)
    # Trim: employment-type words and connectors off the edges.
    while words and (words[0].group(0).lower() in _TYPE_WORDS | _INNER):
        words.pop(0)
    while words and (words[-1].group(0).lower() in _TYPE_WORDS | _INNER):
        words.pop()
    if not words:
        return None
    if len(words) == 1 and words[0].group(0).lower() in _NOT_AFTER_AS:
        return None
    heads = [i for i, w in enumerate(words) if is_head(w.group(0))]
    text_words = [w.group(0) for w in words]
    title_case = all(t[:1].isupper() or t.lower() in _INNER or t[:1].isdigit() for t in text_words)
    score = (2.0 if heads else 0.0) + (1.0 if title_case else 0.0)
    if (score < 1 and not strong) or (not heads and len(text_words) > 5):
        return None
    if is_company(" ".join(text_words)):
        return None
    s, e = words[0].start(), words[-1].end()
    return TitleCandidate(s, e, re.sub(r"\s+", " ", text[s:e]), score)


def find_title(text: str, lo: int, hi: int) -> TitleCandidate | None:
    """The best-evidenced title in text[lo:hi]: the first cue's phrase with a head noun, else
    the first Title Case phrase after a cue."""
    cues = sorted(
        [(m.end(), 0) for m in _STRONG.finditer(text, lo, hi)]
        + [(m.end(), 1) for m in _WEAK.finditer(text, lo, hi)]
    )
    best: TitleCandidate | None = None
    for end, weak in cues:
        cand = title_phrase(text, end, hi, strong=not weak)
        if cand is None:
            continue
        if cand.score >= 2 or not weak:
            return cand
        if best is None:
            best = cand
    if best is None:
        for m in _AS_ANY.finditer(text, lo, hi):
            cand = title_phrase(text, m.end(), hi)
            if cand is not None and cand.score >= 2:
                return cand
        for m in _ONE_OF.finditer(text, lo, hi):
            cand = title_phrase(text, m.end(), hi)
            if cand is not None and cand.score >= 2 and cand.text.lower().endswith("s"):
                *rest, last = cand.text.split(" ")
                one = " ".join([*rest, _singular(last) if last.islower() else last.rstrip("s")])
                return TitleCandidate(cand.start, cand.end, one, cand.score)
    return best
