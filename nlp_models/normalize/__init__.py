"""Value normalisers of the parsing stage: dates, money, hours, places, phones, e-mails, web sites.

Each `parse_x(text, ...)` returns the first value found in `text` (or None) and each
`find_x(text, ...)` returns all of them; every result is a frozen model carrying its span.
They are pure functions and never raise on any input.
"""

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
from nlp_models.normalize.dates import (
    country_day_first,
    find_date_ranges,
    find_dates,
    find_present,
    infer_day_first,
    parse_date,
    parse_present,
)
from nlp_models.normalize.hours import find_hours, parse_hours
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
from nlp_models.normalize.money import annual_amount, find_money, parse_money, resolve_currency
from nlp_models.normalize.places import (
    find_addresses,
    find_countries,
    find_postal_codes,
    find_regions,
    parse_address,
    parse_country,
    parse_postal_code,
    parse_region,
)

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
