"""A realistic `Report` for the renderer tests, built with the real rules engine and NOC matcher.

Two employers (a Canadian one with a promotion, a foreign one), study terms (full- and part-time),
a claimed NOC, letters with gaps, so that every part of the terminal, JSON and HTML reports has
something to show. The facts are fed to `checks.run.run_checks`; its findings, experience and
ledger become the report, as the pipeline's assembly stage does.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from checks.models import (
    Case,
    Claim,
    Employer,
    LanguageResult,
    Letter,
    NocCandidate,
    NocInfo,
    Pay,
    Position,
    Program,
    Quote,
    SignatoryRelation,
    SignatureKind,
    StudyStatus,
    StudyTerm,
)
from checks.params import Policy
from checks.run import run_checks
from extractors.models import ReadMethod
from nlp_models.noc.match import match_position
from pipeline.audit import timeline as audit_timeline
from pipeline.noc_data import load_index
from pipeline.report import (
    CaseInfo,
    DocumentReport,
    EmploymentReport,
    NocReport,
    PositionReport,
    Report,
    StudyTermReport,
)
from pipeline.report import Pay as PayReport
from tests.conftest import SHARED_NOC

REDWOOD = "reference_letter_redwood.pdf"
BLUEWATER = "bluewater_letter.pdf"
TRANSCRIPT = "transcript_coastline.pdf"

DUTIES_I = (
    "Answer staff requests for help with laptops, printers and office software by phone and chat.",
    "Log, prioritise and follow up on support tickets in the service desk system.",
    "Prepare new workstations and mobile phones and install the standard software image.",
    "Reset passwords and maintain user accounts in the company directory.",
)
# NOC 22221's own wording, pasted into the letter (R-FLAG-1).
COPIED = (
    "Communicate electronically and in person with computer users experiencing difficulties "
    "to determine and document problems experienced"
)
DUTIES_II = (
    "Diagnose hardware, software and network faults escalated by first-level support staff.",
    "Coordinate repairs and warranty claims with equipment vendors.",
    "Roll out operating system updates and security patches to company devices.",
    "Train new employees on the secure use of e-mail, the VPN and file-sharing tools.",
    COPIED,
)
DUTIES_BW = (
    "Provide first-line support to users of computer hardware and software.",
    "Install and configure desktop computers and printers for new staff.",
)


def _q(text: str, document: str = REDWOOD, page: int | None = 1) -> Quote:
    return Quote(document=document, page=page, text=text)


def sample_case() -> Case:
    redwood = Employer(
        id="redwood",
        name={"value": "Redwood Peak Services Ltd.", "quote": _q("Redwood Peak Services Ltd.")},
        address="1450 Marine Drive, Suite 300, North Vancouver, BC V7P 1T3",
        country="CA",
        sources=(REDWOOD,),
    )
    bluewater = Employer(
        id="bluewater",
        name={
            "value": "Bluewater Infotech Pvt. Ltd.",
            "quote": _q("Bluewater Infotech", BLUEWATER),
        },
        address="12 FC Road, Pune 411004",
        country="IN",
        sources=(BLUEWATER,),
    )
    letters = (
        Letter(
            document=REDWOOD,
            employer="redwood",
            letterhead=True,
            employer_legal_name="Redwood Peak Services Ltd.",
            address="1450 Marine Drive, Suite 300, North Vancouver, BC V7P 1T3",
            phone="+1 604-555-0147",
            email="hr@redwoodpeak-services.ca",
            website="www.redwoodpeak-services.ca",
            applicant_name="Emily Carter",
            signatory_name="Daniel Okafor",
            signatory_title="Human Resources Manager",
            signatory_relation=SignatoryRelation.HR,
            signature=SignatureKind.WET,
            letter_date={"value": date(2025, 4, 28), "quote": _q("April 28, 2025")},
        ),
        Letter(
            document=BLUEWATER,
            employer="bluewater",
            letterhead=True,
            employer_legal_name="Bluewater Infotech Pvt. Ltd.",
            address="12 FC Road, Pune 411004",
            email={
                "value": "bluewater.hr@gmail.com",
                "quote": _q("bluewater.hr@gmail.com", BLUEWATER),
            },
            website="www.bluewaterinfotech.in",
            applicant_name="Emily Carter",
            signatory_name="R. Kulkarni",
            signatory_title="Team Lead",
            signatory_relation=SignatoryRelation.SUPERVISOR,
            signature=SignatureKind.TYPED,
            letter_date={"value": date(2019, 7, 5), "quote": _q("5 July 2019", BLUEWATER)},
        ),
    )

    def duties(items: tuple[str, ...], doc: str, page: int) -> tuple[dict, ...]:
        return tuple({"value": d, "quote": _q(d, doc, page)} for d in items)

    positions = (
        Position(
            id="p1",
            employer="redwood",
            letter=REDWOOD,
            sources=(REDWOOD,),
            title={"value": "IT Support Specialist I", "quote": _q("IT Support Specialist I")},
            start={"value": date(2021, 9, 13), "quote": _q("September 13, 2021 to March 31")},
            end=date(2023, 3, 31),
            hours_per_week={"value": 37.5, "quote": _q("Hours of work: 37.5 hours per week")},
            pay=Pay(amount=52650, currency="CAD", period="year"),
            benefits="extended health and dental coverage",
            duties=duties(DUTIES_I, REDWOOD, 1),
            work_country="CA",
            noc=NocInfo(candidates=(NocCandidate(code="22221", teer=2, score=0.44),)),
        ),
        Position(
            id="p2",
            employer="redwood",
            letter=REDWOOD,
            sources=(REDWOOD,),
            title={
                "value": "IT Support Specialist II",
                "quote": _q("IT Support Specialist II", page=2),
            },
            start={"value": date(2023, 4, 1), "quote": _q("April 1, 2023 to present", page=2)},
            is_current={"value": True, "quote": _q("April 1, 2023 to present", page=2)},
            hours_per_week={"value": 37.5, "quote": _q("37.5 hours per week", page=2)},
            pay=Pay(amount=62400, currency="CAD", period="year"),
            benefits="extended health and dental coverage",
            duties=duties(DUTIES_II, REDWOOD, 2),
            work_country="CA",
            noc=NocInfo(
                claimed={"value": "22221", "quote": _q("NOC 22221", "case.toml", None)},
                candidates=(NocCandidate(code="22221", teer=2, score=0.38),),
                copied_share=0.5,
                copied_duties=(_q(COPIED, REDWOOD, 2),),
            ),
        ),
        Position(
            id="p3",
            employer="bluewater",
            letter=BLUEWATER,
            sources=(BLUEWATER,),
            title={"value": "Help Desk Technician", "quote": _q("Help Desk Technician", BLUEWATER)},
            start={"value": date(2016, 7, 4), "quote": _q("from 4 July 2016", BLUEWATER)},
            end={"value": date(2019, 6, 28), "quote": _q("to 28 June 2019", BLUEWATER)},
            hours_per_week={"value": 40, "quote": _q("40 to 45 hours a week", BLUEWATER)},
            hours_per_week_max=45,
            pay=Pay(amount=420000, currency="INR", period="year"),
            duties=duties(DUTIES_BW, BLUEWATER, 1),
            work_country="IN",
            noc=NocInfo(candidates=(NocCandidate(code="22221", teer=2, score=0.55),)),
        ),
    )
    q = TRANSCRIPT
    terms = (
        StudyTerm(
            institution="Coastline Polytechnic College",
            start=date(2019, 9, 3),
            end=date(2019, 12, 20),
            status=StudyStatus.FULL_TIME,
            quote=_q("Fall 2019  Full-time", q),
        ),
        StudyTerm(
            institution="Coastline Polytechnic College",
            start=date(2020, 1, 6),
            end=date(2020, 4, 24),
            status=StudyStatus.FULL_TIME,
        ),
        StudyTerm(
            institution="Coastline Polytechnic College",
            start=date(2020, 5, 4),
            end=date(2020, 8, 14),
            status=StudyStatus.PART_TIME,
        ),
        StudyTerm(
            institution="Coastline Polytechnic College",
            start=date(2020, 9, 8),
            end=date(2021, 4, 30),
            status=StudyStatus.FULL_TIME,
            is_final=True,
        ),
    )
    return Case(
        application_date=date(2025, 5, 12),
        applicant="Emily Carter",
        programs=(Program.CEC, Program.FSW, Program.CRS, Program.CBS),
        claims=(
            Claim(
                employer="Redwood Peak Services Ltd.", title="IT Support Specialist II", noc="22221"
            ),
        ),
        language=(
            LanguageResult(
                test="CELPIP-G",
                test_date=date(2025, 1, 20),
                speaking=9,
                listening=10,
                reading=9,
                writing=9,
            ),
        ),
        employers=(redwood, bluewater),
        letters=letters,
        positions=positions,
        study_terms=terms,
    )


def _noc(title: str, duties: tuple[str, ...], claimed: str | None) -> NocReport:
    m = match_position(load_index(SHARED_NOC), title, duties, claimed=claimed)
    return NocReport(
        claimed=m.claimed,
        candidates=m.candidates,
        abstain=m.abstain,
        abstain_reason=m.abstain_reason,
        claimed_candidate=m.claimed_candidate,
    )


def _documents() -> tuple[DocumentReport, ...]:
    return (
        DocumentReport(
            path=REDWOOD,
            sha256="a" * 64,
            size=48213,
            media_type="application/pdf",
            kind="reference_letter",
            language="en",
            pages=2,
            read=ReadMethod.TEXT,
        ),
        DocumentReport(
            path=BLUEWATER,
            sha256="b" * 64,
            size=912344,
            media_type="application/pdf",
            kind="reference_letter",
            language="en",
            pages=1,
            read=ReadMethod.OCR,
            ocr_confidence=88.5,
            rotated_pages=(1,),
        ),
        DocumentReport(
            path=TRANSCRIPT,
            sha256="c" * 64,
            size=30211,
            media_type="application/pdf",
            kind="transcript",
            language="en",
            pages=1,
            read=ReadMethod.TEXT,
        ),
        DocumentReport(
            path="scan_copy.pdf",
            sha256=None,
            size=1024,
            read=ReadMethod.FAILED,
            error={"kind": "encrypted", "message": "the PDF is password-protected"},
        ),
    )


@cache
def sample_report() -> Report:
    return build_report()


def build_report(policy: Policy | None = None) -> Report:
    """The sample case's report, under `policy` (default: the project's)."""
    case = sample_case()
    result = run_checks(case, policy)
    positions = {p.id: p for p in case.positions}

    def position(pid: str, duties: tuple[str, ...], claimed: str | None) -> PositionReport:
        p = positions[pid]
        pay = p.pay.value if p.pay else None
        return PositionReport(
            id=pid,
            title=p.title.value if p.title else None,
            start=p.start.value if p.start else None,
            end=p.end.value if p.end else None,
            is_current=bool(p.is_current and p.is_current.value),
            hours_per_week=p.hours_per_week.value if p.hours_per_week else None,
            pay=PayReport(amount=pay.amount, currency=pay.currency, period=pay.period.value)
            if pay
            else None,
            duties=duties,
            noc=_noc(p.title.value if p.title else "", duties, claimed),
            sources=p.sources,
        )

    employments = (
        EmploymentReport(
            employer_id="redwood",
            name="Redwood Peak Services Ltd.",
            address="1450 Marine Drive, Suite 300, North Vancouver, BC V7P 1T3",
            country="CA",
            positions=(position("p1", DUTIES_I, None), position("p2", DUTIES_II, "22221")),
            sources=(REDWOOD,),
        ),
        EmploymentReport(
            employer_id="bluewater",
            name="Bluewater Infotech Pvt. Ltd.",
            address="12 FC Road, Pune 411004",
            country="IN",
            positions=(position("p3", DUTIES_BW, None),),
            sources=(BLUEWATER,),
        ),
    )
    terms = tuple(
        StudyTermReport(
            institution=t.institution,
            start=t.start,
            end=t.end,
            status=t.status.value,
            delivery="in_person",
            source=TRANSCRIPT,
        )
        for t in case.study_terms
    )
    timeline = audit_timeline(result)
    return Report(
        tool_version="0.1.0",
        case=CaseInfo(
            folder="cases/carter",
            applicant=case.applicant,
            as_of=case.application_date,
            programs=tuple(p.value for p in case.programs),
        ),
        documents=_documents(),
        employments=employments,
        study_terms=terms,
        experience=dict(result.experience),
        findings=result.findings,
        timeline=timeline,
        seconds=1.234,
    )
