"""Dates, numbers and money in the reader's language (Babel)."""

import re
from datetime import date

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_compact_currency, format_decimal
from babel.units import format_unit

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def format_day(value: str, lang: str) -> str:
    """An ISO date as '27 novembre 2026' / '27 November 2026'; a month as 'mars 2024'; a bare year as itself.

    French writes the first day of a month as an ordinal ('1er décembre 2026'), which Babel does not.
    """
    if not value:
        return ""
    if len(value) == 4 and value.isdigit():
        return value
    if re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", value):
        month = date(int(value[:4]), int(value[5:]), 1)
        return format_date(month, format="LLLL y", locale=LOCALES.get(lang, "fr_FR"))
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    text = format_date(day, format="long", locale=LOCALES.get(lang, "fr_FR"))
    if day.day == 1 and LOCALES.get(lang, "fr_FR").startswith("fr"):
        return re.sub(r"^1(?=\D)", "1er", text)
    return text


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


def plural_category(count: int, lang: str) -> str:
    """'one' or 'other' by the language's rule (French counts 0 and 1 as one, English only 1)."""
    return Locale.parse(LOCALES.get(lang, "fr_FR")).plural_form(count)
