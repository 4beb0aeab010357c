"""Money in many currencies and digit groupings, with the pay period."""

from decimal import Decimal

import pytest

from nlp_models.normalize import annual_amount, find_money, parse_money

# text, country, amount, currency, period, assumed
CASES = [
    ("9,60,000", None, "960000", None, None, False),
    ("R$ 12.500,00", None, "12500.00", "BRL", None, False),
    ("58 500 $", "CA", "58500", "CAD", None, True),
    ("₦ 450,000", None, "450000", "NGN", None, False),
    ("$72,000 per year", "CA", "72000", "CAD", "year", True),
    ("$72,000 per year", "US", "72000", "USD", "year", True),
    ("CAD 28.50/hour", None, "28.50", "CAD", "hour", False),
    ("Rs. 9,60,000 per annum", None, "960000", "INR", "year", True),
    ("Rs. 9,60,000 per annum", "PK", "960000", "PKR", "year", True),
    ("€3.200 brut par mois", None, "3200", "EUR", "month", False),
    ("annual salary of $85,000 CAD", None, "85000", "CAD", "year", False),
    ("58 500 $ CA par année", None, "58500", "CAD", "year", False),
    ("3O,OOO USD", None, "30000", "USD", None, False),
    ("salary of 72,000 per year", None, "72000", None, "year", False),
    ("12 LPA", None, "1200000", "INR", "year", True),
    ("$65K/yr", "US", "65000", "USD", "year", True),
    ("Hourly rate: $28.50", "CA", "28.50", "CAD", "hour", True),
    ("1.250,50 EUR monthly gross", None, "1250.50", "EUR", "month", False),
    ("KWD 1.250", None, "1.250", "KWD", None, False),
    ("paid 2,500 dirhams per month", "AE", "2500", "AED", "month", True),
    ("¥4,500,000 per year", "JP", "4500000", "JPY", "year", True),
    ("US$ 3,000 biweekly", None, "3000", "USD", "biweekly", False),
    ("$2,000 semi-monthly", "CA", "2000", "CAD", "semimonthly", True),
    ("£30,000 p.a.", None, "30000", "GBP", "year", False),
    ("₱25,000 a month", None, "25000", "PHP", "month", False),
    ("1 250,75 € par mois", None, "1250.75", "EUR", "month", False),
    ("CHF 1'250.50 per week", None, "1250.50", "CHF", "week", False),
    ("$18.75 an hour", "CA", "18.75", "CAD", "hour", True),
]


@pytest.mark.parametrize(("text", "country", "amount", "currency", "period", "assumed"), CASES)
def test_parse_money_corpus(
    text: str,
    country: str | None,
    amount: str,
    currency: str | None,
    period: str | None,
    assumed: bool,
) -> None:
    got = parse_money(text, country=country)
    assert got is not None
    assert got.amount == Decimal(amount)
    assert (got.currency, got.period, got.currency_assumed) == (currency, period, assumed)
    assert text[got.start : got.end] == got.text


def test_dollar_without_country_is_unresolved() -> None:
    got = parse_money("$72,000")
    assert got is not None and got.currency is None and got.currency_text == "$"


def test_ranges_and_basis() -> None:
    got = parse_money("$20-$25 per hour", country="US")
    assert got is not None
    assert (got.amount, got.amount_max, got.period) == (Decimal(20), Decimal(25), "hour")
    fr = parse_money("20 000 $ à 25 000 $ par année", country="CA")
    assert fr is not None and (fr.amount, fr.amount_max) == (Decimal(20000), Decimal(25000))
    brut = parse_money("€3.200 brut par mois")
    assert brut is not None and brut.basis == "gross"


def test_hours_are_not_money() -> None:
    assert parse_money("40 hours per week") is None


def test_find_money_in_letter() -> None:
    text = (
        "Her annual salary is $72,000 per year, plus benefits. "
        "Before 2019 she earned $24.50 per hour for 40 hours a week."
    )
    found = find_money(text, country="CA")
    assert [(m.text, m.amount, m.period) for m in found] == [
        ("$72,000 per year", Decimal(72000), "year"),
        ("$24.50 per hour", Decimal("24.50"), "hour"),
    ]


def test_annual_amount() -> None:
    hourly = parse_money("$25 per hour", country="CA")
    monthly = parse_money("€3.200 par mois")
    assert hourly is not None and monthly is not None
    assert annual_amount(hourly, hours_per_week=40) == Decimal(52000)
    assert annual_amount(hourly) is None
    assert annual_amount(monthly) == Decimal("38400.0")


def test_a_translators_note_between_an_amount_and_its_period() -> None:
    (m,) = find_money("receives a salary of R$ 9,800.00 [BRL 9,800.00] per month, plus benefits")
    assert (m.amount, m.currency, m.period) == (9800, "BRL", "month")
