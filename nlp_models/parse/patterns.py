"""The parser's vocabulary: legal-name suffixes, institution words, honorifics and the cue
phrases that tell document kinds apart. These lists are the model: versioned here, read by the
spaCy pipeline (pipeline.py) and the field parsers.
"""

from __future__ import annotations

import re

# Legal-form suffixes as companies write them in Canada, the US, India, the Philippines,
# Nigeria, Brazil, France and elsewhere (matched case-insensitively, token by token).
ORG_SUFFIXES: tuple[str, ...] = (
    "Inc.", "Inc", "Incorporated", "Ltd.", "Ltd", "Limited", "LLC", "L.L.C.", "LLP", "L.L.P.",
    "LP", "Corp.", "Corp", "Corporation", "Co.", "Company", "Pvt. Ltd.", "Pvt Ltd", "Pvt. Ltd",
    "Private Limited", "P. Ltd.", "PLC", "Plc", "S.A.", "SA", "S.A.S.", "SAS", "SARL", "S.A.R.L.",
    "S.R.L.", "SRL", "S.p.A.", "SpA", "GmbH", "AG", "KG", "B.V.", "BV", "N.V.", "NV", "Pty Ltd",
    "Pty. Ltd.", "Ltée", "Ltee", "ltée", "inc.", "Enr.", "enr.", "S.E.N.C.", "Ltda.", "Ltda",
    "S/A", "EIRELI", "ME", "Sdn Bhd", "Sdn. Bhd.", "Bhd", "K.K.", "Oy", "AB", "A/S", "ULC",
    "Cooperative", "Co-operative", "Coop", "Foundation", "Society", "Trust", "Group",
    "S.A. de C.V.", "S. de R.L. de C.V.", "S.A.B. de C.V.", "Ltda. ME", "e.K.", "GmbH & Co. KG",
    "UG", "S.L.", "SL", "S.A.U.", "Pte. Ltd.", "Pte Ltd", "Co., Ltd.", "Co., Ltd", "Co. Ltd.",
)  # fmt: skip

# Head words of institutions and organisations that often carry no legal suffix.
INSTITUTION_HEADS: tuple[str, ...] = (
    "College", "University", "Polytechnic", "Institute", "Institut", "School", "Academy",
    "Université", "Universite", "Collège", "Cégep", "Cegep", "École", "Ecole", "Hospital",
    "Clinic", "Centre", "Center", "Bank", "Banque", "Credit Union", "Caisse", "Ministry",
    "Department", "Agency", "Council", "Board", "Authority", "Hôpital", "Clinique",
    # Small businesses sign without a legal form ("Little Fern Coffee House"): what they are.
    "Coffee House", "Café", "Cafe", "Restaurant", "Bakery", "Bistro", "Diner", "Pub", "Salon",
    "Orchards", "Fisheries", "Dairy", "Greenhouses", "Pharmacy", "Garage", "Hotel", "Motel",
    "Lodge", "Grocery", "Boutique", "Daycare", "Kennels", "Landscaping", "Catering",
)  # fmt: skip

HONORIFICS: tuple[str, ...] = (
    "Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Miss", "Mx.", "Dr.", "Dr", "Prof.", "Engr.",
    "Atty.", "Mme", "Mme.", "M.", "Mlle", "Monsieur", "Madame", "Mademoiselle", "Sr.", "Sra.",
    "Shri", "Smt.", "Smt", "Sri",
)  # fmt: skip

