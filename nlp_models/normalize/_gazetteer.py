"""The place-name gazetteer: countries (English and French names, aliases), Canadian
provinces and territories and US states, and the scan that finds them in a text.

Country names come from pycountry (ISO 3166-1, with its French translations); provinces and
states are short fixed tables kept here.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, Literal, NamedTuple

from nlp_models.normalize._text import fold

# code, English name, French name, other spellings and abbreviations
_PROVINCES: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("AB", "Alberta", "Alberta", ("Alta.", "Alb.")),
    ("BC", "British Columbia", "Colombie-Britannique", ("B.C.", "C.-B.", "C.B.")),
    ("MB", "Manitoba", "Manitoba", ("Man.",)),
    ("NB", "New Brunswick", "Nouveau-Brunswick", ("N.B.", "N.-B.")),
    (
        "NL",
        "Newfoundland and Labrador",
        "Terre-Neuve-et-Labrador",
        ("Newfoundland", "Nfld.", "NF", "Nfld. & Lab.", "T.-N.-L.", "T.N.L.", "Terre-Neuve"),
    ),
    ("NS", "Nova Scotia", "Nouvelle-Écosse", ("N.S.", "N.-É.")),
    (
        "NT",
        "Northwest Territories",
        "Territoires du Nord-Ouest",
        ("N.W.T.", "NWT", "T.N.-O.", "T.N.O."),
    ),
    ("NU", "Nunavut", "Nunavut", ("Nvt.",)),
    ("ON", "Ontario", "Ontario", ("Ont.",)),
    (
        "PE",
        "Prince Edward Island",
        "Île-du-Prince-Édouard",
        ("P.E.I.", "PEI", "Î.-P.-É.", "I.-P.-E."),
    ),
    ("QC", "Quebec", "Québec", ("Que.", "Qué.", "PQ", "P.Q.", "Province of Quebec")),
    ("SK", "Saskatchewan", "Saskatchewan", ("Sask.",)),
    ("YT", "Yukon", "Yukon", ("Y.T.", "Yuk.", "Yukon Territory")),
]

_STATES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "DC": "District of Columbia",
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}

# Extra country spellings seen in documents (English and French), by alpha-2.
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": (
        "USA",
        "U.S.A.",
        "U.S.",
        "United States of America",
        "Etats-Unis",
        "États-Unis d'Amérique",
    ),
    "GB": (
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "Angleterre",
        "Grande-Bretagne",
        "Écosse",
    ),
    "AE": ("UAE", "U.A.E.", "Emirates", "EAU", "Émirats arabes unis"),
    "KR": ("South Korea", "Republic of Korea", "Korea", "Corée du Sud"),
    "KP": ("North Korea", "Corée du Nord"),
    "RU": ("Russia", "Russie"),
    "IR": ("Iran",),
    "SY": ("Syria", "Syrie"),
    "VN": ("Vietnam", "Viet Nam", "Viêtnam"),
    "LA": ("Laos",),
    "BO": ("Bolivia", "Bolivie"),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania", "Tanzanie"),
    "MD": ("Moldova", "Moldavie"),
    "CZ": ("Czech Republic", "République tchèque", "Tchéquie"),
    "TR": ("Turkey", "Türkiye", "Turquie"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "MK": ("Macedonia", "Macédoine"),
    "NL": ("Holland", "Pays-Bas"),
    "MM": ("Burma", "Birmanie"),
    "CV": ("Cape Verde", "Cap-Vert"),
    "SZ": ("Swaziland",),
    "VA": ("Vatican", "Vatican City"),
    "PS": ("Palestine",),
    "TW": ("Taiwan", "Taïwan"),
    "HK": ("Hong Kong", "Hong Kong SAR"),
    "MO": ("Macau", "Macao"),
    "CN": ("China", "People's Republic of China", "PRC", "Chine"),
    "CD": ("DR Congo", "DRC", "Democratic Republic of the Congo", "RDC"),
    "CG": ("Republic of the Congo", "Congo-Brazzaville"),
    "FM": ("Micronesia",),
    "BN": ("Brunei",),
    "CA": ("Canada",),
    "BR": ("Brasil",),
    "DE": ("Deutschland",),
    "ES": ("España",),
    "PH": ("Pilipinas",),
}
# Abbreviations that must be written in capitals to count ("us" and "uk" in lower case are words).
_UPPER_ONLY = frozenset(
    {"USA", "U.S.A.", "U.S.", "UK", "U.K.", "UAE", "U.A.E.", "EAU", "PRC", "DRC"}
)
_UPPER_ONLY |= frozenset({"RDC"})


class Entry(NamedTuple):
    kind: Literal["country", "region"]
    code: str
    country: str
    name: str
    # "upper": must be in capitals; "code": a two-letter code, needs address context too
    rule: Literal["name", "upper", "code"]


def _key(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+|&", fold(s).lower().replace("&", " and ")))


@cache
def _index() -> tuple[dict[str, tuple[Entry, ...]], frozenset[str], int]:
    """Key -> entries, the set of key prefixes (in words), the longest key in words."""
    table: dict[str, list[Entry]] = {}
    for name, entry in _entries():
        k = _key(name)
        if k and entry not in table.setdefault(k, []):
            table[k].append(entry)
    frozen = {k: tuple(v) for k, v in table.items()}
    prefixes = {" ".join(k.split()[:i]) for k in frozen for i in range(1, len(k.split()) + 1)}
    longest = max(len(k.split()) for k in frozen)
    return frozen, frozenset(prefixes), longest


def _entries() -> Iterator[tuple[str, Entry]]:
    """Every (spelling, entry) of the gazetteer; under one key the first entry added wins."""
    yield from _country_names()
    yield from _country_aliases()
    yield from _province_names()
    yield from _state_names()


def _short_name(c: Any) -> str:
    return getattr(c, "common_name", None) or c.name


def _french() -> Callable[[str], str]:
    """The French translation of ISO country names (the names as they are without it)."""
    import pycountry  # lazily: the ISO database is loaded on first use only

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    except OSError:
        return str


def _country_names() -> Iterator[tuple[str, Entry]]:
    """ISO names (short, official, French), then the head of an inverted name ("Korea,
    Republic of" -> "Korea") when only one country's name starts with it."""
    import pycountry

    tr = _french()
    heads: dict[str, set[str]] = {}
    for c in pycountry.countries:
        short = _short_name(c)
        names = {c.name, short, getattr(c, "official_name", c.name), tr(c.name)}
        if hasattr(c, "official_name"):
            names.add(tr(c.official_name))
        for n in names:
            yield n, Entry("country", c.alpha_2, c.alpha_2, short, "name")
            if ", " in n:
                heads.setdefault(n.split(", ")[0], set()).add(c.alpha_2)
    for head, codes in heads.items():
        if len(codes) == 1:
            code = next(iter(codes))
            short = _short_name(pycountry.countries.get(alpha_2=code))
            yield head, Entry("country", code, code, short, "name")


def _country_aliases() -> Iterator[tuple[str, Entry]]:
    import pycountry

    for code, aliases in _COUNTRY_ALIASES.items():
        short = _short_name(pycountry.countries.get(alpha_2=code))
        for a in aliases:
            rule: Literal["name", "upper"] = "upper" if a in _UPPER_ONLY else "name"
            yield a, Entry("country", code, code, short, rule)


def _province_names() -> Iterator[tuple[str, Entry]]:
    for code, en, fr_name, abbrevs in _PROVINCES:
        for n in (en, fr_name):
            yield n, Entry("region", code, "CA", en, "name")
        for a in abbrevs:
            rule = "upper" if a.replace(".", "").isupper() and "." not in a else "name"
            yield a, Entry("region", code, "CA", en, rule)
        yield code, Entry("region", code, "CA", en, "code")


def _state_names() -> Iterator[tuple[str, Entry]]:
    for code, en in _STATES.items():
        yield en, Entry("region", code, "US", en, "name")
        yield code, Entry("region", code, "US", en, "code")


_TOKEN = re.compile(r"[A-Za-z0-9]+|&")
_GAP = re.compile(r"[\s.'\-]{0,3}")


class Hit(NamedTuple):
    start: int
    end: int
    entries: tuple[Entry, ...]


def scan(work: str) -> list[Hit]:
    """Longest dictionary phrases in `work`, left to right, not overlapping."""
    table, prefixes, longest = _index()
    toks = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(work)]
    hits: list[Hit] = []
    i = 0
    while i < len(toks):
        key = ""
        best: tuple[int, tuple[Entry, ...]] | None = None
        j = i
        while j < len(toks) and j - i < longest:
            if j > i:
                gap = work[toks[j - 1][1] : toks[j][0]]
                if _GAP.fullmatch(gap) is None:
                    break
            word = "and" if toks[j][2] == "&" else toks[j][2]
            key = f"{key} {word}" if key else word
            if key not in prefixes:
                break
            got = table.get(key)
            if got:
                best = (j, got)
            j += 1
        if best is None:
            i += 1
            continue
        j, entries = best
        end = toks[j][1]
        # Keep a trailing period of an abbreviation ("B.C.", "Ont.") inside the span.
        phrase = work[toks[i][0] : end]
        if (
            end < len(work)
            and work[end] == "."
            and any(e.rule != "code" for e in entries)
            and ("." in phrase or len(phrase) <= 5)
        ):
            end += 1
        hits.append(Hit(toks[i][0], end, entries))
        i = j + 1
    return hits


def allowed(e: Entry, original: str) -> bool:
    letters = [c for c in original if c.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    if e.rule in ("upper", "code"):
        return all(c.isupper() for c in letters)
    return True
