"""The Jinja2 environment the public pages render with.

Visitors' pages use Jinja2 because it compiles templates to Python: 20 news cards render 2.4
times faster than with Django's engine (bench/template_render.py), and uncached pages serve
16–25 % more requests a second (bench/RESULTS.md). The admin and Django's form widgets keep
Django's engine.

Translations: templates call `_("…")` at the start of a `{{ }}` or inside a `{% set %}`, the
two places Django's `makemessages` reads a constant string from, so the catalogues stay whole.
A message with placeholders is marked safe, then formatted: `Markup % values` escapes the
values, as `{% blocktranslate %}` does. Plurals live in functions here, where `ngettext` is read.
"""

import unicodedata

from django.template.defaultfilters import (
    linebreaks_filter,
    truncatechars,
    truncatewords,
    urlencode,
)
from django.template.defaulttags import querystring as django_querystring
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext, trans_real
from jinja2 import ChainableUndefined, Environment

from news.structured_data import news_article
from parks.figures import chart_context
from parks.structured_data import park_entity
from portal.dateformat import localized_partial_date
from portal.page_meta import canonical_url, feed_links
from portal.slug_urls import reverse_plain
from portal.structured_data import isoformat_partial, json_ld_script


def environment(**options) -> Environment:
    """Build the environment Django's Jinja2 backend renders public templates with."""
    # Missing attributes print nothing, as in Django's templates (`park.hotline` off a park page).
    options["undefined"] = ChainableUndefined
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(gettext, ngettext, newstyle=False)
    env.globals.update(
        url=url,
        static=static,
        get_language=translation.get_language,
        get_language_bidi=translation.get_language_bidi,
        querystring=querystring,
        partial_date=localized_partial_date,
        iso_date=iso_date,
        canonical_url=canonical_url,
        feed_links=feed_links,
        news_article_json_ld=news_article_json_ld,
        park_json_ld=park_json_ld,
        figure_chart=chart_context,
        news_item_count=news_item_count,
        view_count=view_count,
    )
    env.filters.update(
        truncatewords=short_truncatewords,
        truncatechars=short_truncatechars,
        linebreaks=lambda value: linebreaks_filter(value, autoescape=True),
        urlencode=urlencode,
    )
    return env


def page_translations(request) -> dict:
    """Give a page `_` and `gettext` bound to its language's catalogue (a context processor).

    Django's gettext finds the active language through asgiref's Local on every call: 2 % of a
    park page's CPU for its forty messages. A page renders in one language, so it looks the
    catalogue up once. Macros imported without context keep the global, Django's own.
    """
    language = translation.get_language()
    if language is None:  # translations deactivated: Django's gettext knows what to do
        return {}
    lookup = trans_real.translation(language).gettext

    def page_gettext(message: str) -> str:
        return lookup(message) if message else message  # "" would return the catalogue's header

    return {"_": page_gettext, "gettext": page_gettext}


def compile_public_templates() -> int:
    """Compile every public template now; return how many.

    Called in gunicorn's master before it forks: each worker, and each one recycled later,
    then starts with them compiled (124 ms of CPU per worker otherwise, paid by its first
    visitors).
    """
    from django.template import engines

    env = engines["jinja2"].env
    names = env.list_templates(extensions=["html"])
    for name in names:
        env.get_template(name)
    return len(names)


def url(name: str, *args, **kwargs) -> str:
    """Reverse a named route, as `{% url %}` does (the site's menu once per language)."""
    if not args and not kwargs:
        return reverse_plain(name)
    return reverse(name, args=args or None, kwargs=kwargs or None)


def short_truncatewords(value, length: int) -> str:
    """Django's truncatewords, without building its Truncator for text that fits (every news
    card's lead): Django then returns the words joined by single spaces, as here."""
    if _plain_text(value, length) and len(words := value.split()) <= length:
        return " ".join(words)
    return truncatewords(value, length)


def short_truncatechars(value, length: int) -> str:
    """Django's truncatechars, without its walk over every character of text that fits (the
    page's description): Django then returns the text in NFC, as here."""
    if _plain_text(value, length) and len(text := unicodedata.normalize("NFC", value)) <= length:
        return text
    return truncatechars(value, length)


def _plain_text(value, length) -> bool:
    """Plain text and a positive whole length: anything else (safe strings, a length given as
    text, zero) takes Django's own path."""
    return type(value) is str and type(length) is int and length > 0


def querystring(request, **changes) -> str:
    """Return this request's query string with `changes` applied, as `{% querystring %}` does."""
    return django_querystring(None, request.GET, **changes)


def iso_date(value, precision=None) -> str:
    """Return value in ISO 8601, no more precise than known (for datetime attributes)."""
    return isoformat_partial(value, precision) or ""


def news_article_json_ld(request, item):
    """Return the item's schema.org NewsArticle as a safe JSON-LD script."""
    return json_ld_script(news_article(item, request=request))


def park_json_ld(request, park):
    """Return the park's schema.org Organization/Place as a safe JSON-LD script."""
    return json_ld_script(park_entity(park, request=request))


def news_item_count(count: int) -> str:
    """Say how many news items a listing holds, in the active language."""
    return ngettext("%(counter)s item", "%(counter)s items", count) % {"counter": count}


def view_count(count: int) -> str:
    """Say how often an item was read, in the active language."""
    return ngettext("%(counter)s view", "%(counter)s views", count) % {"counter": count}
