"""Pay stubs and pay histories: employer, employee, currency and one row per pay period.

Two layouts cover what payroll systems print: a history (a header of columns, one line per
period) and an earnings statement (details, earnings, deductions and summary blocks, often one
statement per page). Both are read as grids of lines (grids.py), plus "Label: value" lines.
"""

from __future__ import annotations

import re

from nlp_models.parse.context import Ctx, Line, trim
from nlp_models.parse.grids import Grid, cells, grids, number, synonyms
from nlp_models.parse.parties import issuer
from nlp_models.parsed import PayStubFields, PayStubRow

# (field, kind, pattern): column names and row labels as payroll systems write them.
_COLUMNS = synonyms(
    [
        (
            "label",
            "label",
            r"earnings|description|deductions|retenues|gains|item|type|code|pay|taxes|summary|"
            r"payments|bez[üu]ge|abz[üu]ge|percepciones|deducciones",
        ),
        (
            "employee_id",
            "text",
            r"employee\s*(?:id|no\.?|number|#)|emp\.?\s*(?:id|no\.?)|matricule|staff\s+id",
        ),
        ("payee", "text", r"employee(?:\s+name)?|name|employ[ée]e?|nom"),
        (
            "period_start",
            "date",
            r"(?:pay\s+)?period\s+(?:start|begin(?:ning)?|"
            r"from)|start\s+date|from|d[ée]but(?:\s+de\s+(?:la\s+)?p[ée]riode)?|du",
        ),
        (
            "period_end",
            "date",
            r"(?:pay\s+)?period\s+(?:end(?:ing)?|to)|end\s+date|"
            r"to|fin(?:\s+de\s+(?:la\s+)?p[ée]riode)?|au",
        ),
        (
            "pay_date",
            "date",
            r"pay(?:ment)?\s+date|date\s+(?:paid|of\s+payment)|"
            r"cheque\s+date|deposit\s+date|date\s+de\s+(?:paie|paiement|versement)",
        ),
        (
            "hours",
            "number",
            r"(?:hours|hrs\.?)\s*/\s*units|units\s*/\s*(?:hours|hrs\.?)|hours|hrs\.?|heures|units"
            r"|std\.?|stunden",
        ),
        (
            "ytd_hours",
            "number",
            r"ytd\s+(?:hours|hrs\.?)|(?:hours|hrs\.?)\s+ytd|h\.\s*cumul\.?|heures\s+cumul[ée]es",
        ),
        ("rate", "number", r"(?:hourly\s+)?rate|taux"),
        (
            "ytd_gross",
            "number",
            r"ytd\s+gross|gross\s+ytd|ytd|year[\s-]to[\s-]date|cumul(?:atif)?(?:\s+annuel)?",
        ),
        (
            "gross",
            "number",
            r"gross(?:\s+(?:pay|earnings|amount))?|total\s+earnings|"
            r"current|amount|montant|brut|salaire\s+brut|this\s+period|courant|betrag|importe",
        ),
        ("cpp", "number", r"cpp(?:/qpp)?|qpp|rrq|rpc"),
        ("ei", "number", r"ei|e\.i\.|ae|a\.-e\."),
        (
            "income_tax",
            "number",
            r"income\s+tax|(?:federal\s+)?tax|imp[ôo]t(?:\s+sur\s+le\s+revenu)?|tds",
        ),
        ("net", "number", r"net(?:\s+pay)?|net\s+[àa]\s+payer|salaire\s+net|take[\s-]home"),
        ("total_deductions", "number", r"total\s+deductions|total\s+des\s+retenues"),
    ]
)
# Row labels of the earnings/deductions blocks of a statement.
_ROW_LABELS = [
    (
        "gross",
        re.compile(
            r"^(?:total\s+earnings|gross\s+(?:pay|earnings)|"
            r"total\s+gross|salaire\s+brut|total\s+des\s+gains)\b",
            re.I,
        ),
    ),
    (
        "earning",
        re.compile(
            r"^(?:regular|reg\.?|salary|basic|hourly|wages?|r[ée]gulier|salaire\s+de\s+base|"
            r"salaire\s+r[ée]gulier|gehalt|sueldo)\b",
            re.I,
        ),
    ),
    (
        # Other paid hours: overtime, a statutory holiday, paid leave. Premiums and shift
        # differentials are paid on hours already counted, so they are not here.
        "paid_hours",
        re.compile(
            r"^(?:[a-z]{1,4}\d{0,3}\s+)?(?:over[\s-]?time|o/?t\b|double\s+time|stat(?:utory)?\s+"
            r"holiday|stat\b|(?:public\s+|general\s+)?holiday(?:\s+pay)?\b|vacation(?:\s+pay)?\s+"
            r"(?:hours|taken|used)|sick(?:\s+(?:pay|leave))?\b|pto\b|heures\s+suppl[ée]mentaires|"
            r"jour\s+f[ée]ri[ée]|cong[ée]\s+f[ée]ri[ée])",
            re.I,
        ),
    ),
    (
        "cpp",
        re.compile(
            r"^(?:cpp|qpp|canada\s+pension|rrq|rpc|r[ée]gime\s+de\s+(?:rentes|pensions))", re.I
        ),
    ),
    (
        "ei",
        re.compile(r"^(?:ei|e1|el|e\.i\.|employment\s+insurance|ae|assurance[\s-]emploi)\b", re.I),
    ),
    (
        "income_tax",
        re.compile(
            r"^(?:income\s+tax|federal\s+(?:income\s+)?tax|"
            r"fed\.?\s+tax|tax\s+deducted|imp[ôo]t|tds)\b",
            re.I,
        ),
    ),
    (
        "net",
        re.compile(
            r"^(?:net\s+pay|net\s+amount|take[\s-]home|salaire\s+net|net\s+[àa]\s+payer)\b", re.I
        ),
    ),
]
_LABEL_VALUE = re.compile(r"^(?P<l>[A-Za-zÀ-ÿ .'/#-]{2,30}?)\s*[:\t]\s*(?P<v>.+)$")
_CELL_LABEL = re.compile(r"\t(?P<l>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'/#-]{1,29}):[ \t]*(?P<v>[^\t\n]+)")
_CURRENCY = re.compile(
    r"(?:currency|amounts?\s+in|devise|montants?\s+en)\s*[:\-]?\s*(?P<c>[A-Z]{3})\b"
    r"|(?P<w>canadian\s+dollars|dollars\s+canadiens|us\s+dollars|indian\s+rupees|euros?)",
    re.I,
)
_WORD_CODES = {"canadian dollars": "CAD", "dollars canadiens": "CAD", "us dollars": "USD",
               "indian rupees": "INR", "euro": "EUR", "euros": "EUR"}  # fmt: skip


