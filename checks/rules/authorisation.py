"""Work authorisation (R-AUTH) and the PGWP behind it (R-PGWP)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checks.context import Context
from checks.dates import shift_years
from checks.findings import Severity
from checks.ledger import pgwp_app_date, same_employer
from checks.models import Credential, PermitType, Program, StudyStatus
from checks.registry import Hit, rule
from checks.rules.students import offcampus_cap_exceeded

W, E, INFO = Severity.WARNING, Severity.ERROR, Severity.INFO
CAN = (Program.CEC, Program.CRS)
PGWP = (Program.PGWP, Program.CEC)


@rule(
    "EV701",
    "permit.not_covering_work",
    E,
    programs=CAN,
    cites=["R-AUTH-1", "R-AUTH-3"],
    summary="Canadian work not covered by any permit in the file",
    what="Every day of Canadian work falls within a permit that allows it (valid dates, "
    "maintained status after an in-time extension, employer named on a closed permit, off-campus "
    "condition, 186(w)). Checked when permits are in the folder.",
    why="Unauthorised work is excluded from Canadian experience (R-AUTH-1).",
    example="Work continued three months after the work permit expired, with no extension filed.",
    fix="Add the missing permit or proof of maintained status (extension filed in time); "
    "otherwise those weeks cannot count.",
)
def not_covering(ctx: Context) -> Iterator[Hit]:
    uncovered: dict[str, list[date]] = {}
    for j in ctx.ledger.jobs():
        for i, ok in enumerate(j.authorised):
            if ok is False:
                uncovered.setdefault(j.position, []).append(j.day(i))
    for p in ctx.case.positions:
        ds = uncovered.get(p.id)
        if ds:
            yield Hit(
                f"{ctx.label(p)}: {len(ds)} working day(s) between {min(ds)} and {max(ds)} "
                "are not covered by a permit in the file; they are excluded.",
                documents=ctx.documents(p),
                subject=p.id,
            )


@rule(
    "EV702",
    "permit.employer_mismatch",
    E,
    programs=CAN,
    cites=["R-AUTH-2", "R-PAY-3"],
    summary="An employer-specific permit names another employer",
    what="Work done under an employer-specific permit is for the employer it names.",
    why="A closed permit authorises work only for the named employer (R-AUTH-2).",
    example="Permit names 'Maple Foods Ltd.'; the letter is from 'Northern Logistics Inc.'.",
    fix="Supply the permit for this employer (or an open permit), or explain the name difference.",
)
def employer_mismatch(ctx: Context) -> Iterator[Hit]:
    closed = [
        x
        for x in ctx.case.permits
        if x.type is PermitType.WORK_EMPLOYER_SPECIFIC and x.employer_named is not None
    ]
    if not closed:
        return
    uncovered = {
        (j.position, j.day(i))
        for j in ctx.ledger.jobs()
        for i, ok in enumerate(j.authorised)
        if ok is False
    }
    for permit in closed:
        assert permit.employer_named is not None
        for p in ctx.case.positions:
            if same_employer(permit.employer_named.value, ctx.employer_name(p)):
                continue
            overlap = [
                d
                for pid, d in uncovered
                if pid == p.id and permit.valid_from <= d <= permit.valid_to
            ]
            if overlap:
                yield Hit(
                    f"{ctx.label(p)}: work from {min(overlap)} falls under a permit for "
                    f"{permit.employer_named.value!r}, not this employer.",
                    documents=tuple(d for d in (*ctx.documents(p), permit.document) if d),
                    evidence=(permit.employer_named.quote,),
                    subject=p.id,
                )


def _pgwp_context(ctx: Context) -> bool:
    """PGWP rules apply when transcripts or completion details (study programs) are present."""
    return bool(ctx.case.study_programs or ctx.case.study_terms) and (
        ctx.selected(Program.PGWP) or any(x.type is PermitType.PGWP for x in ctx.case.permits)
    )


@rule(
    "EV710",
    "pgwp.program_too_short",
    E,
    programs=PGWP,
    cites=["R-PGWP-1"],
    summary="Program shorter than 8 months",
    what="The program behind the PGWP lasts at least 8 months.",
    why="PGWPs need a program of 8 months or more (R-PGWP-1); a doubtful PGWP weakens the "
    "authorisation behind CEC hours.",
    example="A 6-month certificate.",
    fix="Check the program length on the completion letter.",
)
def program_too_short(ctx: Context) -> Iterator[Hit]:
    if not _pgwp_context(ctx):
        return
    minimum = ctx.param("pgwp_min_program_months", pgwp_app_date(ctx.case) or ctx.as_of)
    for sp in ctx.case.study_programs:
        if sp.length_months is not None and sp.length_months < minimum:
            yield Hit(
                f"{sp.institution}: program of {sp.length_months:g} months, under {minimum}.",
                documents=(sp.document,) if sp.document else (),
                subject=sp.id,
            )


@rule(
    "EV711",
    "pgwp.part_time_session",
    W,
    programs=PGWP,
    cites=["R-PGWP-2"],
    summary="A non-final academic session was part-time",
    what="Every session but the final one is full-time.",
    why="PGWP eligibility needs full-time study in every session except the last (R-PGWP-2).",
    example="Winter 2023 part-time, not the final session, no authorised leave.",
    fix="Add proof of authorised leave or the special measure that applied.",
)
def part_time_session(ctx: Context) -> Iterator[Hit]:
    if not _pgwp_context(ctx):
        return
    for t in ctx.case.study_terms:
        if t.status is StudyStatus.PART_TIME and not t.is_final:
            yield Hit(
                f"{t.institution}: part-time session {t.start} to {t.end} (not final).",
                evidence=(t.quote,),
            )


@rule(
    "EV712",
    "pgwp.distance_learning",
    E,
    programs=PGWP,
    cites=["R-PGWP-3"],
    summary="More than half the program by distance",
    what="At most 50 % of the program was taken by distance learning.",
    why="Programs mostly by distance are PGWP-ineligible (R-PGWP-3); COVID measures covered "
    "programs started before 1 Sep 2024 (then warning).",
    example="70 % of courses online from abroad.",
    fix="Check the transcript's delivery mode and any COVID measure that applied.",
)
def distance_learning(ctx: Context) -> Iterator[Hit]:
    if not _pgwp_context(ctx):
        return
    share_max = ctx.param("pgwp_distance_share_max", pgwp_app_date(ctx.case) or ctx.as_of)
    for sp in ctx.case.study_programs:
        if sp.distance_share is not None and sp.distance_share > share_max:
            covid = sp.start is not None and sp.start < ctx.param(
                "pgwp_covid_distance_programs_before",
                sp.start,  # set by the program's start
            )
            yield Hit(
                f"{sp.institution}: {sp.distance_share:.0%} by distance"
                + ("; a COVID measure may apply." if covid else "."),
                severity=W if covid else E,
                subject=sp.id,
            )


@rule(
    "EV713",
    "pgwp.late_application",
    E,
    programs=PGWP,
    cites=["R-PGWP-4"],
    summary="PGWP applied for more than 180 days after completion",
    what="The PGWP application date is within 180 days of the completion date.",
    why="Graduates must apply within 180 days of written confirmation of completion (R-PGWP-4).",
    example="Completion 2023-04-30; PGWP application 2023-12-01.",
    fix="Check the completion letter's date and the PGWP application receipt.",
)
def late_application(ctx: Context) -> Iterator[Hit]:
    applied = pgwp_app_date(ctx.case)
    if applied is None or not _pgwp_context(ctx):
        return
    days = ctx.param("pgwp_apply_within_days", applied)
    for sp in ctx.case.study_programs:
        if sp.completion_date and (applied - sp.completion_date).days > days:
            yield Hit(
                f"PGWP applied {applied}, {(applied - sp.completion_date).days} days after "
                f"completion on {sp.completion_date} (limit {days}).",
                subject=sp.id,
            )


@rule(
    "EV714",
    "pgwp.second_permit",
    E,
    programs=PGWP,
    cites=["R-PGWP-5"],
    summary="More than one PGWP in the file",
    what="Only one PGWP is issued per lifetime.",
    why="One PGWP per lifetime (R-PGWP-5).",
    example="Two PGWPs from two programs.",
    fix="Check whether the second permit is a PGWP or another type of open permit.",
)
def second_permit(ctx: Context) -> Iterator[Hit]:
    pgwps = [x for x in ctx.case.permits if x.type is PermitType.PGWP]
    if len({(x.valid_from, x.valid_to) for x in pgwps}) > 1:
        yield Hit(
            f"{len(pgwps)} PGWPs are in the file.",
            documents=tuple(x.document for x in pgwps if x.document),
        )


@rule(
    "EV715",
    "pgwp.186w_unavailable",
    E,
    programs=PGWP,
    cites=["R-AUTH-4", "R-OFFC-8"],
    summary="Work while the PGWP was pending, without the conditions of IRPR 186(w)",
    what="Work between completion and PGWP approval needs the PGWP applied for before the study "
    "permit expired and no off-campus hour breaches.",
    why="186(w) lets graduates work full time while the PGWP is pending only on those "
    "conditions (R-AUTH-4).",
    example="Applied for the PGWP a week after the study permit expired, and kept working.",
    fix="Check the dates of the study permit and the PGWP application; exclude the weeks if "
    "186(w) did not apply.",
)
def pgwp_186w(ctx: Context) -> Iterator[Hit]:
    applied = pgwp_app_date(ctx.case)
    completed = [sp.completion_date for sp in ctx.case.study_programs if sp.completion_date]
    if applied is None or not completed:
        return
    approved = min(
        (x.valid_from for x in ctx.case.permits if x.type is PermitType.PGWP), default=ctx.as_of
    )
    worked = [
        j.day(i)
        for j in ctx.ledger.jobs()
        if j.canadian and not j.remote_foreign
        for i, h in enumerate(j.daily)
        if h > 0 and applied <= j.day(i) < approved
    ]
    if not worked:
        return
    sps = [x for x in ctx.case.permits if x.type is PermitType.STUDY]
    reasons = []
    if sps and not any(applied <= x.valid_to for x in sps):
        reasons.append("the PGWP was applied for after the study permit expired")
    if any(h.severity is E for h in offcampus_cap_exceeded(ctx)):
        reasons.append("off-campus hour limits were exceeded during studies")
    if reasons:
        yield Hit(
            f"Work from {min(worked)} while the PGWP was pending: 186(w) not available "
            f"because {' and '.join(reasons)}."
        )


@rule(
    "EV716",
    "pgwp.language",
    W,
    programs=PGWP,
    cites=["R-PGWP-10"],
    summary="No language result at the PGWP level (applications from 1 Nov 2024)",
    what="For PGWP applications from 1 Nov 2024: CLB 7 in all abilities (university degree) or "
    "CLB 5 (other programs), from a result under 2 years old.",
    why="PGWP language requirement (R-PGWP-10); matters when the PGWP is the authorisation behind "
    "Canadian hours.",
    example="College graduate applying in 2025 with CLB 4 in writing.",
    fix="Check the language result submitted with the PGWP application.",
)
def pgwp_language(ctx: Context) -> Iterator[Hit]:
    applied = pgwp_app_date(ctx.case)
    if applied is None or not _pgwp_context(ctx):
        return
    levels = ctx.policy.dated("pgwp_language_clb", applied)
    if levels is None:
        return
    uni = any(sp.credential is Credential.UNIVERSITY_DEGREE for sp in ctx.case.study_programs)
    need = levels.value["university_degree" if uni else "other"]
    years = ctx.param("language_result_validity_years", applied)
    valid = [
        r for r in ctx.case.language if r.test_date <= applied < shift_years(r.test_date, years)
    ]
    if not any(r.min_clb >= need for r in valid):
        yield Hit(
            f"PGWP applied {applied}: no language result at CLB {need} in all abilities "
            "dated within 2 years before it is on file."
        )


@rule(
    "EV717",
    "pgwp.port_of_entry",
    W,
    programs=PGWP,
    cites=["R-PGWP-9"],
    summary="PGWP issued at a port of entry on or after 21 June 2024",
    what="PGWPs can no longer be applied for at the border from 21 June 2024.",
    why="Flagpoling for PGWPs ended on 21 June 2024 (R-PGWP-9, [3P]).",
    example="A PGWP issued at a land border in August 2024.",
    fix="Verify how and when the PGWP was issued.",
)
def port_of_entry(ctx: Context) -> Iterator[Hit]:
    for x in ctx.case.permits:
        if (
            x.type is PermitType.PGWP
            and x.issued_at_port_of_entry
            and not ctx.param("pgwp_border_applications", x.valid_from)
        ):
            yield Hit(
                f"PGWP issued at a port of entry on {x.valid_from}; verify (border PGWP "
                "applications ended on 2024-06-21).",
                documents=(x.document,) if x.document else (),
            )
