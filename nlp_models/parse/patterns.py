"""The parser's vocabulary: legal-name suffixes, institution words, honorifics and the cue
phrases that tell document kinds apart. These lists are the model: versioned here, read by the
spaCy pipeline (pipeline.py) and the field parsers.
"""

from __future__ import annotations

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
)  # fmt: skip

# Head words of institutions and organisations that often carry no legal suffix.
INSTITUTION_HEADS: tuple[str, ...] = (
    "College", "University", "Polytechnic", "Institute", "Institut", "School", "Academy",
    "Université", "Universite", "Collège", "Cégep", "Cegep", "École", "Ecole", "Hospital",
    "Clinic", "Centre", "Center", "Bank", "Banque", "Credit Union", "Caisse", "Ministry",
    "Department", "Agency", "Council", "Board", "Authority", "Hôpital", "Clinique",
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
        ("relieving letter", 2), ("dear sir or madam", 1),
    ),
    "contract": (
        ("employment agreement", 3), ("employment contract", 3), ("contract of employment", 3),
        ("offer of employment", 2), ("independent contractor agreement", 4),
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
