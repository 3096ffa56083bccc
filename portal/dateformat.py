"""Partial dates in the active language's own format: "2019年11月", "Nov. 24, 2019"."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format

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
            return f"{date_format(local.date(), 'DATE_FORMAT')} {local:%H:%M}"
        value = local.date()
    return date_format(value, FORMATS.get(precision, "DATE_FORMAT"))
