"""Address lines, anchored on a Canadian postal code, "City, Province", a state + ZIP, or a
country at the end of an address line; addresses outside Canada and the US are read from their
comma-separated parts."""

from __future__ import annotations

import re

from nlp_models.normalize._gazetteer import scan
from nlp_models.normalize._postal_codes import ZIP, ca_postal, ca_postals
from nlp_models.normalize._text import clean
from nlp_models.normalize.models import AddressMatch, CountryMatch, PostalCodeMatch, RegionMatch
from nlp_models.normalize.place_names import countries_in, regions_in

Span = tuple[int, int]
# What anchors an address line.
Anchor = RegionMatch | PostalCodeMatch | CountryMatch


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
    hits = scan(work)
    regions = regions_in(text, work, hits, whole=False)
    postals = [ca_postal(text, m) for m in ca_postals(work)]
    countries = countries_in(text, hits)
    anchors: list[tuple[int, int]] = []
    for r in regions:
        before = work[max(0, r.start - 3) : r.start].rstrip(" ")
        z = ZIP.match(work, r.end) if r.country == "US" else None
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
    ge = _past_country(work, ge, countries)
    region = next((r for r in regions if gs <= r.start < ge), None)
    postal = next((p for p in postals if gs <= p.start < ge), None)
    ctry = next((c for c in countries if gs <= c.start < ge), None)
    line_start, _ = _line_bounds(work, gs)
    city, street, span_start = _city_and_street(text, work, line_start, region or postal or ctry)
    if span_start is None:
        span_start = gs
    if region is None and postal is None and ctry is not None and ctry.alpha2 not in ("CA", "US"):
        foreign = _foreign(text, work, line_start, ctry.start)
        if foreign is not None:
            street, city, region_name, zip_code, span_start = foreign
            return AddressMatch(
                start=span_start, end=ge, text=text[span_start:ge], street=street, city=city,
                region=region_name, postal_code=zip_code, country=ctry.alpha2,
            )  # fmt: skip
    region_code = region.code if region is not None else (postal.region if postal else None)
    return AddressMatch(
        start=span_start,
        end=ge,
        text=text[span_start:ge],
        street=street,
        city=city,
        region=region_code,
        postal_code=postal.value if postal else _zip_after(work, region),
        country=_address_country(ctry, region, postal, doc_country),
    )


def _past_country(work: str, ge: int, countries: list[CountryMatch]) -> int:
    """The end of the address: a country written right after the anchor (", Canada") belongs
    to it."""
    for c in countries:
        gap = work[ge : c.start]
        if c.start >= ge and len(gap) <= 3 and gap.strip(" ,\n") == "":
            ge = c.end
    return ge


def _zip_after(work: str, region: RegionMatch | None) -> str | None:
    """The ZIP code after a US state."""
    if region is None or region.country != "US":
        return None
    z = ZIP.match(work, region.end)
    return z.group(1) if z is not None else None


def _address_country(
    ctry: CountryMatch | None,
    region: RegionMatch | None,
    postal: PostalCodeMatch | None,
    doc_country: str | None,
) -> str | None:
    """The country written, else the one the region or postal code implies, else the
    document's."""
    if ctry is not None:
        return ctry.alpha2
    if region is not None:
        return region.country
    if postal is not None:
        return "CA"
    return doc_country


def _city_and_street(
    text: str, work: str, line_start: int, first: Anchor | None
) -> tuple[str | None, str | None, int | None]:
    """(city, street, where they start) before the address's `first` anchor; the street may
    be on the line above."""
    city = street = None
    span_start: int | None = None
    seg = _city_segment(work, line_start, first)
    if seg is not None:
        city = text[seg[0] : seg[1]]
        span_start = seg[0]
        on_line = _street_before(text, work, line_start, seg[0])
        if on_line is not None:
            street, span_start = on_line
    if street is None and line_start > 0:
        above = _street_above(text, work, line_start)
        if above is not None:
            street, span_start = above
    return city, street, span_start


def _city_segment(work: str, line_start: int, first: Anchor | None) -> tuple[int, int] | None:
    """The city: the comma-separated part before the anchor, when it holds no digit."""
    seg = _segment_before(work, line_start, first.start) if first is not None else None
    if seg is None:
        return None
    # "Bengaluru 560001, India": the city before a foreign postal number.
    num = re.search(r"\s+\d{4,6}$", work[seg[0] : seg[1]])
    if num is not None:
        seg = (seg[0], seg[0] + num.start())
    if re.search(r"\d", work[seg[0] : seg[1]]):
        return None
    return seg


