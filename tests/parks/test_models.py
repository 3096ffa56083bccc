import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from parks.models import CooperationPlatform, KeyFigure, Park
from portal.dates import DatePrecision, PartialDate, format_partial_date
from tests.parks.factories import KeyFigureFactory, ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db


def test_established_is_shown_no_more_precisely_than_known():
    assert (
        ParkFactory(
            established=dt.date(2018, 1, 1), established_precision="year"
        ).established_display
        == "2018"
    )
    assert ParkFactory(
        established=dt.date(2015, 1, 1), established_precision="month"
    ).established_display == ("January 2015")
    assert ParkFactory(
        established=dt.date(2019, 12, 3), established_precision="day"
    ).established_display == ("3 December 2019")
    assert ParkFactory(established=None).established_display == ""


def test_partial_date_of_keeps_precision():
    assert PartialDate.of(2015, 1) == PartialDate(dt.date(2015, 1, 1), DatePrecision.MONTH)
    assert str(PartialDate.of(2018)) == "2018"
    assert format_partial_date(dt.date(2021, 11, 12), "day") == "12 November 2021"


def test_published_and_drafts_split_parks_and_platforms():
    published, draft = ParkFactory(), ParkFactory(is_published=False)
    assert list(Park.objects.published()) == [published]
    assert list(Park.objects.drafts()) == [draft]
    platform = PlatformFactory(is_published=False)
    assert list(CooperationPlatform.objects.drafts()) == [platform]


def test_public_figures_are_confirmed_and_of_published_parks():
    shown = KeyFigureFactory()
    KeyFigureFactory(status=KeyFigure.Status.PENDING)
    KeyFigureFactory(status=KeyFigure.Status.REJECTED)
    KeyFigureFactory(park=ParkFactory(is_published=False))
    assert list(KeyFigure.objects.public()) == [shown]


def test_figure_value_display_shows_qualifier_and_unit():
    figure = KeyFigureFactory(value=Decimal("270000.00"), unit="m²", qualifier="approximately")
    assert figure.value_display == "≈ 270,000 m²"
    assert (
        KeyFigureFactory(value=100, unit="items", qualifier="more_than").value_display
        == "> 100 items"
    )


def test_a_platforms_kind_label_is_translated_like_get_kind_display():
    platform = PlatformFactory.build(kind=CooperationPlatform.Kind.RESEARCH_INSTITUTE)
    for language in ("en", "zh-hans", "he"):
        with translation.override(language):
            assert platform.kind_label == platform.get_kind_display()
    with translation.override("zh-hans"):
        assert platform.kind_label != "research institute"

    retired = PlatformFactory.build(kind="science_park")  # a kind no longer offered
    assert retired.kind_label == retired.get_kind_display() == "science_park"