# Cue phrases per document kind with a weight: titles and phrases particular to a kind weigh
# 3, supporting words 1. Matched on lower-cased tokens.
KIND_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "reference_letter": (
        ("to whom it may concern", 3), ("employment verification", 3), ("reference letter", 1),
        ("letter of reference", 3), ("experience letter", 3), ("employment certificate", 3),
        ("certificate of employment", 3), ("service certificate", 3), ("this is to certify", 2),
        ("this letter confirms", 3), ("has been employed", 2), ("was employed", 2),
        ("main duties", 2), ("main responsibilities", 2), ("duties include", 2),
        ("responsibilities include", 2), ("sincerely", 1), ("yours faithfully", 1),
        ("yours truly", 1), ("attestation d'emploi", 3), ("attestation de travail", 3),
        ("certificat de travail", 3), ("nous attestons", 3), ("à l'emploi de", 2),
        ("principales tâches", 2), ("madame, monsieur", 1), ("salutations distinguées", 1),
        ("hours per week", 1), ("heures par semaine", 1), ("currently holds the position", 2),
        ("relieving letter", 2), ("dear sir or madam", 1), ("letter of employment", 3),
        ("employment letter", 3), ("employment confirmation", 3),
        ("confirmation of employment", 3), ("we confirm that", 2), ("to confirm that", 2),
        ("kind regards", 1), ("best regards", 1), ("character reference", 3),
        ("letter of recommendation", 3), ("work experience certificate", 3),
        ("constancia de trabajo", 3), ("constancia laboral", 3), ("declaração", 2),
        ("arbeitsbescheinigung", 3), ("arbeitszeugnis", 3), ("to whom this may concern", 3),
        ("verified by", 2), ("certified by", 2), ("authorized signatory", 2),
        ("i am writing", 2), ("we are writing", 2), ("writing to confirm", 2),
        ("authorised signatory", 2),
    ),
    "offer_letter": (
        ("offer letter", 4), ("letter of offer", 4), ("offer of employment", 3),
        ("pleased to offer you", 4), ("we are pleased to offer", 4), ("job offer", 3),
        ("accept this offer", 3), ("acceptance of offer", 3), ("your start date", 2),
        ("offre d'emploi", 4), ("lettre d'offre", 4),
        # An appointment letter (India, the Gulf, Commonwealth employers) is the offer by
        # another name: terms of a job to accept, countersigned by the employee.
        ("letter of appointment", 4), ("appointment letter", 4), ("pleased to appoint you", 4),
        ("token of your acceptance", 3), ("sign the duplicate copy", 3),
    ),
    "contract": (
        ("employment agreement", 3), ("employment contract", 3), ("contract of employment", 3),
        ("independent contractor agreement", 4),
        ("consulting agreement", 3), ("services agreement", 3), ("internship agreement", 3),
        ("volunteer agreement", 3), ("contrat de travail", 3), ("this agreement", 2),
        ("the parties", 1), ("hereby agree", 2), ("terms and conditions", 1),
        ("probation period", 1), ("termination", 1), ("governing law", 2),
        ("signed for the employer", 2), ("entre les soussignés", 3), ("le présent contrat", 3),
    ),
    "pay_stub": (
        ("earnings statement", 4), ("pay stub", 3), ("pay statement", 3), ("payslip", 4),
        ("pay slip", 4), ("salary slip", 4), ("pay history", 3), ("statement of earnings", 4),
        ("net pay", 2), ("gross pay", 2), ("year to date", 1), ("ytd", 1), ("pay date", 2),
        ("pay period", 2), ("period start", 1), ("period end", 1), ("cpp", 1), ("ei premiums", 1),
        ("income tax", 1), ("deductions", 1), ("bulletin de paie", 4), ("relevé de paie", 4),
        ("talon de paie", 4), ("salaire net", 2), ("salaire brut", 1), ("net à payer", 2),
        ("take home pay", 2), ("basic salary", 1), ("provident fund", 1),
    ),
    "transcript": (
        ("official transcript", 4), ("academic transcript", 4), ("transcript of records", 4),
        ("academic record", 3), ("relevé de notes", 4), ("student number", 2),
        ("student id", 2), ("cumulative gpa", 3), ("term gpa", 2), ("gpa", 1), ("credits", 1),
        ("registrar", 1), ("grade point", 2), ("bulletin officiel", 3),
    ),
    "enrolment_or_completion_letter": (
        ("enrolment letter", 4), ("enrollment letter", 4), ("letter of enrolment", 4),
        ("letter of enrollment", 4), ("confirmation of enrolment", 4),
        ("confirmation of enrollment", 4), ("proof of enrolment", 4), ("completion letter", 4),
        ("letter of completion", 4), ("confirmation of completion", 4),
        ("is enrolled", 3), ("is registered as a full-time student", 4),
        ("is a full-time student", 3), ("was a full-time student", 3),
        ("has completed all the requirements", 4), ("has successfully completed", 3),
        ("eligible to graduate", 3), ("attestation d'inscription", 4),
        ("attestation de fin d'études", 4), ("est inscrit", 3), ("est inscrite", 3),
        ("a complété", 2), ("academic session", 1), ("scheduled break", 2),
    ),
    "study_permit": (
        ("study permit", 1.5), ("permis d'études", 1.5), ("student", 0.5),
        ("designated learning institution", 2), ("dli", 1), ("may work off campus", 2),
        ("may accept employment on or off campus", 3), ("expiry date", 2),
        ("date of issue", 1), ("unique client identifier", 2), ("conditions", 1),
    ),
    "work_permit": (
        ("work permit", 1.5), ("permis de travail", 1.5), ("open work permit", 3),
        ("post-graduation work permit", 3), ("employer-specific", 2),
        ("not valid for employment", 1),
        ("occupation", 1), ("employer:", 1), ("immigration, refugees and citizenship", 2),
        ("unique client identifier", 2), ("uci", 1), ("conditions", 1), ("expiry date", 2),
        ("date of issue", 1), ("date d'expiration", 2), ("document number", 1),
    ),
    "invoice": (
        ("invoice", 4), ("facture", 4), ("bill to", 3), ("billed to", 3), ("amount due", 3),
        ("invoice number", 3), ("invoice no", 3), ("due date", 2), ("subtotal", 2),
        ("gst/hst", 2), ("hst", 1), ("gst", 1), ("tps", 1), ("tvq", 1), ("remit payment", 2),
        ("professional services", 1), ("montant dû", 3),
    ),
    "tax_slip": (
        ("statement of remuneration paid", 5), ("t4", 3), ("t4a", 3), ("notice of assessment", 5),
        ("avis de cotisation", 5), ("employment income", 2), ("box 14", 3), ("case 14", 3),
        ("fees for services", 2), ("canada revenue agency", 2), ("agence du revenu", 2),
        ("tax year", 1), ("total income", 1), ("état de la rémunération payée", 5),
        ("province of employment", 2), ("relevé 1", 3),
    ),
    "bank_statement": (
        ("bank statement", 4), ("account statement", 4), ("statement of account", 4),
        ("relevé de compte", 4), ("relevé bancaire", 4), ("opening balance", 3),
        ("closing balance", 3), ("account number", 1), ("withdrawals", 2), ("deposits", 2),
        ("balance forward", 2), ("solde d'ouverture", 3), ("solde de clôture", 3),
        ("chequing", 1), ("savings account", 1), ("transit", 1), ("payroll deposit", 1),
    ),
}  # fmt: skip


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


