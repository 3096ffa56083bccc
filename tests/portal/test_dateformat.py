"""Partial dates in the visitor's language, formatted once per day and language."""

import datetime as dt

from django.utils import translation

from portal.dateformat import localized_partial_date

DAY = dt.date(2019, 11, 24)
# 01:30 UTC is 09:30 on the 24th in Shanghai, the site's time zone.
MOMENT = dt.datetime(2019, 11, 24, 1, 30, tzinfo=dt.UTC)


def test_a_date_is_shown_no_more_precisely_than_known_in_each_language():
    expected = {
        "en": ["2019", "November 2019", "Nov. 24, 2019"],
        "zh-hans": ["2019", "2019年11月", "2019年11月24日"],
        "he": ["2019", "נובמבר 2019", "24 בנובמבר 2019"],
    }
    # Twice round: what is kept for one language never answers for another.
    for _ in range(2):
        for language, shown in expected.items():
            with translation.override(language):
                assert [localized_partial_date(DAY, p) for p in ("year", "month", "day")] == shown


def test_a_moment_is_shown_on_its_local_day_with_the_time_when_known():
    assert localized_partial_date(MOMENT, "day") == "Nov. 24, 2019"
    assert localized_partial_date(MOMENT, "minute") == "Nov. 24, 2019 09:30"
    with translation.override("zh-hans"):
        assert localized_partial_date(MOMENT, "minute") == "2019年11月24日 09:30"
    assert localized_partial_date(None, "day") == ""
