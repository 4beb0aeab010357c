"""Duties of a position: the list after a heading ("Main duties:", "Ses principales tâches"),
bullets, one plain sentence per line after a heading, or a sentence listing them ("His duties
included inspecting parts, recording results and calibrating tools.")."""

from __future__ import annotations

import re
from typing import Literal

from nlp_models.parse.context import Ctx, Line, trim
from nlp_models.parse.duty_prose import prose_duties
from nlp_models.parsed import Found

DUTIES_HEAD = re.compile(
    r"(?:duties|responsibilities|tasks|job\s+description|key\s+result\s+areas|kras?\b|t[âa]ches"
    r"|fonctions|responsabilit[ée]s|attributions|functions\s+performed|role\s+involved"
    r"|\bwill\s*:\s*$|\bnamely\s*:\s*$"
    # a list introduced by the position: "As Team Lead, Ms. Reyes:", "In her role as X, she:"
    r"|^\s*(?:as|in\s+(?:her|his|their|this)\s+(?:role|position|capacity)(?:\s+as)?)\b"
    r"[^:\n]{3,90}:\s*$)",
    re.I,
)

# Sentence openings of running text (not of an imperative duty).
_NARRATIVE = re.compile(
    r"^(?:she|he|they|her|his|their|it|its|we|our|i|you|the|this|that|these|in|all|also|during"
    r"|as|mr|ms|mrs|dr|please|il|elle|ils|elles|ses|son|sa|le|la|les|cette|ce|nous|pour|en|au)\b",
    re.I,
)

_SENTENCE_END = re.compile(r"[.!?;:]\s*$")


def parse_duties(ctx: Ctx, lo: int, hi: int) -> list[Found[str]]:
    """Duties listed after a heading ("Main duties:", "Ses principales tâches ...") or as
    bullets; a wrapped item's lines are joined."""
    lines = [ln for ln in ctx.lines_in(lo, hi) if not ln.is_noise]
    head = _duties_heading(lines)
    if head is not None and _inline_list(lines[head].text):
        return _inline(ctx, lines[head])
    items = _list_items(lines, head)
    if not items and head is not None:
        clauses = _clauses_after(ctx, lines, head)
        if clauses:
            return clauses
    if not items:
        listed = _narrative_duties(ctx, lo, hi) or _semicolon_duties(ctx, lo, hi)
        return _merge(listed, prose_duties(ctx, lo, hi))
    out = []
    for group in items:
        found = _item(ctx, group)
        if found is not None:
            out.append(found)
    return out


_PARAGRAPH_LINES = 12  # a duties paragraph under its heading, not the rest of the page
_FULL_STOP = re.compile(r"[.!?]\s*$")


def _clauses_after(ctx: Ctx, lines: list[Line], head: int) -> list[Found[str]]:
    """A paragraph under the duties heading whose clauses are parted by semicolons ("Processes
    bi-weekly payroll ...; verifies timesheets ...; issues Records of Employment."): each clause
    a duty. The paragraph ends with its first full stop."""
    body: list[Line] = []
    for ln in lines[head + 1 : head + 1 + _PARAGRAPH_LINES]:
        if ln.text.rstrip().endswith(":"):
            break
        body.append(ln)
        if _FULL_STOP.search(ln.text):
            break
    if not body:
        return []
    s0, e0 = body[0].start, body[-1].end
    text = ctx.text[s0:e0]
    if text.count(";") < 2:
        return []
    out: list[Found[str]] = []
    pos = s0
    for part in text.split(";"):
        s, e = trim(ctx.text, pos, pos + len(part), " \t\n,;:.")
        pos += len(part) + 1
        value = re.sub(r"^(?:and|et)\s+", "", re.sub(r"\s+", " ", ctx.text[s:e]))
        if len(value.split()) >= 3:
            out.append(ctx.found(value, s, e, 0.9))
    return out if len(out) >= 3 else []


def _merge(listed: list[Found[str]], prose: list[Found[str]]) -> list[Found[str]]:
    """A listing sentence and duty sentences around it: both, in reading order, once."""
    taken = [(f.where.start, f.where.end) for f in listed]
    extra = [f for f in prose if not any(s < f.where.end and f.where.start < e for s, e in taken)]
    return sorted([*listed, *extra], key=lambda f: (f.where.page, f.where.start))


def _duties_heading(lines: list[Line]) -> int | None:
    """Index of the duties heading the list follows, or None."""
    heads = [i for i, ln in enumerate(lines) if DUTIES_HEAD.search(ln.text)
             and (ln.text.rstrip().endswith(":") or len(ln.text.split()) <= 8)]  # fmt: skip
    head = heads[0] if heads else None
    # "3. Duties" then "The Employee's main duties are:": the list follows the last heading.
    while head is not None and head + 1 in heads:
        head += 1
    return head


