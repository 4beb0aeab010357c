"""The rules.md rows that findings cite: ID -> short title and sources with confidence tags."""

from __future__ import annotations

from checks.models import Frozen

EE_DOCS = "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents.html"
EE_DOCS_Q = "https://immigracia.ca/reference-letter/"
CEC = "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/canadian-experience-class.html"
FSW_PDI = "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/selection-criteria-work-experience.html"
TRPR = "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/tr-pr-pathway/assessing.html"
MI_30H = "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/amending-express-entry-system-canadian-work-experience.html"
MI_EXCESS = (
    "https://go4visa.com/2016/11/14/ministerial-instructions-respecting-the-express-entry-system/4/"
)
MI_AMEND = "https://go4visa.com/2016/11/14/ministerial-instructions-amending-the-ministerial-instructions-respecting-the-express-entry-system/2/?amp=1"
Q377 = "https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=377&top=29"
Q394 = "https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=394&top=29"
GO4VISA_STUDY = "https://go4visa.com/2021/05/13/learning-moments-canadian-work-experience-completed-during-full-time-studies-and-whether-it-is-eligible-under-the-cec-or-eligible-for-points-under-express-entry/amp"
CRS = "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html"
CBS = "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/submit-profile/rounds-invitations/category-based-selection.html"
OFFCAMPUS = "https://www.canada.ca/en/immigration-refugees-citizenship/services/study-canada/work/work-off-campus.html"
SOR_2024_219 = "https://gazette.gc.ca/rp-pr/p2/2024/2024-11-20/html/sor-dors219-eng.html"
GAZETTE_I = "https://gazette.gc.ca/rp-pr/p1/2024/2024-06-29/html/reg1-eng.html"
PGWP_PDI = "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/temporary-residents/study-permits/post-graduation-work-permit-program.html"
MEHFOOZ = "https://www.canlii.org/en/ca/fct/doc/2016/2016fc165/2016fc165.html"


class Source(Frozen):
    url: str
    confidence: tuple[str, ...]


class Citation(Frozen):
    id: str
    title: str
    sources: tuple[Source, ...]

    @property
    def uncertain(self) -> bool:
        return all("UNC" in s.confidence or "DISPUTED" in s.confidence for s in self.sources)


def _c(rid: str, title: str, *sources: tuple[str, str]) -> Citation:
    return Citation(
        id=rid,
        title=title,
        sources=tuple(Source(url=u, confidence=tuple(t.split())) for u, t in sources),
    )


