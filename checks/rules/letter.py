"""Reference-letter completeness (R-LTR, R-DOC-6/7, R-FLAG-5)."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz, utils

from checks.context import Context
from checks.dates import months_between
from checks.findings import Severity
from checks.models import DocKind, Letter, Program, SignatoryRelation, SignatureKind
from checks.registry import Hit, rule

EE = (Program.CEC, Program.FSW, Program.FST, Program.CRS, Program.CBS)
W, E, B, INFO = Severity.WARNING, Severity.ERROR, Severity.BLOCKER, Severity.INFO


def _letters(ctx: Context) -> Iterator[Letter]:
    yield from ctx.case.letters


@rule(
    "EV101",
    "letter.no_letterhead",
    E,
    programs=EE,
    cites=["R-LTR-1"],
    summary="Letter is not on company letterhead",
    what="The reference letter carries the employer's letterhead.",
    why="IRCC's Express Entry document list asks for an official company document on letterhead.",
    example="A plain-paper letter typed by a manager, with no company logo, name or address block.",
    fix="Ask the employer to reissue the letter on official company letterhead.",
)
def no_letterhead(ctx: Context) -> Iterator[Hit]:
    for lt in _letters(ctx):
        if lt.letterhead is False:
            yield Hit(
                "The letter is not on company letterhead.",
                documents=(lt.document,),
                subject=lt.document,
            )


@rule(
    "EV102",
    "letter.missing_employer_name",
    E,
    programs=EE,
    cites=["R-LTR-1"],
    summary="Letterhead without the employer's legal name",
    what="A letter on letterhead also states the employer's legal name.",
    why="An officer must be able to identify and verify the employer (R-LTR-1).",
    example="A logo-only letterhead reading 'RP' with no company name anywhere.",
    fix="Ask for a letter whose letterhead or body gives the employer's legal name.",
)
def missing_employer_name(ctx: Context) -> Iterator[Hit]:
    for lt in _letters(ctx):
        if lt.letterhead is True and lt.employer_legal_name is None:
            yield Hit(
                "The letterhead does not give the employer's legal name.",
                documents=(lt.document,),
                subject=lt.document,
            )


@rule(
    "EV103",
    "letter.missing_contact",
    E,
    programs=EE,
    cites=["R-LTR-2"],
    summary="Employer's address or telephone missing",
    what="The letter gives the employer's address and telephone number.",
    why="IRCC asks for the company's address, telephone and email so the letter can be verified.",
    example="A letter with the company name and an email, but no street address or phone number.",
    fix="Ask the employer to add the company's full address and telephone number.",
)
def missing_contact(ctx: Context) -> Iterator[Hit]:
    for lt in _letters(ctx):
        missing = [
            n
            for n, f, v in (("address", "address", lt.address), ("telephone", "phone", lt.phone))
            if v is None and not lt.is_unread(f)  # unread: parse.unread_field says so
        ]
        if missing:
            yield Hit(
                f"The letter does not give the employer's {' or '.join(missing)}.",
                documents=(lt.document,),
                subject=lt.document,
            )


@rule(
    "EV104",
    "letter.missing_email",
    W,
    programs=EE,
    cites=["R-LTR-2"],
    summary="Employer's email missing",
    what="The letter gives the employer's email address.",
    why="IRCC lists the company email among the letter's contact details (R-LTR-2).",
    example="A letter with address and phone but no email.",
    fix="Ask the employer to add a company email address (ideally on the company's domain).",
)
def missing_email(ctx: Context) -> Iterator[Hit]:
    for lt in _letters(ctx):
        if lt.email is None and not lt.is_unread("email"):
            yield Hit(
                "The letter does not give the employer's email.",
                documents=(lt.document,),
                subject=lt.document,
            )


@rule(
    "EV105",
    "letter.free_mail",
    W,
    programs=EE,
    cites=["R-LTR-2", "R-FLAG-5"],
    summary="Employer email on a free-mail domain while the company has a website",
    what="The contact email is on a free-mail domain although the employer has its own website.",
    why="Officers verify employers; a free-mail address is harder to tie to the company.",
    example="hr.redwood@gmail.com on a letter from a company with redwoodpeak.com.",
    fix="Ask for the letter to give an email on the company's own domain.",
)
def free_mail(ctx: Context) -> Iterator[Hit]:
    free = set(ctx.param("free_mail_domains"))
    for lt in _letters(ctx):
        if lt.email is None or lt.website is None:
            continue
        domain = lt.email.value.rsplit("@", 1)[-1].strip().lower()
        if domain in free:
            yield Hit(
                f"The employer's email is on the free-mail domain {domain}.",
                documents=(lt.document,),
                evidence=(lt.email.quote,),
                subject=lt.document,
            )


@rule(
    "EV106",
    "letter.missing_signatory",
    E,
    programs=EE,
    cites=["R-LTR-3"],
    summary="Signatory's name missing",
    what="The letter names the person who signs it.",
    why="IRCC asks for the name, title and signature of the supervisor or personnel officer.",
    example="A letter signed 'HR Department' with no person's name.",
    fix="Ask for the letter to be signed by a named supervisor or HR officer.",
)
def missing_signatory(ctx: Context) -> Iterator[Hit]:
    for lt in _letters(ctx):
        if lt.signatory_name is None and not lt.is_unread("signatory"):
            yield Hit(
                "The letter does not name its signatory.",
                documents=(lt.document,),
                subject=lt.document,
            )


@rule(
    "EV107",
    "letter.missing_signatory_title",
    E,
    programs=EE,
    cites=["R-LTR-3"],
    summary="Signatory's title missing",
    what="The letter gives the signatory's job title.",
    why="The title shows the signatory is the supervisor or a personnel officer (R-LTR-3).",
    example="Signed 'Jane Doe' with no title.",
    fix="Ask for the signatory's job title under the signature.",
)
def missing_signatory_title(ctx: Context) -> Iterator[Hit]:
    for lt in _letters(ctx):
        if lt.signatory_name is not None and lt.signatory_title is None:
            yield Hit(
                "The letter does not give its signatory's title.",
                documents=(lt.document,),
                evidence=(lt.signatory_name.quote,),
                subject=lt.document,
            )


@rule(
    "EV108",
    "letter.missing_signature",
    E,
    programs=EE,
    cites=["R-LTR-3", "R-DOC-7"],
    summary="Letter not signed (typed name only: warning)",
    what="The letter is signed; a typed name alone is weaker evidence.",
    why="IRCC asks for the signature of the supervisor or personnel officer (R-LTR-3).",
    example="An unsigned DOCX letter, or a letter with only a typed name.",
    fix="Ask for a signed copy (wet or digital signature).",
)
def missing_signature(ctx: Context) -> Iterator[Hit]:
    for lt in _letters(ctx):
        if lt.signature is SignatureKind.NONE:
            yield Hit("The letter is not signed.", documents=(lt.document,), subject=lt.document)
        elif lt.signature is SignatureKind.TYPED:
            yield Hit(
                "The letter carries a typed name but no signature.",
                severity=W,
                documents=(lt.document,),
                subject=lt.document,
                extra_citations=("R-DOC-7",),
            )


@rule(
    "EV109",
    "letter.signatory_relation",
    B,
    programs=EE,
    cites=["R-LTR-3", "R-SELF-1"],
    summary="Signed by someone other than a supervisor/HR, or by the applicant",
    what="The signatory is the immediate supervisor or a personnel/HR officer, not the applicant.",
    why="A letter signed by the applicant (or their own company) for claimed employee work is "
    "self-attestation (R-LTR-3, R-SELF-1).",
    example="A letter about the applicant's employment signed by the applicant as director.",
    fix="Ask the supervisor or HR to sign; for self-employment, supply R-SELF-1 evidence instead.",
)
def signatory_relation(ctx: Context) -> Iterator[Hit]:
    for lt in _letters(ctx):
        if lt.signatory_relation is SignatoryRelation.SELF:
            self_employed = any(
                p.relationship is not None and p.relationship.value == "self_employed"
                for p in ctx.positions_in_letter(lt.document)
            )
            if not self_employed:
                yield Hit(
                    "The letter is signed by the applicant (or the applicant's company) "
                    "for claimed employee work: self-attestation.",
                    documents=(lt.document,),
                    subject=lt.document,
                    evidence=(lt.signatory_name.quote if lt.signatory_name else None,),
                )
        elif lt.signatory_relation is SignatoryRelation.OTHER:
            yield Hit(
                "The signatory is neither the supervisor nor an HR/personnel officer.",
                severity=W,
                documents=(lt.document,),
                subject=lt.document,
                evidence=(lt.signatory_title.quote if lt.signatory_title else None,),
            )


@rule(
    "EV110",
    "letter.missing_applicant",
    E,
    programs=EE,
    cites=["R-LTR-4"],
    summary="Letter does not name the applicant (or names someone else)",
    what="The letter names the applicant, matching the name on the case.",
    why="IRCC asks that the letter show the applicant's name (R-LTR-4).",
    example="'To whom it may concern: our employee worked here…' without a name.",
    fix="Ask for the applicant's full name as in the passport; explain aliases in an LOE.",
)
def missing_applicant(ctx: Context) -> Iterator[Hit]:
    for lt in _letters(ctx):
        if lt.applicant_name is None:
            yield Hit(
                "The letter does not name the applicant.",
                documents=(lt.document,),
                subject=lt.document,
            )
        elif ctx.case.applicant:
            score = fuzz.token_sort_ratio(
                lt.applicant_name.value, ctx.case.applicant, processor=utils.default_process
            )
            if score < 90:
                yield Hit(
                    f"The letter names {lt.applicant_name.value!r}, not "
                    f"{ctx.case.applicant!r} as on the case.",
                    severity=W,
                    documents=(lt.document,),
                    evidence=(lt.applicant_name.quote,),
                    subject=lt.document,
                )


@rule(
    "EV111",
    "letter.missing_title",
    E,
    programs=EE,
    cites=["R-LTR-5"],
    summary="Position without a job title",
    what="Each position in the letter has a job title.",
    why="IRCC asks for every position held, each with its title (R-LTR-5).",
    example="'She worked with us from 2021 to 2024 in our IT team.'",
    fix="Ask for the job title of each position held.",
)
def missing_title(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.letter and p.title is None:
            yield Hit(
                f"A position at {ctx.employer_name(p)} has no job title.",
                documents=ctx.documents(p),
                subject=p.id,
            )


@rule(
    "EV112",
    "letter.missing_dates",
    E,
    programs=EE,
    cites=["R-LTR-5", "R-LTR-8"],
    summary="Position without a start date",
    what="Each position gives the date it started (and ended, unless current).",
    why="Hours cannot be counted without dates (R-LTR-5, R-LTR-8).",
    example="'Worked as an analyst for several years.'",
    fix="Ask for exact start and end dates (day, month, year) of each position.",
)
def missing_dates(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.start is None:
            yield Hit(
                f"{ctx.label(p)}: no start date; its hours cannot be counted.",
                documents=ctx.documents(p),
                subject=p.id,
            )


@rule(
    "EV113",
    "letter.imprecise_dates",
    W,
    programs=EE,
    cites=["R-LTR-8"],
    summary="Dates given as month and year only",
    what="Dates are precise to the day.",
    why="With month-only dates, hours are credited conservatively: from the first day of the "
    "next month to the last day of the month before the end month (R-LTR-8).",
    example="'From March 2021 to June 2023.'",
    fix="Ask for exact dates (day, month, year).",
)
def imprecise_dates(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.start is not None and "month" in (p.start_precision, p.end_precision):
            span = ctx.ledger.span(p.id)
            credited = f" Credited {span.start} to {span.end}." if span else ""
            yield Hit(
                f"{ctx.label(p)}: dates give only month and year.{credited}",
                documents=ctx.documents(p),
                subject=p.id,
                evidence=(p.start.quote, p.end.quote if p.end else None),
            )


@rule(
    "EV114",
    "letter.current_status_unstated",
    W,
    programs=EE,
    cites=["R-LTR-6"],
    summary="No end date and no statement that the job is current",
    what="A position without an end date says it is the current job.",
    why="IRCC asks for the job status if it is the current job (R-LTR-6).",
    example="'Employed since 12 May 2021 as…' with no 'currently employed'.",
    fix="Ask the employer to state that the applicant is still employed (or the end date).",
)
def current_status_unstated(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.letter and p.start is not None and p.end is None and p.is_current is None:
            yield Hit(
                f"{ctx.label(p)}: no end date and the letter does not say the job is "
                "current; credited up to the letter date.",
                documents=ctx.documents(p),
                subject=p.id,
            )


@rule(
    "EV115",
    "letter.missing_hours",
    E,
    programs=EE,
    cites=["R-LTR-5"],
    summary="Position without hours per week",
    what="Each position states the hours worked per week.",
    why="Hours per week are needed to count 1,560 hours (R-LTR-5, R-HOURS-1).",
    example="A letter giving title, dates and salary, but nothing about hours.",
    fix="Ask for the number of hours worked per week for each position.",
)
def missing_hours(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if (
            p.letter
            and p.hours_per_week is None
            and p.hours_text is None
            and not p.is_unread("hours")
        ):
            yield Hit(
                f"{ctx.label(p)}: the letter does not give hours per week.",
                documents=ctx.documents(p),
                subject=p.id,
            )


@rule(
    "EV116",
    "letter.hours_not_numeric",
    E,
    programs=EE,
    cites=["R-LTR-7"],
    summary="Hours given as words ('full-time') or as a range",
    what="Hours per week are a number; a range is credited at its minimum.",
    why="'Full-time' alone cannot be turned into hours (R-LTR-7).",
    example="'She worked full-time.' / '20-40 hours per week.'",
    fix="Ask for the exact number of hours per week.",
)
def hours_not_numeric(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.hours_per_week is None and p.hours_text is not None:
            yield Hit(
                f"{ctx.label(p)}: hours are given as {p.hours_text.value!r}, not a "
                "number per week; they cannot be counted.",
                documents=ctx.documents(p),
                evidence=(p.hours_text.quote,),
                subject=p.id,
            )
        elif (
            p.hours_per_week is not None
            and p.hours_per_week_max is not None
            and (p.hours_per_week_max > p.hours_per_week.value)
        ):
            yield Hit(
                f"{ctx.label(p)}: hours are a range ({p.hours_per_week.value:g}-"
                f"{p.hours_per_week_max:g} h/week); the minimum is credited.",
                severity=W,
                documents=ctx.documents(p),
                evidence=(p.hours_per_week.quote,),
                subject=p.id,
            )


@rule(
    "EV117",
    "letter.missing_salary",
    E,
    programs=EE,
    cites=["R-LTR-5"],
    summary="Position without salary",
    what="Each position gives the salary.",
    why="IRCC asks for the annual salary (R-LTR-5); pay also shows the work was paid (R-PAID-1).",
    example="A letter with duties and hours but no pay.",
    fix="Ask for the annual salary (or hourly rate) of each position.",
)
def missing_salary(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.letter and p.pay is None and not p.is_unread("salary"):
            yield Hit(
                f"{ctx.label(p)}: the letter does not give the salary.",
                documents=ctx.documents(p),
                subject=p.id,
            )


@rule(
    "EV125",
    "letter.missing_benefits",
    W,
    programs=EE,
    cites=["R-LTR-5"],
    summary="Position with a salary but no benefits",
    what="Each position gives its benefits beside the salary.",
    why="IRCC asks for the annual salary plus benefits (R-LTR-5); a missing benefits line is a "
    "warning, not a missing salary.",
    example="'Her annual salary is $62,000.' with nothing on benefits.",
    fix="Ask the employer to add the benefits (or to say there are none).",
)
def missing_benefits(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.letter and p.pay is not None and p.benefits is None:
            yield Hit(
                f"{ctx.label(p)}: the letter does not mention benefits.",
                documents=ctx.documents(p),
                subject=p.id,
            )


@rule(
    "EV118",
    "letter.missing_duties",
    E,
    programs=EE,
    cites=["R-LTR-5"],
    summary="Position without duties",
    what="Each position lists its main duties and responsibilities.",
    why="The duties decide the NOC (R-LTR-5, R-SKILL-2).",
    example="'He was our Software Developer.' with no duties.",
    fix="Ask for a list of the main duties actually performed in each position.",
)
def missing_duties(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        if p.letter and not p.duties:
            yield Hit(
                f"{ctx.label(p)}: the letter lists no duties.",
                documents=ctx.documents(p),
                subject=p.id,
            )


@rule(
    "EV119",
    "letter.undated",
    W,
    programs=EE,
    cites=["R-LTR-6"],
    summary="Letter is not dated",
    what="The letter carries its date of issue.",
    why="A letter cannot vouch for time after its own date (R-LTR-6); without a date the officer "
    "cannot tell what it covers.",
    example="A signed letter with no date anywhere.",
    fix="Ask the employer to date the letter.",
)
def undated(ctx: Context) -> Iterator[Hit]:
    for lt in _letters(ctx):
        if lt.letter_date is None and not lt.is_unread("letter_date"):
            yield Hit("The letter is not dated.", documents=(lt.document,), subject=lt.document)


@rule(
    "EV120",
    "letter.claims_after_letter_date",
    E,
    programs=EE,
    cites=["R-LTR-6"],
    summary="Claimed experience runs past the letter's date",
    what="The experience a letter vouches for ends on or before the letter's date.",
    why="A letter cannot vouch for time after its own date; only hours up to it count (R-LTR-6).",
    example="A letter dated 1 March 2024 saying the job ends on 30 June 2024.",
    fix="Ask for a new letter dated after the end of the claimed period.",
)
def claims_after_letter_date(ctx: Context) -> Iterator[Hit]:
    for p in ctx.case.positions:
        lt = ctx.case.letter(p.letter) if p.letter else None
        if lt is None or lt.letter_date is None or p.end is None:
            continue
        if p.end.value > lt.letter_date.value:
            yield Hit(
                f"{ctx.label(p)}: the claimed end date {p.end.value} is after the letter "
                f"date {lt.letter_date.value}; only hours up to the letter date count.",
                documents=ctx.documents(p),
                subject=p.id,
                evidence=(p.end.quote, lt.letter_date.quote),
            )


@rule(
    "EV121",
    "letter.stale_current",
    W,
    programs=EE,
    cites=["R-DOC-6"],
    summary="Current-job letter is old at the application date [UNC]",
    what="A letter for the current job is recent at the application date.",
    why="No official maximum age exists; consultants keep current-job letters recent so they "
    "confirm status near the e-APR (R-DOC-6, [UNC]).",
    example="A 'currently employed' letter dated 10 months before the application.",
    fix="Ask the employer for an updated letter.",
    disputed=True,
)
def stale_current(ctx: Context) -> Iterator[Hit]:
    months = ctx.param("current_letter_max_age_months")
    for lt in _letters(ctx):
        if lt.letter_date is None:
            continue
        current = [
            p
            for p in ctx.positions_in_letter(lt.document)
            if p.end is None and (p.is_current is None or p.is_current.value)
        ]
        age = months_between(lt.letter_date.value, ctx.as_of)
        if current and age > months:
            yield Hit(
                f"The letter for a current job is {age:.1f} months old at the application "
                f"date (over {months}) [UNC: consultant practice].",
                disputed=True,
                documents=(lt.document,),
                evidence=(lt.letter_date.quote,),
                subject=lt.document,
            )


@rule(
    "EV122",
    "letter.multiple_positions",
    INFO,
    programs=EE,
    cites=["R-LTR-5"],
    summary="One letter lists several positions",
    what="Notes letters that list several positions; each is assessed on its own.",
    why="IRCC asks for every position at the employer, each listed separately (R-LTR-5).",
    example="'Junior Analyst (2019-2021), then Analyst (2021-2024).'",
    fix="Nothing to fix; check each position's own findings.",
)
def multiple_positions(ctx: Context) -> Iterator[Hit]:
    for lt in _letters(ctx):
        ps = ctx.positions_in_letter(lt.document)
        if len(ps) > 1:
            titles = ", ".join(p.title.value if p.title else "untitled" for p in ps)
            yield Hit(
                f"The letter lists {len(ps)} positions ({titles}); each is assessed separately.",
                documents=(lt.document,),
                subject=lt.document,
            )


@rule(
    "EV123",
    "letter.no_letter",
    B,
    programs=EE,
    cites=["R-LTR-9"],
    summary="A claimed position has no reference letter",
    what="Every declared period of work has its own reference letter.",
    why="Each declared work experience needs its own proof (R-LTR-9); substitutes (contract, pay "
    "records and an explanation letter) are at the officer's discretion [UNC].",
    example="A job claimed on the intake form, with only pay stubs in the folder.",
    fix="Ask the employer for a reference letter; if impossible, supply the contract, pay records "
    "and a letter of explanation.",
)
def no_letter(ctx: Context) -> Iterator[Hit]:
    loe = ctx.has_kind(DocKind.EXPLANATION_LETTER)
    for p in ctx.case.positions:
        if p.letter is not None:
            continue
        substitutes = bool(ctx.pay_records(p)) or any(
            d.kind is DocKind.CONTRACT and d.path in p.sources for d in ctx.case.documents
        )
        if substitutes and loe:
            yield Hit(
                f"{ctx.label(p)}: no reference letter; substitutes and an explanation "
                "letter are on file (officer's discretion).",
                severity=W,
                disputed=True,
                documents=ctx.documents(p),
                subject=p.id,
            )
        else:
            yield Hit(
                f"{ctx.label(p)}: no reference letter for this position.",
                documents=ctx.documents(p),
                subject=p.id,
            )


@rule(
    "EV124",
    "letter.claimed_position_missing",
    E,
    programs=EE,
    cites=["R-LTR-5"],
    summary="A position claimed on the intake form is not in the documents",
    what="Each claim in case.toml matches a position found in the documents.",
    why="A position claimed but absent from the employer's letter is unsupported (R-LTR-5).",
    example="case.toml claims 'Team Lead' at Acme; Acme's letter lists only 'Developer'.",
    fix="Ask the employer to list every position held, or correct the claim.",
)
def claimed_position_missing(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        found = False
        for p in ctx.case.positions:
            if (
                fuzz.token_set_ratio(
                    claim.employer, ctx.employer_name(p), processor=utils.default_process
                )
                < 85
            ):
                continue
            if (
                claim.title is None
                or p.title is None
                or fuzz.token_set_ratio(claim.title, p.title.value, processor=utils.default_process)
                >= 80
            ):
                found = True
                break
        if not found:
            title = f"{claim.title!r} at " if claim.title else ""
            yield Hit(
                f"The claimed position {title}{claim.employer!r} was not found in the documents.",
                subject=claim.employer,
            )