# Families of payroll vocabulary (lower case) in English, French, German, Spanish, Portuguese,
# and the statutory deductions of the countries our applicants work in. A pay statement names
# several families; a letter that mentions a salary names one.
PAY_FAMILIES: dict[str, re.Pattern[str]] = {
    "gross": _words(
        r"gross(?:\s+(?:pay|earnings|salary|wages))?", r"total\s+earnings", r"salaire\s+brut",
        r"brut", r"(?:gesamt)?brutto", r"bruto", r"total\s+(?:de\s+)?percepciones",
        r"percepciones", r"proventos", r"vencimentos", r"gesamtbrutto",
    ),
    "net": _words(
        r"net\s+(?:pay|amount|salary|à\s+payer|pay(?:able)?)", r"take[\s-]+home", r"netto",
        r"auszahlungsbetrag", r"neto(?:\s+a\s+pagar)?", r"l[íi]quido", r"salaire\s+net",
    ),
    "deductions": _words(
        r"deductions?", r"retenues", r"abz[üu]ge", r"deducciones", r"descontos",
        r"total\s+deductions",
    ),
    "statutory": _words(
        r"cpp", r"qpp", r"rrq", r"ei", r"ae", r"rqap", r"qpip", r"income\s+tax", r"paye", r"tds",
        r"national\s+insurance", r"provident\s+fund", r"professional\s+tax", r"lohnsteuer",
        r"solidarit[äa]tszuschlag", r"rentenversicherung", r"krankenversicherung", r"isr",
        r"imss", r"inss", r"irrf", r"fgts", r"sss", r"philhealth", r"pag-ibig", r"pension",
        r"social\s+insurance", r"iit", r"impôt", r"imp[oô]t\s+sur\s+le\s+revenu",
        r"withholding\s+tax",
    ),
    "period": _words(
        r"pay\s+(?:period|date)", r"period\s+(?:beginning|ending|start|end)",
        r"abrechnungszeitraum", r"p[ée]riode\s+de\s+paie", r"fecha\s+de\s+pago", r"periodo",
        r"per[íi]odo", r"payroll\s+(?:record|period|month)", r"for\s+the\s+month\s+of",
        r"paid\s+days", r"d[íi]as\s+pagados",
    ),
    "earnings": _words(
        r"earnings", r"bez[üu]ge", r"gains", r"basic\s+(?:salary|pay)", r"base\s+salary",
        r"regular(?:\s+pay)?", r"gehalt", r"sueldo", r"sal[áa]rio\s+base", r"allowances?",
        r"overtime", r"vacation\s+pay", r"ytd", r"year\s+to\s+date",
    ),
}  # fmt: skip

# Field labels of an HR system's employment record (lower case).
RECORD_LABELS: tuple[re.Pattern[str], ...] = (
    _words(
        r"(?:original\s+)?hire\s+date",
        r"date\s+of\s+(?:hire|joining)",
        r"date\s+hired",
        r"entry\s+date",
        r"date\s+of\s+entry",
    ),
    _words(r"job\s+(?:profile|code|history|title)", r"position\s+(?:title|history)"),
    _words(
        r"worker\s+(?:type|status)",
        r"employee\s+(?:type|status)",
        r"employment\s+(?:status|type)",
        r"contract\s+type",
    ),
    _words(
        r"time\s+type",
        r"fte",
        r"standard\s+(?:weekly\s+)?hours",
        r"std\s+hrs",
        r"wkly\s+hrs",
        r"scheduled\s+hours",
    ),
    _words(
        r"(?:employment|work|job|salary|compensation)(?:\s+&\s+\w+)?\s+history",
        r"service\s+record",
        r"employee\s+record",
        r"personnel\s+(?:no|number|file|record)",
    ),
    _words(
        r"legal\s+employer",
        r"org(?:anisation|anization|\.)?\s+unit",
        r"cost\s+cent(?:re|er)",
        r"company\s+code",
    ),
    _words(
        r"termination\s+date",
        r"last\s+day\s+worked",
        r"effective\s+date",
        r"exit\s+date",
        r"valid\s+(?:from|to)",
    ),
    _words(r"annual\s+base(?:\s+pay)?", r"base\s+pay", r"pay\s+(?:grade|rate|frequency)", r"grade"),
)

# An e-mail address in angle brackets: the sender or recipient line of a printed e-mail.
ANGLE_ADDRESS = re.compile(r"<[^<>@\s]+@[^<>\s]+>")