def parse_pay_stub(ctx: Ctx) -> PayStubFields:
    party, _, _ = issuer(ctx)
    found = grids(ctx, _COLUMNS)
    payee = employee_id = None
    rows: list[PayStubRow] = []
    history = [g for g in found if _is_history(g)]
    if history:
        for g in history:
            for _, values in g.rows:
                rows.append(_row(ctx, values))
    for g in found:
        for _, values in g.rows:
            if "payee" in values and payee is None:
                payee = _text(ctx, values["payee"])
            if "employee_id" in values and employee_id is None:
                employee_id = _text(ctx, values["employee_id"])
    kv = _key_values(ctx, 0, len(ctx.text))
    payee = payee or kv.get("payee")
    employee_id = employee_id or kv.get("employee_id")
    rule = re.search(
        r"pay\s+date\s+is\s+the\s+last\s+day\s+of\s+(?:each|the)\s+(?:pay\s+)?period",
        ctx.text,
        re.I,
    )
    if rule is not None:
        # The stub states the rule instead of a date per row.
        # Validated anew (not model_copy), so the date is typed as a date.
        rows = [
            PayStubRow(
                **{**dict(r), "pay_date": ctx.found(r.period_end.value, rule.start(), rule.end())}
            )
            if r.pay_date is None and r.period_end is not None else r
            for r in rows
        ]  # fmt: skip
    if not history:
        for lo, hi in _page_spans(ctx):
            row = _statement(ctx, lo, hi)
            if row is not None:
                rows.append(row)
    return PayStubFields(
        employer=party,
        payee=payee,
        employee_id=employee_id,
        currency=_currency(ctx),
        rows=tuple(rows),
    )


def _is_history(g: Grid) -> bool:
    names = {c.name for c in g.columns}
    dated = sum(
        1 for _, v in g.rows if any(k in v for k in ("period_start", "period_end", "pay_date"))
    )
    return dated >= 2 and bool(names & {"gross", "net"})


def _text(ctx: Ctx, cell: tuple) -> object:
    value, s, e = cell
    return ctx.found(str(value), s, e)


def _row(ctx: Ctx, values: dict) -> PayStubRow:
    fields = {}
    for name in PayStubRow.model_fields:
        if name in values:
            v, s, e = values[name]
            fields[name] = ctx.found(v, s, e)
    return PayStubRow(**fields)


