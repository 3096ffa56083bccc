"""The site-wide search page: parks, platforms and news ranked by how well they match."""

from dataclasses import dataclass

from django import forms
from django.core.paginator import Page, Paginator
from django.utils.translation import gettext_lazy as _

from news.filters import NEWS_SEARCH_FIELDS
from news.selectors import news_item_list
from parks.models import CooperationPlatform, Park
from parks.selectors import platform_list
from portal.pagination import lenient_page
from portal.query_budget import OverBudget, time_limit
from portal.search import MAX_QUERY_LENGTH, rank_text

PARK_SEARCH_FIELDS = {
    "name": "A",
    "short_name": "A",
    "tagline": "B",
    "summary": "B",
    "profile": "C",
}
PLATFORM_SEARCH_FIELDS = {"name": "A", "description": "C"}
TOO_LONG = _("Please shorten your search to %(limit_value)d characters.")
TOP_RESULTS = 10
NEWS_PER_PAGE = 20
# News results are the best of the newest this many matches (50 pages): bounded work per search.
RANKED_NEWS = 1000
# Per query: a search that would scan every body stops here rather than hold a worker.
NEWS_SEARCH_SECONDS = 3.0


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={"max_length": TOO_LONG},
    )


@dataclass(frozen=True)
class SiteResults:
    parks: list[Park]
    platforms: list[CooperationPlatform]
    news: Page
    news_took_too_long: bool = False

    @property
    def is_empty(self) -> bool:
        found = self.parks or self.platforms or self.news.object_list
        return not (found or self.news_took_too_long)


def search_site(*, query: str, page: str | None) -> SiteResults:
    """Return the best parks and platforms and one page of news for `query`, best first."""
    parks = rank_text(Park.objects.published(), query, PARK_SEARCH_FIELDS)[:TOP_RESULTS]
    platforms = rank_text(platform_list(), query, PLATFORM_SEARCH_FIELDS)[:TOP_RESULTS]
    try:
        with time_limit(NEWS_SEARCH_SECONDS):
            news = rank_text(news_item_list(), query, NEWS_SEARCH_FIELDS, newest=RANKED_NEWS)
            news = lenient_page(news, page, per_page=NEWS_PER_PAGE)
            news.object_list = list(news.object_list)  # read within the time limit
    except OverBudget:
        nothing = Paginator([], NEWS_PER_PAGE).page(1)
        return SiteResults(list(parks), list(platforms), nothing, news_took_too_long=True)
    return SiteResults(list(parks), list(platforms), news)
