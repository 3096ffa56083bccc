"""schema.org JSON-LD: dates at their known precision, the publisher, and safe <script> output."""

import json
from datetime import date, datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from portal.dates import DatePrecision
from portal.permalinks import absolute_reverse

SITE_NAME = "Parkwire"

# As django.utils.html.json_script: no "</script>", "<!--" or "&" can end or bend the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def isoformat_partial(value: date | datetime | None, precision: str | None) -> str | None:
    """Return an ISO 8601 date no more precise than known: "2015", "2015-01", "2015-01-20"."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = timezone.localtime(value)
        if precision in (DatePrecision.MINUTE, DatePrecision.SECOND, "", None):
            return value.isoformat(timespec="seconds")
        value = value.date()
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def publisher(request: HttpRequest) -> dict:
    """Return the site itself as a schema.org Organization."""
    home = absolute_reverse(request, "portal:home")
    return {"@type": "Organization", "@id": f"{home}#publisher", "name": SITE_NAME, "url": home}


def json_ld_script(data: dict) -> SafeString:
    """Return data as a <script type="application/ld+json"> element, safe to put in any page."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        SafeString(payload.translate(JSON_SCRIPT_ESCAPES)),
    )
