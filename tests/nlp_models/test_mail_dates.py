"""An e-mail printed to PDF is dated by its header, whatever the mail program (own words)."""

from __future__ import annotations

from datetime import date

import pytest

from nlp_models.parse import parse_document
from tests.nlp_models.parse_helpers import text_doc

WEBMAIL = """Northshore Mail - Fwd: confirmation of employment
1 message
Payroll Team <payroll@northshore-freight.example>       Thu, Mar 6, 2025 at 3:12 PM
To: Amara Osei <amara.osei@mail.example>
Hello Amara,
We confirm that you have worked at Northshore Freight Ltd. as a Dispatcher since 3 January 2022,
37.5 hours per week, at $26.10 per hour.
Kind regards,
Lena Park
Payroll Manager
"""

CLIENT = """From: Human Resources <hr@tallpine.example>
Sent: Monday, 3 March 2025 14:05
To: Jorge Ruiz <jruiz@mail.example>
Subject: Employment confirmation

Dear Jorge,
This is to confirm that you are employed by Tall Pine Outfitters Inc. as a Sales Associate since
May 2, 2023, working 32 hours per week.
Regards,
Dana Wu, HR Generalist
"""

NO_STAMP = """To: Jorge Ruiz <jruiz@mail.example>
Subject: Employment confirmation

Dear Jorge,
This is to confirm that you are employed by Tall Pine Outfitters Inc. as a Sales Associate since
May 2, 2023, working 32 hours per week.
Regards,
Dana Wu, HR Generalist
"""


@pytest.mark.parametrize(
    ("text", "sent"), [(WEBMAIL, date(2025, 3, 6)), (CLIENT, date(2025, 3, 3)), (NO_STAMP, None)]
)
def test_the_sending_date_dates_the_mail(text: str, sent: date | None) -> None:
    fields = parse_document(text_doc(text)).fields
    got = fields.letter_date.value if fields.letter_date else None
    assert got == sent  # never the start date of the job on the recipient's line
