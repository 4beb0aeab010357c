"""General cues of letters written elsewhere, in our own words: where remote work is done, a
signatory's name with OCR debris and an all-caps honorific, a letterhead on a tower and a loop."""

from __future__ import annotations

from nlp_models.parse import parse_document
from tests.nlp_models.parse_helpers import text_doc

REMOTE = """Cobalt Harbor Analytics LLC
4410 Meridian Avenue, Suite 210, Denver, CO 80205 · (303) 555-0133

April 2, 2025

To whom it may concern,

Cobalt Harbor Analytics LLC confirms that Ines Duarte has been employed with us as a
Data Visualization Developer since 01/09/2023. She works remotely from Halifax, Nova Scotia,
Canada, 25 hours per week, and is paid USD 41.00 per hour.

Sincerely,
Mark Ellery
Head of Engineering
"""

SCAN = """14/F Lumina Tower, 21 Quirino Loop
PACIFIC CREST OUTSOURCING, INC. Davao City 8000
CERTIFICATE OF EMPLOYMENT
This certifies that MR. PAOLO REYES was employed by Pacific Crest Outsourcing, Inc. as
Customer Care Associate from June 1, 2020 up to March 31, 2024, 40 hours per week.
Given this 5th day of April 2024 at Davao City, Philippines.
DR. ANA LUISA VERGARA ”)
Human Resources Manager
hr@pacificcrest.example | (082) 555-0147
"""


def test_work_done_remotely_from_a_place_is_that_place() -> None:
    (p,) = parse_document(text_doc(REMOTE)).fields.positions
    assert p.remote.value is True
    assert p.work_location.value == "Halifax, Nova Scotia"


def test_a_scanned_certificate_keeps_its_signatory_and_letterhead() -> None:
    fields = parse_document(text_doc(SCAN)).fields
    assert fields.signatory.name.value == "DR. ANA LUISA VERGARA"
    assert fields.signatory.title.value == "Human Resources Manager"
    assert fields.letterhead is True


TWO_ROLES = """Northgate Dental Group Ltd.
310 Portage Avenue, Winnipeg, MB R3C 0C4 · 204-555-0119

March 12, 2025

To whom it may concern,

Sofia Lindqvist has worked for Northgate Dental Group Ltd. as a Dental Receptionist from
May 6, 2019 to June 30, 2021 and as Office Manager since July 1, 2021, 37.5 hours per week.

As Office Manager, Ms. Lindqvist:
Supervises four receptionists and schedules their shifts.
Prepares the monthly billing reconciliation for the three clinics.
Negotiates supply contracts with dental distributors.
In her role as Dental Receptionist, she:
Booked patient appointments and confirmed them by phone.
Collected payments and submitted insurance claims.

Sincerely,
Paul Okafor
Managing Dentist
"""


def test_a_list_introduced_by_the_position_holds_its_duties() -> None:
    positions = parse_document(text_doc(TWO_ROLES)).fields.positions
    duties = {p.title.value: [d.value.split()[0] for d in p.duties] for p in positions}
    assert duties == {
        "Dental Receptionist": ["Booked", "Collected"],
        "Office Manager": ["Supervises", "Prepares", "Negotiates"],
    }


FOOTER = """12 May 2025

To whom it may concern,

Priya Raman worked for Kestrel Bay Logistics Limited as an Import Coordinator from 3 June 2019
to 28 March 2025, 37.5 hours per week, at a salary of GBP 31,200 a year.

Yours faithfully,
Owen Pritchard
Head of People
Kestrel Bay Logistics Limited
Registered office: 8 Canal Wharf, Leeds LS11 5QF · Registered in England, company no 09127734
"""

SIGNATURE_ONLY = FOOTER.rsplit("Registered office", 1)[0] + "8 Canal Wharf, Leeds LS11 5QF\n"


def test_stationery_at_the_foot_of_the_page_is_a_letterhead() -> None:
    assert parse_document(text_doc(FOOTER)).fields.letterhead is True


