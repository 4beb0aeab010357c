"""Who a reference letter is from, who signs it and whom it is about: letterhead, the employer's
contact details, the signatory and the applicant's name (R-LTR-1..4, R-DOC-7, R-FLAG-5)."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz, utils

from checks.context import Context
from checks.models import SignatoryRelation, SignatureKind
from checks.registry import Hit, rule
from checks.rules.common import EE, B, E, W, letter_hit


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
    for lt in ctx.case.letters:
        if lt.letterhead is False:
            yield letter_hit(lt, "The letter is not on company letterhead.")


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
    for lt in ctx.case.letters:
        if lt.letterhead is True and lt.employer_legal_name is None:
            yield letter_hit(lt, "The letterhead does not give the employer's legal name.")


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
    for lt in ctx.case.letters:
        if not ctx.written_letter(lt.document):
            continue  # an e-mail gives its sender's address; a system print no contact at all
        missing = [
            n
            for n, f, v in (("address", "address", lt.address), ("telephone", "phone", lt.phone))
            if v is None and not lt.is_unread(f)  # unread: parse.unread_field says so
        ]
        if missing:
            yield letter_hit(lt, f"The letter does not give the employer's {' or '.join(missing)}.")


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
    for lt in ctx.case.letters:
        if not ctx.written_letter(lt.document):
            continue
        if lt.email is None and not lt.is_unread("email"):
            yield letter_hit(lt, "The letter does not give the employer's email.")


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
    for lt in ctx.case.letters:
        if lt.email is None or lt.website is None:
            continue
        domain = lt.email.value.rsplit("@", 1)[-1].strip().lower()
        if domain in free:
            yield letter_hit(
                lt,
                f"The employer's email is on the free-mail domain {domain}.",
                evidence=(lt.email.quote,),
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
    for lt in ctx.case.letters:
        if lt.signatory_name is not None or lt.is_unread("signatory"):
            continue
        if not ctx.written_letter(lt.document) and any(
            other.employer == lt.employer and other.signatory_name is not None
            for other in ctx.case.letters
        ):
            continue  # an HR system's print, sent with a signed e-mail or letter of its employer
        yield letter_hit(lt, "The letter does not name its signatory.")


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
    for lt in ctx.case.letters:
        if lt.signatory_name is not None and lt.signatory_title is None:
            yield letter_hit(
                lt,
                "The letter does not give its signatory's title.",
                evidence=(lt.signatory_name.quote,),
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
    for lt in ctx.case.letters:
        if lt.signature is SignatureKind.NONE:
            yield letter_hit(lt, "The letter is not signed.")
        elif lt.signature is SignatureKind.TYPED:
            yield letter_hit(
                lt,
                "The letter carries a typed name but no signature.",
                severity=W,
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
    for lt in ctx.case.letters:
        if lt.signatory_relation is SignatoryRelation.SELF:
            self_employed = any(
                p.relationship is not None and p.relationship.value == "self_employed"
                for p in ctx.positions_in_letter(lt.document)
            )
            if not self_employed:
                yield letter_hit(
                    lt,
                    "The letter is signed by the applicant (or the applicant's company) "
                    "for claimed employee work: self-attestation.",
                    evidence=(lt.signatory_name.quote if lt.signatory_name else None,),
                )
        elif lt.signatory_relation is SignatoryRelation.OTHER:
            yield letter_hit(
                lt,
                "The signatory is neither the supervisor nor an HR/personnel officer.",
                severity=W,
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
    for lt in ctx.case.letters:
        if lt.applicant_name is None:
            yield letter_hit(lt, "The letter does not name the applicant.")
        elif ctx.case.applicant:
            score = fuzz.token_sort_ratio(
                lt.applicant_name.value, ctx.case.applicant, processor=utils.default_process
            )
            if score < 90:
                yield letter_hit(
                    lt,
                    f"The letter names {lt.applicant_name.value!r}, not "
                    f"{ctx.case.applicant!r} as on the case.",
                    severity=W,
                    evidence=(lt.applicant_name.quote,),
                )
