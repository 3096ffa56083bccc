import re
from html.parser import HTMLParser

import django_filters
import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.query import Query
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from parks.models import Park
from portal.widgets import NamedModelChoiceFilter
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db

URL = reverse("news:item-list")
EVIL_NAME = '<script>alert(1)</script> & "quotes"'


class SelectParser(HTMLParser):
    """Collect the options of one <select> as (value, selected, label) triples."""

    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name, self.inside, self.options = name, False, []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "select":
            self.inside = attributes.get("name") == self.name
        elif tag == "option" and self.inside:
            self.options.append([attributes.get("value"), "selected" in attributes, ""])

    def handle_endtag(self, tag):
        if tag == "select":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.options:
            self.options[-1][2] += data


def options(html: str, name: str) -> list[tuple[str, bool, str]]:
    parser = SelectParser(name)
    parser.feed(html)
    return [tuple(option) for option in parser.options]


def test_park_names_and_slugs_are_escaped_in_the_select(client):
    ParkFactory(name=EVIL_NAME, slug="evil")
    ParkFactory(name="Plain", slug='x"><script>alert(2)</script>')

    text = client.get(URL).text

    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in text
    assert ("evil", False, EVIL_NAME) in options(text, "park")
    assert ('x"><script>alert(2)</script>', False, "Plain") in options(text, "park")


def test_chosen_park_is_the_one_selected_option(client):
    parks = [ParkFactory(slug=slug) for slug in ("first", "second", "third")]

    park_options = options(client.get(URL, {"park": "second"}).text, "park")

    assert [value for value, selected, _label in park_options if selected] == ["second"]
    assert {value for value, _selected, _label in park_options} == {
        "",
        *(park.slug for park in parks),
    }


def test_no_park_chosen_selects_the_all_parks_option(client):
    ParkFactory(name="Only park", slug="only")

    park_options = options(client.get(URL).text, "park")

    assert park_options == [("", True, "All parks"), ("only", False, "Only park")]


def test_only_published_parks_are_offered(client):
    ParkFactory(name="Public park")
    ParkFactory(name="Hidden park", is_published=False)

    labels = [label for _value, _selected, label in options(client.get(URL).text, "park")]

    assert labels == ["All parks", "Public park"]


def test_unknown_park_answers_with_the_filter_error(client):
    ParkFactory(slug="real")
    NewsItemFactory(title="Some news")

    response = client.get(URL, {"park": "nope"})

    assert response.status_code == 200
    assert "Some filters could not be used" in response.text
    assert "Select a valid choice." in response.text
    assert re.search(r'<select name="park"[^>]*aria-invalid="true"', response.text)
    assert not any(selected for _value, selected, _label in options(response.text, "park"))


def test_news_index_queries_do_not_grow_with_platforms(client, django_assert_max_num_queries):
    PlatformFactory.create_batch(3)
    NewsItemFactory.create_batch(3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    PlatformFactory.create_batch(297)
    cache.clear()  # measure a rendered page, not one served from the page cache

    with django_assert_max_num_queries(len(few)):
        response = client.get(URL)

    assert len(options(response.text, "platform")) == 301


def test_options_are_read_once_per_content_generation_and_renamed_parks_show_at_once(client):
    from parks.models import Park
    from portal.widgets import listed_pairs

    park = ParkFactory(name="Old name")
    published = Park.objects.published()
    assert dict(listed_pairs(published, "slug"))[park.slug] == "Old name"

    with CaptureQueriesContext(connection) as queries:
        listed_pairs(published, "slug")
    assert len(queries) == 0

    park.name = "New name"
    park.save()  # a content write starts a new generation

    assert dict(listed_pairs(published, "slug"))[park.slug] == "New name"


def test_options_joined_once_per_generation_still_mark_each_requests_choice(client):
    ParkFactory(slug="first")
    ParkFactory(slug='x"><b>quoted')
    client.get(URL)  # joins the options for this generation

    for chosen in ("first", 'x"><b>quoted', ""):
        park_options = options(client.get(URL, {"park": chosen}).text, "park")
        assert [value for value, selected, _label in park_options if selected] == [chosen]


def test_options_joined_in_one_language_are_not_served_in_another(client):
    ParkFactory(slug="only")
    client.get(URL)

    chinese = options(client.get("/zh-hans" + URL).text, "park")

    assert chinese[0][2] != "All parks"
    assert chinese[1][0] == "only"


class AllParksFilter(django_filters.FilterSet):
    park = NamedModelChoiceFilter(queryset=Park.objects.all(), to_field_name="slug")


class PublishedParksFilter(django_filters.FilterSet):
    park = NamedModelChoiceFilter(queryset=Park.objects.published(), to_field_name="slug")


def park_options(filterset_class) -> list[str]:
    form = filterset_class({}, queryset=Park.objects.none()).form
    return [value for value, _, _ in options(str(form["park"]), "park")]


def test_filters_declaring_different_options_under_one_name_keep_their_own():
    """Options are cached under the filter that declares them, not under their SQL."""
    published, draft = ParkFactory(slug="public"), ParkFactory(slug="draft", is_published=False)

    assert park_options(PublishedParksFilter) == ["", published.slug]
    assert sorted(park_options(AllParksFilter)) == ["", draft.slug, published.slug]
    assert park_options(PublishedParksFilter) == ["", published.slug]


def test_a_warm_index_page_compiles_no_query_to_find_its_options(client, monkeypatch, settings):
    settings.PAGE_CACHE = False  # the view itself renders
    ParkFactory()
    client.get(URL)
    compiled = []
    original = Query.sql_with_params
    monkeypatch.setattr(
        Query, "sql_with_params", lambda query: compiled.append(query.model) or original(query)
    )

    assert client.get(URL).status_code == 200

    assert compiled == []


def chosen_park(filterset_class, slug: str):
    form = filterset_class({"park": slug}, queryset=Park.objects.none()).form
    return form.cleaned_data.get("park") if form.is_valid() else form.errors["park"][0]


def test_a_chosen_slug_is_looked_up_among_the_filters_own_choices():
    published, draft = ParkFactory(slug="public"), ParkFactory(slug="draft", is_published=False)

    assert chosen_park(PublishedParksFilter, "public") == published
    assert (
        chosen_park(PublishedParksFilter, "draft")
        == "Select a valid choice. That choice is not one of the available choices."
    )
    assert chosen_park(AllParksFilter, "draft") == draft
    assert chosen_park(PublishedParksFilter, "pub\x00lic") == "Null characters are not allowed."


def test_a_filtered_listing_compiles_no_query_to_find_the_chosen_park(
    client, monkeypatch, settings
):
    settings.PAGE_CACHE = False
    park = ParkFactory()
    client.get(URL, {"park": park.slug})
    compiled = []
    original = SQLCompiler.as_sql
    monkeypatch.setattr(
        SQLCompiler,
        "as_sql",
        lambda compiler, *args, **kwargs: (
            compiled.append(compiler.query.model) or original(compiler, *args, **kwargs)
        ),
    )

    assert client.get(URL, {"park": park.slug}).status_code == 200

    assert Park not in compiled
