import pytest
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse, set_script_prefix
from django.utils import translation
from django.utils.http import urlencode
from hypothesis import example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from portal.slug_urls import PLACEHOLDER, reverse_plain, reverse_slug
from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory, PlatformFactory

SLUG_VIEWS = [
    "news:item-detail",
    "parks:park-detail",
    "parks:platform-detail",
    "api:news-item-detail",
    "api:park-detail",
]
PLAIN_VIEWS = [
    "news:item-list",
    "parks:park-list",
    "parks:platform-list",
    "api:news-item-list",
    "api:park-list",
]
LANGUAGES = [code for code, _name in settings.LANGUAGES]
ODD_SLUGS = [
    "",
    ".",
    "..",
    "a/b",
    "/",
    "//evil.example",
    "100%",
    "%2F",
    "what?",
    "#top",
    'it\'s "quoted"',
    "with space",
    "tab\there",
    "line\nbreak",
    "nul\x00",
    "del\x7f",
    "中以常州创新园",
    "עברית",
    "emoji-🎢",
    "~:@!$&'()*+,;=",
    PLACEHOLDER,
    f"{PLACEHOLDER}{PLACEHOLDER}",
]
slugs = st.one_of(st.text(max_size=40), st.sampled_from(ODD_SLUGS))


def outcome(build, *args, **kwargs):
    """Return what build() returns, or the NoReverseMatch class when it raises that."""
    try:
        return build(*args, **kwargs)
    except NoReverseMatch:
        return NoReverseMatch


def test_non_default_languages_prefix_public_addresses():
    """Guard the premise of the comparisons below: languages do change public addresses."""
    with translation.override("zh-hans"):
        prefixed = reverse_slug("news:item-detail", "x")

    assert prefixed == "/zh-hans/news/x/"
    assert reverse_slug("news:item-detail", "x") == "/news/x/"


@hypothesis_settings(max_examples=200, deadline=None)
@given(slug=slugs)
@example(slug="a b")
@example(slug="x" * 300)
def test_reverse_slug_answers_exactly_as_reverse(slug):
    for language in LANGUAGES:
        with translation.override(language):
            for viewname in SLUG_VIEWS:
                fast = outcome(reverse_slug, viewname, slug)
                slow = outcome(reverse, viewname, kwargs={"slug": slug})
                assert fast == slow, (language, viewname, slug)


@pytest.mark.parametrize("slug", ["with space", "中以", "100%", "plain"])
@pytest.mark.parametrize("viewname", SLUG_VIEWS)
def test_reverse_slug_follows_the_script_prefix(viewname, slug):
    reverse_slug(viewname, slug)  # cached under the default prefix first
    previous = get_script_prefix()
    set_script_prefix("/portal/")
    try:
        for language in LANGUAGES:
            with translation.override(language):
                expected = reverse(viewname, kwargs={"slug": slug})
                assert expected.startswith("/portal/")
                assert reverse_slug(viewname, slug) == expected
    finally:
        set_script_prefix(previous)


@pytest.mark.parametrize("prefix", ["/", "/portal/", "/a b%/"])
@pytest.mark.parametrize("viewname", PLAIN_VIEWS)
def test_reverse_plain_answers_exactly_as_reverse(viewname, prefix):
    reverse_plain(viewname)  # cached under the default prefix and language first
    previous = get_script_prefix()
    set_script_prefix(prefix)
    try:
        for language in LANGUAGES:
            with translation.override(language):
                assert reverse_plain(viewname) == reverse(viewname)
    finally:
        set_script_prefix(previous)


@pytest.mark.parametrize("slug", ["park-news-1", "中以常州创新园", "with space", "50% off?#"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_detail_addresses_equal_reverse(language, slug):
    objects = [
        (NewsItemFactory.build(slug=slug), "news:item-detail"),
        (ParkFactory.build(slug=slug), "parks:park-detail"),
        (PlatformFactory.build(slug=slug), "parks:platform-detail"),
    ]
    with translation.override(language):
        for obj, viewname in objects:
            assert obj.get_absolute_url() == reverse(viewname, kwargs={"slug": slug})


@pytest.mark.parametrize("slug", ["dyn", "中以", "a&b=c d"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_channel_and_industry_addresses_are_the_filtered_news_index(language, slug):
    with translation.override(language):
        index = reverse("news:item-list")
        channel_url = ChannelFactory.build(slug=slug).get_absolute_url()
        industry_url = IndustryFactory.build(slug=slug).get_absolute_url()

    assert channel_url == f"{index}?{urlencode({'channel': slug})}"
    assert industry_url == f"{index}?{urlencode({'industry': slug})}"


def api_urls(item: dict) -> list[str]:
    nested = [link for key in ("parks", "platforms", "industries") for link in item[key]]
    return [item["url"], *(link["url"] for link in nested)]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["plain-slug", "中以常州创新园", "with space", "50%-off"])
def test_api_news_list_urls_are_absolute_and_lead_to_the_resource(api_client, slug):
    item = NewsItemFactory(slug=slug)
    item.parks.add(ParkFactory(slug=f"park {slug}"))
    item.platforms.add(PlatformFactory(slug=f"platform {slug}"))
    item.industries.add(IndustryFactory(slug=f"industry {slug}"))

    (listed,) = api_client.get("/api/v1/news/").json()["results"]

    assert listed["url"] == "http://testserver" + reverse(
        "api:news-item-detail", kwargs={"slug": slug}
    )
    urls = api_urls(listed)
    assert len(urls) == 4
    for url in urls:
        assert url.startswith("http://testserver/api/v1/")
        response = api_client.get(url)
        assert response.status_code == 200, url
    assert api_client.get(listed["url"]).json()["slug"] == slug
