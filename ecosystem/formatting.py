"""Dates, numbers and money in the reader's language (Babel)."""

from datetime import date

from babel.dates import format_date
from babel.numbers import format_compact_currency, format_decimal
from babel.units import format_unit

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def format_day(value: str, lang: str) -> str:
    """An ISO date as '27 novembre 2026' / '27 November 2026'; a bare year as itself."""
    if not value:
        return ""
    if len(value) == 4 and value.isdigit():
        return value
    try:
        return format_date(date.fromisoformat(value), format="long", locale=LOCALES.get(lang, "fr_FR"))
    except ValueError:
        return value


def format_count(value: int, lang: str) -> str:
    return format_decimal(value, locale=LOCALES.get(lang, "fr_FR"))


def format_euros(value: float | None, lang: str) -> str:
    """'48 M€' / '€48M'; empty when no amount is stated."""
    if value is None or value != value:
        return ""
    return format_compact_currency(value, "EUR", locale=LOCALES.get(lang, "fr_FR"), fraction_digits=1)


def format_size(size: int, lang: str) -> str:
    """A file size as '112,1 ko' / '112.1 kB' (decimal units, one decimal)."""
    unit, value = ("digital-megabyte", size / 1e6) if size >= 1e6 else ("digital-kilobyte", size / 1e3)
    return format_unit(value, unit, locale=LOCALES.get(lang, "fr_FR"), length="short", format="#,##0.#")