def _list_items(lines: list[Line], head: int | None) -> list[list[Line]]:
    """The lines of each listed duty (one group per item) after the heading, or from the top."""
    start = head + 1 if head is not None else 0
    items: list[list[Line]] = []
    started = False
    bulleted = False
    # A wrapped item fills its line; a short line that ends an item is followed by new text.
    wide = 0.75 * max((len(ln.text) for ln in lines[start:]), default=0)
    for ln in lines[start:]:
        if _opens_item(ln, head):
            items.append([ln])
            started = bulleted = True
            continue
        if started and items:
            step = _next_step(ln, items, bulleted=bulleted, headed=head is not None, wide=wide)
            if step == "stop":
                break
            if step == "join":
                items[-1].append(ln)
            else:
                items.append([ln])
            continue
        if head is not None and not started and _duty_sentence(ln.text):
            # Plain paragraphs after the heading, one duty per line (DOCX).
            items.append([ln])
            started = True
            continue
        if head is not None and not started and _continues_heading(lines[head], ln):
            full = 0.9 * max(len(x.text) for x in lines)  # a wrapped line fills the width
            return _lowercase_items(lines[start:], full)
        if head is not None and not started:
            break
    return items


def _continues_heading(head: Line, ln: Line) -> bool:
    """ "her main duties are to:" then "perform routine testing ...": items that go on the
    heading's sentence, one per line, in lower case and without bullets."""
    return head.text.rstrip().endswith(":") and ln.text[:1].islower() and len(ln.text.split()) >= 3


def _lowercase_items(lines: list[Line], full: float) -> list[list[Line]]:
    """Lower-case items after such a heading, until a line in capitals starts the next
    paragraph. A line as wide as the page's widest wraps on to the next one (a PDF's lines)."""
    items: list[list[Line]] = []
    for ln in lines:
        if not ln.text[:1].islower() or ln.text.rstrip().endswith(":"):
            break
        if (
            items
            and len(items[-1][-1].text) >= full
            and not _SENTENCE_END.search(items[-1][-1].text)
        ):
            items[-1].append(ln)
        else:
            items.append([ln])
    return items if len(items) >= 2 else []


def _opens_item(ln: Line, head: int | None) -> bool:
    """A bulleted line that starts a new item."""
    b = ln.bullet
    if b is not None and head is None and re.match(r"^\s*\(?(?:\d{1,2})[.)]", ln.text):
        b = None  # numbered clauses of a contract are not a list without a heading
    return b is not None and not _numbered_heading(ln.text)


def _next_step(
    ln: Line, items: list[list[Line]], *, bulleted: bool, headed: bool, wide: float
) -> Literal["join", "new", "stop"]:
    """What an unbulleted line after a started list is: the rest of the last item, a new item
    or the end of the list."""
    if bulleted and (_wrapped(ln, items, wide) or ln.text[:1].islower()):
        return "join"
    # After a heading one sentence per line is an item; in a bulleted list OCR drops a bullet
    # now and then, and an imperative sentence continues the list.
    if (bulleted or headed) and _duty_sentence(ln.text):
        return "new"
    return "stop"


def _wrapped(ln: Line, items: list[list[Line]], wide: float) -> bool:
    """Whether the last item was cut at the line's end and goes on with `ln`."""
    last = items[-1][-1].text
    wrapped = not _SENTENCE_END.search(last) and len(last) >= wide
    if wrapped and ln.text[:1].isupper() and _SENTENCE_END.search(ln.text):
        # Items written without a final period, then a capitalised full sentence:
        # the letter's next paragraph, not the rest of the item.
        wrapped = any(_SENTENCE_END.search(g[-1].text) for g in items[:-1])
    return wrapped


def _duty_sentence(text: str) -> bool:
    """A full sentence that is no running text of the letter."""
    return _is_sentence(text) and not _NARRATIVE.match(text)


def _item(ctx: Ctx, group: list[Line]) -> Found[str] | None:
    """One duty from its lines, without its bullet; None when too short to be one."""
    first = group[0]
    b = first.bullet
    s = first.start + (b.end() if b and not _numbered_heading(first.text) else 0)
    e = group[-1].end
    value = " ".join(ln.text for ln in group)
    if b:
        value = value[b.end() :]
    value = re.sub(r"\s+", " ", value).strip()
    if len(value) >= 8:
        return ctx.found(value, s, e)
    return None


