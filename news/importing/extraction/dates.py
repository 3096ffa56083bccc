"""Dates written in prose: "On the morning of December 3", "From October 29 to 30, 2019"."""

import re
from datetime import date, datetime

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
# "on October 21", "On the afternoon of November 21", "From October 29 to 30, 2019".
EVENT_DAY = re.compile(
    r"(?<!\w)(?i:on|from)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"
    rf"{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\w)"
    rf"(?:\s*(?:to|-|\u2013|and)\s*\d{{1,2}}(?!\d))?(?:,?\s+{YEAR})?"
)


def month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_in_context(match: re.Match, published: datetime | None) -> date | None:
    """Return the date of an EVENT_DAY match; a missing year is that of the latest such day
    on or before publication."""
    month, day = month_number(match["month"]), int(match["day"])
    if match["year"]:
        return safe_date(int(match["year"]), month, day)
    if published is None:
        return None
    found = safe_date(published.year, month, day)
    if found and found > published.date():
        found = safe_date(published.year - 1, month, day)
    return found


def event_date(texts: list[str], published: datetime | None) -> date | None:
    """Return the first event day stated in `texts`."""
    for text in texts:
        for match in EVENT_DAY.finditer(text):
            found = day_in_context(match, published)
            if found:
                return found
    return None
