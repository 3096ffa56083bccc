import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from news.importing.merging import merge_imported, plain
from parks.models import Park
from tests.parks.factories import CountryFactory, ParkFactory

pytestmark = pytest.mark.django_db


def test_first_import_fills_empty_fields():
    park = Park(name="A Park", slug="a-park")
    outcome = merge_imported(park, {"city": "Changzhou", "hotline": "86 0519"}, source="doc-1")
    park.refresh_from_db()
    assert (park.city, park.hotline) == ("Changzhou", "86 0519")
    assert set(outcome.changed) == {"city", "hotline"}


def test_same_values_again_change_nothing_and_do_not_save():
    park = ParkFactory(city="")
    merge_imported(park, {"city": "Suzhou"}, source="doc-1")
    saved_at = Park.objects.get(pk=park.pk).updated_at
    outcome = merge_imported(Park.objects.get(pk=park.pk), {"city": "Suzhou"}, source="doc-1")
    assert outcome.changed == [] and outcome.notes == []
    assert Park.objects.get(pk=park.pk).updated_at == saved_at


def test_same_source_updates_its_own_value():
    park = ParkFactory(city="")
    merge_imported(park, {"city": "Suzhou"}, source="doc-1")
    outcome = merge_imported(Park.objects.get(pk=park.pk), {"city": "Wuxi"}, source="doc-1")
    assert outcome.changed == ["city"]
    assert Park.objects.get(pk=park.pk).city == "Wuxi"


def test_staff_edit_survives_and_conflict_is_reported():
    park = ParkFactory(city="")
    merge_imported(park, {"city": "Suzhou"}, source="doc-1")
    park = Park.objects.get(pk=park.pk)
    park.city = "Staff City"
    park.save()
    outcome = merge_imported(Park.objects.get(pk=park.pk), {"city": "Wuxi"}, source="doc-1")
    assert Park.objects.get(pk=park.pk).city == "Staff City"
    assert outcome.changed == []
    assert "edited by staff" in outcome.notes[0] and "Wuxi" in outcome.notes[0]


def test_staff_edit_is_quiet_when_the_source_did_not_change():
    park = ParkFactory(city="")
    merge_imported(park, {"city": "Suzhou"}, source="doc-1")
    Park.objects.filter(pk=park.pk).update(city="Staff City")
    outcome = merge_imported(Park.objects.get(pk=park.pk), {"city": "Suzhou"}, source="doc-1")
    assert outcome.notes == [] and outcome.changed == []


def test_value_entered_by_staff_before_any_import_is_kept():
    park = ParkFactory(hotline="123")
    outcome = merge_imported(park, {"hotline": "456"}, source="doc-1")
    assert Park.objects.get(pk=park.pk).hotline == "123"
    assert "entered by staff" in outcome.notes[0]


def test_a_second_source_does_not_overwrite_the_first():
    park = ParkFactory(tagline="")
    merge_imported(park, {"tagline": "Pilot"}, source="doc-1")
    outcome = merge_imported(Park.objects.get(pk=park.pk), {"tagline": "Model"}, source="doc-2")
    assert Park.objects.get(pk=park.pk).tagline == "Pilot"
    assert "from doc-1" in outcome.notes[0]


def test_many_to_many_values_merge_like_fields():
    israel, china = (
        CountryFactory(code="IL", name="Israel"),
        CountryFactory(code="CN", name="China"),
    )
    park = Park(name="New Park", slug="new-park")
    merge_imported(park, {"partner_countries": [israel, china]}, source="doc-1")
    assert set(park.partner_countries.values_list("code", flat=True)) == {"IL", "CN"}
    outcome = merge_imported(
        Park.objects.get(pk=park.pk), {"partner_countries": [china, israel]}, source="doc-1"
    )
    assert outcome.changed == []


def test_plain_compares_datetimes_across_time_zones_and_decimals_across_scales():
    shanghai = dt.datetime(2019, 11, 24, 16, 36, 14, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert plain(shanghai) == plain(shanghai.astimezone(dt.UTC))
    assert plain(Decimal("270000.00")) == plain(Decimal("270000")) == "270000"