_ALL = [
    _c("R-LTR-1", "Letter on company letterhead", (EE_DOCS_Q, "OFF-Q"), (EE_DOCS, "OFF-Q")),
    _c("R-LTR-2", "Employer address, telephone and email", (EE_DOCS_Q, "OFF-Q")),
    _c("R-LTR-3", "Signatory's name, title and signature", (EE_DOCS_Q, "OFF-Q")),
    _c("R-LTR-4", "The letter names the applicant", (EE_DOCS_Q, "OFF-Q")),
    _c("R-LTR-5", "Each position: title, duties, dates, hours, salary", (EE_DOCS_Q, "OFF-Q")),
    _c("R-LTR-6", "Current job stated; no vouching after the letter date", (EE_DOCS_Q, "OFF-Q")),
    _c("R-LTR-7", "Hours as a number per week", (EE_DOCS_Q, "OFF-Q")),
    _c("R-LTR-8", "Dates precise enough to compute hours", (EE_DOCS_Q, "OFF-Q")),
    _c("R-LTR-9", "Each declared period needs its own proof", (EE_DOCS_Q, "OFF-Q 3P UNC")),
    _c("R-SELF-1", "Self-employment evidence", (EE_DOCS_Q, "OFF-Q")),
    _c(
        "R-SELF-2",
        "Self-employment excluded from CEC and CRS Canadian points",
        (Q377, "OFF-R"),
        (GO4VISA_STUDY, "OFF-Q"),
    ),
    _c("R-SELF-3", "Employee vs self-employed indicators", (TRPR, "OFF-R SEED UNC")),
    _c(
        "R-FOR-3",
        "Remote work from Canada for a foreign employer [DISPUTED]",
        (
            "https://www.northernpathways.ca/en/blogs/understanding-ircc-guidance-on-concurrent-and-remote-foreign-work-experience",
            "3P DISPUTED",
        ),
        (
            "https://insights.immergity.ca/insights/remote-work-canada-foreign-work-experience-express-entry-2026/",
            "3P DISPUTED",
        ),
    ),
    _c(
        "R-FOR-4",
        "Work outside Canada for a Canadian employer is not Canadian experience",
        (TRPR, "SEED"),
        (
            "https://canadianimmigrant.ca/immigrate/immigration-law/navigating-the-complexities-of-remote-work-under-express-entry-program",
            "3P",
        ),
    ),
    _c("R-HOURS-1", "Full time = 30 h/week; one year = 1,560 h", (MI_30H, "OFF-R"), (CEC, "OFF-Q")),
    _c("R-HOURS-2", "At most 30 h a week count, across all jobs", (MI_EXCESS, "OFF-Q")),
    _c("R-HOURS-3", "Part-time hours accumulate", (CEC, "OFF-Q")),
    _c("R-HOURS-4", "A year cannot be compressed into less than 12 months", (TRPR, "SEED")),
    _c(
        "R-HOURS-5",
        "Reasonable paid vacation inside the period is creditable (TRPR; CEC/FSW by analogy)",
        (TRPR, "SEED UNC"),
    ),
    _c("R-HOURS-6", "Pay-record hours outrank letter hours [tool policy]", (EE_DOCS, "UNC")),
    _c(
        "R-HOURS-7",
        "FSW: one continuous year in one occupation",
        (Q394, "OFF-R"),
        (
            "https://www.carvajal.ca/single-post/learning-moments-work-experience-under-the-federal-skilled-worker-program",
            "OFF-Q",
        ),
    ),
    _c(
        "R-HOURS-8",
        "CEC needs no continuity",
        (CEC, "OFF-Q"),
        ("https://jrlawoffice.com/work-experience-ceo-fws/", "3P"),
    ),
    _c("R-WIN-1", "CEC: 1,560 h in the 3 years before applying", (CEC, "OFF-Q")),
    _c("R-WIN-2", "FSW: the continuous year within 10 years", (FSW_PDI, "OFF-R")),
    _c("R-WIN-3", "FSW experience points", (FSW_PDI, "OFF-R")),
    _c("R-WIN-4", "CRS Canadian experience within 10 years", (MI_AMEND, "OFF-Q")),
    _c(
        "R-WIN-5",
        "CRS foreign experience within 10 years",
        ("https://immigration.ca/foreign-work-experience/", "3P"),
    ),
    _c("R-WIN-6", "Experience ages out of sliding windows", (CEC, "SEED")),
    _c("R-CRS-1", "Foreign experience x language", (CRS, "SEED 3P")),
    _c("R-CRS-2", "Foreign experience x Canadian experience", (CRS, "SEED 3P")),
    _c("R-CRS-3", "Skill-transferability caps", (CRS, "SEED 3P")),
    _c(
        "R-CRS-4",
        "CRS core points for Canadian experience [UNC]",
        ("https://www.easypassport.co/resources/skilled-migration/ca", "3P UNC"),
    ),
    _c(
        "R-CRS-5",
        "No job-offer points since 25 Mar 2025",
        (
            "https://www.gtrimmigration.com/canada-eliminates-bonus-crs-points-for-job-offers-in-express-entry/",
            "3P",
        ),
    ),
    _c("R-CRS-6", "Language results expire after 2 years", (MI_AMEND, "OFF-Q")),
    _c("R-CBS-1", "CBS needs EE eligibility first", (CBS, "3P")),
    _c(
        "R-CBS-2",
        "CBS v2023: 6 continuous months in one occupation",
        (
            "https://go4visa.com/2023/12/06/ircc-ee-category-based-selection-starting-from-june-2023/2",
            "OFF-Q",
        ),
    ),
    _c(
        "R-CBS-3",
        "CBS v2026: 12 months in one occupation [UNC details]",
        (
            "https://www.cicnews.com/2026/02/three-new-express-entry-categories-0271729.html",
            "3P UNC",
        ),
    ),
    _c(
        "R-CBS-4",
        "Category lists by date",
        ("https://bartlaw.ca/?p=1870", "3P"),
        ("https://www.cicnews.com/2026/02/three-new-express-entry-categories-0271729.html", "3P"),
    ),
    _c(
        "R-STU-1",
        "No CEC credit for work during full-time study",
        (Q394, "OFF-R"),
        (GO4VISA_STUDY, "OFF-Q"),
    ),
    _c("R-STU-5", "Remote foreign work outside the off-campus limit", (OFFCAMPUS, "OFF-Q")),
    _c(
        "R-STU-7",
        "Co-op work authorization",
        (
            "https://www.immigratic.com/blog/ircc-eliminates-separate-co-op-work-permit-requirement-for-eligible-international-post-secondary-students",
            "3P",
        ),
    ),
    _c("R-OFFC-1", "Off-campus cap 20 h (to 14 Nov 2022)", (GAZETTE_I, "OFF-R")),
    _c(
        "R-OFFC-2",
        "No cap for eligible students 15 Nov 2022 - 31 Dec 2023",
        ("https://gaimmigrationlawyers.com/guberman-appleby-update-10-october/", "3P"),
    ),
    _c(
        "R-OFFC-3",
        "Waiver extended to 30 Apr 2024",
        ("https://immigrationmatters.info/extended-temporary-policies-for-students", "3P DISPUTED"),
    ),
    _c(
        "R-OFFC-4",
        "Cap 20 h again 1 May - 7 Nov 2024",
        (
            "https://www.fragomen.com/insights/canada-end-of-waiver-and-new-rules-for-off-campus-work-hours-for-international-students.html",
            "3P",
        ),
    ),
    _c("R-OFFC-5", "Cap 24 h from 8 Nov 2024", (SOR_2024_219, "OFF-R")),
    _c("R-OFFC-6", "Full time only in regularly scheduled breaks", (OFFCAMPUS, "OFF-Q")),
    _c("R-OFFC-7", "Eligibility to work off campus", (OFFCAMPUS, "OFF-Q")),
    _c("R-OFFC-8", "The weekly off-campus test", (OFFCAMPUS, "OFF-Q"), (SOR_2024_219, "OFF-R")),
    _c(
        "R-SKILL-1",
        "Skilled = TEER 0-3 (NOC 2021) from 16 Nov 2022",
        (FSW_PDI, "OFF-R"),
        (Q377, "OFF-R"),
    ),
    _c("R-SKILL-2", "Lead statement and most main duties performed", (CEC, "OFF-Q")),
    _c("R-SKILL-4", "Duties, not the title, decide the NOC", (MEHFOOZ, "JUR")),
    _c("R-PAID-1", "Work means paid work", (TRPR, "SEED"), (MI_AMEND, "OFF-Q")),
    _c(
        "R-PAID-2",
        "Volunteer work and unpaid internships do not count",
        ("https://qazilawchamber.com/?p=2851", "OFF-Q"),
    ),
    _c("R-PAID-3", "Payment in kind is not wages", (TRPR, "SEED UNC")),
    _c("R-PAID-4", "Stipends and scholarships [UNC]", (GO4VISA_STUDY, "3P UNC")),
    _c("R-AUTH-1", "Canadian experience must be authorized", (Q377, "OFF-R")),
    _c("R-AUTH-2", "Employer-specific permits name the employer", (TRPR, "SEED")),
    _c("R-AUTH-3", "Maintained status", ("https://cicnews.com/?p=29880", "3P")),
    _c("R-AUTH-4", "Working while a PGWP application is pending (186(w))", (PGWP_PDI, "SEED")),
    _c("R-PGWP-1", "Program of 8 months or more", (PGWP_PDI, "SEED")),
    _c("R-PGWP-2", "Full time in every session but the last", (PGWP_PDI, "SEED")),
    _c("R-PGWP-3", "Distance learning", (PGWP_PDI, "SEED")),
    _c("R-PGWP-4", "Apply within 180 days of completion", (PGWP_PDI, "SEED")),
    _c("R-PGWP-5", "One PGWP per lifetime", (PGWP_PDI, "SEED")),
    _c(
        "R-PGWP-9",
        "No PGWP applications at the border from 21 Jun 2024",
        ("https://borderslawfirm.com/canada-ends-post-graduation-work-permit-flagpoling/", "3P"),
    ),
    _c(
        "R-PGWP-10",
        "PGWP language requirement from 1 Nov 2024",
        (
            "https://www.mondaq.com/canada/general-immigration/1527576/ircc-clarifies-new-language-and-study-requirements-and-other-eligibility-criteria-for-postgraduation-work-permits",
            "3P",
        ),
    ),
    _c("R-PAY-1", "Pay stubs support the letter", (EE_DOCS, "OFF-Q")),
    _c("R-PAY-2", "T4 slips match the period", (EE_DOCS_Q, "OFF-Q")),
    _c("R-PAY-3", "Employer identity consistent across documents", (MEHFOOZ, "JUR")),
    _c("R-PAY-4", "Salary consistent across documents [tool policy]", (EE_DOCS, "UNC")),
    _c("R-PAY-6", "Canadian stubs without statutory deductions [heuristic]", (EE_DOCS, "UNC")),
    _c("R-FLAG-1", "Duties copied from the NOC text", (MEHFOOZ, "JUR")),
    _c("R-FLAG-3", "Names, addresses, signatories inconsistent [heuristic]", (MEHFOOZ, "JUR")),
    _c("R-FLAG-4", "Gaps and overlaps between positions", (MI_EXCESS, "OFF-Q")),
    _c("R-FLAG-5", "Free-mail domain, no company contact", (EE_DOCS_Q, "OFF-Q")),
    _c("R-FLAG-7", "Dates conflict across documents", (EE_DOCS_Q, "OFF-Q")),
    _c("R-FLAG-8", "Title or TEER inflation", (MEHFOOZ, "JUR")),
    _c(
        "R-DOC-1",
        "Translation package for other languages",
        (
            "https://canadavisa.com/canada-immigration-discussion-board/goto/post?id=7391337",
            "OFF-Q",
        ),
    ),
    _c(
        "R-DOC-2",
        "No translations by family members",
        ("https://isaev.ca/blog/ircc-translation-requirements-a-complete-guide", "OFF-Q 3P"),
    ),
    _c("R-DOC-4", "Language results under 2 years old", (MI_AMEND, "OFF-Q")),
    _c("R-DOC-6", "Age of the current-job letter [UNC]", (EE_DOCS, "UNC")),
    _c(
        "R-DOC-7",
        "Signatures",
        ("https://acquahimmigration.com/2020/02/26/employment-letter-for-express-entry", "3P UNC"),
    ),
    _c(
        "R-DOC-8",
        "Legible, complete scans",
        (
            "https://www.lighthouseimmigrationlaw.com/post/what-to-include-in-a-complete-application-for-permanent-residence-under-express-entry",
            "3P",
        ),
    ),
]

CITATIONS: dict[str, Citation] = {c.id: c for c in _ALL}
