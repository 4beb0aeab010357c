"""An original in a language IRCC does not read, beside its certified translation: one position,
stated by both (own words; real extraction, parsing and checks)."""

from __future__ import annotations

import datetime as dt

from pipeline.audit import AuditOptions, audit

ORIGINAL = """Serra Azul Logística Ltda.
CNPJ 41.882.310/0001-07 · Av. Boa Viagem, 2210 – Recife/PE – CEP 51020-000 · (81) 3555-0110

Recife, 10 de julho de 2025.

DECLARAÇÃO

Declaramos, para os devidos fins, que a Sra. MARINA COSTA LIMA, CPF 041.220.318-55, é
funcionária desta empresa desde 01/04/2019, no cargo de Analista de Logística, com jornada
de 44 horas semanais e salário mensal de R$ 7.400,00. Suas atribuições são:
- analisar custos de frete e propor rotas de distribuição;
- acompanhar indicadores de estoque e prazos de entrega dos fornecedores;
- elaborar relatórios mensais de desempenho logístico para a diretoria.

Atenciosamente,
Paulo Henrique Dantas
Gerente de Recursos Humanos
"""

TRANSLATION = """RENATA FIGUEIRA, Certified Translator (Portuguese → English)
112 Carlaw Avenue · Toronto ON M4M 2R7 · 416-555-0172 · rf.translations@mail.example

CERTIFIED TRANSLATION

[Letterhead: Serra Azul Logística Ltda. · CNPJ 41.882.310/0001-07 · Av. Boa Viagem, 2210 –
Recife/PE – CEP 51020-000 · (81) 3555-0110]

Recife, July 10, 2025.

DECLARATION

We declare, for all due purposes, that Ms. MARINA COSTA LIMA, CPF 041.220.318-55, has been an
employee of this company since 01/04/2019 [April 1, 2019], in the position of Analista de
Logística [Logistics Analyst], working 44 hours per week, with a monthly salary of R$ 7,400.00
[BRL 7,400.00] per month. Her duties are:
- analysing freight costs and proposing distribution routes;
- monitoring inventory indicators and suppliers' delivery times;
- preparing monthly logistics performance reports for management.

Sincerely,
Paulo Henrique Dantas
Human Resources Manager

I, Renata Figueira, certify that the above is a true translation of the attached document.
"""


def test_an_original_and_its_translation_state_one_foreign_position(tmp_path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "declaracao.txt").write_text(ORIGINAL, encoding="utf-8")
    (folder / "declaration_translation.txt").write_text(TRANSLATION, encoding="utf-8")
    report = audit(AuditOptions(folder=folder, jobs=1, use_cache=False, as_of=dt.date(2025, 9, 1)))
    (employment,) = report.employments
    (position,) = employment.positions
    assert set(position.sources) == {"declaration_translation.txt", "declaracao.txt"}
    assert employment.country == "BR"
    assert (position.pay.amount, position.pay.period) == (7400, "month")  # "[BRL ...] per month"
    # Foreign work: CEC does not apply (the original alone, its place unread, left it undecided).
    assert report.experience["cec"].status == "not_met"
    texts = [f.message for f in report.findings if f.slug == "letter.missing_contact"]
    assert not any("declaration_translation.txt" in t for t in texts)  # the footer note's phone