def _inline_list(text: str) -> bool:
    after = text.split(":", 1)[1] if ":" in text else ""
    return after.count(";") >= 1 or after.count(",") >= 2


def _inline(ctx: Ctx, ln: Line) -> list[Found[str]]:
    colon = ln.text.index(":") + 1
    out = []
    pos = ln.start + colon
    for part in re.split(r";|,(?:\s+and)?", ln.text[colon:]):
        s, e = trim(ctx.text, pos, pos + len(part), " \t,;.")
        pos += len(part) + 1
        if e - s >= 4:
            out.append(ctx.found(ctx.text[s:e], s, e))
    return out


def _numbered_heading(text: str) -> bool:
    return (
        bool(re.match(r"^\d{1,2}[.)]\s+\S", text))
        and len(text.split()) <= 6
        and not text.endswith(".")
    )


def _is_sentence(text: str) -> bool:
    return len(text.split()) >= 4 and text[:1].isupper() and text.endswith(".")


_DUTY_SENTENCE = re.compile(
    r"(?:(?:duties|responsibilities|tasks|t[âa]ches|fonctions)\s+(?:included|include|were|are|"
    r"consisted\s+of"
    r"|involved|involve|comprenaient|comprennent|"
    r"[ée]taient|sont)"
    # "she was responsible for posting ..., preparing ... and maintaining ...": a list of
    # tasks (gerunds parted by commas) after "responsible for".
    r"|\b(?:is|was|are|were|has\s+been|had\s+been)\s+(?:also\s+)?responsible\s+for"
    r"(?=\s+\w+ing\b[^.]*,))\s*:?\s*(?P<l>[^.\n]+(?:\n[^.\n]+)*)\.",
    re.I,
)


def _narrative_duties(ctx: Ctx, lo: int, hi: int) -> list[Found[str]]:
    """ "His duties included inspecting parts, recording results and calibrating tools."."""
    m = _DUTY_SENTENCE.search(ctx.text, lo, hi)
    if m is None:
        return []
    s0, e0 = m.start("l"), m.end("l")
    body = ctx.text[s0:e0]
    sep = ";" if ";" in body else ","
    spans: list[tuple[int, int]] = []
    pos = s0
    for part in body.split(sep):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    # The last item is joined by "and"/"et": "..., recording results and calibrating tools".
    ls, le = spans[-1]
    last = re.search(r"\s(?:and|et)\s", ctx.text[ls:le])
    if last is not None and len(spans) > 1:
        spans[-1:] = [(ls, ls + last.start()), (ls + last.end(), le)]
    out = []
    for s, e in spans:
        s, e = trim(ctx.text, s, e, " \t\n,;:")
        if e - s >= 4:
            out.append(ctx.found(re.sub(r"\s+", " ", ctx.text[s:e]), s, e, 0.8))
    return out


# The lead-in of a sentence that lists duties: "In this role she measured ...", "Her work
# consists of translating ...", "While with us, he prepared ...".
_LEAD_IN = re.compile(
    r"(?:\b(?:he|she|they|you|we|i)\s+(?:also\s+|has\s+|have\s+|had\s+)?"
    r"|\bconsists?\s+of\s+|\bconsisted\s+of\s+|\binclud(?:es|ed|ing)\s+|:\s*)(?P<rest>[a-z].+)$",
    re.I | re.S,
)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?](?=\s|$)|$)", re.S)


def _semicolon_duties(ctx: Ctx, lo: int, hi: int) -> list[Found[str]]:
    """Duties written as one sentence of clauses parted by semicolons ("In this role she
    measured ...; priced ...; carried out ..."): the structure says list, whatever the words."""
    for m in _SENTENCE.finditer(ctx.text, lo, hi):
        body = m.group(0)
        if body.count(";") < 2:
            continue
        parts = body.rstrip(".!? \n").split(";")
        lead = _LEAD_IN.search(parts[0])
        if lead is None:
            continue
        spans: list[tuple[int, int]] = []
        pos = m.start()
        for i, part in enumerate(parts):
            s = pos + (lead.start("rest") if i == 0 else 0)
            spans.append((s, pos + len(part)))
            pos += len(part) + 1
        out = []
        for s, e in spans:
            s, e = trim(ctx.text, s, e, " \t\n,;:")
            value = re.sub(r"^(?:and|et)\s+", "", re.sub(r"\s+", " ", ctx.text[s:e]))
            if len(value.split()) >= 3:
                out.append(ctx.found(value, s, e, 0.8))
        if len(out) >= 3:
            return out
    return []