def test_a_signature_block_with_the_street_is_not_a_letterhead() -> None:
    assert parse_document(text_doc(SIGNATURE_ONLY)).fields.letterhead is False


# A logo and the name at the head, the contact details at the foot; a phone offered in the body.
HEAD_AND_FOOT = """Mercer Lane Conveyors Ltd.

9 June 2025

To whom it may concern,

This is to confirm that Dale Okafor has been a full-time Maintenance Planner with Mercer Lane
Conveyors Ltd. since 2 March 2021, working 40 hours per week. Should you need anything else,
please contact the undersigned on 0113 496 0731.

Yours faithfully,
Ruth Allonby
Operations Director
14 Wharf Approach, Leeds LS1 4BR · 0113 496 0700 · Registered in England and Wales 07761190
"""

# The whole letterhead on one long line, its parts between separators.
ONE_LINE_HEAD = (
    "Sarvam Reliability Labs Pvt. Ltd.  ·  5th Floor, Prestige Meridian, 29 MG Road, "
    "Bengaluru 560001  ·  +91 80 4123 5500\n"
    """12/04/2024
To whom it may concern,
This is to certify that Mr. Kiran Bhat was employed by us as a Reliability Engineer from
01/07/2019 to 31/03/2024, 45 hours a week.
For Sarvam Reliability Labs Pvt. Ltd.
Meera Nair
Manager - Human Resources
"""
)


def test_a_name_at_the_head_and_contacts_at_the_foot_are_a_letterhead() -> None:
    fields = parse_document(text_doc(HEAD_AND_FOOT)).fields
    assert fields.letterhead is True
    # The registration line says England: UK numbers read as UK numbers.
    assert fields.employer.country.value == "GB"
    assert fields.employer.phone.value == "+441134960731"  # offered in the body, first


def test_a_letterhead_on_one_long_line_of_separated_parts() -> None:
    fields = parse_document(text_doc(ONE_LINE_HEAD)).fields
    assert fields.letterhead is True
    assert fields.employer.legal_name.value == "Sarvam Reliability Labs Pvt. Ltd."
    assert fields.employer.phone.value == "+918041235500"


APPOINTMENT = """Tarangini Software Services Pvt. Ltd., Hyderabad 500081

Sub: Letter of Appointment - Data Analyst

Dear Ravi,

We are pleased to appoint you as Data Analyst in our Analytics practice with effect from
15/07/2021, on a cost to company of Rs. 6,00,000 per annum. Your working hours will be 45 hours
a week. Kindly sign the duplicate copy of this letter as a token of your acceptance.

For Tarangini Software Services Pvt. Ltd.
Lakshmi Rao, Head - Talent
"""


def test_an_appointment_letter_is_an_offer_and_its_effect_date_the_start() -> None:
    from datetime import date

    parsed = parse_document(text_doc(APPOINTMENT))
    assert parsed.kind.value == "offer_letter"
    (position,) = parsed.fields.positions
    assert position.start.value == date(2021, 7, 15)
    assert position.hours_per_week.value == 45


PRINTED_EMAIL = """Farah Qureshi
From:\tDevon Marsh <dmarsh@tallpinesdental.example>
Sent:\tMonday, June 2, 2025 10:14 AM
To:\tFarah Qureshi <farah.q@mailbox.example>
Subject:\tRE: Confirmation of employment

Hi Farah,

Happy to confirm: you have been our Dental Hygienist since April 6, 2022, 32 hours per week,
at $48.50 an hour. Let me know if your consultant needs more.

Devon Marsh
Practice Manager
Tall Pines Dental Group Inc.
"""


def test_a_printed_emails_mailbox_owner_is_not_the_employer() -> None:
    # Outlook prints the mailbox owner's name above the headers; "Let me" is no company ("ME"
    # is a Brazilian legal form only in capitals).
    fields = parse_document(text_doc(PRINTED_EMAIL)).fields
    assert fields.employer.legal_name.value == "Tall Pines Dental Group Inc."


