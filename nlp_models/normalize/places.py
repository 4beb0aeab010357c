"""Places: Canadian postal codes and provinces, US states and ZIP codes, countries (English and
French names, ISO codes), and the address lines they anchor.

Country names come from pycountry (ISO 3166-1, with its French translations); provinces and
states are short fixed tables kept here.
"""

from __future__ import annotations

import gettext
import re
from functools import cache
from typing import Literal, NamedTuple

from nlp_models.normalize._text import clean, fold
from nlp_models.normalize.models import AddressMatch, CountryMatch, PostalCodeMatch, RegionMatch

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


class _Entry(NamedTuple):
    kind: Literal["country", "region"]
    code: str
    country: str
    name: str
    # "upper": must be in capitals; "code": a two-letter code, needs address context too
    rule: Literal["name", "upper", "code"]


def _key(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+|&", fold(s).lower().replace("&", " and ")))


@cache
def _index() -> tuple[dict[str, tuple[_Entry, ...]], frozenset[str], int]:
    """Key -> entries, the set of key prefixes (in words), the longest key in words."""
    import pycountry  # lazily: the ISO database is loaded on first use only

    table: dict[str, list[_Entry]] = {}

    def add(name: str, entry: _Entry) -> None:
        k = _key(name)
        if k and entry not in table.setdefault(k, []):
            table[k].append(entry)

    try:
        fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
        tr = fr.gettext
    except OSError:
        tr = str
    heads: dict[str, set[str]] = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        names = {c.name, short, getattr(c, "official_name", c.name), tr(c.name)}
        if hasattr(c, "official_name"):
            names.add(tr(c.official_name))
        for n in names:
            add(n, _Entry("country", c.alpha_2, c.alpha_2, short, "name"))
            if ", " in n:
                heads.setdefault(n.split(", ")[0], set()).add(c.alpha_2)
    for head, codes in heads.items():
        if len(codes) == 1:
            code = next(iter(codes))
            c = pycountry.countries.get(alpha_2=code)
            short = getattr(c, "common_name", None) or c.name
            add(head, _Entry("country", code, code, short, "name"))
    for code, aliases in _COUNTRY_ALIASES.items():
        c = pycountry.countries.get(alpha_2=code)
        short = getattr(c, "common_name", None) or c.name
        for a in aliases:
            rule: Literal["name", "upper"] = "upper" if a in _UPPER_ONLY else "name"
            add(a, _Entry("country", code, code, short, rule))
    for code, en, fr_name, abbrevs in _PROVINCES:
        for n in (en, fr_name):
            add(n, _Entry("region", code, "CA", en, "name"))
        for a in abbrevs:
            rule = "upper" if a.replace(".", "").isupper() and "." not in a else "name"
            add(a, _Entry("region", code, "CA", en, rule))
        add(code, _Entry("region", code, "CA", en, "code"))
    for code, en in _STATES.items():
        add(en, _Entry("region", code, "US", en, "name"))
        add(code, _Entry("region", code, "US", en, "code"))
    frozen = {k: tuple(v) for k, v in table.items()}
    prefixes = {" ".join(k.split()[:i]) for k in frozen for i in range(1, len(k.split()) + 1)}
    longest = max(len(k.split()) for k in frozen)
    return frozen, frozenset(prefixes), longest


_TOKEN = re.compile(r"[A-Za-z0-9]+|&")
_GAP = re.compile(r"[\s.'\-]{0,3}")


class _Hit(NamedTuple):
    start: int
    end: int
    entries: tuple[_Entry, ...]


def _scan(work: str) -> list[_Hit]:
    """Longest dictionary phrases in `work`, left to right, not overlapping."""
    table, prefixes, longest = _index()
    toks = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(work)]
    hits: list[_Hit] = []
    i = 0
    while i < len(toks):
        key = ""
        best: tuple[int, tuple[_Entry, ...]] | None = None
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
        hits.append(_Hit(toks[i][0], end, entries))
        i = j + 1
    return hits


