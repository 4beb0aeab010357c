"""Value normalisers of the parsing stage: dates, money, hours, places, phones, e-mails, web sites.

Each `parse_x(text, ...)` returns the first value found in `text` (or None) and each
`find_x(text, ...)` returns all of them; every result is a frozen model carrying its span.
They are pure functions and never raise on any input.

Names load on first use (PEP 562): code that needs one normaliser does not pay for the
others' tables (the phone-number metadata alone costs ~60 ms to import).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nlp_models.normalize.addresses import find_addresses, parse_address
    from nlp_models.normalize.contacts import (
        find_emails,
        find_phones,
        find_websites,
        free_mail_provider,
        parse_email,
        parse_phone,
        parse_website,
        registrable_domain,
        same_organisation,
    )
    from nlp_models.normalize.currencies import country_currency, resolve_currency
    from nlp_models.normalize.date_order import country_day_first, infer_day_first
    from nlp_models.normalize.dates import find_date_ranges, find_dates, parse_date
    from nlp_models.normalize.hours import (
        find_hours,
        parse_hours,
    )
    from nlp_models.normalize.models import (
        AddressMatch,
        CountryMatch,
        DateMatch,
        DateRangeMatch,
        EmailMatch,
        HoursMatch,
        MoneyMatch,
        PhoneMatch,
        PostalCodeMatch,
        PresentMatch,
        RegionMatch,
        WebMatch,
    )
    from nlp_models.normalize.money import find_money, parse_money
    from nlp_models.normalize.open_ends import find_present, parse_present
    from nlp_models.normalize.pay_periods import annual_amount
    from nlp_models.normalize.place_names import (
        find_countries,
        find_regions,
        parse_country,
        parse_region,
    )
    from nlp_models.normalize.places import find_postal_codes, parse_postal_code

_WHERE = {
    "AddressMatch": "models",
    "CountryMatch": "models",
    "DateMatch": "models",
    "DateRangeMatch": "models",
    "EmailMatch": "models",
    "HoursMatch": "models",
    "MoneyMatch": "models",
    "PhoneMatch": "models",
    "PostalCodeMatch": "models",
    "PresentMatch": "models",
    "RegionMatch": "models",
    "WebMatch": "models",
    "annual_amount": "pay_periods",
    "country_day_first": "date_order",
    "find_addresses": "addresses",
    "find_countries": "place_names",
    "find_date_ranges": "dates",
    "find_dates": "dates",
    "find_emails": "contacts",
    "find_hours": "hours",
    "find_money": "money",
    "find_phones": "contacts",
    "find_postal_codes": "places",
    "find_present": "open_ends",
    "find_regions": "place_names",
    "find_websites": "contacts",
    "free_mail_provider": "contacts",
    "infer_day_first": "date_order",
    "parse_address": "addresses",
    "parse_country": "place_names",
    "parse_date": "dates",
    "parse_email": "contacts",
    "parse_hours": "hours",
    "parse_money": "money",
    "parse_phone": "contacts",
    "parse_postal_code": "places",
    "parse_present": "open_ends",
    "parse_region": "place_names",
    "parse_website": "contacts",
    "registrable_domain": "contacts",
    "country_currency": "currencies",
    "resolve_currency": "currencies",
    "same_organisation": "contacts",
}

__all__ = [
    "AddressMatch",
    "CountryMatch",
    "DateMatch",
    "DateRangeMatch",
    "EmailMatch",
    "HoursMatch",
    "MoneyMatch",
    "PhoneMatch",
    "PostalCodeMatch",
    "PresentMatch",
    "RegionMatch",
    "WebMatch",
    "annual_amount",
    "country_currency",
    "country_day_first",
    "find_addresses",
    "find_countries",
    "find_date_ranges",
    "find_dates",
    "find_emails",
    "find_hours",
    "find_money",
    "find_phones",
    "find_postal_codes",
    "find_present",
    "find_regions",
    "find_websites",
    "free_mail_provider",
    "infer_day_first",
    "parse_address",
    "parse_country",
    "parse_date",
    "parse_email",
    "parse_hours",
    "parse_money",
    "parse_phone",
    "parse_postal_code",
    "parse_present",
    "parse_region",
    "parse_website",
    "registrable_domain",
    "resolve_currency",
    "same_organisation",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(import_module(f"nlp_models.normalize.{module}"), name)