TERMS_EMAIL = """From:\tGrace Mwangi <gmwangi@lindenparkvet.example>
Sent:\tThursday, May 8, 2025 3:12 PM
To:\tOwen Tremblay <owen.t@mailbox.example>
Subject:\tRE: hours and pay for my application

Hi Owen,

Confirming for your file: your title is Veterinary Technologist, effective January 6, 2023.
You are permanent full-time, 40 hours per week, and your current rate is $27.40 per hour.

Grace Mwangi
Clinic Administrator, Linden Park Veterinary Hospital Ltd.
"""


def test_an_email_that_states_work_terms_is_an_hr_email() -> None:
    # No "has worked since ..." sentence: the hours and pay it confirms make it one.
    assert parse_document(text_doc(TERMS_EMAIL)).kind.value == "hr_email"


INFORMAL = """May 14, 2025

To anyone it may concern,

I'm writing this for Tomás Iglesias Vidal, who worked with us at Salt Spray Bakery on
Water Street here in Lunenburg, about 32 hours a week at $18.00 an hour. He was one of our
main bakers and opened the shop most mornings.

All the best,
Ruthie
Owner
"""


def test_an_informal_letter_from_a_small_business() -> None:
    # No legal form, a first-name signature, the title in the plural, "writing this for".
    fields = parse_document(text_doc(INFORMAL)).fields
    assert fields.employer.legal_name.value == "Salt Spray Bakery"
    assert (fields.signatory.name.value, fields.signatory.title.value) == ("Ruthie", "Owner")
    assert fields.applicant.value == "Tomás Iglesias Vidal"
    (position,) = fields.positions
    assert position.title.value == "baker"


SUPERVISOR = """July 2, 2025

Dear Immigration Officer,

I am the Kitchen Manager at Birchwood Bistro and I have supervised Oluwadamilare Eze directly
since he joined us. I confirm that he has worked with us as a Line Cook since March 4, 2022,
32 hours per week, at $19.50 an hour.

Kind regards,
Hannah Whitford
Kitchen Manager
"""


def test_the_applicant_named_as_the_person_supervised() -> None:
    fields = parse_document(text_doc(SUPERVISOR)).fields
    assert fields.applicant.value == "Oluwadamilare Eze"


def test_a_labelled_name_without_the_id_beside_it() -> None:
    record = "HR PORTAL | Worker history\nWorker\t: Keanu Palakiko (W-0041277)\nPosition\t: Baker\n"
    fields = parse_document(text_doc(record + SUPERVISOR)).fields
    assert fields.applicant.value == "Keanu Palakiko"


def test_a_signatory_with_credentials_after_the_name() -> None:
    signed = SUPERVISOR.replace("Hannah Whitford\n", "Hannah Whitford, P.Eng.\n")
    fields = parse_document(text_doc(signed)).fields
    assert fields.signatory.name.value == "Hannah Whitford"
    assert fields.signatory.title.value == "Kitchen Manager"


LOWERCASE_ITEMS = """Fraser Valley Dairy Co-operative
1880 Riverside Road, Abbotsford, BC V2S 4N1 · 604-555-0166

August 4, 2025

To whom it may concern,

Mr. Arjun Bhatt has worked for us as a Quality Control Technician since May 1, 2022, 40 hours
per week, at $29.80 per hour. In his position his main duties are to:
test raw milk samples for fat, protein and somatic cell counts
calibrate the milk analysers each morning and log the results
hold and release batches according to the food safety plan
Casual overtime is paid at time and a half.

Sincerely,
Dana Whitlock
Plant Manager
"""


def test_lowercase_items_that_go_on_the_headings_sentence() -> None:
    (p,) = parse_document(text_doc(LOWERCASE_ITEMS)).fields.positions
    assert [d.value for d in p.duties] == [
        "test raw milk samples for fat, protein and somatic cell counts",
        "calibrate the milk analysers each morning and log the results",
        "hold and release batches according to the food safety plan",
    ]