def _allowed(e: _Entry, original: str) -> bool:
    letters = [c for c in original if c.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    if e.rule in ("upper", "code"):
        return all(c.isupper() for c in letters)
    return True


_CA_POSTAL = re.compile(
    r"(?<![A-Za-z0-9])([ABCEGHJ-NPRSTVXY])([0-9OIl])([ABCEGHJ-NPRSTV-Z])[ -]?"
    r"([0-9OIl])([ABCEGHJ-NPRSTV-Z])([0-9OIl])(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_ZIP = re.compile(r"\s{1,3}(\d{5}(?:-\d{4})?)(?![\d-])")
_POSTAL_REGION = {
    "A": "NL",
    "B": "NS",
    "C": "PE",
    "E": "NB",
    "G": "QC",
    "H": "QC",
    "J": "QC",
    "K": "ON",
    "L": "ON",
    "M": "ON",
    "N": "ON",
    "P": "ON",
    "R": "MB",
    "S": "SK",
    "T": "AB",
    "V": "BC",
    "Y": "YT",
}
_TO_DIGIT = str.maketrans("OIl", "011")


def _ca_postals(work: str, *, anchored: bool = False) -> list[re.Match[str]]:
    """Postal codes with at least two of their three digits printed as digits: OCR may turn
    one into O or l, but "SOCIAL" and "almoço" are words, not S0C 1A1."""
    found = [_CA_POSTAL.match(work)] if anchored else list(_CA_POSTAL.finditer(work))
    return [m for m in found if m is not None and sum(m.group(i).isdigit() for i in (2, 4, 6)) >= 2]


def _ca_postal(text: str, m: re.Match[str]) -> PostalCodeMatch:
    g = [x.upper() for x in m.groups()]
    g[1], g[3], g[5] = (g[i].translate(_TO_DIGIT) for i in (1, 3, 5))
    value = f"{g[0]}{g[1]}{g[2]} {g[3]}{g[4]}{g[5]}"
    if g[0] == "X":
        region = "NU" if value[:3] in ("X0A", "X0B", "X0C") else "NT"
    else:
        region = _POSTAL_REGION.get(g[0])
    return PostalCodeMatch(
        start=m.start(), end=m.end(), text=text[m.start() : m.end()], value=value,
        country="CA", region=region,
    )  # fmt: skip


def _regions(text: str, work: str, hits: list[_Hit], whole: bool) -> list[RegionMatch]:
    out: list[RegionMatch] = []
    for h in hits:
        original = text[h.start : h.end]
        for e in h.entries:
            if e.kind != "region" or not _allowed(e, original):
                continue
            if e.rule == "code" and not whole and not _code_in_address(work, h, e):
                continue
            out.append(
                RegionMatch(
                    start=h.start, end=h.end, text=original, code=e.code, country=e.country,
                    name=e.name,
                )
            )  # fmt: skip
            break
    return out


def _code_in_address(work: str, h: _Hit, e: _Entry) -> bool:
    """A bare two-letter code counts only after "City," or before a postal/ZIP code."""
    after = work[h.end : h.end + 12]
    if e.country == "US":
        return _ZIP.match(work, h.end) is not None
    if any(True for _ in _ca_postals(after.lstrip(" ,"), anchored=True)):
        return True
    before = work[max(0, h.start - 3) : h.start].rstrip(" ")
    return before.endswith(",") and e.code != "CA"


def find_regions(text: str) -> list[RegionMatch]:
    """Canadian provinces/territories and US states (names, French names, abbreviations)."""
    if not text:
        return []
    work = clean(text)
    return _regions(text, work, _scan(work), whole=False)


def parse_region(text: str) -> RegionMatch | None:
    """The first province or state in `text`; a bare code ("ON") counts when it is the text."""
    if not text:
        return None
    work = clean(text)
    hits = _scan(work)
    whole = len(hits) == 1 and not work[: hits[0].start].strip() and not work[hits[0].end :].strip()
    found = _regions(text, work, hits, whole=whole)
    return found[0] if found else None


def _countries(text: str, hits: list[_Hit]) -> list[CountryMatch]:
    import pycountry

    out: list[CountryMatch] = []
    for h in hits:
        original = text[h.start : h.end]
        for e in h.entries:
            if e.kind != "country" or not _allowed(e, original):
                continue
            c = pycountry.countries.get(alpha_2=e.code)
            out.append(
                CountryMatch(
                    start=h.start, end=h.end, text=original, alpha2=e.code,
                    alpha3=c.alpha_3, name=e.name,
                )
            )  # fmt: skip
            break
    return out


def find_countries(text: str) -> list[CountryMatch]:
    """Country names in English or French ("India", "Inde", "États-Unis", "UAE")."""
    if not text:
        return []
    return _countries(text, _scan(clean(text)))


def parse_country(text: str) -> CountryMatch | None:
    """A country by name, or by ISO alpha-2/alpha-3 code when the code is the whole text."""
    if not text:
        return None
    found = find_countries(text)
    if found:
        return found[0]
    stripped = text.strip()
    if re.fullmatch(r"[A-Za-z]{2,3}", stripped) and len(text) < 10:
        import pycountry

        code = stripped.upper()
        c = (
            pycountry.countries.get(alpha_2=code)
            if len(code) == 2
            else pycountry.countries.get(alpha_3=code)
        )
        if c is not None:
            s = text.index(stripped)
            return CountryMatch(
                start=s, end=s + len(stripped), text=stripped, alpha2=c.alpha_2,
                alpha3=c.alpha_3, name=getattr(c, "common_name", None) or c.name,
            )  # fmt: skip
    return None


def find_postal_codes(text: str) -> list[PostalCodeMatch]:
    """Canadian postal codes anywhere; US ZIP codes only right after a state."""
    if not text:
        return []
    work = clean(text)
    out = [_ca_postal(text, m) for m in _ca_postals(work)]
    for r in find_regions(text):
        if r.country != "US":
            continue
        z = _ZIP.match(work, r.end)
        if z is not None:
            out.append(
                PostalCodeMatch(
                    start=z.start(1), end=z.end(1), text=text[z.start(1) : z.end(1)],
                    value=z.group(1), country="US", region=r.code,
                )
            )  # fmt: skip
    return sorted(out, key=lambda p: p.start)


def parse_postal_code(text: str) -> PostalCodeMatch | None:
    found = find_postal_codes(text)
    return found[0] if found else None


# ------------------------------------------------------------------ addresses


def _line_bounds(work: str, pos: int) -> tuple[int, int]:
    s = work.rfind("\n", 0, pos) + 1
    e = work.find("\n", pos)
    return s, (len(work) if e < 0 else e)


def _segment_before(work: str, line_start: int, pos: int) -> tuple[int, int] | None:
    """The comma-separated segment ending just before `pos` (", City, ON" -> "City")."""
    head = work[line_start:pos].rstrip(" (")
    if not head.endswith(","):
        stripped = head
        if not stripped:
            return None
        cut = stripped.rfind(",")
        s = line_start + cut + 1
        e = line_start + len(stripped)
    else:
        stripped = head[:-1].rstrip()
        if not stripped:
            return None
        cut = stripped.rfind(",")
        s = line_start + cut + 1
        e = line_start + len(stripped)
    while s < e and work[s] == " ":
        s += 1
    return (s, e) if s < e else None


def find_addresses(text: str, *, country: str | None = None) -> list[AddressMatch]:
    """Address lines anchored on a postal code, "City, Province", a state + ZIP, or a country at
    the end of an address line. `country` is the document's country, used when none is written."""
    if not text:
        return []
    work = clean(text)
    hits = _scan(work)
    regions = _regions(text, work, hits, whole=False)
    postals = [_ca_postal(text, m) for m in _ca_postals(work)]
    countries = _countries(text, hits)
    anchors: list[tuple[int, int]] = []
    for r in regions:
        before = work[max(0, r.start - 3) : r.start].rstrip(" ")
        z = _ZIP.match(work, r.end) if r.country == "US" else None
        # "Toronto, ON", "Montréal (Québec)", "Austin, TX 78701"
        if before.endswith((",", "(")) or z is not None:
            anchors.append((r.start, z.end() if z else r.end))
    anchors += [(p.start, p.end) for p in postals]
    for c in countries:
        s, _ = _line_bounds(work, c.start)
        before = work[s : c.start].rstrip(" ")
        if before.endswith(",") and re.search(r"\d", work[s : c.start]):
            anchors.append((c.start, c.end))
    if not anchors:
        return []
    anchors.sort()
    # Merge anchors on the same line or on consecutive lines ("Toronto, ON\nM5V 2T6").
    groups: list[list[int]] = []
    for s, e in anchors:
        if (
            groups and s - groups[-1][1] <= 4 and "\n" not in work[groups[-1][1] : s].strip(" ,")
        ) or (groups and s <= groups[-1][1]):
            groups[-1][1] = max(groups[-1][1], e)
        else:
            groups.append([s, e])
    out: list[AddressMatch] = []
    for gs, ge in groups:
        out.append(_address(text, work, gs, ge, regions, postals, countries, country))
    return out


def _address(
    text: str,
    work: str,
    gs: int,
    ge: int,
    regions: list[RegionMatch],
    postals: list[PostalCodeMatch],
    countries: list[CountryMatch],
    doc_country: str | None,
) -> AddressMatch:
    # A country written right after the anchor (", Canada") belongs to the address.
    for c in countries:
        gap = work[ge : c.start]
        if c.start >= ge and len(gap) <= 3 and gap.strip(" ,\n") == "":
            ge = c.end
    region = next((r for r in regions if gs <= r.start < ge), None)
    postal = next((p for p in postals if gs <= p.start < ge), None)
    ctry = next((c for c in countries if gs <= c.start < ge), None)
    zip_code = None
    if region is not None and region.country == "US":
        z = _ZIP.match(work, region.end)
        if z is not None:
            zip_code = z.group(1)
    line_start, _ = _line_bounds(work, gs)
    first = region or postal or ctry
    city = street = None
    span_start = gs
    seg = _segment_before(work, line_start, first.start) if first is not None else None
    if seg is not None:
        # "Bengaluru 560001, India": the city before a foreign postal number.
        num = re.search(r"\s+\d{4,6}$", work[seg[0] : seg[1]])
        if num is not None:
            seg = (seg[0], seg[0] + num.start())
    if seg is not None and not re.search(r"\d", work[seg[0] : seg[1]]):
        city = text[seg[0] : seg[1]]
        span_start = seg[0]
        street_seg = _segment_before(work, line_start, seg[0])
        if street_seg is not None:
            street_s = line_start if work[line_start : seg[0]].count(",") > 1 else street_seg[0]
            while work[street_s] == " ":
                street_s += 1
            street = text[street_s : street_seg[1]]
            span_start = street_s
    if street is None and line_start > 0:
        # The street on the line above ("123 Main Street\nToronto, ON M5V 2T6").
        prev_s, prev_e = _line_bounds(work, line_start - 1)
        prev = work[prev_s:prev_e].strip()
        if (
            prev
            and len(prev) <= 80
            and re.match(r"(?:\d|suite|unit|bureau|p\.?o\.? box)", prev, re.I)
        ):
            street_s = prev_s + (len(work[prev_s:prev_e]) - len(work[prev_s:prev_e].lstrip()))
            street = text[street_s : street_s + len(prev)]
            span_start = street_s
    if region is None and postal is None and ctry is not None and ctry.alpha2 not in ("CA", "US"):
        foreign = _foreign(text, work, line_start, ctry.start)
        if foreign is not None:
            street, city, region_name, zip_code, span_start = foreign
            return AddressMatch(
                start=span_start, end=ge, text=text[span_start:ge], street=street, city=city,
                region=region_name, postal_code=zip_code, country=ctry.alpha2,
            )  # fmt: skip
    if ctry is not None:
        country_code: str | None = ctry.alpha2
    elif region is not None:
        country_code = region.country
    elif postal is not None:
        country_code = "CA"
    else:
        country_code = doc_country
    region_code = region.code if region is not None else (postal.region if postal else None)
    return AddressMatch(
        start=span_start,
        end=ge,
        text=text[span_start:ge],
        street=street,
        city=city,
        region=region_code,
        postal_code=postal.value if postal else zip_code,
        country=country_code,
    )


# Foreign address segments: "Chennai - 600032", "75002 Paris", "01304-001", "São Paulo - SP".
_CITY_POSTAL = re.compile(
    r"^(?P<city>[^\d,]*[^\W\d][^\d,]*?)\s*[-–]?\s*(?P<pc>\d{3}\s?\d{3}|\d{4,6}|\d{5}-\d{3})$"
)
_POSTAL_CITY = re.compile(r"^(?P<pc>\d{4,6}|\d{5}-\d{3}|\d{2}-\d{3})\s+(?P<city>[^\d]+)$")
_POSTAL_ONLY = re.compile(r"^(?:\d{4,6}(?:-\d{3,4})?|\d{3}\s\d{3})$")
_CITY_REGION = re.compile(r"^(?P<city>[^\d]+?)\s+[-–/]\s+(?P<reg>[A-Z]{2})$")
_STREET_START = re.compile(
    r"^(?:\d|no\.?\s|plot|unit|suite|flat|house|door|apt|block|rua|av|calle)", re.I
)


def _foreign(
    text: str, work: str, line_start: int, country_start: int
) -> tuple[str | None, str | None, str | None, str | None, int] | None:
    """(street, city, region, postal code, span start) of an address outside Canada and the US,
    read from its comma-separated parts before the country ("No. 14, Main Road, Chennai -
    600032, Tamil Nadu, India"; "12 rue de la Paix, 75002 Paris, France")."""
    segs: list[tuple[int, int]] = []
    pos = line_start
    for part in work[line_start:country_start].split(","):
        s, e = pos, pos + len(part)
        pos = e + 1
        while s < e and work[s] in " \t":
            s += 1
        while e > s and work[e - 1] in " \t":
            e -= 1
        if s < e:
            segs.append((s, e))
    if not segs:
        return None

    def seg(i: int) -> str:
        return work[segs[i][0] : segs[i][1]]

    def orig(i: int, m: re.Match[str], group: str) -> str:
        # The words as written (the match ran on the folded copy).
        return text[segs[i][0] + m.start(group) : segs[i][0] + m.end(group)]

    city = region = postal = None
    used = 1
    last = seg(-1)
    m = _CITY_POSTAL.match(last) or _POSTAL_CITY.match(last)
    if len(segs) >= 2 and not re.search(r"\d", last):
        prev = _CITY_POSTAL.match(seg(-2)) or _POSTAL_CITY.match(seg(-2))
        if prev is not None:
            # "Chennai - 600032, Tamil Nadu": the part after the postal code is the state.
            region, city, postal, used = (
                text[segs[-1][0] : segs[-1][1]],
                orig(-2, prev, "city"),
                prev["pc"],
                2,
            )
        else:
            city = text[segs[-1][0] : segs[-1][1]]
    elif m is not None:
        city, postal = orig(-1, m, "city"), m["pc"]
    elif _POSTAL_ONLY.match(last) and len(segs) >= 2:
        postal, used = last, 2
        cr = _CITY_REGION.match(seg(-2))
        city, region = (
            (orig(-2, cr, "city"), cr["reg"]) if cr else (text[segs[-2][0] : segs[-2][1]], None)
        )
    elif not re.search(r"\d", last):
        city = text[segs[-1][0] : segs[-1][1]]
    else:
        return None
    if city is not None:
        city = city.strip(" -–")
    rest = segs[: len(segs) - used]
    first = next((i for i, (s, e) in enumerate(rest) if _STREET_START.match(work[s:e])), None)
    if first is None and rest:
        first = len(rest) - 1
    street = None
    span_start = segs[len(segs) - used][0]
    if first is not None:
        span_start = rest[first][0]
        street = text[span_start : rest[-1][1]]
    return street, city or None, region, postal, span_start


def parse_address(text: str, *, country: str | None = None) -> AddressMatch | None:
    """The first address in `text`."""
    found = find_addresses(text, country=country)
    return found[0] if found else None
