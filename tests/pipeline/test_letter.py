"""`evidence letter`: the applicant's checklist, NOC candidates, copied-duty warnings, asks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from checks.findings import Evidence, Finding, Severity
from extractors.models import ReadMethod
from nlp_models.noc.models import CopiedDuty, CopyReport
from nlp_models.parsed import Found, LetterFields, Money, Party, Position, Signatory, Where
from pipeline.letter import CHECKLIST, check_letter
from pipeline.report import CaseInfo, DocumentReport, EmploymentReport, PositionReport, Report
from tests.pipeline.sample_report import COPIED, sample_report

LETTER = "letter.pdf"


def found(value, quote: str, page: int = 1) -> Found:
    return Found(value=value, where=Where(page=page, start=0, end=len(quote), quote=quote))


def complete_fields() -> LetterFields:
    return LetterFields(
        employer=Party(
            legal_name=found("Redwood Peak Services Ltd.", "Redwood Peak Services Ltd."),
            address=found({"city": "North Vancouver"}, "1450 Marine Drive, North Vancouver"),
            phone=found("+16045550147", "Phone: +1 604-555-0147"),
            email=found("hr@redwoodpeak-services.ca", "hr@redwoodpeak-services.ca"),
        ),
        letterhead=True,
        applicant=found("Emily Carter", "Ms. Emily Carter"),
        signatory=Signatory(
            name=found("Daniel Okafor", "Daniel Okafor", 2),
            title=found("Human Resources Manager", "Human Resources Manager", 2),
        ),
        letter_date=found(dt.date(2025, 4, 28), "April 28, 2025"),
        positions=(
            Position(
                title=found("IT Support Specialist II", "IT Support Specialist II"),
                start=found(dt.date(2023, 4, 1), "April 1, 2023 to present"),
                hours_per_week=found(37.5, "Hours of work: 37.5 hours per week"),
                pay=found(
                    Money(amount=62400, currency="CAD", period="year"), "$62,400.00 per year"
                ),
                duties=(found("Diagnose faults", "- Diagnose hardware faults"),),
            ),
        ),
    )


def one_letter_report(fields: LetterFields | None, findings=(), employments=()) -> Report:
    return Report(
        tool_version="0.1.0",
        case=CaseInfo(folder="letters", as_of=dt.date(2025, 5, 12), programs=("CEC",)),
        documents=(
            DocumentReport(
                path=LETTER,
                sha256="0" * 64,
                size=1000,
                kind="reference_letter",
                pages=2,
                read=ReadMethod.TEXT,
                fields=fields,
            ),
        ),
        findings=tuple(findings),
        employments=tuple(employments),
    )


def finding(slug: str, severity: Severity, message: str, fix: str, quote: str | None = None):
    return Finding(
        rule="EV1xx",
        slug=slug,
        severity=severity,
        message=message,
        documents=(LETTER,),
        evidence=(Evidence(document=LETTER, page=1, quote=quote),) if quote else (),
        citation="R-LTR-7",
        fix=fix,
    )


def test_a_complete_letter_is_ticked_item_by_item_with_its_quotes() -> None:
    check = check_letter(one_letter_report(complete_fields()))
    assert [i.status for i in check.items] == ["ok"] * len(CHECKLIST)
    hours = next(i for i in check.items if i.key == "hours")
    assert hours.shown_by == ("Hours of work: 37.5 hours per week",)
    assert check.asks == () and check.ok


def test_a_weak_letter_gets_crosses_and_a_list_of_asks() -> None:
    base = complete_fields()
    fields = base.model_copy(
        update={"employer": base.employer.model_copy(update={"phone": None, "email": None})}
    )
    findings = (
        finding("letter.missing_contact", Severity.ERROR, "No telephone.", "Add the telephone."),
        finding("letter.missing_email", Severity.WARNING, "No email.", "Add a company email."),
        finding(
            "letter.hours_not_numeric",
            Severity.ERROR,
            "Hours are 'full-time' only.",
            "Ask for the exact number of hours per week.",
            quote="Status: full-time",
        ),
        finding("letter.multiple_positions", Severity.INFO, "Two positions.", ""),
    )
    check = check_letter(one_letter_report(fields, findings))
    status = {i.key: i.status for i in check.items}
    assert status["contact"] == status["email"] == status["hours"] == "missing"
    assert status["title"] == status["duties"] == status["signatory"] == "ok"
    assert check.asks == (
        "Add the telephone.",
        "Add a company email.",
        "Ask for the exact number of hours per week.",
    )
    assert not check.ok


def test_an_unread_letter_is_never_ticked() -> None:
    check = check_letter(one_letter_report(None))
    assert {i.status for i in check.items} == {"not_checked"}
    assert check.ok  # nothing crossed; the applicant sees "?" marks, not ticks


def test_noc_candidates_and_copied_duties_are_reported() -> None:
    sample = sample_report()
    position = sample.employments[0].positions[1]
    noc = position.noc.model_copy(
        update={
            "copied": CopyReport(
                codes=("22221",),
                duties=(
                    CopiedDuty(
                        duty=COPIED, code="22221", noc_text=COPIED, score=0.97, near_verbatim=True
                    ),
                ),
                copied=1,
                share=0.2,
                threshold=0.85,
            )
        }
    )
    employment = EmploymentReport(
        employer_id="redwood",
        name="Redwood",
        positions=(PositionReport(id="p2", title=position.title, noc=noc),),
    )
    check = check_letter(one_letter_report(complete_fields(), employments=(employment,)))
    (pos,) = check.positions
    assert pos.claimed == "22221"
    assert (
        pos.candidates[0].code == "22221" and pos.candidates[0].title == "User support technicians"
    )
    assert 0 < pos.candidates[0].coverage <= 1
    assert pos.copied == (COPIED,)


# --- end to end, through the command ----------------------------------------------------------

BAD_LETTER = """To whom it may concern,

