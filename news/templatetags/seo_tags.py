import re

from django import template
from django.urls import reverse
from django.utils.translation import gettext

from news.structured_data import news_article
from parks.models import Park
from parks.structured_data import park_entity
from portal.structured_data import isoformat_partial, json_ld_script

register = template.Library()

PAGE_NUMBER = re.compile(r"[0-9]{1,6}")

FEED_FORMATS = [
    ("rss", "application/rss+xml", "RSS"),
    ("atom", "application/atom+xml", "Atom"),
    ("json", "application/feed+json", "JSON Feed"),
]


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, item):
    """Emit the item's schema.org NewsArticle as a safe JSON-LD script."""
    return json_ld_script(news_article(item, request=context["request"]))


@register.simple_tag(takes_context=True)
def park_json_ld(context, park):
    """Emit the park's schema.org Organization/Place as a safe JSON-LD script."""
    return json_ld_script(park_entity(park, request=context["request"]))


@register.simple_tag
def iso_date(value, precision=None):
    """Return value in ISO 8601, no more precise than known (for meta tags)."""
    return isoformat_partial(value, precision) or ""


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """Return this page's address in its language, keeping only a valid page number."""
    request = context.get("request")
    if request is None:
        return ""
    url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    if PAGE_NUMBER.fullmatch(page) and int(page) > 1:
        url += f"?page={int(page)}"
    return url


def _feed_links(prefix: str, title: str, **kwargs) -> list[dict]:
    return [
        {
            "type": media_type,
            "title": f"{title} ({label})",
            "href": reverse(f"feeds:{prefix}-{kind}", kwargs=kwargs or None),
        }
        for kind, media_type, label in FEED_FORMATS
    ]


@register.simple_tag(takes_context=True)
def feed_links(context):
    """Return the site's feeds, and the park's own when the page is about one park."""
    links = _feed_links("news", gettext("Parkwire news"))
    park = context.get("park")
    if isinstance(park, Park) and park.is_published:
        links += _feed_links("park", gettext("%(park)s news") % {"park": park.name}, slug=park.slug)
    return links
