"""Typed results of the value normalisers.

Every result carries the character span (start, end) of the words it was read from, within the
text handed to the normaliser, plus those words verbatim, so a report can quote them.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict


class Matched(BaseModel):
    """Base of every normaliser result: where in the input the value was read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int
    end: int
    text: str


# ---------------------------------------------------------------- dates

DateOrder = Literal["DMY", "MDY", "YMD"]
Precision = Literal["day", "month", "year"]


class DateMatch(Matched):
    """A calendar date. Month- or year-only dates keep `value` on the first day of the period."""

    value: date
    precision: Precision
    numeric: bool
    order: DateOrder | None
    # True when a numeric date could be read both ways and nothing decided the order.
    ambiguous: bool

    @property
    def first_day(self) -> date:
        return self.value

    @property
    def last_day(self) -> date:
        """Last day covered by the date at its precision (31 Dec for a bare year)."""
        if self.precision == "day":
            return self.value
        if self.precision == "year":
            return date(self.value.year, 12, 31)
        last = calendar.monthrange(self.value.year, self.value.month)[1]
        return date(self.value.year, self.value.month, last)


class PresentMatch(Matched):
    """An open end such as "present", "to date", "à ce jour"."""

    lang: Literal["en", "fr"]


class DateRangeMatch(Matched):
    """A period "START to END" where END is a date or an open end ("present")."""

    start_date: DateMatch
    end_date: DateMatch | None
    end_present: PresentMatch | None
    # True when the period has no end date: "to present", or "since May 2022".
    open_end: bool


# ---------------------------------------------------------------- money

PayPeriod = Literal["hour", "day", "week", "biweekly", "semimonthly", "month", "year"]


class MoneyMatch(Matched):
    amount: Decimal
    # Upper end of a stated range ("$20-$25 per hour"); None for a single amount.
    amount_max: Decimal | None
    currency: str | None  # ISO 4217 code
    currency_text: str | None  # the symbol or word as written
    # True when the symbol is shared ("$", "Rs", "¥") and the code came from the country context.
    currency_assumed: bool
    period: PayPeriod | None
    basis: Literal["gross", "net"] | None


# ---------------------------------------------------------------- hours

HoursPeriod = Literal["day", "week", "biweekly", "semimonthly", "month", "year"]
HoursLabel = Literal["full-time", "part-time", "as-required", "on-call", "casual", "variable"]


class HoursMatch(Matched):
    # Hours in `period`; for a range the minimum (R-LTR-7 credits the minimum).
    value: float | None
    min: float | None
    max: float | None
    is_range: bool
    bound: Literal["up_to", "at_least"] | None
    period: HoursPeriod | None
    per_week: float | None
    # "full-time", "as required": words only, no number (R-LTR-7 error).
    text_only: bool
    label: HoursLabel | None
    from_schedule: bool
    days_per_week: float | None
    # Unpaid break per day deducted from a schedule (only when the document states it).
    unpaid_break_hours: float | None


# ---------------------------------------------------------------- places


class PostalCodeMatch(Matched):
    value: str  # "K1A 0B1" (Canada) or "94105" / "94105-1234" (US ZIP)
    country: Literal["CA", "US"]
    region: str | None  # province implied by a Canadian code's first letter


class RegionMatch(Matched):
    code: str  # "ON", "QC", "CA" (California) ...
    country: Literal["CA", "US"]
    name: str  # English name


class CountryMatch(Matched):
    alpha2: str
    alpha3: str
    name: str  # English short name


class AddressMatch(Matched):
    street: str | None
    city: str | None
    region: str | None
    postal_code: str | None
    country: str | None  # ISO alpha-2


# ---------------------------------------------------------------- contacts


class PhoneMatch(Matched):
    e164: str
    region: str | None  # ISO alpha-2 of the number's country; None for non-geographic numbers
    country_code: int
    extension: str | None
    number_type: str  # phonenumbers type name: FIXED_LINE, MOBILE, TOLL_FREE, ...


class EmailMatch(Matched):
    address: str  # lower-cased
    local: str
    domain: str
    free_mail: bool
    provider: str | None  # "gmail", "yahoo", "videotron" ... when free_mail


class WebMatch(Matched):
    url: str
    host: str  # lower-case host without "www."
    domain: str  # registrable domain, e.g. "example.co.uk"
