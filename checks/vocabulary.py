"""The checks' vocabularies: programs, the evidence kinds of documents, relationships, pay
periods, study and permit types. How a file was read and why it could not be are the readers' own
(`extractors.models.ReadMethod`, `ErrorKind`), imported where needed, not copied here."""

from __future__ import annotations

from enum import StrEnum


class Program(StrEnum):
    CEC = "CEC"
    FSW = "FSW"
    FST = "FST"
    CRS = "CRS"
    CBS = "CBS"
    SP = "SP"
    PGWP = "PGWP"


class DocKind(StrEnum):
    REFERENCE_LETTER = "reference_letter"
    CONTRACT = "contract"
    PAY_STUB = "pay_stub"
    T4 = "t4"
    T4A = "t4a"
    NOA = "noa"
    BANK_STATEMENT = "bank_statement"
    WORK_PERMIT = "work_permit"
    STUDY_PERMIT = "study_permit"
    TRANSCRIPT = "transcript"
    ENROLMENT_LETTER = "enrolment_letter"
    COMPLETION_LETTER = "completion_letter"
    TRANSLATION = "translation"
    AFFIDAVIT = "affidavit"
    BUSINESS_REGISTRATION = "business_registration"
    INVOICE = "invoice"
    CLIENT_LETTER = "client_letter"
    EXPLANATION_LETTER = "explanation_letter"  # LOE
    TAX_SLIP = "tax_slip"  # a tax slip whose type (T4, T4A, NOA) was not read
    OTHER = "other"


class Relationship(StrEnum):
    EMPLOYEE = "employee"
    CONTRACTOR = "contractor"
    CONSULTANT = "consultant"
    INTERN = "intern"
    UNPAID_INTERN = "unpaid_intern"
    VOLUNTEER = "volunteer"
    SELF_EMPLOYED = "self_employed"


class SelfEmploymentSignal(StrEnum):
    """R-SELF-3 indicators (`no_statutory_deductions` and `t4a_fees` are also derived by the checks
    from pay records and tax slips)."""

    T4A_FEES = "t4a_fees"
    INVOICES_BY_APPLICANT = "invoices_by_applicant"
    GST_HST_NUMBER = "gst_hst_number"
    NO_STATUTORY_DEDUCTIONS = "no_statutory_deductions"
    CONTRACTOR_CONTRACT = "contractor_contract"
    SUBCONTRACTING_ALLOWED = "subcontracting_allowed"
    TOOLS_BY_WORKER = "tools_by_worker"
    PAYEE_OWN_COMPANY = "payee_own_company"


class PayPeriod(StrEnum):
    HOUR = "hour"
    WEEK = "week"
    BIWEEK = "biweek"
    SEMIMONTH = "semimonth"
    MONTH = "month"
    YEAR = "year"


class PayKind(StrEnum):
    WAGE = "wage"
    COMMISSION = "commission"
    STIPEND = "stipend"
    IN_KIND = "in_kind"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"  # "March 2021": R-LTR-8 credits conservatively


class SignatoryRelation(StrEnum):
    SUPERVISOR = "supervisor"
    HR = "hr"
    OTHER = "other"
    SELF = "self"  # the applicant or the applicant's own company


class SignatureKind(StrEnum):
    NONE = "none"
    WET = "wet"
    DIGITAL = "digital"
    TYPED = "typed"


class Deduction(StrEnum):
    INCOME_TAX = "income_tax"
    CPP = "cpp"
    QPP = "qpp"
    EI = "ei"
    OTHER_STATUTORY = "other_statutory"  # foreign equivalents
    OTHER = "other"


class StudyStatus(StrEnum):
    FULL_TIME = "full_time"
    PART_TIME = "part_time"


class Delivery(StrEnum):
    IN_PERSON = "in_person"
    DISTANCE = "distance"


class Credential(StrEnum):
    UNIVERSITY_DEGREE = "university_degree"  # bachelor's, master's, doctorate at a university
    COLLEGE = "college"
    OTHER = "other"


class PermitType(StrEnum):
    STUDY = "study"
    WORK_OPEN = "work_open"
    WORK_EMPLOYER_SPECIFIC = "work_employer_specific"
    PGWP = "pgwp"
    COOP = "coop"