def _street_before(
    text: str, work: str, line_start: int, city_start: int
) -> tuple[str, int] | None:
    """(street, start) on the line before the city ("123 Main St, Toronto, ON")."""
    street_seg = _segment_before(work, line_start, city_start)
    if street_seg is None:
        return None
    street_s = line_start if work[line_start:city_start].count(",") > 1 else street_seg[0]
    while work[street_s] == " ":
        street_s += 1
    return text[street_s : street_seg[1]], street_s


def _street_above(text: str, work: str, line_start: int) -> tuple[str, int] | None:
    """(street, start) on the line above ("123 Main Street\nToronto, ON M5V 2T6")."""
    prev_s, prev_e = _line_bounds(work, line_start - 1)
    prev = work[prev_s:prev_e].strip()
    if not (
        prev and len(prev) <= 80 and re.match(r"(?:\d|suite|unit|bureau|p\.?o\.? box)", prev, re.I)
    ):
        return None
    street_s = prev_s + (len(work[prev_s:prev_e]) - len(work[prev_s:prev_e].lstrip()))
    return text[street_s : street_s + len(prev)], street_s


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
    segs = _comma_parts(work, line_start, country_start)
    if not segs:
        return None
    tail = _foreign_tail(text, work, segs)
    if tail is None:
        return None
    city, region, postal, used = tail
    if city is not None:
        city = city.strip(" -–")
    street, span_start = _foreign_street(text, work, segs, used)
    return street, city or None, region, postal, span_start


def _comma_parts(work: str, start: int, end: int) -> list[Span]:
    """Spans of the non-empty comma-separated parts of work[start:end], spaces trimmed."""
    segs: list[Span] = []
    pos = start
    for part in work[start:end].split(","):
        s, e = pos, pos + len(part)
        pos = e + 1
        while s < e and work[s] in " \t":
            s += 1
        while e > s and work[e - 1] in " \t":
            e -= 1
        if s < e:
            segs.append((s, e))
    return segs


def _written(text: str, seg: Span, m: re.Match[str], group: str) -> str:
    # The words as written (the match ran on the folded copy).
    return text[seg[0] + m.start(group) : seg[0] + m.end(group)]


def _foreign_tail(
    text: str, work: str, segs: list[Span]
) -> tuple[str | None, str | None, str | None, int] | None:
    """(city, region, postal code, parts used) from the last parts before the country."""
    last = work[segs[-1][0] : segs[-1][1]]
    if len(segs) >= 2 and not re.search(r"\d", last):
        before = work[segs[-2][0] : segs[-2][1]]
        prev = _CITY_POSTAL.match(before) or _POSTAL_CITY.match(before)
        if prev is not None:
            # "Chennai - 600032, Tamil Nadu": the part after the postal code is the state.
            region = text[segs[-1][0] : segs[-1][1]]
            return _written(text, segs[-2], prev, "city"), region, prev["pc"], 2
        return text[segs[-1][0] : segs[-1][1]], None, None, 1
    m = _CITY_POSTAL.match(last) or _POSTAL_CITY.match(last)
    if m is not None:
        return _written(text, segs[-1], m, "city"), None, m["pc"], 1
    if _POSTAL_ONLY.match(last) and len(segs) >= 2:
        cr = _CITY_REGION.match(work[segs[-2][0] : segs[-2][1]])
        if cr is not None:
            return _written(text, segs[-2], cr, "city"), cr["reg"], last, 2
        return text[segs[-2][0] : segs[-2][1]], None, last, 2
    if not re.search(r"\d", last):
        return text[segs[-1][0] : segs[-1][1]], None, None, 1
    return None


def _foreign_street(text: str, work: str, segs: list[Span], used: int) -> tuple[str | None, int]:
    """(street, span start): the parts before the city from the first that opens like a street
    (else the last of them)."""
    rest = segs[: len(segs) - used]
    first = next((i for i, (s, e) in enumerate(rest) if _STREET_START.match(work[s:e])), None)
    if first is None and rest:
        first = len(rest) - 1
    if first is None:
        return None, segs[len(segs) - used][0]
    span_start = rest[first][0]
    return text[span_start : rest[-1][1]], span_start


def parse_address(text: str, *, country: str | None = None) -> AddressMatch | None:
    """The first address in `text`."""
    found = find_addresses(text, country=country)
    return found[0] if found else None
