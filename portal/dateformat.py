"""Partial dates in the active language's own format: "2019年11月", "Nov. 24, 2019".

A listing prints twenty dates and Django formats each afresh (the format looked up, parsed,
month names translated): about a millisecond of a news index page. A day's text in one
language never changes, so it is formatted once per process.
"""

import functools
from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from portal.dates import DatePrecision

FORMATS = {
    DatePrecision.YEAR: "Y",
    DatePrecision.MONTH: "YEAR_MONTH_FORMAT",
    DatePrecision.DAY: "DATE_FORMAT",
}


def localized_partial_date(value: date | datetime | None, precision: str | None) -> str:
    """Format `value` no more precisely than `precision`, in the active language."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        local = timezone.localtime(value)
        if precision in (DatePrecision.MINUTE, DatePrecision.SECOND):
            return f"{_formatted(local.date(), 'DATE_FORMAT', get_language())} {local:%H:%M}"
        value = local.date()
    return _formatted(value, FORMATS.get(precision, "DATE_FORMAT"), get_language())


@functools.lru_cache(maxsize=8192)
def _formatted(day: date, format_name: str, language: str | None) -> str:
    """`language` is the active one, which date_format() reads: it keys the kept text."""
    return date_format(day, format_name)
