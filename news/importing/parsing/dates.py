"""Dates in a document's head ("2021-11-12 09:30", "2021年11月12日", "Nov. 12, 2021") and the
press-release lead ("CHANGZHOU, China, Nov. 12, 2021 /PRNewswire/ -- ")."""

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from portal.dates import DatePrecision

TIME_ZONE = ZoneInfo("Asia/Shanghai")

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_TIME = r"(?:(?:\s+|T|\s*,\s*)(?P<h>\d{1,2})[:\uff1a](?P<mi>\d{2})(?:[:\uff1a](?P<s>\d{2}))?)?"
_DATES = tuple(
    re.compile(pattern + _TIME)
    for pattern in (
        r"(?P<y>\d{4})\s*[-/.]\s*(?P<mo>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)",
        r"(?P<y>\d{4})\s*年\s*(?P<mo>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]",
        r"(?ai)" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)",
        r"(?ai)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})(?!\d)",
    )
)

_PRESS_LEAD = re.compile(
    r"(?:date\s*[:\uff1a]?\s*(?P<iso>\d{4}-\d{1,2}-\d{1,2})\s+)?"
    r"(?P<dateline>[A-Z][A-Z.'\u2019 -]*[A-Z](?:,\s*[A-Z][\w.'\u2019 -]*?)?),\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*"
    r"(?:/(?P<slash>[^/\n]{2,40})/|\((?P<paren>[^()\n]{2,40})\))\s*(?:--|—|\u2013|-)\s*"
)
_PRESS_LEAD_WINDOW = 400
_SOURCE_NAMES = {
    "prnewswire": "PR Newswire",
    "xinhua": "Xinhua",
    "businesswire": "Business Wire",
    "globenewswire": "GlobeNewswire",
}


@dataclass(frozen=True)
class Date:
    value: datetime
    precision: DatePrecision
    label: str = ""


@dataclass(frozen=True)
class PressLead:
    dateline: str
    source_name: str
    date: Date | None
    rest: str


def match_date(text: str, start: int = 0) -> tuple[Date | None, int]:
    """Read a date at `start`; return it (None if impossible) and where it ends."""
    for pattern in _DATES:
        match = pattern.match(text, start)
        if match:
            return _to_date(match), match.end()
    return None, start


def _to_date(match: re.Match[str]) -> Date | None:
    parts = match.groupdict()
    month = int(parts["mo"]) if parts.get("mo") else _MONTHS.get(parts["mon"][:3].lower())
    if month is None or not 1900 <= int(parts["y"]) <= 2100:
        return None
    hour, minute, second = (int(parts[k] or 0) for k in ("h", "mi", "s"))
    try:
        value = datetime(int(parts["y"]), month, int(parts["d"]), hour, minute, second)
    except ValueError:
        return None
    precision = (
        DatePrecision.SECOND
        if parts["s"]
        else DatePrecision.MINUTE
        if parts["h"]
        else DatePrecision.DAY
    )
    return Date(value.replace(tzinfo=TIME_ZONE), precision)


def read_press_lead(text: str) -> PressLead | None:
    """Read "CHANGZHOU, China, Nov. 12, 2021 /PRNewswire/ -- " at the start of the body."""
    match = _PRESS_LEAD.match(text[:_PRESS_LEAD_WINDOW])
    if match is None:
        return None
    source = (match["slash"] or match["paren"]).strip()
    iso = match_date(match["iso"])[0] if match["iso"] else None
    return PressLead(
        dateline=match["dateline"].strip(),
        source_name=_SOURCE_NAMES.get(source.replace(" ", "").lower(), source),
        date=iso or match_date(match["date"])[0],
        rest=text[match.end() :],
    )
