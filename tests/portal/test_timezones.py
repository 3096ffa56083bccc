"""Each request runs in the site's time zone, and leaves whatever was active before as it was."""

import datetime as dt
import zoneinfo

from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from portal.timezones import SiteTimezoneMiddleware
from tests.news.factories import NewsItemFactory


def test_a_request_runs_in_the_site_time_zone_and_restores_the_one_before(settings):
    seen = []

    def view(request):
        seen.append(timezone.get_current_timezone_name())
        return HttpResponse()

    with timezone.override(zoneinfo.ZoneInfo("UTC")):
        SiteTimezoneMiddleware(view)(RequestFactory().get("/"))
        after = timezone.get_current_timezone_name()

    assert seen == [settings.TIME_ZONE]
    assert after == "UTC"


def test_pages_show_times_in_the_site_time_zone(client, db, settings):
    published = dt.datetime(2024, 3, 1, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))
    item = NewsItemFactory(published_at=published, published_precision="minute")

    html = client.get(item.get_absolute_url()).text

    local = published.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE))
    assert local.isoformat(timespec="seconds") in html  # 2024-03-02T07:30:00+08:00
