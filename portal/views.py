from django.shortcuts import render

from news.selectors import news_item_list
from parks.selectors import featured_platforms, park_overview
from portal.freshness import conditional_page
from portal.site_search import SearchForm, search_site

HOME_NEWS = 8


@conditional_page
def home(request):
    context = {
        "latest_news": news_item_list()[:HOME_NEWS],
        "parks": park_overview(),
        "platforms": featured_platforms(),
    }
    return render(request, "portal/home.html", context)


@conditional_page
def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid():
        results = search_site(query=form.cleaned_data["q"], page=request.GET.get("page"))
    return render(request, "portal/search.html", {"form": form, "results": results})
