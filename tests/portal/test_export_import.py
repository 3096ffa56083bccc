import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from news.models import NewsItem
from parks.models import Designation
from tests.news.factories import ChannelFactory, NewsItemFactory, SourceDocumentFactory
from tests.news.listings import listing_rows, rows_from_links
from tests.parks.factories import (
    CountryFactory,
    IndustryFactory,
    KeyFigureFactory,
    OrganizationFactory,
    ParkFactory,
    PlatformFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def make_content():
    park = ParkFactory(name="China-Israel Changzhou Innovation Park 中以常州创新园")
    park.partner_countries.add(CountryFactory(code="IL", name="Israel"))
    park.sponsors.add(OrganizationFactory())
    park.focus_industries.add(IndustryFactory())
    Designation.objects.create(park=park, title="National Medical Device Park")
    KeyFigureFactory(park=park, value="1234.50")
    platform = PlatformFactory(park=park)
    item = NewsItemFactory(
        # Below a millisecond: Django's own JSON encoder would cut it off.
        published_at=dt.datetime(2026, 3, 1, 8, 0, 0, 412, tzinfo=dt.UTC),
        channel=ChannelFactory(),
        source_document=SourceDocumentFactory(raw_text="原文 — “quoted”\r\nline"),
        body="## Heading\n\nBody with ümlauts and 汉字.",
    )
    item.parks.add(park)
    item.platforms.add(platform)
    NewsItemFactory(slug="retracted").delete()  # leaves a withdrawal for sync clients
    item.slug = f"{item.slug}-renamed"  # its old address keeps redirecting
    item.save()
    return item


def rows(path):
    """Return the exported rows in a stable order."""
    data = json.loads(path.read_text())
    return sorted(data, key=lambda row: (row["model"], str(row["pk"])))


def test_export_into_a_fresh_database_and_export_again_gives_the_same_content(tmp_path):
    item_pk = make_content().pk
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    call_command("export_content", first)

    call_command("flush", interactive=False, verbosity=0)
    assert not NewsItem.objects.exists()
    call_command("import_content", first)
    call_command("export_content", second)

    assert rows(second) == rows(first)
    assert NewsItem.objects.get(pk=item_pk).published_at.microsecond == 412
    # The parks' listings are derived, not exported: the restored links rebuilt them.
    assert "news.parknewslisting" not in {row["model"] for row in rows(first)}
    assert listing_rows() == rows_from_links()
    assert listing_rows()
    assert {row["model"] for row in rows(first)} >= {
        "parks.park",
        "parks.cooperationplatform",
        "parks.keyfigure",
        "parks.country",
        "parks.industry",
        "parks.organization",
        "parks.designation",
        "news.newsitem",
        "news.channel",
        "news.sourcedocument",
        "news.withdrawal",
        "portal.formerslug",
    }


def test_import_refuses_a_database_that_already_holds_content(tmp_path):
    make_content()
    path = tmp_path / "content.json"
    call_command("export_content", path)

    with pytest.raises(CommandError, match="already holds"):
        call_command("import_content", path)


def test_import_of_a_missing_file_fails_clearly(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_content", tmp_path / "missing.json")