def _page_spans(ctx: Ctx) -> list[tuple[int, int]]:
    offs = ctx.pages.offsets
    return [
        (offs[i], offs[i + 1] if i + 1 < len(offs) else len(ctx.text)) for i in range(len(offs))
    ]


def _statement(ctx: Ctx, lo: int, hi: int) -> PayStubRow | None:
    """One earnings statement (one page): details, earnings, deductions, summary."""
    values, earnings, extra = _statement_grids(ctx, lo, hi)
    for k, v in _earnings_values(earnings, extra).items():
        values.setdefault(k, v)
    for k, f in _key_values(ctx, lo, hi).items():
        if k in PayStubRow.model_fields and k not in values and f.where is not None:
            values[k] = (f.value, *_span(ctx, f))
    values = {k: v for k, v in values.items() if v is not None and k in PayStubRow.model_fields}
    if not any(k in values for k in ("gross", "net", "period_start", "pay_date")):
        return None
    return _row(ctx, values)


def _statement_grids(ctx: Ctx, lo: int, hi: int) -> tuple[dict[str, tuple], list[dict], list[dict]]:
    """From the statement's grids: the values read (first one wins), the regular earnings rows,
    and the other rows of paid hours (overtime, holiday, leave: hours paid besides the
    regular)."""
    values: dict[str, tuple] = {}
    earnings: list[dict] = []
    extra: list[dict] = []
    for g in grids(ctx, _COLUMNS, lo, hi):
        label_col = any(c.kind == "label" for c in g.columns)
        for ln, row in g.rows:
            if not label_col:
                for k, v in row.items():
                    values.setdefault(k, v)
                continue
            label = ctx.text[ln.start : ln.end]
            kind = next((k for k, rx in _ROW_LABELS if rx.match(label)), None)
            if kind == "earning":
                earnings.append(row)
            elif kind == "paid_hours" and "hours" in row:
                extra.append(row)
            else:
                for k, v in _labelled_values(ctx, ln, kind, row).items():
                    values.setdefault(k, v)
    return values, earnings, extra


def _labelled_values(ctx: Ctx, ln: Line, kind: str | None, row: dict) -> dict[str, tuple | None]:
    """The values of a total or deduction row (by its label's `kind`), in reading order."""
    if kind == "gross":
        numbers = cells(ctx, ln).numbers
        out: dict[str, tuple | None] = {}
        if "hours" in row:  # "Total des gains 75,00 2 250,00": the hours of the period
            out["hours"] = row["hours"]
        out["gross"] = row.get("gross") or (numbers[0] if numbers else None)
        if row.get("ytd_gross"):
            out["ytd_gross"] = row["ytd_gross"]
        return out
    if kind in ("cpp", "ei", "income_tax", "net"):
        numbers = cells(ctx, ln).numbers
        return {kind: numbers[0]} if numbers else {}
    return {}


def _earnings_values(earnings: list[dict], extra: list[dict]) -> dict[str, tuple]:
    """Hours, rate and amounts from the earnings rows: a single regular row as it is; several
    rows (or overtime and leave besides): the hours summed, the first row's rate."""
    if len(earnings) == 1 and not extra:
        e = earnings[0]
        return {k: e[k] for k in ("hours", "rate", "gross", "ytd_gross") if k in e}
    out: dict[str, tuple] = {}
    if not earnings:
        return out
    hours = [e["hours"] for e in [*earnings, *extra] if "hours" in e]
    if hours:
        total = sum(h[0] for h in hours)
        out["hours"] = (total, hours[0][1], hours[-1][2])
    if "rate" in earnings[0]:
        out["rate"] = earnings[0]["rate"]
    return out


def _span(ctx: Ctx, f) -> tuple[int, int]:
    w = f.where
    base = ctx.pages.offsets[w.page - 1]
    return base + w.start, base + w.end


