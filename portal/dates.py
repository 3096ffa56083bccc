"""Dates known only to some precision: a founding year, a month, a day, a second.

Sources say "in 2018", "in January 2015" or "2019-11-24 16:36:14"; storing a full date
would invent precision, so every partial date travels with its precision.
"""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")
    MINUTE = "minute", _("minute")
    SECOND = "second", _("second")


@dataclass(frozen=True)
class PartialDate:
    """A date of which only the parts up to `precision` are meaningful."""

    value: date
    precision: DatePrecision

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> "PartialDate":
        if month is None:
            return cls(date(year, 1, 1), DatePrecision.YEAR)
        if day is None:
            return cls(date(year, month, 1), DatePrecision.MONTH)
        return cls(date(year, month, day), DatePrecision.DAY)

    def __str__(self) -> str:
        return format_partial_date(self.value, self.precision)


def format_partial_date(value: date | None, precision: str | None) -> str:
    """Render a date no more precisely than it is known ("2018", "January 2015", "3 December 2019")."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year}"
    if precision == DatePrecision.MONTH:
        return value.strftime("%B %Y")
    return f"{value.day} {value.strftime('%B %Y')}"