This is to confirm that Emily Carter worked with us as IT Support Specialist from March 2022
until now. She worked full-time.

Her duties:
- Communicate electronically and in person with computer users experiencing difficulties to
  determine and document problems experienced
- Help users

Regards,
Manager
"""


def _invoke(args: list[str], **kw):
    """`evidence letter ...` through the real command and its exit-code boundary."""
    from pipeline.cli import app

    return CliRunner().invoke(app, ["letter", *args], **kw)


def _run(path: Path, tmp_path: Path, *args: str) -> tuple[int, str, dict]:
    out = tmp_path / "check.json"
    result = _invoke([str(path), "--json", str(out), *args], terminal_width=160)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output, json.loads(out.read_text())


def test_letter_command_on_the_good_fixture_letter(cases, tmp_path) -> None:
    path = cases / "carter_clean" / "reference_letter_redwood.pdf"
    code, output, data = _run(path, tmp_path, "--noc", "22221")
    assert "What IRCC expects in the letter" in output
    assert data["file"] == "reference_letter_redwood.pdf" and data["read"] == "text"
    status = {i["key"]: i["status"] for i in data["items"]}
    assert set(status) == {spec.key for spec in CHECKLIST}
    for key in ("letterhead", "contact", "email", "applicant", "signatory", "title", "hours"):
        assert status[key] == "ok", key
    hours = next(i for i in data["items"] if i["key"] == "hours")
    assert hours["shown_by"] == ["37.5 hours per week"]
    assert data["positions"][0]["claimed"] == "22221"
    assert data["positions"][0]["candidates"][0]["code"] == "22221"
    assert code == 0  # what is left to ask is at warning level (benefits, letter age)


def test_letter_command_on_a_bad_letter(tmp_path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(BAD_LETTER)
    code, output, data = _run(path, tmp_path)
    assert data["read"] == "plain"
    status = {i["key"]: i["status"] for i in data["items"]}
    for key in ("letterhead", "contact", "signatory", "hours", "salary"):
        assert status[key] == "missing", key
    assert status["applicant"] == "ok"
    assert "What to ask your employer" in output
    assert any("hours" in ask.lower() for ask in data["asks"])
    assert code == 1


def test_letter_command_refuses_a_missing_file(tmp_path) -> None:
    result = _invoke([str(tmp_path / "nope.pdf")])
    assert result.exit_code == 2