_KV = {
    "payee": re.compile(
        r"^(?:employee(?:\s+name)?|name|nom(?:\s+de\s+l['’]employ[ée]e?)?|employ[ée]e?|pay\s+to)$",
        re.I,
    ),
    "employee_id": re.compile(
        r"^(?:employee\s*(?:id|no\.?|number|#)|emp\.?\s*(?:id|no\.?)|matricule|staff\s+id)$", re.I
    ),
    "pay_date": re.compile(
        r"^(?:pay(?:ment)?\s+date|date\s+paid|cheque\s+date|date\s+de\s+paie)$", re.I
    ),
    "gross": re.compile(r"^(?:gross(?:\s+pay)?|total\s+earnings|salaire\s+brut)$", re.I),
    "net": re.compile(r"^(?:net(?:\s+pay)?|salaire\s+net|net\s+[àa]\s+payer)$", re.I),
    "hours": re.compile(r"^(?:hours(?:\s+worked)?|heures)$", re.I),
    "rate": re.compile(r"^(?:(?:hourly\s+)?rate|taux(?:\s+horaire)?)$", re.I),
    "period": re.compile(r"^(?:pay\s+period|period|p[ée]riode(?:\s+de\s+paie)?)$", re.I),
    # The period's two ends on labels of their own ("Period Beginning: 04/27/2025", "Period
    # Ending: 05/10/2025", "Pay period start", "Début de période").
    "period_start": re.compile(
        r"^(?:(?:pay\s+)?period\s+(?:beginning|begin|start(?:ing)?|from)|d[ée]but\s+de\s+"
        r"(?:la\s+)?p[ée]riode)$",
        re.I,
    ),
    "period_end": re.compile(
        r"^(?:(?:pay\s+)?period\s+(?:ending|end(?:ed)?|to)|fin\s+de\s+(?:la\s+)?p[ée]riode)$",
        re.I,
    ),
}


# A second known label on the line ("Employee: Dana Whitlock  Pay period: 2025-03-02 to ..."):
# the first value ends where it starts.
_NEXT_LABEL = re.compile(
    r"\s(?=(?:" + "|".join(rx.pattern[1:-1] for rx in _KV.values()) + r")\s*:)", re.I
)


def _pairs(ctx: Ctx, ln: Line) -> list[tuple[str, int, int]]:
    """(label, value start, value end) of each "Label: value" on the line."""
    out: list[tuple[str, int, int]] = []
    pos = ln.start
    while pos < ln.end:
        m = _LABEL_VALUE.match(ctx.text[pos : ln.end])
        if not m:
            break
        vs, ve = pos + m.start("v"), pos + m.end("v")
        cut = _NEXT_LABEL.search(ctx.text, vs, ve) if "\t" not in m.group("v") else None
        ve = cut.start() if cut else ve
        out.append((m.group("l").strip(), *trim(ctx.text, vs, ve)))
        pos = ve + 1 if cut else ln.end
    # A column of labelled cells beside other text ("GULF PRAIRIE ... INC.<tab>Period Beginning:
    # <tab>04/27/2025"): each cell ending in a colon labels the cell after it.
    seen = {vs for _, vs, _ in out}
    for m in _CELL_LABEL.finditer(ctx.text, ln.start, ln.end):
        vs, ve = trim(ctx.text, m.start("v"), m.end("v"))
        if vs not in seen and vs < ve:
            out.append((m.group("l").strip(), vs, ve))
    return out


def _key_values(ctx: Ctx, lo: int, hi: int) -> dict:
    out: dict = {}
    pairs = [p for ln in ctx.lines_in(lo, hi) for p in _pairs(ctx, ln)]
    for label, vs, ve in pairs:
        raw = ctx.text[vs:ve]
        for name, rx in _KV.items():
            if not rx.match(label) or name in out:
                continue
            if name in ("payee", "employee_id"):
                out[name] = ctx.found(raw, vs, ve)
            elif name in ("pay_date", "period_start", "period_end"):
                d = ctx.dates(vs, ve)
                if d:
                    out[name] = ctx.found(d[0].value, d[0].start, d[0].end)
            elif name == "period":
                d = ctx.dates(vs, ve)
                line = ctx.line_at(ve)
                if len(d) < 2 and line is not None and line.index + 1 < len(ctx.lines):
                    # "Pay Period: Feb 2, 2025 - Feb 15," then "2025": the period wraps.
                    d = ctx.dates(vs, ctx.lines[line.index + 1].end)
                if len(d) >= 2:
                    out["period_start"] = ctx.found(d[0].value, d[0].start, d[0].end)
                    out["period_end"] = ctx.found(d[1].value, d[1].start, d[1].end)
            else:
                v = number(raw.split()[0]) if raw.split() else None
                if v is not None:
                    out[name] = ctx.found(v, vs, vs + len(raw.split()[0]))
    return out


def _currency(ctx: Ctx) -> str | None:
    m = _CURRENCY.search(ctx.text)
    if m:
        if m.group("c"):
            return m.group("c").upper()
        return _WORD_CODES.get(m.group("w").lower())
    if "$" in ctx.text and ctx.country:
        from nlp_models.normalize import resolve_currency

        return resolve_currency("$", ctx.country)[0]
    return None
